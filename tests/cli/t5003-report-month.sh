#!/bin/sh
# report-month --month YYYY-MM: the monthly disclosure (每月一公开) of the
# fixture union (tests/data/report-union.sh). The 收入支出表 by class with
# 本月数 and 本年累计数, worked out by hand and counted with sqlite3; the
# opening and closing balance of each fund and account; the aid of the
# month with the recipients masked; the disputes of the month; the
# signature lines; the disclosure recorded once however often it is made,
# and never by --dry-run.
. "$(dirname "$0")/lib.sh"
. "$DATA/report-union.sh"

q() { db_query "$1"; }

# statement_of MONTH: the statement counted from the entries: each class
# with entries from January to the month's end, its month and its year so
# far, income in and expense out (a void is the other direction).
statement_of() {
	q "SELECT substr(e.category, 1, 3), c.name, c.kind,
	   printf('%.2f', coalesce(sum(CASE WHEN e.date >= '$1-01' THEN s END), 0) / 100.0),
	   printf('%.2f', sum(s) / 100.0)
	   FROM (SELECT *, CASE WHEN (category GLOB '4*') = (direction = 'in') THEN amount ELSE -amount END AS s
	         FROM ledger_entries) e JOIN ledger_categories c ON c.code = substr(e.category, 1, 3)
	   WHERE e.category GLOB '[45]*' AND e.date BETWEEN '${1%-*}-01-01' AND date('$1-01', '+1 month', '-1 day')
	   GROUP BY 1 ORDER BY 1" | tr "|" ,
}

# balances_at DATE: fund,account,balance of every fund and account with a
# non-zero balance on DATE, as fund-ledger balance --by account says it.
balances_at() {
	fund-ledger balance --by account --at "$1" -f csv |
		awk -F, 'NR > 1 && $1 != "total" && $5 != "0.00" { print $1 "," $2 "," $5 }'
}

# aid_of MONTH: date|amount of the hardship fund's aid paid in MONTH and
# not voided by its end.
aid_of() {
	q "SELECT x.date, printf('%.2f', x.amount / 100.0) FROM ledger_entries x
	   WHERE x.fund = 'hardship' AND x.category GLOB '502*' AND x.direction = 'out'
	   AND x.void_of IS NULL AND substr(x.date, 1, 7) = '$1'
	   AND NOT EXISTS (SELECT 1 FROM ledger_entries v WHERE v.void_of = x.id
	                   AND v.date <= date('$1-01', '+1 month', '-1 day'))
	   ORDER BY x.date, x.id"
}

test_expect_success 'setup: the fixture union, built through the tools' '
	build_union &&
	test "$(db_query "SELECT count(*) FROM disclosures")" = 0
'

# October 2024, by hand. Dues of October: the members active then, wage
# base down to ten yuan, 0.5%: 31.15 + 25.00 + 22.50 + 20.00 + 27.50 +
# 26.00 + 23.00 + 25.50 + 17.50 = 218.15; the year's dues 279.60 (March) +
# 120.50 + 218.15 = 618.25. Other income 250 in the month. Aid 600 (the 300
# of 10-20 voided on 10-25 nets out), year so far 500 + 800 + 1200 + 600 =
# 3100.00. Service 450. Activities 1500 + 600 + 600 = 2700 in the year so
# far; operations 800 (the 999 of July voided in August). 508 and the
# 送温暖 are November and December: not in the October statement.
test_expect_success '2024-10: the statement, 本月数 and 本年累计数 per class, by hand' '
	report-month --month 2024-10 --dry-run -f csv --table statement >actual &&
	cat >expect <<-\EOF &&
	code,name,kind,month,year_to_date
	401,会费收入,income,218.15,618.25
	402,拨缴经费收入,income,0.00,30000.00
	403,上级补助收入,income,0.00,5000.00
	408,其他收入,income,250.00,250.00
	501,职工活动支出,expense,0.00,2700.00
	502,维权支出,expense,600.00,3100.00
	503,业务支出,expense,0.00,800.00
	509,职工服务支出,expense,450.00,450.00
	EOF
	test_cmp expect actual
'

# August 2024: nothing but the void of July's 999 meeting, so operations
# is -999.00 in the month and 800.00 in the year so far; dues 279.60 +
# 120.50 = 400.10; activities 1500 + 600 = 2100; aid 500 + 800 + 1200.
test_expect_success '2024-08: a void in the month after its entry is a negative 本月数' '
	report-month --month 2024-08 --dry-run -f csv --table statement >actual &&
	cat >expect <<-\EOF &&
	code,name,kind,month,year_to_date
	401,会费收入,income,0.00,400.10
	402,拨缴经费收入,income,0.00,30000.00
	403,上级补助收入,income,0.00,5000.00
	501,职工活动支出,expense,0.00,2100.00
	502,维权支出,expense,0.00,2500.00
	503,业务支出,expense,-999.00,800.00
	EOF
	test_cmp expect actual
'

test_expect_success 'every month of 2024: the statement agrees with sqlite3 counts of the entries' '
	for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
		report-month --month 2024-$m --dry-run -f csv --table statement | sed 1d >actual &&
		statement_of 2024-$m >counted &&
		test_cmp counted actual || return 1
	done
'

test_expect_success 'every month: year_to_date is the sum of the months so far, class by class' '
	for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
		report-month --month 2024-$m --dry-run -f json >m$m.json || return 1
	done &&
	python3 - m01.json m02.json m03.json m04.json m05.json m06.json m07.json m08.json \
			m09.json m10.json m11.json m12.json <<-\EOF
	import json, sys
	from decimal import Decimal as D
	sums = {}
	for f in sys.argv[1:]:
	    r = json.load(open(f, encoding="utf-8"))
	    for row in r["statement"]:
	        sums[row["code"]] = sums.get(row["code"], D(0)) + D(row["month"])
	    for row in r["statement"]:
	        assert D(row["year_to_date"]) == sums[row["code"]], (f, row, sums[row["code"]])
	    assert {row["code"] for row in r["statement"]} == {c for c, v in sums.items()}, f
	EOF
'

# At 2024-09-30: general:bank 49500 + 30000 - 1000 - 1500 + 279.60 - 600 -
# 800 - 5000 - 999 + 999 = 70879.60; general:cash 2000 + 1000 + 120.50 -
# 600 = 2520.50; hardship:bank 9700 + 5000 - 500 - 800 + 5000 - 1200 =
# 17200.00. October: bank + 250 - 450 + 218.15 = 70897.75; hardship - 600
# - 300 + 300 = 16600.00.
test_expect_success '2024-10: opening and closing balance of each fund and account' '
	report-month --month 2024-10 --dry-run -f json >m.json &&
	jrows m.json balances fund account opening closing >actual &&
	cat >expect <<-\EOF &&
	general|bank|70879.60|70897.75
	general|cash|2520.50|2520.50
	hardship|bank|17200.00|16600.00
	mutual-aid|bank|0.00|0.00
	EOF
	test_cmp expect actual
'

test_expect_success 'balances: opening is fund-ledger balance at the day before, closing at the month end' '
	for m in 2024-02:2024-01-31:2024-02-29 2024-08:2024-07-31:2024-08-31 2024-10:2024-09-30:2024-10-31; do
		month=${m%%:*} rest=${m#*:} &&
		report-month --month $month --dry-run -f csv --table balances >b.csv &&
		balances_at ${rest%:*} >expect.opening &&
		balances_at ${rest#*:} >expect.closing &&
		awk -F, "NR > 1 && \$4 != \"0.00\" { print \$1 \",\" \$3 \",\" \$4 }" b.csv >opening &&
		awk -F, "NR > 1 && \$7 != \"0.00\" { print \$1 \",\" \$3 \",\" \$7 }" b.csv >closing &&
		test_cmp expect.opening opening &&
		test_cmp expect.closing closing || return 1
	done
'

# A union whose books start with `fund-ledger opening 2024-01-01`: the
# disclosure of January opens with those balances (期初余额), and its
# closing is opening + income - expense: 1000 + 100 - 30 = 1070.
test_expect_success 'January: opening balances dated the first day are the month'"'"'s opening' '
	union-config -q init --db jan1.db &&
	union-config -d jan1.db union.name 乙工会 &&
	fund-ledger -q -d jan1.db opening 2024-01-01 1000 --fund general --account bank >/dev/null &&
	fund-ledger -q -d jan1.db add 2024-01-10 100 402 >/dev/null &&
	fund-ledger -q -d jan1.db add 2024-01-20 30 50101 >/dev/null &&
	report-month -d jan1.db --month 2024-01 --dry-run -f csv --table balances |
		grep -v ",0.00,0.00,0.00,0.00\$" >actual &&
	cat >expect <<-\EOF &&
	fund,title,account,opening,income,expense,closing
	general,工会经费,bank,1000.00,100.00,30.00,1070.00
	EOF
	test_cmp expect actual
'

test_expect_success 'no income or expense in the year yet: the statement says 本月无, not three totals of 0.00' '
	union-config -q init --db empty.db &&
	fund-ledger -q -d empty.db opening 2024-01-01 50000 --fund general --account bank >/dev/null &&
	for f in md table html; do
		report-month -d empty.db --month 2024-02 --dry-run -f $f >empty.$f || return 1
	done &&
	sed -n "/^## 收入支出表\$/,/^## /p" empty.md >statement.md &&
	cat >expect <<-\EOF &&
	## 收入支出表

	本月无

	## 各项基金余额
	EOF
	test_cmp expect statement.md &&
	sed -n "/^收入支出表\$/,/^各项基金余额\$/p" empty.table >statement.table &&
	printf "收入支出表\n本月无\n\n各项基金余额\n" >expect &&
	test_cmp expect statement.table &&
	test_grep "<h2>收入支出表</h2>" empty.html &&
	sed -n "/<h2>收入支出表<\/h2>/,/<h2>/p" empty.html >statement.html &&
	test_grep "^<p>本月无</p>\$" statement.html &&
	for f in md table html; do
		test_must_fail grep "本期收入合计\|本期收支结余" empty.$f || return 1
	done &&
	report-month -d empty.db --month 2024-02 --dry-run -f json >empty.json &&
	test "$(jget empty.json income_total.month)" = 0.00
'

# Aid from the hardship fund, month by month, names masked: 2024-03 刘洋
# (000004, deep) 500; 2024-04 王丽 800; 2024-06 黄晓燕 1200; 2024-10 周建国
# 600 (his 300 of 10-20 voided in the month is not aid); none in May.
test_expect_success 'aid paid in the month: date, masked recipient, amount' '
	for m in 03 04 05 06 10; do
		report-month --month 2024-$m --dry-run -f csv --table aid | sed 1d || return 1
	done >actual &&
	cat >expect <<-\EOF &&
	2024-03-20,刘*,500.00
	2024-04-10,王*,800.00
	2024-06-20,黄*燕,1200.00
	2024-10-15,周*国,600.00
	EOF
	test_cmp expect actual
'

test_expect_success 'aid rows agree with the hardship entries of the month, voids taken out' '
	for m in 03 04 06 10; do
		report-month --month 2024-$m --dry-run -f json >a.json &&
		jrows a.json aid date amount >actual &&
		aid_of 2024-$m >counted &&
		test_cmp counted actual || return 1
	done
'

test_expect_success 'disputes received in the month (petitions apart)' '
	for m in 01 03 06 10 11; do
		report-month --month 2024-$m --dry-run -f json >d.json &&
		echo "2024-$m $(jget d.json disputes.received) $(jget d.json disputes.petitions)" || return 1
	done >actual &&
	cat >expect <<-\EOF &&
	2024-01 1 0
	2024-03 0 1
	2024-06 1 0
	2024-10 2 0
	2024-11 0 0
	EOF
	test_cmp expect actual
'

# Closed in January: 2023-0001 (received 2023-12-20, resolved 01-10) and
# 2024-0001 (resolved 01-20) = 2; in March: 2024-0002 (received in
# February, failed 03-01) = 1 — the month's disclosure says what was
# closed in the month, whenever the case came in.
test_expect_success 'disputes closed in the month, whenever they were received' '
	for m in 01 03 10; do
		report-month --month 2024-$m --dry-run -f json >d.json &&
		python3 -c "import json, sys
d = json.load(open(\"d.json\", encoding=\"utf-8\"))[\"disputes\"]
print(\"2024-$m\", d.get(\"closed\", d.get(\"concluded\")))" || return 1
	done >actual &&
	cat >expect <<-\EOF &&
	2024-01 2
	2024-03 1
	2024-10 1
	EOF
	test_cmp expect actual
'

test_expect_success 'the signature lines (工会主席, 经审委员会主任, 财务负责人, 制表), the date and the seal in md, table and html' '
	for f in md table html; do
		report-month --month 2024-10 --dry-run -f $f >out.$f &&
		for s in 工会主席 经审委员会主任 财务负责人 制表 "编制日期：$(date +%Y)年" （盖章）; do
			test_grep "$s" out.$f || return 1
		done || return 1
	done
'

test_expect_success 'the disclosure is recorded: one row for the month' '
	report-month --month 2024-10 -f md >first 2>err &&
	test_must_fail test -s err &&
	test "$(db_query "SELECT month FROM disclosures")" = 2024-10
'

test_expect_success 'made again for the same month: the same document, nothing written' '
	db_dump >before &&
	report-month --month 2024-10 -f md >second &&
	test_cmp first second &&
	db_dump >after &&
	test_cmp before after &&
	test "$(db_query "SELECT count(*) FROM disclosures WHERE month = ${SQ}2024-10${SQ}")" = 1
'

test_expect_success 'the disclosure metric of plan-new --progress counts it once' '
	plan-new --year 2024 --progress --at 2024-12-31 -f csv >prog &&
	test_grep "^2024/二/6,每月一公开,disclosure >= 12,1,not yet\$" prog
'

test_expect_success '--dry-run prints the disclosure and records nothing' '
	db_dump >before &&
	report-month --month 2024-11 --dry-run -f md >dry &&
	db_dump >after &&
	test_cmp before after &&
	test_grep "^# 测试中学工会2024年11月财务公开" dry &&
	report-month --month 2024-11 -f md >made &&
	test_cmp dry made &&
	test "$(db_query "SELECT count(*) FROM disclosures")" = 2
'

test_expect_success 'twelve months made (some twice): twelve disclosures, the target met' '
	for m in 01 02 03 04 05 06 07 08 09 10 11 12 01 12; do
		report-month --month 2024-$m -f html >/dev/null || return 1
	done &&
	test "$(db_query "SELECT count(*), min(month), max(month) FROM disclosures")" = "12|2024-01|2024-12" &&
	plan-new --year 2024 --progress --at 2024-12-31 -f csv >prog &&
	test_grep "^2024/二/6,每月一公开,disclosure >= 12,12,met\$" prog &&
	report-year --year 2024 -f csv --table plan >plan &&
	test_grep "^2024/二/6,每月一公开,disclosure >= 12,12,met\$" plan
'

test_expect_success 'a missing database: 66, and no file is created' '
	{ test_expect_code 66 report-month --month 2024-10 -d nowhere.db >out 2>err ||
		{ cat err >&2; return 1; }; } &&
	test_grep "^report-month: .*nowhere.db" err &&
	test_must_fail test -s out &&
	test_must_fail test -e nowhere.db
'

test_expect_success '--month missing: 64; a bad month: 65; nothing recorded' '
	test_refused 64 "--month" report-month -f csv &&
	test_refused 65 "2025-13" report-month --month 2025-13 -f csv
'

test_expect_success '--table with a format other than csv, -f ndjson: 64, nothing recorded' '
	test_refused 64 "csv" report-month --month 2025-02 -f md --table aid &&
	test_refused 64 "csv" report-month --month 2025-02 -f json --table aid &&
	test_refused 64 "report is" report-month --month 2025-02 -f ndjson &&
	test "$(db_query "SELECT count(*) FROM disclosures WHERE month > ${SQ}2024-12${SQ}")" = 0
'

test_expect_success 'an unknown --table: 64, and the disclosure is not recorded' '
	test_refused 64 "no such table" report-month --month 2025-03 -f csv --table nope &&
	test "$(db_query "SELECT count(*) FROM disclosures WHERE month > ${SQ}2024-12${SQ}")" = 0
'

test_done
