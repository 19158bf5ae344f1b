#!/bin/sh
# fund-ledger dues --month M charges each member of the register by the wage
# base in force on the month's first day: every wage change is a dated
# event (member-set --wage-base --date), so a raise entered in December
# leaves the months before it as they were. A member whose first base was
# recorded after the month is charged by that first base. Records piped in
# are charged by the base they carry.
. "$(dirname "$0")/lib.sh"

# roll MONTH: member_no, wage_base, dues of the roll, posting the month.
roll() {
	fund-ledger dues --allow-future --month "$1" -f csv 2>err | cut -d, -f1,4,5 | sed 1d
}

test_expect_success 'setup: three members, their bases changed at dated points' '
	cat >members.csv <<-\EOF &&
	employee_no,name,id_card,unit,wage_base,join_date
	W001,赵一,110105198501010119,教务处,5000.00,2020-01-01
	W002,钱二,110105198602020121,教务处,4000.00,2020-01-01
	W003,孙三,110105198703030118,总务处,,2020-01-01
	EOF
	member-add -q members.csv &&
	member-set -q 000001 --wage-base 8000 --date 2026-12-01 --allow-future &&
	member-set -q 000002 --wage-base 5000 --date 2026-04-15 &&
	member-set -q 000002 --wage-base 7000 --date 2026-08-01 &&
	member-set -q 000003 --wage-base 6000 --date 2026-06-01 &&
	db_query "SELECT m.member_no, e.date, coalesce(e.old_value, ${SQ}-${SQ}), e.new_value
		FROM member_events e JOIN members m ON m.id = e.member_id
		WHERE e.field = ${SQ}wage_base${SQ} ORDER BY e.id" >actual &&
	cat >expect <<-\EOF &&
	000001|2026-12-01|5000.00|8000.00
	000002|2026-04-15|4000.00|5000.00
	000002|2026-08-01|5000.00|7000.00
	000003|2026-06-01|-|6000.00
	EOF
	test_cmp expect actual
'

test_expect_success 'a raise dated 2026-12-01: November is charged on 5000 (25.00), December on 8000' '
	roll 2026-11 >nov &&
	test_grep "^000001,5000.00,25.00$" nov &&
	roll 2026-12 >dec &&
	test_grep "^000001,8000.00,40.00$" dec &&
	test "$(db_query "SELECT amount FROM ledger_entries WHERE dues_month = ${SQ}2026-11${SQ} AND member_id = 1")" = 2500 &&
	test "$(db_query "SELECT amount FROM ledger_entries WHERE dues_month = ${SQ}2026-12${SQ} AND member_id = 1")" = 4000
'

test_expect_success 'the base in force on the first: a change on the 15th counts from the next month' '
	roll 2026-03 >mar &&
	test_grep "^000002,4000.00,20.00$" mar &&
	roll 2026-04 >apr &&
	test_grep "^000002,4000.00,20.00$" apr &&
	roll 2026-05 >may &&
	test_grep "^000002,5000.00,25.00$" may &&
	roll 2026-08 >aug &&
	test_grep "^000002,7000.00,35.00$" aug
'

test_expect_success 'a base first recorded after the month stands for the months before it' '
	test_grep "^000003,6000.00,30.00$" mar &&
	test_grep "^000003,6000.00,30.00$" may
'

test_expect_success 'the books: each month posted by its own base, totals by SQL' '
	db_query "SELECT e.dues_month, m.member_no, e.amount FROM ledger_entries e
		JOIN members m ON m.id = e.member_id WHERE e.dues_month IN
		(${SQ}2026-03${SQ}, ${SQ}2026-11${SQ}) ORDER BY 1, 2" >actual &&
	cat >expect <<-\EOF &&
	2026-03|000001|2500
	2026-03|000002|2000
	2026-03|000003|3000
	2026-11|000001|2500
	2026-11|000002|3500
	2026-11|000003|3000
	EOF
	test_cmp expect actual
'

test_expect_success 'records piped in are charged by the base they carry, as before' '
	printf "member_no,name,unit,wage_base\n000001,赵一,教务处,9000.00\n" |
		fund-ledger dues --month 2026-01 - -f csv >piped.csv 2>err &&
	test_grep "^000001,赵一,教务处,9000.00,45.00," piped.csv
'

test_done
