#!/bin/sh
# dispute-log void CASE --reason: a case entered by mistake leaves every
# figure (stats, report-year, report-month, the plan's dispute metrics) and
# every listing (ls, ls --overdue), keeps its number, stays in show with
# when and why, and its timeline records the void. Voided once only; a
# voided case is not changed again.
. "$(dirname "$0")/lib.sh"

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" dispute-log "$@"; }
today=$(date +%Y-%m-%d)

# rates: the handled and success rates and the counts of stats --year 2026.
rates() {
	dispute-log stats --year 2026 --at 2026-06-30 -f csv >stats.out &&
	grep -E '^(cases,(received|concluded|open|overdue)|outcome,withdrawn|rate,)' stats.out
}

test_expect_success 'setup: a resolved, a failed and an open case, and one entered by mistake' '
	dispute-log open --received 2026-03-02 --category wages --employer 某电子厂 --summary 欠薪 >/dev/null &&
	dispute-log close 2026-0001 --outcome resolved --date 2026-03-10 &&
	dispute-log open --received 2026-03-05 --category contract --employer 某物流公司 --summary 未签合同 >/dev/null &&
	dispute-log close 2026-0002 --outcome failed --date 2026-03-12 &&
	dispute-log open --received 2026-03-06 --category wages --employer 某电子厂 --summary 录错的案件 >/dev/null &&
	dispute-log close 2026-0003 --outcome withdrawn --date 2026-03-07 &&
	dispute-log open --received 2026-04-01 --category injury --employer 某建材厂 --summary 工伤 >/dev/null &&
	dispute-log open --received 2026-04-02 --category other --employer 某商场 --summary 又一件录错的 >/dev/null &&
	test "$(db_query "SELECT count(*) FROM disputes")" = 5
'

test_expect_success 'before: the mistaken withdrawn case drags the handled rate (调处率) down' '
	rates >actual &&
	cat >expect <<-\EOF &&
	cases,received,5
	cases,concluded,2
	cases,open,2
	cases,overdue,2
	outcome,withdrawn,1
	rate,handled,40.0%
	rate,success,50.0%
	EOF
	test_cmp expect actual
'

test_expect_success 'void: nothing on stdout, the case marked with the time and reason' '
	dispute-log void 2026-0003 --reason "录入错误：同一来访重复登记" >out 2>err &&
	test_must_fail test -s out &&
	test_must_fail test -s err &&
	db_query "SELECT substr(voided_at, 1, 10), void_reason, status, outcome FROM disputes WHERE case_no = '\''2026-0003'\''" >actual &&
	echo "$today|录入错误：同一来访重复登记|closed|withdrawn" >expect &&
	test_cmp expect actual
'

test_expect_success 'after: the case leaves every figure of stats' '
	rates >actual &&
	cat >expect <<-\EOF &&
	cases,received,4
	cases,concluded,2
	cases,open,2
	cases,overdue,2
	outcome,withdrawn,0
	rate,handled,50.0%
	rate,success,50.0%
	EOF
	test_cmp expect actual &&
	grep "^category,wages,1\$" stats.out
'

test_expect_success 'a voided open case leaves the open and overdue counts and ls --overdue' '
	dispute-log ls --overdue --at 2026-06-30 -f csv | cut -d, -f1 >actual &&
	printf "case_no\n2026-0004\n2026-0005\n" >expect &&
	test_cmp expect actual &&
	dispute-log void 2026-0005 --reason 重复 &&
	dispute-log ls --overdue --at 2026-06-30 -f csv | cut -d, -f1 >actual &&
	printf "case_no\n2026-0004\n" >expect &&
	test_cmp expect actual &&
	rates >actual &&
	grep -x "cases,open,1" actual &&
	grep -x "cases,overdue,1" actual &&
	grep -x "rate,handled,66.7%" actual
'

test_expect_success 'ls leaves voided cases out, whatever the filter' '
	dispute-log ls -f csv | sed 1d | cut -d, -f1 >actual &&
	printf "2026-0001\n2026-0002\n2026-0004\n" >expect &&
	test_cmp expect actual &&
	dispute-log ls --status closed --year 2026 -f csv | sed 1d | cut -d, -f1 >actual &&
	printf "2026-0001\n2026-0002\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'ls --voided: only the voided cases, with voided_at and void_reason last' '
	dispute-log ls --voided -f csv >out &&
	head -n 1 out >actual &&
	echo "case_no,kind,received,source,category,employer,employer_code,workers,claimed,summary,status,outcome,recovered,closed,members,voided_at,void_reason" >expect &&
	test_cmp expect actual &&
	sed 1d out | cut -d, -f1,11,16,17 | sed "s/,$today"T"[0-9:]*,/,TODAY,/" >actual &&
	cat >expect <<-\EOF &&
	2026-0003,closed,TODAY,录入错误：同一来访重复登记
	2026-0005,open,TODAY,重复
	EOF
	test_cmp expect actual &&
	dispute-log ls --voided --month 2026-04 -f csv | sed 1d | cut -d, -f1 >actual &&
	echo 2026-0005 >expect &&
	test_cmp expect actual
'

test_expect_success 'show: the voided case, marked, and the void in its timeline' '
	dispute-log show 2026-0003 -f csv >out &&
	sed -n 2p out | cut -d, -f1,11,12,17 >actual &&
	echo "2026-0003,closed,withdrawn,录入错误：同一来访重复登记" >expect &&
	test_cmp expect actual &&
	sed -n 2p out | cut -d, -f16 | grep "^$today"T &&
	sed 1,4d out | cut -d, -f2-6 >actual &&
	cat >expect <<-EOF &&
	2026-03-06,open,open,,录错的案件
	2026-03-07,close,closed,withdrawn,
	$today,void,closed,withdrawn,录入错误：同一来访重复登记
	EOF
	test_cmp expect actual &&
	test "$(db_query "SELECT count(*) FROM dispute_events WHERE action = '\''void'\''")" = 2
'

test_expect_success 'show of a case in force: voided_at and void_reason empty' '
	dispute-log show 2026-0001 -f csv | sed -n 2p | cut -d, -f16,17 >actual &&
	echo "," >expect &&
	test_cmp expect actual
'

test_expect_success 'report-year and report-month count without the voided cases' '
	report-year --year 2026 -f json >rep.json &&
	jq -c ".disputes | {received, concluded, withdrawn, handled_rate, success_rate}" rep.json >actual &&
	echo "{\"received\":3,\"concluded\":2,\"withdrawn\":0,\"handled_rate\":66.7,\"success_rate\":50}" >expect &&
	test_cmp expect actual &&
	report-month --month 2026-03 --dry-run -f json >mon.json &&
	jq -c ".disputes | {received, closed}" mon.json >actual &&
	echo "{\"received\":2,\"closed\":2}" >expect &&
	test_cmp expect actual
'

test_expect_success 'the plan dispute metrics count without the voided cases' '
	cat >plan.md <<-\EOF &&
	# 2026年测试工会工作计划

	## 指导思想

	维权。

	## 一、维权

	1、受理劳动争议〔目标: disputes_received >= 3〕
	2、调处率〔目标: dispute_handled_rate >= 60%〕
	3、成功率〔目标: dispute_success_rate >= 50%〕
	EOF
	plan-new -q --year 2026 plan.md >/dev/null &&
	plan-new --year 2026 --progress --at 2026-06-30 -f csv | cut -d, -f1,4,5 >actual &&
	cat >expect <<-\EOF &&
	item,actual,result
	2026/一/1,3,met
	2026/一/2,66.7%,met
	2026/一/3,50.0%,met
	EOF
	test_cmp expect actual
'

test_expect_success 'a voided case keeps its number: the next case takes the one after' '
	dispute-log open --received 2026-05-01 --category wages --employer 某厂 --summary 新案 >out &&
	echo 2026-0006 >expect &&
	test_cmp expect out
'

test_expect_success 'voiding twice: 65, naming when; the database unchanged' '
	refused 65 "2026-0003 is already voided (on $today)" void 2026-0003 --reason again
'

test_expect_success 'a voided case is not updated, closed or reopened (65)' '
	refused 65 "voided on $today" update 2026-0005 --note x &&
	refused 65 "voided" close 2026-0005 --outcome resolved &&
	refused 65 "voided" update 2026-0003 --reopen --note x
'

test_expect_success 'void without --reason, or without one CASE: 64' '
	refused 64 "reason" void 2026-0001 &&
	refused 64 "" void --reason x &&
	refused 64 "" void 2026-0001 2026-0002 --reason x &&
	refused 64 "void takes no --date or --note" void 2026-0001 --reason x --date 2026-11-26 &&
	refused 64 "void takes no --date or --note" void 2026-0001 --reason x --note y
'

test_expect_success 'void of an unknown case, or with an empty reason: 65' '
	refused 65 "no case .2026-0099." void 2026-0099 --reason x &&
	refused 65 "reason" void 2026-0001 --reason ""
'

test_expect_success 'void --dry-run: checked, nothing written' '
	db_dump >before &&
	dispute-log void 2026-0001 --reason x --dry-run >out &&
	test_must_fail test -s out &&
	db_dump >after &&
	test_cmp before after &&
	refused 65 "already voided" void 2026-0003 --reason x --dry-run
'

test_expect_success 'ls --voided with --overdue: 64; --status voided names --voided (65)' '
	refused 64 "overdue" ls --voided --overdue &&
	refused 65 "--status .voided.: .*--voided lists the voided cases" ls --status voided
'

test_done
