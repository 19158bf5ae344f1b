#!/bin/sh
# member-add -f: the records added or updated on stdout, for the next tool
# of a pipe (csv, json, ndjson, table); --excel; --mask; a reader that goes
# away early; a failing stdout.
. "$(dirname "$0")/lib.sh"

# py CODE FILE: runs python3 with the file name in sys.argv[1].
py() {
	python3 -c "import csv, json, sys
$1" "$2"
}

test_expect_success 'setup: four members' '
	member-add -q "$DATA/members-hr-utf8.csv" &&
	cat >next.csv <<-\EOF
	工号,姓名,身份证号,部门,基本工资
	E0001,张伟,110105198001010016,图书馆,5234.50
	E0002,李秀英,110105198001010024,总务处,6100
	E0011,新人一,440304199002020051,教务处,3000.5
	EOF
'

test_expect_success '-f csv prints the records added or updated, not the unchanged' '
	db_dump >before &&
	member-add --dry-run -f csv next.csv >dry.csv 2>err &&
	db_dump >after &&
	test_cmp before after &&
	member-add -f csv next.csv >out.csv 2>err &&
	test_grep "added 1, updated 1, unchanged 1" err &&
	test_cmp dry.csv out.csv &&
	py "
rows = list(csv.DictReader(open(sys.argv[1], newline=\"\", encoding=\"utf-8\")))
got = sorted((r[\"member_no\"], r[\"employee_no\"], r[\"name\"], r[\"unit\"], r[\"wage_base\"], r[\"gender\"], r[\"status\"]) for r in rows)
assert got == [(\"000001\", \"E0001\", \"张伟\", \"图书馆\", \"5234.50\", \"male\", \"active\"),
               (\"000005\", \"E0011\", \"新人一\", \"教务处\", \"3000.50\", \"male\", \"active\")], got
" out.csv &&
	head -1 out.csv >actual &&
	member-ls -f csv | head -1 >expect &&
	test_cmp expect actual
'

test_expect_success '-f json prints an array; amounts are strings, absent values null' '
	printf "工号,姓名,身份证号,基本工资\nE0012,新人二,44030419900202006X,4100\n" >one.csv &&
	member-add -f json one.csv >out.json 2>err &&
	test_grep "added 1, updated 0, unchanged 0" err &&
	py "
recs = json.load(open(sys.argv[1], encoding=\"utf-8\"))
assert isinstance(recs, list) and len(recs) == 1, recs
r = recs[0]
assert r[\"member_no\"] == \"000006\" and r[\"name\"] == \"新人二\", r
assert r[\"wage_base\"] == \"4100.00\", r
assert r[\"gender\"] == \"female\" and r[\"birth_date\"] == \"1990-02-02\", r
assert r[\"phone\"] is None and r[\"unit\"] is None, r
" out.json
'

test_expect_success '-f ndjson prints one object a line' '
	cp "$DATA/members.ndjson" in.ndjson &&
	member-add -f ndjson in.ndjson >out.ndjson 2>err &&
	test_grep "added 2, updated 0, unchanged 0" err &&
	test "$(wc -l <out.ndjson)" = 2 &&
	py "
recs = [json.loads(l) for l in open(sys.argv[1], encoding=\"utf-8\")]
assert [(r[\"employee_no\"], r[\"name\"], r[\"migrant_worker\"]) for r in recs] == \
	[(\"E0401\", \"褚十四\", None), (\"E0402\", \"卫十五\", \"yes\")], recs
assert recs[0][\"wage_base\"] == \"4100.00\"
" out.ndjson
'

test_expect_success 'records printed by -f csv are read back by member-add into another register' '
	member-ls -f csv >all.csv &&
	union-config -q init --db copy.db &&
	member-add --db copy.db -f csv all.csv >copy-out.csv 2>err &&
	test_grep "added 8, updated 0, unchanged 0" err &&
	cols="member_no, employee_no, name, gender, id_card, birth_date, phone, unit, position,
		hire_date, join_date, wage_base, hardship, migrant_worker, status, note" &&
	db_query "SELECT $cols FROM members ORDER BY member_no" >expect &&
	db_query "SELECT $cols FROM members ORDER BY member_no" copy.db >actual &&
	test_cmp expect actual &&
	test_cmp all.csv copy-out.csv
'

test_expect_success '-f table prints the affected records aligned' '
	printf "工号,部门\nE0012,后勤处\n" >upd.csv &&
	member-add -f table upd.csv >out.txt 2>err &&
	test_grep "added 0, updated 1, unchanged 0" err &&
	test "$(wc -l <out.txt)" = 2 &&
	test_grep "^member_no " out.txt &&
	test_grep "^000006 .*新人二.*后勤处" out.txt
'

test_expect_success '--excel: BOM, CRLF and the formula guard on = + - @' '
	cat >formula.csv <<-\EOF &&
	工号,姓名,身份证号,部门,备注
	E0031,=cmd|'"'"'/c calc'"'"'!A1,110105197001010011,-部门,@SUM(A1)
	E0032,a=b,11010519700101002X,+1,正常
	EOF
	member-add --excel -f csv formula.csv >out.csv 2>err &&
	test_grep "added 2, updated 0, unchanged 0" err &&
	test "$(head -c 3 out.csv | od -An -tx1 | tr -d " ")" = efbbbf &&
	test "$(grep -c "$(printf "\r")\$" out.csv)" = 3 &&
	test "$(wc -l <out.csv)" = 3 &&
	py "
rows = list(csv.DictReader(open(sys.argv[1], newline=\"\", encoding=\"utf-8-sig\")))
a, b = rows
assert a[\"name\"] == \"${SQ}=cmd|${SQ}/c calc${SQ}!A1\", a[\"name\"]
assert a[\"unit\"] == \"${SQ}-部门\", a[\"unit\"]
assert a[\"note\"] == \"${SQ}@SUM(A1)\", a[\"note\"]
assert b[\"name\"] == \"a=b\", b[\"name\"]
assert b[\"unit\"] == \"${SQ}+1\", b[\"unit\"]
assert b[\"note\"] == \"正常\"
assert a[\"member_no\"][:2] == \"=\\\"\" and a[\"member_no\"][2:-1].isdigit(), a[\"member_no\"]
assert a[\"id_card\"] == \"=\\\"110105197001010011\\\"\", a[\"id_card\"]
" out.csv &&
	test "$(db_query "SELECT name FROM members WHERE employee_no = ${SQ}E0031${SQ}")" = "=cmd|${SQ}/c calc${SQ}!A1"
'

test_expect_success '--mask masks name, ID and phone on stdout, never in the database' '
	printf "工号,姓名,身份证号,手机号码\nE0041,欧阳小明,110105197001010038,13812345678\nE0042,李四,110105197001010046,13912345678\n" >mask.csv &&
	member-add --mask -f csv mask.csv >out.csv 2>err &&
	test_grep "added 2, updated 0, unchanged 0" err &&
	py "
rows = list(csv.DictReader(open(sys.argv[1], newline=\"\", encoding=\"utf-8\")))
got = [(r[\"name\"], r[\"id_card\"], r[\"phone\"]) for r in rows]
assert got == [(\"欧**明\", \"110105********0038\", \"138****5678\"),
               (\"李*\", \"110105********0046\", \"139****5678\")], got
" out.csv &&
	db_query "SELECT name, id_card, phone FROM members WHERE employee_no IN (${SQ}E0041${SQ}, ${SQ}E0042${SQ}) ORDER BY 1" >actual &&
	printf "李四|110105197001010046|13912345678\n欧阳小明|110105197001010038|13812345678\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'without -f, stdout stays empty' '
	printf "工号,部门\nE0041,教务处\n" >quiet.csv &&
	member-add quiet.csv >out 2>err &&
	test_grep "updated 1" err &&
	test_must_fail test -s out
'

test_expect_success 'an unknown -f format is a usage error (64), nothing written' '
	db_dump >before &&
	test_expect_code 64 member-add -f xml next.csv 2>err &&
	test_grep "xml" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a reader that goes away early (| head -1): exit 0, every record written' '
	gen_staff --note 一段比较长的备注文字用来让输出超过管道的缓冲区 1500 >staff.csv &&
	union-config -q init --db big.db &&
	{ member-add --db big.db -f csv staff.csv 2>err; echo $? >rc; } | head -1 >first &&
	test "$(cat rc)" = 0 &&
	test_grep "^member_no,employee_no,name," first &&
	test_grep "added 1500, updated 0, unchanged 0" err &&
	test_must_fail grep -i "error\|broken" err &&
	test "$(db_query "SELECT count(*) FROM members" big.db)" = 1500
'

test_expect_success 'stdout that cannot be written (/dev/full): 74 with a message' '
	test -w /dev/full &&
	printf "工号,姓名\nF1,满\n" >full.csv &&
	union-config -q init --db full.db &&
	test_expect_code 74 member-add --db full.db -f csv full.csv >/dev/full 2>err &&
	test_grep "^member-add: .*write error\|^member-add: .*[Nn]o space" err
'

test_done
