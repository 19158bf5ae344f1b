# tests/bench/lib.sh - timing helpers shared by the benchmarks.
# Needs $work (a scratch directory) and $RUNS.

# measure RESET CMD...: "median_seconds peak_MiB" of RUNS runs of CMD, each
# after the shell command RESET.
measure() {
	reset=$1
	shift
	: >"$work/runs"
	i=0
	while [ $i -lt "$RUNS" ]; do
		sh -c "$reset"
		/usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
			echo "failed: $*" >&2; cat "$work/err" >&2; exit 1; }
		cat "$work/time" >>"$work/runs"
		i=$((i + 1))
	done
	sort -n "$work/runs" | awk '{t[NR]=$1; if ($2>m) m=$2} END {printf "%.3f %d\n", t[int((NR+1)/2)], m/1024}'
}

# calls CMD...: seconds per call of a command too short for time(1): the
# median of RUNS rounds of 100 calls (fork and exec included).
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

# ratio A B: A / B with two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}'; }
