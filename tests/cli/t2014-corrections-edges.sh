#!/bin/sh
# The edges of corrections and dates met in use: a void's reason of
# nothing but spaces is no reason, in every tool that voids; an entry
# dated ahead (meant, --allow-future) is taken back on its own date
# without a second --allow-future; an activity carries out an item of its
# own year's plan; a membership that begins after today is a typo unless
# meant.
. "$(dirname "$0")/lib.sh"

ahead=$(date -d "$(date +%F) +10 days" +%F)

test_expect_success 'setup: an entry, a case, an activity, a plan of 2026' '
	fund-ledger -q opening 2026-01-01 1000 --fund general --account bank >/dev/null &&
	fund-ledger add 2026-02-01 100 402 >/dev/null &&
	dispute-log open --received 2026-03-02 --category wages --employer 某某公司 \
		--summary 拖欠工资 >/dev/null &&
	activity-log add 2026-03-05 meeting 委员会议 --participants 7 >/dev/null &&
	printf "# 2026年测试工会工作计划\n\n## 指导思想\n\n学习。\n\n## 一、培训\n\n1、培训〔目标: training >= 2〕\n" >plan.md &&
	plan-new -q --year 2026 plan.md >/dev/null
'

for blank in "   " "　"; do
	test_expect_success "a reason of only spaces ('$blank') voids nothing, in each tool" '
		test_refused 65 "a void needs its reason" fund-ledger void 2 --reason "$blank" &&
		test_refused 65 "a void needs its reason" dispute-log void 2026-0001 --reason "$blank" &&
		test_refused 65 "a void needs its reason" activity-log void 1 --reason "$blank"
	'
done

test_expect_success 'an entry dated ahead, meant: its void on its own date needs no --allow-future' '
	fund-ledger add --allow-future "$ahead" 50 402 >id &&
	fund-ledger void "$(cat id)" --reason 日期录错 >void &&
	test "$(db_query "SELECT date || \",\" || allow_future FROM ledger_entries WHERE void_of = $(cat id)")" = "$ahead,1" &&
	fund-ledger verify 2>err &&
	test_grep "verified 4 entries" err
'

test_expect_success 'an activity of 2025 cannot carry out an item of the 2026 plan' '
	test_refused 65 "plan item .2026/一/1. is of the 2026 plan, the activity of 2025" \
		activity-log add 2025-06-01 training 培训 --participants 5 --plan-item 2026/一/1 &&
	activity-log add 2026-06-01 training 培训 --participants 5 --plan-item 2026/一/1 >/dev/null &&
	test "$(db_query "SELECT count(*) FROM activities WHERE plan_item_id IS NOT NULL")" = 1
'

test_expect_success 'a join_date after today is refused unless --allow-future' '
	test_refused 65 "join_date: date $ahead is after today" \
		member-add --name 张三 --id-card 11010519491231002X --join-date "$ahead" &&
	printf "姓名,身份证号,入会日期\n张三,11010519491231002X,%s\n" "$ahead" >m.csv &&
	test_refused 65 "m.csv:2: join_date: date $ahead is after today" member-add m.csv &&
	member-add -q --allow-future m.csv &&
	test "$(member-ls -f csv | cut -d, -f15 | sed 1d)" = "$ahead"
'

test_expect_success 'a hire_date after today is taken: HR lists people who start next month' '
	printf "姓名,身份证号,入职日期\n李四,440103198802181898,%s\n" "$ahead" >h.csv &&
	member-add -q h.csv &&
	test "$(db_query "SELECT hire_date FROM members WHERE name = ${SQ}李四${SQ}")" = "$ahead"
'

test_expect_success 'a new member whose status changes ahead (meant): the change is an event, marked' '
	printf "姓名,身份证号,状态,状态日期\n王五,110105199003071239,退休,%s\n" "$ahead" >r.csv &&
	test_refused 65 "r.csv:2: status_date: date $ahead is after today" member-add r.csv &&
	member-add -q --allow-future r.csv &&
	test "$(db_query "SELECT e.date || \",\" || e.new_value || \",\" || e.allow_future FROM member_events e
		JOIN members m ON m.id = e.member_id WHERE m.name = ${SQ}王五${SQ} AND e.field = ${SQ}status${SQ}")" = "$ahead,retired,1"
'

test_done
