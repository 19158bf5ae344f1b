#!/bin/sh
# member-add reads and checks a CSV file on a second thread while the first
# writes: the messages still come in input order with their lines, faults
# found by either thread among them; any bad record still means nothing
# written; and a re-import that knows unchanged members by a fingerprint
# of the file's fields still sees every change, made by a tool or behind
# the tools' back. The files are long enough to fill the queue between the
# threads many times over.
. "$(dirname "$0")/lib.sh"

# bad_digit: an ID number with its check digit changed.
# Faults at lines 5 and 2500 are found while reading (bad check digits),
# those at 700 (the member of line 600 again), 1600 (a new member without
# a name) and 3001 (the ID number of line 2) only against the register.
gen_staff 3000 1 >staff.csv
awk -F, -v OFS=, '
	function bad_digit(id) { return substr(id, 1, 17) (id ~ /0$/ ? "1" : "0") }
	NR == 2 { id2 = $3 }
	NR == 600 { e600 = $1; id600 = $3 }
	NR == 5 || NR == 2500 { $3 = bad_digit($3) }
	NR == 700 { $1 = e600; $3 = id600 }
	NR == 1600 { $2 = "" }
	NR == 3001 { $3 = id2 }
	{ print }' staff.csv >bad.csv

cat >expect.messages <<'EOF'
member-add: bad.csv:5: bad check digit in id_card '110105198001010041'
member-add: bad.csv:700: duplicate: the same member as line 600 (职工599 MEMBER)
member-add: bad.csv:1600: a new member needs a name
member-add: bad.csv:2500: bad check digit in id_card '110105198001034991'
member-add: bad.csv:3001: duplicate: the same member as line 2 (职工1 MEMBER)
member-add: 5 bad records: nothing written (fix them, or --skip-bad to add the rest)
EOF

# messages ERR: ERR with the member numbers written as MEMBER (they depend
# on what the register held before).
messages() {
	sed 's/ 0[0-9]*)$/ MEMBER)/' "$1"
}

test_expect_success 'into an empty register: every fault in input order, nothing written (65)' '
	db_dump >before &&
	test_expect_code 65 member-add bad.csv 2>err &&
	messages err >actual &&
	test_cmp expect.messages actual &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'into a register that holds the first 1000: the same messages, nothing written (65)' '
	head -n 1001 staff.csv >first.csv &&
	member-add -q first.csv &&
	test "$(db_query "SELECT count(*) FROM members")" = 1000 &&
	db_dump >before &&
	test_expect_code 65 member-add bad.csv 2>err &&
	messages err >actual &&
	test_cmp expect.messages actual &&
	db_dump >after &&
	test_cmp before after
'

# Of the 1000 stored, line 5 names S000004 in a bad record, and S000699
# is no longer in the file (line 700 names S000599 instead): missing.
test_expect_success '--skip-bad: the good records land, the rejects file holds the bad ones in order (1)' '
	test_expect_code 1 member-add --skip-bad --rejects rejects.csv bad.csv 2>err &&
	test_grep "added 1997, updated 0, unchanged 998, skipped 5, missing 1$" err &&
	test "$(db_query "SELECT count(*) FROM members")" = 2997 &&
	cut -d, -f1 rejects.csv >actual &&
	printf "%s\n" employee_no S000004 S000599 S001599 S002499 S003000 >expect &&
	test_cmp expect actual &&
	test "$(db_query "SELECT count(*) FROM members WHERE employee_no IN (${SQ}S001599${SQ}, ${SQ}S002499${SQ})")" = 0
'

test_expect_success 'the whole file again, the faults fixed: the rest added, the others unchanged, nothing else written' '
	db_query "SELECT count(*) FROM member_events" >events.before &&
	test_expect_code 1 member-add --skip-bad bad.csv 2>err &&
	test_grep "added 0, updated 0, unchanged 2995, skipped 5, missing 1$" err &&
	member-add staff.csv 2>err &&
	echo "member-add: added 3, updated 0, unchanged 2997, missing 0" >expect &&
	test_cmp expect err &&
	db_query "SELECT count(*) FROM member_events" >events.after &&
	test_cmp events.before events.after &&
	db_dump >before &&
	member-add staff.csv 2>err &&
	echo "member-add: added 0, updated 0, unchanged 3000, missing 0" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'changes made by member-set and behind the tools back are seen and undone by the file' '
	no=$(db_query "SELECT member_no FROM members WHERE employee_no = ${SQ}S000010${SQ}") &&
	member-set -q "$no" --unit 新部门 &&
	db_query "UPDATE members SET name = ${SQ}改名${SQ} WHERE employee_no = ${SQ}S002000${SQ}" &&
	member-add staff.csv 2>err &&
	echo "member-add: added 0, updated 2, unchanged 2998, missing 0" >expect &&
	test_cmp expect err &&
	test "$(db_query "SELECT unit FROM members WHERE employee_no = ${SQ}S000010${SQ}")" = 部门3 &&
	test "$(db_query "SELECT name FROM members WHERE employee_no = ${SQ}S002000${SQ}")" = 职工2000 &&
	test "$(db_query "SELECT old_value || ${SQ}>${SQ} || new_value FROM member_events WHERE field = ${SQ}name${SQ}")" = "改名>职工2000"
'

test_expect_success 'a file of fewer columns is unchanged, one with a column more updates everyone' '
	cut -d, -f1-3 staff.csv >three.csv &&
	member-add three.csv 2>err &&
	echo "member-add: added 0, updated 0, unchanged 3000, missing 0" >expect &&
	test_cmp expect err &&
	gen_staff --note "备注%d" 3000 1 >noted.csv &&
	member-add noted.csv 2>err &&
	echo "member-add: added 0, updated 3000, unchanged 0, missing 0" >expect &&
	test_cmp expect err &&
	test "$(db_query "SELECT note FROM members WHERE employee_no = ${SQ}S001234${SQ}")" = 备注1234
'

test_expect_success 'an unchanged member twice in a file is still a duplicate; a member left out is missing' '
	{ cat noted.csv && sed -n 11p noted.csv; } >twice.csv &&
	db_dump >before &&
	test_expect_code 65 member-add twice.csv 2>err &&
	test_grep "^member-add: twice.csv:3002: duplicate: the same member as line 11 (职工10 " err &&
	db_dump >after &&
	test_cmp before after &&
	sed 11d noted.csv >less.csv &&
	member-add --list-missing -f csv less.csv >missing.csv 2>err &&
	test_grep "unchanged 2999, missing 1" err &&
	test "$(tail -n +2 missing.csv | cut -d, -f2)" = S000010
'

test_expect_success 'a file in GB18030 and its UTF-8 twin: the same register' '
	rm -f gb.db utf.db &&
	union-config -q init -d gb.db &&
	union-config -q init -d utf.db &&
	gen_staff --cn 2000 5001 >cn.csv &&
	iconv -f UTF-8 -t GB18030 cn.csv >cn-gb.csv &&
	member-add -q -d utf.db cn.csv &&
	member-add -q -d gb.db cn-gb.csv &&
	db_query "SELECT member_no, employee_no, name, id_card, unit FROM members ORDER BY id" utf.db >utf.rows &&
	db_query "SELECT member_no, employee_no, name, id_card, unit FROM members ORDER BY id" gb.db >gb.rows &&
	test_cmp utf.rows gb.rows &&
	test "$(wc -l <gb.rows)" = 2000 &&
	member-add -d gb.db cn.csv 2>err &&
	echo "member-add: added 0, updated 0, unchanged 2000, missing 0" >expect &&
	test_cmp expect err
'

test_done
