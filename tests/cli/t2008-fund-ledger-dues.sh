#!/bin/sh
# fund-ledger dues --month YYYY-MM [FILE|-]: each active member's monthly
# dues, 0.5% of the wage base cut to whole 10 yuan (doc/domain.md "Dues":
# dues = (wage_fen / 1000) * 5), posted as one 会费收入 (401) entry per
# member in fund general, dated the month's last day; retired members pay
# none; a member without a wage base is listed, not charged; a second run
# for the month posts nothing, says so, exits 0.
. "$(dirname "$0")/lib.sh"

refused() {
	code=$1 pattern=$2
	shift 2
	db_dump >before &&
	{ test_expect_code "$code" fund-ledger "$@" >out 2>err || { cat err >&2; return 1; }; } &&
	test_grep "^fund-ledger: .*$pattern" err &&
	db_dump >after &&
	test_cmp before after
}

# posted MONTH: member_no and fen of the dues entries of a month.
posted() {
	db_query "SELECT m.member_no, e.amount FROM ledger_entries e JOIN members m ON m.id = e.member_id
		WHERE e.dues_month = ${SQ}$1${SQ} ORDER BY m.member_no"
}

test_expect_success 'setup: six members, one retired, one without a wage base' '
	member-add -q "$DATA/ledger-members.csv" &&
	member-set -q 000006 --status retired --date 2026-06-30 &&
	db_query "SELECT member_no, name, status, coalesce(wage_base, ${SQ}-${SQ}) FROM members ORDER BY 1" >actual &&
	cat >expect <<-\EOF &&
	000001|赵一|active|523450
	000002|钱二|active|800000
	000003|孙三|active|300999
	000004|李四|active|1227284
	000005|周五|active|-
	000006|吴六|retired|610000
	EOF
	test_cmp expect actual
'

test_expect_success 'dues for 2026-11: the roll, by the rule, checked by hand' '
	fund-ledger dues --month 2026-11 >roll.csv 2>err &&
	cat >expect <<-\EOF &&
	member_no,name,unit,wage_base,dues,entry_id,note
	000001,赵一,教务处,5234.50,26.15,1,
	000002,钱二,教务处,8000.00,40.00,2,
	000003,孙三,总务处,3009.99,15.00,3,
	000004,李四,总务处,12272.84,61.35,4,
	000005,周五,总务处,,,,no wage base: not charged
	EOF
	test_cmp expect roll.csv &&
	test_grep "^fund-ledger: dues 2026-11: posted 4, total 142.50, .*no wage base 1" err
'

test_expect_success 'posted: one 401 entry per member, fund general, account bank, the month end' '
	db_query "SELECT e.date, e.fund, e.account, e.direction, e.category, e.amount, m.member_no, e.dues_month
		FROM ledger_entries e JOIN members m ON m.id = e.member_id ORDER BY e.id" >actual &&
	cat >expect <<-\EOF &&
	2026-11-30|general|bank|in|401|2615|000001|2026-11
	2026-11-30|general|bank|in|401|4000|000002|2026-11
	2026-11-30|general|bank|in|401|1500|000003|2026-11
	2026-11-30|general|bank|in|401|6135|000004|2026-11
	EOF
	test_cmp expect actual &&
	test "$(db_query "SELECT count(*) FROM ledger_entries")" = 4 &&
	fund-ledger balance --by category -f csv >actual &&
	cat >expect <<-\EOF &&
	category,category_name,kind,in,out
	401,会费收入,income,142.50,0.00
	EOF
	test_cmp expect actual
'

test_expect_success 'the retired member is not charged' '
	test -z "$(awk -F, "\$1 == \"000006\" && \$5 != \"\"" roll.csv)" &&
	test -z "$(posted 2026-11 | grep "^000006|")"
'

test_expect_success 'a second run for the month posts nothing, says so, exits 0' '
	db_dump >before &&
	fund-ledger dues --month 2026-11 >out 2>err &&
	test_grep "^fund-ledger: dues for 2026-11 were already posted .*nothing posted" err &&
	test -z "$(awk -F, "NR > 1 && \$6 != \"\"" out)" &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'the month in another form is the same month' '
	db_dump >before &&
	fund-ledger dues --month 2026/11 >out 2>err &&
	test_grep "already posted" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'from member records on stdin: member-ls --unit 教务处 -f csv | dues --allow-future --month 2026-12 -' '
	member-ls --unit 教务处 -f csv | fund-ledger dues --allow-future --month 2026-12 - >roll.csv 2>err &&
	cat >expect <<-\EOF &&
	member_no,name,unit,wage_base,dues,entry_id,note
	000001,赵一,教务处,5234.50,26.15,5,
	000002,钱二,教务处,8000.00,40.00,6,
	EOF
	test_cmp expect roll.csv &&
	test_grep "dues 2026-12: posted 2, total 66.15, .*no wage base 0" err &&
	posted 2026-12 >actual &&
	printf "000001|2615\n000002|4000\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'the next unit in the same month: its members posted, nobody twice' '
	member-ls --unit 总务处 -f csv | fund-ledger dues --allow-future --month 2026-12 - >roll.csv 2>err &&
	test_grep "dues 2026-12: posted 2, total 76.35, " err &&
	test_grep "^000003,孙三,总务处,3009.99,15.00,7," roll.csv &&
	test_grep "^000004,李四,总务处,12272.84,61.35,8," roll.csv &&
	posted 2026-12 >actual &&
	printf "000001|2615\n000002|4000\n000003|1500\n000004|6135\n" >expect &&
	test_cmp expect actual &&
	db_dump >before &&
	fund-ledger dues --allow-future --month 2026-12 >out 2>err &&
	test_grep "already posted" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a retired member in the records is not charged' '
	member-ls --status all -f csv | fund-ledger dues --allow-future --month 2027-01 - >roll.csv 2>err &&
	test -z "$(awk -F, "\$1 == \"000006\" && \$5 != \"\"" roll.csv)" &&
	posted 2027-01 >actual &&
	printf "000001|2615\n000002|4000\n000003|1500\n000004|6135\n" >expect &&
	test_cmp expect actual &&
	test_grep "^000005,周五,总务处,,,,no wage base" roll.csv
'

test_expect_success 'an HR-style file with Chinese headers; a bad wage base is 65 with FILE:LINE, nothing posted' '
	cat >hr.csv <<-\EOF &&
	会员编号,姓名,部门,基本工资
	000001,赵一,教务处,"5,234.50"
	000002,钱二,教务处,8000.123
	EOF
	refused 65 "hr.csv:3: .*8000.123" dues --allow-future --month 2027-02 hr.csv &&
	test -z "$(posted 2027-02)"
'

test_expect_success 'a file naming a member not in the register is 65, nothing posted' '
	printf "member_no,name,unit,wage_base\n000001,赵一,教务处,5234.50\n009999,无名,教务处,5000\n" >ghost.csv &&
	refused 65 "ghost.csv:3: .*009999" dues --allow-future --month 2027-02 ghost.csv
'

test_expect_success 'dues -f json --mask: names masked, money as strings' '
	fund-ledger dues --allow-future --month 2027-03 -f json --mask >roll.json 2>err &&
	python3 -c "
import json
rows = json.load(open(\"roll.json\"))
assert [r[\"name\"] for r in rows] == [\"赵*\", \"钱*\", \"孙*\", \"李*\", \"周*\"], rows
assert rows[0][\"dues\"] == \"26.15\" and rows[0][\"wage_base\"] == \"5234.50\", rows[0]
assert rows[4][\"dues\"] is None and rows[4][\"note\"], rows[4]
"
'

test_expect_success 'dues --dry-run prints the roll and posts nothing' '
	db_dump >before &&
	fund-ledger dues --allow-future --month 2027-04 --dry-run >roll.csv 2>err &&
	test "$(sed 1d roll.csv | wc -l)" = 5 &&
	test_grep "dry run, nothing written" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'usage: no --month is 64; a month that does not exist is 65' '
	refused 64 "--month" dues &&
	refused 64 "" dues --allow-future --month 2027-05 a.csv b.csv &&
	refused 65 "2027-13" dues --month 2027-13
'

test_expect_success 'the example members for 2026-12 (000001 retired 2026-11-30): three checked by hand, the total by SQL' '
	union-config -q init --db ex.db &&
	test_expect_code 1 member-add -d ex.db -q --skip-bad "$UK_TOP/examples/hr-2026-11-gb18030.csv" 2>/dev/null &&
	test_expect_code 1 member-set -d ex.db -q --skip-bad "$UK_TOP/examples/member-changes.csv" 2>/dev/null &&
	fund-ledger -d ex.db dues --allow-future --month 2026-12 >roll.csv 2>err &&
	test_grep "^000002,张霞,战略规划部,12272.84,61.35," roll.csv &&
	test_grep "^000003,王琪,计划调度部,7086.53,35.40," roll.csv &&
	test_grep "^000004,王颖洁,设备维修部,23508.59,117.50," roll.csv &&
	test -z "$(awk -F, "\$1 == \"000001\" && \$5 != \"\"" roll.csv)" &&
	n=$(db_query "SELECT count(*) FROM members WHERE status = ${SQ}active${SQ} AND wage_base IS NOT NULL" ex.db) &&
	test "$(awk -F, "NR > 1 && \$5 != \"\"" roll.csv | wc -l)" = "$n" &&
	sum=$(db_query "SELECT sum((wage_base / 1000) * 5) FROM members WHERE status = ${SQ}active${SQ}" ex.db) &&
	test "$(db_query "SELECT sum(amount) FROM ledger_entries WHERE dues_month = ${SQ}2026-12${SQ}" ex.db)" = "$sum" &&
	test_grep "posted $n, total $(printf "%d.%02d" $((sum / 100)) $((sum % 100)))," err
'

test_done
