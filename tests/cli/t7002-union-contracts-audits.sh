#!/bin/sh
# union-register's contracts (in force from signing to the day before the
# anniversary after their term; due for renewal when they end within the
# days given and no later one of the kind was signed) and audits (open
# until rectified); the year's figures in stats.
. "$(dirname "$0")/lib.sh"

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" union-register "$@"; }

test_expect_success 'setup: three unions' '
	union-register add 甲厂工会 --type 单建 --founded 2010-01-01 &&
	union-register add 乙厂工会 --type 单建 --founded 2010-01-01 &&
	union-register add 丙社区联合工会 --type 联合 --founded 2010-01-01 --firm 丙一 --firm 丙二
'

test_expect_success 'contract: its last day from its term; the id printed; recorded once' '
	id=$(union-register contract 甲厂工会 --kind 集体合同 --signed 2024-01-01 --term-years 3 --workers 120) &&
	test "$(db_query "SELECT ends FROM union_contracts WHERE id = $id")" = 2026-12-31 &&
	id=$(union-register contract 乙厂工会 --kind wage --signed 2024-02-29 --term-years 1 --workers 80 --wage-increase 5.5%) &&
	test "$(db_query "SELECT ends, wage_increase FROM union_contracts WHERE id = $id")" = "2025-02-28|55" &&
	union-register contract 乙厂工会 --kind 工资专项 --signed 2025-02-28 --term-years 2 --workers 85 --wage-increase 4 >/dev/null &&
	union-register contract 丙社区联合工会 --kind 女职工专项 --signed 2023-03-01 --term-years 3 --workers 40 >/dev/null &&
	refused 65 "signed on 2024-01-01 is recorded already" contract 甲厂工会 --kind collective --signed 2024-01-01 \
		--term-years 3 --workers 120 &&
	refused 65 "term must be a whole number from 1 to 10" contract 甲厂工会 --kind collective --signed 2025-01-01 \
		--term-years 0 --workers 1 &&
	refused 65 "contract kind .劳动合同." contract 甲厂工会 --kind 劳动合同 --signed 2025-01-01 --term-years 1 --workers 1 &&
	refused 65 "wage increase must be a percentage" contract 甲厂工会 --kind wage --signed 2025-01-01 \
		--term-years 1 --workers 1 --wage-increase 5.55 &&
	refused 64 "contract needs --kind, --signed, --term-years and --workers" contract 甲厂工会 --kind wage
'

test_expect_success 'contracts: those in force on a day' '
	union-register contracts --at 2026-01-10 -f csv | cut -d, -f2,3,5 | sed 1d >inforce &&
	cat >expect <<-\EOF &&
	丙社区联合工会,women,2026-02-28
	甲厂工会,collective,2026-12-31
	乙厂工会,wage,2027-02-27
	EOF
	test_cmp expect inforce
'

test_expect_success 'contracts --expiring: due within the days, unless renewed' '
	union-register contracts --at 2026-12-01 --expiring 90 -f csv | cut -d, -f2,3,9 | sed 1d >due &&
	cat >expect <<-\EOF &&
	甲厂工会,collective,30
	乙厂工会,wage,88
	EOF
	test_cmp expect due &&
	union-register contract 甲厂工会 --kind 集体合同 --signed 2026-11-20 --term-years 3 --workers 125 >/dev/null &&
	union-register contracts --at 2026-12-01 --expiring 90 -f csv | cut -d, -f2 | sed 1d >due &&
	echo 乙厂工会 >expect && test_cmp expect due &&
	union-register contracts --at 2026-12-01 --expiring ９０ -f csv | cut -d, -f2 | sed 1d >due &&
	test_cmp expect due &&
	test_expect_code 65 union-register contracts --expiring 很久 2>err &&
	test_grep "^union-register: --expiring" err
'

test_expect_success 'contracts --lapsed: ended within the days before, never renewed' '
	union-register contracts --at 2026-12-01 --lapsed 365 -f csv | cut -d, -f2,3,5,9 | sed 1d >lapsed &&
	echo "丙社区联合工会,women,2026-02-28,-276" >expect && test_cmp expect lapsed &&
	union-register contracts --at 2026-12-01 --lapsed 200 -f csv | sed 1d >lapsed &&
	test_must_be_empty lapsed &&
	refused 64 "use just one of --expiring and --lapsed" contracts --expiring 9 --lapsed 9 &&
	union-register contracts --at 2026-12-01 --lapsed ３６５ -f csv | cut -d, -f2 | sed 1d >lapsed &&
	echo 丙社区联合工会 >expect && test_cmp expect lapsed
'

test_expect_success 'a contract ending on 31 December lapses in the next year' '
	union-register add 丁厂工会 --type 单建 --founded 2010-01-01 &&
	union-register contract 丁厂工会 --kind 集体合同 --signed 2023-01-01 --term-years 3 --workers 9 >/dev/null &&
	union-register stats --year 2025 -f csv | grep -x "contracts,lapsed,0" &&
	union-register stats --year 2026 -f csv | grep -x "contracts,lapsed,2"
'

test_expect_success 'audit: findings open until rectified; ls --audit-open' '
	a=$(union-register audit 丙社区联合工会 --date 2026-05-10 --findings "票据不全，账目未按月公开") &&
	union-register audit 甲厂工会 --date 2026-06-01 --findings 无 --rectified 2026-06-01 >/dev/null &&
	union-register ls --audit-open -f csv | cut -d, -f1 | sed 1d >open &&
	echo 丙社区联合工会 >expect && test_cmp expect open &&
	refused 65 "rectified on 2026-05-01, before the audit of 2026-05-10" rectify $a --date 2026-05-01 &&
	union-register rectify $a --date 2026-07-01 &&
	union-register ls --audit-open -f csv | sed 1d >open && test_must_be_empty open &&
	union-register ls --audit-open --at 2026-06-30 -f csv | cut -d, -f1 | sed 1d >open &&
	echo 丙社区联合工会 >expect && test_cmp expect open &&
	refused 65 "rectified on 2026-07-01 already" rectify $a --date 2026-08-01 &&
	refused 65 "no audit 999" rectify 999 --date 2026-08-01 &&
	n=$(union-register audit 乙厂工会 --date 2026-06-02 --findings 无) &&
	test "$(db_query "SELECT rectified FROM union_audits WHERE id = $n")" = 2026-06-02 &&
	union-register ls --audit-open -f csv | sed 1d >open && test_must_be_empty open &&
	refused 64 "audit needs --date and --findings" audit 甲厂工会 --date 2026-06-01
'

test_expect_success 'void: a contract or an audit entered by mistake leaves the lists, kept with why' '
	c=$(union-register contract 丙社区联合工会 --kind 集体合同 --signed 2026-01-01 --term-years 3 --workers 400) &&
	a=$(union-register audit 丙社区联合工会 --date 2026-08-01 --findings 账实不符) &&
	union-register void contract $c --reason 职工人数录错 &&
	union-register void audit $a --reason 重复录入 &&
	! union-register contracts -f csv | grep -q "^$c," &&
	union-register ls --audit-open -f csv | sed 1d >open && test_must_be_empty open &&
	test "$(db_query "SELECT void_reason FROM union_contracts WHERE id = $c")" = 职工人数录错 &&
	c2=$(union-register contract 丙社区联合工会 --kind 集体合同 --signed 2026-01-01 --term-years 3 --workers 40) &&
	test "$c2" != "$c" &&
	refused 65 "no contract $c in force (or voided already)" void contract $c --reason 再来 &&
	refused 65 "no audit $a" rectify $a --date 2026-09-01 &&
	refused 64 "void takes contract or audit" void union 1 --reason x &&
	refused 64 "void needs --reason" void audit $a
'

test_expect_success 'stats: the contracts and audits of the year' '
	union-register stats --year 2026 -f csv >stats.csv &&
	for row in "contracts,collective,2" "contract_workers,collective,165" "contracts,wage,1" \
		"contract_workers,wage,85" "contracts,lapsed,2" "audits,done,3" "audits,open,0" "unions,firms,5"; do
		grep -qx "$row" stats.csv || { echo "no $row" >&2; return 1; }
	done &&
	union-register stats --year 2026 --lang zh -f csv >zh.csv &&
	test_grep "^集体合同,工资专项,1\$" zh.csv
'

test_done
