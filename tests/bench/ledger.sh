#!/bin/sh
# Benchmark: fund-ledger on the generated benchmark journal (gen_ledger.py),
# against ledger-cli on the journal fund-ledger exports. Prints medians of
# RUNS runs and peak RSS. Not a test: compare the ratios.
#   sh tests/bench/ledger.sh [BINDIR]   (ROWS="100000 1000000" RUNS=3)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$top/build/bin}
case $bin in /*) ;; *) bin=$top/$bin ;; esac
ROWS=${ROWS:-"100000 1000000"}
RUNS=${RUNS:-3}
# The data generators (gen_hr.py, gen_ledger.py) are not part of unionkit:
# UK_BENCH_GEN names the directory that holds them.
gendir=${UK_BENCH_GEN:?"set UK_BENCH_GEN to the directory of gen_hr.py and gen_ledger.py (README, Benchmarks)"}
gen=$gendir/gen_ledger.py
work=$(mktemp -d "${TMPDIR:-/tmp}/uk-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
. "$top/tests/bench/lib.sh"


# The bytes of an entry's hash: each hashed column framed as LEN:bytes\n
# (NULL as -\n), as the ledger hashes them.
hashed=$(for c in id date fund account direction category subcategory amount member_id \
	activity_id voucher memo void_of transfer_of overdraft force_reason dues_month \
	recorded_at prev_hash; do
	printf "coalesce(length(CAST(%s AS BLOB)) + length(length(CAST(%s AS BLOB))) + 2, 2) + " "$c" "$c"
done; echo 0)

row() { printf '%-9s %-44s %9s %9s %9s\n' "$@"; }

row entries work median_s peak_MiB "x faster"
for n in $ROWS; do
	python3 "$gen" --rows "$n" >"$work/j.ledger"
	python3 "$top/tests/bench/journal2csv.py" <"$work/j.ledger" >"$work/e.csv"
	entries=$(($(wc -l <"$work/e.csv") - 1))
	set -- $(measure "rm -f $work/f.db* && $bin/union-config -q init -d $work/f.db" "$bin/fund-ledger" -q -d "$work/f.db" import "$work/e.csv")
	rate=$(awk -v n="$entries" -v t="$1" 'BEGIN {printf "%.0f", n / t}')
	row "$entries" "fund-ledger import ($rate entries/s)" "$1" "$2" -
	# The same journal again, the monthly habit: every record found
	# stored, nothing written.
	set -- $(measure true "$bin/fund-ledger" -q -d "$work/f.db" import "$work/e.csv")
	row "$entries" "fund-ledger import again (all unchanged)" "$1" "$2" -
	"$bin/fund-ledger" -d "$work/f.db" export -f ledger >"$work/x.ledger"

	set -- $(measure true ledger -f "$work/x.ledger" bal)
	peer=$1
	row "$entries" "ledger -f J bal (peer, exported journal)" "$1" "$2" 1.0
	t=$(calls "$bin/fund-ledger" -d "$work/f.db" balance)
	row "$entries" "fund-ledger balance (per call)" "$t" - "$(ratio "$peer" "$t")"

	set -- $(measure true ledger -f "$work/x.ledger" reg -M '^支出')
	peer=$1
	row "$entries" "ledger -f J reg -M ^支出 (peer)" "$1" "$2" 1.0
	t=$(calls "$bin/fund-ledger" -d "$work/f.db" balance --by month)
	row "$entries" "fund-ledger balance --by month (per call)" "$t" - "$(ratio "$peer" "$t")"

	# verify beside the hashing limit: the bytes its hashes cover (each
	# field framed as LEN:bytes\n) at the machine's SHA-256 rate for
	# 256-byte inputs (an entry is about that long), from openssl speed.
	bytes=$(sqlite3 "$work/f.db" "SELECT sum($hashed) FROM ledger_entries")
	rate=$(openssl speed -seconds 1 sha256 2>/dev/null | awk '$1 == "sha256" {sub(/k$/, "", $4); print $4 * 1000}')
	sha=$(awk -v b="$bytes" -v r="$rate" 'BEGIN {printf "%.3f", b / r}')
	mbs=$(awk -v r="$rate" 'BEGIN {printf "%.0f", r / 1e6}')
	mb=$(awk -v b="$bytes" 'BEGIN {printf "%.0f", b / 1e6}')
	row "$entries" "SHA-256 of ${mb} MB at $mbs MB/s (limit)" "$sha" - 1.0
	set -- $(measure true "$bin/fund-ledger" -q -d "$work/f.db" verify)
	row "$entries" "fund-ledger verify ($(ratio "$1" "$sha")x the SHA-256 time)" "$1" "$2" "$(ratio "$sha" "$1")"
done
