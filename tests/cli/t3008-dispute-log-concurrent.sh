#!/bin/sh
# Concurrent `open`: four processes opening 25 cases each at the same time
# get 100 distinct case numbers, 2026-0001 to 2026-0100, with no failure and
# no "locked" or "busy" message: the number is drawn in the transaction that
# writes the case.
. "$(dirname "$0")/lib.sh"

# racers DB: four background loops of 25 opens each into DB; numbers to
# out.N, messages to err.N, FAIL to fails when an open fails.
racers() {
	rm -f out.* err.* fails
	for i in 1 2 3 4; do
		(
			for j in $(seq 25); do
				dispute-log -d "$1" open --received 2026-01-0$i --category wages \
					--employer "单位$i" --workers $j --summary "进程$i 第$j件" \
					>>out.$i 2>>err.$i || echo FAIL >>fails
			done
		) &
	done
	wait
}

# check DB: the outcome of racers, as it must be.
check() {
	cat err.* >errs &&
	{ test_must_fail test -e fails || { sed "s/^/stderr: /" errs >&2; return 1; }; } &&
	test_must_fail grep -i -e locked -e busy errs &&
	test_must_fail test -s errs &&
	cat out.* | sort >numbers &&
	seq -f "2026-%04g" 1 100 >expect &&
	test_cmp expect numbers &&
	for i in 1 2 3 4; do
		test "$(wc -l <out.$i)" = 25 || return 1
		sort -c out.$i || return 1
	done &&
	test "$(db_query "SELECT count(*), count(DISTINCT case_no), min(seq), max(seq) FROM disputes" "$1")" = "100|100|1|100" &&
	test "$(db_query "SELECT count(*) FROM dispute_events" "$1")" = 100 &&
	for i in 1 2 3 4; do
		test "$(db_query "SELECT count(*), sum(workers) FROM disputes WHERE employer = ${SQ}单位$i${SQ}" "$1")" = "25|325" || return 1
	done
}

test_expect_success 'four processes, 25 opens each, into an existing database: 2026-0001..2026-0100' '
	union-config -d union.db union.name 某公司工会 &&
	racers union.db &&
	check union.db
'

test_expect_success 'the numbers match what is stored: each printed number is its own case' '
	for i in 1 2 3 4; do
		for c in $(cat out.$i); do
			echo "$c|单位$i"
		done
	done | sort >expect &&
	db_query "SELECT case_no || ${SQ}|${SQ} || employer FROM disputes ORDER BY case_no" >actual &&
	test_cmp expect actual
'

test_expect_success 'four union-config init at once on one new file: one makes it, three are refused (73)' '
	test_must_fail test -e new.db &&
	for i in 1 2 3 4; do
		(union-config -d new.db init --name "工会$i" >/dev/null 2>init.$i; echo $? >rc.$i) &
	done &&
	wait &&
	cat rc.1 rc.2 rc.3 rc.4 | sort | tr "\n" " " >codes &&
	printf "0 73 73 73 " >expect &&
	test_cmp expect codes &&
	test "$(cat init.* | grep -c "new.db. already exists")" = 3 &&
	test "$(stat -c %a new.db)" = 600 &&
	test "$(db_query "SELECT count(*) FROM config WHERE key = ${SQ}union.name${SQ}" new.db)" = 1 &&
	test "$(db_query "PRAGMA user_version" new.db)" = "$(db_query "PRAGMA user_version")"
'

test_expect_success 'the same race on the database union-config init has just made' '
	racers new.db &&
	check new.db
'

test_done
