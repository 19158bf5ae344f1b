#!/bin/sh
# A street federation's year as its report gives it: 224 grassroots unions,
# 216 单建 and 8 联合 covering 368 firms, 8 founded this year, 217 with an
# internal hardship fund (97.3% of the 223 required to have one), 190
# mediation committees with 190 mediators; union-register stats,
# report-year's JSON and its prose give exactly those figures.
. "$(dirname "$0")/lib.sh"
. "$DATA/report-union.sh"

test_expect_success 'setup: the register from the street'"'"'s spreadsheet, in one import' '
	awk "BEGIN { print \"工会名称,建会形式,成立日期,覆盖企业,帮困基金,调处员\"
		for (i = 1; i <= 224; i++) {
			joint = i > 216
			founded = (i <= 8) ? \"2026-0\" (i % 9 + 1) \"-15\" : \"2015-06-01\"
			firms = \"\"
			if (joint) for (k = 1; k <= 19; k++) firms = firms (k > 1 ? \";\" : \"\") \"企业\" i \"-\" k
			fund = (i <= 217) ? \"已建\" : (i == 218) ? \"不适用\" : \"未建\"
			printf \"基层工会%03d,%s,%s,%s,%s,%s\\n\", i, joint ? \"联合\" : \"单建\", founded, firms, fund, (i <= 190) ? 1 : 0
		} }" >register.csv &&
	union-register import register.csv 2>err &&
	test_grep "added 224, changed 0, unchanged 0" err
'

test_expect_success 'union-register stats: the federation'"'"'s figures' '
	union-register stats --year 2026 -f csv >stats.csv &&
	for row in "unions,total,224" "unions,single,216" "unions,joint,8" "unions,firms,368" \
		"unions,founded,8" "hardship_fund,yes,217" "hardship_fund,required,223" \
		"hardship_fund,share,97.3" "mediation,committees,190" "mediation,mediators,190"; do
		grep -qx "$row" stats.csv || { echo "no $row" >&2; return 1; }
	done
'

test_expect_success 'report-year: the register section of the JSON' '
	report-year --year 2026 -f json >y.json &&
	test "$(jget y.json register.unions) $(jget y.json register.single) $(jget y.json register.joint)" = "224 216 8" &&
	test "$(jget y.json register.firms) $(jget y.json register.founded)" = "368 8" &&
	test "$(jget y.json register.hardship_fund.unions) $(jget y.json register.hardship_fund.share)" = "217 97.3" &&
	test "$(jget y.json register.mediation.committees) $(jget y.json register.mediation.mediators)" = "190 190"
'

test_expect_success 'the prose says it as the federation does' '
	report-year --year 2026 -f md >y.md &&
	test_grep "基层工会组织224家，其中单建工会216家，联合工会8家，覆盖企业368家；本年新建基层工会8家。" y.md &&
	test_grep "217家基层工会建立了内部帮困基金，基金组建占97.3%。" y.md &&
	test_grep "企业劳动争议调解委员会190个，调解员190名。" y.md &&
	test_grep "^| 帮困基金建立率 | 97.3% |\$" y.md &&
	test_grep "^| 名册登记会员 | [0-9][0-9]* |\$" y.md &&
	test_grep "^| 名册登记召开职代会 | [0-9][0-9]* |\$" y.md &&
	! grep "^| 会员 |" y.md
'

test_expect_success 'the plan metrics: unions_founded >= 8 met, by name and in Chinese' '
	printf "# 2026年某某街道总工会工作计划\n\n## 一、组建\n\n1、新建工会〔目标: unions_founded >= 8〕\n2、帮困基金〔目标: 帮困基金建立率 >= 98%%〕\n3、调处〔目标: mediators >= 190〕\n" >plan.md &&
	plan-new -q --year 2026 plan.md >/dev/null &&
	plan-new --year 2026 --progress --at 2026-12-31 -f csv | cut -d, -f3-5 >progress &&
	cat >expect <<-\EOF &&
	target,actual,result
	unions_founded >= 8,8,met
	hardship_fund_share >= 98%,97.3%,not yet
	mediators >= 190,190,met
	EOF
	test_cmp expect progress
'

test_expect_success 'a union of the register dissolved leaves the count, founded in the year stays' '
	union-register dissolve 基层工会001 --date 2026-11-30 --reason 企业注销 &&
	report-year --year 2026 -f json >y2.json &&
	test "$(jget y2.json register.unions) $(jget y2.json register.founded) $(jget y2.json register.dissolved)" = "223 8 1"
'

test_done
