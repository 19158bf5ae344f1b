#!/bin/sh
# The hardship files over a year (篇四: "新增3，现有26"): files opened in the
# year by member-set --hardship (or a member registered with a level),
# files closed (脱困), those on record at its end; in report-year's JSON,
# table and prose, and as the plan metrics hardship_new and hardship_out.
. "$(dirname "$0")/lib.sh"
. "$DATA/report-union.sh"

test_expect_success 'setup: 24 files from 2025, 3 opened in 2026, one of the old closed in 2026' '
	gen_staff 30 | member-add -q - &&
	for i in $(seq 1 24); do
		member-set -q $(printf %06d $i) --hardship 相对困难 --date 2025-06-01 || return 1
	done &&
	for i in 25 26 27; do
		member-set -q $(printf %06d $i) --hardship 深度困难 --date 2026-03-01 || return 1
	done &&
	member-set -q 000001 --hardship 无 --date 2026-05-01 &&
	member-set -q 000002 --hardship 深度困难 --date 2026-06-01
'

test_expect_success 'report-year 2026: opened 3, closed 1, on record 26; a change of level is no new file' '
	report-year --year 2026 -f json >y.json &&
	test "$(jget y.json members.hardship_files.new)" = 3 &&
	test "$(jget y.json members.hardship_files.out)" = 1 &&
	test "$(python3 -c "import json; h = json.load(open(\"y.json\"))[\"members\"][\"hardship\"]; print(sum(h.values()))")" = 26 &&
	report-year --year 2026 -f md >y.md &&
	test_grep "^[0-9]、坚持先建档、后帮扶，本年新增困难职工档案3户，脱困1户，现有困难职工档案26户。\$" y.md &&
	test_grep "^| 新增困难档案 | 3 |\$" y.md &&
	test_grep "^| 脱困 | 1 |\$" y.md
'

test_expect_success 'report-year 2025: 24 opened, none closed; the sentence leaves 脱困 out' '
	report-year --year 2025 -f md >y25.md &&
	test_grep "坚持先建档、后帮扶，本年新增困难职工档案24户，现有困难职工档案24户。" y25.md
'

test_expect_success 'the metrics hardship_new and hardship_out, by name and in Chinese' '
	printf "# 2026年测试工会工作计划\n\n## 一、帮扶\n\n1、建档〔目标: hardship_new >= 3〕\n2、脱困〔目标: 脱困 >= 2〕\n" >plan.md &&
	plan-new -q --year 2026 plan.md >/dev/null &&
	plan-new --year 2026 --progress --at 2026-12-31 -f csv | cut -d, -f3-5 >progress &&
	cat >expect <<-\EOF &&
	target,actual,result
	hardship_new >= 3,3,met
	hardship_out >= 2,1,not yet
	EOF
	test_cmp expect progress
'

test_done
