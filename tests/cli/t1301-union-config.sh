#!/bin/sh
# union-config (union-config(1)): get, set, --unset and --list, like git
# config; every key known, every value checked (65), an unset key without a
# default prints nothing and exits 1.
. "$(dirname "$0")/lib.sh"

KEYS='union.name
union.level
union.parent
union.code
union.unit_type
funds.allocation_share
disputes.limit_days
disputes.collective_threshold
disclosure.frequency
care.cap.sick
care.cap.birth
care.cap.wedding
care.cap.retirement
care.cap.bereavement
care.cap.birthday
care.cap.holiday'

stored() {
	db_query "SELECT key || ${SQ}=${SQ} || value FROM config ORDER BY key"
}

# refused PATTERN ARGS...: union-config exits 65, says PATTERN, prints
# nothing on stdout, changes nothing.
refused() {
	pattern=$1
	shift
	db_dump >before &&
	test_expect_code 65 union-config "$@" >out 2>err &&
	test_grep "^union-config: .*$pattern" err &&
	test_must_fail test -s out &&
	db_dump >after &&
	test_cmp before after
}

test_expect_success 'set a key: no output, stored' '
	union-config union.name 某某中学工会 >out 2>err &&
	test_must_fail test -s out &&
	test_must_fail test -s err &&
	test "$(stored)" = "union.name=某某中学工会"
'

test_expect_success 'get it back' '
	union-config union.name >out &&
	echo 某某中学工会 >expect &&
	test_cmp expect out
'

test_expect_success 'set it again: replaced, one row' '
	union-config union.name "  某某第二中学工会  " &&
	test "$(union-config union.name)" = 某某第二中学工会 &&
	test "$(db_query "SELECT count(*) FROM config WHERE key = ${SQ}union.name${SQ}")" = 1
'

test_expect_success 'keys with a default answer it until set' '
	test "$(union-config union.level)" = grassroots &&
	test "$(union-config funds.allocation_share)" = 60 &&
	test "$(union-config disputes.limit_days)" = 15 &&
	test "$(union-config disputes.collective_threshold)" = 10 &&
	test "$(union-config disclosure.frequency)" = monthly &&
	test "$(stored)" = "union.name=某某第二中学工会"
'

test_expect_success 'a key with no value and no default: exit 1, no output at all' '
	test_expect_code 1 union-config union.parent >out 2>err &&
	test_must_fail test -s out &&
	test_must_fail test -s err &&
	test_expect_code 1 union-config union.code >out 2>err &&
	test_must_fail test -s out
'

test_expect_success 'every key can be set to a good value' '
	union-config union.level federation &&
	union-config union.parent 某某街道总工会 &&
	union-config union.code " ８１３５０２００ｍｃ００００００１２" &&
	union-config union.unit_type 事业单位 &&
	union-config funds.allocation_share 0 &&
	union-config funds.allocation_share 100 &&
	union-config disputes.limit_days 30 &&
	union-config disputes.collective_threshold 3 &&
	union-config disclosure.frequency quarterly &&
	union-config disclosure.frequency half-year &&
	stored >actual &&
	cat >expect <<-\EOF &&
	disclosure.frequency=half-year
	disputes.collective_threshold=3
	disputes.limit_days=30
	funds.allocation_share=100
	union.code=81350200MC00000012
	union.level=federation
	union.name=某某第二中学工会
	union.parent=某某街道总工会
	union.unit_type=事业单位
	EOF
	test_cmp expect actual
'

test_expect_success 'unknown keys are refused (65) for get, set and --unset' '
	refused "union.nam" union.nam &&
	refused "union.colour" union.colour red &&
	refused "funds.share" --unset funds.share &&
	refused "Union.Name" Union.Name X
'

test_expect_success 'bad values are refused (65), the old value kept' '
	refused "union.level" union.level county &&
	refused "disclosure.frequency" disclosure.frequency weekly &&
	refused "funds.allocation_share" funds.allocation_share 110 &&
	refused "funds.allocation_share" -- funds.allocation_share -1 &&
	refused "funds.allocation_share" funds.allocation_share 60.5 &&
	refused "funds.allocation_share" funds.allocation_share 六十 &&
	refused "disputes.limit_days" disputes.limit_days 0 &&
	refused "disputes.limit_days" disputes.limit_days 366 &&
	refused "disputes.collective_threshold" disputes.collective_threshold 1 &&
	refused "union.code.*81" union.code 91350200776049653A &&
	refused "union.code" union.code 81350200MC0000001 &&
	refused "union.code" union.code 81350200MC000000I2 &&
	refused "empty\|unset" union.name "" &&
	refused "empty\|unset" union.name "   " &&
	refused "200" union.name "$(printf "%0201d" 0)" &&
	refused "UTF-8" union.name "$(printf "\377\376")" &&
	test "$(union-config funds.allocation_share)" = 100 &&
	test "$(union-config union.level)" = federation
'

test_expect_success 'union.code: full-width folded; a wrong check character kept with a warning' '
	union-config union.code "８１１１０１０５ＭＣ１２３４５６７Ｕ" 2>err &&
	test_must_fail test -s err &&
	test "$(union-config union.code)" = 81110105MC1234567U &&
	union-config union.code 81110105MC1234567A 2>err &&
	test_grep "^union-config: .*warning.*81110105MC1234567A" err &&
	test "$(union-config union.code)" = 81110105MC1234567A
'

test_expect_success '--unset removes a value; the default applies again' '
	union-config --unset funds.allocation_share 2>err &&
	test_must_fail test -s err &&
	test "$(union-config funds.allocation_share)" = 60 &&
	test "$(db_query "SELECT count(*) FROM config WHERE key = ${SQ}funds.allocation_share${SQ}")" = 0 &&
	union-config --unset union.parent &&
	test_expect_code 1 union-config union.parent >out &&
	test_must_fail test -s out
'

test_expect_success '--unset of a key that is not set: exit 0, said on stderr unless -q' '
	db_dump >before &&
	union-config --unset union.parent 2>err &&
	test_grep "union.parent" err &&
	union-config -q --unset union.parent 2>err &&
	test_must_fail test -s err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--dry-run checks the value and writes nothing' '
	db_dump >before &&
	union-config --dry-run union.name 别的工会 &&
	union-config --dry-run --unset union.name &&
	test_expect_code 65 union-config --dry-run union.level county 2>err &&
	test_grep "union.level" err &&
	db_dump >after &&
	test_cmp before after &&
	test "$(union-config union.name)" = 某某第二中学工会
'

test_expect_success '--list: every key in order, value (set or default), default, description' '
	union-config --list >out.csv &&
	head -1 out.csv >actual &&
	echo "key,value,default,description" >expect &&
	test_cmp expect actual &&
	python3 -c "
import csv
rows = list(csv.DictReader(open(\"out.csv\", newline=\"\", encoding=\"utf-8\")))
keys = \"\"\"$KEYS\"\"\".split()
assert [r[\"key\"] for r in rows] == keys, [r[\"key\"] for r in rows]
v = {r[\"key\"]: r[\"value\"] for r in rows}
d = {r[\"key\"]: r[\"default\"] for r in rows}
assert v[\"union.name\"] == \"某某第二中学工会\", v
assert v[\"union.parent\"] == \"\", v
assert v[\"funds.allocation_share\"] == \"60\" and d[\"funds.allocation_share\"] == \"60\", v
assert v[\"disputes.limit_days\"] == \"30\" and d[\"disputes.limit_days\"] == \"15\", v
assert v[\"union.level\"] == \"federation\" and d[\"union.level\"] == \"grassroots\", v
assert d[\"disclosure.frequency\"] == \"monthly\", d
assert all(r[\"description\"] for r in rows)
"
'

test_expect_success '--list -f json: an array of objects, null where nothing is set' '
	union-config --list -f json >out.json &&
	python3 -c "
import json
rows = json.load(open(\"out.json\", encoding=\"utf-8\"))
assert isinstance(rows, list) and len(rows) == 16, rows
assert set(rows[0].keys()) == {\"key\", \"value\", \"default\", \"description\"}, rows[0]
v = {r[\"key\"]: r[\"value\"] for r in rows}
assert v[\"union.parent\"] is None, v
assert v[\"union.name\"] == \"某某第二中学工会\"
assert v[\"disputes.limit_days\"] == \"30\"
assert v[\"funds.allocation_share\"] == \"60\"
" &&
	union-config --list -f ndjson >out.ndjson &&
	test "$(wc -l <out.ndjson)" = 16 &&
	union-config --list -f table >out.txt &&
	test "$(wc -l <out.txt)" = 17 &&
	test_grep "^union.name  *某某第二中学工会" out.txt
'

test_expect_success '--list --excel -f csv: BOM and CRLF' '
	union-config --list --excel -f csv >excel.csv &&
	test "$(head -c 3 excel.csv | od -An -tx1 | tr -d " ")" = efbbbf &&
	test "$(grep -c "$(printf "\r")\$" excel.csv)" = 17
'

test_expect_success 'usage errors (64): nothing, too much, --list with a key, --list with --unset' '
	db_dump >before &&
	test_expect_code 64 union-config 2>err &&
	test_grep "union-config --help" err &&
	test_expect_code 64 union-config union.name a b 2>err &&
	test_expect_code 64 union-config --list union.name 2>err &&
	test_expect_code 64 union-config --list --unset union.name 2>err &&
	test_expect_code 64 union-config --unset union.name union.level 2>err &&
	test_expect_code 64 union-config --unset 2>err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'values are data: quotes and SQL stored verbatim' '
	union-config union.unit_type "x${SQ}); DELETE FROM config; --" &&
	test "$(union-config union.unit_type)" = "x${SQ}); DELETE FROM config; --" &&
	test "$(union-config union.name)" = 某某第二中学工会
'

test_done
