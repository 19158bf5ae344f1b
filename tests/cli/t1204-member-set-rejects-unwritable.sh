#!/bin/sh
# member-set (member-set(1)) reads its records through the import loop all
# importers share: a --rejects file that cannot be written is 74, and, as
# in every other import, nothing of the batch is written.
. "$(dirname "$0")/lib.sh"
SQ="'"

test_expect_success 'setup: two members' '
	printf "工号,姓名,身份证号\nE1,张三,11010519491231002X\nE2,李四,440103199003071232\n" >staff.csv &&
	member-add -q staff.csv
'

test_expect_success '--rejects into a full device: 74, the good record not written either' '
	test -w /dev/full &&
	printf "employee_no,status,date\nE1,retired,2026-01-01\nE9,left,2026-01-01\n" >changes.csv &&
	db_dump >before &&
	test_expect_code 74 member-set --skip-bad --rejects /dev/full changes.csv 2>err &&
	test_grep "^member-set: changes.csv:3: no member with employee_no .E9." err &&
	test_grep "^member-set: cannot write rejects file ./dev/full." err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'the same into a file that can be written: the good record applied, exit 1' '
	test_expect_code 1 member-set --skip-bad --rejects rej.csv changes.csv 2>err &&
	test_grep "^member-set: changed 1, unchanged 0, skipped 1$" err &&
	test "$(db_query "SELECT status FROM members WHERE employee_no = ${SQ}E1${SQ}")" = retired &&
	test_grep "^E9,left,2026-01-01," rej.csv
'

test_done
