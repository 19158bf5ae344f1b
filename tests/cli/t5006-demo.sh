#!/bin/sh
# examples/demo.sh (make demo) into a directory of the test's own: it
# creates its books with union-config init --name, and every file it names
# is written from the final books, so the ledger-cli journal it exports
# holds each fund's balance as fund-ledger balance gives it, the
# activities' costs included.
UK_NO_INIT=1
. "$(dirname "$0")/lib.sh"

# fen AMOUNT: a decimal amount (ledger's or ours) in fen, sign kept.
to_fen() {
	awk '{
		a = $1; gsub(/,/, "", a); s = 1
		if (a ~ /^-/) { s = -1; a = substr(a, 2) }
		n = split(a, p, ".")
		printf "%d\n", s * (p[1] * 100 + (n > 1 ? substr(p[2] "00", 1, 2) : 0))
	}'
}

test_expect_success 'the demo runs into an empty directory of its own' '
	{ UK_DEMO_PDF=no sh "$UK_TOP/examples/demo.sh" "$UK_BIN" "$TRASH/demo" >demo.out 2>demo.err ||
		{ cat demo.err >&2; exit 1; }; } &&
	for f in union.db union.ledger members.json report.html disclosure-2026-11.html plan-2026.html; do
		test -s "demo/$f" || { echo "demo/$f not written" >&2; exit 1; }
	done &&
	test_grep "the books as a ledger-cli journal: $TRASH/demo/union.ledger" demo.out
'

test_expect_success 'its books were made by union-config init --name, nowhere else' '
	test "$(union-config -d demo/union.db union.name)" = 某某中学工会 &&
	test "$(stat -c %a demo/union.db)" = 600 &&
	test_grep "^\$ union-config init --name 某某中学工会" demo.out
'

test_expect_success 'the demo refuses a directory that exists (73) and leaves it alone' '
	mkdir taken && echo keep >taken/file &&
	test_expect_code 73 sh "$UK_TOP/examples/demo.sh" "$UK_BIN" taken >out 2>err &&
	test_grep "taken already exists" err &&
	test "$(ls taken)" = file
'

test_expect_success 'the activities costs are in the books the journal was exported from' '
	n=$(db_query "SELECT count(*) FROM ledger_entries WHERE activity_id IS NOT NULL" demo/union.db) &&
	test "$n" -gt 0 &&
	last=$(db_query "SELECT max(id) FROM ledger_entries" demo/union.db) &&
	grep -q "; id: $last\$" demo/union.ledger
'

# ledger-cli is not installed everywhere (mk/deps.sh installs it).
if command -v ledger >/dev/null 2>&1; then
	test_set_prereq LEDGER
fi

test_expect_success LEDGER 'ledger -f demo/union.ledger bal: each fund as fund-ledger balance has it' '
	ledger -f demo/union.ledger bal 资产 --flat --no-total >bal.txt &&
	while read -r amount commodity account; do
		echo "${account##*:} $(echo "$amount" | to_fen)"
	done <bal.txt | awk "{ s[\$1] += \$2 } END { for (f in s) print f, s[f] }" | sort >ledger.funds &&
	fund-ledger -d demo/union.db balance -f csv | sed 1d | grep -v "^total," |
		while IFS=, read -r fund title in out balance; do
			echo "$title $(echo "$balance" | to_fen)"
		done | grep -v " 0\$" | sort >ours.funds &&
	test -s ours.funds &&
	test_cmp ours.funds ledger.funds
'

test_expect_success LEDGER 'and the total of the assets, and a journal that balances to zero' '
	ledger -f demo/union.ledger bal 资产 | tail -1 | to_fen >ledger.total &&
	fund-ledger -d demo/union.db balance -f csv | grep "^total," | cut -d, -f5 | to_fen >ours.total &&
	test_cmp ours.total ledger.total &&
	test "$(ledger -f demo/union.ledger bal | tail -1 | tr -d " ")" = 0
'

test_done
