#!/bin/sh
# Bad input to member-add (doc/architecture.md): each case gets its
# exact exit code, a message "member-add: FILE:LINE: ..." naming the
# physical line (a record spanning lines is named by its first), and leaves
# the database byte for byte unchanged.
. "$(dirname "$0")/lib.sh"

H='工号,姓名,身份证号,出生日期,性别,手机号码,基本工资,入会日期,备注'
GOOD='E1,甲,110105197001010054,,,,,,'

# refused CODE FILE LINE PATTERN [option...]: member-add FILE exits CODE,
# names FILE:LINE with PATTERN, prints nothing on stdout, changes nothing.
refused() {
	code=$1 file=$2 line=$3 pattern=$4
	shift 4
	db_dump >before &&
	test_expect_code "$code" timeout 20 member-add "$@" "$file" >out 2>err &&
	test_grep "^member-add: $file:$line: .*$pattern" err &&
	test_must_fail test -s out &&
	db_dump >after &&
	test_cmp before after
}

# row TEXT...: a CSV file of the header, a good record, then the lines given.
csv() {
	printf "%s\n%s\n" "$H" "$GOOD"
	for l in "$@"; do
		printf "%s\n" "$l"
	done
}

test_expect_success 'setup: a register with members in it' '
	member-add -q "$DATA/members-hr-utf8.csv" &&
	test "$(db_query "SELECT count(*) FROM members")" = 4
'

test_expect_success 'broken quoting: text after a closing quote' '
	csv "E2,\"乙\"x,110105197001010062,,,,,," >q1.csv &&
	refused 65 q1.csv 3 "quot"
'

test_expect_success 'broken quoting: a quote inside an unquoted field' '
	csv "E2,乙\"丙,110105197001010062,,,,,," >q2.csv &&
	refused 65 q2.csv 3 "quot"
'

test_expect_success 'an unterminated quote at the end of the file (no hang)' '
	csv "E2,\"乙,110105197001010062,,,,,," >q3.csv &&
	refused 65 q3.csv 3 "quot"
'

test_expect_success 'an unterminated quote that swallows the following lines' '
	csv "E2,乙,110105197001010062,,,,,,\"unclosed" "E3,丙,110105197001010070,,,,,," "E4,丁,,,,,,," >q4.csv &&
	refused 65 q4.csv 3 "quot"
'

test_expect_success 'ragged rows: too few and too many fields, both named' '
	csv "E2,乙,110105197001010062" "E3,丙,110105197001010070,,,,,,,extra" >ragged.csv &&
	refused 65 ragged.csv 3 "field" &&
	test_grep "^member-add: ragged.csv:4: .*field" err
'

test_expect_success 'invalid UTF-8 with --encoding utf-8' '
	csv "E2,乙$(printf "\377\376"),110105197001010062,,,,,," >badutf8.csv &&
	refused 65 badutf8.csv 3 "UTF-8" --encoding utf-8
'

test_expect_success 'a NUL byte in a field' '
	{ csv && printf "E2,乙\000丙,110105197001010062,,,,,,\n"; } >nul.csv &&
	test "$(tr -cd "\000" <nul.csv | wc -c)" = 1 &&
	refused 65 nul.csv 3 "NUL"
'

test_expect_success 'an empty file: 65, the file named' '
	: >empty.csv &&
	db_dump >before &&
	test_expect_code 65 member-add empty.csv >out 2>err &&
	test_grep "^member-add: empty.csv: .*empty\|^member-add: empty.csv:1: .*empty" err &&
	test_must_fail test -s out &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a header-only file: 0 records is fine, added 0' '
	echo "$H" >header.csv &&
	db_dump >before &&
	member-add header.csv >out 2>err &&
	echo "member-add: added 0, updated 0, unchanged 0, missing 4" >expect &&
	test_cmp expect err &&
	test_must_fail test -s out &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a 1 MB note: a clear error, not the whole value echoed' '
	{ csv && printf "E2,乙,110105197001010062,,,,,,%01000000d\n" 0; } >bignote.csv &&
	test "$(wc -c <bignote.csv)" -gt 1000000 &&
	refused 65 bignote.csv 3 "note.*2000" &&
	test "$(wc -c <err)" -lt 2000
'

test_expect_success 'a 1 MB name: a clear error' '
	{ csv && printf "E2,%01000000d,110105197001010062,,,,,,\n" 0; } >bigname.csv &&
	refused 65 bigname.csv 3 "name" &&
	test "$(wc -c <err)" -lt 2000
'

test_expect_success 'a date that does not exist (2026-02-30)' '
	csv "E2,乙,110105197001010062,,,,,2026-02-30," >date1.csv &&
	refused 65 date1.csv 3 "2026-02-30"
'

test_expect_success 'dates that do not parse (2019-13-01, 2019年2月29日, 20190230, 2019/3)' '
	csv "E2,乙,,,,,,2019-13-01," "E3,丙,,,,,,2019年2月29日," "E4,丁,,,,,,20190230," "E5,戊,,,,,,2019/3," >date2.csv &&
	refused 65 date2.csv 3 "2019-13-01" &&
	test_grep "^member-add: date2.csv:4: .*2019年2月29日" err &&
	test_grep "^member-add: date2.csv:5: .*20190230" err &&
	test_grep "^member-add: date2.csv:6: .*2019/3" err
'

test_expect_success 'money with three decimals is refused, not rounded' '
	csv "E2,乙,110105197001010062,,,,1234.567,," >money1.csv &&
	refused 65 money1.csv 3 "1234.567"
'

test_expect_success 'money that is not a number' '
	csv "E2,乙,110105197001010062,,,,一千,," "E3,丙,,,,,12.3.4,," >money2.csv &&
	refused 65 money2.csv 3 "一千" &&
	test_grep "^member-add: money2.csv:4: .*12.3.4" err
'

test_expect_success 'a wrong ID check digit' '
	csv "E2,乙,110105197001010063,,,,,," >id1.csv &&
	refused 65 id1.csv 3 "110105197001010063"
'

test_expect_success 'an ID of the wrong length or with letters' '
	csv "E2,乙,11010519700101006,,,,,," "E3,丙,1101051970010100A2,,,,,," >id2.csv &&
	refused 65 id2.csv 3 "11010519700101006" &&
	test_grep "^member-add: id2.csv:4: .*1101051970010100A2" err
'

test_expect_success 'an ID whose birth date disagrees with birth_date' '
	csv "E2,乙,110105197001010062,1970-01-02,,,,," >id3.csv &&
	refused 65 id3.csv 3 "birth_date.*disagrees"
'

test_expect_success 'an ID whose gender disagrees with gender' '
	csv "E2,乙,110105197001010062,,男,,,," >id4.csv &&
	refused 65 id4.csv 3 "gender.*disagrees"
'

test_expect_success 'an ID that Excel wrote as 1.10105E+17' '
	csv "E2,乙,1.10105E+17,,,,,," >excel1.csv &&
	refused 65 excel1.csv 3 "Excel.*text"
'

test_expect_success 'an ID that Excel cut to 15 digits (last three zeros)' '
	csv "E2,乙,110105197001010000,,,,,," >excel2.csv &&
	refused 65 excel2.csv 3 "Excel.*text"
'

test_expect_success 'a phone that is not 11 digits' '
	csv "E2,乙,,,,1380013800,,," "E3,丙,,,,138001380001,,," "E4,丁,,,,1380013800a,,," >phone.csv &&
	refused 65 phone.csv 3 "1380013800" &&
	test_grep "^member-add: phone.csv:4: .*138001380001" err &&
	test_grep "^member-add: phone.csv:5: .*1380013800a" err
'

test_expect_success 'words that are not values of gender, hardship, status, migrant_worker' '
	printf "工号,姓名,性别,困难类别,状态,是否农民工\nE2,乙,未知,,,\nE3,丙,,很困难,,\nE4,丁,,,休假,\nE5,戊,,,,也许\n" >words.csv &&
	refused 65 words.csv 2 "gender" &&
	test_grep "^member-add: words.csv:3: .*hardship" err &&
	test_grep "^member-add: words.csv:4: .*status" err &&
	test_grep "^member-add: words.csv:5: .*migrant_worker" err
'

test_expect_success 'a control character (escape) in a name' '
	csv "E2,$(printf "\033")[31m乙,,,,,,," >ctl.csv &&
	refused 65 ctl.csv 3 "control"
'

test_expect_success 'a name with SQL in it is stored verbatim and harms nothing' '
	printf "工号,姓名,备注\nE66,\"Robert${SQ}); DROP TABLE members;--\",\"${SQ} OR 1=1; --\"\n" >sql.csv &&
	n=$(db_query "SELECT count(*) FROM members") &&
	member-add sql.csv 2>err &&
	test_grep "added 1, updated 0, unchanged 0" err &&
	test "$(db_query "SELECT name FROM members WHERE employee_no = ${SQ}E66${SQ}")" = "Robert${SQ}); DROP TABLE members;--" &&
	test "$(db_query "SELECT note FROM members WHERE employee_no = ${SQ}E66${SQ}")" = "${SQ} OR 1=1; --" &&
	test "$(db_query "SELECT count(*) FROM members")" = $((n + 1)) &&
	member-ls --where-key E66 -f csv | cut -d, -f3 | sed 1d >actual &&
	echo "Robert${SQ}); DROP TABLE members;--" >expect &&
	test_cmp expect actual
'

test_expect_success 'a bad record spanning lines is named by its first line' '
	cat >span.csv <<-EOF &&
	$H
	E2,乙,110105197001010062,,,,,,"一
	二
	三"
	E3,丙,110105197001010070,,,,,2026-02-30,"四
	五"
	E4,丁,110105197001010089,,,,1.001,,
	EOF
	refused 65 span.csv 5 "2026-02-30" &&
	test_grep "^member-add: span.csv:7: .*1.001" err &&
	test "$(grep -c "^member-add: span.csv:" err)" = 2
'

test_expect_success 'line numbers count blank lines and CRLF line ends' '
	printf "%s\r\n%s\r\n\r\nE3,丙,110105197001010070,,,,,2026-02-30,\r\n" "$H" "$GOOD" >crlf.csv &&
	refused 65 crlf.csv 4 "2026-02-30"
'

test_expect_success 'every bad record is named, in input order, then the count' '
	csv "E2,乙,110105197001010063,,,,,," "E9,己,110105197001010089,,,,,," "E3,丙,,,,,,2026-02-30," "E4,丁,,,,123,,," >many.csv &&
	refused 65 many.csv 3 "check digit" &&
	grep "^member-add: many.csv:" err | cut -d: -f3 | tr "\n" " " >lines &&
	test "$(cat lines)" = "3 5 6 " &&
	tail -1 err | grep -q "3 bad records"
'

test_expect_success 'bad JSON syntax: the record named by its first line' '
	cat >bad.json <<-\EOF &&
	[
	  {"name": "甲", "employee_no": "J1"},
	  {"name": "乙",
	   "employee_no": "J2",}
	]
	EOF
	refused 65 bad.json 3 "JSON"
'

test_expect_success 'bad NDJSON line' '
	printf "{\"name\":\"甲\",\"employee_no\":\"J1\"}\n{\"name\":\"乙\",\"employee_no\":\"J2\"}\n{\"name\":\"丙\" \"employee_no\":\"J3\"}\n" >bad.ndjson &&
	refused 65 bad.ndjson 3 "JSON"
'

test_expect_success 'a JSON array that is not closed' '
	printf "[\n{\"name\":\"甲\",\"employee_no\":\"J1\"}\n" >open.json &&
	db_dump >before &&
	test_expect_code 65 member-add open.json 2>err &&
	test_grep "^member-add: open.json:[0-9]*: .*]" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'text after the closing bracket of a JSON array' '
	printf "[\n{\"name\":\"甲\",\"employee_no\":\"J1\"}\n]\n{\"x\":1}\n" >after.json &&
	refused 65 after.json 4 "]"
'

test_expect_success 'a JSON record that is not an object' '
	printf "[\n{\"name\":\"甲\",\"employee_no\":\"J1\"},\n42\n]\n" >notobj.json &&
	refused 65 notobj.json 3 "object\\|JSON"
'

test_expect_success 'a bad value in JSON is named by the line its record starts on' '
	cat >badval.json <<-\EOF &&
	[
	  {"name": "甲", "employee_no": "J1"},
	  {
	    "name": "乙",
	    "employee_no": "J2",
	    "wage_base": "1.234"
	  }
	]
	EOF
	refused 65 badval.json 3 "1.234"
'

test_expect_success 'a refused batch into a new database leaves it as union-config init made it' '
	union-config -q init --db fresh.db &&
	cp fresh.db fresh.copy &&
	test_expect_code 65 member-add --db fresh.db many.csv 2>err &&
	test_grep "^member-add: many.csv:3: " err &&
	cmp fresh.db fresh.copy &&
	test_must_fail test -s fresh.db-wal
'

test_expect_success 'the register is as the setup left it, plus Robert' '
	test "$(db_query "SELECT count(*) FROM members")" = 5 &&
	test "$(db_query "SELECT count(*) FROM member_events")" = 0
'

test_done
