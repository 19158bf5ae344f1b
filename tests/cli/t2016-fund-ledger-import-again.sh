#!/bin/sh
# fund-ledger import writes a transfer whole or not at all, with --skip-bad
# too: a bad half skips both, each named at its line and written to the
# rejects; a transfer-out followed by another record is refused alone.
. "$(dirname "$0")/lib.sh"

test_expect_success 'a file without vouchers but for one entry: an opening, a transfer, dues' '
	cat >l.csv <<-\EOF &&
	date,fund,account,category,amount,voucher,memo
	2026-01-01,general,bank,opening,1000,,结转
	2026-03-01,general,bank,transfer-out,100,,备用金
	2026-03-01,general,cash,transfer-in,100,,备用金
	2026-03-02,general,bank,401,50,V1,会费
	EOF
	fund-ledger import l.csv >out 2>err &&
	echo "fund-ledger: added 3, skipped 0" >expect &&
	test_cmp expect err &&
	test_must_fail test -s out &&
	test "$(db_query "SELECT count(*) FROM ledger_entries")" = 4
'

test_expect_success 'a bad half refuses its transfer whole: both named at their lines, nothing written' '
	cat >halves.csv <<-\EOF &&
	date,fund,account,category,amount,memo
	2026-04-01,general,bank,transfer-out,10,甲
	2026-04-01,general,safe,transfer-in,10,甲
	2026-04-02,nofund,bank,transfer-out,10,乙
	2026-04-02,general,cash,transfer-in,10,乙
	2026-04-03,general,bank,transfer-out,10,丙
	2026-04-03,general,bank,408,10,丙
	2026-04-04,general,bank,transfer-out,10,丁
	2026-04-04,general,cash,transfer-in,11,丁
	2026-04-05,general,bank,transfer-out,10,戊
	EOF
	db_dump >before &&
	test_expect_code 65 fund-ledger import halves.csv >out 2>err &&
	cat >expect <<-\EOF &&
	fund-ledger: halves.csv:2: the transfer-out record is skipped with its transfer-in record of line 3: a transfer is imported whole or not at all
	fund-ledger: halves.csv:3: unknown account '"'"'safe'"'"' (cash or bank)
	fund-ledger: halves.csv:4: unknown fund '"'"'nofund'"'"' (fund-ledger fund ls)
	fund-ledger: halves.csv:5: the transfer-in record is skipped with its transfer-out record of line 4: a transfer is imported whole or not at all
	fund-ledger: halves.csv:6: a transfer-out record with no transfer-in record after it
	fund-ledger: halves.csv:8: the transfer-out record is skipped with its transfer-in record of line 9: a transfer is imported whole or not at all
	fund-ledger: halves.csv:9: the transfer-in record does not match the transfer-out record of line 8 (date and amount)
	fund-ledger: halves.csv:10: a transfer-out record with no transfer-in record after it
	fund-ledger: 8 bad records: nothing written (fix them, or --skip-bad to add the rest)
	EOF
	test_cmp expect err &&
	test_must_fail test -s out &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--skip-bad skips both halves, says so, writes both to the rejects: no half of a transfer written' '
	test_expect_code 1 fund-ledger import --skip-bad --rejects rejects.csv halves.csv 2>err &&
	test_grep "^fund-ledger: added 1, skipped 8$" err &&
	test "$(grep -c "skipped with its transfer" err)" = 3 &&
	db_query "SELECT date, category, memo FROM ledger_entries WHERE date LIKE ${SQ}2026-04-%${SQ} ORDER BY id" >actual &&
	echo "2026-04-03|408|丙" >expect &&
	test_cmp expect actual &&
	sed 1d rejects.csv | cut -d, -f1,4,6 >actual &&
	cat >expect <<-\EOF &&
	2026-04-01,transfer-out,甲
	2026-04-01,transfer-in,甲
	2026-04-02,transfer-out,乙
	2026-04-02,transfer-in,乙
	2026-04-03,transfer-out,丙
	2026-04-04,transfer-out,丁
	2026-04-04,transfer-in,丁
	2026-04-05,transfer-out,戊
	EOF
	test_cmp expect actual &&
	fund-ledger verify 2>err
'

test_done
