#!/bin/sh
# A member's change dated after today is a typo unless --allow-future says
# it is meant: member-set --date, member-set records with a date column and
# member-add records with a status_date are refused (65, FILE:LINE in a
# batch, nothing written); with --allow-future the event is written and
# marked (member_events.allow_future).
. "$(dirname "$0")/lib.sh"

refused() { t=$1 c=$2 p=$3; shift 3; test_refused "$c" "$p" "$t" "$@"; }

# events: the member events of the date given, with their mark.
events() {
	db_query "SELECT m.member_no, e.field, e.date, e.new_value, e.allow_future
		FROM member_events e JOIN members m ON m.id = e.member_id
		WHERE e.date = ${SQ}$1${SQ} ORDER BY e.id"
}

test_expect_success 'setup: six members' '
	member-add -q "$DATA/ledger-members.csv" &&
	test "$(db_query "SELECT count(*) FROM members")" = 6
'

test_expect_success 'member-set --date after today: 65, the date named, nothing written' '
	refused member-set 65 "date 2099-01-31 is after today (....-..-..): a typo? give --allow-future if it is meant" \
		000001 --status transferred --date 2099-01-31 &&
	refused member-set 65 "date 2099-02-01 is after today" 000002 --wage-base 9000 --date 2099-02-01 &&
	refused member-set 65 "date 2099-02-01 is after today" 000002 --role committee --date 2099-02-01
'

test_expect_success 'member-set records with a date after today: FILE:LINE, nothing written' '
	cat >changes.csv <<-\EOF &&
	member_no,status,date
	000003,retired,2026-06-30
	000004,left,2099-07-01
	EOF
	refused member-set 65 "changes.csv:3: date 2099-07-01 is after today" changes.csv
'

test_expect_success 'member-add records with a status_date after today: FILE:LINE, nothing written' '
	cat >hr.csv <<-\EOF &&
	employee_no,name,id_card,status,status_date
	L001,赵一,110105198501010119,active,
	L002,钱二,110105198602020121,transferred,2099-03-01
	EOF
	refused member-add 65 "hr.csv:3: status_date: date 2099-03-01 is after today" hr.csv
'

test_expect_success 'a date of the past, or today, needs nothing and is not marked' '
	member-set -q 000003 --status retired --date 2026-06-30 &&
	events 2026-06-30 >actual &&
	echo "000003|status|2026-06-30|retired|0" >expect &&
	test_cmp expect actual
'

test_expect_success 'member-set --allow-future: written, every event of the change marked' '
	member-set -q 000001 --status transferred --date 2099-01-31 --note 调往分公司 --allow-future &&
	member-set -q 000002 --wage-base 9000 --role committee --date 2099-02-01 --allow-future &&
	events 2099-01-31 >actual &&
	echo "000001|status|2099-01-31|transferred|1" >expect &&
	test_cmp expect actual &&
	events 2099-02-01 >actual &&
	cat >expect <<-\EOF &&
	000002|wage_base|2099-02-01|9000.00|1
	000002|role|2099-02-01|committee|1
	EOF
	test_cmp expect actual &&
	test "$(db_query "SELECT count(*) FROM member_events WHERE allow_future = 1")" = 3
'

test_expect_success 'batches with --allow-future: member-set records and member-add status dates, marked' '
	member-set -q --allow-future changes.csv &&
	events 2099-07-01 >actual &&
	echo "000004|status|2099-07-01|left|1" >expect &&
	test_cmp expect actual &&
	member-add -q --allow-future hr.csv &&
	events 2099-03-01 >actual &&
	echo "000002|status|2099-03-01|transferred|1" >expect &&
	test_cmp expect actual
'

test_expect_success '--help and the usage name --allow-future' '
	member-set --help >out 2>&1 &&
	test_grep "^  --allow-future" out &&
	member-add --help >out 2>&1 &&
	test_grep "^  --allow-future" out
'

test_done
