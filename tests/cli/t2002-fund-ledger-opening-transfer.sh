#!/bin/sh
# fund-ledger opening (期初余额: once per fund and account, dated on or
# before its first entry), transfer (two linked entries between funds or
# accounts) and the overdraft rule (a fund never goes below zero unless
# --allow-overdraft, which the entry records).
. "$(dirname "$0")/lib.sh"

# refused CODE PATTERN ARGS...: fund-ledger refuses, changing nothing.
refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" fund-ledger "$@"; }

# balances BY: the balance column of balance --by BY, as "name balance".
balances() {
	fund-ledger balance --by "$1" -f csv | sed 1d |
	awk -F, -v by="$1" '{ print (by == "account" && $2 != "" ? $1 ":" $2 : $1), $NF }'
}

test_expect_success 'an opening balance: one entry, class opening, money in' '
	fund-ledger opening 2026-01-01 10000 --fund general --account bank >out 2>err &&
	echo 1 >expect &&
	test_cmp expect out &&
	test_must_fail test -s err &&
	db_query "SELECT date, fund, account, direction, category, amount FROM ledger_entries" >actual &&
	echo "2026-01-01|general|bank|in|opening|1000000" >expect &&
	test_cmp expect actual &&
	fund-ledger ls -f csv | sed 1d | cut -d, -f5-9 >actual &&
	echo "in,opening,期初余额,,10000.00" >expect &&
	test_cmp expect actual
'

test_expect_success 'each fund and account has its own opening' '
	fund-ledger opening 2026-01-01 "2,000" --fund general --account cash >out &&
	echo 2 >expect && test_cmp expect out &&
	fund-ledger -q opening 2026/1/1 5000 --fund hardship --account bank >/dev/null &&
	balances account >actual &&
	cat >expect <<-\EOF &&
	general:bank 10000.00
	general:cash 2000.00
	hardship:bank 5000.00
	total 17000.00
	EOF
	test_cmp expect actual
'

test_expect_success 'a second opening of the same fund and account is refused (65)' '
	refused 65 "general:bank.*opening" opening 2026-01-01 500 --fund general --account bank &&
	refused 65 "hardship:bank.*opening" opening 2025-12-31 500 --fund hardship --account bank
'

test_expect_success 'an opening dated after the first entry of its fund and account is refused (65)' '
	fund-ledger -q add 2026-01-10 300 402 --fund mutual-aid --account bank >/dev/null &&
	refused 65 "mutual-aid:bank.*2026-01-10" opening 2026-01-11 100 --fund mutual-aid --account bank &&
	fund-ledger opening 2026-01-10 100 --fund mutual-aid --account bank >out &&
	echo 5 >expect && test_cmp expect out
'

test_expect_success 'opening: bad values 65, missing --fund or --account 64' '
	refused 65 "unknown fund" opening 2026-01-01 100 --fund nofund --account bank &&
	refused 65 "unknown account" opening 2026-01-01 100 --fund mutual-aid --account safe &&
	refused 65 "decimals" opening 2026-01-01 1.001 --fund mutual-aid --account cash &&
	refused 65 "2026-13-01" opening 2026-13-01 100 --fund mutual-aid --account cash &&
	refused 64 "--fund and --account" opening 2026-01-01 100 --fund mutual-aid &&
	refused 64 "--fund and --account" opening 2026-01-01 100 --account cash &&
	refused 64 "opening takes" opening 2026-01-01 --fund mutual-aid --account cash
'

test_expect_success 'a transfer between accounts: two linked entries, the id of the first printed' '
	fund-ledger transfer 2026-02-01 1500 --from general --to general:cash --memo 提取备用金 >out 2>err &&
	echo 6 >expect &&
	test_cmp expect out &&
	test_must_fail test -s err &&
	db_query "SELECT id, date, fund, account, direction, category, amount, coalesce(transfer_of, ${SQ}-${SQ}), memo
		FROM ledger_entries WHERE id >= 6 ORDER BY id" >actual &&
	cat >expect <<-\EOF &&
	6|2026-02-01|general|bank|out|transfer-out|150000|-|提取备用金
	7|2026-02-01|general|cash|in|transfer-in|150000|6|提取备用金
	EOF
	test_cmp expect actual &&
	balances account >actual &&
	cat >expect <<-\EOF &&
	general:bank 8500.00
	general:cash 3500.00
	hardship:bank 5000.00
	mutual-aid:bank 400.00
	total 17400.00
	EOF
	test_cmp expect actual
'

test_expect_success 'a transfer between funds moves the fund balances, not the total' '
	fund-ledger transfer 2026-02-02 ¥2,000 --from general:bank --to hardship:bank >out &&
	echo 8 >expect && test_cmp expect out &&
	test "$(db_query "SELECT transfer_of FROM ledger_entries WHERE id = 9")" = 8 &&
	balances fund >actual &&
	cat >expect <<-\EOF &&
	general 10000.00
	hardship 7000.00
	mutual-aid 400.00
	total 17400.00
	EOF
	test_cmp expect actual
'

test_expect_success 'a transfer to the same fund and account is refused (65)' '
	refused 65 "itself" transfer 2026-02-03 10 --from general:bank --to general:bank &&
	refused 65 "itself" transfer 2026-02-03 10 --from general --to general:bank
'

test_expect_success 'a transfer that overdraws its source is refused (65)' '
	refused 65 "overdraft.*general:cash" transfer 2026-02-03 3500.01 --from general:cash --to general:bank &&
	refused 65 "overdraft.*mutual-aid:cash" transfer 2026-02-03 1 --from mutual-aid:cash --to mutual-aid:bank
'

test_expect_success 'transfer: unknown places 65, missing --from/--to or amount 64' '
	refused 65 "unknown fund .nofund." transfer 2026-02-03 10 --from general --to nofund &&
	refused 65 "unknown account .safe." transfer 2026-02-03 10 --from general:safe --to hardship &&
	refused 65 "decimals" transfer 2026-02-03 1.001 --from general --to hardship &&
	refused 64 "--from and --to" transfer 2026-02-03 10 --from general &&
	refused 64 "--from and --to" transfer 2026-02-03 10 --to general &&
	refused 64 "transfer takes" transfer 2026-02-03 --from general --to hardship
'

test_expect_success 'an expense beyond the balance is refused with the overdraft message' '
	refused 65 "overdraft: 3500.01 from general:cash .*--allow-overdraft" add 2026-02-10 3500.01 50104 --account cash &&
	fund-ledger add 2026-02-10 3500 50104 --account cash >out &&
	echo 10 >expect && test_cmp expect out &&
	test "$(db_query "SELECT overdraft FROM ledger_entries WHERE id = 10")" = 0
'

test_expect_success 'a back-dated expense that would overdraw a later month is refused' '
	fund-ledger -q add 2026-04-01 6900 50102 --fund hardship >/dev/null &&
	refused 65 "overdraft.*hardship:bank" add 2026-03-01 200 50102 --fund hardship
'

test_expect_success 'an expense that takes the fund below zero on its date is refused even if income later that month covers it' '
	fund-ledger -q add 2026-05-20 1000 402 --fund mutual-aid >/dev/null &&
	refused 65 "overdraft.*mutual-aid:bank" add 2026-05-10 500 50102 --fund mutual-aid &&
	fund-ledger balance --at 2026-05-10 -f csv | grep "^mutual-aid," >actual &&
	echo "mutual-aid,职工医疗互助,400.00,0.00,400.00" >expect &&
	test_cmp expect actual
'

test_expect_success '--allow-overdraft records the entry and marks it (overdraft = 1)' '
	fund-ledger add 2026-06-01 250 50104 --account cash --allow-overdraft >out 2>err &&
	id=$(cat out) &&
	test "$(db_query "SELECT overdraft, amount, account FROM ledger_entries WHERE id = $id")" = "1|25000|cash" &&
	balances account | grep "^general:cash " >actual &&
	echo "general:cash -250.00" >expect &&
	test_cmp expect actual &&
	fund-ledger transfer 2026-06-02 10 --from general:cash --to general:bank --allow-overdraft >out &&
	id=$(cat out) &&
	test "$(db_query "SELECT overdraft FROM ledger_entries WHERE id = $id")" = 1 &&
	test "$(db_query "SELECT overdraft FROM ledger_entries WHERE transfer_of = $id")" = 0
'

test_expect_success 'an entry within the balance is not marked even with --allow-overdraft' '
	fund-ledger add 2026-06-03 1 50104 --allow-overdraft >out &&
	test "$(db_query "SELECT overdraft FROM ledger_entries WHERE id = $(cat out)")" = 0
'

test_expect_success 'verify agrees with all of it' '
	fund-ledger verify 2>err &&
	test_grep "the chain and every balance match" err
'

test_expect_success 'a transfer memo under add'"'"'s rule: over 500 bytes or a control character, 65, nothing written' '
	long=$(printf "%0501d" 0) &&
	db_dump >before &&
	test_expect_code 65 fund-ledger transfer 2026-03-01 10 --from general:bank --to general:cash --memo "$long" 2>err &&
	test_grep "memo: control characters or longer than 500 bytes" err &&
	test_expect_code 65 fund-ledger transfer 2026-03-01 10 --from general:bank --to general:cash --memo "$(printf "a\tb")" 2>err &&
	db_dump >after && test_cmp before after
'

test_done
