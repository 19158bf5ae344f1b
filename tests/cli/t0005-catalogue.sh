#!/bin/sh
# The Chinese catalogue never lags the source: every message xgettext finds
# (mk/pot.sh) has a translation in po/zh_CN.po that is not fuzzy, whose
# formats agree with the English (msgfmt --check), and po/unionkit.pot is
# today's template. A planted message without a translation is caught.
UK_NO_INIT=1
. "${UK_TOP:-$(dirname "$0")/../..}/tests/cli/lib.sh"

tree() {
	mkdir -p "$1" &&
	(cd "$UK_TOP" && tar cf - lib cmd mk po tests/tools) | (cd "$1" && tar xf -)
}

test_expect_success 'every message of the source is translated into Chinese' '
	(cd "$UK_TOP" && sh mk/pot.sh "$TRASH/fresh.pot") &&
	(cd "$UK_TOP" && UK_FRESH_POT="$TRASH/fresh.pot" sh tests/tools/catalogue.sh zh_CN) >faults &&
	test_must_be_empty faults
'

test_expect_success 'the catalogue has messages, and msgfmt counts them all translated' '
	msgfmt --statistics -o /dev/null "$UK_TOP/po/zh_CN.po" 2>stat &&
	n=$(sed -n "s/^\([0-9][0-9]*\) translated messages\.$/\1/p" stat) &&
	test "$n" -gt 300
'

test_expect_success 'a planted message without a translation fails the check, named' '
	tree src &&
	echo "static void planted(void) { uk_err(\"a planted message\"); }" >>src/cmd/member-ls.c &&
	(cd src && sh mk/pot.sh po/unionkit.pot) &&
	test_expect_code 1 sh -c "cd src && UK_FRESH_POT=po/unionkit.pot sh tests/tools/catalogue.sh zh_CN" >faults &&
	test_grep "untranslated: a planted message" faults
'

test_expect_success 'a planted fuzzy translation fails the check' '
	rm -rf src && tree src &&
	awk "/^msgid \"out of memory\"/ && !done { print \"#, fuzzy\"; done = 1 } { print }" \
		src/po/zh_CN.po >fz.po && mv fz.po src/po/zh_CN.po &&
	test_expect_code 1 sh -c "cd src && UK_FRESH_POT=\"$TRASH/fresh.pot\" sh tests/tools/catalogue.sh zh_CN" >faults &&
	test_grep "fuzzy: out of memory" faults
'

test_expect_success 'a translation that changes the "PROG: " prefix fails the check' '
	rm -rf src && tree src &&
	sed -i "/^msgid \"%s: %sadded %ld%s, unchanged/{n;s/^msgstr \"%s: /msgstr \"%s：/}" \
		src/po/zh_CN.po &&
	grep -q "^msgstr \"%s：%s新增 %ld%s，未变" src/po/zh_CN.po &&
	test_expect_code 1 sh -c "cd src && UK_FRESH_POT=\"$TRASH/fresh.pot\" sh tests/tools/catalogue.sh zh_CN" >faults &&
	test_grep "prefix changed: %s: %sadded %ld%s, unchanged" faults
'

test_expect_success 'a stale template fails the check' '
	rm -rf src && tree src &&
	echo "static void planted(void) { uk_err(\"out of memory\"); }" >>src/cmd/member-ls.c &&
	sed -i "/^msgid \"out of memory\"/,/^$/d" src/po/unionkit.pot &&
	test_expect_code 1 sh -c "cd src && sh tests/tools/catalogue.sh zh_CN" >faults &&
	test_grep "not the template" faults
'

test_done
