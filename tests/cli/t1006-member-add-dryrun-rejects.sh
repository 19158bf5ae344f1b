#!/bin/sh
# member-add --dry-run, --skip-bad, --rejects and --list-missing
# (member-add(1), doc/architecture.md).
. "$(dirname "$0")/lib.sh"

# csv_rows FILE: the records of a CSV file, fields joined by "|", one a line
# (line breaks inside a field shown as "\n").
csv_rows() {
	python3 -c '
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.reader(f):
        print("|".join(c.replace("\n", "\\n") for c in row))' "$1"
}

test_expect_success 'setup: four members' '
	member-add -q "$DATA/members-hr-utf8.csv" &&
	test "$(db_query "SELECT count(*) FROM members")" = 4
'

cat >batch.csv <<'EOF'
工号,姓名,身份证号,部门,基本工资
E0001,张伟,110105198001010016,图书馆,5234.50
E0011,新人一,440304199002020051,教务处,3000
E0012,新人二,44030419900202006X,教务处,3100
EOF

test_expect_success '--dry-run counts and prints everything, writes nothing' '
	db_dump >before &&
	member-add --dry-run -f csv batch.csv >out 2>err &&
	echo "member-add: dry run, nothing written: added 2, updated 1, unchanged 0, missing 3" >expect &&
	test_cmp expect err &&
	cut -d, -f2,3,11 out >actual &&
	cat >expect <<-\EOF &&
	employee_no,name,unit
	E0001,张伟,图书馆
	E0011,新人一,教务处
	E0012,新人二,教务处
	EOF
	sort actual >actual.sorted &&
	sort expect >expect.sorted &&
	test_cmp expect.sorted actual.sorted &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--dry-run with a bad record: 65, the record named, nothing written' '
	cp batch.csv batch-bad.csv &&
	echo "E0013,新人三,440304199002020052,教务处,3200" >>batch-bad.csv &&
	db_dump >before &&
	test_expect_code 65 member-add --dry-run batch-bad.csv 2>err &&
	test_grep "^member-add: batch-bad.csv:5: .*check digit" err &&
	db_dump >after &&
	test_cmp before after
'

cat >mixed.csv <<'EOF'
工号,姓名,身份证号,入会日期,基本工资,备注
E0021,好一,320102198811110094,2019-03-05,3000,
E0022,坏日期,320102198811110107,2026-02-30,3000,"两行
备注"
E0023,好二,310104197503150074,2019/3/5,3000,
E0024,坏钱,310104197503150082,2019-03-05,3000.505,
E0025,坏证,310104197503150083,2019-03-05,3000,
EOF

test_expect_success 'without --skip-bad every bad record is named and nothing is written' '
	db_dump >before &&
	test_expect_code 65 member-add mixed.csv >out 2>err &&
	grep "^member-add: mixed.csv:" err >named &&
	test "$(wc -l <named)" = 3 &&
	sed -n 1p named | grep -q "^member-add: mixed.csv:3: .*2026-02-30" &&
	sed -n 2p named | grep -q "^member-add: mixed.csv:6: .*3000.505" &&
	sed -n 3p named | grep -q "^member-add: mixed.csv:7: .*310104197503150083" &&
	test_grep "3 bad records" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--rejects without --skip-bad: rejects written, database untouched' '
	db_dump >before &&
	test_expect_code 65 member-add --rejects rej0.csv mixed.csv 2>err &&
	test "$(csv_rows rej0.csv | wc -l)" = 4 &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--skip-bad writes the good records and exits 1' '
	test_expect_code 1 member-add --skip-bad --rejects rej.csv mixed.csv >out 2>err &&
	test_grep "^member-add: mixed.csv:3: " err &&
	test_grep "^member-add: mixed.csv:6: " err &&
	test_grep "^member-add: mixed.csv:7: " err &&
	test_grep "^member-add: added 2, updated 0, unchanged 0, skipped 3, missing 4$" err &&
	db_query "SELECT employee_no, name, join_date FROM members WHERE employee_no GLOB ${SQ}E002*${SQ} ORDER BY 1" >actual &&
	printf "E0021|好一|2019-03-05\nE0023|好二|2019-03-05\n" >expect &&
	test_cmp expect actual
'

test_expect_success '--rejects: the input columns as read, plus an error column' '
	csv_rows rej.csv >actual &&
	cat >expect <<-\EOF &&
	工号|姓名|身份证号|入会日期|基本工资|备注|error
	E0022|坏日期|320102198811110107|2026-02-30|3000|两行\n备注|ERR
	E0024|坏钱|310104197503150082|2019-03-05|3000.505||ERR
	E0025|坏证|310104197503150083|2019-03-05|3000||ERR
	EOF
	sed "s/|[^|]*$/|ERR/; 1s/|ERR$/|error/" actual >actual.cut &&
	test_cmp expect actual.cut &&
	csv_rows rej.csv | sed -n 2p | grep -q "2026-02-30[^|]*$" &&
	csv_rows rej.csv | sed -n 3p | grep -q "3000.505[^|]*$" &&
	csv_rows rej.csv | sed -n 4p | grep -q "310104197503150083[^|]*$" &&
	csv_rows rej0.csv >actual0 &&
	test_cmp actual actual0
'

test_expect_success 'the rejects file, fixed, imports cleanly' '
	sed -e "s/2026-02-30/2026-02-28/" -e "s/3000\.505/3000.50/" \
		-e "s/310104197503150083/110105199003071239/g" rej.csv >fixed.csv &&
	member-add fixed.csv 2>err &&
	test_grep "added 3, updated 0, unchanged 0" err &&
	db_query "SELECT employee_no, join_date, wage_base, id_card FROM members WHERE employee_no IN
		(${SQ}E0022${SQ}, ${SQ}E0024${SQ}, ${SQ}E0025${SQ}) ORDER BY 1" >actual &&
	cat >expect <<-\EOF &&
	E0022|2026-02-28|300000|320102198811110107
	E0024|2019-03-05|300050|310104197503150082
	E0025|2019-03-05|300000|110105199003071239
	EOF
	test_cmp expect actual &&
	test "$(db_query "SELECT note FROM members WHERE employee_no = ${SQ}E0022${SQ}")" = "两行
备注"
'

test_expect_success '--rejects of a GB18030 file is UTF-8 CSV that imports again' '
	printf "工号,姓名,身份证号\nG1,甲,440524188001010015\n" | iconv -f UTF-8 -t GB18030 >bad-gb.csv &&
	test_expect_code 1 member-add --skip-bad --rejects rej-gb.csv bad-gb.csv 2>err &&
	test_grep "^member-add: bad-gb.csv:2: " err &&
	iconv -f UTF-8 -t UTF-8 rej-gb.csv >/dev/null &&
	csv_rows rej-gb.csv | sed -n 1p | grep -q "^工号|姓名|身份证号|error$" &&
	csv_rows rej-gb.csv | sed -n 2p | grep -q "^G1|甲|440524188001010015|" &&
	sed "s/440524188001010015/440524188001010014/" rej-gb.csv >fixed-gb.csv &&
	member-add fixed-gb.csv 2>err &&
	test_grep "added 1, updated 0, unchanged 0" err &&
	test "$(db_query "SELECT name FROM members WHERE employee_no = ${SQ}G1${SQ}")" = 甲
'

test_expect_success '--rejects of JSON input is CSV with the member columns and error' '
	printf "{\"employee_no\":\"J1\",\"name\":\"甲\",\"phone\":\"123\"}\n" >bad.ndjson &&
	test_expect_code 1 member-add --skip-bad --rejects rej-json.csv bad.ndjson 2>err &&
	test_grep "^member-add: bad.ndjson:1: .*phone" err &&
	python3 -c "
import csv
rows = list(csv.DictReader(open(\"rej-json.csv\", newline=\"\", encoding=\"utf-8\")))
assert len(rows) == 1, rows
r = rows[0]
assert r[\"employee_no\"] == \"J1\" and r[\"name\"] == \"甲\" and r[\"phone\"] == \"123\", r
assert \"phone\" in r[\"error\"], r
"
'

test_expect_success '--rejects into a directory that does not exist: 73, nothing written' '
	db_dump >before &&
	test_expect_code 73 member-add --skip-bad --rejects no/such/dir/rej.csv mixed.csv 2>err &&
	test_grep "no/such/dir/rej.csv" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--dry-run --rejects writes the rejects file only' '
	db_dump >before &&
	test_expect_code 65 member-add --dry-run --rejects rej-dry.csv batch-bad.csv 2>err &&
	test "$(csv_rows rej-dry.csv | wc -l)" = 2 &&
	csv_rows rej-dry.csv | sed -n 2p | grep -q "^E0013|" &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--rejects naming the input itself or the database: 64, the input and the database untouched' '
	cp batch-bad.csv input.csv &&
	cp input.csv input.keep &&
	ln -s input.csv link.csv &&
	db_dump >before &&
	test_expect_code 64 member-add --dry-run --rejects input.csv input.csv 2>err &&
	test_grep "^member-add: --rejects .input.csv. is the input file" err &&
	test_expect_code 64 member-add --skip-bad --rejects link.csv input.csv 2>err &&
	test_grep "is the input file" err &&
	iconv -f utf-8 -t gb18030 input.keep >gb.csv &&
	test_expect_code 64 member-add --skip-bad --rejects ./gb.csv gb.csv 2>err &&
	test_cmp input.keep input.csv &&
	test_expect_code 64 member-add --skip-bad --rejects "$UNIONKIT_DB" input.csv 2>err &&
	test_grep "^member-add: --rejects .*union.db. is a database" err &&
	ln -s "$UNIONKIT_DB" db-link &&
	test_expect_code 64 member-add --skip-bad --rejects db-link input.csv 2>err &&
	test_grep "^member-add: --rejects .db-link. is a database" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--rejects over a file already there: a new one, private, holding the rejects only' '
	echo "last month" >old.csv &&
	chmod 644 old.csv &&
	test_expect_code 65 member-add --dry-run --rejects old.csv batch-bad.csv 2>err &&
	test "$(stat -c %a old.csv)" = 600 &&
	! grep "last month" old.csv &&
	test "$(csv_rows old.csv | wc -l)" = 2
'

test_expect_success 'missing N counts the active members the file does not mention' '
	total=$(db_query "SELECT count(*) FROM members WHERE status = ${SQ}active${SQ}") &&
	member-add "$DATA/members-hr-utf8.csv" 2>err &&
	test_grep "^member-add: added 0, updated 0, unchanged 4, missing $((total - 4))$" err
'

test_expect_success '--list-missing prints the members not in the file (csv when not a terminal)' '
	head -3 "$DATA/members-hr-utf8.csv" >two.csv &&
	union-config -q init --db list.db &&
	member-add -q --db list.db "$DATA/members-hr-utf8.csv" &&
	db_dump list.db >before &&
	member-add --db list.db --list-missing two.csv >out 2>err &&
	test_grep "^member-add: added 0, updated 0, unchanged 2, missing 2$" err &&
	cut -d, -f1-3 out >actual &&
	cat >expect <<-\EOF &&
	member_no,employee_no,name
	000003,E0003,欧阳明
	000004,E0004,王芳
	EOF
	test_cmp expect actual &&
	db_dump list.db >after &&
	test_cmp before after
'

test_expect_success '--list-missing -f json, with --dry-run: printed, nothing written' '
	printf "工号,姓名,身份证号\nE0001,张伟,110105198001010016\nE0099,新人,34052419800101001X\n" >one.csv &&
	db_dump list.db >before &&
	member-add --db list.db --dry-run --list-missing -f json one.csv >out 2>err &&
	test_grep "dry run, nothing written: added 1, updated 0, unchanged 1, missing 3" err &&
	python3 -c "
import json
recs = json.load(open(\"out\"))
assert [r[\"member_no\"] for r in recs] == [\"000002\", \"000003\", \"000004\"], recs
assert all(r[\"status\"] == \"active\" for r in recs)
" &&
	db_dump list.db >after &&
	test_cmp before after
'

test_expect_success 'members not active are not missing' '
	member-set -q --db list.db 000004 --status retired --date 2026-01-31 &&
	member-add --db list.db --list-missing -f csv two.csv >out 2>err &&
	test_grep "missing 1$" err &&
	test "$(sed 1d out | cut -d, -f1)" = 000003
'

test_expect_success 'a header-only staff list: every active member is missing' '
	head -1 "$DATA/members-hr-utf8.csv" >header.csv &&
	member-add --db list.db --list-missing header.csv >out 2>err &&
	test_grep "^member-add: added 0, updated 0, unchanged 0, missing 3$" err &&
	test "$(sed 1d out | wc -l)" = 3
'

test_done
