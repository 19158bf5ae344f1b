#!/bin/sh
# make install puts what the secretary's language needs where the system
# looks for it: the catalogue under share/locale (the installed tools find
# it), the Chinese overview under share/man/zh_CN (man -L zh_CN unionkit),
# and the completion under share/bash-completion/completions, one per tool.
UK_NO_INIT=1
. "${UK_TOP:-$(dirname "$0")/../..}/tests/cli/lib.sh"
zh_locale_check

command -v man >/dev/null 2>&1 && test_set_prereq MAN
D=$TRASH/dest
test_expect_success 'make install into a DESTDIR, from the tree the tests run' '
	test_when_finished "cat out >&2" &&
	make -s -C "$UK_TOP" BUILD="$(dirname "$UK_BIN")" DESTDIR="$D" PREFIX=/usr install >out 2>&1
'

test_expect_success 'the tools, the catalogue, the Chinese page and the completions are there' '
	test -x "$D/usr/bin/member-add" &&
	test -f "$D/usr/share/locale/zh_CN/LC_MESSAGES/unionkit.mo" &&
	test -f "$D/usr/share/man/zh_CN/man7/unionkit.7" &&
	test -f "$D/usr/share/man/man7/unionkit.7" &&
	for t in member-add member-ls member-set fund-ledger dispute-log activity-log care-log mutual-aid \
		plan-new report-month report-year union-config; do
		test -f "$D/usr/share/bash-completion/completions/$t" || return 1
	done
'

test_expect_success 'the summary'"'"'s wording is installed to copy, and is the one the tool has built in' '
	test -f "$D/usr/share/unionkit/year-summary.md" &&
	UNIONKIT_DB=u.db union-config -q init --name 某工会 &&
	UNIONKIT_DB=u.db "$D/usr/bin/report-year" --year 2025 -f md >builtin.md &&
	UNIONKIT_DB=u.db "$D/usr/bin/report-year" --year 2025 -f md \
		--template "$D/usr/share/unionkit/year-summary.md" >copy.md &&
	test_cmp builtin.md copy.md &&
	test_grep "本年度未发生劳动争议" copy.md
'

test_expect_success 'an installed tool speaks Chinese from the installed catalogue' '
	zh "$D/usr/bin/member-ls" --help >h &&
	grep -q "^用法：member-ls" h
'

test_expect_success MAN 'man -L zh_CN finds the Chinese overview' '
	MANPATH="$D/usr/share/man" man -L zh_CN -w unionkit >where &&
	grep -q "zh_CN/man7/unionkit.7" where
'

test_done
