#!/bin/sh
# --rejects FILE with --excel is a file for Excel too: a UTF-8 byte-order
# mark, CRLF line ends, the formula guard, and codes Excel would damage as
# ="..." (unionkit-formats(5)); read with --excel, it reads back as it
# was. Without --excel the rejects file is plain CSV, as before.
# member-add, member-set, fund-ledger import and dispute-log import.
. "$(dirname "$0")/lib.sh"
CR=$(printf "\r")

# crlf_only FILE: every line of FILE ends in CRLF, and there is one.
crlf_only() {
	test "$(wc -l <"$1")" -gt 0 &&
	test "$(grep -c "$CR\$" "$1")" = "$(wc -l <"$1")"
}

# bom FILE: the first three bytes, in hex
bom() {
	head -c 3 "$1" | od -An -tx1 | tr -d " "
}

cat >staff.csv <<'EOF'
工号,姓名,身份证号,部门
0031,"=HYPERLINK(""x"")",440103199004074650,@SUM(A1)
E2,李四,440103199004074654,车间
0033,王五,320102198506151236,-部门
EOF

test_expect_success 'member-add --excel --rejects: BOM, CRLF, the guard, codes as ="..."' '
	test_expect_code 1 member-add --excel --skip-bad --rejects rej.csv staff.csv >out 2>err &&
	test_grep "added 2, updated 0, unchanged 0, skipped 1" err &&
	test "$(bom rej.csv)" = efbbbf &&
	crlf_only rej.csv &&
	test "$(wc -l <rej.csv)" = 2 &&
	printf "\357\273\277工号,姓名,身份证号,部门,error\r\n\"=\"\"0031\"\"\",\"${SQ}=HYPERLINK(\"\"x\"\")\",\"=\"\"440103199004074650\"\"\",${SQ}@SUM(A1),bad check digit in id_card ${SQ}440103199004074650${SQ}\r\n" >expect &&
	test_cmp expect rej.csv &&
	test "$(stat -c %a rej.csv)" = 600
'

test_expect_success 'the Excel rejects file reads back with --excel as it was: the same record, the same fault' '
	db_dump >before &&
	test_expect_code 65 member-add --excel --dry-run rej.csv >out 2>err &&
	test_grep "^member-add: rej.csv:2: bad check digit in id_card ${SQ}440103199004074650${SQ}$" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'fixed, it imports: the values as they were before Excel' '
	sed "s/440103199004074650/440304199002020051/" rej.csv >fixed.csv &&
	member-add --excel fixed.csv 2>err &&
	test_grep "added 1, updated 0" err &&
	test "$(db_query "SELECT employee_no || ${SQ}|${SQ} || name || ${SQ}|${SQ} || unit FROM members
		WHERE id_card = ${SQ}440304199002020051${SQ}")" = "0031|=HYPERLINK(\"x\")|@SUM(A1)"
'

test_expect_success 'without --excel the rejects file is plain CSV: no BOM, LF, values as they are' '
	test_expect_code 65 member-add --rejects plain.csv staff.csv 2>err &&
	test "$(bom plain.csv)" != efbbbf &&
	test "$(grep -c "$CR" plain.csv)" = 0 &&
	printf "工号,姓名,身份证号,部门,error\n0031,\"=HYPERLINK(\"\"x\"\")\",440103199004074650,@SUM(A1),bad check digit in id_card ${SQ}440103199004074650${SQ}\n" >expect &&
	test_cmp expect plain.csv
'

test_expect_success 'member-set --excel --rejects: the same form' '
	printf "member_no,unit\n000099,=X\n000001,教务处\n" >changes.csv &&
	test_expect_code 1 member-set --excel --skip-bad --rejects srej.csv changes.csv >out 2>err &&
	test "$(bom srej.csv)" = efbbbf &&
	crlf_only srej.csv &&
	printf "\357\273\277member_no,unit,error\r\n\"=\"\"000099\"\"\",${SQ}=X,no member with member_no ${SQ}000099${SQ}\r\n" >expect &&
	test_cmp expect srej.csv &&
	test "$(db_query "SELECT unit FROM members WHERE member_no = ${SQ}000001${SQ}")" = 教务处
'

test_expect_success 'fund-ledger import --excel --rejects: the voucher and member_no as text, the memo guarded' '
	fund-ledger -q opening 2026-01-01 1000 --fund general --account bank >/dev/null &&
	cat >led.csv <<-\EOF &&
	date,fund,account,category,subcategory,amount,member_no,voucher,memo
	2026-02-01,general,bank,50102,,100.00,,0008,fine
	2026-02-02,general,bank,nosuch,,100.00,000001,0009,-memo
	EOF
	test_expect_code 1 fund-ledger import --excel --skip-bad --rejects lrej.csv led.csv 2>err &&
	test "$(bom lrej.csv)" = efbbbf &&
	crlf_only lrej.csv &&
	sed -n 2p lrej.csv >row &&
	test_grep "^2026-02-02,general,bank,nosuch,,100.00,\"=\"\"000001\"\"\",\"=\"\"0009\"\"\",${SQ}-memo,unknown category" row &&
	test "$(db_query "SELECT group_concat(voucher) FROM ledger_entries WHERE voucher IS NOT NULL")" = 0008
'

test_expect_success 'dispute-log import --excel --rejects: a USCC of digits as text' '
	cat >cases.csv <<-\EOF &&
	received,category,employer,employer_code,workers,summary
	2026-02-03,nosuch,=某公司,914401011234567801,1,x
	EOF
	test_expect_code 1 dispute-log import --excel --skip-bad --rejects drej.csv cases.csv 2>err &&
	test "$(bom drej.csv)" = efbbbf &&
	crlf_only drej.csv &&
	sed -n 2p drej.csv >row &&
	test_grep "^2026-02-03,nosuch,${SQ}=某公司,\"=\"\"914401011234567801\"\"\",1,x," row
'

test_expect_success 'JSON input, --excel rejects: still an Excel CSV file' '
	printf "{\"employee_no\":\"0041\",\"name\":\"+1\",\"id_card\":\"440103199004074650\"}\n" >bad.ndjson &&
	test_expect_code 1 member-add --excel --skip-bad --rejects jrej.csv bad.ndjson 2>err &&
	test "$(bom jrej.csv)" = efbbbf &&
	crlf_only jrej.csv &&
	test_grep "^,\"=\"\"0041\"\"\",${SQ}+1,.*,\"=\"\"440103199004074650\"\"\"," jrej.csv
'

test_done
