#!/bin/sh
# Benchmark: report-year --merge of 10,000 unions' year reports (made up by
# tests/data/gen-year-reports.py, about 8 KB each), at once and as a tree of
# 100 streets of 100 unions; goal < 2 s for the 10,000 and a peak memory
# that does not grow with the reports read (one at a time) but only with
# the row per union the federation's report keeps. Beside them, jq adding
# four totals of the same files: streaming (reduce inputs) and all in
# memory (-s). Not a test: prints figures.
#   sh tests/bench/merge.sh [BINDIR]   (RUNS=3, UNIONS=10000)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$top/build/bin}
case $bin in /*) ;; *) bin=$top/$bin ;; esac
RUNS=${RUNS:-3}
n=${UNIONS:-10000}
street=$((n / 100))
work=$(mktemp -d "${TMPDIR:-/tmp}/uk-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
. "$top/tests/bench/lib.sh"

echo "making $n union reports..." >&2
python3 "$top/tests/data/gen-year-reports.py" "$work/u" "$n" 17
# files FIRST LAST: the reports of unions FIRST..LAST.
files() {
	seq -f "$work/u/u%05g.json" "$1" "$2"
}
# The tree: 100 streets, each merging its unions, then the city merging
# the streets.
cat >"$work/tree.sh" <<EOF
set -e
for s in \$(seq 0 99); do
	"$bin/report-year" --merge \$(seq -f "$work/u/u%05g.json" \$((s * $street + 1)) \$((s * $street + $street))) \\
		-f json >"$work/s/s\$(printf %02d \$s).json"
done
"$bin/report-year" --merge "$work"/s/s*.json -f json
EOF
mkdir "$work/s"
sh "$work/tree.sh" >"$work/tree.json"
"$bin/report-year" --merge $(files 1 "$n") -f json >"$work/flat.json"
cmp -s "$work/flat.json" "$work/tree.json" || { echo "the tree's report is not the flat merge's" >&2; exit 1; }

printf '%-50s %9s %9s %7s\n' work median_s peak_MiB ratio
sum='.members += $r.members.total | .income += ($r.funds.income | tonumber)
	| .expense += ($r.funds.expense | tonumber) | .received += $r.disputes.received'
set -- $(measure true jq -n "reduce inputs as \$r ({members: 0, income: 0, expense: 0, received: 0}; $sum)" $(files 1 "$n"))
peer=$1
printf '%-50s %9s %9s %7s\n' "jq -n 'reduce inputs' 4 totals of $n reports" "$1" "$2" 1.00
set -- $(measure true jq -s "{members: (map(.members.total) | add), income: (map(.funds.income | tonumber) | add)}" $(files 1 "$n"))
printf '%-50s %9s %9s %7s\n' "jq -s 2 totals of $n reports (all in memory)" "$1" "$2" "$(ratio "$1" "$peer")"
set -- $(measure true "$bin/report-year" --merge $(files 1 "$n") -f json)
printf '%-50s %9s %9s %7s\n' "report-year --merge $n reports (goal < 2 s)" "$1" "$2" "$(ratio "$1" "$peer")"
set -- $(measure true "$bin/report-year" --merge $(files 1 $((n / 10))) -f json)
printf '%-50s %9s %9s %7s\n' "report-year --merge $((n / 10)) reports" "$1" "$2" -
set -- $(measure true "$bin/report-year" --merge $(files 1 "$street") -f json)
printf '%-50s %9s %9s %7s\n' "a street: --merge $street union reports" "$1" "$2" -
set -- $(measure true "$bin/report-year" --merge "$work"/s/s*.json -f json)
printf '%-50s %9s %9s %7s\n' "the city: --merge 100 street reports" "$1" "$2" -
set -- $(measure true sh "$work/tree.sh")
printf '%-50s %9s %9s %7s\n' "the whole tree, 101 merges one after another" "$1" "$2" "$(ratio "$1" "$peer")"
echo "the tree's report is the flat merge's, byte for byte ($(wc -c <"$work/flat.json") bytes)"
