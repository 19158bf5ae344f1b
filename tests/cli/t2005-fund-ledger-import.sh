#!/bin/sh
# fund-ledger import [FILE|-]: CSV, JSON, NDJSON, checked like add, all or
# nothing (65, every bad record named FILE:LINE), --skip-bad (exit 1),
# --rejects, --dry-run; the same file again changes nothing; and the output
# of `fund-ledger ls` read back into a new database gives the same books,
# transfers and voids included.
. "$(dirname "$0")/lib.sh"

# books [DB]: the balances by account, category and month.
books() {
	for by in account category month; do
		fund-ledger -d "${1:-$UNIONKIT_DB}" balance --by $by -f csv || return 1
	done
}

# listing [DB]: ls without the id and hash columns (those are the database's own).
listing() {
	fund-ledger -d "${1:-$UNIONKIT_DB}" ls -f csv | cut -d, -f2-13
}

# members DB: the example members, 000002 with hardship 'relative' from 2026-01-01.
members() {
	member-add -d "$1" -q --skip-bad "$UK_TOP/examples/hr-2026-11-gb18030.csv" 2>/dev/null
	member-set -d "$1" -q --skip-bad "$UK_TOP/examples/member-changes.csv" 2>/dev/null
	test "$(db_query "SELECT hardship FROM members WHERE member_no = ${SQ}000002${SQ}" "$1")" = relative
}

# fen_by_fund CSV: each fund's balance from the example file, worked out
# here (income classes 4xx, opening and transfer-in add; the rest take).
fen_by_fund() {
	awk -F, 'NR > 1 {
		n = split($6, p, ".")
		fen = p[1] * 100 + (n > 1 ? substr(p[2] "00", 1, 2) : 0)
		sign = ($4 ~ /^(4|opening|transfer-in)/) ? 1 : -1
		bal[$2] += sign * fen
	} END { for (f in bal) printf "%s %d.%02d\n", f, bal[f] / 100, bal[f] % 100 }' "$1" | sort
}

test_expect_success 'a year of entries from CSV: every row in, the balances as worked out by hand' '
	members "$UNIONKIT_DB" &&
	fund-ledger import "$UK_TOP/examples/ledger-2026.csv" >out 2>err &&
	echo "fund-ledger: added 60, unchanged 0" >expect &&
	test_cmp expect err &&
	test_must_fail test -s out &&
	test "$(db_query "SELECT count(*) FROM ledger_entries")" = 64 &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE transfer_of IS NOT NULL")" = 4 &&
	fen_by_fund "$UK_TOP/examples/ledger-2026.csv" >expect &&
	fund-ledger balance -f csv | sed "1d;/^total,/d" | awk -F, "\$5 != \"0.00\" { print \$1, \$5 }" >actual &&
	test_cmp expect actual &&
	fund-ledger verify 2>err
'

test_expect_success 'the same file again: every record unchanged, nothing written, the balances as they were' '
	books >books.before &&
	db_dump >before &&
	fund-ledger import "$UK_TOP/examples/ledger-2026.csv" >out 2>err &&
	echo "fund-ledger: added 0, unchanged 60" >expect &&
	test_cmp expect err &&
	test_must_fail test -s out &&
	db_dump >after &&
	test_cmp before after &&
	fund-ledger import --skip-bad "$UK_TOP/examples/ledger-2026.csv" 2>err &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after &&
	books >books.after &&
	test_cmp books.before books.after
'

test_expect_success 'JSON and NDJSON (from a file and from stdin) give the same books' '
	union-config -q init --db j.db &&
	fund-ledger -d j.db import "$DATA/ledger-book.json" 2>err &&
	test_grep "added 5, unchanged 0" err &&
	union-config -q init --db n.db &&
	fund-ledger -d n.db import - <"$DATA/ledger-book.ndjson" 2>err &&
	test_grep "added 5, unchanged 0" err &&
	listing j.db >j.csv &&
	listing n.db >n.csv &&
	test_cmp j.csv n.csv &&
	cat >expect <<-\EOF &&
	date,fund,account,direction,category,category_name,subcategory,amount,member_no,activity_id,voucher,memo
	2026-01-01,general,bank,in,opening,期初余额,,20000.00,,,,期初
	2026-01-15,general,bank,in,402,拨缴经费收入,,8000.00,,,J-001,1月拨缴经费
	2026-01-20,general,bank,out,502,维权支出,送温暖,300.00,,,J-002,慰问
	2026-02-01,general,bank,out,transfer-out,转出,,200.00,,,,备用金
	2026-02-01,general,cash,in,transfer-in,转入,,200.00,,,,备用金
	2026-02-05,general,cash,out,50104,其他活动支出,,50.00,,,J-003,零星支出
	EOF
	test_cmp expect j.csv &&
	test "$(db_query "SELECT transfer_of FROM ledger_entries WHERE id = 5" j.db)" = 4
'

test_expect_success 'all or nothing: every bad record named FILE:LINE in order, exit 65, nothing written' '
	cp "$DATA/ledger-bad.csv" bad.csv &&
	union-config -q init --db b.db &&
	fund-ledger -q -d b.db opening 2025-12-01 1 --fund mutual-aid --account cash >/dev/null &&
	db_dump b.db >before &&
	test_expect_code 65 fund-ledger -d b.db import bad.csv >out 2>err &&
	cat >expect <<-\EOF &&
	fund-ledger: bad.csv:4: unknown category '"'"'999'"'"' (fund-ledger categories lists them)
	fund-ledger: bad.csv:5: more than two decimals in amount '"'"'1.005'"'"'
	fund-ledger: bad.csv:6: voucher '"'"'V-001'"'"' is already used in 2026
	fund-ledger: bad.csv:7: no day 30 in February 2026 in date '"'"'2026-02-30'"'"'
	EOF
	head -4 err >actual &&
	test_cmp expect actual &&
	test_grep "^fund-ledger: bad.csv:8: .*negative.*-5.00" err &&
	test_grep "^fund-ledger: bad.csv:9: .*transfer-in" err &&
	test_grep "^fund-ledger: bad.csv:10: unknown fund .nofund." err &&
	test_grep "^fund-ledger: 7 bad records: nothing written" err &&
	test "$(wc -l <err)" = 8 &&
	test_must_fail test -s out &&
	db_dump b.db >after &&
	test_cmp before after
'

test_expect_success 'bad JSON and NDJSON records are named by their line too' '
	printf "{\"date\":\"2026-03-01\",\"category\":\"408\",\"amount\":\"1.00\"}\n{\"date\":\"2026-03-01\",\"category\":\"999\",\"amount\":\"1.00\"}\n{\"date\":\"2026-03-01\",\"category\":\"408\",\"amount\":\"1.001\"}\n" >bad.ndjson &&
	db_dump b.db >before &&
	test_expect_code 65 fund-ledger -d b.db import bad.ndjson 2>err &&
	test_grep "^fund-ledger: bad.ndjson:2: unknown category" err &&
	test_grep "^fund-ledger: bad.ndjson:3: more than two decimals" err &&
	printf "[\n{\"date\":\"2026-03-01\",\"category\":\"408\",\"amount\":\"1.00\"},\n{\"date\":\"2026-03-01\",\"category\":\"dues\",\"amount\":\"-1.00\"}\n]\n" >bad.json &&
	test_expect_code 65 fund-ledger -d b.db import bad.json 2>err &&
	test_grep "^fund-ledger: bad.json:3: .*negative" err &&
	printf "[{\"date\":\"2026-03-01\",\"category\":\"408\"" >broken.json &&
	test_expect_code 65 fund-ledger -d b.db import broken.json 2>err &&
	test_grep "^fund-ledger: broken.json:1: .*JSON" err &&
	db_dump b.db >after &&
	test_cmp before after
'

test_expect_success '--skip-bad writes the good records and exits 1' '
	test_expect_code 1 fund-ledger -d b.db import --skip-bad bad.csv >out 2>err &&
	test_grep "^fund-ledger: bad.csv:4: unknown category" err &&
	test_grep "^fund-ledger: added 3, unchanged 0, skipped 7$" err &&
	db_query "SELECT date, category, amount, coalesce(voucher, ${SQ}-${SQ}) FROM ledger_entries WHERE id > 1 ORDER BY id" b.db >actual &&
	cat >expect <<-\EOF &&
	2026-01-01|opening|1000000|-
	2026-01-15|402|500000|V-001
	2026-01-21|50102|20000|V-002
	EOF
	test_cmp expect actual
'

test_expect_success '--rejects writes the bad records back with an error column' '
	union-config -q init --db r.db &&
	test_expect_code 1 fund-ledger -d r.db import --skip-bad --rejects rejects.csv bad.csv 2>err &&
	head -1 rejects.csv >actual &&
	echo "date,fund,account,category,subcategory,amount,member_no,voucher,memo,error" >expect &&
	test_cmp expect actual &&
	test "$(sed 1d rejects.csv | wc -l)" = 7 &&
	sed 1d rejects.csv | cut -d, -f1,4,9 >actual &&
	cat >expect <<-\EOF &&
	2026-01-16,999,未知科目
	2026-01-17,50102,三位小数
	2026-01-18,50102,重复凭证
	2026-02-30,50102,坏日期
	2026-01-20,50102,负数
	2026-01-21,transfer-in,只有转入
	2026-01-21,50102,未知基金
	EOF
	test_cmp expect actual &&
	test_grep "^2026-01-16,general,bank,999,,10.00,,,未知科目,unknown category .999." rejects.csv
'

test_expect_success 'the rejects, fixed, import cleanly' '
	sed -e "1s/,error\$//" -e "1!{" -e "s/,\"[^\"]*\"\$//" -e t -e "s/,[^,]*\$//" -e "}" rejects.csv |
	sed -e "s/,999,/,408,/" -e "s/1\.005/1.05/" -e "s/,V-001,/,V-003,/" -e "s/2026-02-30/2026-02-28/" \
	    -e "s/-5\.00/5.00/" -e "/只有转入/d" -e "s/nofund/general/" >fixed.csv &&
	test "$(grep -c . fixed.csv)" = 7 &&
	test_must_fail grep -q "amounts are positive" fixed.csv &&
	fund-ledger -d r.db import fixed.csv 2>err &&
	test_grep "added 6, unchanged 0" err
'

test_expect_success '--dry-run: checked and counted, nothing written' '
	db_dump j.db >before &&
	printf "date,category,amount,voucher\n2026-03-01,408,10.00,D-1\n2026-03-02,50102,5.00,D-2\n" >more.csv &&
	fund-ledger -d j.db import --dry-run more.csv >out 2>err &&
	test_grep "^fund-ledger: dry run, nothing written: added 2, unchanged 0" err &&
	db_dump j.db >after &&
	test_cmp before after &&
	test_expect_code 65 fund-ledger -d j.db import --dry-run bad.csv 2>err &&
	test_grep "bad.csv:4:" err &&
	db_dump j.db >after &&
	test_cmp before after
'

test_expect_success 'a transfer-out without its transfer-in is refused' '
	printf "date,fund,account,category,amount\n2026-03-01,general,bank,transfer-out,10.00\n2026-03-01,general,bank,408,10.00\n" >half.csv &&
	db_dump j.db >before &&
	test_expect_code 65 fund-ledger -d j.db import half.csv 2>err &&
	cat >expect <<-\EOF &&
	fund-ledger: half.csv:2: a transfer-out record with no transfer-in record after it
	fund-ledger: 1 bad record: nothing written (fix them, or --skip-bad to add the rest)
	EOF
	test_cmp expect err &&
	db_dump j.db >after &&
	test_cmp before after
'

test_expect_success 'round trip: ls -f csv into a new database gives the same books (transfers, a void)' '
	fund-ledger -q void 4 --reason 金额录错 >/dev/null &&
	fund-ledger -q void 30 --reason 重复入账 --date 2026-07-01 >/dev/null &&
	fund-ledger ls -f csv >book.csv &&
	union-config -q init --db rt.db &&
	members rt.db &&
	fund-ledger -d rt.db import book.csv 2>err &&
	test_grep "added 62, unchanged 0" err &&
	books >expect &&
	books rt.db >actual &&
	test_cmp expect actual &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE void_of IS NOT NULL" rt.db)" = 2 &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE transfer_of IS NOT NULL" rt.db)" = 4 &&
	fund-ledger -d rt.db verify 2>err
'

test_expect_success 'round trip through JSON (ls -f json) as well' '
	fund-ledger ls -f json >book.json &&
	union-config -q init --db rtj.db &&
	members rtj.db &&
	fund-ledger -d rtj.db import book.json 2>err &&
	books >expect &&
	books rtj.db >actual &&
	test_cmp expect actual
'

test_expect_success 'round trip with a voided transfer: the same books' '
	fund-ledger -q void 14 --reason 未提取 >/dev/null &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE void_of IN (14, 15)")" = 2 &&
	fund-ledger ls -f csv >book2.csv &&
	union-config -q init --db rt2.db &&
	members rt2.db &&
	{ fund-ledger -d rt2.db import book2.csv 2>err >out ||
	{ cat err >&2; exit 1; }; } &&
	books >expect &&
	books rt2.db >actual &&
	test_cmp expect actual &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE void_of IS NOT NULL" rt2.db)" = 4
'

test_done
