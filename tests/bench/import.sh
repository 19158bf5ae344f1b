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
gen=${UK_BENCH_GEN:-$top/../shared/bench/gen_hr.py}
[ -f "$gen" ] || gen=/work/shared/bench/gen_hr.py
work=$(mktemp -d "${TMPDIR:-/tmp}/uk-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# time_one CMD...: prints "seconds maxrss_kib" of one run.
time_one() {
	/usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
		echo "failed: $*" >&2; cat "$work/err" >&2; exit 1; }
	cat "$work/time"
}

# median of the first column, max of the second, over RUNS runs of a
# command run after a reset command.
measure() {
	reset=$1
	shift
	: >"$work/runs"
	i=0
	while [ $i -lt "$RUNS" ]; do
		sh -c "$reset"
		time_one "$@" >>"$work/runs"
		i=$((i + 1))
	done
	sort -n "$work/runs" | awk '{t[NR]=$1; if ($2>m) m=$2} END {printf "%.3f %d\n", t[int((NR+1)/2)], m/1024}'
}

# calls CMD...: seconds per call, median of RUNS rounds of 100 calls.
calls() {
	: >"$work/calls"
	r=0
	while [ $r -lt "$RUNS" ]; do
		t0=$(date +%s%N)
		i=0
		while [ $i -lt 100 ]; do
			"$@" >/dev/null
			i=$((i + 1))
		done
		t1=$(date +%s%N)
		echo $(( (t1 - t0) / 100 )) >>"$work/calls"
		r=$((r + 1))
	done
	sort -n "$work/calls" | awk '{t[NR]=$1} END {printf "%.5f", t[int((NR+1)/2)] / 1e9}'
}

printf '%-10s %-9s %-34s %9s %9s %7s\n' rows encoding work median_s peak_MiB ratio
for n in $ROWS; do
	python3 "$gen" --rows "$n" --encoding utf-8 >"$work/hr-utf8.csv"
	python3 "$gen" --rows "$n" --encoding gb18030 >"$work/hr-gb.csv"
	set -- $(measure "rm -f $work/s.db*" sqlite3 "$work/s.db" ".import --csv $work/hr-utf8.csv t")
	peer=$1
	printf '%-10s %-9s %-34s %9s %9s %7s\n' "$n" utf-8 "sqlite3 .import (peer)" "$1" "$2" 1.00
	for enc in utf8 gb; do
		set -- $(measure "rm -f $work/u.db*" "$bin/member-add" -q -d "$work/u.db" "$work/hr-$enc.csv")
		ratio=$(awk -v a="$1" -v b="$peer" 'BEGIN {printf "%.2f", a / b}')
		label=utf-8; [ $enc = gb ] && label=gb18030
		printf '%-10s %-9s %-34s %9s %9s %7s\n' "$n" $label "member-add (new database)" "$1" "$2" "$ratio"
		[ $enc = utf8 ] && utf8_time=$1
	done
	gb_ratio=$(awk -v a="$1" -v b="$utf8_time" 'BEGIN {printf "%.2f", a / b}')
	printf '%-10s %-9s %-34s %9s %9s %7s\n' "$n" - "gb18030 / utf-8" - - "$gb_ratio"
	set -- $(measure "true" "$bin/member-add" -q -d "$work/u.db" "$work/hr-utf8.csv")
	ratio=$(awk -v a="$1" -v b="$peer" 'BEGIN {printf "%.2f", a / b}')
	printf '%-10s %-9s %-34s %9s %9s %7s\n' "$n" utf-8 "member-add again (all unchanged)" "$1" "$2" "$ratio"
	if [ "$n" = 100000 ]; then
		# Calls too short for time(1): RUNS rounds of 100 calls each,
		# the median round divided by 100 (fork and exec included).
		one=$(calls sqlite3 "$work/u.db" 'select 1')
		printf '%-10s %-9s %-34s %9s %9s %7s\n' "$n" - "sqlite3 'select 1' (peer)" "$one" - 1.00
		cnt=$(calls "$bin/member-ls" -d "$work/u.db" --count)
		ratio=$(awk -v a="$cnt" -v b="$one" 'BEGIN {printf "%.2f", a / b}')
		printf '%-10s %-9s %-34s %9s %9s %7s\n' "$n" - "member-ls --count" "$cnt" - "$ratio"
	fi
done
