#!/bin/sh
# fund-ledger verify: the audit committee's check. Each entry's SHA-256
# covers its content and the previous entry's hash; verify recomputes the
# chain and every balance, and names the first entry that does not match
# (exit 65) when a row was edited behind the tools' back with sqlite3.
. "$(dirname "$0")/lib.sh"

# broken DB PATTERN: verify on DB exits 65, says PATTERN, prints nothing
# on stdout and changes nothing.
broken() {
	db_dump "$1" >before &&
	{ test_expect_code 65 fund-ledger -d "$1" verify >out 2>err || { cat err >&2; return 1; }; } &&
	test_grep "^fund-ledger: .*$2" err &&
	test_must_fail test -s out &&
	db_dump "$1" >after &&
	test_cmp before after
}

test_expect_success 'an empty book verifies' '
	union-config union.name 测试工会 &&
	fund-ledger verify >out 2>err &&
	echo "fund-ledger: verified 0 entries: the chain and every balance match" >expect &&
	test_cmp expect err &&
	test_must_fail test -s out
'

test_expect_success 'setup: a year of entries, a void and a voided transfer' '
	test_expect_code 1 member-add -q --skip-bad "$UK_TOP/examples/hr-2026-11-gb18030.csv" 2>/dev/null &&
	test_expect_code 1 member-set -q --skip-bad "$UK_TOP/examples/member-changes.csv" 2>/dev/null &&
	fund-ledger -q import "$UK_TOP/examples/ledger-2026.csv" &&
	fund-ledger -q void 8 --reason 重复 >/dev/null &&
	fund-ledger -q void 14 --reason 未提取 >/dev/null &&
	test "$(db_query "SELECT count(*) FROM ledger_entries")" = 67
'

test_expect_success 'clean books: exit 0 with the message, the database untouched' '
	db_dump >before &&
	fund-ledger verify >out 2>err &&
	echo "fund-ledger: verified 67 entries: the chain and every balance match" >expect &&
	test_cmp expect err &&
	test_must_fail test -s out &&
	db_dump >after &&
	test_cmp before after &&
	fund-ledger -q verify 2>err &&
	test_must_fail test -s err
'

test_expect_success 'every entry is chained to the one before it' '
	test "$(db_query "SELECT prev_hash FROM ledger_entries WHERE id = 1")" = 0000000000000000000000000000000000000000000000000000000000000000 &&
	test "$(db_query "SELECT count(*) FROM ledger_entries e JOIN ledger_entries p ON p.id = e.id - 1 WHERE e.prev_hash = p.hash")" = 66 &&
	test "$(db_query "SELECT count(DISTINCT hash) FROM ledger_entries WHERE length(hash) = 64")" = 67
'

test_expect_success 'an amount changed with sqlite3: 65, entry 3 named' '
	cp union.db amount.db &&
	sqlite3 amount.db "UPDATE ledger_entries SET amount=amount+1 WHERE id=3" &&
	broken amount.db "entry 3\b"
'

test_expect_success 'a memo, a date, a member, a void link changed: each found and named' '
	cp union.db memo.db &&
	sqlite3 memo.db "UPDATE ledger_entries SET memo = ${SQ}文体活动（改）${SQ} WHERE id = 20" &&
	broken memo.db "entry 20\b" &&
	cp union.db date.db &&
	sqlite3 date.db "UPDATE ledger_entries SET date = ${SQ}2026-02-01${SQ} WHERE id = 12" &&
	broken date.db "entry 12\b" &&
	cp union.db member.db &&
	sqlite3 member.db "UPDATE ledger_entries SET member_id = 3 WHERE id = 5" &&
	broken member.db "entry 5\b" &&
	cp union.db voidof.db &&
	sqlite3 voidof.db "UPDATE ledger_entries SET void_of = NULL WHERE id = 65" &&
	broken voidof.db "entry 65\b"
'

test_expect_success 'an amount and its hash both rewritten: the next entry names the break' '
	cp union.db rehash.db &&
	sqlite3 rehash.db "UPDATE ledger_entries SET amount = amount + 100, hash = ${SQ}0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef${SQ} WHERE id = 30" &&
	broken rehash.db "entry 3[01]\b"
'

test_expect_success 'a middle entry deleted: 65, the next entry named' '
	cp union.db deleted.db &&
	sqlite3 deleted.db "DELETE FROM ledger_entries WHERE id = 10" &&
	broken deleted.db "entry 11\b"
'

test_expect_success 'the last entry deleted: 65 (its balances no longer match)' '
	cp union.db last.db &&
	sqlite3 last.db "DELETE FROM ledger_entries WHERE id = 67" &&
	broken last.db "general:bank"
'

test_expect_success 'a kept total edited: 65, the fund, account and month named' '
	cp union.db totals.db &&
	sqlite3 totals.db "UPDATE ledger_totals SET amount_in = amount_in + 100 WHERE fund = ${SQ}general${SQ} AND account = ${SQ}bank${SQ} AND category = ${SQ}402${SQ} AND month = ${SQ}2026-03${SQ}" &&
	broken totals.db "general:bank.*2026-03" &&
	cp union.db totals2.db &&
	sqlite3 totals2.db "INSERT INTO ledger_totals VALUES (${SQ}hardship${SQ}, ${SQ}cash${SQ}, ${SQ}408${SQ}, ${SQ}2026-05${SQ}, 100000, 0)" &&
	broken totals2.db "hardship:cash.*2026-05"
'

test_expect_success 'an entry inserted behind the tools back: 65' '
	cp union.db inserted.db &&
	sqlite3 inserted.db "INSERT INTO ledger_entries(id, date, fund, account, direction, category, amount, recorded_at, prev_hash, hash)
		SELECT 68, ${SQ}2026-12-31${SQ}, ${SQ}general${SQ}, ${SQ}bank${SQ}, ${SQ}out${SQ}, ${SQ}508${SQ}, 100000, recorded_at, hash, hash FROM ledger_entries WHERE id = 67" &&
	broken inserted.db "entry 68\b\|general:bank"
'

test_expect_success 'the untouched books still verify' '
	fund-ledger verify 2>err &&
	test_grep "verified 67 entries" err
'

test_expect_success 'verify takes no arguments (64); a missing database is 66' '
	test_expect_code 64 fund-ledger verify extra 2>err &&
	test_expect_code 66 fund-ledger -d nowhere.db verify 2>err &&
	test_grep "nowhere.db" err &&
	test_must_fail test -e nowhere.db
'

test_done
