#!/bin/sh
# The hardship files over a year (篇四: "新增3，现有26"): files opened in the
# year by member-set --hardship (or a member registered with a level),
# files closed (脱困), those on record at its end; in report-year's JSON,
# table and prose, and as the plan metrics hardship_new and hardship_out.
. "$(dirname "$0")/lib.sh"
. "$DATA/report-union.sh"

test_expect_success 'setup: 24 files from 2025, 3 opened in 2026, one of the old closed in 2026' '
	gen_staff 30 | member-add -q - &&
	awk "BEGIN { print \"member_no,hardship,date\"
		for (i = 1; i <= 24; i++) printf \"%06d,relative,2025-06-01\\n\", i
		for (i = 25; i <= 27; i++) printf \"%06d,deep,2026-03-01\\n\", i }" | member-set -q - &&
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

test_expect_success 'member-ls --hardship-review-due: a file neither set nor reviewed in a year (一年未改)' '
	old=$(date -d "-400 days" +%F) recent=$(date -d "-10 days" +%F) &&
	member-set -q 000028 --hardship 相对困难 --date $old &&
	member-set -q 000029 --hardship 相对困难 --date $old &&
	member-set -q 000029 --hardship-reviewed $recent --note 入户核实 &&
	member-ls --hardship-review-due -f csv | cut -d, -f1 | sed 1d >due &&
	grep -qx 000028 due && ! grep -qx 000029 due && ! grep -qx 000025 due &&
	test "$(member-ls --hardship-review-due --count)" = "$(wc -l <due)" &&
	member-ls --history 000029 -f csv | grep -q "hardship_review,relative,relative" &&
	test_expect_code 65 member-set 000030 --hardship-reviewed $recent 2>err &&
	test_grep "member 000030 has no hardship file to review" err &&
	test_expect_code 65 member-set 000029 --hardship-reviewed 2099-01-01 2>err &&
	test_expect_code 64 member-ls --hardship-review-due --unit 部门1 2>err &&
	test_grep "go alone" err
'

test_expect_success 'member-ls --hardship-review-due --at DATE: due as of that day' '
	member-ls --hardship-review-due --at 2027-03-02 -f csv | cut -d, -f1 | sed 1d >due27 &&
	grep -qx 000025 due27 &&
	member-ls --hardship-review-due --at 2027-02-28 -f csv | cut -d, -f1 | sed 1d >due27feb &&
	! grep -qx 000025 due27feb && grep -qx 000003 due27feb &&
	test_expect_code 64 member-ls --at 2027-03-02 2>err &&
	test_grep "at goes with --hardship-review-due" err &&
	test_expect_code 65 member-ls --hardship-review-due --at 2027-02-30 2>err &&
	test_grep "^member-ls: --at .2027-02-30.: " err
'

test_expect_success 'member-ls --never-aided: files with no aid from the hardship fund and no 送温暖 record' '
	fund-ledger -q opening 2026-01-01 10000 --fund hardship --account bank &&
	n0=$(member-ls --never-aided --count) &&
	care-log add 2026-06-20 送温暖 --member 000025 --amount 300 >/dev/null &&
	fund-ledger -q add 2026-06-21 500 50204 --fund hardship --member 000026 >/dev/null &&
	test "$(member-ls --never-aided --count)" = $((n0 - 2)) &&
	member-ls --never-aided -f csv | cut -d, -f1 >never &&
	! grep -qx 000025 never && ! grep -qx 000026 never && grep -qx 000027 never &&
	id=$(care-log ls --member 000025 -f csv | sed -n 2p | cut -d, -f1) &&
	care-log void $id --reason 录错 2>/dev/null &&
	member-ls --never-aided -f csv | cut -d, -f1 | grep -qx 000025
'

test_done
