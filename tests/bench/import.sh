#!/bin/sh
# Benchmark: member-add of generated HR exports against sqlite3's .import of
# the same file into a bare table. Prints medians of RUNS runs and peak RSS.
# Not a test: figures move from machine to machine, compare the ratios.
#   sh tests/bench/import.sh [BINDIR]   (ROWS="100000 1000000" RUNS=5)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$top/build/bin}
case $bin in /*) ;; *) bin=$top/$bin ;; esac
ROWS=${ROWS:-"100000 1000000"}
RUNS=${RUNS:-5}
# The data generators (gen_hr.py, gen_ledger.py) are not part of unionkit:
# UK_BENCH_GEN names the directory that holds them.
gendir=${UK_BENCH_GEN:?"set UK_BENCH_GEN to the directory of gen_hr.py and gen_ledger.py (README, Benchmarks)"}
gen=$gendir/gen_hr.py
work=$(mktemp -d "${TMPDIR:-/tmp}/uk-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
. "$top/tests/bench/lib.sh"




printf '%-10s %-9s %-34s %9s %9s %7s\n' rows encoding work median_s peak_MiB ratio
for n in $ROWS; do
	python3 "$gen" --rows "$n" --encoding utf-8 >"$work/hr-utf8.csv"
	python3 "$gen" --rows "$n" --encoding gb18030 >"$work/hr-gb.csv"
	set -- $(measure "rm -f $work/s.db*" sqlite3 "$work/s.db" ".import --csv $work/hr-utf8.csv t")
	peer=$1
	printf '%-10s %-9s %-34s %9s %9s %7s\n' "$n" utf-8 "sqlite3 .import (peer)" "$1" "$2" 1.00
	for enc in utf8 gb; do
		set -- $(measure "rm -f $work/u.db* && $bin/union-config -q init -d $work/u.db" "$bin/member-add" -q -d "$work/u.db" "$work/hr-$enc.csv")
		ratio=$(ratio "$1" "$peer")
		label=utf-8; [ $enc = gb ] && label=gb18030
		printf '%-10s %-9s %-34s %9s %9s %7s\n' "$n" $label "member-add (new database)" "$1" "$2" "$ratio"
		[ $enc = utf8 ] && utf8_time=$1
	done
	gb_ratio=$(ratio "$1" "$utf8_time")
	printf '%-10s %-9s %-34s %9s %9s %7s\n' "$n" - "gb18030 / utf-8" - - "$gb_ratio"
	set -- $(measure "true" "$bin/member-add" -q -d "$work/u.db" "$work/hr-utf8.csv")
	ratio=$(ratio "$1" "$peer")
	printf '%-10s %-9s %-34s %9s %9s %7s\n' "$n" utf-8 "member-add again (all unchanged)" "$1" "$2" "$ratio"
	if [ "$n" = 100000 ]; then
		# Calls too short for time(1): RUNS rounds of 100 calls each,
		# the median round divided by 100 (fork and exec included).
		one=$(calls sqlite3 "$work/u.db" 'select 1')
		printf '%-10s %-9s %-34s %9s %9s %7s\n' "$n" - "sqlite3 'select 1' (peer)" "$one" - 1.00
		cnt=$(calls "$bin/member-ls" -d "$work/u.db" --count)
		ratio=$(ratio "$cnt" "$one")
		printf '%-10s %-9s %-34s %9s %9s %7s\n' "$n" - "member-ls --count" "$cnt" - "$ratio"
	fi
done
