#!/bin/sh
# fund-ledger import is safe to run twice: a record of an entry already
# stored (every column it gives the stored entry's, read as add reads it)
# is unchanged and writes nothing, a transfer's two records together. A
# transfer is written whole or not at all, with --skip-bad too: a bad half
# skips both, each named at its line. And what ls writes in Chinese
# (--lang zh) imports back as the English listing does.
. "$(dirname "$0")/lib.sh"

# listing [DB]: ls without the hash column (the time written is in it).
listing() {
	fund-ledger -d "${1:-$UNIONKIT_DB}" ls -f csv | cut -d, -f1-14
}

# links [DB]: how the entries hang together: transfers, voids, members.
links() {
	db_query "SELECT id, coalesce(transfer_of, '-'), coalesce(void_of, '-'), coalesce(member_id, '-') FROM ledger_entries ORDER BY id" "${1:-$UNIONKIT_DB}"
}

test_expect_success 'a file without vouchers but for one entry: an opening, a transfer, dues' '
	cat >l.csv <<-\EOF &&
	date,fund,account,category,amount,voucher,memo
	2026-01-01,general,bank,opening,1000,,结转
	2026-03-01,general,bank,transfer-out,100,,备用金
	2026-03-01,general,cash,transfer-in,100,,备用金
	2026-03-02,general,bank,401,50,V1,会费
	EOF
	fund-ledger import l.csv >out 2>err &&
	echo "fund-ledger: added 3, unchanged 0" >expect &&
	test_cmp expect err &&
	test_must_fail test -s out &&
	test "$(db_query "SELECT count(*) FROM ledger_entries")" = 4
'

test_expect_success 'the same file again: every record unchanged, the transfer not posted again' '
	db_dump >before &&
	fund-ledger import l.csv >out 2>err &&
	echo "fund-ledger: added 0, unchanged 3" >expect &&
	test_cmp expect err &&
	test_must_fail test -s out &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'and again with --skip-bad: nothing to skip, nothing written, cash holds 100.00' '
	fund-ledger import --skip-bad l.csv 2>err &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after &&
	fund-ledger balance --by account -f csv >actual &&
	cat >expect <<-\EOF &&
	fund,account,in,out,balance
	general,bank,1050.00,100.00,950.00
	general,cash,100.00,0.00,100.00
	total,,1150.00,100.00,1050.00
	EOF
	test_cmp expect actual
'

test_expect_success 'an entry written otherwise (2026/3/2, 50, 工会经费, 银行, 会费收入) is the same entry' '
	cat >other.csv <<-\EOF &&
	日期,基金,账户,科目,金额,凭证号,摘要
	2026/3/2,工会经费,银行,会费收入,50,V1,会费
	2026年3月1日,工会经费,银行存款,转出,100.00,,备用金
	2026-3-1,经费,现金,转入,100.00,,备用金
	EOF
	fund-ledger import other.csv 2>err &&
	echo "fund-ledger: added 0, unchanged 2" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a record that differs in one column is a new entry, checked by every rule: refused, nothing written' '
	cat >changed.csv <<-\EOF &&
	date,fund,account,category,amount,voucher,memo
	2026-01-01,general,bank,opening,2000,,结转
	2026-03-02,general,bank,401,60,V1,会费
	2026-03-02,general,bank,401,50,,会费
	EOF
	test_expect_code 65 fund-ledger import changed.csv >out 2>err &&
	cat >expect <<-\EOF &&
	fund-ledger: changed.csv:2: general:bank already has its opening balance
	fund-ledger: changed.csv:3: voucher '"'"'V1'"'"' is already used in 2026
	fund-ledger: 2 bad records: nothing written (fix them, or --skip-bad to add the rest)
	EOF
	test_cmp expect err &&
	test_must_fail test -s out &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--skip-bad writes the one that is new: the entry without its voucher' '
	test_expect_code 1 fund-ledger import --skip-bad changed.csv 2>err &&
	test_grep "^fund-ledger: added 1, unchanged 0, skipped 2$" err &&
	db_query "SELECT date, category, amount, coalesce(voucher, ${SQ}-${SQ}) FROM ledger_entries WHERE id > 4" >actual &&
	echo "2026-03-02|401|5000|-" >expect &&
	test_cmp expect actual
'

test_expect_success 'a file holding an entry twice adds two, and the next time matches both' '
	printf "date,category,amount,memo\n2026-03-10,408,5.00,退款\n2026-03-10,408,5.00,退款\n" >twice.csv &&
	fund-ledger import twice.csv 2>err &&
	test_grep "^fund-ledger: added 2, unchanged 0$" err &&
	fund-ledger import twice.csv 2>err &&
	test_grep "^fund-ledger: added 0, unchanged 2$" err &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE memo = ${SQ}退款${SQ}")" = 2
'

test_expect_success 'a voided entry imported again stays voided: unchanged, not added back' '
	id=$(db_query "SELECT max(id) FROM ledger_entries WHERE memo = ${SQ}退款${SQ}") &&
	fund-ledger -q void $id --reason 重复 >/dev/null &&
	db_dump >before &&
	fund-ledger import twice.csv 2>err &&
	test_grep "^fund-ledger: added 0, unchanged 2$" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'what ls writes, voids and transfers with it, imported into its own books: unchanged' '
	fund-ledger ls -f csv >ls.csv &&
	fund-ledger import ls.csv >out 2>err &&
	echo "fund-ledger: added 0, unchanged 7" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a void dated otherwise than the stored one is refused: the entry is voided already' '
	id=$(db_query "SELECT void_of FROM ledger_entries WHERE void_of IS NOT NULL") &&
	void=$(grep ",$id,[0-9a-f]*\$" ls.csv) &&
	test -n "$void" &&
	{ head -1 ls.csv && grep "^$id," ls.csv && echo "$void" | sed "s/^\([0-9]*\),2026-03-10,/\1,2026-03-11,/"; } >redated.csv &&
	test_expect_code 65 fund-ledger import redated.csv 2>err &&
	test_grep "^fund-ledger: redated.csv:3: entry $id is already voided$" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'an entry stored with --allow-future is unchanged without it' '
	printf "date,category,amount,memo\n2099-01-01,408,1.00,将来\n" >future.csv &&
	fund-ledger import --allow-future future.csv 2>err &&
	test_grep "^fund-ledger: added 1, unchanged 0$" err &&
	db_dump >before &&
	fund-ledger import future.csv 2>err &&
	test_grep "^fund-ledger: added 0, unchanged 1$" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'aid given with --force is unchanged without it: a record found stored is not checked again' '
	member-add -q --name 钱二 --id-card 110105198102020029 &&
	fund-ledger -q opening 2026-01-01 500 --fund hardship --account bank >/dev/null &&
	fund-ledger -q add 2026-03-20 200 50204 --fund hardship --member 000001 --force --reason 家中火灾 >/dev/null &&
	fund-ledger ls --fund hardship -f csv >aid.csv &&
	db_dump >before &&
	fund-ledger import aid.csv 2>err &&
	test_grep "^fund-ledger: added 0, unchanged 2$" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'the same transfer to another place is another transfer, added whole' '
	printf "date,fund,account,category,amount,memo\n2026-03-01,general,bank,transfer-out,100,备用金\n2026-03-01,hardship,bank,transfer-in,100,备用金\n" >elsewhere.csv &&
	fund-ledger import elsewhere.csv 2>err &&
	test_grep "^fund-ledger: added 1, unchanged 0$" err &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE transfer_of IS NOT NULL")" = 2
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
	test_grep "^fund-ledger: added 1, unchanged 0, skipped 8$" err &&
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

test_expect_success 'setup: books with a fund of their own, a member, a subcategory and a voided transfer' '
	union-config -q init --db src.db &&
	member-add -d src.db -q --name 赵一 --id-card 110105198001010016 &&
	fund-ledger -d src.db -q fund add building --title 职工之家建设基金 &&
	fund-ledger -d src.db -q opening 2026-01-01 5000 --fund general --account bank >/dev/null &&
	fund-ledger -d src.db -q transfer 2026-03-01 100 --from general:bank --to general:cash --voucher T-1 --memo 备用金 >out &&
	out=$(cat out) &&
	fund-ledger -d src.db -q transfer 2026-03-02 200 --from general:bank --to building --memo 建家 >/dev/null &&
	fund-ledger -d src.db -q add 2026-03-05 30 文体活动费/球赛 --memo 球赛 >/dev/null &&
	fund-ledger -d src.db -q add 2026-03-06 50 401 --member 000001 --voucher H-1 --memo 会费 >/dev/null &&
	fund-ledger -d src.db -q void $out --reason 未提取 --date 2026-03-31 >/dev/null &&
	fund-ledger -d src.db ls --lang zh -f csv >zh.csv &&
	fund-ledger -d src.db ls -f csv >en.csv &&
	test_grep "^[0-9]*,2026-03-01,工会经费,银行存款,支出,转出,转出," zh.csv &&
	test_grep "^[0-9]*,2026-03-02,building,银行存款,收入,转入,转入," zh.csv
'

# book NAME: a new book NAME.db with the member and the fund of src.db.
book() {
	union-config -q init --db "$1.db" &&
	member-add -d "$1.db" -q --name 赵一 --id-card 110105198001010016 &&
	fund-ledger -d "$1.db" -q fund add building --title 职工之家建设基金
}

test_expect_success 'the Chinese listing imports into new books as the English one does: the same entries' '
	book en && book zh &&
	fund-ledger -d en.db import en.csv 2>err.en &&
	fund-ledger -d zh.db import zh.csv >out 2>err.zh &&
	echo "fund-ledger: added 7, unchanged 0" >expect &&
	test_cmp expect err.en &&
	test_cmp expect err.zh &&
	test_must_fail test -s out &&
	listing src.db >expect &&
	listing zh.db >actual &&
	test_cmp expect actual &&
	listing en.db >actual &&
	test_cmp expect actual &&
	links src.db >expect &&
	links zh.db >actual &&
	test_cmp expect actual &&
	fund-ledger -d zh.db verify 2>err
'

test_expect_success 'the Chinese JSON too' '
	fund-ledger -d src.db ls --lang zh -f json >zh.json &&
	book zj &&
	fund-ledger -d zj.db import zh.json 2>err &&
	test_grep "^fund-ledger: added 7, unchanged 0$" err &&
	listing src.db >expect &&
	listing zj.db >actual &&
	test_cmp expect actual
'

test_expect_success 'either listing imported into the books it came from, or again: unchanged' '
	db_dump src.db >before &&
	fund-ledger -d src.db import zh.csv 2>err &&
	echo "fund-ledger: added 0, unchanged 7" >expect &&
	test_cmp expect err &&
	fund-ledger -d src.db import en.csv 2>err &&
	test_cmp expect err &&
	db_dump src.db >after &&
	test_cmp before after &&
	db_dump zh.db >before &&
	fund-ledger -d zh.db import zh.csv 2>err &&
	test_cmp expect err &&
	db_dump zh.db >after &&
	test_cmp before after
'

test_expect_success 'a Chinese listing with one half of a transfer is refused at its line, nothing written' '
	awk -F, "!(\$6 == \"转入\" && \$3 == \"building\")" zh.csv >half.csv &&
	line=$(grep -n ",转出,转出,.*,建家," half.csv | cut -d: -f1) &&
	test -n "$line" &&
	book half &&
	db_dump half.db >before &&
	test_expect_code 65 fund-ledger -d half.db import half.csv 2>err &&
	cat >expect <<-EOF &&
	fund-ledger: half.csv:$line: a transfer-out record with no transfer-in record after it
	fund-ledger: 1 bad record: nothing written (fix them, or --skip-bad to add the rest)
	EOF
	test_cmp expect err &&
	db_dump half.db >after &&
	test_cmp before after
'

test_expect_success 'books of schema 9 gain the index of transfers on their next write, and read back unchanged' '
	fund-ledger ls -f csv >all.csv &&
	cp "$UNIONKIT_DB" old.db &&
	sqlite3 old.db "DROP INDEX ledger_entries_transfer; PRAGMA user_version = 9" &&
	fund-ledger -d old.db import all.csv 2>err &&
	test_grep "added 0, unchanged" err &&
	test "$(db_query "PRAGMA user_version" old.db)" = 10 &&
	test "$(db_query "SELECT count(*) FROM sqlite_master WHERE name = ${SQ}ledger_entries_transfer${SQ}" old.db)" = 1 &&
	sqlite3 old.db "EXPLAIN QUERY PLAN SELECT id FROM ledger_entries WHERE transfer_of = 3" >plan &&
	test_grep "USING .*INDEX ledger_entries_transfer" plan
'

test_expect_success 'a void after a transfer-out, even one of category transfer-in, is not its other half: the transfer-out is refused at its line' '
	union-config -q -d held.db init &&
	fund-ledger -q -d held.db opening 2026-01-01 1000 --fund general --account bank >/dev/null &&
	printf "id,date,fund,account,category,amount,memo,void_of\n10,2026-02-01,general,bank,402,100,a,\n11,2026-03-01,general,bank,transfer-out,30,t,\n12,2026-03-02,general,bank,transfer-in,100,v,10\n" >held.csv &&
	db_dump held.db >before &&
	test_expect_code 65 fund-ledger -d held.db import held.csv 2>err &&
	test_grep "^fund-ledger: held.csv:3: a transfer-out record with no transfer-in record after it" err &&
	db_dump held.db >after && test_cmp before after &&
	printf "13,2026-03-03,general,bank,402,5,b,\n" >>held.csv &&
	test_expect_code 65 fund-ledger -d held.db import held.csv 2>err &&
	test_grep "held.csv:3: " err &&
	db_dump held.db >after && test_cmp before after
'

test_done
