#!/bin/sh
# member-add upserts: a known key updates the member and records each field
# that changed; an unchanged record writes nothing; --no-update, --key, and
# a member named twice in one file.
. "$(dirname "$0")/lib.sh"
TODAY=$(date +%F)

events() {
	db_query "SELECT m.member_no, e.date, e.field, coalesce(e.old_value, ${SQ}-${SQ}),
		coalesce(e.new_value, ${SQ}-${SQ}) FROM member_events e
		JOIN members m ON m.id = e.member_id ORDER BY e.id"
}

test_expect_success 'setup: the first HR import' '
	cp "$DATA/members-hr-utf8.csv" hr.csv &&
	member-add -q hr.csv &&
	test "$(db_query "SELECT count(*) FROM members")" = 4 &&
	test "$(db_query "SELECT count(*) FROM member_events")" = 0
'

test_expect_success 'next month: changed, unchanged, new and missing members counted' '
	cat >hr2.csv <<-\EOF &&
	工号,姓名,性别,身份证号,部门,手机号码,基本工资
	E0001,张伟,男,110105198001010016,总务处,13800138000,5500
	E0002,李秀英,女,110105198001010024,总务处,13912345678,6100.00
	E0003,欧阳明,男,110105198506150030,教务处,18699998888,4800.00
	E0005,褚新,女,320102198811110107,教务处,,4000
	EOF
	member-add hr2.csv >out 2>err &&
	echo "member-add: added 1, updated 2, unchanged 1, missing 1" >expect &&
	test_cmp expect err &&
	test_must_fail test -s out &&
	db_query "SELECT member_no, unit, phone, wage_base FROM members ORDER BY member_no" >actual &&
	cat >expect <<-\EOF &&
	000001|总务处|13800138000|550000
	000002|总务处|13912345678|610000
	000003|教务处|18699998888|480000
	000004|后勤处|15900001111|390050
	000005|教务处||400000
	EOF
	test_cmp expect actual
'

test_expect_success 'each changed field is one dated event with old and new value' '
	events >actual &&
	cat >expect <<-EOF &&
	000001|$TODAY|unit|教务处|总务处
	000001|$TODAY|wage_base|5234.50|5500.00
	000003|$TODAY|phone|18611112222|18699998888
	EOF
	test_cmp expect actual &&
	test "$(db_query "SELECT DISTINCT note FROM member_events")" = "member-add hr2.csv"
'

test_expect_success 'member-ls --history shows field, old and new value' '
	member-ls --history 000001 -f csv >hist &&
	head -1 hist >actual &&
	echo "date,member_no,field,old_value,new_value,note,recorded_at" >expect &&
	test_cmp expect actual &&
	cut -d, -f1-6 hist | sed 1d >actual &&
	cat >expect <<-EOF &&
	$TODAY,000001,member,,added,
	$TODAY,000001,unit,教务处,总务处,member-add hr2.csv
	$TODAY,000001,wage_base,5234.50,5500.00,member-add hr2.csv
	EOF
	test_cmp expect actual &&
	member-ls --history E0003 --by employee_no -f json >hist.json &&
	python3 -c "
import json, sys
h = json.load(open(\"hist.json\"))
assert [(r[\"field\"], r[\"old_value\"], r[\"new_value\"]) for r in h] == \
	[(\"member\", None, \"added\"), (\"phone\", \"18611112222\", \"18699998888\")], h
"
'

test_expect_success 'importing the same file again writes nothing at all' '
	db_dump >before &&
	member-add hr2.csv 2>err &&
	echo "member-add: added 0, updated 0, unchanged 4, missing 1" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'the first file again, in another form (amounts, dates), is unchanged for E0002' '
	cat >same.csv <<-\EOF &&
	工号,姓名,出生日期,入会日期,基本工资,手机号码
	E0002,李秀英,1980/1/1,2008年9月1日,"¥6,100",１３９１２３４５６７８
	EOF
	db_dump >before &&
	member-add same.csv 2>err &&
	test_grep "added 0, updated 0, unchanged 1" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'an empty cell or an absent column never clears a stored value' '
	printf "工号,姓名,部门,手机号码,备注\nE0004,王芳,,,\n" >gaps.csv &&
	db_dump >before &&
	member-add gaps.csv 2>err &&
	test_grep "added 0, updated 0, unchanged 1" err &&
	db_dump >after &&
	test_cmp before after &&
	printf "[{\"employee_no\": \"E0004\", \"unit\": null, \"phone\": \"\"}]\n" >gaps.json &&
	member-add gaps.json 2>err &&
	test_grep "added 0, updated 0, unchanged 1" err &&
	db_dump >after &&
	test_cmp before after &&
	test "$(db_query "SELECT unit, phone FROM members WHERE employee_no = ${SQ}E0004${SQ}")" = "后勤处|15900001111"
'

test_expect_success 'a status in the record changes it, dated today when no status_date' '
	printf "工号,状态\nE0004,退休\n" >retire.csv &&
	member-add retire.csv 2>err &&
	test_grep "added 0, updated 1, unchanged 0" err &&
	test "$(db_query "SELECT status, status_date FROM members WHERE employee_no = ${SQ}E0004${SQ}")" = "retired|$TODAY" &&
	events | grep "^000004|" >actual &&
	test_grep "^000004|$TODAY|status|active|retired$" actual
'

test_expect_success '--no-update: a known member is an error, the new one is not added either' '
	cat >mixed.csv <<-\EOF &&
	工号,姓名,身份证号
	E0006,新人,440304199002020051
	E0001,张伟,110105198001010016
	EOF
	db_dump >before &&
	test_expect_code 65 member-add --no-update mixed.csv 2>err &&
	test_grep "^member-add: mixed.csv:3: .*already a member.*000001" err &&
	test_must_fail grep "mixed.csv:2:" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--no-update --skip-bad adds the new one and exits 1' '
	test_expect_code 1 member-add --no-update --skip-bad mixed.csv 2>err &&
	test_grep "^member-add: mixed.csv:3: .*already a member" err &&
	test_grep "added 1, updated 0, unchanged 0, skipped 1" err &&
	test "$(db_query "SELECT member_no, name FROM members WHERE employee_no = ${SQ}E0006${SQ}")" = "000006|新人"
'

test_expect_success '--key employee_no: the record must give it' '
	printf "姓名,身份证号,部门\n张伟,110105198001010016,财务处\n" >noemp.csv &&
	db_dump >before &&
	test_expect_code 65 member-add --key employee_no noemp.csv 2>err &&
	test_grep "^member-add: noemp.csv:2: .*employee_no" err &&
	db_dump >after &&
	test_cmp before after &&
	member-add noemp.csv 2>err &&
	test_grep "added 0, updated 1, unchanged 0" err &&
	test "$(db_query "SELECT unit FROM members WHERE member_no = ${SQ}000001${SQ}")" = 财务处
'

test_expect_success '--key employee_no: a corrected ID number updates the member found by employee_no' '
	printf "工号,姓名,身份证号\nE0005,褚新,320102198811110094\n" >newid.csv &&
	member-add --key employee_no newid.csv 2>err &&
	test_grep "added 0, updated 1, unchanged 0" err &&
	test "$(db_query "SELECT member_no, id_card, gender, birth_date FROM members WHERE employee_no = ${SQ}E0005${SQ}")" = "000005|320102198811110094|male|1988-11-11" &&
	events | grep "^000005|" >actual &&
	test_grep "^000005|$TODAY|id_card|320102198811110107|320102198811110094$" actual
'

test_expect_success '--key id_card: a new ID with a taken employee number is refused' '
	printf "工号,姓名,身份证号\nE0001,张伟,34052419800101001X\n" >taken.csv &&
	db_dump >before &&
	test_expect_code 65 member-add --key id_card taken.csv 2>err &&
	test_grep "^member-add: taken.csv:2: " err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--key member_no: the member number finds the member' '
	printf "member_no,name,unit\n000002,李秀英,图书馆\n" >byno.csv &&
	member-add --key member_no byno.csv 2>err &&
	test_grep "added 0, updated 1, unchanged 0" err &&
	test "$(db_query "SELECT unit FROM members WHERE member_no = ${SQ}000002${SQ}")" = 图书馆
'

test_expect_success 'by default, keys naming two different members are refused' '
	printf "工号,身份证号,姓名\nE0001,110105198001010024,张伟\n" >clash.csv &&
	db_dump >before &&
	test_expect_code 65 member-add clash.csv 2>err &&
	test_grep "^member-add: clash.csv:2: .*000001.*000002\|^member-add: clash.csv:2: .*000002.*000001" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a member twice in one file: the message names both lines' '
	cat >dup.csv <<-\EOF &&
	工号,姓名,身份证号,部门
	E0001,张伟,110105198001010016,教务处
	E0007,新人甲,440304199002020051,教务处
	E0001,张伟,110105198001010016,后勤处
	EOF
	db_dump >before &&
	test_expect_code 65 member-add dup.csv 2>err &&
	test_grep "^member-add: dup.csv:4: .*duplicate.*line 2" err &&
	test "$(grep -c "dup.csv:" err)" = 1 &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'the same person twice by different keys is a duplicate too' '
	cat >dup2.csv <<-\EOF &&
	工号,姓名,身份证号
	,张伟,110105198001010016
	E0001,张伟,
	EOF
	db_dump >before &&
	test_expect_code 65 member-add dup2.csv 2>err &&
	test_grep "^member-add: dup2.csv:3: .*line 2" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'two new people with one ID number in one file: named with both lines' '
	cat >dup3.csv <<-\EOF &&
	工号,姓名,身份证号
	N1,新人乙,34052419800101001X
	N2,新人丙,34052419800101001X
	EOF
	db_dump >before &&
	test_expect_code 65 member-add dup3.csv 2>err &&
	test_grep "^member-add: dup3.csv:3: .*line 2" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a duplicate in a file imported into an empty register is found too' '
	union-config -q init --db fresh.db &&
	db_dump fresh.db >before &&
	test_expect_code 65 member-add --db fresh.db dup3.csv 2>err &&
	test_grep "^member-add: dup3.csv:3: .*line 2" err &&
	db_dump fresh.db >after &&
	test_cmp before after
'

test_done
