#!/bin/sh
# tests/fuzz/run.sh BUILD SECONDS - runs every fuzz target in BUILD/fuzz for
# SECONDS over its seed corpus and the inputs earlier runs kept, and prints
# one line per target: executions, corpus size, crashes. Exit 1 on a crash,
# with the fuzzer's report and the input that caused it. FUZZ_JOBS targets
# (default 2) run at once.
set -u
build=$1
seconds=$2
top=$(cd "$(dirname "$0")/../.." && pwd)
jobs=${FUZZ_JOBS:-2}

# one TARGET_BINARY: runs it; its summary line, and its report on a crash,
# go to BUILD/fuzz-TARGET.result; the exit status says whether it crashed.
one() {
	t=$(basename "$1")
	work=$build/corpus/$t
	crashes=$build/crashes
	log=$build/fuzz-$t.log
	mkdir -p "$work" "$crashes"
	# New inputs go to the first directory, so the seeds stay as committed.
	# -close_fd_mask=2 keeps the tools' messages out of the log; the
	# fuzzer's own report still reaches it.
	"$1" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
		-close_fd_mask=2 -print_final_stats=1 -artifact_prefix="$crashes/$t-" \
		"$work" "$top/tests/fuzz/corpus/$t" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	size=$(ls "$work" | wc -l)
	if [ "$rc" -eq 0 ]; then
		printf '%-22s %10s runs in %ss, %s new inputs kept, no crash\n' "$t" "${runs:-?}" "$seconds" "$size"
	else
		printf '%-22s CRASH (exit %s) after %s runs:\n' "$t" "$rc" "${runs:-?}"
		grep -E 'ERROR|SUMMARY|property failed|Test unit written|^    #[0-9]' "$log" | head -30
		return 1
	fi
}

# JOBS targets at a time (the machine's cores), results printed in order.
set -- "$build"/fuzz/fuzz_*
status=0
while [ $# -gt 0 ]; do
	batch=""
	n=0
	while [ $# -gt 0 ] && [ "$n" -lt "$jobs" ]; do
		t=$(basename "$1")
		(one "$1" >"$build/fuzz-$t.result"; echo $? >"$build/fuzz-$t.rc") &
		batch="$batch $t"
		n=$((n + 1))
		shift
	done
	wait
	for t in $batch; do
		cat "$build/fuzz-$t.result"
		[ "$(cat "$build/fuzz-$t.rc")" -eq 0 ] || status=1
		rm -f "$build/fuzz-$t.result" "$build/fuzz-$t.rc"
	done
done
exit $status
