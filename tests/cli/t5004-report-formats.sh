#!/bin/sh
# The reports' formats: md (the default when piped, headings), table, csv
# (each table a "# name" section, or --table NAME alone), json (the machine
# form, schema_version 1), html (one self-contained printable page with
# inline SVG charts, well-formed). Masking in every format: no ID number,
# phone or full name of the fixture's members in any report. --lang en.
. "$(dirname "$0")/lib.sh"
. "$DATA/report-union.sh"

# section NAME FILE: the body of one "# NAME" section of a CSV report.
section() {
	awk -v want="# $1" '/^# / { on = ($0 == want); next } on && NF' "$2"
}

YEAR_TABLES="members units funds classes months balances disputes care activities plan"
MONTH_TABLES="statement balances aid disputes care"

test_expect_success 'setup: the fixture union, built through the tools' '
	build_union &&
	secrets secrets &&
	test "$(wc -l <secrets)" = 42
'

test_expect_success 'md: the title, the summary, then its 附表 with a heading per table, in Chinese' '
	report-year --year 2024 -f md >y.md &&
	head -1 y.md >title &&
	echo "# 测试中学工会2024年度工作总结" >expect &&
	test_cmp expect title &&
	test_grep "^## 一、" y.md &&
	test_grep "^## 附表\$" y.md &&
	for h in 会员 会员按部门 经费 收支按科目 收支按月 各项基金余额 劳动争议调处 活动 工作计划完成情况; do
		test_grep "^### $h\$" y.md || return 1
	done &&
	test_grep "^| 2024-10 | 468.15 | 1050.00 |\$" y.md
'

test_expect_success 'md is the default when stdout is not a terminal' '
	report-year --year 2024 >default &&
	test_cmp y.md default &&
	report-month --month 2024-10 --dry-run >default &&
	report-month --month 2024-10 --dry-run -f md >m.md &&
	test_cmp m.md default
'

test_expect_success 'md of the month: the title, the statement with 本月数 and 本年累计数' '
	head -1 m.md >title &&
	echo "# 测试中学工会2024年10月财务公开" >expect &&
	test_cmp expect title &&
	for h in 收入支出表 各项基金余额 帮扶支出 劳动争议; do
		test_grep "^## $h\$" m.md || return 1
	done &&
	test_grep "^| 科目代码 | 项目 | 本月数 | 本年累计数 |\$" m.md &&
	test_grep "^| 401 | 会费收入 | 218.15 | 618.25 |\$" m.md &&
	test_grep "^|  | 本期收入合计 | 468.15 | 35868.25 |\$" m.md
'

test_expect_success 'table: the title, then aligned tables' '
	report-year --year 2024 -f table >y.txt &&
	test "$(head -1 y.txt)" = "测试中学工会2024年度工作总结" &&
	test_grep "^2024-10  *468.15  *1050.00\$" y.txt &&
	test_grep "^工会经费  *银行存款  *49500.00  *69697.75\$" y.txt &&
	report-month --month 2024-10 --dry-run -f table >m.txt &&
	test_grep "^401  *会费收入  *218.15  *618.25\$" m.txt
'

test_expect_success 'csv: every table a section, "# name" first, in reading order' '
	report-year --year 2024 -f csv >y.csv &&
	grep "^# " y.csv | sed "s/^# //" | paste -sd" " >names &&
	echo "$YEAR_TABLES" >expect &&
	test_cmp expect names &&
	report-month --month 2024-10 --dry-run -f csv >m.csv &&
	grep "^# " m.csv | sed "s/^# //" | paste -sd" " >names &&
	echo "$MONTH_TABLES" >expect &&
	test_cmp expect names
'

test_expect_success 'csv --table NAME: exactly that section, a CSV python reads back' '
	for t in $YEAR_TABLES; do
		report-year --year 2024 -f csv --table $t >one.csv &&
		section $t y.csv >expect &&
		test_cmp expect one.csv &&
		python3 -c "import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding=\"utf-8\", newline=\"\")))
assert len(rows) >= 2 and all(len(r) == len(rows[0]) for r in rows), rows
assert not any(r[0].startswith(\"#\") for r in rows), rows" one.csv || return 1
	done &&
	for t in $MONTH_TABLES; do
		report-month --month 2024-10 --dry-run -f csv --table $t >one.csv &&
		section $t m.csv >expect &&
		test_cmp expect one.csv || return 1
	done
'

test_expect_success 'csv --table classes: the rows of the JSON by_class, column for column' '
	report-year --year 2024 -f json >y.json &&
	report-year --year 2024 -f csv --table classes >classes.csv &&
	python3 - classes.csv y.json <<-\EOF
	import csv, json, sys
	rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
	want = json.load(open(sys.argv[2], encoding="utf-8"))["funds"]["by_class"]
	assert rows == want, (rows, want)
	EOF
'

test_expect_success 'csv --table aid of the month: masked names, parsed by python csv' '
	report-month --month 2024-06 --dry-run -f csv --table aid >aid.csv &&
	python3 - aid.csv <<-\EOF
	import csv, sys
	rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
	assert rows == [{"date": "2024-06-20", "member": "黄*燕", "amount": "1200.00"}], rows
	EOF
'

test_expect_success '--table with a format other than csv: 64' '
	test_refused 64 "csv" report-year --year 2024 -f md --table plan &&
	test_refused 64 "csv" report-year --year 2024 -f json --table plan &&
	test_refused 64 "csv" report-year --year 2024 -f html --table plan
'

test_expect_success 'an unknown table: 64, and nothing on stdout' '
	test_refused 64 "no such table" report-year --year 2024 -f csv --table nope &&
	test_refused 64 "no such table" report-year --year 2024 -f csv --table statement
'

test_expect_success '-f ndjson is no report format: 64; --lang fr: 64' '
	test_refused 64 "md, html, json, csv" report-year --year 2024 -f ndjson &&
	test_refused 64 "lang" report-year --year 2024 --lang fr &&
	test_refused 64 "lang" report-month --month 2024-10 --lang fr
'

test_expect_success 'json: schema_version 1 and the kind, for both reports' '
	report-month --month 2024-10 --dry-run -f json >m.json &&
	test "$(jget y.json schema_version)" = 1 &&
	test "$(jget y.json kind)" = year &&
	test "$(jget m.json schema_version)" = 1 &&
	test "$(jget m.json kind)" = month &&
	test "$(jget m.json month)" = 2024-10 &&
	python3 -c "import json, sys
for f in sys.argv[1:]:
    r = json.load(open(f, encoding=\"utf-8\"))
    assert type(r[\"schema_version\"]) is int" y.json m.json
'

test_expect_success 'json: money is a string with two decimals, counts are numbers' '
	python3 - y.json <<-\EOF
	import json, re, sys
	r = json.load(open(sys.argv[1], encoding="utf-8"))
	f = r["funds"]
	for k in ("income", "expense", "dues", "hardship_paid"):
	    assert isinstance(f[k], str) and re.fullmatch(r"-?[0-9]+\.[0-9]{2}", f[k]), (k, f[k])
	for row in f["balances"]:
	    assert re.fullmatch(r"-?[0-9]+\.[0-9]{2}", row["opening"]) and re.fullmatch(r"-?[0-9]+\.[0-9]{2}", row["closing"]), row
	assert type(f["hardship_recipients"]) is int and type(r["members"]["total"]) is int
	assert type(r["disputes"]["received"]) is int
	EOF
'

test_expect_success 'html: well-formed, as a real parser reads it, for both reports' '
	report-year --year 2024 -f html >y.html &&
	html_wellformed y.html &&
	report-month --month 2024-10 --dry-run -f html >m.html &&
	html_wellformed m.html &&
	report-year --year 2024 -f html --lang en >y.en.html &&
	html_wellformed y.en.html
'

test_expect_success 'html: every table'"'"'s header row in <thead>, which print repeats on each page' '
	report-month --month 2024-06 --dry-run -f html >m6.html &&
	for f in y.html m.html m6.html y.en.html; do
		python3 - $f <<-\EOF || return 1
		import re, sys
		html = open(sys.argv[1], encoding="utf-8").read()
		tables = re.findall(r"<table[^>]*>(.*?)</table>", html, re.S)
		assert len(tables) >= 4, (sys.argv[1], len(tables))
		for t in tables:
		    m = re.fullmatch(r"(?:<colgroup>(?:<col[^>]*>)+</colgroup>)?<thead><tr>((?:<th>[^<]*</th>)+)</tr></thead>\s*<tbody>(.*)</tbody>", t, re.S)
		    assert m, (sys.argv[1], t[:200])
		    assert "<th" not in m.group(2) and "<tr>" in m.group(2), (sys.argv[1], t[:200])
		EOF
	done
'

test_expect_success 'the item/value tables (会员, 经费, 劳动争议, 关心关爱) align their numbers right, as the others do' '
	python3 - y.html m6.html <<-\EOF &&
	import re, sys
	for f in sys.argv[1:]:
	    html = open(f, encoding="utf-8").read()
	    kv = [t for t in re.findall(r"<table>(.*?)</table>", html, re.S) if "<th>数值</th>" in t]
	    assert len(kv) >= (4 if f == "y.html" else 1), (f, len(kv))
	    for t in kv:
	        for row in re.findall(r"<tr>(.*?)</tr>", t.split("<tbody>")[1]):
	            cells = re.findall(r"<td[^>]*>", row)
	            assert cells[0] == "<td>" and cells[1:] == ["<td class=\"n\">"], (f, row)
	EOF
	grep -A4 "^### 会员\$" y.md >kv.md &&
	test_grep "^| --- | ---: |\$" kv.md &&
	report-year --year 2024 -f table >y.txt &&
	sed -n "/^会员\$/,/^\$/p" y.txt | sed "1,2d;/^\$/d" >kv.txt &&
	test "$(wc -l <kv.txt)" -ge 10 &&
	python3 - kv.txt <<-\EOF
	import sys, unicodedata
	w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
	widths = {w(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")}
	assert len(widths) == 1, ("the values not aligned right", widths)
	EOF
'

test_expect_success 'html: self-contained and printable: SVG inline, no script, no external file, A4' '
	for f in y.html m.html; do
		test_grep "^<!DOCTYPE html>" $f &&
		test_grep "<meta charset=\"utf-8\">" $f &&
		test_grep "<svg" $f &&
		test_grep "A4" $f &&
		test_must_fail grep -i "<script" $f &&
		test_must_fail grep -i "<link\|<img\|<iframe\|src=\|href=\|@import\|url(" $f || return 1
	done
'

test_expect_success 'html of the year: charts of income and expense by month, by class, disputes by category' '
	test "$(grep -c "<svg" y.html)" -ge 3 &&
	python3 - y.html <<-\EOF
	import re, sys
	html = open(sys.argv[1], encoding="utf-8").read()
	svgs = re.findall(r"<svg.*?</svg>", html, re.S)
	labels = [set(re.findall(r"<text[^>]*>([^<]*)</text>", s)) for s in svgs]
	assert any({"2024-01", "2024-12"} <= l for l in labels), "no chart by month"
	assert any({"职工活动支出", "维权支出", "职工服务支出"} <= l for l in labels), "no chart by class (named)"
	cats = {"wages", "contract", "injury", "工资", "劳动报酬", "劳动合同", "工伤"}
	assert any(len(cats & l) >= 2 for l in labels), ("no chart of disputes by category", labels)
	EOF
'

test_expect_success 'html: text is escaped (a union name with markup in it)' '
	union-config -q init --db esc.db &&
	union-config -d esc.db union.name "A&B<i>工会</i>" &&
	report-year -d esc.db --year 2024 -f html >esc.html &&
	html_wellformed esc.html &&
	test_grep "A&amp;B&lt;i&gt;工会&lt;/i&gt;" esc.html &&
	test_must_fail grep "<i>" esc.html
'

test_expect_success 'masking: no ID number, phone or member name in any format of the year report' '
	for f in md table csv json html; do
		report-year --year 2024 -f $f >year.$f || return 1
	done &&
	report-year --year 2024 -f md --lang en >year.en.md &&
	no_secret year.md year.table year.csv year.json year.html year.en.md
'

test_expect_success 'masking: the aid recipients of every month masked in every format' '
	for m in 03 04 06 10; do
		for f in md table csv json html; do
			report-month --month 2024-$m --dry-run -f $f >month.$m.$f || return 1
		done
	done &&
	no_secret month.* &&
	for f in md table csv json html; do
		test_grep "刘\*" month.03.$f &&
		test_grep "王\*" month.04.$f &&
		test_grep "黄\*燕" month.06.$f &&
		test_grep "周\*国" month.10.$f || return 1
	done
'

test_expect_success 'masking: the plain listing does show the data the reports hide (the check bites)' '
	member-ls --status all -f csv >all.csv &&
	test "$(grep -c -F -f secrets all.csv)" = 14
'

test_expect_success '--lang en: English headings in md, table and html; no Chinese heading' '
	report-year --year 2024 -f md --lang en >en.md &&
	test "$(head -1 en.md)" = "# 测试中学工会 2024 annual report" &&
	for h in Members Funds "Labour disputes" Activities "The plan against what was done" Balances; do
		test_grep "^## $h\$" en.md || return 1
	done &&
	test_must_fail grep "^## .*[会经费活动]" en.md &&
	report-month --month 2024-10 --dry-run -f md --lang en >en.m.md &&
	test_grep "financial disclosure" en.m.md &&
	test_grep "^## Income and expense\$" en.m.md &&
	test_grep "^## Aid paid\$" en.m.md &&
	report-year --year 2024 -f table --lang en >en.txt &&
	test_grep "^Members\$" en.txt &&
	test_grep "<html lang=\"en\">" y.en.html &&
	test_grep "<h2>Members</h2>" y.en.html
'

test_expect_success 'csv headers are the English column names in either language' '
	report-year --year 2024 -f csv --lang en --table classes >en.csv &&
	report-year --year 2024 -f csv --table classes >zh.csv &&
	test_cmp zh.csv en.csv &&
	test "$(head -1 en.csv)" = "code,name,kind,amount"
'

test_expect_success 'a union without a name: the report says how to set it' '
	union-config -q init --db bare.db &&
	member-add -q -d bare.db --name 赵一 --id-card 110105198001010016 --join-date 2010-09-01 &&
	report-year -d bare.db --year 2024 -f md >bare.md &&
	head -1 bare.md >title &&
	test_grep "union-config union.name" title
'

test_done
