#!/bin/sh
# activity-log add … --cost AMOUNT --category CAT [--fund F] [--account A]:
# the cost is an expense entry in the books, posted in the same transaction
# as the activity: the entry's activity_id is the activity's id and the
# activity's entry_id the entry's. A cost the books refuse (overdraft, bad
# category or amount) leaves no activity either. --cost needs --category.
. "$(dirname "$0")/lib.sh"

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" activity-log "$@"; }

# entry_of ACTIVITY: the ledger entry of an activity, as stored.
entry_of() {
	db_query "SELECT e.date, e.fund, e.account, e.direction, e.category, e.amount, e.activity_id,
		coalesce(e.memo, ${SQ}-${SQ}) FROM activities a JOIN ledger_entries e ON e.id = a.entry_id
		WHERE a.id = $1"
}

counts() {
	db_query "SELECT (SELECT count(*) FROM activities) || ${SQ} ${SQ} || (SELECT count(*) FROM ledger_entries)"
}

test_expect_success 'setup: two members, the books opened' '
	member-add -q --name 赵一 --id-card 110105198001010016 &&
	member-add -q --name 钱二 --id-card 110105198102020029 &&
	fund-ledger -q opening 2026-01-01 5000 --fund general --account bank >/dev/null &&
	fund-ledger -q opening 2026-01-01 3000 --fund general --account cash >/dev/null &&
	fund-ledger -q opening 2026-01-01 2000 --fund hardship --account bank >/dev/null &&
	test "$(counts)" = "0 3"
'

test_expect_success '--help documents --cost with --category (and --fund, --account)' '
	activity-log --help >help &&
	test_grep "\[--cost AMOUNT --category CAT \[--fund F\] \[--account A\]\]" help &&
	test_grep "^  --cost AMOUNT .*same transaction" help
'

test_expect_success '--cost --category: the entry is posted; each names the other' '
	activity-log add 2026-04-20 culture-sports 春季运动会 --participants 120 --cost 600 --category 50102 >out 2>err &&
	id=$(cat out) &&
	test "$id" = 1 &&
	entry_of "$id" >actual &&
	echo "2026-04-20|general|bank|out|50102|60000|1|春季运动会" >expect &&
	test_cmp expect actual &&
	eid=$(db_query "SELECT entry_id FROM activities WHERE id = $id") &&
	test "$(db_query "SELECT activity_id FROM ledger_entries WHERE id = $eid")" = "$id" &&
	test "$(counts)" = "1 4"
'

test_expect_success 'the entry is in the books: balance, ls --activity column, verify' '
	fund-ledger balance --by account -f csv | grep "^general,bank," | cut -d, -f5 >actual &&
	echo 4400.00 >expect &&
	test_cmp expect actual &&
	fund-ledger ls -f csv --category 50102 | cut -d, -f6,9,11 >actual &&
	printf "category,amount,activity_id\n50102,600.00,1\n" >expect &&
	test_cmp expect actual &&
	fund-ledger verify 2>err
'

test_expect_success 'ls shows the cost, its category, fund and entry' '
	activity-log ls -f csv | cut -d, -f1,7-10 >actual &&
	printf "id,cost,category,fund,entry_id\n1,600.00,50102,general,4\n" >expect &&
	test_cmp expect actual
'

test_expect_success '--fund and --account, a category by its name, a cost with members' '
	activity-log add 2026-05-01 visit 五一走访 --member 000001 --member 000002 \
		--cost 1,234.5 --category 50205 --fund general --account cash --note 慰问品 >out 2>err &&
	id=$(cat out) &&
	entry_of "$id" >actual &&
	echo "2026-05-01|general|cash|out|50205|123450|$id|五一走访" >expect &&
	test_cmp expect actual &&
	test "$(db_query "SELECT participants FROM activities WHERE id = $id")" = 2 &&
	test "$(db_query "SELECT count(*) FROM activity_members WHERE activity_id = $id")" = 2 &&
	activity-log add 2026-05-02 training 培训 --participants 9 --cost 100 --category activities >out &&
	test "$(entry_of "$(cat out)" | cut -d"|" -f4,5,6)" = "out|501|10000"
'

test_expect_success 'a cost that would overdraw the fund: 65, and no activity is left either' '
	refused 65 "overdraft" add 2026-06-01 rest 疗休养 --participants 30 --cost 99999 --category 50901 &&
	refused 65 "overdraft" add 2026-06-01 rest 疗休养 --member 000001 --cost 4000 --category 50901 --account cash
'

test_expect_success 'an unknown category or fund, a bad amount: 65, nothing stored' '
	refused 65 "999" add 2026-06-02 study 学习 --participants 3 --cost 10 --category 999 &&
	refused 65 "nope" add 2026-06-02 study 学习 --participants 3 --cost 10 --category 50101 --fund nope &&
	refused 65 "1.234" add 2026-06-02 study 学习 --participants 3 --cost 1.234 --category 50101 &&
	refused 65 "" add 2026-06-02 study 学习 --participants 3 --cost -10 --category 50101 &&
	refused 65 "" add 2026-06-02 study 学习 --participants 3 --cost abc --category 50101
'

test_expect_success 'the cost of an activity is an expense: an income class is refused (65)' '
	refused 65 "401" add 2026-06-03 meeting 会员大会 --participants 50 --cost 5 --category 401 &&
	refused 65 "" add 2026-06-03 meeting 会员大会 --participants 50 --cost 5 --category dues
'

test_expect_success '--cost without --category: refused as the tool documents (65), nothing stored' '
	refused 65 "--cost needs --category" add 2026-06-04 study 学习 --participants 3 --cost 10
'

test_expect_success 'a refused cost after a good plan item and members: still nothing' '
	plan-new -q --year 2026 "$DATA/plan-2026.md" >/dev/null &&
	refused 65 "overdraft" add 2026-06-05 culture-sports 运动会 --member 000001 --plan-item 2026/五/1 \
		--cost 9000 --category 50102
'

test_expect_success '--dry-run with a cost: nothing stored, nothing printed' '
	db_dump >before &&
	activity-log add --dry-run 2026-06-06 study 学习 --participants 3 --cost 10 --category 50101 >out &&
	test_must_fail test -s out &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'every activity entry and activity agree; the chain is sound' '
	test "$(db_query "SELECT count(*) FROM activities a JOIN ledger_entries e ON e.id = a.entry_id
		WHERE e.activity_id <> a.id")" = 0 &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE activity_id IS NOT NULL
		AND activity_id NOT IN (SELECT id FROM activities)")" = 0 &&
	test "$(db_query "SELECT count(*) = max(id) FROM activities")" = 1 &&
	fund-ledger verify 2>err
'

test_done
