#!/bin/sh
# Concurrency: at the same moment, 4 `fund-ledger import`
# of 2500 entries each (one transaction each), 4 loops of 10 single
# `fund-ledger add`, 2 loops of 10 `dispute-log open` and 4 `member-add` of
# small files, all into one database. Every process exits 0, every row lands,
# case numbers are unique, the hash chain verifies, and no "locked" or
# "busy" message reaches any process's stderr.
. "$(dirname "$0")/lib.sh"

# gen_income N P: N incomes (category 402) of 1.00..99.99 yuan on days of
# 2025, memo "进程P-i", and the sum in fen to sum.P.
gen_income() {
	awk -v n="$1" -v p="$2" 'BEGIN {
		print "date,fund,account,category,subcategory,amount,member_no,voucher,memo"
		for (i = 1; i <= n; i++) {
			fen = (i * 37 + p) % 9900 + 100
			tot += fen
			printf "2025-%02d-%02d,general,bank,402,,%d.%02d,,,进程%d-%d\n", i % 12 + 1, i % 28 + 1, int(fen / 100), fen % 100, p, i
		}
		printf "%d\n", tot > ("sum." p)
	}'
}

# race DB: everything at once; each process's exit code to rc.NAME,
# stderr to err.NAME.
race() {
	rm -f rc.* err.* out.*
	for p in 1 2 3 4; do
		(fund-ledger -d "$1" import in.$p.csv >out.imp$p 2>err.imp$p; echo $? >rc.imp$p) &
		(
			for j in $(seq 10); do
				fund-ledger -d "$1" add 2025-06-$((10 + j)) $p$j.00 402 --account cash \
					--memo "单笔$p-$j" >>out.add$p 2>>err.add$p || echo "add $j: $?" >>rc.add$p
			done
			echo 0 >>rc.add$p
		) &
		(member-add -d "$1" staff.$p.csv >out.mem$p 2>err.mem$p; echo $? >rc.mem$p) &
	done
	for p in 1 2; do
		(
			for j in $(seq 10); do
				dispute-log -d "$1" open --received 2026-01-0$p --category wages \
					--employer "单位$p" --workers $j --summary "并发$p-$j" \
					>>out.dis$p 2>>err.dis$p || echo "open $j: $?" >>rc.dis$p
			done
			echo 0 >>rc.dis$p
		) &
	done
	wait
}

test_expect_success 'setup: a database with an opening; input files' '
	fund-ledger opening 2025-01-01 1000.00 --fund general --account bank >/dev/null &&
	fund-ledger opening 2025-01-01 100.00 --fund general --account cash >/dev/null &&
	for p in 1 2 3 4; do
		gen_income 2500 $p >in.$p.csv &&
		gen_staff 50 $((p * 1000)) >staff.$p.csv || exit 1
	done &&
	test "$(cat in.*.csv | wc -l)" = 10004 &&
	test "$(db_query "SELECT count(*) FROM ledger_entries")" = 2
'

test_expect_success 'all at once: every process exits 0, no locked or busy message' '
	start=$(date +%s) &&
	race "$UNIONKIT_DB" &&
	echo "# race took $(($(date +%s) - start))s" &&
	for f in rc.*; do
		test "$(cat $f)" = 0 || { echo "$f: $(cat $f)" >&2; cat err.${f#rc.} >&2; exit 1; }
	done &&
	test "$(ls rc.* | wc -l)" = 14 &&
	cat err.* >errs &&
	test_must_fail grep -i -e locked -e busy errs &&
	for p in 1 2 3 4; do
		echo "fund-ledger: added 2500, unchanged 0" >expect &&
		test_cmp expect err.imp$p &&
		test_grep "^member-add: added 50, updated 0, unchanged 0, missing" err.mem$p &&
		test_must_fail test -s err.add$p || exit 1
	done &&
	test_must_fail test -s err.dis1 &&
	test_must_fail test -s err.dis2
'

test_expect_success 'every ledger row landed: 10000 imported, 40 added, sums by process' '
	test "$(db_query "SELECT count(*) FROM ledger_entries")" = 10042 &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE account = '\''bank'\'' AND category = '\''402'\''")" = 10000 &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE memo LIKE '\''单笔%'\''")" = 40 &&
	test "$(db_query "SELECT count(DISTINCT memo) FROM ledger_entries WHERE memo LIKE '\''单笔%'\''")" = 40 &&
	for p in 1 2 3 4; do
		test "$(db_query "SELECT count(*), sum(amount) FROM ledger_entries WHERE memo LIKE '\''进程$p-%'\''")" = "2500|$(cat sum.$p)" || exit 1
		test "$(db_query "SELECT count(*), sum(amount) FROM ledger_entries WHERE memo LIKE '\''单笔$p-%'\''")" = "10|$(( (190 * p + 55) * 100 ))" || exit 1
	done &&
	test "$(cat out.add* | sort -n | uniq | wc -l)" = 40
'

test_expect_success 'the hash chain and balances verify' '
	fund-ledger verify >out 2>err &&
	test_grep "verified 10042 entries" err
'

test_expect_success 'disputes: 20 cases, numbers unique and 2026-0001..2026-0020' '
	cat out.dis1 out.dis2 | sort >numbers &&
	seq -f "2026-%04g" 1 20 >expect &&
	test_cmp expect numbers &&
	test "$(db_query "SELECT count(*), count(DISTINCT case_no) FROM disputes")" = "20|20"
'

test_expect_success 'members: all 200 in, member numbers unique' '
	test "$(db_query "SELECT count(*), count(DISTINCT member_no), count(DISTINCT employee_no) FROM members")" = "200|200|200" &&
	test "$(db_query "PRAGMA integrity_check")" = ok
'

test_done
