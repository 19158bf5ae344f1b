#!/bin/sh
# fund-ledger export -f ledger: a journal that ledger-cli reads (Chinese
# account names included) with the same balances as fund-ledger balance,
# and balanced: every transaction sums to zero. ledger-cli is the Debian
# package `ledger` (make check installs it).
. "$(dirname "$0")/lib.sh"

if ! command -v ledger >/dev/null 2>&1; then
	echo "1..0 # SKIP ledger-cli (Debian package ledger) is not installed"
	exit 0
fi

# lbal JOURNAL PATTERN...: the total ledger-cli gives for accounts matching
# PATTERN, as 1234.50 (0.00 when nothing matches).
lbal() {
	j=$1
	shift
	ledger -f "$j" bal "$@" --depth 1 --format "%(scrub(display_total))\n" >lbal.out 2>lbal.err || {
		cat lbal.err >&2
		return 1
	}
	test_must_fail test -s lbal.err || return 1
	v=$(tail -1 lbal.out | sed "s/ CNY\$//; s/^ *//")
	case $v in
	"" | 0) echo 0.00 ;;
	*) echo "$v" ;;
	esac
}

# fbal BY KEY: the balance column of fund-ledger balance --by BY for KEY.
fbal() {
	fund-ledger balance --by "$1" -f csv | awk -F, -v k="$2" '$1 == k { print $NF }'
}

test_expect_success 'setup: a year of entries, a void, a voided transfer, a fund of our own' '
	test_expect_code 1 member-add -q --skip-bad "$UK_TOP/examples/hr-2026-11-gb18030.csv" 2>/dev/null &&
	test_expect_code 1 member-set -q --skip-bad "$UK_TOP/examples/member-changes.csv" 2>/dev/null &&
	fund-ledger -q import "$UK_TOP/examples/ledger-2026.csv" &&
	fund-ledger -q void 8 --reason 重复 >/dev/null &&
	fund-ledger -q void 29 --reason 未提取 >/dev/null &&
	fund-ledger -q fund add union-hall --title "职工之家 (建设)" &&
	fund-ledger -q transfer 2026-12-02 2000 --from general --to union-hall:cash --memo "*拨付 职工之家" >/dev/null &&
	fund-ledger -q add 2026-12-03 300.55 "50101/读书会" --fund union-hall --account cash --voucher "(2026)-099" >/dev/null &&
	fund-ledger -q add 2026-12-03 100 "维权支出/困难职工帮扶" --fund hardship --member 000002 >/dev/null &&
	fund-ledger -q dues --month 2026-11 >/dev/null &&
	fund-ledger -q verify
'

test_expect_success 'export -f ledger writes a journal ledger-cli reads without a complaint' '
	fund-ledger export -f ledger >book.ledger 2>err &&
	test_must_fail test -s err &&
	test_grep "资产:银行存款:工会经费" book.ledger &&
	test_grep "支出:维权支出:困难职工帮扶费" book.ledger &&
	ledger -f book.ledger bal >lbal.all 2>lerr &&
	test_must_fail test -s lerr &&
	test_grep "收入" lbal.all
'

test_expect_success 'the journal is balanced: the total of all accounts is 0' '
	tail -1 lbal.all | sed "s/^ *//" >actual &&
	echo 0 >expect &&
	test_cmp expect actual
'

test_expect_success 'ledger -f - bal 资产: the same total as fund-ledger balance' '
	fund-ledger export -f ledger | ledger -f - bal 资产 --depth 1 --format "%(scrub(display_total))\n" >out 2>err &&
	test_must_fail test -s err &&
	sed "s/ CNY\$//" out >actual &&
	fbal fund total >expect &&
	test_cmp expect actual &&
	test "$(cat expect)" != 0.00
'

test_expect_success 'each fund: ledger-cli and fund-ledger agree' '
	for f in general:工会经费 hardship:帮困基金 mutual-aid:职工医疗互助; do
		name=${f%%:*} title=${f#*:} &&
		test "$(lbal book.ledger "资产:.*:$title\$")" = "$(fbal fund "$name")" || {
			echo "fund $name: ledger $(lbal book.ledger "资产:.*:$title\$"), fund-ledger $(fbal fund "$name")" >&2
			exit 1
		}
	done
'

test_expect_success 'the fund whose title has a space and parentheses agrees too' '
	fbal fund union-hall >expect &&
	echo 1699.45 >expect2 &&
	test_cmp expect2 expect &&
	lbal book.ledger "资产:库存现金:职工之家" >actual &&
	test_cmp expect actual
'

test_expect_success 'each account: ledger-cli and fund-ledger agree' '
	lbal book.ledger "资产:库存现金" >actual &&
	fund-ledger balance --by account -f csv | awk -F, "\$2 == \"cash\" { print \$5 }" |
	awk "{ split(\$1, p, \".\"); s += p[1] * 100 + (substr(\$1, 1, 1) == \"-\" ? -1 : 1) * p[2] } END { printf \"%d.%02d\n\", s / 100, s % 100 }" >expect &&
	test_cmp expect actual
'

test_expect_success 'income and expense: ledger-cli totals are fund-ledger by category, signs as ledger has them' '
	fund-ledger balance --by category -f csv | sed 1d |
	awk -F, "{ split(\$4, a, \".\"); split(\$5, b, \".\"); n = (a[1] * 100 + a[2]) - (b[1] * 100 + b[2]);
		if (\$3 == \"income\") inc += n; else if (\$3 == \"expense\") ex += n }
		END { printf \"%d.%02d\n%d.%02d\n\", -inc / 100, (inc < 0 ? -inc : inc) % 100, -ex / 100, (ex < 0 ? -ex : ex) % 100 }" >expect &&
	{ lbal book.ledger "^收入" && lbal book.ledger "^支出"; } >actual &&
	test_cmp expect actual
'

test_expect_success 'balance --at and ledger -e (end date) agree' '
	fund-ledger balance --at 2026-06-30 -f csv | awk -F, "\$1 == \"total\" { print \$5 }" >expect &&
	lbal book.ledger 资产 -e 2026-07-01 >actual &&
	test_cmp expect actual
'

test_expect_success 'a void reverses its entry in the journal, with its link' '
	test_grep "; void_of: 8\$" book.ledger &&
	test_grep "; void_of: 29\$" book.ledger &&
	test_grep "; void_of: 28\$" book.ledger
'

test_expect_success 'export -f ledger on an empty book is an empty journal; a missing database 66' '
	union-config -q init --db empty.db &&
	union-config -d empty.db union.name 测试 &&
	fund-ledger -d empty.db export -f ledger >out 2>err &&
	test_must_fail test -s out &&
	test_expect_code 66 fund-ledger -d nowhere.db export -f ledger >out 2>err &&
	test_must_fail test -s out &&
	test_must_fail test -e nowhere.db
'

test_expect_success '-f ledger is for export only (64)' '
	test_expect_code 64 fund-ledger ls -f ledger >out 2>err &&
	test_grep "export" err &&
	test_must_fail test -s out &&
	test_expect_code 64 fund-ledger export extra 2>err
'

test_done
