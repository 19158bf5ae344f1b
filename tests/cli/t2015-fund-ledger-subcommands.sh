#!/bin/sh
# fund-ledger's commands each take their own options: an option given to a
# command that does not take it is a usage error (64) naming the option,
# and nothing is written; `fund-ledger CMD -h` prints that command's usage;
# a usage error inside a command shows its synopsis; the invocations that
# were valid before still work.
. "$(dirname "$0")/lib.sh"

# refused ARGS...: fund-ledger says "CMD does not take --OPT", 64, writes
# nothing; $opt is the option named.
refused() { test_refused 64 "does not take $opt" fund-ledger "$@"; }

test_expect_success 'setup: a small book' '
	fund-ledger -q opening 2026-01-01 5000 --fund general --account bank >/dev/null &&
	fund-ledger -q add 2026-01-15 1200 402 --voucher 2026-001 >/dev/null &&
	printf "date,category,amount\n2026-02-01,402,10.00\n" >in.csv &&
	printf "member_no,name,unit,wage_base\n" >members.csv &&
	printf "code,parent,name\n" >chart.csv
'

test_expect_success 'verify takes no --reason and no --allow-overdraft (it used to ignore them)' '
	opt=--reason refused verify --reason x --allow-overdraft &&
	test_grep "fund-ledger verify --help" err &&
	opt=--allow-overdraft refused verify --allow-overdraft
'

test_expect_success 'each command refuses an option of another: 64, the option named, nothing written' '
	opt=--title refused add 2026-03-01 10 402 --title x &&
	opt=--fund refused transfer 2026-03-01 10 --from general --to hardship --fund general &&
	opt=--member refused opening 2026-01-01 1 --fund hardship --account bank --member 1 &&
	opt=--reason refused import --reason x in.csv &&
	opt=--format refused import -f csv in.csv &&
	opt=--reason refused ls --reason x &&
	opt=--dry-run refused ls --dry-run &&
	opt=--fund refused balance --fund general &&
	opt=--mask refused balance --mask &&
	opt=--fund refused void 2 --reason x --fund general &&
	opt=--skip-bad refused dues --month 2026-01 --skip-bad &&
	opt=--rejects refused dues --month 2026-01 --rejects r.csv members.csv &&
	opt=--format refused verify -f csv &&
	opt=--dry-run refused export -f ledger --dry-run &&
	opt=--memo refused categories --memo x &&
	opt=--skip-bad refused categories --load chart.csv --skip-bad &&
	opt=--load refused fund ls --load chart.csv &&
	opt=--voucher refused fund add x --title y --voucher 1 &&
	test_must_fail test -e r.csv
'

test_expect_success 'an option refused before the command is named the same' '
	opt=--title refused --title x add 2026-03-01 10 402
'

test_expect_success 'CMD -h and CMD --help: that command usage only, exit 0' '
	for s in add transfer opening import ls balance void dues verify export categories fund; do
		fund-ledger $s -h >out 2>err || exit 1
		test_grep "^usage: fund-ledger $s" out || exit 1
		test "$(grep -c "^usage: " out)" = 1 || exit 1
		test_must_fail test -s err || exit 1
		fund-ledger --help $s >out2 &&
		test_cmp out out2 || exit 1
	done &&
	fund-ledger add -h >out &&
	grep -q -e "--allow-overdraft" out &&
	test_must_fail grep -q -e "--title" out &&
	fund-ledger -h >whole &&
	test_grep "^usage: fund-ledger add" whole &&
	test_grep "fund-ledger categories" whole
'

test_expect_success 'a usage error inside a command shows that command synopsis' '
	test_expect_code 64 fund-ledger add 2026-03-01 2>err &&
	test_grep "^fund-ledger: add takes DATE AMOUNT CATEGORY" err &&
	test_grep "^usage: fund-ledger add DATE AMOUNT CATEGORY" err &&
	test_must_fail grep "fund-ledger transfer" err &&
	test_expect_code 64 fund-ledger ls --from 2026-01-01 2>err &&
	test_grep "^fund-ledger: --from and --to go together" err &&
	test_grep "^usage: fund-ledger ls" err &&
	test_expect_code 64 fund-ledger ls --nosuch 2>err &&
	test_grep "nosuch" err &&
	test_grep "^usage: fund-ledger ls" err
'

test_expect_success 'the valid invocations still work' '
	fund-ledger -q add 2026-03-01 10 50101 --fund general --account bank --voucher V-9 \
		--memo m --allow-overdraft --allow-future >id &&
	test -s id &&
	fund-ledger add 2026-03-02 10 50101 --dry-run -f csv --excel --mask >dry &&
	test_grep "50101" dry &&
	fund-ledger -q transfer 2026-03-03 5 --from general:bank --to hardship:bank --voucher T-1 \
		--memo m >/dev/null &&
	fund-ledger -q void "$(cat id)" --reason 录错 --date 2026-03-04 >/dev/null &&
	fund-ledger -q import --skip-bad --strict --encoding utf-8 --input-format csv \
		--map 日期=date --allow-overdraft in.csv &&
	fund-ledger ls --year 2026 --fund general --category 402 -f csv --mask >ls.csv &&
	test_grep "2026-02-01" ls.csv &&
	fund-ledger balance --at 2026-12-31 --by account -f json >/dev/null &&
	fund-ledger -q verify &&
	fund-ledger export -f ledger >/dev/null &&
	fund-ledger export -f csv --month 2026-01 >/dev/null &&
	fund-ledger categories -f csv >/dev/null &&
	fund-ledger fund ls -f csv >/dev/null &&
	fund-ledger -q fund add extra --title 额外 --dry-run &&
	fund-ledger -q dues --month 2026-01 --account bank --dry-run -f csv members.csv >/dev/null
'

test_done
