#!/bin/sh
# member-add with field options: one member added, or updated by its key;
# the checks of doc/domain.md "Citizen ID numbers"; nothing written on a refusal.
. "$(dirname "$0")/lib.sh"

ID_F=11010519491231002X    # female, born 1949-12-31
ID_M=440524188001010014    # male, born 1880-01-01
ID_M2=34052419800101001X   # male, born 1980-01-01
ID_F2=110105198001010024   # female, born 1980-01-01
ID_M3=110105199003071239   # male, born 1990-03-07
TODAY=$(date +%F)

# json_get FILE INDEX KEY: one value of a JSON array (null prints "null").
json_get() {
	python3 -c '
import json, sys
v = json.load(open(sys.argv[1], encoding="utf-8"))[int(sys.argv[2])][sys.argv[3]]
print("null" if v is None else v)' "$@"
}
# json_len FILE: the number of records of a JSON array.
json_len() {
	python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1], encoding="utf-8"))))' "$1"
}

test_expect_success 'one member from options: summary, no stdout, the row as stored' '
	member-add --name 张三 --id-card $ID_F --employee-no E001 --unit 教务处 \
		--join-date 2015-09-01 --wage-base 5234.50 >out 2>err &&
	echo "member-add: added 1, updated 0, unchanged 0" >expect &&
	test_cmp expect err &&
	test_must_fail test -s out &&
	db_query "SELECT member_no, employee_no, name, gender, id_card, birth_date, unit,
		join_date, wage_base, typeof(wage_base), hardship, status
		FROM members" >actual &&
	echo "000001|E001|张三|female|$ID_F|1949-12-31|教务处|2015-09-01|523450|integer|none|active" >expect &&
	test_cmp expect actual
'

test_expect_success 'gender and birth date come from the ID number' '
	member-add -q --name 李四 --id-card $ID_M2 &&
	test "$(db_query "SELECT gender, birth_date FROM members WHERE id_card = ${SQ}$ID_M2${SQ}")" = "male|1980-01-01"
'

test_expect_success 'member numbers: the next free one, or the one given' '
	member-add -q --name 王五 --id-card $ID_M --member-no 000010 &&
	member-add -q --name 赵六 --employee-no E004 &&
	db_query "SELECT member_no, name FROM members ORDER BY member_no" >actual &&
	cat >expect <<-EOF &&
	000001|张三
	000002|李四
	000010|王五
	000011|赵六
	EOF
	test_cmp expect actual
'

test_expect_success 'a lower-case x in the ID number is stored upper-case' '
	lower=$(echo $ID_M2 | tr X x) &&
	member-add --id-card "$lower" --unit 总务处 2>err &&
	test_grep "added 0, updated 1, unchanged 0" err &&
	test "$(db_query "SELECT count(*) FROM members WHERE id_card = ${SQ}$ID_M2${SQ} AND unit = ${SQ}总务处${SQ}")" = 1 &&
	test "$(db_query "SELECT count(*) FROM members WHERE id_card GLOB ${SQ}*x${SQ}")" = 0
'

test_expect_success 'dates and amounts in the other accepted forms are stored canonically' '
	member-add -q --name 孙八 --id-card $ID_M3 --birth-date 1990/3/7 \
		--hire-date 20190305 --join-date 2019年3月5日 --wage-base "¥1,234.5" \
		--phone "+86 139-1234-5678" --gender 男 &&
	db_query "SELECT birth_date, hire_date, join_date, wage_base, phone, gender
		FROM members WHERE id_card = ${SQ}$ID_M3${SQ}" >actual &&
	echo "1990-03-07|2019-03-05|2019-03-05|123450|13912345678|male" >expect &&
	test_cmp expect actual
'

test_expect_success 'a known key and one field option update that field, with history' '
	member-add --id-card $ID_F --unit 总务处 >out 2>err &&
	echo "member-add: added 0, updated 1, unchanged 0" >expect &&
	test_cmp expect err &&
	test "$(db_query "SELECT unit, name, wage_base FROM members WHERE member_no = ${SQ}000001${SQ}")" = "总务处|张三|523450" &&
	db_query "SELECT e.date, e.field, e.old_value, e.new_value FROM member_events e
		JOIN members m ON m.id = e.member_id WHERE m.member_no = ${SQ}000001${SQ}" >actual &&
	echo "$TODAY|unit|教务处|总务处" >expect &&
	test_cmp expect actual &&
	member-ls --history 000001 -f csv >hist &&
	test_grep "^$TODAY,000001,unit,教务处,总务处," hist
'

test_expect_success 'the same values again change nothing and write nothing' '
	db_dump >before &&
	member-add --name 张三 --id-card $ID_F --employee-no E001 --unit 总务处 \
		--join-date 2015-09-01 --wage-base 5234.5 2>err &&
	echo "member-add: added 0, updated 0, unchanged 1" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--no-update: a known member is an error (65), nothing written' '
	db_dump >before &&
	test_expect_code 65 member-add --no-update --id-card $ID_F --unit 财务处 2>err &&
	test_grep "^member-add: .*already a member" err &&
	test_grep "000001" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--dry-run of one member writes nothing and says so' '
	db_dump >before &&
	member-add --dry-run --name 周九 --employee-no E009 2>err &&
	test_grep "^member-add: dry run, nothing written: added 1, updated 0, unchanged 0" err &&
	member-add --dry-run --id-card $ID_F --unit 财务处 2>err2 &&
	test_grep "dry run, nothing written: added 0, updated 1, unchanged 0" err2 &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a name with SQL in it is stored verbatim' '
	n=$(db_query "SELECT count(*) FROM members") &&
	member-add -q --name "Robert${SQ}); DROP TABLE members;--" --employee-no E666 &&
	test "$(db_query "SELECT name FROM members WHERE employee_no = ${SQ}E666${SQ}")" = "Robert${SQ}); DROP TABLE members;--" &&
	test "$(db_query "SELECT count(*) FROM members")" = $((n + 1)) &&
	member-ls --where-key E666 -f json >out &&
	test "$(json_get out 0 name)" = "Robert${SQ}); DROP TABLE members;--"
'

test_expect_success '-f json prints the record added, --mask masks it but not the database' '
	member-add -f json --mask --name 吴小明 --id-card 440304199002020051 --phone 13812345678 >out 2>err &&
	test_grep "added 1, updated 0, unchanged 0" err &&
	test "$(json_len out)" = 1 &&
	test "$(json_get out 0 name)" = "吴*明" &&
	test "$(json_get out 0 id_card)" = "440304********0051" &&
	test "$(json_get out 0 phone)" = "138****5678" &&
	test "$(json_get out 0 gender)" = male &&
	test "$(db_query "SELECT name, id_card, phone FROM members WHERE phone IS NOT NULL AND name = ${SQ}吴小明${SQ}")" = "吴小明|440304199002020051|13812345678"
'

test_expect_success '-q: no summary, the member still added' '
	member-add -q --name 冯九 --employee-no E900 >out 2>err &&
	test_must_fail test -s err &&
	test_must_fail test -s out &&
	test "$(db_query "SELECT name FROM members WHERE employee_no = ${SQ}E900${SQ}")" = 冯九
'

# Refused values on the command line: 65, a message naming the value,
# the database unchanged.
check_refused() {
	title=$1 pattern=$2
	shift 2
	db_dump >"$TRASH/before" &&
	test_expect_code 65 member-add "$@" >"$TRASH/out" 2>"$TRASH/err" &&
	test_grep "^member-add: .*$pattern" "$TRASH/err" &&
	test_must_fail test -s "$TRASH/out" &&
	db_dump >"$TRASH/after" &&
	test_cmp "$TRASH/before" "$TRASH/after"
}

test_expect_success 'refused: wrong ID check digit' '
	check_refused id "check digit.*110105198001010025" --name 甲 --id-card 110105198001010025
'
test_expect_success 'refused: ID with an impossible birth date' '
	check_refused id "110105198002300015\|date" --name 甲 --id-card 110105198002300015
'
test_expect_success 'refused: ID born in the future' '
	check_refused id "future\|date" --name 甲 --id-card 110105209901010012
'
test_expect_success 'refused: ID that Excel turned into 1.10105E+17' '
	check_refused id "Excel.*text" --name 甲 --id-card 1.10105E+17
'
test_expect_success 'refused: birth date disagreeing with the ID number' '
	check_refused id "birth_date.*1980-01-02.*disagrees" --name 甲 --id-card $ID_F2 --birth-date 1980-01-02
'
test_expect_success 'refused: gender disagreeing with the ID number' '
	check_refused id "gender.*disagrees" --name 甲 --id-card $ID_F2 --gender 男
'
test_expect_success 'refused: a date that does not exist' '
	check_refused date "2026-02-30" --name 甲 --employee-no E100 --join-date 2026-02-30
'
test_expect_success 'refused: a wage base with three decimals' '
	check_refused money "1234.567" --name 甲 --employee-no E100 --wage-base 1234.567
'
test_expect_success 'refused: a negative wage base' '
	check_refused money "wage_base" --name 甲 --employee-no E100 --wage-base -5
'
test_expect_success 'refused: a phone that is not 11 digits' '
	check_refused phone "phone.*1380013800" --name 甲 --employee-no E100 --phone 1380013800
'
test_expect_success 'refused: an unknown gender word' '
	check_refused gender "gender.*unknown" --name 甲 --employee-no E100 --gender unknown
'
test_expect_success 'refused: an unknown hardship level' '
	check_refused hardship "hardship.*poor" --name 甲 --employee-no E100 --hardship poor
'
test_expect_success 'refused: a new member without a name' '
	check_refused name "name" --employee-no E100 --unit 教务处
'
test_expect_success 'refused: a new member with neither ID number nor employee number' '
	check_refused key "id_card\|employee_no" --name 甲 --unit 教务处
'
test_expect_success 'refused: a control character (escape) in the name' '
	esc=$(printf "\033[31m红") &&
	check_refused control "control\|name" --name "$esc" --employee-no E100
'
test_expect_success 'refused: a name longer than 200 bytes' '
	long=$(printf "%0300d" 0) &&
	check_refused long "name" --name "$long" --employee-no E100
'
test_expect_success 'refused: a note longer than 2000 bytes' '
	long=$(printf "%03000d" 0) &&
	check_refused long "note.*2000" --name 甲 --employee-no E100 --note "$long"
'
test_expect_success 'refused: keys that belong to two different members' '
	check_refused taken "employee_no ${SQ}E001${SQ} is member 000001, but member_no ${SQ}000002${SQ} is member 000002" --name 甲 --employee-no E001 --member-no 000002
'

test_expect_success 'usage (64): field options together with a file' '
	db_dump >before &&
	test_expect_code 64 member-add --name 甲 --employee-no E100 "$DATA/members.json" 2>err &&
	test_grep "member-add --help" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'usage (64): --list-missing with field options' '
	test_expect_code 64 member-add --list-missing --name 甲 --employee-no E100 2>err &&
	test_grep "list-missing" err
'

test_expect_success 'usage (64): an unknown --key' '
	test_expect_code 64 member-add --key phone --name 甲 --employee-no E100 2>err &&
	test_grep "key" err
'

test_expect_success 'usage (64): a missing option argument' '
	test_expect_code 64 member-add --name 2>err &&
	test_grep "member-add --help" err
'

test_done
