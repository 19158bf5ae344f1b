#!/bin/sh
# Crash consistency: `member-add` and `fund-ledger import`
# of 20000 records each, killed with SIGKILL at a random moment, 20 times
# each, on a fresh copy of a database that already holds data. After every
# kill: PRAGMA integrity_check is ok, the batch landed whole or not at all,
# the old data is untouched and `fund-ledger verify` exits 0. The moments
# come from awk's rand() with a fixed seed, so a run can be repeated
# (UK_CRASH_SEED picks another, UK_CRASH_KILLS the number of kills).
. "$(dirname "$0")/lib.sh"

KILLS=${UK_CRASH_KILLS:-20}
SEED=${UK_CRASH_SEED:-9001}
MAXDELAY=0.30

# gen_ledger N: an opening of general:bank on 2025-01-01, then N - 1 small
# incomes (category 402, under 100 yuan) spread over 2025.
gen_ledger() {
	awk -v n="$1" 'BEGIN {
		split("31 28 31 30 31 30 31 31 30 31 30 31", ml, " ")
		print "date,fund,account,category,subcategory,amount,member_no,voucher,memo"
		print "2025-01-01,general,bank,opening,,1000.00,,,期初"
		for (i = 1; i < n; i++) {
			d = int((i - 1) * 365 / (n - 1))
			for (mo = 1; d >= ml[mo]; mo++)
				d -= ml[mo]
			printf "2025-%02d-%02d,general,bank,402,,%d.%02d,,,收入%d\n", mo, d + 1, i % 99 + 1, i % 100, i
		}
	}'
}

# delays N: N reproducible delays in [0, MAXDELAY) seconds.
delays() {
	awk -v n="$1" -v seed="$SEED" -v max="$MAXDELAY" 'BEGIN {
		srand(seed)
		for (i = 0; i < n; i++)
			printf "%.3f\n", rand() * max
	}'
}

counts() {
	db_query "SELECT (SELECT count(*) FROM members) || ' ' || (SELECT count(*) FROM ledger_entries)" "$1"
}

# crash TAG DELAY CMD...: CMD on a fresh copy of base.db (as k.db), killed
# with SIGKILL after DELAY seconds (or finished first), reaped, then checked.
# Appends "killed" or "finished" to outcomes.TAG.
crash() {
	tag=$1 delay=$2
	shift 2
	rm -f k.db k.db-wal k.db-shm k.db-journal
	cp base.db k.db || return 1
	"$@" >out 2>err &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid"
	rc=$?
	# reaped: the process is gone
	if kill -0 "$pid" 2>/dev/null; then
		echo "process $pid still there after wait" >&2
		return 1
	fi
	case $rc in
	137) echo killed >>outcomes.$tag ;;
	0) echo finished >>outcomes.$tag ;;
	*) echo "unexpected exit $rc from $*" >&2; cat err >&2; return 1 ;;
	esac
	test "$(db_query "PRAGMA integrity_check" k.db)" = ok || return 1
	fund-ledger -d k.db verify >/dev/null 2>verr || { cat verr >&2; return 1; }
	# the data that was there before is there, unchanged
	db_query "SELECT member_no, employee_no, name, id_card FROM members WHERE member_no <= '000050' ORDER BY 1" k.db >old.members &&
	test_cmp base.members old.members &&
	db_query "SELECT * FROM ledger_entries WHERE id <= $base_entries ORDER BY id" k.db >old.ledger &&
	test_cmp base.ledger old.ledger || return 1
	got=$(counts k.db)
	echo "$tag delay=$delay rc=$rc counts=$got" >>log
	if [ $rc -eq 0 ]; then
		test "$got" = "$(cat want.all.$tag)" || { echo "finished but counts $got" >&2; return 1; }
	else
		test "$got" = "$(cat want.none)" || test "$got" = "$(cat want.all.$tag)" ||
			{ echo "half a batch: counts $got, want $(cat want.none) or $(cat want.all.$tag)" >&2; return 1; }
	fi
}

test_expect_success 'setup: a database with members and ledger entries; 20000-record files' '
	union-config -q init -d base.db &&
	gen_staff 50 30001 | member-add -q -d base.db - &&
	fund-ledger -d base.db opening 2025-01-01 500.00 --fund general --account cash >/dev/null &&
	fund-ledger -d base.db add 2025-01-02 12.34 402 --account cash >/dev/null &&
	fund-ledger -d base.db add 2025-01-03 56.78 402 --account cash >/dev/null &&
	dispute-log -d base.db open --received 2025-02-01 --category wages --employer 某厂 --workers 3 --summary 欠薪 >/dev/null &&
	test "$(counts base.db)" = "50 3" &&
	echo "50 3" >want.none &&
	echo "20050 3" >want.all.member &&
	echo "50 20003" >want.all.ledger &&
	gen_staff 20000 100 >staff.csv &&
	test "$(wc -l <staff.csv)" = 20001 &&
	gen_ledger 20000 >ledger.csv &&
	test "$(wc -l <ledger.csv)" = 20001 &&
	test_must_fail test -e base.db-wal &&
	db_query "SELECT member_no, employee_no, name, id_card FROM members ORDER BY 1" base.db >base.members &&
	db_query "SELECT * FROM ledger_entries ORDER BY id" base.db >base.ledger
'
base_entries=3

test_expect_success 'the files are good: unkilled, each batch lands whole and verifies' '
	cp base.db full.db &&
	member-add -d full.db staff.csv 2>err &&
	test_grep "added 20000, updated 0, unchanged 0, missing 50" err &&
	fund-ledger -d full.db import ledger.csv 2>err &&
	test_grep "added 20000, unchanged 0" err &&
	test "$(counts full.db)" = "20050 20003" &&
	fund-ledger -d full.db verify >/dev/null
'

delays $KILLS >delays.member
delays $((KILLS * 2)) | tail -n $KILLS >delays.ledger

n=0
for d in $(cat delays.member); do
	n=$((n + 1))
	test_expect_success "member-add of 20000 killed after ${d}s (kill $n): all or nothing, intact" "
		crash member $d member-add -d k.db staff.csv
	"
done

n=0
for d in $(cat delays.ledger); do
	n=$((n + 1))
	test_expect_success "fund-ledger import of 20000 killed after ${d}s (kill $n): all or nothing, verifies" "
		crash ledger $d fund-ledger -d k.db import ledger.csv
	"
done

test_expect_success 'a kill leaves no lock behind: the killed copy takes the batch afterwards' '
	rm -f k.db k.db-wal k.db-shm &&
	cp base.db k.db &&
	{ fund-ledger -d k.db import ledger.csv >out 2>err & } &&
	pid=$! &&
	sleep 0.05 &&
	# The import may have finished already: neither status is the point.
	{ kill -9 $pid || :; } &&
	{ wait $pid || :; } &&
	test "$(db_query "PRAGMA integrity_check" k.db)" = ok &&
	if test "$(counts k.db)" = "50 3"; then
		fund-ledger -d k.db import ledger.csv 2>err &&
		test_grep "added 20000" err
	fi &&
	test "$(counts k.db)" = "50 20003" &&
	fund-ledger -d k.db verify >/dev/null
'

for tag in member ledger; do
	k=$(grep -c killed outcomes.$tag 2>/dev/null)
	f=$(grep -c finished outcomes.$tag 2>/dev/null)
	none=$(grep "^$tag .*rc=137 counts=$(cat want.none)\$" log 2>/dev/null | wc -l)
	echo "# $tag: ${k:-0} killed mid-run (${none} of them with none of the batch in), ${f:-0} finished before the kill (seed $SEED)"
done

test_done
