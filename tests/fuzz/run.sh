#!/bin/sh
# tests/fuzz/run.sh BUILD SECONDS - runs every fuzz target in BUILD/fuzz for
# SECONDS over its seed corpus and the inputs earlier runs kept, and prints
# one line per target: executions, corpus size, crashes. Exit 1 on a crash,
# with the fuzzer's report and the input that caused it.
set -u
build=$1
seconds=$2
top=$(cd "$(dirname "$0")/../.." && pwd)
status=0
for bin in "$build"/fuzz/fuzz_*; do
	t=$(basename "$bin")
	work=$build/corpus/$t
	crashes=$build/crashes
	log=$build/fuzz-$t.log
	mkdir -p "$work" "$crashes"
	# New inputs go to the first directory, so the seeds stay as committed.
	# -close_fd_mask=2 keeps the tools' messages out of the log; the
	# fuzzer's own report still reaches it.
	"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
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
		status=1
	fi
done
exit $status
