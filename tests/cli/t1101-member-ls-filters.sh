#!/bin/sh
# member-ls filters (member-ls(1)): --status (active by default,
# all), --unit, --group, --hardship[=LEVEL], --female, --joined, --left,
# --where-key with --by, --where, --count, --mask, --history.
. "$(dirname "$0")/lib.sh"

# nos [option...]: the member numbers member-ls lists, on one line.
nos() {
	member-ls -f csv "$@" >nos.out &&
	head -1 nos.out | grep -q "^member_no," &&
	sed 1d nos.out | cut -d, -f1 | tr "\n" " " | sed "s/ $//"
}

# expect_nos "NOS" [option...]: member-ls lists exactly NOS.
expect_nos() {
	want=$1
	shift
	got=$(nos "$@") || return 1
	if [ "$got" != "$want" ]; then
		echo "member-ls $*: want '$want', got '$got'" >&2
		return 1
	fi
}

test_expect_success 'setup: six members in four states' '
	cat >staff.csv <<-\EOF &&
	工号,姓名,身份证号,部门,工会小组,入会日期,基本工资,手机号码,困难类别
	E0001,张伟,110105198001010016,教务处,第一小组,2006-03-01,5234.50,13800138000,
	E0002,李秀英,110105198001010024,总务处,第一小组,2008-09-01,6100,13912345678,相对困难
	E0003,欧阳明,110105198506150030,教务处,第二小组,2011-01-10,4800,,
	E0004,王芳,110105198506150049,后勤处,第二小组,2012-05-01,3900.50,,深度困难
	E0005,钱七,440304199002020051,信息中心,,2008-03-15,7000,,
	E0006,孙八,44030419900202006X,信息中心,第二小组,2019-03-05,7100,,深度困难
	EOF
	member-add -q staff.csv &&
	member-set -q 000003 --status retired --date 2024-07-01 &&
	member-set -q 000004 --status left --date 2025-03-01 &&
	member-set -q 000005 --status transferred --date 2025-06-30 &&
	db_query "SELECT member_no, status FROM members ORDER BY 1" >actual &&
	cat >expect <<-\EOF &&
	000001|active
	000002|active
	000003|retired
	000004|left
	000005|transferred
	000006|active
	EOF
	test_cmp expect actual
'

test_expect_success 'without --status: the active members only' '
	expect_nos "000001 000002 000006"
'

test_expect_success '--status all, retired, left, transferred' '
	expect_nos "000001 000002 000003 000004 000005 000006" --status all &&
	expect_nos "000003" --status retired &&
	expect_nos "000004" --status left &&
	expect_nos "000005" --status transferred &&
	expect_nos "000001 000002 000006" --status active &&
	expect_nos "" --status deceased
'

test_expect_success 'a bad --status is a usage error (64)' '
	test_expect_code 64 member-ls --status gone >out 2>err &&
	test_grep "status" err &&
	test_must_fail test -s out
'

test_expect_success '--unit, alone and with --status all' '
	expect_nos "000001" --unit 教务处 &&
	expect_nos "000001 000003" --unit 教务处 --status all &&
	expect_nos "000006" --unit 信息中心 &&
	expect_nos "" --unit 不存在
'

test_expect_success '--group' '
	expect_nos "000001 000002" --group 第一小组 &&
	expect_nos "000006" --group 第二小组 &&
	expect_nos "000003 000004 000006" --group 第二小组 --status all
'

test_expect_success '--hardship: any level; --hardship=LEVEL: that level' '
	expect_nos "000002 000006" --hardship &&
	expect_nos "000006" --hardship=deep &&
	expect_nos "000002" --hardship=relative &&
	expect_nos "000004 000006" --hardship=deep --status all &&
	expect_nos "000001" --hardship=none
'

test_expect_success 'a bad --hardship level is a usage error (64)' '
	test_expect_code 64 member-ls --hardship=poor 2>err &&
	test_grep "hardship" err &&
	test_expect_code 64 member-ls --hardship deep 2>err &&
	test_grep "deep" err
'

test_expect_success '--female' '
	expect_nos "000002 000006" --female &&
	expect_nos "000002 000004 000006" --female --status all
'

test_expect_success '--joined YEAR' '
	expect_nos "000002" --joined 2008 &&
	expect_nos "000002 000005" --joined 2008 --status all &&
	expect_nos "" --joined 2020 &&
	test_expect_code 64 member-ls --joined 08 2>err &&
	test_expect_code 64 member-ls --joined last-year 2>err &&
	test_grep "joined" err
'

test_expect_success '--left YEAR: left, transferred (or deceased) that year, whatever --status' '
	expect_nos "000004 000005" --left 2025 &&
	expect_nos "" --left 2024 &&
	expect_nos "000004" --left 2025 --status left &&
	test_expect_code 64 member-ls --left soon 2>err &&
	test_grep "left" err
'

test_expect_success '--where-key finds a member by any key, --by narrows it' '
	expect_nos "000001" --where-key E0001 &&
	expect_nos "000002" --where-key 110105198001010024 &&
	expect_nos "000006" --where-key 000006 &&
	expect_nos "000001" --where-key E0001 --by employee_no &&
	expect_nos "" --where-key E0001 --by id_card &&
	expect_nos "" --where-key 000001 --by employee_no &&
	expect_nos "000004" --where-key E0004 --status all &&
	test_expect_code 64 member-ls --where-key E0001 --by name 2>err &&
	test_grep "by" err
'

test_expect_success '--where COLUMN=VALUE, exact, on the text form; all must hold' '
	expect_nos "000005 000006" --where unit=信息中心 --status all &&
	expect_nos "000001" --where wage_base=5234.50 &&
	expect_nos "" --where wage_base=5234.5 &&
	expect_nos "000006" --where gender=female --where union_group=第二小组 &&
	expect_nos "000003" --where status_date=2024-07-01 --status all &&
	expect_nos "000002" --where phone=13912345678 &&
	expect_nos "000001" --where "union_group=第一小组" --unit 教务处 --status all
'

test_expect_success '--where on an unknown column or without = is a usage error (64)' '
	test_expect_code 64 member-ls --where shoe=42 >out 2>err &&
	test_grep "shoe" err &&
	test_must_fail test -s out &&
	test_expect_code 64 member-ls --where unit 2>err &&
	test_grep "unit" err
'

test_expect_success '--where values are data, not SQL' '
	expect_nos "" --where "name=x${SQ} OR ${SQ}1${SQ}=${SQ}1" &&
	expect_nos "" --unit "${SQ} OR 1=1 --" &&
	expect_nos "" --where-key "${SQ} OR 1=1 --"
'

test_expect_success '--count prints the number only' '
	test "$(member-ls --count)" = 3 &&
	test "$(member-ls --count --status all)" = 6 &&
	test "$(member-ls --count --female --status all)" = 3 &&
	test "$(member-ls --count --unit 不存在)" = 0 &&
	member-ls --count --hardship >out &&
	echo 2 >expect &&
	test_cmp expect out
'

test_expect_success '--count with --history is a usage error (64)' '
	test_expect_code 64 member-ls --count --history 000001 2>err &&
	test_grep "history" err
'

test_expect_success 'an operand is a usage error (64)' '
	test_expect_code 64 member-ls 000001 2>err &&
	test_grep "000001" err
'

test_expect_success '--mask masks name, ID and phone in the listing only' '
	member-ls --mask -f csv --where-key E0001 >out &&
	sed 1d out | cut -d, -f3,5,10 >actual &&
	echo "张*,110105********0016,138****8000" >expect &&
	test_cmp expect actual &&
	member-ls --mask -f json --where-key E0002 >out.json &&
	python3 -c "
import json
r = json.load(open(\"out.json\"))[0]
assert (r[\"name\"], r[\"id_card\"], r[\"phone\"]) == (\"李*英\", \"110105********0024\", \"139****5678\"), r
" &&
	test "$(db_query "SELECT name, id_card, phone FROM members WHERE member_no = ${SQ}000001${SQ}")" = "张伟|110105198001010016|13800138000"
'

test_expect_success '--history: the member unknown is 65' '
	test_expect_code 65 member-ls --history 999999 >out 2>err &&
	test_grep "999999" err &&
	test_must_fail test -s out &&
	test_expect_code 65 member-ls --history E0001 2>err &&
	test_grep "E0001" err
'

test_expect_success '--history: the status change, dated when it took effect' '
	member-ls --history 000003 -f csv >hist &&
	sed 1d hist | cut -d, -f2-5 >actual &&
	cat >expect <<-\EOF &&
	000003,member,,added
	000003,status,active,retired
	EOF
	test_cmp expect actual &&
	sed -n 3p hist | cut -d, -f1 >actual &&
	echo 2024-07-01 >expect &&
	test_cmp expect actual &&
	member-ls --history 110105198506150030 --by id_card -f csv >hist2 &&
	test_cmp hist hist2
'

test_expect_success 'filters never write: the database is unchanged' '
	db_dump >before &&
	member-ls --status all >/dev/null &&
	member-ls --count >/dev/null &&
	member-ls --history 000001 >/dev/null &&
	db_dump >after &&
	test_cmp before after
'

test_done
