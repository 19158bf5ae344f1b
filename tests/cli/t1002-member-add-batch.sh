#!/bin/sh
# member-add of many records: CSV, a JSON array and NDJSON, from a file or
# from standard input (- or no operand), detected from the first bytes.
. "$(dirname "$0")/lib.sh"

members() {
	db_query "SELECT member_no, employee_no, name, gender, id_card, birth_date, unit,
		wage_base, hardship, migrant_worker, status FROM members ORDER BY member_no" "$@"
}

test_expect_success 'CSV from a file: every record added, summary with missing 0' '
	member-add "$DATA/members-hr-utf8.csv" >out 2>err &&
	echo "member-add: added 4, updated 0, unchanged 0, missing 0" >expect &&
	test_cmp expect err &&
	test_must_fail test -s out &&
	members >actual &&
	cat >expect <<-EOF &&
	000001|E0001|张伟|male|110105198001010016|1980-01-01|教务处|523450|none||active
	000002|E0002|李秀英|female|110105198001010024|1980-01-01|总务处|610000|none||active
	000003|E0003|欧阳明|male|110105198506150030|1985-06-15|教务处|480000|none||active
	000004|E0004|王芳|female|110105198506150049|1985-06-15|后勤处|390050|none||active
	EOF
	test_cmp expect actual &&
	db_query "SELECT note FROM members WHERE employee_no IN (${SQ}E0002${SQ}, ${SQ}E0004${SQ}) ORDER BY 1" >actual &&
	printf "备注，含逗号, and a comma\n她说\"好\"\n" | sort >expect &&
	test_cmp expect actual
'

test_expect_success 'CSV from standard input with -' '
	db=$TRASH/stdin-dash.db &&
	union-config -q init --db "$db" &&
	member-add --db "$db" - <"$DATA/members-hr-utf8.csv" 2>err &&
	test_grep "^member-add: added 4, updated 0, unchanged 0, missing 0$" err &&
	members "$db" >actual &&
	members >expect &&
	test_cmp expect actual
'

test_expect_success 'CSV from standard input with no operand (stdin not a terminal)' '
	db=$TRASH/stdin-none.db &&
	union-config -q init --db "$db" &&
	cat "$DATA/members-hr-utf8.csv" | member-add --db "$db" 2>err &&
	test_grep "^member-add: added 4, updated 0, unchanged 0, missing 0$" err &&
	members "$db" >actual &&
	members >expect &&
	test_cmp expect actual
'

test_expect_success 'a message names stdin as the file when reading standard input' '
	db=$TRASH/stdin-bad.db &&
	union-config -q init --db "$db" &&
	printf "name,employee_no,wage_base\n甲,E1,1\n乙,E2,1.001\n" |
		test_expect_code 65 member-add --db "$db" - 2>err &&
	test_grep "^member-add: stdin:3: " err
'

test_expect_success 'a JSON array from a file' '
	member-add "$DATA/members.json" 2>err &&
	test_grep "^member-add: added 2, updated 0, unchanged 0, missing 4$" err &&
	members >actual &&
	test_grep "^000005|E0301|冯十二|female|11010519491231002X|1949-12-31|离退休办|300000|relative||active$" actual &&
	test_grep "^000006|E0302|陈十三|male|34052419800101001X|1980-01-01|教务处||none||active$" actual &&
	test "$(db_query "SELECT join_date, phone FROM members WHERE employee_no = ${SQ}E0302${SQ}")" = "2001-09-01|13700000001"
'

test_expect_success 'NDJSON from standard input' '
	member-add - <"$DATA/members.ndjson" 2>err &&
	test_grep "^member-add: added 2, updated 0, unchanged 0, missing 6$" err &&
	members >actual &&
	test_grep "^000007|E0401|褚十四|female|320102198811110107|1988-11-11|总务处|410000|none||active$" actual &&
	test_grep "^000008|E0402|卫十五|male|110105199003071239|1990-03-07|教务处||none|1|active$" actual
'

test_expect_success 'NDJSON from a file, a JSON array from standard input (nothing changes)' '
	db_dump >before &&
	member-add "$DATA/members.ndjson" 2>err &&
	test_grep "added 0, updated 0, unchanged 2, missing 6" err &&
	member-add <"$DATA/members.json" 2>err &&
	test_grep "added 0, updated 0, unchanged 2, missing 6" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'JSON numbers, null and blank lines around records are read' '
	db=$TRASH/json-types.db &&
	cat >types.json <<-\EOF &&

	  [ {"name": "甲", "employee_no": 1001, "wage_base": 5234.5, "note": null},

	    {"name": "乙", "employee_no": "1002", "wage_base": "12", "migrant_worker": false} ]

	EOF
	union-config -q init --db "$db" &&
	member-add --db "$db" types.json 2>err &&
	test_grep "added 2, updated 0, unchanged 0" err &&
	db_query "SELECT employee_no, name, wage_base, note, migrant_worker FROM members ORDER BY 1" "$db" >actual &&
	printf "1001|甲|523450||\n1002|乙|1200||0\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'an unknown JSON key is named once and ignored; --strict refuses it' '
	db=$TRASH/json-keys.db &&
	printf "{\"name\":\"甲\",\"employee_no\":\"E1\",\"shoe\":\"42\"}\n{\"name\":\"乙\",\"employee_no\":\"E2\",\"shoe\":\"43\"}\n" >keys.ndjson &&
	union-config -q init --db "$db" &&
	member-add --db "$db" keys.ndjson 2>err &&
	test "$(grep -c "shoe" err)" = 1 &&
	test_grep "keys.ndjson:1: .*shoe" err &&
	test_grep "added 2, updated 0, unchanged 0" err &&
	db2=$TRASH/json-keys2.db &&
	union-config -q init --db "$db2" &&
	test_expect_code 65 member-add --db "$db2" --strict keys.ndjson 2>err &&
	test_grep "keys.ndjson:1: .*shoe" err &&
	test "$(db_query "SELECT count(*) FROM members" "$db2" 2>/dev/null || echo 0)" = 0
'

test_expect_success 'a JSON value that is an object or an array is refused (65)' '
	db=$TRASH/json-nested.db &&
	union-config -q init --db "$db" &&
	member-add -q --db "$db" --name 丙 --employee-no E0 &&
	db_dump "$db" >before &&
	printf "[\n{\"name\":\"甲\",\"employee_no\":\"E1\"},\n{\"name\":{\"x\":1},\"employee_no\":\"E2\"}\n]\n" >nested.json &&
	test_expect_code 65 member-add --db "$db" nested.json 2>err &&
	test_grep "^member-add: nested.json:3: .*name" err &&
	db_dump "$db" >after &&
	test_cmp before after
'

test_expect_success '--input-format csv reads a CSV whose first byte is a bracket' '
	db=$TRASH/informat.db &&
	printf "[x],name,employee_no\n1,甲,E1\n" >bracket.csv &&
	union-config -q init --db "$db" &&
	test_expect_code 65 member-add --db "$db" bracket.csv 2>err &&
	test_grep "bracket.csv" err &&
	member-add --db "$db" --input-format csv bracket.csv 2>err &&
	test_grep "ignoring unknown column .\[x\]" err &&
	test_grep "added 1, updated 0, unchanged 0" err &&
	test "$(db_query "SELECT name FROM members" "$db")" = 甲
'

test_expect_success '--input-format json on CSV input is bad data (65), nothing written' '
	db_dump >before &&
	test_expect_code 65 member-add --input-format json "$DATA/members-hr-utf8.csv" 2>err &&
	test_grep "members-hr-utf8.csv:1: .*JSON" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a missing input file is 66, nothing written' '
	db_dump >before &&
	test_expect_code 66 member-add no-such-file.csv 2>err &&
	test_grep "no-such-file.csv" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'two operands are a usage error (64)' '
	test_expect_code 64 member-add "$DATA/members.json" "$DATA/members.ndjson" 2>err &&
	test_grep "member-add --help" err
'

test_expect_success 'a large file is imported whole; no progress output off a terminal' '
	db=$TRASH/big.db &&
	gen_staff 500 >big.csv &&
	union-config -q init --db "$db" &&
	member-add --db "$db" big.csv 2>err &&
	echo "member-add: added 500, updated 0, unchanged 0, missing 0" >expect &&
	test_cmp expect err &&
	test "$(db_query "SELECT count(*), count(DISTINCT member_no), min(member_no), max(member_no) FROM members" "$db")" = "500|500|000001|000500" &&
	member-add --db "$db" big.csv 2>err &&
	test_grep "^member-add: added 0, updated 0, unchanged 500, missing 0$" err
'

test_done
