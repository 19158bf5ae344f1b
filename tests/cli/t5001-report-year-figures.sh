#!/bin/sh
# report-year --year Y -f json: every figure of every section, checked three
# ways: the value worked out by hand from the fixture (tests/data/
# report-union.sh, built through the tools), the report, and a count made
# here with sqlite3 straight from the tables, apart from unionkit. Disputes
# are the figures of `dispute-log stats`, balances those of `fund-ledger
# balance`, the plan the rows of `plan-new --progress`.
. "$(dirname "$0")/lib.sh"
. "$DATA/report-union.sh"

q() { db_query "$1"; }

# The counts, written once here (single quotes are free at this level).
F="'2024-01-01'" E="'2024-12-31'" P="'2023-12-31'"
YEAR="date BETWEEN $F AND $E"
# m: every member who had joined by the year's end, with the status and
# hardship level of that day, read from the dated history (members are
# added active, without a level).
M="WITH m AS (SELECT id, gender, coalesce(unit, '') AS unit,
 coalesce((SELECT new_value FROM member_events e WHERE e.member_id = members.id
   AND e.field = 'status' AND e.date <= $E ORDER BY e.date DESC, e.id DESC LIMIT 1), 'active') AS s,
 coalesce((SELECT new_value FROM member_events e WHERE e.member_id = members.id
   AND e.field = 'hardship' AND e.date <= $E ORDER BY e.date DESC, e.id DESC LIMIT 1), 'none') AS h
 FROM members WHERE join_date <= $E), t AS (SELECT * FROM m WHERE s IN ('active', 'retired'))"
Q_MEMBERS="$M SELECT 'total=' || count(*) FROM t;
 $M SELECT 'active=' || count(*) FROM m WHERE s = 'active';
 $M SELECT 'retired=' || count(*) FROM m WHERE s = 'retired';
 SELECT 'joined=' || count(*) FROM members WHERE join_date BETWEEN $F AND $E;
 SELECT 'left.' || r || '=' || (SELECT count(DISTINCT member_id) FROM member_events
   WHERE field = 'status' AND new_value = r AND $YEAR)
   FROM (SELECT 'left' AS r UNION ALL SELECT 'transferred' UNION ALL SELECT 'deceased');
 $M SELECT 'female=' || count(*) FROM t WHERE gender = 'female';
 $M SELECT 'female_share=' || printf('%.1f', (sum(gender = 'female') * 1000 + count(*) / 2) / count(*) / 10.0) FROM t;
 $M SELECT 'hardship.' || l || '=' || (SELECT count(*) FROM t WHERE h = l)
   FROM (SELECT 'relative' AS l UNION ALL SELECT 'deep' UNION ALL SELECT 'accident')"
Q_UNITS="$M SELECT unit, count(*) FROM t GROUP BY unit ORDER BY 2 DESC, 1"
# money: fen as yuan with two decimals; income counts in, expense out, so
# that a void (the other direction) nets out.
IN="sum(CASE direction WHEN 'in' THEN amount ELSE -amount END)"
OUT="sum(CASE direction WHEN 'out' THEN amount ELSE -amount END)"
Y() { echo "printf('%.2f', coalesce($1, 0) / 100.0)"; }
NOT_VOIDED="void_of IS NULL AND NOT EXISTS (SELECT 1 FROM ledger_entries v WHERE v.void_of = x.id AND v.date <= $E)"
Q_FUNDS="SELECT 'income=' || $(Y "$IN") FROM ledger_entries WHERE category GLOB '4*' AND $YEAR;
 SELECT 'expense=' || $(Y "$OUT") FROM ledger_entries WHERE category GLOB '5*' AND $YEAR;
 SELECT 'dues=' || $(Y "$IN") FROM ledger_entries WHERE category = '401' AND $YEAR;
 SELECT 'hardship_paid=' || $(Y "$OUT") FROM ledger_entries WHERE fund = 'hardship' AND category GLOB '502*' AND $YEAR;
 SELECT 'hardship_recipients=' || count(DISTINCT member_id) FROM ledger_entries x WHERE fund = 'hardship'
   AND category GLOB '502*' AND direction = 'out' AND $NOT_VOIDED AND $YEAR"
Q_CLASSES="SELECT substr(e.category, 1, 3), c.name, c.kind,
 printf('%.2f', sum(CASE WHEN (c.kind = 'income') = (e.direction = 'in') THEN e.amount ELSE -e.amount END) / 100.0)
 FROM ledger_entries e JOIN ledger_categories c ON c.code = substr(e.category, 1, 3)
 WHERE e.category GLOB '[45]*' AND e.$YEAR GROUP BY 1 ORDER BY 1"
Q_MONTHS="SELECT substr(date, 1, 7),
 printf('%.2f', coalesce(sum(CASE WHEN category GLOB '4*' THEN (CASE direction WHEN 'in' THEN amount ELSE -amount END) END), 0) / 100.0),
 printf('%.2f', coalesce(sum(CASE WHEN category GLOB '5*' THEN (CASE direction WHEN 'out' THEN amount ELSE -amount END) END), 0) / 100.0)
 FROM ledger_entries WHERE $YEAR GROUP BY 1 ORDER BY 1"
# balance_at DATE: every fund and account with entries by DATE, non-zero.
balance_at() {
	q "SELECT fund, account, $(Y "$IN") FROM ledger_entries WHERE date <= '$1' GROUP BY 1, 2
	   HAVING $IN <> 0 ORDER BY 1, 2"
}
Q_ACTIVITIES="SELECT kind, count(*), sum(participants) FROM activities WHERE $YEAR GROUP BY kind ORDER BY kind"

test_expect_success 'setup: the fixture union, built through the tools' '
	build_union &&
	test "$(q "SELECT count(*) FROM members")" = 14 &&
	report-year --year 2024 -f json >y.json 2>err &&
	test_must_fail test -s err &&
	test "$(jget y.json schema_version)" = 1 &&
	test "$(jget y.json kind)" = year &&
	test "$(jget y.json year)" = 2024 &&
	test "$(jget y.json union.name)" = 测试中学工会
'

# Members at 2024-12-31 (joined by then: all but 000014, who joins in
# 2025): left 000004 (2024), 000011 (2023); transferred 000007; deceased
# 000010; retired 000006 (2024-07-31). Active 000001 2 3 5 8 9 12 13 = 8,
# retired 1, total 9. Women among them: 000002 3 5 9 12 13 = 6 of 9 = 66.7%.
# Joined in 2024: 000005, 000013 = 2. Left in 2024 by reason: left 000004,
# transferred 000007, deceased 000010 (000011 left in 2023). Hardship at
# the end: relative 000002, 000013 (000012 went back to none), deep 000008
# (000004 had one but left), accident 000009.
test_expect_success 'members: total, active, retired, joined, left by reason, women, hardship by level' '
	cat >expect <<-\EOF &&
	total=9
	active=8
	retired=1
	joined=2
	left.left=1
	left.transferred=1
	left.deceased=1
	female=6
	female_share=66.7
	hardship.relative=2
	hardship.deep=1
	hardship.accident=1
	EOF
	for k in total active retired joined left.left left.transferred left.deceased female \
			female_share hardship.relative hardship.deep hardship.accident; do
		echo "$k=$(jget y.json members.$k)" || return 1
	done >actual &&
	test_cmp expect actual &&
	q "$Q_MEMBERS" >counted &&
	test_cmp expect counted
'

test_expect_success 'members by unit, at the end of the year' '
	cat >expect <<-\EOF &&
	教务处|3
	高中部|3
	初中部|2
	后勤处|1
	EOF
	jrows y.json members.by_unit unit members | sort >actual &&
	sort expect >expect.sorted &&
	test_cmp expect.sorted actual &&
	q "$Q_UNITS" | sort >counted &&
	test_cmp expect.sorted counted
'

# Income: allocation 30000 + upper subsidy 5000 + dues (279.60 of March,
# 120.50 by hand, 218.15 of October) 618.25 + other 250 = 35868.25; the
# openings and the transfers are neither. Expense: sports 1500 + 600,
# aid 500 + 800 + 1200 + 600 (+300 voided in the month), training 800,
# meeting 999 voided in August, education 600, service 450, other 200,
# 送温暖 1000 = 8250.00. Aid from the hardship fund 3100.00 to 000004,
# 000002, 000013, 000008 = 4 (the 2023 and 2025 aid is outside the year).
test_expect_success 'funds: income, expense with voids netted, dues, hardship aid paid and recipients' '
	cat >expect <<-\EOF &&
	income=35868.25
	expense=8250.00
	dues=618.25
	hardship_paid=3100.00
	hardship_recipients=4
	EOF
	for k in income expense dues hardship_paid hardship_recipients; do
		echo "$k=$(jget y.json funds.$k)" || return 1
	done >actual &&
	test_cmp expect actual &&
	q "$Q_FUNDS" >counted &&
	test_cmp expect counted
'

test_expect_success 'funds by class: every income and expense class, voids netted' '
	cat >expect <<-\EOF &&
	401|会费收入|income|618.25
	402|拨缴经费收入|income|30000.00
	403|上级补助收入|income|5000.00
	408|其他收入|income|250.00
	501|职工活动支出|expense|2700.00
	502|维权支出|expense|4100.00
	503|业务支出|expense|800.00
	508|其他支出|expense|200.00
	509|职工服务支出|expense|450.00
	EOF
	jrows y.json funds.by_class code name kind amount >actual &&
	test_cmp expect actual &&
	q "$Q_CLASSES" >counted &&
	test_cmp expect counted
'

test_expect_success 'funds by month: income and expense of each month, the void in its own month' '
	cat >expect <<-\EOF &&
	2024-01|30000.00|0.00
	2024-02|5000.00|0.00
	2024-03|279.60|2000.00
	2024-04|120.50|1400.00
	2024-05|0.00|800.00
	2024-06|0.00|1200.00
	2024-07|0.00|999.00
	2024-08|0.00|-999.00
	2024-09|0.00|600.00
	2024-10|468.15|1050.00
	2024-11|0.00|200.00
	2024-12|0.00|1000.00
	EOF
	jrows y.json funds.by_month month income expense >actual &&
	test_cmp expect actual &&
	q "$Q_MONTHS" >counted &&
	test_cmp expect counted
'

# At 2023-12-31: general:bank 50000 + 500 - 1000 = 49500, general:cash 2000,
# hardship:bank 10000 - 300 = 9700. At 2024-12-31: general:bank 69697.75,
# general:cash 2000 + 1000 + 120.50 - 600 = 2520.50, hardship:bank 9700 +
# 5000 + 5000 - 500 - 800 - 1200 - 600 = 16600.00. mutual-aid has no entry.
test_expect_success 'balances: opening (before the year) and closing, per fund and account' '
	cat >expect <<-\EOF &&
	general|bank|49500.00|69697.75
	general|cash|2000.00|2520.50
	hardship|bank|9700.00|16600.00
	mutual-aid|bank|0.00|0.00
	EOF
	jrows y.json funds.balances fund account opening closing >actual &&
	test_cmp expect actual
'

test_expect_success 'balances agree with fund-ledger balance --by account --at and with sqlite3' '
	for at in 2023-12-31:opening 2024-12-31:closing; do
		d=${at%%:*} k=${at#*:} &&
		fund-ledger balance --by account --at $d -f csv |
			awk -F, "NR > 1 && \$1 != \"total\" { print \$1 \"|\" \$2 \"|\" \$5 }" >ledger.$k &&
		jrows y.json funds.balances fund account $k | grep -v "|0.00\$" >report.$k &&
		test_cmp ledger.$k report.$k &&
		balance_at $d >counted.$k &&
		test_cmp ledger.$k counted.$k || return 1
	done
'

# The documents name each fund once, by its title (no 名称 column that
# repeats it), with 小计 and 合计 as the disclosure has them: 51500.00 =
# 49500 + 2000, 72218.25 = 69697.75 + 2520.50; the 合计 is the books'
# balance at the year's end.
test_expect_success 'the documents'"'"' 各项基金余额: each fund once, its accounts, 小计, and a 合计 that is the books'"'"' balance at 12-31' '
	report-year --year 2024 -f md >y.md &&
	sed -n "/^### 各项基金余额\$/,/^### /p" y.md | sed "1,2d;\$d;/^\$/d" >actual &&
	cat >expect <<-\EOF &&
	| 基金 | 账户 | 期初余额 | 期末余额 |
	| --- | --- | ---: | ---: |
	| 工会经费 | 银行存款 | 49500.00 | 69697.75 |
	|  | 库存现金 | 2000.00 | 2520.50 |
	|  | 小计 | 51500.00 | 72218.25 |
	| 帮困基金 | 银行存款 | 9700.00 | 16600.00 |
	|  | 小计 | 9700.00 | 16600.00 |
	| 职工医疗互助 | 银行存款 | 0.00 | 0.00 |
	|  | 小计 | 0.00 | 0.00 |
	| 合计 |  | 61200.00 | 88818.25 |
	EOF
	test_cmp expect actual &&
	total=$(fund-ledger balance --at 2024-12-31 -f csv | awk -F, "\$1 == \"total\" { print \$5 }") &&
	test "$total" = 88818.25 &&
	opening=$(fund-ledger balance --at 2023-12-31 -f csv | awk -F, "\$1 == \"total\" { print \$5 }") &&
	test_grep "^| 合计 |  | $opening | $total |\$" actual &&
	report-year --year 2024 -f html >y.html &&
	test_grep "<th>基金</th><th>账户</th><th>期初余额</th><th>期末余额</th>" y.html &&
	test_must_fail grep "<th>名称</th>" y.html &&
	report-year --year 2024 -f csv --table balances >data.csv &&
	test "$(head -1 data.csv)" = "fund,title,account,opening,closing"
'

test_expect_success 'the books reconcile: opening + income - expense = closing' '
	python3 - y.json <<-\EOF
	import json, sys
	from decimal import Decimal as D
	f = json.load(open(sys.argv[1], encoding="utf-8"))["funds"]
	o = sum(D(b["opening"]) for b in f["balances"])
	c = sum(D(b["closing"]) for b in f["balances"])
	assert o + D(f["income"]) - D(f["expense"]) == c, (o, f["income"], f["expense"], c)
	assert sum(D(r["amount"]) for r in f["by_class"] if r["kind"] == "income") == D(f["income"])
	assert sum(D(r["amount"]) for r in f["by_class"] if r["kind"] == "expense") == D(f["expense"])
	assert sum(D(r["income"]) for r in f["by_month"]) == D(f["income"])
	assert sum(D(r["expense"]) for r in f["by_month"]) == D(f["expense"])
	EOF
'

# Books started on the year's first day, as examples/ledger-2026.csv and
# most unions start them: `fund-ledger opening 2024-01-01` is the 期初余额
# of 2024, so the year opens with it and still reconciles: 1000 + 100 - 30
# = 1070 in general:bank, 200 in hardship:cash.
test_expect_success 'opening balances dated the first day of the year are the year'"'"'s opening' '
	union-config -q init --db jan1.db &&
	union-config -d jan1.db union.name 乙工会 &&
	fund-ledger -q -d jan1.db opening 2024-01-01 1000 --fund general --account bank >/dev/null &&
	fund-ledger -q -d jan1.db opening 2024-01-01 200 --fund hardship --account cash >/dev/null &&
	fund-ledger -q -d jan1.db add 2024-02-01 100 402 >/dev/null &&
	fund-ledger -q -d jan1.db add 2024-03-01 30 50101 >/dev/null &&
	report-year -d jan1.db --year 2024 -f json >jan1.json &&
	jrows jan1.json funds.balances fund account opening closing | grep -v "|0.00|0.00\$" >actual &&
	cat >expect <<-\EOF &&
	general|bank|1000.00|1070.00
	hardship|cash|200.00|200.00
	EOF
	test_cmp expect actual
'

# 2024-0001 wages 12 workers resolved; -0002 contract failed; -0003 a
# petition; -0004 injury referred; -0005 termination withdrawn; -0006
# wages resolved; -0007 open since 10-12 (overdue at 12-31); -0008 open
# since 12-28 (closed in 2025). Received 7, concluded 4 (2 resolved, 1
# failed, 1 referred): 调处率 4/7 = 57.1%, 成功率 2/4 = 50.0%; workers
# 12+2+1+3+5+2+1 = 26, one collective case; claimed 10000 + 5000 + 30000 +
# 6000 + 20000 = 71000.00, recovered 28000.00. 2023-0001 is not of 2024.
test_expect_success 'disputes: the figures worked out by hand' '
	cat >expect <<-\EOF &&
	received=7
	concluded=4
	resolved=2
	failed=1
	referred=1
	withdrawn=1
	open=2
	overdue=1
	petitions=1
	workers=26
	collective=1
	claimed=71000.00
	recovered=28000.00
	handled_rate=57.1
	success_rate=50.0
	by_category.contract=1
	by_category.wages=2
	by_category.injury=1
	by_category.other=0
	EOF
	for k in received concluded resolved failed referred withdrawn open overdue petitions \
			workers collective claimed recovered handled_rate success_rate \
			by_category.contract by_category.wages by_category.injury by_category.other; do
		echo "$k=$(jget y.json disputes.$k)" || return 1
	done >actual &&
	test_cmp expect actual &&
	test "$(q "SELECT count(*) FROM disputes WHERE kind = ${SQ}dispute${SQ} AND received BETWEEN $F AND $E")" = 7 &&
	test "$(q "SELECT sum(workers) FROM disputes WHERE kind = ${SQ}dispute${SQ} AND received BETWEEN $F AND $E")" = 26
'

test_expect_success 'disputes: the full dispute-log stats --year, every figure (the period aside)' '
	dispute-log stats --year 2024 -f json >stats.json &&
	python3 - y.json stats.json <<-\EOF
	import json, sys
	r = json.load(open(sys.argv[1], encoding="utf-8"))["disputes"]
	s = json.load(open(sys.argv[2], encoding="utf-8"))
	bad = ["%s: stats %r, report %r" % (k, v, r.get(k, "(missing)"))
	       for k, v in s.items() if k not in ("from", "to") and (k not in r or r[k] != v or type(r[k]) is not type(v))]
	assert not bad, bad
	EOF
'

# congress 01-20 (80); training 03-05 (30) and 05-12 (three members);
# culture-sports 04-20 (120) and 12-15 (60); visit 09-10 (5). The training
# of 2023-12-30 and the meeting of 2025-01-03 are outside.
test_expect_success 'activities: every kind, with count and participants' '
	cat >expect <<-\EOF &&
	congress|1|80
	culture-sports|2|180
	training|2|33
	visit|1|5
	EOF
	jrows y.json activities kind count participants >all &&
	test "$(wc -l <all)" = 12 &&
	grep -v "|0|0\$" all | sort >actual &&
	test_cmp expect actual &&
	q "$Q_ACTIVITIES" >counted &&
	test_cmp expect counted &&
	cut -d"|" -f1 all >kinds &&
	for k in congress meeting study training competition culture-sports visit health-check rest aid legal other; do
		grep -qx "$k" kinds || { echo "no kind $k" >&2; return 1; }
	done
'

test_expect_success 'plan: the JSON rows are those of plan-new --progress --at the year end' '
	plan-new --year 2024 --progress --at 2024-12-31 -f json >progress.json &&
	python3 - y.json progress.json <<-\EOF
	import json, sys
	r = json.load(open(sys.argv[1], encoding="utf-8"))["plan"]
	p = json.load(open(sys.argv[2], encoding="utf-8"))
	assert len(r) == 18, len(r)
	assert r == p, (r, p)
	EOF
'

test_expect_success 'plan: report-year -f csv --table plan is exactly plan-new --progress -f csv' '
	plan-new --year 2024 --progress --at 2024-12-31 -f csv >expect &&
	report-year --year 2024 -f csv --table plan >actual &&
	test_cmp expect actual
'

test_expect_success 'plan: the actual values are the figures of the other sections' '
	jrows y.json plan item actual result >plan &&
	test_grep "^2024/一/1|9|not yet\$" plan &&
	test_grep "^2024/一/3|3|not yet\$" plan &&
	test_grep "^2024/一/4|66.7%|met\$" plan &&
	test_grep "^2024/一/5|4|not yet\$" plan &&
	test_grep "^2024/二/1|3100.00|met\$" plan &&
	test_grep "^2024/二/4|35868.25|not yet\$" plan &&
	test_grep "^2024/二/6|0|not yet\$" plan &&
	test_grep "^2024/三/2|50.0%|not yet\$" plan &&
	test_grep "^2024/三/3|57.1%|met\$" plan &&
	test_grep "^2024/四/3|180|met\$" plan &&
	test_grep "^2024/四/4|null|no target\$" plan
'

# 2023: joined by its end 000001-4, 6-12 = 11, of whom 000011 left on
# 2023-12-31: 10. Dues 500, aid 300. 2023-0001 was received on 12-20 and
# closed only on 2024-01-10: received 1, concluded 0, 调处率 0.0%.
test_expect_success 'a year without a plan has an empty plan, and other years have their own figures' '
	report-year --year 2023 -f json >y23.json &&
	test "$(jget y23.json plan)" = "[]" &&
	test "$(jget y23.json members.total)" = 10 &&
	test "$(jget y23.json members.left.left)" = 1 &&
	test "$(jget y23.json funds.income)" = 500.00 &&
	test "$(jget y23.json funds.hardship_paid)" = 300.00 &&
	test "$(jget y23.json disputes.received)" = 1 &&
	test "$(jget y23.json disputes.concluded)" = 0 &&
	test "$(jget y23.json disputes.handled_rate)" = 0.0 &&
	test "$(jget y23.json disputes.success_rate)" = null
'

test_expect_success 'report-year reads only: the database is unchanged' '
	db_dump >before &&
	report-year --year 2024 -f json >/dev/null &&
	report-year --year 2024 -f html >/dev/null &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a missing database: 66, and no file is created' '
	{ test_expect_code 66 report-year --year 2024 -d nowhere.db >out 2>err ||
		{ cat err >&2; return 1; }; } &&
	test_grep "^report-year: .*nowhere.db" err &&
	test_must_fail test -s out &&
	test_must_fail test -e nowhere.db
'

test_expect_success '--year missing: 64' '
	test_refused 64 "--year" report-year -f json
'

test_expect_success 'a bad --year: 65; an extra argument: 64' '
	test_refused 65 "20x4" report-year --year 20x4 -f json &&
	test_refused 64 "unexpected" report-year --year 2024 extra
'

test_done
