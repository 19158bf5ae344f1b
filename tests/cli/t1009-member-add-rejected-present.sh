#!/bin/sh
# member-add: a rejected record still names a person. Whatever readable key
# it carries (employee_no, id_card, member_no) keeps that member out of the
# missing count and out of --list-missing; a rejected record with no
# readable key makes --list-missing refuse.
. "$(dirname "$0")/lib.sh"

# status_of EMPLOYEE_NO: the stored status of one member.
status_of() {
	db_query "SELECT status FROM members WHERE employee_no = '$1'"
}

cat >nov.csv <<'EOF'
工号,姓名,身份证号,手机号
E1,张三,11010519491231002X,13800000001
E2,侯茗,440103198802181898,13800000002
E3,李四,440103199003071232,13800000003
E4,王五,320102198511110033,13800000004
EOF

test_expect_success 'setup: four members from November' '
	member-add nov.csv 2>err &&
	echo "member-add: added 4, updated 0, unchanged 0, missing 0" >expect &&
	test_cmp expect err &&
	test "$(db_query "SELECT group_concat(member_no || employee_no, \" \") FROM members")" = \
		"000001E1 000002E2 000003E3 000004E4"
'

# December: 侯茗's ID number mangled by Excel, 李四 gone.
cat >dec.csv <<'EOF'
工号,姓名,身份证号
E1,张三,11010519491231002X
E2,侯茗,4.40103E+17
E4,王五,320102198511110033
EOF

test_expect_success 'the pipe to member-set marks only the member really missing as left' '
	member-add --skip-bad --list-missing -f csv dec.csv 2>add.err |
		member-set --status left --date 2026-11-30 - 2>set.err &&
	test_grep "^member-add: dec.csv:3: id_card .4.40103E+17. was turned into a number by Excel" add.err &&
	test_grep "^member-add: added 0, updated 0, unchanged 2, skipped 1, missing 1$" add.err &&
	test_grep "^member-set: changed 1, unchanged 0, skipped 0$" set.err &&
	test "$(status_of E2)" = active &&
	test "$(status_of E3)" = left &&
	test "$(db_query "SELECT status_date FROM members WHERE employee_no = \"E3\"")" = 2026-11-30 &&
	test "$(db_query "SELECT count(*) FROM members WHERE status = \"left\"")" = 1 &&
	test "$(db_query "SELECT count(*) FROM member_events e JOIN members m ON m.id = e.member_id
		WHERE m.employee_no = \"E2\"")" = 0
'

# Whatever the pipe did, every member is active again for what follows.
test_expect_success 'setup: 李四 (and anyone else marked left) back as active' '
	for e in $(db_query "SELECT employee_no FROM members WHERE status <> \"active\""); do
		member-set -q "$e" --by employee_no --status active --date 2026-12-01 || return 1
	done &&
	test "$(db_query "SELECT count(*) FROM members WHERE status = \"active\"")" = 4
'

test_expect_success 'a record refused while reading (too few fields) still names its employee_no' '
	printf "工号,姓名,身份证号\nE1,张三,11010519491231002X\nE2,侯茗\nE3,李四,440103199003071232\n" >ragged.csv &&
	test_expect_code 1 member-add --skip-bad --list-missing -f csv ragged.csv >out 2>err &&
	test_grep "^member-add: ragged.csv:3: expected 3 fields" err &&
	cut -d, -f2,3 out >actual &&
	printf "employee_no,name\nE4,王五\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'a readable ID number names the member in a record refused for its phone' '
	cat >phones.csv <<-\EOF &&
	姓名,身份证号,手机号
	张三,11010519491231002X,13800000001
	侯茗,440103198802181898,1380000
	李四,440103199003071232,13800000003
	EOF
	db_dump >before &&
	test_expect_code 1 member-add --dry-run --skip-bad --list-missing -f csv phones.csv >out 2>err &&
	test_grep "^member-add: phones.csv:3: phone must be 11 digits" err &&
	test_grep "missing 1$" err &&
	cut -d, -f2,3 out >actual &&
	printf "employee_no,name\nE4,王五\n" >expect &&
	test_cmp expect actual &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a member_no names the member in a record refused for a bad date' '
	cat >numbers.csv <<-\EOF &&
	会员编号,姓名,入会日期
	000001,张三,2020-01-01
	000002,侯茗,2020-02-30
	000004,王五,2020-01-01
	EOF
	test_expect_code 1 member-add --skip-bad --list-missing -f csv numbers.csv >out 2>err &&
	test_grep "^member-add: numbers.csv:3: .*2020-02-30" err &&
	cut -d, -f1,3 out >actual &&
	printf "member_no,name\n000003,李四\n" >expect &&
	test_cmp expect actual &&
	test "$(db_query "SELECT group_concat(coalesce(join_date, \"-\"), \" \") FROM members ORDER BY id")" = \
		"2020-01-01 - - 2020-01-01"
'

test_expect_success 'a rejected NDJSON record names the member by its employee_no' '
	cat >dec.ndjson <<-\EOF &&
	{"employee_no": "E1", "name": "张三"}
	{"employee_no": "E2", "id_card": "4.40103E+17"}
	{"employee_no": "E3", "name": "李四"}
	EOF
	test_expect_code 1 member-add --dry-run --skip-bad --list-missing -f csv dec.ndjson >out 2>err &&
	cut -d, -f2 out >actual &&
	printf "employee_no\nE4\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'without --list-missing, the missing count counts rejected records as present' '
	db_dump >before &&
	test_expect_code 1 member-add --dry-run --skip-bad dec.csv 2>err &&
	test_grep "^member-add: dry run, nothing written: added 0, updated 0, unchanged 2, skipped 1, missing 1$" err &&
	db_dump >after &&
	test_cmp before after
'

cat >keyless.csv <<'EOF'
工号,姓名,身份证号
E1,张三,11010519491231002X
,侯茗,4.40103E+17
E3,李四,440103199003071232
E4,王五,320102198511110033
EOF

test_expect_success 'a rejected record with no readable key: --list-missing refuses, naming its line' '
	test_refused 65 "--list-missing: 1 rejected record names no one: nothing written" \
		member-add --skip-bad --list-missing -f csv keyless.csv &&
	test_grep "^member-add: keyless.csv:3: id_card .4.40103E+17. was turned into a number by Excel" err &&
	test_grep "^member-add: keyless.csv:3: this rejected record has no readable employee_no, id_card or member_no" err &&
	test "$(status_of E1)" = active
'

test_expect_success 'the same, with the keyless record refused while reading (bad quoting)' '
	printf "工号,姓名\nE1,张三\n\"E\"2,侯茗\nE3,李四\nE4,王五\n" >quotes.csv &&
	test_refused 65 "--list-missing: 1 rejected record names no one" \
		member-add --skip-bad --list-missing quotes.csv &&
	test_grep "^member-add: quotes.csv:3: bad quoting" err &&
	test_grep "^member-add: quotes.csv:3: this rejected record has no readable" err
'

test_expect_success 'without --list-missing, a keyless rejected record is only skipped' '
	test_expect_code 1 member-add --skip-bad keyless.csv 2>err &&
	test_grep "missing 1$" err &&
	test_must_fail grep -q "no readable" err
'

test_done
