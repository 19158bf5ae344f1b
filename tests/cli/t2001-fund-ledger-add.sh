#!/bin/sh
# fund-ledger add: one entry. The id on stdout; the category by code,
# Chinese name or slug, with a user subcategory; general and bank by
# default; the money and date forms of unionkit-formats(5); every refusal (65 for
# a bad value, 64 for a bad command line) leaves the database unchanged.
. "$(dirname "$0")/lib.sh"

# entry ID: what is stored, one line.
entry() {
	db_query "SELECT date, fund, account, direction, category, coalesce(subcategory, '-'),
		amount, coalesce(member_id, '-'), coalesce(voucher, '-'), coalesce(memo, '-'),
		overdraft, coalesce(void_of, '-') FROM ledger_entries WHERE id = $1"
}

# refused CODE PATTERN ARGS...: fund-ledger refuses, changing nothing.
refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" fund-ledger "$@"; }

test_expect_success 'the first add into new books prints the new id; the file stays 0600' '
	test "$(db_query "SELECT count(*) FROM ledger_entries")" = 0 &&
	fund-ledger add 2026-01-05 100 401 >out 2>err &&
	echo 1 >expect &&
	test_cmp expect out &&
	test_must_fail test -s err &&
	test "$(stat -c %a union.db)" = 600 &&
	echo "2026-01-05|general|bank|in|401|-|10000|-|-|-|0|-" >expect &&
	entry 1 >actual &&
	test_cmp expect actual
'

test_expect_success 'the category by its Chinese name and by its slug' '
	fund-ledger add 2026-01-06 50 会费收入 >out &&
	echo 2 >expect && test_cmp expect out &&
	fund-ledger add 2026-01-07 50 dues >out &&
	echo 3 >expect && test_cmp expect out &&
	fund-ledger add 2026-01-07 7 other-income >out &&
	echo 4 >expect && test_cmp expect out &&
	db_query "SELECT id, category, direction FROM ledger_entries WHERE id BETWEEN 2 AND 4" >actual &&
	cat >expect <<-\EOF &&
	2|401|in
	3|401|in
	4|408|in
	EOF
	test_cmp expect actual
'

test_expect_success 'amounts: 1,234.5  ¥12  12元  full-width digits, all in fen' '
	fund-ledger add 2026-01-08 "1,234.5" 408 >out &&
	fund-ledger add 2026-01-08 ¥12 408 >>out &&
	fund-ledger add 2026-01-08 12元 408 >>out &&
	fund-ledger add 2026-01-08 "¥1,000.05元" 408 >>out &&
	fund-ledger add 2026-01-08 １２.５ 408 >>out &&
	printf "5\n6\n7\n8\n9\n" >expect &&
	test_cmp expect out &&
	db_query "SELECT amount FROM ledger_entries WHERE id BETWEEN 5 AND 9 ORDER BY id" >actual &&
	printf "123450\n1200\n1200\n100005\n1250\n" >expect &&
	test_cmp expect actual &&
	fund-ledger ls -f csv --from 2026-01-08 --to 2026-01-08 | cut -d, -f9 >actual &&
	printf "amount\n1234.50\n12.00\n12.00\n1000.05\n12.50\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'dates in the other forms are stored YYYY-MM-DD' '
	for d in 2026/3/5 2026-3-5 2026.3.5 2026年3月5日 20260305; do
		fund-ledger -q add "$d" 1 408 >/dev/null || exit 1
	done &&
	db_query "SELECT DISTINCT date FROM ledger_entries WHERE id > 9" >actual &&
	echo 2026-03-05 >expect &&
	test_cmp expect actual &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE id > 9")" = 5
'

test_expect_success 'a subcategory: rights/送温暖, 维权支出/困难职工帮扶, 50205/元旦慰问' '
	fund-ledger add 2026-03-06 10 "rights/送温暖" >out &&
	fund-ledger add 2026-03-06 20 "维权支出/困难职工帮扶" >>out &&
	fund-ledger add 2026-03-06 30 "50205/元旦慰问" >>out &&
	printf "15\n16\n17\n" >expect &&
	test_cmp expect out &&
	db_query "SELECT category, subcategory, direction, amount FROM ledger_entries WHERE id >= 15" >actual &&
	cat >expect <<-\EOF &&
	502|送温暖|out|1000
	502|困难职工帮扶|out|2000
	50205|元旦慰问|out|3000
	EOF
	test_cmp expect actual &&
	fund-ledger ls -f csv --from 2026-03-06 --to 2026-03-06 | cut -d, -f6-9 >actual &&
	cat >expect <<-\EOF &&
	category,category_name,subcategory,amount
	502,维权支出,送温暖,10.00
	502,维权支出,困难职工帮扶,20.00
	50205,送温暖费,元旦慰问,30.00
	EOF
	test_cmp expect actual
'

test_expect_success '--fund, --account, --member, --voucher, --memo are stored' '
	member-add -q --name 张三 --id-card 110105198501010119 &&
	fund-ledger add 2026-03-07 300 408 --fund mutual-aid --account cash \
		--member 000001 --voucher V-9 --memo 职工捐款 >out &&
	echo 18 >expect && test_cmp expect out &&
	echo "2026-03-07|mutual-aid|cash|in|408|-|30000|1|V-9|职工捐款|0|-" >expect &&
	entry 18 >actual &&
	test_cmp expect actual &&
	fund-ledger ls -f csv --fund mutual-aid | sed 1d | cut -d, -f2-4,10,12,13 >actual &&
	echo "2026-03-07,mutual-aid,cash,000001,V-9,职工捐款" >expect &&
	test_cmp expect actual
'

test_expect_success 'refused (65): more than two decimals, a negative or zero amount, not a number' '
	refused 65 "decimals.*1\.234" add 2026-03-08 1.234 408 &&
	refused 65 "decimals.*12\.345" add 2026-03-08 "¥12.345" 408 &&
	refused 65 "positive.*-5" add -- 2026-03-08 -5 408 &&
	refused 65 "positive" add 2026-03-08 0 408 &&
	refused 65 "abc" add 2026-03-08 abc 408
'

test_expect_success 'refused (65): unknown category, a system category, unknown fund or account' '
	refused 65 "unknown category .999." add 2026-03-08 5 999 &&
	refused 65 "unknown category .bogus." add 2026-03-08 5 bogus &&
	refused 65 "unknown category .不存在." add 2026-03-08 5 不存在/子目 &&
	refused 65 "opening" add 2026-03-08 5 opening &&
	refused 65 "transfer-in" add 2026-03-08 5 transfer-in &&
	refused 65 "unknown fund .nofund." add 2026-03-08 5 408 --fund nofund &&
	refused 65 "unknown account .safe." add 2026-03-08 5 408 --account safe
'

test_expect_success 'refused (65): a date that does not exist or is not a date; an unknown member' '
	refused 65 "2026-02-30" add 2026-02-30 5 408 &&
	refused 65 "yesterday" add yesterday 5 408 &&
	refused 65 "999999" add 2026-03-08 5 408 --member 999999
'

test_expect_success 'usage (64): missing or extra arguments, --force without --reason, unknown option' '
	refused 64 "DATE AMOUNT CATEGORY" add 2026-03-08 5 &&
	refused 64 "DATE AMOUNT CATEGORY" add &&
	refused 64 "DATE AMOUNT CATEGORY" add 2026-03-08 5 408 extra &&
	refused 64 "--force needs --reason" add 2026-03-08 5 50204 --fund hardship --member 000001 --force &&
	refused 64 "" add 2026-03-08 5 408 --colour red
'

test_expect_success '--dry-run checks and writes nothing; a bad value is still 65' '
	db_dump >before &&
	fund-ledger add --dry-run 2026-03-09 5 408 >out 2>err &&
	db_dump >after &&
	test_cmp before after &&
	refused 65 "decimals" add --dry-run 2026-03-09 5.001 408
'

test_expect_success 'the book after all this adds up, and verify agrees' '
	fund-ledger balance -f csv >actual &&
	cat >expect <<-\EOF &&
	fund,fund_title,in,out,balance
	general,工会经费,2483.05,60.00,2423.05
	hardship,帮困基金,0.00,0.00,0.00
	mutual-aid,职工医疗互助,300.00,0.00,300.00
	total,,2783.05,60.00,2723.05
	EOF
	test_cmp expect actual &&
	fund-ledger verify 2>err &&
	test_grep "verified 18 entries" err
'

test_done
