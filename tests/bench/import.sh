#!/bin/sh
# Benchmark: member-add of generated HR exports against sqlite3's .import of
# the same file into a bare table. Prints medians of RUNS runs and peak RSS.
# Not a test: figures move from machine to machine, compare the ratios.
#   sh tests/bench/import.sh [BINDIR]   (ROWS="100000 1000000" RUNS=5)
#
# The four figures, each beside the peer measured in the same rounds (one
# round runs the peer, then each of ours, so that a busy machine slows
# them alike): a first import into an empty register (UTF-8 and GB18030),
# GB18030 against UTF-8, and a re-import of the same rows, all unchanged,
# which must leave the database file as it was. Then SQLite's own share of
# a first import: the rows member-add stored, copied into a new register
# with nothing read or checked, in WAL and in the rollback journal.
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

# timed NAME CMD...: one run of CMD, "seconds peak_KiB" appended to
# $work/t.NAME. The disk is synced first: what the run before left to
# write back must not slow this one.
timed() {
	name=$1
	shift
	sync
	/usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
		echo "failed: $*" >&2; cat "$work/err" >&2; exit 1; }
	cat "$work/time" >>"$work/t.$name"
}

# median NAME: "median_seconds peak_MiB" of the runs of NAME.
median() {
	sort -n "$work/t.$1" | awk '{t[NR]=$1; if ($2>m) m=$2} END {printf "%.3f %d\n", t[int((NR+1)/2)], m/1024}'
}

line() { printf '%-10s %-9s %-36s %9s %9s %7s\n' "$@"; }

# The rows of the register member-add made, inserted value by value (the
# WHERE keeps SQLite from copying stored records as they are, which no
# program inserting its own values can do), with member-add's settings
# for a first load: a 32 MB cache, the key indexes dropped and built
# after on two sorter threads.
floor_sql="PRAGMA cache_size = -32768; ATTACH '$work/u.db' AS src; BEGIN;
DROP INDEX members_member_no; DROP INDEX members_employee_no; DROP INDEX members_id_card;
INSERT INTO members SELECT * FROM src.members WHERE id > 0;
PRAGMA threads = 2; PRAGMA cache_size = -2000;
CREATE UNIQUE INDEX members_member_no ON members(member_no);
CREATE UNIQUE INDEX members_employee_no ON members(employee_no);
CREATE UNIQUE INDEX members_id_card ON members(id_card); COMMIT;"

line rows encoding work median_s peak_MiB ratio
for n in $ROWS; do
	python3 "$gen" --rows "$n" --encoding utf-8 >"$work/hr-utf8.csv"
	python3 "$gen" --rows "$n" --encoding gb18030 >"$work/hr-gb.csv"
	rm -f "$work"/t.*
	unchanged=yes
	i=0
	while [ $i -lt "$RUNS" ]; do
		rm -f "$work"/s.db*
		timed peer sqlite3 "$work/s.db" ".import --csv $work/hr-utf8.csv t"
		# Each encoding goes first in every other round.
		order="gb utf8"
		[ $((i % 2)) = 1 ] && order="utf8 gb"
		for enc in $order; do
			rm -f "$work"/u.db*
			"$bin/union-config" -q init -d "$work/u.db"
			timed "first-$enc" "$bin/member-add" -q -d "$work/u.db" "$work/hr-$enc.csv"
		done
		# The register the UTF-8 import made, imported again: nothing
		# changes, so nothing may be written.
		if [ $enc = gb ]; then
			rm -f "$work"/u.db*
			"$bin/union-config" -q init -d "$work/u.db"
			"$bin/member-add" -q -d "$work/u.db" "$work/hr-utf8.csv"
		fi
		sqlite3 "$work/u.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
		before=$(cksum <"$work/u.db")
		timed again "$bin/member-add" -q -d "$work/u.db" "$work/hr-utf8.csv"
		sqlite3 "$work/u.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
		[ "$(cksum <"$work/u.db")" = "$before" ] || unchanged=NO
		# SQLite's own share: the same rows copied into a new register,
		# the key indexes built after as member-add builds them, with no
		# reading or checking at all, in WAL as member-add writes and in
		# the rollback journal for comparison.
		for journal in wal delete; do
			rm -f "$work"/f.db*
			"$bin/union-config" -q init -d "$work/f.db"
			[ $journal = delete ] && sqlite3 "$work/f.db" 'PRAGMA journal_mode = DELETE' >/dev/null
			timed "floor-$journal" sqlite3 "$work/f.db" "$floor_sql"
		done
		i=$((i + 1))
	done
	set -- $(median peer)
	peer=$1
	line "$n" utf-8 "sqlite3 .import (peer)" "$1" "$2" 1.00
	set -- $(median first-utf8)
	utf8_time=$1
	line "$n" utf-8 "member-add (new database)" "$1" "$2" "$(ratio "$1" "$peer")"
	set -- $(median first-gb)
	line "$n" gb18030 "member-add (new database)" "$1" "$2" "$(ratio "$1" "$peer")"
	line "$n" - "gb18030 / utf-8" - - "$(ratio "$1" "$utf8_time")"
	set -- $(median again)
	line "$n" utf-8 "member-add again (unchanged: $unchanged)" "$1" "$2" "$(ratio "$1" "$peer")"
	set -- $(median floor-wal)
	line "$n" - "SQLite alone, same rows (WAL)" "$1" "$2" "$(ratio "$1" "$peer")"
	set -- $(median floor-delete)
	line "$n" - "SQLite alone, same rows (rollback)" "$1" "$2" "$(ratio "$1" "$peer")"
	if [ "$n" = 100000 ]; then
		# Calls too short for time(1): RUNS rounds of 100 calls each,
		# the median round divided by 100 (fork and exec included).
		one=$(calls sqlite3 "$work/u.db" 'select 1')
		line "$n" - "sqlite3 'select 1' (peer)" "$one" - 1.00
		cnt=$(calls "$bin/member-ls" -d "$work/u.db" --count)
		line "$n" - "member-ls --count" "$cnt" - "$(ratio "$cnt" "$one")"
	fi
done
