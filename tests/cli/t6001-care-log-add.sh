#!/bin/sh
# care-log add DATE KIND: a visit or gift to a member (or a unit with its
# workers), its cash and goods posted to the books in the same
# transaction under the class and fund the kind calls for; 先建档、后帮扶
# for 送温暖, 困难帮扶 and 金秋助学; one grant per student a year; the
# year's cap per person (care.cap.KIND). Every refusal (65, or 64 for the
# command line) names the fault on one line and leaves the database as it
# was.
. "$(dirname "$0")/lib.sh"

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" care-log "$@"; }

# entry ID: an entry's fund, account, class, amount, member and memo.
entry() {
	db_query "SELECT e.fund, e.account, e.category, printf('%.2f', e.amount / 100.0),
		coalesce(m.member_no, ${SQ}-${SQ}), e.memo FROM ledger_entries e
		LEFT JOIN members m ON m.id = e.member_id WHERE e.id = $1"
}

test_expect_success 'setup: three members, a hardship file, money in two funds' '
	member-add -q --name 赵一 --id-card 110105198001010016 --unit 教务处 &&
	member-add -q --name 钱二 --id-card 110105198102020029 --unit 总务处 &&
	member-add -q --name 孙三 --id-card 110105198203030031 --unit 教务处 &&
	member-set -q 000002 --hardship 深度困难 --date 2026-01-10 &&
	fund-ledger -q opening 2026-01-01 20000 --fund general --account bank &&
	fund-ledger -q opening 2026-01-01 10000 --fund hardship --account bank
'

test_expect_success 'a hospital visit with cash and fruit: two entries under 50104 from general, linked' '
	care-log add 2026-03-05 生病住院 --member 000001 --amount 500 --goods 水果 --value 80.50 \
		--occasion 住院 >out 2>err &&
	echo 1 >expect && test_cmp expect out && test_must_be_empty err &&
	test "$(db_query "SELECT kind, amount, goods, goods_value, occasion FROM care WHERE id = 1")" = \
		"sick|50000|水果|8050|住院" &&
	cash=$(db_query "SELECT cash_entry_id FROM care WHERE id = 1") &&
	goods=$(db_query "SELECT goods_entry_id FROM care WHERE id = 1") &&
	test "$(entry $cash)" = "general|bank|50104|500.00|000001|生病住院 住院" &&
	test "$(entry $goods)" = "general|bank|50104|80.50|000001|生病住院 慰问品 水果" &&
	fund-ledger verify
'

test_expect_success 'a visit with neither cash nor goods is a visit: no entry' '
	n=$(db_query "SELECT count(*) FROM ledger_entries") &&
	care-log add 2026-03-06 退休 --member 000003 --occasion 退休座谈 >out &&
	test "$(db_query "SELECT count(*) FROM ledger_entries")" = "$n" &&
	test "$(db_query "SELECT coalesce(cash_entry_id, 0) + coalesce(goods_entry_id, 0) FROM care WHERE id = $(cat out)")" = 0
'

test_expect_success '送温暖 and 困难帮扶 from the hardship fund (50205, 50204), to a member with a file' '
	id=$(care-log add 2026-01-20 送温暖 --member 000002 --amount 800) &&
	test "$(entry $(db_query "SELECT cash_entry_id FROM care WHERE id = $id"))" = \
		"hardship|bank|50205|800.00|000002|送温暖" &&
	id=$(care-log add 2026-02-01 hardship --member 000002 --amount 1000 --occasion 大病) &&
	test "$(entry $(db_query "SELECT cash_entry_id FROM care WHERE id = $id"))" = \
		"hardship|bank|50204|1000.00|000002|困难帮扶 大病"
'

test_expect_success '先建档、后帮扶: aid to a member without a file on the date is refused, named' '
	refused 65 "member 000001 has no hardship file on 2026-01-20: 送温暖 goes to members with one" \
		add 2026-01-20 送温暖 --member 000001 --amount 300 &&
	refused 65 "member 000002 has no hardship file on 2026-01-05" \
		add 2026-01-05 困难帮扶 --member 000002 --amount 300 &&
	refused 65 "no hardship file" add 2026-01-20 送温暖 --member 000001 &&
	refused 64 "need --reason" add 2026-01-20 送温暖 --member 000001 --amount 300 --force
'

test_expect_success '--force --reason gives it anyway, the reason kept with the record and its entry' '
	id=$(care-log add 2026-01-21 送温暖 --member 000001 --amount 300 --force --reason 突发困难待建档) &&
	test "$(db_query "SELECT force_reason FROM care WHERE id = $id")" = 突发困难待建档 &&
	test "$(db_query "SELECT force_reason FROM ledger_entries WHERE id =
		(SELECT cash_entry_id FROM care WHERE id = $id)")" = 突发困难待建档
'

test_expect_success '夏送清凉 to a unit with its workers: 50202 from general, no member' '
	id=$(care-log add 2026-07-10 夏送清凉 --unit 某某机械厂 --workers 120 --goods 防暑用品 --value 2400) &&
	test "$(db_query "SELECT unit, workers, member_id IS NULL FROM care WHERE id = $id")" = "某某机械厂|120|1" &&
	test "$(entry $(db_query "SELECT goods_entry_id FROM care WHERE id = $id"))" = \
		"general|bank|50202|2400.00|-|夏送清凉 慰问品 防暑用品" &&
	id=$(care-log add 2026-01-25 送温暖 --unit 某某社区 --workers 30 --amount 600) &&
	test "$(entry $(db_query "SELECT cash_entry_id FROM care WHERE id = $id"))" = \
		"general|bank|50205|600.00|-|送温暖"
'

test_expect_success '金秋助学: the student and school recorded; one grant per student a year' '
	id=$(care-log add 2026-08-25 金秋助学 --member 000002 --amount 2000 --student 钱小明 \
		--school 某某大学 --entry-year 2026) &&
	test "$(db_query "SELECT student, school, entry_year FROM care WHERE id = $id")" = "钱小明|某某大学|2026" &&
	refused 65 "钱小明 has a grant of 2026 already (care record $id): one a year" \
		add 2026-09-01 金秋助学 --member 000002 --amount 500 --student 钱小明 --school 某某大学 &&
	care-log add 2026-09-01 金秋助学 --member 000002 --amount 500 --student 钱小红 --school 某某中学 >/dev/null &&
	refused 65 "names the student and the school" add 2026-09-02 金秋助学 --member 000002 --amount 500 &&
	refused 65 "go with 金秋助学" add 2026-09-02 节日 --member 000002 --amount 5 --student 钱小红 --school x
'

test_expect_success 'ls --mask: the names of member and student masked, nothing else' '
	care-log ls --kind 金秋助学 -f csv >plain.csv &&
	care-log ls --kind 金秋助学 -f csv --mask >masked.csv &&
	test_grep 钱小明 plain.csv &&
	test_grep "钱\*明" masked.csv && test_grep "钱\*红" masked.csv &&
	! grep -e 钱小明 -e 钱小红 masked.csv &&
	name=$(db_query "SELECT name FROM members WHERE member_no + 0 = 2") && test -n "$name" &&
	test_grep "$name" plain.csv && ! grep "$name" masked.csv &&
	cut -d, -f1-4,6- plain.csv | sed 1d >p.rest &&
	cut -d, -f1-4,6- masked.csv | sed 1d | sed "s/钱\*[明红]/STUDENT/" >m.rest &&
	sed "s/钱小[明红]/STUDENT/" p.rest >p.rest2 &&
	test_cmp p.rest2 m.rest
'

test_expect_success 'caps: off until set; past the cap refused with the year total, --over-cap --reason kept' '
	care-log add 2026-02-10 节日 --member 000003 --amount 1000 --occasion 2026春节 >/dev/null &&
	union-config -q care.cap.holiday 1500 &&
	care-log add 2026-06-19 节日 --member 000003 --amount 300 --occasion 2026端午 >/dev/null &&
	refused 65 "member 000003: 节日 of 2026 would come to 1600.00, over the cap of 1500.00 (care.cap.holiday)" \
		add 2026-09-20 节日 --member 000003 --amount 200 --goods 月饼 --value 100 --occasion 2026中秋 &&
	care-log add 2026-09-20 节日 --member 000003 --amount 200 --occasion 2026中秋 >/dev/null &&
	id=$(care-log add 2026-10-01 节日 --member 000003 --amount 100 --over-cap --reason 上级批准) &&
	test "$(db_query "SELECT over_cap_reason FROM care WHERE id = $id")" = 上级批准 &&
	care-log add 2027-01-20 节日 --member 000003 --amount 1500 --allow-future >/dev/null &&
	test_expect_code 65 union-config care.cap.birthday 三百 2>err &&
	test_grep "must be an amount in yuan" err
'

test_expect_success 'bad input: one line, 65 or 64, the database unchanged' '
	refused 65 "unknown kind .慰问狗." add 2026-03-01 慰问狗 --member 000001 &&
	refused 65 "no member .000009." add 2026-03-01 sick --member 000009 &&
	refused 65 "names a member (--member) or a unit (--unit), one of them" add 2026-03-01 sick &&
	refused 65 "one of them" add 2026-03-01 winter --member 000002 --unit 某厂 &&
	refused 65 "生病住院 goes to a member (--member), not a unit" add 2026-03-01 sick --unit 某厂 &&
	refused 65 "--workers goes with --unit" add 2026-03-01 sick --member 000001 --workers 3 &&
	refused 65 "goods are given with their value" add 2026-03-01 sick --member 000001 --goods 水果 &&
	refused 65 "amount must be more than zero" add 2026-03-01 sick --member 000001 --amount 0 &&
	refused 65 "in amount" add 2026-03-01 sick --member 000001 --amount 12.345 &&
	refused 65 "date" add 2026-02-30 sick --member 000001 &&
	refused 65 "after today" add 2099-01-01 sick --member 000001 &&
	refused 65 "overdraft" add 2026-03-01 sick --member 000001 --amount 999999 &&
	refused 65 "category" add 2026-03-01 sick --member 000001 --amount 5 --category 9999 &&
	refused 64 "add takes DATE KIND" add 2026-03-01 &&
	refused 64 "unrecognized option\\|未识别" add 2026-03-01 sick --member 000001 --bogus
'

test_expect_success '--dry-run checks and writes nothing' '
	db_dump >before &&
	care-log add --dry-run 2026-03-01 sick --member 000001 --amount 5 >out &&
	test_must_be_empty out &&
	db_dump >after && test_cmp before after
'

test_done
