#!/bin/sh
# plan-new refuses a plan it cannot read with exit 65 and a message naming
# the file and the line ("TOOL: FILE:LINE: what is wrong", unionkit(7)):
# unknown metric, malformed target, unknown note, an item or sub-section
# outside any section, no section. Nothing is stored: the database is byte
# for byte unchanged. What a union's own plan may lack or add (no title, no
# 指导思想, prose between items) is read, not refused. Command-line
# mistakes are 64.
. "$(dirname "$0")/lib.sh"

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" plan-new "$@"; }

# item TEXT: a plan whose section 一 holds two good items (lines 9, 10) and
# then TEXT on line 11.
item() {
	printf "# 2030年工会工作计划\n\n## 指导思想\n\n服务职工。\n\n## 一、甲\n\n1、好〔目标: study >= 1〕\n2、也好\n%s\n\n## 二、乙\n\n1、c\n" "$1" >e.md
}

test_expect_success 'setup: a database with the plan of 2026' '
	plan-new -q --year 2026 "$DATA/plan-2026.md" >/dev/null &&
	test "$(db_query "SELECT count(*) FROM plans")" = 1 &&
	item "3、对照" &&
	plan-new --dry-run --year 2030 e.md >/dev/null
'

test_expect_success 'an unknown metric: 65, with the line' '
	item "3、开展活动〔目标: parties >= 4〕" &&
	refused 65 "e.md:11: unknown metric ${SQ}parties${SQ}" --year 2030 e.md
'

test_expect_success 'a malformed target: no operator, no value, no metric' '
	item "3、开展活动〔目标: training 4〕" &&
	refused 65 "e.md:11: .*target.*training 4" --year 2030 e.md &&
	item "3、开展活动〔目标: training >=〕" &&
	refused 65 "e.md:11: .*target" --year 2030 e.md &&
	item "3、开展活动〔目标: >= 4〕" &&
	refused 65 "e.md:11: .*target" --year 2030 e.md
'

test_expect_success 'an unknown operator (=>) is refused' '
	item "3、开展活动〔目标: training => 4〕" &&
	refused 65 "e.md:11: .*operator.*=>" --year 2030 e.md
'

test_expect_success 'a bad value for a count: 1.5, -1, 4次' '
	item "3、开展活动〔目标: training >= 1.5〕" &&
	refused 65 "e.md:11: .*1\.5.*training" --year 2030 e.md &&
	item "3、开展活动〔目标: members_joined >= -1〕" &&
	refused 65 "e.md:11: .*-1" --year 2030 e.md &&
	item "3、开展活动〔目标: training >= 4次〕" &&
	refused 65 "e.md:11: .*4次" --year 2030 e.md
'

test_expect_success 'a bad percentage: 95.55% (two decimals), 120% (over 100)' '
	item "3、调解〔目标: dispute_success_rate >= 95.55%〕" &&
	refused 65 "e.md:11: .*95\.55%" --year 2030 e.md &&
	item "3、女职工〔目标: female_share >= 120%〕" &&
	refused 65 "e.md:11: .*120%" --year 2030 e.md
'

test_expect_success 'a bad amount: three decimals' '
	item "3、帮扶〔目标: hardship_paid >= 40000.125〕" &&
	refused 65 "e.md:11: .*40000\.125" --year 2030 e.md
'

test_expect_success 'an unknown note key at an item end' '
	item "3、开展活动〔备注: 全年〕" &&
	refused 65 "e.md:11: .*note.*备注" --year 2030 e.md &&
	item "3、开展活动[memo: x]" &&
	refused 65 "e.md:11: .*memo" --year 2030 e.md
'

test_expect_success 'two owners or two times on one item are refused, not overwritten' '
	item "3、开展活动〔负责: 甲〕〔负责: 乙〕" &&
	refused 65 "e.md:11: two owners" --year 2030 e.md &&
	item "3、开展活动〔时间: 3月〕〔时间: 4月〕" &&
	refused 65 "e.md:11: two times" --year 2030 e.md
'

test_expect_success 'a control character or NUL in the plan: refused with its line' '
	item "3、开展活动$(printf "\\033")[2J" &&
	refused 65 "e.md:11: a control character (byte 0x1B)" --year 2030 e.md &&
	item "3、开展活动〔目标: study >= 4$(printf "\\005")〕" &&
	refused 65 "e.md:11: a control character (byte 0x05)" --year 2030 e.md &&
	printf "# 2030年计划\\n\\n## 指导思想\\n\\nx\\000y\\n" >nul.md &&
	refused 65 "nul.md:5: a control character (byte 0x00)" --year 2030 nul.md
'

test_expect_success 'a note not closed, or not at the item end, is refused: its target would be lost' '
	item "3、开展培训〔目标: training >= 4" &&
	refused 65 "e.md:11: a note .* not closed" --year 2030 e.md &&
	item "3、开展培训[target: training >= 4] 全年" &&
	refused 65 "e.md:11: a note .* not closed" --year 2030 e.md &&
	item "3、开展培训〔时间：3月" &&
	refused 65 "e.md:11: a note .* not closed" --year 2030 e.md
'

test_expect_success 'words in brackets that are not notes stay item text' '
	item "3、学习〔时间管理〕方法，Review [due diligence] 和[ownership]记录〔负责: 张三〕" &&
	plan-new --dry-run --year 2030 -f json e.md >p.json &&
	grep -q "学习〔时间管理〕方法，Review \[due diligence\] 和\[ownership\]记录" p.json &&
	grep -q "\"owner\": \"张三\"" p.json
'

test_expect_success 'a bracket inside a note value is refused: it would not read back' '
	item "3、开展普法宣传[owner: 法律〔顾问]" &&
	refused 65 "e.md:11: .*bracket" --year 2030 e.md
'

test_expect_success 'an item before any section (after 指导思想): named with its line' '
	printf "# 2030年工会工作计划\n\n## 指导思想\n\n服务职工。\n1、学习\n\n## 一、甲\n\n1、a\n" >e.md &&
	refused 65 "e.md:6: an item outside any section" --year 2030 e.md
'

test_expect_success 'an item right after the title, before 指导思想' '
	printf "# 2030年工会工作计划\n\n1. 学习\n\n## 指导思想\n\n服务职工。\n\n## 一、甲\n\n1、a\n" >e.md &&
	refused 65 "e.md:3: an item outside any section" --year 2030 e.md
'

test_expect_success 'a heading the outline does not number (## 第一部分) is prose: the item under it is outside any section' '
	printf "# 2030年工会工作计划\n\n## 指导思想\n\n服务职工。\n\n## 第一部分\n\n1、a\n" >e.md &&
	refused 65 "e.md:9: an item outside any section (${SQ}一、…${SQ} first): ${SQ}1、a${SQ}" --year 2030 e.md
'

test_expect_success 'a sub-section before any section' '
	printf "# 2030年工会工作计划\n\n## 指导思想\n\n服务职工。\n\n### (一)帮扶\n\n1、a\n" >e.md &&
	refused 65 "e.md:7: a sub-section outside any section" --year 2030 e.md
'

test_expect_success 'not refused: a line of prose after an item is that item'"'"'s paragraph' '
	printf "# 2030年工会工作计划\n\n## 指导思想\n\n服务职工。\n\n## 一、甲\n\n1、a\n继续开展活动\n" >e.md &&
	plan-new --dry-run --year 2030 -f json e.md >p.json 2>err &&
	test_must_fail test -s err &&
	grep -A 2 "\"text\": \"a\"" p.json >actual &&
	test_grep "继续开展活动" actual
'

test_expect_success 'not refused: no title line, the title made from the year' '
	printf "\n\n## 指导思想\n\n服务职工。\n\n## 一、甲\n\n1、a\n" >e.md &&
	plan-new --dry-run --year 2030 e.md >out 2>err &&
	test "$(head -n 1 out)" = "# 2030年工会工作计划" &&
	test_must_fail test -s err
'

test_expect_success 'an empty plan is refused' '
	: >e.md &&
	refused 65 "e.md:1: empty plan: no title, no section" --year 2030 e.md
'

test_expect_success 'not refused: no 指导思想 at all, a note says so' '
	printf "# 2030年工会工作计划\n\n## 一、甲\n\n1、a\n" >e.md &&
	plan-new --dry-run --year 2030 e.md >out 2>err &&
	echo "plan-new: e.md:3: no preamble (指导思想) before the first section" >expect &&
	test_cmp expect err &&
	printf "# 2041年工会工作计划\n\n## 指导思想\n\n## 一、甲\n\n1、a\n" >e.md &&
	plan-new --dry-run --year 2041 e.md >out 2>err &&
	echo "plan-new: e.md:5: no preamble (指导思想) before the first section" >expect &&
	test_cmp expect err
'

test_expect_success 'no section: refused, named at the last line (plan-new(1))' '
	printf "# 2030年工会工作计划\n\n## 指导思想\n\n服务职工。\n" >e.md &&
	refused 65 "e.md:5: .*section" --year 2030 e.md
'

test_expect_success 'a plan on stdin is named stdin in the messages' '
	item "3、开展活动〔目标: parties >= 4〕" &&
	db_dump >before &&
	test_expect_code 65 plan-new --year 2030 - <e.md >out 2>err &&
	test_grep "^plan-new: stdin:11: unknown metric" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a plan that is not UTF-8 (GB18030) is refused' '
	printf "# 2030\271\244\273\341\271\244\327\367\274\306\273\256\n" >e.md &&
	refused 65 "e.md.*UTF-8" --year 2030 e.md
'

test_expect_success 'JSON: an unknown metric in a target is refused' '
	cat >e.json <<-\EOF &&
	{"title": "T", "guiding": "g", "sections": [{"section": 1, "sub": 0, "title": "A"}],
	 "items": [{"section": 1, "sub": 0, "text": "x", "target": {"metric": "parties", "op": ">=", "value": "1"}}]}
	EOF
	refused 65 "e.json.*unknown metric" --year 2030 e.json
'

test_expect_success 'JSON: an item in a section the plan does not have is refused, not dropped' '
	cat >e.json <<-\EOF &&
	{"title": "T", "guiding": "g", "sections": [{"section": 1, "sub": 0, "title": "A"}],
	 "items": [{"section": 1, "sub": 0, "text": "x"}, {"section": 7, "sub": 0, "text": "lost"},
	           {"section": 1, "sub": 3, "text": "lost too"}]}
	EOF
	refused 65 "e.json.*section" --year 2042 e.json
'

test_expect_success '--dry-run with a bad plan: 65 all the same' '
	item "3、开展活动〔目标: parties >= 4〕" &&
	refused 65 "e.md:11: unknown metric" --dry-run --year 2030 e.md
'

test_expect_success 'the plan of 2026 is untouched by all of that' '
	plan-new --year 2026 --show >shown &&
	test_cmp "$DATA/plan-2026.md" shown &&
	test "$(db_query "SELECT count(*) FROM plans WHERE year = 2030")" = 0
'

test_expect_success 'usage: --year is needed (64)' '
	refused 64 "--year" "$DATA/plan-2026.md" &&
	refused 64 "--year" --show &&
	refused 64 "--year" --template
'

test_expect_success 'usage: two modes at once (64)' '
	refused 64 "just one" --year 2026 --show --template &&
	refused 64 "just one" --year 2026 --show "$DATA/plan-2026.md" &&
	refused 64 "just one" --year 2026 --progress --copy-from 2025 &&
	refused 64 "just one" --year 2026 --template "$DATA/plan-2026.md" &&
	refused 64 "" --year 2026 "$DATA/plan-2026.md" "$DATA/plan-messy.md"
'

test_expect_success 'usage: an unknown option (64)' '
	refused 64 "" --year 2026 --shwo
'

test_expect_success 'a year that is not one, a bad --at: 65' '
	refused 65 "20x" --year 20x --show &&
	refused 65 "2026-02-30" --year 2026 --progress --at 2026-02-30
'

test_expect_success 'a missing file: 66' '
	refused 66 "nope.md" --year 2030 nope.md
'

test_done
