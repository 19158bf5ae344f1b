#!/bin/sh
# plan-new reads a plan as a secretary types it and prints the canonical
# form (plan-new(1)): items numbered 1. 1) (1) （1） 1． become 1、; notes
# [目标: …] [target: …] 〔负责：…〕 (full-width colon) become 〔目标: …〕〔负责: …〕
# 〔时间: …〕; sub-sections （一） become (一); sections 一 … 十二 are read;
# sections and items keep their numbers as written (items restarting under
# a sub-section, or running on, or with a gap), and a number that skips or
# goes back is a note on stderr; metric names take underscores
# (culture-sports).
. "$(dirname "$0")/lib.sh"

test_expect_success 'a plan typed loosely is stored and printed in the canonical form' '
	plan-new --year 2027 "$DATA/plan-messy.md" >out 2>err &&
	test_cmp "$DATA/plan-messy-canonical.md" out &&
	echo "plan-new: $DATA/plan-messy.md:39: item 7、 is the first of 十二: it neither starts at 1、 nor follows 1、 (line 37)" >expect &&
	test_cmp expect err &&
	plan-new --year 2027 --show >shown &&
	test_cmp "$DATA/plan-messy-canonical.md" shown
'

test_expect_success 'the canonical form read again is unchanged (a fixed point)' '
	plan-new --year 2029 "$DATA/plan-messy-canonical.md" >out &&
	test_cmp "$DATA/plan-messy-canonical.md" out
'

test_expect_success 'item numbering 1. 2) (3) （4） 5． and the notes, as stored' '
	db_query "SELECT i.number, i.text, coalesce(i.metric, ${SQ}-${SQ}), coalesce(i.op, ${SQ}-${SQ}),
		coalesce(i.target, ${SQ}-${SQ}), coalesce(i.owner, ${SQ}-${SQ}), coalesce(i.due, ${SQ}-${SQ})
		FROM plan_items i JOIN plans p ON p.id = i.plan_id
		WHERE p.year = 2027 AND i.section = 1 ORDER BY i.number" >actual &&
	cat >expect <<-\EOF &&
	1|组织职工理论学习|study|>=|4|-|-
	2|开展职工技能培训|training|>=|2|-|-
	3|召开工会委员会会议|-|-|-|工会主席|-
	4|节日走访慰问|visit|>=|2|-|春节前
	5|开展普法宣传|-|-|-|法律顾问|6月
	EOF
	test_cmp expect actual
'

test_expect_success 'sections 一 to 十二 are read (十一, 十二 included) and numbered in order' '
	db_query "SELECT s.number, s.sub, s.title FROM plan_sections s JOIN plans p ON p.id = s.plan_id
		WHERE p.year = 2027 ORDER BY s.id" >actual &&
	cat >expect <<-\EOF &&
	1|0|思想引领
	2|0|民主管理
	2|1|职代会
	2|2|厂务公开
	3|0|维护权益
	4|0|劳动竞赛
	5|0|文体活动
	6|0|健康
	7|0|女职工
	8|0|会员
	9|0|财务
	10|0|调解
	11|0|经审
	12|0|自身建设
	EOF
	test_cmp expect actual &&
	grep "^## " out | sed -n "11,13p" >actual &&
	printf "## 十、调解\n## 十一、经审\n## 十二、自身建设\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'items keep their numbers: 1、 again under (二), 7、 alone stays 7、' '
	db_query "SELECT i.section, s.sub, i.number, i.text FROM plan_items i
		JOIN plan_sections s ON s.id = i.section_id JOIN plans p ON p.id = i.plan_id
		WHERE p.year = 2027 AND i.section IN (2, 12) ORDER BY i.id" >actual &&
	cat >expect <<-\EOF &&
	2|1|1|召开职工代表大会
	2|1|2|职代会提案办理
	2|2|1|坚持每月一公开
	12|0|7|会员档案管理
	EOF
	test_cmp expect actual
'

test_expect_success 'metric names with a hyphen are stored with an underscore' '
	db_query "SELECT metric FROM plan_items i JOIN plans p ON p.id = i.plan_id
		WHERE p.year = 2027 AND i.section IN (5, 6) ORDER BY i.section" >actual &&
	printf "culture_sports\nhealth_check\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'sections out of order keep their numbers as written, each irregularity a note'  '
	cat >gap.md <<-\EOF &&
	# 2032年工会工作计划

	## 指导思想

	服务职工。

	## 一、甲

	1、a

	## 五、乙

	1、b

	## 三、丙

	2、c
	EOF
	plan-new --year 2032 gap.md >out 2>err &&
	grep "^## [一二三四五]" out >actual &&
	printf "## 一、甲\n## 五、乙\n## 三、丙\n" >expect &&
	test_cmp expect actual &&
	test_grep "^2、c$" out &&
	cat >expect <<-\EOF &&
	plan-new: gap.md:11: section 五、 after 一、 (line 7): sections 二、 to 四、 are missing
	plan-new: gap.md:15: section 三、 after 五、 (line 11): the numbers go back
	EOF
	test_cmp expect err
'

test_expect_success 'sub-sections （一） with full-width parentheses and (二) are written (一) (二)' '
	cat >sub.md <<-\EOF &&
	# 2033年工会工作计划

	## 指导思想

	服务职工。

	## 一、维护权益

	### （一）帮扶

	（1）建档〔目标：hardship_members >= 1〕

	### (二)调解

	(1) 调解〔负责：调委会〕〔时间：全年〕
	EOF
	plan-new --year 2033 sub.md >out &&
	cat >expect <<-\EOF &&
	# 2033年工会工作计划

	## 指导思想

	服务职工。

	## 一、维护权益

	### (一)帮扶

	1、建档〔目标: hardship_members >= 1〕

	### (二)调解

	1、调解〔负责: 调委会〕〔时间: 全年〕
	EOF
	test_cmp expect out
'

test_expect_success 'a plan with Windows line ends (CRLF) is read; the canonical form has LF only' '
	printf "# 2034年工会工作计划\r\n\r\n## 指导思想\r\n\r\n服务职工。\r\n\r\n## 一、甲\r\n\r\n1、a〔目标: meeting >= 2〕\r\n" >crlf.md &&
	plan-new --year 2034 crlf.md >out &&
	tr -d "\r" <crlf.md >expect &&
	test_cmp expect out
'

test_expect_success 'a plan saved with a UTF-8 BOM (Windows Notepad) is read like one without' '
	printf "\357\273\277" >bom.md &&
	cat "$DATA/plan-2026.md" >>bom.md &&
	plan-new --year 2035 bom.md >out 2>err &&
	test_cmp "$DATA/plan-2026.md" out
'

test_done
