#!/bin/sh
# dispute-log reads every value of a case in English or in Chinese: kind,
# source, category, status and outcome, on the command line and in the
# columns of an imported file, and stores the English word; an unknown
# value is refused (65) listing the accepted ones in both languages,
# nothing written.
. "$(dirname "$0")/lib.sh"

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" dispute-log "$@"; }

test_expect_success 'open with a Chinese category and source; close with a Chinese outcome' '
	dispute-log open --received 2026-03-01 --category 工资 --employer 某厂 --workers 3 \
		--source 来访 --summary 欠薪 >no &&
	test "$(cat no)" = 2026-0001 &&
	dispute-log close 2026-0001 --outcome 调解成功 --date 2026-03-10 &&
	test "$(db_query "SELECT category || ${SQ} ${SQ} || source || ${SQ} ${SQ} || status || ${SQ} ${SQ} || outcome
		FROM disputes WHERE case_no = ${SQ}2026-0001${SQ}")" = "wages visit closed resolved"
'

test_expect_success 'every vocabulary in Chinese: 信访, 来电, 社保; 移送 and 撤回' '
	dispute-log open --kind 信访 --received 2026-03-02 --category 其他 --employer 某街道 \
		--source 来电 --summary 反映问题 >/dev/null &&
	dispute-log open --received 2026-03-03 --category 社保 --employer 某公司 --source 来信 \
		--summary 未缴社保 >/dev/null &&
	dispute-log open --received 2026-03-04 --category 辞退 --employer 某店 --source 转办 \
		--summary 违法解除 >/dev/null &&
	dispute-log close 2026-0003 --outcome 移送 --date 2026-03-20 &&
	dispute-log close 2026-0004 --outcome 撤回 --date 2026-03-21 &&
	db_query "SELECT case_no, kind, source, category, coalesce(outcome, ${SQ}-${SQ}) FROM disputes
		ORDER BY case_no" >actual &&
	cat >expect <<-\EOF &&
	2026-0001|dispute|visit|wages|resolved
	2026-0002|petition|phone|other|-
	2026-0003|dispute|letter|social-insurance|referred
	2026-0004|dispute|referral|termination|withdrawn
	EOF
	test_cmp expect actual
'

test_expect_success 'ls and stats take Chinese filters: --status 结案, --kind 信访, --category 劳动报酬' '
	dispute-log ls --year 2026 --status 结案 -f csv | cut -d, -f1 >actual &&
	printf "case_no\n2026-0001\n2026-0003\n2026-0004\n" >expect &&
	test_cmp expect actual &&
	dispute-log ls --year 2026 --kind 信访 -f csv | cut -d, -f1 >actual &&
	printf "case_no\n2026-0002\n" >expect &&
	test_cmp expect actual &&
	dispute-log ls --year 2026 --category 劳动报酬 -f csv | cut -d, -f1 >actual &&
	printf "case_no\n2026-0001\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'an unknown value: 65, every accepted one listed in both languages, nothing written' '
	db_dump >before &&
	refused 65 "unknown outcome ${SQ}和解${SQ} (one of: resolved (调解成功), failed (调解不成), referred (移送), withdrawn (撤回))" \
		close 2026-0002 --outcome 和解 &&
	refused 65 "unknown source ${SQ}微信${SQ} (one of: visit (来访), phone (来电), letter (来信), referral (转办))" \
		open --received 2026-03-05 --category 工资 --employer 某厂 --source 微信 --summary s &&
	refused 65 "unknown category ${SQ}加班${SQ} (one of: relationship (确认劳动关系)" \
		open --received 2026-03-05 --category 加班 --employer 某厂 --summary s &&
	refused 65 "unknown kind ${SQ}投诉${SQ} (one of: dispute (劳动争议), petition (信访))" \
		open --kind 投诉 --received 2026-03-05 --category 工资 --employer 某厂 --summary s &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'an import whose 类型, 来源, 争议类别, 状态 and 结果 columns hold Chinese values loads' '
	cat >cn.csv <<-\EOF &&
	受理日期,类型,来源,争议类别,用人单位,涉及人数,案情摘要,状态,结果,追回金额,结案日期
	2026-04-01,劳动争议,来访,工资纠纷,某电子厂,5,拖欠加班工资,结案,调解成功,8000,2026-04-15
	2026-04-02,信访,来信,其他,某社区,1,反映物业问题,受理,,,
	2026-04-03,劳动争议,来电,工伤,某物流公司,1,工伤待遇,调解中,,,
	2026-04-04,劳动争议,转办,劳动合同,某酒店,2,未签劳动合同,结案,调解不成,,2026-04-20
	EOF
	dispute-log import cn.csv 2>err &&
	test_grep "added 4, unchanged 0" err &&
	db_query "SELECT kind, source, category, status, coalesce(outcome, ${SQ}-${SQ}) FROM disputes
		WHERE received >= ${SQ}2026-04-01${SQ} ORDER BY received" >actual &&
	cat >expect <<-\EOF &&
	dispute|visit|wages|closed|resolved
	petition|letter|other|open|-
	dispute|phone|injury|mediating|-
	dispute|referral|contract|closed|failed
	EOF
	test_cmp expect actual &&
	dispute-log import cn.csv 2>err &&
	test_grep "added 0, unchanged 4" err
'

test_expect_success 'an import with an unknown Chinese value names its line; nothing written' '
	printf "受理日期,争议类别,用人单位,案情摘要,状态\n2026-05-01,工资,某厂,欠薪,挂起\n" >bad.csv &&
	db_dump >before &&
	test_expect_code 65 dispute-log import bad.csv 2>err &&
	test_grep "^dispute-log: bad.csv:2: unknown status ${SQ}挂起${SQ} (one of: open (受理), mediating (调解中), closed (结案))$" err &&
	db_dump >after &&
	test_cmp before after
'

test_done
