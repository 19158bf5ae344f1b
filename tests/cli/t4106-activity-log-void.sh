#!/bin/sh
# activity-log void ID --reason: an activity entered by mistake leaves
# every count (ls, report-year's activities by kind, the plan's activity
# metrics) and stays in ls --voided with when and why; the ledger entry its
# cost posted is voided in the same transaction, by fund-ledger's reversing
# entry, so the balance is what it was before the activity and the chain
# still verifies.
. "$(dirname "$0")/lib.sh"

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" activity-log "$@"; }
today=$(date +%Y-%m-%d)

test_expect_success 'setup: the books, a plan with a training target, two trainings' '
	fund-ledger add 2026-01-05 5000 402 >/dev/null &&
	cat >plan.md <<-\EOF &&
	# 2026年测试工会工作计划

	## 指导思想

	学习。

	## 一、培训

	1、培训〔目标: training >= 2〕
	EOF
	plan-new -q --year 2026 plan.md >/dev/null &&
	activity-log add 2026-03-01 training 岗位培训 --participants 20 >/dev/null &&
	activity-log add 2026-04-01 training 安全培训 --participants 30 >/dev/null &&
	fund-ledger balance -f csv >balance.before
'

test_expect_success 'an activity with a cost, entered by mistake: the balance goes down' '
	activity-log add 2026-05-10 training 重复录入的培训 --participants 25 --cost 1200 \
		--category 50301 >id &&
	echo 3 >expect &&
	test_cmp expect id &&
	fund-ledger balance -f csv | grep "^total," >actual &&
	echo "total,,5000.00,1200.00,3800.00" >expect &&
	test_cmp expect actual &&
	test "$(db_query "SELECT entry_id FROM activities WHERE id = 3")" = 2
'

test_expect_success 'void: the activity marked, its entry reversed, said on stderr' '
	activity-log void 3 --reason "重复录入" >out 2>err &&
	test_must_fail test -s out &&
	echo "activity-log: voided activity 3; its cost reversed by ledger entry 3" >expect &&
	test_cmp expect err &&
	db_query "SELECT substr(voided_at, 1, 10), void_reason FROM activities WHERE id = 3" >actual &&
	echo "$today|重复录入" >expect &&
	test_cmp expect actual &&
	db_query "SELECT id, date, direction, category, amount, void_of, memo FROM ledger_entries WHERE id = 3" >actual &&
	echo "3|2026-05-10|in|50301|120000|2|void of 2: 重复录入" >expect &&
	test_cmp expect actual
'

test_expect_success 'the balance after the void is the balance before the activity' '
	fund-ledger balance -f csv >balance.after &&
	grep "^total," balance.before | cut -d, -f5 >expect &&
	grep "^total," balance.after | cut -d, -f5 >actual &&
	test_cmp expect actual &&
	echo "total,,6200.00,1200.00,5000.00" >expect &&
	grep "^total," balance.after >actual &&
	test_cmp expect actual
'

test_expect_success 'fund-ledger verify still passes' '
	fund-ledger verify 2>err &&
	test_grep "verified 3 entries" err
'

test_expect_success 'ls leaves the voided activity out' '
	activity-log ls -f csv | sed 1d | cut -d, -f1,4 >actual &&
	printf "1,岗位培训\n2,安全培训\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'ls --voided: only the voided ones, with voided_at and void_reason last' '
	activity-log ls --voided -f csv >out &&
	head -n 1 out >actual &&
	echo "id,date,kind,title,participants,plan_item,cost,category,fund,entry_id,members,note,voided_at,void_reason" >expect &&
	test_cmp expect actual &&
	sed 1d out | cut -d, -f1,4,7,10,14 >actual &&
	echo "3,重复录入的培训,1200.00,2,重复录入" >expect &&
	test_cmp expect actual &&
	sed 1d out | cut -d, -f13 | grep "^$today"T
'

test_expect_success 'report-year counts the trainings without the voided one' '
	report-year --year 2026 -f json | jq -c ".activities[] | select(.kind == \"training\") | [.count, .participants]" >actual &&
	echo "[2,50]" >expect &&
	test_cmp expect actual
'

test_expect_success 'the plan target training >= 2 is met by the two, not three' '
	plan-new --year 2026 --progress --at 2026-12-31 -f csv | sed 1d | cut -d, -f1,4,5 >actual &&
	echo "2026/一/1,2,met" >expect &&
	test_cmp expect actual &&
	activity-log void 2 --reason 未举办 2>err &&
	echo "activity-log: voided activity 2" >expect &&
	test_cmp expect err &&
	plan-new --year 2026 --progress --at 2026-12-31 -f csv | sed 1d | cut -d, -f1,4,5 >actual &&
	echo "2026/一/1,1,not yet" >expect &&
	test_cmp expect actual
'

test_expect_success 'an activity whose entry was voided by hand: voided alone, the entry not twice' '
	activity-log add 2026-06-01 visit 慰问 --participants 3 --cost 200 --category 50205 >/dev/null &&
	fund-ledger void 4 --reason 退款 >/dev/null &&
	activity-log void 4 --reason 录错 2>err &&
	echo "activity-log: voided activity 4" >expect &&
	test_cmp expect err &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE void_of = 4")" = 1 &&
	fund-ledger verify
'

test_expect_success 'voiding twice: 65, naming when; nothing written' '
	refused 65 "activity 3 is already voided (on $today)" void 3 --reason again
'

test_expect_success 'void without --reason, a bad ID or none: 64' '
	refused 64 "reason" void 1 &&
	refused 64 "ID" void x --reason y &&
	refused 64 "ID" void 0 --reason y &&
	refused 64 "" void --reason y &&
	refused 64 "" void 1 2 --reason y
'

test_expect_success 'void of an unknown activity, or with an empty reason: 65' '
	refused 65 "no activity 99" void 99 --reason x &&
	refused 65 "reason" void 1 --reason ""
'

test_expect_success 'void --dry-run: said, nothing written' '
	db_dump >before &&
	activity-log void 1 --reason x --dry-run >out 2>err &&
	test_must_fail test -s out &&
	test_grep "dry run, nothing written: voided activity 1" err &&
	db_dump >after &&
	test_cmp before after
'

test_done
