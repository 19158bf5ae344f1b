#!/bin/sh
# member-ls output (unionkit-formats(5)): csv (the default off a terminal),
# json, ndjson, table aligned by display width with no terminal escapes,
# --excel; a reader that goes away early; a failing stdout.
. "$(dirname "$0")/lib.sh"

COLUMNS_CSV=member_no,employee_no,name,gender,id_card,birth_date,ethnicity,education,political_status,phone,unit,union_group,position,hire_date,join_date,wage_base,hardship,migrant_worker,status,status_date,roles,note,id_type,skill_level,household_type,household_place,employment_status

# same_starts FILE MARKER...: in every line of FILE, each MARKER (one per
# line, "header|row1|row2...") starts at the same display column.
same_starts() {
	python3 - "$@" <<-\EOF
	import sys, unicodedata
	def width(s):
	    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
	lines = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
	ok = True
	for spec in sys.argv[2:]:
	    marks = spec.split("|")
	    assert len(marks) == len(lines), (marks, lines)
	    cols = []
	    for line, mark in zip(lines, marks):
	        i = line.find(mark)
	        assert i >= 0, (mark, line)
	        cols.append(width(line[:i]))
	    if len(set(cols)) != 1:
	        print("column of %s starts at display columns %s" % (marks[0], cols), file=sys.stderr)
	        ok = False
	sys.exit(0 if ok else 1)
	EOF
}

test_expect_success 'setup: members with names and units of different widths' '
	cat >staff.csv <<-\EOF &&
	工号,姓名,身份证号,部门,岗位,基本工资,手机号码
	E1,张伟,110105198001010016,教务处,教师甲,5234.50,13800138000
	E2,欧阳小明,110105198001010024,信息中心机房,会计乙,100,13912345678
	E3,Bob,110105198506150030,IT,司机丙,12345.60,13700000000
	E4,李A,110105198506150049,后勤,厨师丁,0,15900001111
	EOF
	member-add -q staff.csv &&
	test "$(db_query "SELECT count(*) FROM members")" = 4
'

test_expect_success 'off a terminal the default is CSV with the member columns' '
	member-ls >out &&
	head -1 out >actual &&
	echo "$COLUMNS_CSV" >expect &&
	test_cmp expect actual &&
	test "$(wc -l <out)" = 5 &&
	member-ls -f csv >out2 &&
	test_cmp out out2
'

test_expect_success 'CSV parses back to the stored values' '
	python3 -c "
import csv
rows = list(csv.DictReader(open(\"out\", newline=\"\", encoding=\"utf-8\")))
got = [(r[\"member_no\"], r[\"name\"], r[\"unit\"], r[\"wage_base\"], r[\"phone\"]) for r in rows]
assert got == [(\"000001\", \"张伟\", \"教务处\", \"5234.50\", \"13800138000\"),
               (\"000002\", \"欧阳小明\", \"信息中心机房\", \"100.00\", \"13912345678\"),
               (\"000003\", \"Bob\", \"IT\", \"12345.60\", \"13700000000\"),
               (\"000004\", \"李A\", \"后勤\", \"0.00\", \"15900001111\")], got
"
'

test_expect_success 'JSON: an array of objects, amounts as exact strings, null when absent' '
	member-ls -f json >out.json &&
	python3 -c "
import json
recs = json.load(open(\"out.json\", encoding=\"utf-8\"))
assert len(recs) == 4
assert list(recs[0].keys()) == \"$COLUMNS_CSV\".split(\",\"), list(recs[0].keys())
assert [r[\"wage_base\"] for r in recs] == [\"5234.50\", \"100.00\", \"12345.60\", \"0.00\"]
assert recs[0][\"ethnicity\"] is None and recs[0][\"roles\"] is None
assert recs[1][\"name\"] == \"欧阳小明\" and recs[1][\"gender\"] == \"female\"
"
'

test_expect_success 'NDJSON: one object a line, the same records as JSON' '
	member-ls -f ndjson >out.ndjson &&
	test "$(wc -l <out.ndjson)" = 4 &&
	python3 -c "
import json
a = json.load(open(\"out.json\", encoding=\"utf-8\"))
b = [json.loads(l) for l in open(\"out.ndjson\", encoding=\"utf-8\")]
assert a == b
"
'

test_expect_success 'an empty list: CSV header only, JSON [], NDJSON nothing; exit 0' '
	member-ls --unit 无 >out &&
	echo "$COLUMNS_CSV" >expect &&
	test_cmp expect out &&
	member-ls --unit 无 -f json >out &&
	test "$(python3 -c "import json; print(json.load(open(\"out\")))")" = "[]" &&
	member-ls --unit 无 -f ndjson >out &&
	test_must_fail test -s out
'

test_expect_success 'table: columns line up by display width (CJK is two columns)' '
	member-ls -f table >table.txt &&
	test "$(wc -l <table.txt)" = 5 &&
	same_starts table.txt \
		"id_card|110105198001010016|110105198001010024|110105198506150030|110105198506150049" \
		"gender|male|female|male|female" \
		"phone|13800138000|13912345678|13700000000|15900001111" \
		"position|教师甲|会计乙|司机丙|厨师丁"
'

test_expect_success 'table: amounts are right-aligned' '
	python3 - <<-\EOF
	import unicodedata
	def width(s):
	    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
	lines = open("table.txt", encoding="utf-8").read().split("\n")[1:-1]
	ends = set()
	for line, amount in zip(lines, ["5234.50", "100.00", "12345.60", "0.00"]):
	    i = line.find(" " + amount + " ")
	    assert i >= 0, (amount, line)
	    ends.add(width(line[:i + 1 + len(amount)]))
	assert len(ends) == 1, ends
	EOF
'

test_expect_success 'table: escape sequences in stored data are not written raw' '
	db_query "UPDATE members SET name = ${SQ}Evil${SQ} || char(27) || ${SQ}[2J${SQ} || char(27) || ${SQ}]0;pwned${SQ} || char(7) || ${SQ}x${SQ},
		unit = ${SQ}a${SQ} || char(13) || ${SQ}b${SQ} || char(155) || ${SQ}c${SQ} WHERE member_no = ${SQ}000003${SQ}" &&
	member-ls -f table >esc.txt &&
	test "$(tr -cd "\033\007\015" <esc.txt | wc -c)" = 0 &&
	test_must_fail grep -q "$(printf "\302\233")" esc.txt &&
	test_grep "Evil" esc.txt &&
	test_grep "pwned" esc.txt &&
	test "$(wc -l <esc.txt)" = 5 &&
	same_starts esc.txt \
		"id_card|110105198001010016|110105198001010024|110105198506150030|110105198506150049" \
		"position|教师甲|会计乙|司机丙|厨师丁"
'

test_expect_success 'table: a line break in a value does not break the row' '
	member-add -q --employee-no E1 --note "第一行
第二行" &&
	member-ls -f table >nl.txt &&
	test "$(wc -l <nl.txt)" = 5 &&
	test_grep "第一行.第二行" nl.txt
'

test_expect_success '--excel: BOM, CRLF line ends, formula guard' '
	member-add -q --employee-no E3 --name "=HYPERLINK(\"http://x\")" &&
	member-add -q --employee-no E4 --unit "@cmd" --position "-1+2" &&
	member-ls --excel -f csv >excel.csv &&
	test "$(head -c 3 excel.csv | od -An -tx1 | tr -d " ")" = efbbbf &&
	python3 -c "
import csv
raw = open(\"excel.csv\", \"rb\").read()
rows = list(csv.DictReader(open(\"excel.csv\", newline=\"\", encoding=\"utf-8-sig\")))
assert raw.endswith(b\"\\r\\n\") and raw.count(b\"\\r\\n\") == len(rows) + 1, raw.count(b\"\\r\\n\")
assert rows[2][\"name\"] == \"${SQ}=HYPERLINK(\\\"http://x\\\")\", rows[2][\"name\"]
assert rows[3][\"unit\"] == \"${SQ}@cmd\", rows[3][\"unit\"]
assert rows[3][\"position\"] == \"${SQ}-1+2\", rows[3][\"position\"]
assert rows[0][\"name\"] == \"张伟\" and rows[0][\"wage_base\"] == \"5234.50\"
assert rows[0][\"member_no\"] == \"=\\\"000001\\\"\", rows[0][\"member_no\"]
" &&
	test "$(db_query "SELECT unit FROM members WHERE employee_no = ${SQ}E4${SQ}")" = "@cmd"
'

test_expect_success '--excel does not touch JSON output' '
	member-ls --excel -f json >ej.json &&
	member-ls -f json >j.json &&
	test_cmp j.json ej.json
'

test_expect_success 'a reader that goes away early: exit 0, no message (csv, json, table)' '
	gen_staff 1500 >big.csv &&
	union-config -q init --db big.db &&
	member-add -q --db big.db big.csv &&
	{ member-ls --db big.db -f csv 2>err; echo $? >rc; } | head -1 >first &&
	test "$(cat rc)" = 0 &&
	echo "$COLUMNS_CSV" >expect &&
	test_cmp expect first &&
	test_must_fail test -s err &&
	{ member-ls --db big.db -f json 2>err; echo $? >rc; } | head -c 10 >/dev/null &&
	test "$(cat rc)" = 0 &&
	test_must_fail test -s err &&
	{ member-ls --db big.db -f table 2>err; echo $? >rc; } | head -1 >/dev/null &&
	test "$(cat rc)" = 0 &&
	test_must_fail test -s err &&
	{ member-ls --db big.db --history 000001 2>err; echo $? >rc; } | head -1 >/dev/null &&
	test "$(cat rc)" = 0
'

test_expect_success 'stdout that cannot be written (/dev/full): 74 with a message' '
	test -w /dev/full &&
	test_expect_code 74 member-ls --db big.db -f csv >/dev/full 2>err &&
	test_grep "^member-ls: .*write error\|^member-ls: .*[Nn]o space" err &&
	test_expect_code 74 member-ls --count >/dev/full 2>err &&
	test_grep "^member-ls: " err
'

test_expect_success 'the write error message gives the real reason (no space left)' '
	test_expect_code 74 member-ls --db big.db -f csv >/dev/full 2>err &&
	test_grep "No space left on device" err &&
	test_expect_code 74 member-ls --db big.db -f json >/dev/full 2>err &&
	test_grep "No space left on device" err
'

test_done
