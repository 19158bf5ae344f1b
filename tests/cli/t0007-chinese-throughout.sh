#!/bin/sh
# The secretary's language throughout, in a zh_CN.UTF-8 locale: values typed
# in Chinese are read as their slugs and stored as such; listings show
# Chinese headers and Chinese names for every value, with no English slug
# left in them; CSV stays English unless --lang zh, and then reads back.
. "${UK_TOP:-$(dirname "$0")/../..}/tests/cli/lib.sh"
zh_locale_check

cat >hr.csv <<'CSV'
姓名,身份证号,工号,性别,部门
张三,11010519491231002X,000001,女,教务处
李四,440103199004074654,000002,男,总务处
王五,110105198503120020,000003,女,总务处
CSV

test_expect_success 'setup: members and an opening balance, typed in Chinese' '
	union-config union.name 某某中学工会 &&
	zh member-add -q hr.csv &&
	zh fund-ledger -q opening 2026-01-01 5000 --fund 工会经费 --account 现金 &&
	test "$(db_query "SELECT fund, account FROM ledger_entries")" = "general|cash"
'

test_expect_success 'dispute-log open and close with Chinese values, stored as slugs' '
	zh dispute-log open --received 2026-03-01 --category 工资 --employer 某厂 --workers 3 \
		--source 来访 --summary 欠薪 >case &&
	test "$(cat case)" = 2026-0001 &&
	zh dispute-log update 2026-0001 --status 调解中 --date 2026-03-02 &&
	zh dispute-log close 2026-0001 --outcome 调解成功 --date 2026-03-10 &&
	test "$(db_query "SELECT category, source, status, outcome FROM disputes")" = \
		"wages|visit|closed|resolved"
'

test_expect_success 'activity-log add 文体活动: the kind culture-sports' '
	zh activity-log add 2026-04-10 文体活动 篮球赛 --participants 40 &&
	test "$(db_query "SELECT kind, participants FROM activities")" = "culture-sports|40"
'

test_expect_success 'member-set --status 退休: retired' '
	zh member-set 000003 --status 退休 --date 2026-06-30 &&
	test "$(db_query "SELECT status, status_date FROM members WHERE member_no = ${SQ}000003${SQ}")" = \
		"retired|2026-06-30"
'

test_expect_success 'member-set --role 主席: the role chair' '
	zh member-set 000001 --role 主席 &&
	test "$(db_query "SELECT role FROM member_roles r JOIN members m ON m.id = r.member_id WHERE m.member_no = ${SQ}000001${SQ}")" = chair
'

test_expect_success 'fund-ledger add --fund 工会经费 --account 现金: general, cash' '
	zh fund-ledger add 2026-05-01 300 职工活动支出 --fund 工会经费 --account 现金 --voucher V9 &&
	test "$(db_query "SELECT fund, account, direction, category, voucher FROM ledger_entries WHERE id = 2")" = \
		"general|cash|out|501|V9"
'

test_expect_success 'fund-ledger ls --fund 工会经费 filters as --fund general does' '
	fund-ledger ls --fund general >en.csv &&
	zh fund-ledger ls --fund 工会经费 >zh.csv &&
	test_cmp en.csv zh.csv &&
	test "$(wc -l <zh.csv)" = 3
'

test_expect_success 'member-ls -f table: Chinese headers and values' '
	zh member-ls -f table --status all >t &&
	head -1 t | grep -q "^会员编号 *工号 *姓名 *性别 *身份证号" &&
	grep "^000003" t | grep -q " 女 .* 退休 *2026-06-30" &&
	grep "^000001" t | grep -q " 在职 .*主席"
'

test_expect_success 'the same listing in C: English headers and slugs, as before' '
	member-ls -f table --status all >t.en &&
	head -1 t.en | grep -q "^member_no *employee_no *name *gender" &&
	grep "^000003" t.en | grep -q " female .* retired"
'

test_expect_success 'CSV under zh stays English unless --lang zh' '
	zh member-ls -f csv >c &&
	head -1 c | grep -q "^member_no,employee_no,name," &&
	zh member-ls -f csv --lang zh >c.zh &&
	head -1 c.zh | grep -q "^会员编号,工号,姓名,性别,身份证号"
'

test_expect_success 'member-ls --lang zh -f csv --excel goes back through member-set unchanged' '
	member-ls --lang zh -f csv --excel --status all >excel.csv &&
	zh member-set excel.csv 2>err &&
	test_grep "修改 0，未变 3" err &&
	! grep -q "ignoring\|忽略" err
'

test_expect_success 'a ledger listed with --lang zh imports back into a new book as the same entries' '
	fund-ledger ls --lang zh -f csv >ledger.zh.csv &&
	head -1 ledger.zh.csv | grep -q "^分录编号,日期,基金,账户,收支,科目" &&
	grep -q ",工会经费,库存现金,支出,501," ledger.zh.csv &&
	UNIONKIT_DB=$PWD/b.db union-config -q init &&
	UNIONKIT_DB=$PWD/b.db fund-ledger -q import ledger.zh.csv &&
	test "$(UNIONKIT_DB=$PWD/b.db fund-ledger ls -f csv | cut -d, -f2-9)" = \
		"$(fund-ledger ls -f csv | cut -d, -f2-9)"
'

test_expect_success 'plan targets in Chinese: 培训, 文体活动人次, 会员总数 are the metrics, stored by name' '
	cat >plan.md <<-\EOF &&
	# 2026年工作计划

	指导思想。

	## 一、活动

	1、岗位培训〔目标: 培训 >= 4〕
	2、文体活动〔目标：文体活动人次 >= 30〕
	3、会员队伍〔目标: 会员总数 >= 3〕
	EOF
	zh plan-new -q --year 2026 plan.md &&
	test "$(db_query "SELECT group_concat(metric, ${SQ} ${SQ}) FROM plan_items")" = \
		"training culture_sports_participants members_total"
'

test_expect_success 'the progress table says them in Chinese, met or not' '
	zh plan-new --progress --year 2026 -f table >prog &&
	grep -q "培训 >= 4 *0 *未完成" prog &&
	grep -q "文体活动人次 >= 30 *40 *已完成" prog &&
	grep -q "会员总数 >= 3 *3 *已完成" prog
'

test_expect_success 'dispute-log stats -f table: measures, keys and values in Chinese' '
	zh dispute-log stats --year 2026 -f table >stats &&
	head -1 stats | grep -q "^指标 *项目 *值" &&
	grep -q "^结案方式 *调解成功 *1$" stats &&
	grep -q "^争议类别 *劳动报酬 *1$" stats &&
	grep -q "^比率 *成功率 *100.0%$" stats
'

test_expect_success 'member-ls --history -f table: fields and values in Chinese' '
	zh member-ls --history 000003 -f table >hist &&
	grep -q "2026-06-30 *000003 *状态 *在职 *退休" hist &&
	zh member-ls --history 000001 -f table >hist1 &&
	grep -q "工会职务 *主席" hist1 &&
	member-ls --history 000003 -f table | grep -q "status *active *retired"
'

test_expect_success 'fund-ledger fund ls and categories: a Chinese table leaves the slugs out, CSV keeps them' '
	zh fund-ledger fund ls -f table >funds &&
	head -1 funds | grep -q "^名称 *余额$" &&
	grep -q "^工会经费 *4700.00$" funds &&
	zh fund-ledger fund ls --lang zh -f csv >funds.csv &&
	head -2 funds.csv | tail -1 | grep -q "^general,工会经费,4700.00" &&
	zh fund-ledger categories -f table >cats &&
	! grep -q "别名" cats &&
	grep -q "^期初余额 .*系统科目$" cats
'

test_expect_success 'union-config: the level and the frequency in Chinese, stored as slugs' '
	zh union-config union.level 上级工会 &&
	test "$(union-config union.level)" = federation &&
	zh union-config disclosure.frequency 每季度 &&
	test "$(union-config disclosure.frequency)" = quarterly &&
	zh union-config --list -f table >conf &&
	grep -q "^union.level *上级工会 *基层工会" conf &&
	zh union-config union.level 基层 &&
	test "$(union-config union.level)" = grassroots &&
	zh union-config disclosure.frequency monthly &&
	test_expect_code 65 union-config union.level 街道 2>err &&
	test_grep "must be grassroots or federation" err
'

test_expect_success 'plan-new --explain says what each line was read as in Chinese' '
	zh plan-new --explain plan.md >explain &&
	grep -q "^1	标题	-	2026年工作计划" explain &&
	grep -q "^7	条目	一/1	岗位培训" explain &&
	plan-new --explain plan.md | grep -q "^7	item	"
'

test_expect_success 'report CSV: English keys and slugs, Chinese headers and values with --lang zh' '
	zh report-month --month 2026-05 -f csv --table balances >bal.csv &&
	head -1 bal.csv | grep -q "^fund,title,account,opening,income,expense,closing" &&
	grep -q "^general,工会经费,cash,5000.00,0.00,300.00,4700.00" bal.csv &&
	report-month --month 2026-05 -f csv --table balances --lang zh >bal.zh.csv &&
	head -1 bal.zh.csv | grep -q "^基金,账户,期初余额,本月收入,本月支出,期末余额" &&
	grep -q "^工会经费,库存现金,5000.00,0.00,300.00,4700.00" bal.zh.csv &&
	report-month --month 2026-05 -f csv --table statement --lang zh >st.zh.csv &&
	grep -q "^501,职工活动支出,300.00,300.00" st.zh.csv &&
	grep -q "^,本期支出合计,300.00,300.00" st.zh.csv
'

# Every listing a tool prints in Chinese: no vocabulary slug may show.
listings() {
	zh member-ls -f table --status all &&
	zh fund-ledger ls -f table &&
	zh fund-ledger balance -f table &&
	zh fund-ledger balance --by account -f table &&
	zh dispute-log ls -f table &&
	zh dispute-log show 2026-0001 -f table &&
	zh activity-log ls -f table &&
	zh plan-new --progress --year 2026 -f table &&
	zh report-month --month 2026-05 -f md &&
	zh report-month --month 2026-05 -f table &&
	zh report-year --year 2026 -f md &&
	zh report-year --year 2026 -f table &&
	zh dispute-log stats --year 2026 -f table &&
	zh member-ls --history 000003 -f table &&
	zh member-ls --history 000001 -f table &&
	zh fund-ledger fund ls -f table &&
	zh fund-ledger categories -f table &&
	zh fund-ledger balance --by category -f table &&
	zh plan-new --explain plan.md &&
	zh care-log ls -f table &&
	zh care-log stats --year 2026 -f table &&
	zh care-log stats --year 2026 --by unit -f table &&
	zh care-log due --at 2026-12-01 --days 365 -f table &&
	zh mutual-aid stats --year 2026 -f table &&
	zh mutual-aid ls --year 2026 -f table &&
	zh union-register ls --all -f table &&
	zh union-register show 某某社区联合工会 -f table &&
	zh union-register show 某厂工会 -f table &&
	zh union-register contracts --at 2026-06-01 -f table &&
	zh union-register stats --year 2026 -f table &&
	zh union-config vocab >/dev/null
}

test_expect_success 'no English slug in any Chinese listing' '
	zh member-set 000003 --hardship 深度困难 --date 2026-07-01 &&
	zh care-log add 2026-07-02 困难帮扶 --member 000003 --goods 米油 --value 0.50 --allow-overdraft >/dev/null &&
	zh care-log add 2026-07-03 夏送清凉 --unit 某厂 --workers 10 --occasion 高温 >/dev/null &&
	zh mutual-aid enrol --year 2026 --category 特种 --unit 某厂 --count 10 --workers 10 >/dev/null &&
	zh union-register add 某厂工会 --type 单建 --founded 2010-01-01 --hardship-fund 已建 --fund-size 1000 \
		--mediators 1 --congress 2026-03-01 &&
	zh union-register add 某某社区联合工会 --type 联合 --founded 2011-01-01 --firm 某店::8 --hardship-fund 不适用 &&
	zh union-register add 某某工会 --type 单建 --founded 2010-01-01 --hardship-fund 未建 &&
	zh union-register dissolve 某某工会 --date 2026-05-01 --reason 企业关闭 &&
	zh union-register contract 某厂工会 --kind 工资专项 --signed 2026-01-01 --term-years 1 --workers 10 \
		--wage-increase 3 >/dev/null &&
	zh union-register contract 某厂工会 --kind 女职工专项 --signed 2025-01-01 --term-years 3 --workers 4 >/dev/null &&
	zh union-register audit 某某社区联合工会 --date 2026-04-01 --findings 票据不全 >/dev/null &&
	listings >all.txt &&
	zh union-config --list -f table >>all-with-keys.txt &&
	cat all.txt >>all-with-keys.txt &&
	for v in $(union-config vocab | cut -f1); do
		union-config vocab $v | cut -f1
	done | sort -u >slugs &&
	test "$(wc -l <slugs)" -gt 50 &&
	tr -s " \t" "\n\n" <all-with-keys.txt | sort -u >cells &&
	comm -12 slugs cells >found &&
	test_must_be_empty found
'

test_expect_success 'and no ASCII word at all but the user'"'"'s own data and hashes' '
	sed -e "s/[0-9a-f]\{64\}//g" -e "s/V9//g" -e "s/\([0-9]\)[TX]/\1/g" all.txt | grep -o "[A-Za-z][A-Za-z_-]*" | sort -u >words &&
	test_must_be_empty words
'

test_done
