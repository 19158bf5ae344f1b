#!/bin/sh
# Messages and help in the secretary's language: under zh_CN.UTF-8 they are
# Chinese, with the same "TOOL: FILE:LINE:" prefix and the same exit code
# as in English; --lang picks the language whatever the locale; the build
# tree's catalogue is found without installing.
. "${UK_TOP:-$(dirname "$0")/../..}/tests/cli/lib.sh"
zh_locale_check

printf '姓名,身份证号,工号\n张三,440103199004074659,000001\n' >bad.csv

test_expect_success 'a bad ID number: Chinese message, same FILE:LINE prefix, 65' '
	test_expect_code 65 zh member-add bad.csv 2>err &&
	test_grep "^member-add: bad.csv:2: 身份证号校验位错误 ${SQ}440103199004074659${SQ}$" err &&
	test_expect_code 65 member-add bad.csv 2>err.en &&
	test_grep "^member-add: bad.csv:2: bad check digit in id_card ${SQ}440103199004074659${SQ}$" err.en &&
	test "$(cut -d" " -f1-2 err | head -1)" = "$(cut -d" " -f1-2 err.en | head -1)"
'

test_expect_success 'nothing was written by either' '
	test "$(db_query "SELECT count(*) FROM members")" = 0
'

test_expect_success '--help in Chinese: the synopsis keeps its options, the text is Chinese' '
	zh member-add --help >help.zh &&
	member-add --help >help.en &&
	test_grep "^用法：member-add --name" help.zh &&
	grep -q -e "--id-card" help.zh &&
	test_grep "^usage: member-add --name" help.en &&
	! grep -q "[一-龥]" help.en
'

test_expect_success 'every tool has Chinese help' '
	for t in member-add member-ls member-set fund-ledger dispute-log activity-log care-log mutual-aid \
		plan-new report-month report-year union-config; do
		zh $t --help >h || return 1
		grep -q "^用法：" h || { echo "$t: no Chinese help" >&2; return 1; }
	done
'

test_expect_success 'a usage error: Chinese hint, 64' '
	test_expect_code 64 zh member-add --bogus 2>err &&
	test_grep "请执行 ${SQ}member-add --help${SQ} 查看" err
'

test_expect_success '--lang en under a Chinese locale speaks English; --lang zh under C speaks Chinese' '
	test_expect_code 65 zh member-add --lang en bad.csv 2>err &&
	test_grep "bad check digit in id_card" err &&
	test_expect_code 65 member-add --lang zh bad.csv 2>err &&
	test_grep "身份证号校验位错误" err
'

test_expect_success '--help speaks the --lang given after it, as before it; so does a usage error' '
	LC_ALL=C member-add --help --lang zh >help &&
	test_grep "^用法：member-add" help &&
	LC_ALL=C fund-ledger --help --lang=zh >help &&
	test_grep "^用法：fund-ledger" help &&
	zh member-ls --help --lang en >help &&
	test_grep "^usage: member-ls" help &&
	test_expect_code 64 env LC_ALL=C report-year --year 2026 --name 某工会 --lang zh 2>err &&
	! grep -q "name goes with --merge" err
'

test_expect_success 'an unknown --lang is a usage error naming it' '
	test_expect_code 64 member-ls --lang fr 2>err &&
	test_grep "^member-ls: --lang: unknown language ${SQ}fr${SQ}" err
'

test_expect_success 'the catalogue is found beside the program (BIN/../share/locale), wherever that is' '
	mkdir -p p/bin p/share && cp "$UK_BIN/member-add" p/bin/ &&
	cp -R "$UK_BIN/../share/locale" p/share/ &&
	test_expect_code 65 zh p/bin/member-add bad.csv 2>err &&
	test_grep "身份证号校验位错误" err &&
	rm -r p/share/locale &&
	test_expect_code 65 zh p/bin/member-add bad.csv 2>err &&
	test_grep "bad check digit" err
'

test_done
