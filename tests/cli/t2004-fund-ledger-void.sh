#!/bin/sh
# fund-ledger void ID --reason: entries are never updated or deleted; a void
# writes a reversing entry linked to the original (void_of), which stays. A
# void cannot be voided, nor an entry twice; a transfer is voided whole.
. "$(dirname "$0")/lib.sh"

# refused CODE PATTERN ARGS...: fund-ledger refuses, changing nothing.
refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" fund-ledger "$@"; }

# row ID: the stored entry, every column but the time stamp.
row() {
	db_query "SELECT id, date, fund, account, direction, category, coalesce(subcategory, '-'),
		amount, coalesce(voucher, '-'), coalesce(memo, '-'), coalesce(void_of, '-'),
		coalesce(transfer_of, '-'), prev_hash, hash FROM ledger_entries WHERE id = $1"
}

balance_of() {
	fund-ledger balance --by account -f csv | grep "^$1,$2," | cut -d, -f5
}

test_expect_success 'setup: a small book' '
	fund-ledger -q opening 2026-01-01 5000 --fund general --account bank >/dev/null &&
	fund-ledger -q opening 2026-01-01 300 --fund general --account cash >/dev/null &&
	fund-ledger -q add 2026-01-15 1200 402 --voucher 2026-001 >/dev/null &&
	fund-ledger -q add 2026-01-20 800 "50205/春节慰问" --voucher 2026-002 --memo 慰问 >/dev/null &&
	fund-ledger -q transfer 2026-02-01 500 --from general:bank --to general:cash --memo 备用金 >/dev/null &&
	test "$(db_query "SELECT count(*) FROM ledger_entries")" = 6 &&
	test "$(balance_of general bank)" = 4900.00 &&
	test "$(balance_of general cash)" = 800.00
'

test_expect_success 'void prints the id of the reversing entry; the original stays as it was' '
	row 4 >original &&
	fund-ledger void 4 --reason 金额录错 >out 2>err &&
	echo 7 >expect &&
	test_cmp expect out &&
	row 4 >after &&
	test_cmp original after &&
	db_query "SELECT date, fund, account, direction, category, subcategory, amount, void_of, memo
		FROM ledger_entries WHERE id = 7" >actual &&
	echo "2026-01-20|general|bank|in|50205|春节慰问|80000|4|void of 4: 金额录错" >expect &&
	test_cmp expect actual &&
	test "$(balance_of general bank)" = 5700.00
'

test_expect_success 'ls shows both, the reversal with void_of' '
	fund-ledger ls -f csv --month 2026-01 | cut -d, -f1,5,6,9,14 >actual &&
	cat >expect <<-\EOF &&
	id,direction,category,amount,void_of
	1,in,opening,5000.00,
	2,in,opening,300.00,
	3,in,402,1200.00,
	4,out,50205,800.00,
	7,in,50205,800.00,4
	EOF
	test_cmp expect actual
'

test_expect_success 'a void of a void is refused (65)' '
	refused 65 "entry 7 is itself a void" void 7 --reason again
'

test_expect_success 'a second void of the same entry is refused (65)' '
	refused 65 "entry 4 is already voided" void 4 --reason again
'

test_expect_success 'void: no such entry 65; no --reason, no id or a bad id 64' '
	refused 65 "no entry 99" void 99 --reason x &&
	refused 64 "reason" void 3 &&
	refused 64 "ID" void --reason x &&
	refused 64 "abc" void abc --reason x &&
	refused 64 "" void 3 4 --reason x
'

test_expect_success 'void --date: the reversal on another day, never before the entry' '
	fund-ledger void 3 --reason 退回拨缴 --date 2026-02-10 >out &&
	test "$(db_query "SELECT date, direction, void_of FROM ledger_entries WHERE id = $(cat out)")" = "2026-02-10|out|3" &&
	refused 65 "before its entry" void 1 --reason x --date 2025-12-31 &&
	refused 65 "2026-02-30" void 2 --reason x --date 2026-02-30
'

test_expect_success 'a void that would overdraw the fund is refused (65)' '
	refused 65 "overdraft" void 1 --reason x
'

test_expect_success 'a transfer is voided whole: both halves reversed, by either id' '
	fund-ledger void 6 --reason 转错账户 >out 2>err &&
	id=$(cat out) &&
	db_query "SELECT fund, account, direction, category, amount, void_of
		FROM ledger_entries WHERE void_of IN (5, 6) ORDER BY void_of" >actual &&
	cat >expect <<-\EOF &&
	general|bank|in|transfer-out|50000|5
	general|cash|out|transfer-in|50000|6
	EOF
	test_cmp expect actual &&
	test "$(db_query "SELECT void_of FROM ledger_entries WHERE id = $id")" = 5 &&
	test "$(balance_of general bank)" = 5000.00 &&
	test "$(balance_of general cash)" = 300.00 &&
	refused 65 "already voided" void 5 --reason again &&
	refused 65 "already voided" void 6 --reason again
'

test_expect_success 'voiding the out half of another transfer reverses both too' '
	fund-ledger -q transfer 2026-03-01 100 --from general:bank --to hardship:bank >out &&
	tid=$(cat out) &&
	fund-ledger void "$tid" --reason 不该转 >/dev/null &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE void_of IN ($tid, $tid + 1)")" = 2 &&
	fund-ledger balance -f csv | grep "^hardship," | cut -d, -f5 >actual &&
	echo 0.00 >expect &&
	test_cmp expect actual
'

test_expect_success 'nothing was ever updated or deleted: ids 1..N, and verify is clean' '
	test "$(db_query "SELECT count(*) = max(id) FROM ledger_entries")" = 1 &&
	fund-ledger verify 2>err &&
	test_grep "the chain and every balance match" err
'

test_done
