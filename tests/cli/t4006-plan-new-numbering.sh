#!/bin/sh
# A plan keeps the union's own numbering: items restart at 1、 under each
# (一) sub-section, or run on across them, or start at 2、 — stored and
# printed back as written. An item is referred to as 2026/三/(二)/1, or
# 2026/一/2 when its section has no sub-section; the older 2026/三/3 still
# names an item when one item of the section is written 3、 (an item written
# so directly under the section first), and is refused listing the
# candidates when items of several sub-sections are. Two items of one
# (sub-)section with the same number, or numbers going back, are kept as
# written and said in a note; the reference names the first of the two.
. "$(dirname "$0")/lib.sh"

# The plan of 2026: 一 starts at 2、 and runs on; 二 restarts at 1、 under
# each sub-section; 三 runs on across its sub-sections; 四 has an item of its
# own before its sub-section (一), both written 1、.
cat >p.md <<\EOF
# 2026年某某中学工会工作计划

## 指导思想

坚持以教职工为中心。

## 一、思想引领

2、组织政治理论学习。〔目标: study >= 4〕
3、开展师德教育。

## 二、民主管理

### (一)教代会

1、召开教职工代表大会。〔目标: congress >= 1〕〔时间: 3月〕
2、办理教代会提案。

### (二)校务公开

1、坚持每月一公开。〔目标: disclosure >= 12〕

## 三、维护权益

### (一)困难帮扶

1、建立困难教职工档案。
2、做好送温暖工作。〔负责: 女工委〕

### (二)劳动争议调解

3、依法调处劳动争议。〔目标: dispute_success_rate >= 95%〕

## 四、自身建设

1、做好会员发展。〔目标: members_joined >= 10〕

### (一)经费审查

1、按期审查经费。
EOF

# item_id TEXT: the id of the item of the current plan of 2026 with that text.
item_id() {
	db_query "SELECT i.id FROM plan_items i JOIN plans p ON p.id = i.plan_id
		WHERE p.year = 2026 AND p.current = 1 AND i.text = ${SQ}$1${SQ}"
}

# plan_item_of ID: the text of the plan item activity ID carries out.
plan_item_of() {
	db_query "SELECT i.text FROM activities a JOIN plan_items i ON i.id = a.plan_item_id WHERE a.id = $1"
}

test_expect_success 'a plan numbered as the union writes it is stored and printed back byte for byte' '
	plan-new --year 2026 p.md >out 2>err &&
	test_cmp p.md out &&
	echo "plan-new: p.md:9: item 2、 is the first of 一: item 1、 is missing" >expect &&
	test_cmp expect err &&
	plan-new --year 2026 --show >shown &&
	test_cmp p.md shown
'

test_expect_success 'each item is stored with its written number, in its sub-section' '
	db_query "SELECT i.section, s.sub, i.number, i.text FROM plan_items i
		JOIN plan_sections s ON s.id = i.section_id ORDER BY i.id" >actual &&
	cat >expect <<-\EOF &&
	1|0|2|组织政治理论学习。
	1|0|3|开展师德教育。
	2|1|1|召开教职工代表大会。
	2|1|2|办理教代会提案。
	2|2|1|坚持每月一公开。
	3|1|1|建立困难教职工档案。
	3|1|2|做好送温暖工作。
	3|2|3|依法调处劳动争议。
	4|0|1|做好会员发展。
	4|1|1|按期审查经费。
	EOF
	test_cmp expect actual
'

test_expect_success '-f json: each item with its number as written and its reference' '
	plan-new --year 2026 --show -f json >p.json &&
	grep "^      \"ref\": " p.json >actual &&
	cat >expect <<-\EOF &&
	      "ref": "2026/一/2",
	      "ref": "2026/一/3",
	      "ref": "2026/二/(一)/1",
	      "ref": "2026/二/(一)/2",
	      "ref": "2026/二/(二)/1",
	      "ref": "2026/三/(一)/1",
	      "ref": "2026/三/(一)/2",
	      "ref": "2026/三/(二)/3",
	      "ref": "2026/四/1",
	      "ref": "2026/四/(一)/1",
	EOF
	test_cmp expect actual &&
	grep -B 3 "\"ref\": \"2026/二/(二)/1\"" p.json >actual &&
	cat >expect <<-\EOF &&
	      "section": 2,
	      "sub": 2,
	      "number": 1,
	      "ref": "2026/二/(二)/1",
	EOF
	test_cmp expect actual
'

test_expect_success 'that JSON stored for 2025 shows as the same Markdown; -f html keeps the numbers' '
	plan-new -q --year 2025 p.json >/dev/null &&
	plan-new --year 2025 --show >shown &&
	test_cmp p.md shown &&
	plan-new --year 2026 --show -f html >page.html &&
	grep -o "<li value=\"[0-9]*\">" page.html | tr -d "<>\"" | sed "s/li value=//" | tr "\n" " " >actual &&
	printf "2 3 1 2 1 1 2 3 1 1 " >expect &&
	test_cmp expect actual
'

test_expect_success '--progress names each item by its reference' '
	plan-new --year 2026 --progress --at 2026-06-30 -f csv | cut -d, -f1 >actual &&
	cat >expect <<-\EOF &&
	item
	2026/一/2
	2026/一/3
	2026/二/(一)/1
	2026/二/(一)/2
	2026/二/(二)/1
	2026/三/(一)/1
	2026/三/(一)/2
	2026/三/(二)/3
	2026/四/1
	2026/四/(一)/1
	EOF
	test_cmp expect actual
'

test_expect_success 'the same number under two sub-sections of a section is no duplicate' '
	test "$(db_query "SELECT count(*) FROM plan_items WHERE section = 2 AND number = 1
		AND plan_id = (SELECT id FROM plans WHERE year = 2026 AND current = 1)")" = 2
'

test_expect_success 'one number twice in a (sub-)section is kept, a note naming both lines' '
	sed "s/^2、办理教代会提案/1、办理教代会提案/" p.md >dup.md &&
	plan-new --dry-run --year 2030 dup.md >out 2>err &&
	test_cmp dup.md out &&
	test_grep "^plan-new: dup.md:17: item 1、 again (line 16 has it)$" err &&
	sed "s/^3、开展师德教育/2、开展师德教育/" p.md >dup.md &&
	plan-new --dry-run --year 2030 dup.md >out 2>err &&
	test_grep "^plan-new: dup.md:10: item 2、 again (line 9 has it)$" err &&
	test "$(db_query "SELECT count(*) FROM plans WHERE year = 2030")" = 0
'

test_expect_success 'numbers going back within a (sub-)section are kept, a note naming both lines; 0、 is refused' '
	sed "s/^3、开展师德教育/1、开展师德教育/" p.md >back.md &&
	plan-new --dry-run --year 2030 back.md >out 2>err &&
	test_cmp back.md out &&
	test_grep "^plan-new: back.md:10: item 1、 after 2、 (line 9): the numbers go back$" err &&
	printf "# T\n\n## 指导思想\n\ng\n\n## 一、甲\n\n1、a\n0、b\n" >zero.md &&
	test_refused 65 "zero.md:10: an item is numbered 1 to 999" plan-new --year 2030 zero.md
'

test_expect_success 'a number written twice: its reference names the first, the second is named by its id' '
	sed "s/^2、办理教代会提案/1、办理教代会提案/" p.md >dup.md &&
	plan-new -q --year 2024 dup.md >/dev/null &&
	activity-log add 2024-03-01 congress 教代会 --participants 60 --plan-item "2024/二/(一)/1" >id &&
	test "$(plan_item_of "$(cat id)")" = 召开教职工代表大会。 &&
	second=$(db_query "SELECT i.id FROM plan_items i JOIN plans p ON p.id = i.plan_id
		WHERE p.year = 2024 AND i.text = ${SQ}办理教代会提案。${SQ}") &&
	activity-log add 2024-03-02 meeting 提案 --participants 9 --plan-item "$second" >id &&
	test "$(plan_item_of "$(cat id)")" = 办理教代会提案。
'

test_expect_success '--plan-item YEAR/SECTION/(SUB)/ITEM, with ( ) or （ ）, the section in figures too' '
	activity-log add 2026-03-01 meeting 公开栏 --participants 5 --plan-item "2026/二/(二)/1" >id1 &&
	test "$(plan_item_of "$(cat id1)")" = 坚持每月一公开。 &&
	activity-log add 2026-03-02 meeting 公开栏 --participants 5 --plan-item "2026/二/（二）/1" >id2 &&
	test "$(plan_item_of "$(cat id2)")" = 坚持每月一公开。 &&
	activity-log add 2026-03-03 congress 教代会 --participants 60 --plan-item "2026/2/(1)/1" >id3 &&
	test "$(plan_item_of "$(cat id3)")" = 召开教职工代表大会。 &&
	activity-log add 2026-03-04 study 学习 --participants 20 --plan-item 2026/一/2 >id4 &&
	test "$(plan_item_of "$(cat id4)")" = 组织政治理论学习。
'

test_expect_success 'the older YEAR/SECTION/ITEM still names an item written so once in the section' '
	activity-log add 2026-03-05 legal 调解 --participants 2 --plan-item 2026/三/3 >id5 &&
	test "$(plan_item_of "$(cat id5)")" = 依法调处劳动争议。 &&
	activity-log add 2026-03-06 aid 建档 --participants 2 --plan-item 2026/三/1 >id6 &&
	test "$(plan_item_of "$(cat id6)")" = 建立困难教职工档案。 &&
	activity-log add 2026-03-07 meeting 提案 --participants 9 --plan-item 2026/二/2 >id7 &&
	test "$(plan_item_of "$(cat id7)")" = 办理教代会提案。
'

test_expect_success 'YEAR/SECTION/ITEM names the item directly under the section before one of (一)' '
	activity-log add 2026-03-08 meeting 发展会员 --participants 3 --plan-item 2026/四/1 >id8 &&
	test "$(plan_item_of "$(cat id8)")" = 做好会员发展。 &&
	activity-log add 2026-03-09 meeting 经审 --participants 3 --plan-item "2026/四/(一)/1" >id9 &&
	test "$(plan_item_of "$(cat id9)")" = 按期审查经费。
'

test_expect_success 'an ambiguous YEAR/SECTION/ITEM is refused listing the candidates; nothing stored' '
	test_refused 65 "plan item ${SQ}2026/二/1${SQ} is ambiguous: 2026/二/(一)/1, 2026/二/(二)/1 (name the sub-section)" \
		activity-log add 2026-03-10 meeting 会议 --participants 3 --plan-item 2026/二/1
'

test_expect_success 'no such item, or not a reference: refused, nothing stored' '
	test_refused 65 "no plan item ${SQ}2026/一/1${SQ}" activity-log add 2026-03-10 study 学习 --plan-item 2026/一/1 &&
	test_refused 65 "no plan item ${SQ}2026/二/(三)/1${SQ}" activity-log add 2026-03-10 study 学习 --plan-item "2026/二/(三)/1" &&
	test_refused 65 "no plan item ${SQ}2026/一/(一)/2${SQ}" activity-log add 2026-03-10 study 学习 --plan-item "2026/一/(一)/2" &&
	test_refused 65 "YEAR/SECTION/(SUB)/ITEM" activity-log add 2026-03-10 study 学习 --plan-item "2026/二/(二)" &&
	test_refused 65 "YEAR/SECTION/(SUB)/ITEM" activity-log add 2026-03-10 study 学习 --plan-item "2026/二/(二/1" &&
	test_refused 65 "YEAR/SECTION/(SUB)/ITEM" activity-log add 2026-03-10 study 学习 --plan-item "2026/二/0"
'

test_expect_success 'activity-log ls shows the reference, the sub-section part only under one' '
	activity-log ls --from 2026-03-01 --to 2026-03-09 -f csv | cut -d, -f2,6 >actual &&
	cat >expect <<-\EOF &&
	date,plan_item
	2026-03-01,2026/二/(二)/1
	2026-03-02,2026/二/(二)/1
	2026-03-03,2026/二/(一)/1
	2026-03-04,2026/一/2
	2026-03-05,2026/三/(二)/3
	2026-03-06,2026/三/(一)/1
	2026-03-07,2026/二/(一)/2
	2026-03-08,2026/四/1
	2026-03-09,2026/四/(一)/1
	EOF
	test_cmp expect actual
'

test_expect_success 'import: references old and new; an ambiguous one refused naming its line' '
	cat >acts.csv <<-\EOF &&
	date,kind,title,participants,plan_item
	2026-04-01,meeting,公开,5,2026/二/（二）/1
	2026-04-02,meeting,提案,5,2026/二/2
	EOF
	activity-log import acts.csv 2>err &&
	db_query "SELECT a.date, i.text FROM activities a JOIN plan_items i ON i.id = a.plan_item_id
		WHERE a.date >= ${SQ}2026-04-01${SQ} ORDER BY a.date" >actual &&
	printf "2026-04-01|坚持每月一公开。\n2026-04-02|办理教代会提案。\n" >expect &&
	test_cmp expect actual &&
	printf "date,kind,title,participants,plan_item\n2026-04-03,meeting,会,5,2026/二/1\n" >amb.csv &&
	test_refused 65 "amb.csv:2: .*ambiguous: 2026/二/(一)/1, 2026/二/(二)/1" activity-log import amb.csv
'

test_expect_success 'report-year: the plan progress names items by their reference' '
	report-year --year 2026 -f csv --table plan | cut -d, -f1 >actual &&
	plan-new --year 2026 --progress --at 2026-12-31 -f csv | cut -d, -f1 >expect &&
	test_cmp expect actual &&
	test_grep "^2026/三/(二)/3$" actual &&
	test_grep "^2026/四/1$" actual
'

test_done
