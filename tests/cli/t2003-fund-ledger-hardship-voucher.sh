#!/bin/sh
# fund-ledger: 先建档、后帮扶 (doc/domain.md "Hardship files"): aid (维权支出, 502
# and its details) from the hardship fund to a member goes only to a member
# with a hardship level on record at the date of payment, unless --force
# --reason (kept in the entry); and a voucher number is used once a year.
# Members from examples/: 000002 has hardship 'relative' from 2026-01-01.
. "$(dirname "$0")/lib.sh"

# refused CODE PATTERN ARGS...: fund-ledger refuses, changing nothing.
refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" fund-ledger "$@"; }

# aid ID: fund, category, member, force_reason of an entry.
aid() {
	db_query "SELECT e.fund, e.category, coalesce(m.member_no, '-'), coalesce(e.force_reason, '-')
		FROM ledger_entries e LEFT JOIN members m ON m.id = e.member_id WHERE e.id = $1"
}

test_expect_success 'setup: the example members and a year of entries' '
	test_expect_code 1 member-add -q --skip-bad "$UK_TOP/examples/hr-2026-11-gb18030.csv" 2>/dev/null &&
	test_expect_code 1 member-set -q --skip-bad "$UK_TOP/examples/member-changes.csv" 2>/dev/null &&
	test "$(db_query "SELECT hardship FROM members WHERE member_no = ${SQ}000002${SQ}")" = relative &&
	test "$(db_query "SELECT hardship FROM members WHERE member_no = ${SQ}000003${SQ}")" = none &&
	fund-ledger import "$UK_TOP/examples/ledger-2026.csv" 2>err &&
	test_grep "added 60, unchanged 0" err &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE fund = ${SQ}hardship${SQ} AND member_id IS NOT NULL")" = 3
'

test_expect_success 'aid from the hardship fund to a member without a hardship level: refused (65)' '
	refused 65 "000003.*hardship.*--force --reason" add 2026-10-08 500 50204 --fund hardship --member 000003 &&
	refused 65 "000003.*hardship" add 2026-10-08 500 "维权支出/困难职工帮扶" --fund hardship --member 000003 &&
	refused 65 "000003.*hardship" add 2026-10-08 500 rights --fund hardship --member 000003 &&
	refused 65 "000003.*hardship" add 2026-10-08 500 50205 --fund hardship --member 000003 --account bank
'

test_expect_success 'the member named by another key is checked the same way' '
	refused 65 "hardship" add 2026-10-08 500 50204 --fund hardship --member E0000003 --by employee_no
'

test_expect_success '--force without --reason is a usage error (64)' '
	refused 64 "--force needs --reason" add 2026-10-08 500 50204 --fund hardship --member 000003 --force
'

test_expect_success '--force --reason records the aid and keeps the reason' '
	fund-ledger add 2026-10-08 500 50204 --fund hardship --member 000003 \
		--force --reason 突发重病先行救助 >out 2>err &&
	id=$(cat out) &&
	test "$id" = 65 &&
	echo "hardship|50204|000003|突发重病先行救助" >expect &&
	aid 65 >actual &&
	test_cmp expect actual
'

test_expect_success 'a member with a hardship level on record at the date gets aid without --force' '
	fund-ledger add 2026-10-09 800 50204 --fund hardship --member 000002 >out &&
	echo "hardship|50204|000002|-" >expect &&
	aid "$(cat out)" >actual &&
	test_cmp expect actual
'

test_expect_success 'a level recorded with a date: aid from that date on, refused before it' '
	member-set -q 000005 --hardship relative --date 2026-06-01 &&
	fund-ledger add 2026-06-01 300 50204 --fund hardship --member 000005 >out &&
	echo "hardship|50204|000005|-" >expect &&
	aid "$(cat out)" >actual &&
	test_cmp expect actual &&
	refused 65 "000005.*2026-05-31" add 2026-05-31 300 50204 --fund hardship --member 000005 &&
	refused 65 "000002.*2025-12-31" add 2025-12-31 100 50204 --fund hardship --member 000002 --allow-overdraft
'

test_expect_success 'a level taken away: no aid after that date' '
	member-set -q 000005 --hardship none --date 2026-09-01 &&
	refused 65 "000005.*hardship" add 2026-09-02 300 50204 --fund hardship --member 000005 &&
	fund-ledger add 2026-08-31 300 50204 --fund hardship --member 000005 >out &&
	test -s out
'

test_expect_success 'the rule is about 维权支出 from the hardship fund only' '
	fund-ledger add 2026-10-10 100 50102 --fund hardship --member 000003 >out &&
	echo "hardship|50102|000003|-" >expect &&
	aid "$(cat out)" >actual && test_cmp expect actual &&
	fund-ledger add 2026-10-10 100 50204 --fund general --member 000003 >out &&
	echo "general|50204|000003|-" >expect &&
	aid "$(cat out)" >actual && test_cmp expect actual
'

test_expect_success 'import applies the rule too, with FILE:LINE, nothing written' '
	cat >aid.csv <<-\EOF &&
	date,fund,account,category,amount,member_no,memo
	2026-10-11,hardship,bank,50204,200.00,000002,帮扶
	2026-10-11,hardship,bank,50204,200.00,000003,没有建档
	EOF
	db_dump >before &&
	test_expect_code 65 fund-ledger import aid.csv 2>err &&
	test_grep "^fund-ledger: aid.csv:3: .*000003.*hardship" err &&
	test_must_fail grep -q "aid.csv:2:" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a voucher number twice in one year is refused (65)' '
	refused 65 "voucher .2026-001. is already used in 2026" add 2026-11-02 10 408 --voucher 2026-001 &&
	fund-ledger add 2026-11-02 10 408 --voucher 2026-900 >out &&
	refused 65 "voucher .2026-900." add 2026-12-02 20 50102 --voucher 2026-900
'

test_expect_success 'the same voucher number next year is fine' '
	fund-ledger add --allow-future 2027-01-04 10 408 --voucher 2026-001 >out &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE voucher = ${SQ}2026-001${SQ}")" = 2 &&
	test "$(db_query "SELECT date FROM ledger_entries WHERE id = $(cat out)")" = 2027-01-04 &&
	refused 65 "voucher .2026-001. is already used in 2027" add --allow-future 2027-06-04 10 408 --voucher 2026-001
'

test_expect_success 'a duplicate voucher inside one import: the second is named, nothing written' '
	cat >vouchers.csv <<-\EOF &&
	date,category,amount,voucher
	2027-02-01,408,1.00,2027-050
	2027-03-01,408,1.00,2027-050
	EOF
	db_dump >before &&
	test_expect_code 65 fund-ledger import --allow-future vouchers.csv 2>err &&
	test_grep "^fund-ledger: vouchers.csv:3: voucher .2027-050." err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'the books still verify' '
	fund-ledger verify 2>err &&
	test_grep "the chain and every balance match" err
'

test_done
