#!/bin/sh
# fund-ledger and dates that cannot be right: an entry dated after today is
# refused (65) unless --allow-future, which marks it (allow_future, part of
# its hash); balance reads to today unless --at says otherwise. A negative
# AMOUNT is named as such, not taken for options; add --dry-run prints the
# entry it would write.
. "$(dirname "$0")/lib.sh"

# refused CODE PATTERN ARGS...: fund-ledger refuses, changing nothing.
refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" fund-ledger "$@"; }

# rehash: every entry's hash worked out again outside the tools: the 19
# columns as "LEN:value\n" ("-\n" when empty), then "allow_future" as a
# twentieth field only when the entry has the mark. Prints the ids that
# do not match (none when all is well).
rehash() {
	python3 - "$UNIONKIT_DB" <<-\EOF
	import hashlib, sqlite3, sys
	db = sqlite3.connect(sys.argv[1])
	cols = ("id, date, fund, account, direction, category, subcategory, amount, member_id,"
	        " activity_id, voucher, memo, void_of, transfer_of, overdraft, force_reason,"
	        " dues_month, recorded_at, prev_hash")
	for row in db.execute("SELECT " + cols + ", hash, allow_future FROM ledger_entries ORDER BY id"):
	    h = hashlib.sha256()
	    fields = [None if v is None or v == "" else str(v) for v in row[:19]]
	    if row[20]:
	        fields.append("allow_future")
	    for v in fields:
	        h.update(b"-\n" if v is None else b"%d:%s\n" % (len(v.encode()), v.encode()))
	    if h.hexdigest() != row[19]:
	        print(row[0])
	EOF
}

test_expect_success 'setup: an opening balance and an entry of the past' '
	fund-ledger -q opening 2026-01-01 1000 --fund general --account bank >/dev/null &&
	fund-ledger -q opening 2026-01-01 100 --fund general --account cash >/dev/null &&
	fund-ledger -q add 2026-03-01 200 402 >/dev/null &&
	test "$(db_query "SELECT group_concat(allow_future) FROM ledger_entries")" = "0,0,0"
'

test_expect_success 'an entry dated after today is refused (65), named, nothing written' '
	refused 65 "date 2099-03-01 is after today (....-..-..): a typo? give --allow-future if it is meant" \
		add 2099-03-01 500 other-income &&
	refused 65 "date 2099-01-01 is after today" opening 2099-01-01 5 --fund hardship --account bank &&
	refused 65 "date 2099-03-02 is after today" transfer 2099-03-02 10 --from general --to general:cash &&
	refused 65 "date 2099-03-03 is after today" void 3 --reason 录错 --date 2099-03-03 &&
	refused 65 "--month .2099-01.: its dues are dated its last day: date 2099-01-31 is after today" \
		dues --month 2099-01
'

test_expect_success 'an import with a date after today: FILE:LINE, nothing written' '
	cat >future.csv <<-\EOF &&
	date,category,amount,memo
	2026-03-05,408,10.00,ok
	2099-03-05,408,20.00,typo
	EOF
	db_dump >before &&
	test_expect_code 65 fund-ledger import future.csv 2>err &&
	test_grep "^fund-ledger: future.csv:3: date 2099-03-05 is after today" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--allow-future writes it, marked; an entry of the past is not marked' '
	fund-ledger add --allow-future 2099-03-01 500 other-income >out &&
	echo 4 >expect &&
	test_cmp expect out &&
	fund-ledger -q import --allow-future future.csv &&
	db_query "SELECT id, date, amount, allow_future FROM ledger_entries WHERE id > 3" >actual &&
	cat >expect <<-\EOF &&
	4|2099-03-01|50000|1
	5|2026-03-05|1000|0
	6|2099-03-05|2000|1
	EOF
	test_cmp expect actual
'

test_expect_success 'the hashes: the old 19 fields for an unmarked entry, the mark added to a marked one' '
	test -z "$(rehash)" &&
	fund-ledger verify 2>err &&
	test_grep "verified 6 entries" err
'

test_expect_success 'verify catches a mark set or taken off behind the tools back (65, the entry named)' '
	cp union.db flipped.db &&
	db_query "UPDATE ledger_entries SET allow_future = 0 WHERE id = 4" flipped.db &&
	test_expect_code 65 fund-ledger -d flipped.db verify 2>err &&
	test_grep "^fund-ledger: entry 4 (2099-03-01): its content does not match its hash" err &&
	cp union.db set.db &&
	db_query "UPDATE ledger_entries SET allow_future = 1 WHERE id = 3" set.db &&
	test_expect_code 65 fund-ledger -d set.db verify 2>err &&
	test_grep "^fund-ledger: entry 3 (2026-03-01): its content does not match its hash" err
'

test_expect_success 'balance reads to today: an entry dated later counts from its day (--at)' '
	fund-ledger balance -f csv >today.csv &&
	test_grep "^general,工会经费,1310.00,0.00,1310.00$" today.csv &&
	fund-ledger balance --by month -f csv >months.csv &&
	test_must_fail grep -q "^2099-" months.csv &&
	fund-ledger balance --at 2099-12-31 -f csv >later.csv &&
	test_grep "^general,工会经费,1830.00,0.00,1830.00$" later.csv &&
	fund-ledger balance --at 2099-03-01 -f csv >day.csv &&
	test_grep "^general,工会经费,1810.00,0.00,1810.00$" day.csv
'

test_expect_success 'a negative AMOUNT: 65, named as an amount with the way to record a refund' '
	refused 65 "amount must be positive, not .-500. (the category gives the direction): money coming back, a refund, is an income entry (e.g. other-income); a wrong entry is undone with fund-ledger void ID" \
		add 2026-03-01 -500 other-income &&
	refused 65 "amount must be positive, not .-12.50." --memo x add 2026-03-01 -12.50 408 &&
	refused 65 "amount must be positive, not .-5." transfer 2026-03-01 -5 --from general --to general:cash &&
	refused 65 "amount must be positive, not .-5." opening 2026-01-01 -5 --fund hardship --account bank &&
	test_must_fail grep -q "invalid option" err
'

test_expect_success 'a negative number as an option value is only a value' '
	fund-ledger add 2026-03-02 5 408 --memo -500 >out &&
	test "$(db_query "SELECT memo FROM ledger_entries WHERE id = $(cat out)")" = -500
'

test_expect_success 'add --dry-run prints the entry it would add, without id or hash, writes nothing' '
	db_dump >before &&
	fund-ledger add --dry-run 2026-03-10 50 408 --memo 退款 --voucher R-1 -f csv >out 2>err &&
	cat >expect <<-\EOF &&
	id,date,fund,account,direction,category,category_name,subcategory,amount,member_no,activity_id,voucher,memo,void_of,hash
	,2026-03-10,general,bank,in,408,其他收入,,50.00,,,R-1,退款,,
	EOF
	test_cmp expect out &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'dry-run -f json: one object, id null; a transfer shows both halves' '
	fund-ledger add --dry-run 2026-03-10 50 408 -f json >out.json &&
	python3 -c "
import json
rows = json.load(open(\"out.json\"))
assert len(rows) == 1 and rows[0][\"id\"] is None and rows[0][\"amount\"] == \"50.00\", rows
" &&
	fund-ledger transfer --dry-run 2026-03-11 30 --from general --to general:cash -f csv >t.csv &&
	cut -d, -f1-6,9 t.csv >actual &&
	cat >expect <<-\EOF &&
	id,date,fund,account,direction,category,amount
	,2026-03-11,general,bank,out,transfer-out,30.00
	,2026-03-11,general,cash,in,transfer-in,30.00
	EOF
	test_cmp expect actual &&
	db_dump >after &&
	test_cmp before after
'

test_done
