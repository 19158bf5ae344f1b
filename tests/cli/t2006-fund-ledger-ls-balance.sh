#!/bin/sh
# fund-ledger ls (period, fund, category with its details, member; csv,
# json, ndjson, table) and balance (--by fund|account|category|month,
# --at DATE), on a small book whose figures are worked out by hand.
. "$(dirname "$0")/lib.sh"

# fails CODE CMD...: CMD exits CODE; stdout in out, stderr in err (shown
# when the code is wrong).
fails() {
	code=$1
	shift
	test_expect_code "$code" "$@" >out 2>err || { cat err >&2; return 1; }
}

ids() {
	fund-ledger ls -f csv "$@" | sed 1d | cut -d, -f1 | tr '\n' ' ' | sed 's/ $//'
}

test_expect_success 'setup: members and a small book' '
	member-add -q "$DATA/ledger-members.csv" &&
	member-set -q 000004 --hardship deep --date 2026-01-01 &&
	fund-ledger opening 2026-01-01 10000 --fund general --account bank >ids &&
	fund-ledger opening 2026-01-01 5000 --fund hardship --account bank >>ids &&
	fund-ledger add 2026-01-15 3000 402 --voucher 2026-001 >>ids &&
	fund-ledger add 2026-02-10 500 50204 --fund hardship --member 000004 --voucher 2026-002 >>ids &&
	fund-ledger add 2026-02-20 200 "维权支出/送温暖" --member 000002 --voucher 2026-003 >>ids &&
	fund-ledger add 2026-03-05 150 文体活动费 --voucher 2026-004 >>ids &&
	fund-ledger transfer 2026-03-10 1000 --from general --to general:cash >>ids &&
	fund-ledger add --allow-future 2027-01-05 100 dues --member 000001 >>ids &&
	printf "1\n2\n3\n4\n5\n6\n7\n9\n" >expect &&
	test_cmp expect ids
'

test_expect_success 'ls: everything, in date order' '
	test "$(ids)" = "1 2 3 4 5 6 7 8 9"
'

test_expect_success 'ls --year, --month, --from/--to (inclusive, any date form)' '
	test "$(ids --year 2026)" = "1 2 3 4 5 6 7 8" &&
	test "$(ids --year 2027)" = "9" &&
	test "$(ids --month 2026-02)" = "4 5" &&
	test "$(ids --month 2026-04)" = "" &&
	test "$(ids --from 2026-02-20 --to 2026-03-05)" = "5 6" &&
	test "$(ids --from 2026/2/20 --to 2026年3月10日)" = "5 6 7 8"
'

test_expect_success 'ls --fund' '
	test "$(ids --fund hardship)" = "2 4" &&
	test "$(ids --fund general --month 2026-03)" = "6 7 8" &&
	test "$(ids --fund mutual-aid)" = ""
'

test_expect_success 'ls --category: a top class takes in its details, by code, name or slug' '
	test "$(ids --category 502)" = "4 5" &&
	test "$(ids --category rights)" = "4 5" &&
	test "$(ids --category 维权支出)" = "4 5" &&
	test "$(ids --category 50204)" = "4" &&
	test "$(ids --category 困难职工帮扶费)" = "4" &&
	test "$(ids --category 维权支出/送温暖)" = "5" &&
	test "$(ids --category 501)" = "6" &&
	test "$(ids --category 401)" = "9" &&
	test "$(ids --category 502 --fund general)" = "5"
'

test_expect_success 'ls --member' '
	test "$(ids --member 000004)" = "4" &&
	test "$(ids --member 000002)" = "5" &&
	test "$(ids --member 000001 --year 2026)" = "" &&
	test "$(ids --member 000003)" = ""
'

test_expect_success 'ls: unknown fund, category or member is 65 and prints no records' '
	fails 65 fund-ledger ls --fund nofund &&
	test_grep "^fund-ledger: unknown fund .nofund." err &&
	test_must_fail test -s out &&
	fails 65 fund-ledger ls --category 999 &&
	test_grep "^fund-ledger: unknown category .999." err &&
	test_must_fail test -s out &&
	fails 65 fund-ledger ls --member 999999 &&
	test_grep "999999" err &&
	test_must_fail test -s out
'

test_expect_success 'ls: the unknown-fund message names a command that exists (fund ls)' '
	test_expect_code 65 fund-ledger ls --fund nofund >/dev/null 2>err &&
	test_grep "fund-ledger fund ls" err
'

test_expect_success 'ls: two periods at once, --from without --to: usage (64)' '
	test_expect_code 64 fund-ledger ls --year 2026 --month 2026-01 >out 2>err &&
	test_must_fail test -s out &&
	test_expect_code 64 fund-ledger ls --from 2026-01-01 >out 2>err &&
	test_grep "from.*to" err &&
	test_expect_code 64 fund-ledger ls extra 2>err
'

test_expect_success 'a date that does not exist in --month, --from, --at is 65 (DESIGN §8: bad date)' '
	fails 65 fund-ledger ls --month 2026-13 &&
	test_grep "2026-13" err &&
	fails 65 fund-ledger ls --from 2026-02-30 --to 2026-03-01 &&
	test_grep "2026-02-30" err &&
	fails 65 fund-ledger balance --at 2026-02-30 &&
	test_grep "2026-02-30" err
'

test_expect_success 'ls -f csv: the ledger columns of DESIGN §8, money as 1234.50' '
	fund-ledger ls -f csv --month 2026-02 >out &&
	head -1 out >actual &&
	echo "id,date,fund,account,direction,category,category_name,subcategory,amount,member_no,activity_id,voucher,memo,void_of,hash" >expect &&
	test_cmp expect actual &&
	sed 1d out | cut -d, -f1-14 >actual &&
	cat >expect <<-\EOF &&
	4,2026-02-10,hardship,bank,out,50204,困难职工帮扶费,,500.00,000004,,2026-002,,
	5,2026-02-20,general,bank,out,502,维权支出,送温暖,200.00,000002,,2026-003,,
	EOF
	test_cmp expect actual &&
	sed 1d out | cut -d, -f15 | grep -c "^[0-9a-f]\{64\}\$" >actual &&
	echo 2 >expect &&
	test_cmp expect actual
'

test_expect_success 'ls -f csv is the default when stdout is not a terminal' '
	fund-ledger ls --month 2026-02 >a &&
	fund-ledger ls --month 2026-02 -f csv >b &&
	test_cmp a b
'

test_expect_success 'ls -f json: an array of objects, amounts are strings, ids are numbers' '
	fund-ledger ls -f json >out.json &&
	python3 -c "
import json
rows = json.load(open(\"out.json\"))
assert [r[\"id\"] for r in rows] == list(range(1, 10)), rows
for r in rows:
    assert isinstance(r[\"amount\"], str), r
assert rows[3][\"amount\"] == \"500.00\" and rows[3][\"member_no\"] == \"000004\", rows[3]
assert rows[4][\"subcategory\"] == \"送温暖\", rows[4]
assert rows[0][\"amount\"] == \"10000.00\", rows[0]
assert set(rows[0]) == set(\"id date fund account direction category category_name subcategory amount member_no activity_id voucher memo void_of hash\".split()), rows[0]
"
'

test_expect_success 'ls -f ndjson: one object a line, the same records' '
	fund-ledger ls -f ndjson >out.ndjson &&
	test "$(wc -l <out.ndjson)" = 9 &&
	python3 -c "
import json
rows = [json.loads(l) for l in open(\"out.ndjson\")]
assert rows == json.load(open(\"out.json\")), rows
"
'

test_expect_success 'ls -f table: a header and one line per entry, CJK aligned by width' '
	fund-ledger ls -f table --month 2026-02 >out &&
	test "$(wc -l <out)" = 3 &&
	head -1 out >header &&
	test_grep "^id  *date  *fund" header &&
	test_grep "困难职工帮扶费" out &&
	python3 -c "
import unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in \"WF\" else 1 for c in s)
lines = open(\"out\").read().splitlines()
cols = [width(l[:l.index(a)]) for l, a in zip(lines[1:], [\"500.00\", \"200.00\"])]
assert len(set(cols)) == 1, cols
"
'

test_expect_success 'balance (default --by fund): in, out and balance of every fund, and the total' '
	fund-ledger balance --at 2027-01-05 -f csv >actual &&
	cat >expect <<-\EOF &&
	fund,fund_title,in,out,balance
	general,工会经费,14100.00,1350.00,12750.00
	hardship,帮困基金,5000.00,500.00,4500.00
	mutual-aid,职工医疗互助,0.00,0.00,0.00
	total,,19100.00,1850.00,17250.00
	EOF
	test_cmp expect actual &&
	fund-ledger balance --at 2027-01-05 --by fund -f csv >again &&
	test_cmp expect again
'

test_expect_success 'balance --by account' '
	fund-ledger balance --at 2027-01-05 --by account -f csv >actual &&
	cat >expect <<-\EOF &&
	fund,account,in,out,balance
	general,bank,13100.00,1350.00,11750.00
	general,cash,1000.00,0.00,1000.00
	hardship,bank,5000.00,500.00,4500.00
	total,,19100.00,1850.00,17250.00
	EOF
	test_cmp expect actual
'

test_expect_success 'balance --by category' '
	fund-ledger balance --at 2027-01-05 --by category -f csv >actual &&
	cat >expect <<-\EOF &&
	category,category_name,kind,in,out
	401,会费收入,income,100.00,0.00
	402,拨缴经费收入,income,3000.00,0.00
	50102,文体活动费,expense,0.00,150.00
	502,维权支出,expense,0.00,200.00
	50204,困难职工帮扶费,expense,0.00,500.00
	opening,期初余额,system,15000.00,0.00
	transfer-in,转入,system,1000.00,0.00
	transfer-out,转出,system,0.00,1000.00
	EOF
	test_cmp expect actual
'

test_expect_success 'balance --by month: the running balance at each month end' '
	fund-ledger balance --at 2027-01-05 --by month -f csv >actual &&
	cat >expect <<-\EOF &&
	month,in,out,balance
	2026-01,18000.00,0.00,18000.00
	2026-02,0.00,700.00,17300.00
	2026-03,1000.00,1150.00,17150.00
	2027-01,100.00,0.00,17250.00
	EOF
	test_cmp expect actual
'

test_expect_success 'balance --at DATE: the books as they stood that day' '
	fund-ledger balance --at 2026-02-28 -f csv >actual &&
	cat >expect <<-\EOF &&
	fund,fund_title,in,out,balance
	general,工会经费,13000.00,200.00,12800.00
	hardship,帮困基金,5000.00,500.00,4500.00
	mutual-aid,职工医疗互助,0.00,0.00,0.00
	total,,18000.00,700.00,17300.00
	EOF
	test_cmp expect actual &&
	fund-ledger balance --at 2026/3/10 --by account -f csv >actual &&
	cat >expect <<-\EOF &&
	fund,account,in,out,balance
	general,bank,13000.00,1350.00,11650.00
	general,cash,1000.00,0.00,1000.00
	hardship,bank,5000.00,500.00,4500.00
	total,,19000.00,1850.00,17150.00
	EOF
	test_cmp expect actual &&
	fund-ledger balance --at 2025-12-31 -f csv | tail -1 >actual &&
	echo "total,,0.00,0.00,0.00" >expect &&
	test_cmp expect actual
'

test_expect_success 'balance -f json: money as strings' '
	fund-ledger balance --at 2027-01-05 -f json >bal.json &&
	python3 -c "
import json
rows = json.load(open(\"bal.json\"))
assert rows[0] == {\"fund\": \"general\", \"fund_title\": \"工会经费\", \"in\": \"14100.00\", \"out\": \"1350.00\", \"balance\": \"12750.00\"}, rows[0]
assert rows[-1][\"fund\"] == \"total\" and rows[-1][\"balance\"] == \"17250.00\", rows[-1]
"
'

test_expect_success 'balance: an unknown --by or arguments are usage errors (64)' '
	test_expect_code 64 fund-ledger balance --by year >out 2>err &&
	test_grep "fund, account, category or month" err &&
	test_must_fail test -s out &&
	test_expect_code 64 fund-ledger balance general 2>err
'

test_expect_success 'export -f csv and -f json are the ls listing' '
	fund-ledger export -f csv >a &&
	fund-ledger ls -f csv >b &&
	test_cmp a b &&
	fund-ledger export -f json >a &&
	fund-ledger ls -f json >b &&
	test_cmp a b
'

test_done
