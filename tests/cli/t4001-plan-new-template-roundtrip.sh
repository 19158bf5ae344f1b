#!/bin/sh
# plan-new --template, and the round trips of the canonical form (plan-new(1)):
# a plan in canonical Markdown is stored and printed back byte for
# byte (stdout of the store, and --show); the JSON form (-f json) likewise;
# the skeleton of --template is itself canonical and names the year asked.
. "$(dirname "$0")/lib.sh"

# plan_rows YEAR: what is stored of the current plan of YEAR.
plan_rows() {
	db_query "SELECT p.year, p.version, p.current, s.number, s.sub, i.number, i.text,
		coalesce(i.metric, '-'), coalesce(i.op, '-'), coalesce(i.target, '-'),
		coalesce(i.owner, '-'), coalesce(i.due, '-')
		FROM plan_items i JOIN plans p ON p.id = i.plan_id JOIN plan_sections s ON s.id = i.section_id
		WHERE p.year = $1 AND p.current = 1 ORDER BY i.id"
}

test_expect_success '--template prints the skeleton with the year asked in its title' '
	plan-new --year 2031 --template --db nowhere.db >tpl 2>err &&
	test_must_fail test -s err &&
	head -n 1 tpl >actual &&
	echo "# 2031年某某工会工作计划" >expect &&
	test_cmp expect actual &&
	test_must_fail grep -q 2027 tpl &&
	test_grep "^## 指导思想$" tpl &&
	test_grep "^## 一、" tpl &&
	test_grep "^### (一)" tpl &&
	test_grep "^1、.*〔目标: [a-z_]* >= [0-9]*%*〕" tpl &&
	test_must_fail test -e nowhere.db
'

test_expect_success '--template: the customary structure, in Chinese, with targets' '
	grep "^## " tpl >actual &&
	cat >expect <<-\EOF &&
	## 指导思想
	## 一、加强思想政治引领
	## 二、推进民主管理
	## 三、维护职工合法权益
	## 四、丰富职工文化生活
	## 五、加强工会自身建设
	EOF
	test_cmp expect actual &&
	test "$(grep -c "〔目标: " tpl)" -ge 5
'

test_expect_success 'the template parses back: stored, the store prints it, --show prints it, byte for byte' '
	plan-new --year 2031 tpl >stored 2>err &&
	test_cmp tpl stored &&
	plan-new --year 2031 --show >shown &&
	test_cmp tpl shown &&
	test "$(db_query "SELECT year, version, current, title FROM plans")" = "2031|1|1|2031年某某工会工作计划"
'

test_expect_success 'the template as stored: sections, sub-sections, items and their targets' '
	db_query "SELECT number, sub, title FROM plan_sections ORDER BY id" >actual &&
	cat >expect <<-\EOF &&
	1|0|加强思想政治引领
	2|0|推进民主管理
	3|0|维护职工合法权益
	3|1|困难职工帮扶
	3|2|劳动争议调解
	4|0|丰富职工文化生活
	5|0|加强工会自身建设
	EOF
	test_cmp expect actual &&
	test "$(db_query "SELECT count(*) FROM plan_items")" = "$(grep -c "^[0-9]*、" tpl)" &&
	test "$(db_query "SELECT section || ${SQ}/${SQ} || number || ${SQ} ${SQ} || metric || op || target
		FROM plan_items WHERE metric = ${SQ}dispute_success_rate${SQ}")" = "3/1 dispute_success_rate>=95%"
'

test_expect_success 'a canonical plan: the store prints back the input byte for byte' '
	plan-new --year 2026 "$DATA/plan-2026.md" >out 2>err &&
	test_cmp "$DATA/plan-2026.md" out &&
	test_must_fail test -s err
'

test_expect_success 'a canonical plan: --show prints it byte for byte (md is the default off a terminal)' '
	plan-new --year 2026 --show >shown &&
	test_cmp "$DATA/plan-2026.md" shown &&
	plan-new --year 2026 --show -f md >shown &&
	test_cmp "$DATA/plan-2026.md" shown
'

test_expect_success 'a canonical plan: every item, target, owner and due month stored apart' '
	plan_rows 2026 >actual &&
	cat >expect <<-\EOF &&
	2026|1|1|1|0|1|组织教职工政治理论学习，每季度一次。|study|>=|4|宣教委员|-
	2026|1|1|1|0|2|开展师德师风专题教育。|-|-|-|-|-
	2026|1|1|2|0|1|召开教职工代表大会，审议学校重大事项。|congress|>=|1|-|3月
	2026|1|1|2|0|2|坚持校务公开、财务公开，每月一公开。|disclosure|>=|12|经费审查委员会|-
	2026|1|1|3|1|1|建立健全困难教职工档案，先建档、后帮扶。|hardship_members|>=|2|-|-
	2026|1|1|3|1|2|做好帮扶和送温暖工作。|hardship_paid|>=|40000|-|春节前
	2026|1|1|3|2|3|依法调处劳动争议。|dispute_success_rate|>=|95%|-|-
	2026|1|1|3|2|4|劳动争议及时受理、及时调处。|dispute_handled_rate|>=|90.5%|-|-
	2026|1|1|4|0|1|组织教职工技能培训。|training|>=|4|-|-
	2026|1|1|4|0|2|举办青年教师教学技能竞赛。|competition|>=|1|教学工会小组|11月
	2026|1|1|5|0|1|开展教职工文体活动。|culture_sports|>=|6|-|-
	2026|1|1|5|0|2|组织教职工健康体检。|health_check|=|1|女工委|-
	2026|1|1|6|0|1|关心女教职工，女会员比例保持。|female_share|>=|50%|-|-
	2026|1|1|7|0|1|做好会员发展和会员档案管理。|members_joined|>=|10|-|-
	2026|1|1|7|0|2|严格经费管理，量入为出。|expense|<=|120000.50|-|-
	EOF
	test_cmp expect actual &&
	test "$(db_query "SELECT guiding FROM plans WHERE year = 2026")" = "$(sed -n 5p "$DATA/plan-2026.md")"
'

test_expect_success 'a plan on stdin (-) is read the same' '
	plan-new --year 2030 - <"$DATA/plan-2026.md" >out &&
	test_cmp "$DATA/plan-2026.md" out &&
	plan-new --year 2030 --show >shown &&
	test_cmp "$DATA/plan-2026.md" shown
'

test_expect_success 'JSON: --show -f json is the machine form of the same plan' '
	plan-new --year 2026 --show -f json >p2026.json &&
	head -n 3 p2026.json >actual &&
	cat >expect <<-\EOF &&
	{
	  "year": 2026,
	  "title": "2026年某某中学工会工作计划",
	EOF
	test_cmp expect actual &&
	test "$(grep -c "^      \"title\": " p2026.json)" = 9 &&
	test "$(grep -c "^      \"text\": " p2026.json)" = 15 &&
	test "$(grep -c "^      \"target\": null" p2026.json)" = 1 &&
	grep -B 5 -A 9 "依法调处劳动争议" p2026.json >actual &&
	cat >expect <<-\EOF &&
	    {
	      "section": 3,
	      "sub": 2,
	      "number": 3,
	      "ref": "2026/三/(二)/3",
	      "text": "依法调处劳动争议。",
	      "paragraphs": [],
	      "target": {
	        "metric": "dispute_success_rate",
	        "op": ">=",
	        "value": "95%"
	      },
	      "owner": null,
	      "due": null
	    },
	EOF
	test_cmp expect actual
'

test_expect_success 'JSON round trip: that JSON stored for another year prints back equal apart from the year' '
	plan-new --year 2028 -f json p2026.json >stored.json &&
	sed -e "s/^  \"year\": 2026,$/  \"year\": 2028,/" -e "s|^      \"ref\": \"2026/|      \"ref\": \"2028/|" \
		p2026.json >expect &&
	test_cmp expect stored.json &&
	plan-new --year 2028 --show -f json >shown.json &&
	test_cmp expect shown.json &&
	plan_rows 2026 | cut -d"|" -f4- >a2026 &&
	plan_rows 2028 | cut -d"|" -f4- >a2028 &&
	test_cmp a2026 a2028 &&
	test "$(db_query "SELECT year, version, current FROM plans WHERE year = 2028")" = "2028|1|1"
'

test_expect_success 'JSON round trip: the plan stored from JSON shows as the same Markdown' '
	plan-new --year 2028 --show >shown &&
	test_cmp "$DATA/plan-2026.md" shown
'

test_expect_success '-f html: one page with the title, sections and items' '
	plan-new --year 2026 --show -f html >page.html &&
	test_grep "<h1>2026年某某中学工会工作计划</h1>" page.html &&
	test_grep "<h2>三、维护权益</h2>" page.html &&
	test_grep "<h3>(二)劳动争议调解</h3>" page.html &&
	test_grep "<li value=\"3\">依法调处劳动争议。" page.html &&
	test "$(grep -c "<li " page.html)" = 15
'

test_done
