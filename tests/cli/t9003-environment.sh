#!/bin/sh
# Environment faults: a read-only database file, a
# directory not writable, a truncated database, a file that is not SQLite, a
# database from a newer version, stdout closed, output to a full device, a
# file size limit. Each: a clear message naming the file, the right exit
# code, never a signal (exit < 128), and the database as it was.
. "$(dirname "$0")/lib.sh"

ID1=11010519491231002X
ID2=440524188001010014

# code_in RC CODES...: RC is one of CODES (shows RC otherwise).
code_in() {
	rc=$1
	shift
	for c in "$@"; do
		[ "$rc" -eq "$c" ] && return 0
	done
	echo "exit $rc, want one of: $*" >&2
	return 1
}

# The unprivileged user: root ignores file modes, so the permission tests
# run the tools as nobody, when we are root and runuser can do it.
AS=
if [ "$(id -u)" -eq 0 ]; then
	if command -v runuser >/dev/null 2>&1; then
		AS="runuser -u nobody --"
	elif command -v su >/dev/null 2>&1; then
		AS=su_nobody
	fi
fi
su_nobody() {
	q=
	for a in "$@"; do
		q="$q '$(printf %s "$a" | sed "s/'/'\\\\''/g")'"
	done
	su -s /bin/sh nobody -c "$q"
}
chmod 711 "$TRASH"
if [ -n "$AS" ] && ! $AS test -x "$UK_BIN/member-add" 2>/dev/null; then
	AS=
fi
# UNPRIV: the tools can be run as a user whom file modes bind (not root
# without runuser or su).
if [ -n "$AS" ]; then
	test_set_prereq UNPRIV
elif [ "$(id -u)" -ne 0 ]; then
	AS=env
	test_set_prereq UNPRIV
fi

# grep_i PATTERN FILE: test_grep, ignoring case.
grep_i() {
	grep -qi -- "$1" "$2" || { echo "no '$1' in $2:" >&2; cat "$2" >&2; return 1; }
}

test_expect_success 'setup: a real database with 20 members and some entries' '
	gen_staff 20 >staff.csv &&
	union-config -q init --db real.db &&
	member-add -q -d real.db staff.csv &&
	fund-ledger -d real.db opening 2025-01-01 100.00 --fund general --account bank >/dev/null &&
	fund-ledger -d real.db add 2025-01-02 8.00 402 >/dev/null &&
	test "$(db_query "SELECT count(*) FROM members" real.db)" = 20 &&
	test "$(stat -c %s real.db)" -gt 5000 &&
	test_must_fail test -e real.db-wal
'

test_expect_success UNPRIV 'a read-only database file (0444): a writer is refused (73/74), file untouched' '
	mkdir rw && chmod 777 rw &&
	cp real.db rw/ro.db && chmod 444 rw/ro.db &&
	cp rw/ro.db ro.copy &&
	{ $AS "$UK_BIN/member-add" -d rw/ro.db --name 张三 --id-card $ID1 >out 2>err; rc=$?; } &&
	code_in $rc 73 74 77 &&
	test_grep "ro.db" err &&
	grep_i "read-only\|readonly\|permission" err &&
	test_must_fail test -s out &&
	cmp rw/ro.db ro.copy &&
	test "$(db_query "SELECT count(*) FROM members" rw/ro.db)" = 20
'

test_expect_success UNPRIV 'a read-only database file: a reader still reads it' '
	$AS "$UK_BIN/member-ls" -d rw/ro.db --count >out 2>err &&
	test "$(cat out)" = 20 &&
	cmp rw/ro.db ro.copy
'

# In a directory the user cannot write no -shm can be made: archived
# books on read-only media are read all the same.
test_expect_success UNPRIV 'a read-only database in a read-only directory: a reader reads it' '
	mkdir rodir && cp real.db rodir/ro.db && chmod 444 rodir/ro.db && chmod 555 rodir &&
	{ $AS "$UK_BIN/member-ls" -d rodir/ro.db --count >out 2>err; rc=$?; } &&
	{ test $rc -lt 128 || { echo "signal: exit $rc" >&2; exit 1; }; } &&
	{ test $rc -eq 0 || { cat err >&2; exit 1; }; } &&
	test "$(cat out)" = 20
'

test_expect_success UNPRIV 'a directory not writable: init is refused with 73, a writer with 66, nothing created' '
	mkdir nowrite && chmod 555 nowrite &&
	test_expect_code 73 $AS "$UK_BIN/union-config" -d nowrite/new.db init --name 某某中学工会 >out 2>err &&
	test_grep "nowrite/new.db" err &&
	test_must_fail test -s out &&
	test "$(ls -A nowrite)" = "" &&
	test_expect_code 66 $AS "$UK_BIN/member-add" -d nowrite/new.db --name 张三 --id-card $ID1 >out 2>err &&
	test_grep "nowrite/new.db.*union-config init" err &&
	test "$(ls -A nowrite)" = ""
'

test_expect_success 'a database path in a missing directory: init 73, a writer 66, nothing created' '
	test_expect_code 73 union-config -d no/such/dir/u.db init >out 2>err &&
	test_grep "no/such/dir/u.db" err &&
	test_must_fail test -s out &&
	test_expect_code 66 member-add -d no/such/dir/u.db --name 张三 --id-card $ID1 >out 2>err &&
	test_grep "no/such/dir/u.db" err &&
	test_must_fail test -e no
'

for n in 5000 4096 100 50000; do
	test_expect_success "a database truncated to $n bytes: readers and writers 69 or 74, file untouched" "
		head -c $n real.db >trunc$n.db &&
		cp trunc$n.db trunc$n.copy &&
		for cmd in 'member-ls -f csv' 'member-ls --count' 'fund-ledger verify' 'fund-ledger balance -f csv' \
			'member-add --name 张三 --id-card $ID1' 'fund-ledger add 2025-02-01 1.00 402' \
			'dispute-log open --received 2026-01-01 --category wages --employer X --workers 1 --summary s'; do
			\$cmd -d trunc$n.db >out 2>err
			rc=\$?
			code_in \$rc 69 74 || { echo \"\$cmd\" >&2; cat err >&2; exit 1; }
			test_grep trunc$n.db err || exit 1
			grep_i 'damaged\|corrupt\|malformed\|not a database\|truncat' err || exit 1
			test_must_fail test -s out || exit 1
			cmp trunc$n.db trunc$n.copy || exit 1
		done
	"
done

test_expect_success 'a database with a page overwritten by garbage: 69 or 74, never a signal' '
	cp real.db garbled.db &&
	size=$(stat -c %s garbled.db) &&
	head -c 4096 /dev/urandom | dd of=garbled.db bs=4096 seek=$((size / 4096 / 2)) conv=notrunc 2>/dev/null &&
	cp garbled.db garbled.copy &&
	for cmd in "member-ls -f csv" "fund-ledger verify" "member-add --name 张三 --id-card $ID1"; do
		$cmd -d garbled.db >out 2>err
		rc=$?
		test $rc -lt 128 || { echo "$cmd: signal, exit $rc" >&2; exit 1; }
		test $rc -ne 70 || { echo "$cmd: internal error 70" >&2; cat err >&2; }
		test $rc -eq 0 || test_grep garbled.db err || exit 1
	done
'

test_expect_success 'a file that is not SQLite (binary junk): 69, untouched' '
	head -c 20000 /dev/urandom >junk.db &&
	cp junk.db junk.copy &&
	for cmd in "member-ls" "fund-ledger verify" "member-add --name 张三 --id-card $ID1"; do
		test_expect_code 69 $cmd -d junk.db >out 2>err || exit 1
		test_grep junk.db err || exit 1
		test_must_fail test -s out || exit 1
	done &&
	cmp junk.db junk.copy
'

test_expect_success 'a database from a newer version (user_version 99): 69, untouched' '
	cp real.db newer.db &&
	sqlite3 newer.db "PRAGMA user_version = 99" &&
	db_dump newer.db >before &&
	for cmd in "member-ls" "fund-ledger verify" "fund-ledger add 2025-02-01 1.00 402" "member-add --name 张三 --id-card $ID1"; do
		test_expect_code 69 $cmd -d newer.db >out 2>err || exit 1
		test_grep "newer.db" err || exit 1
		test_grep "newer" err || exit 1
	done &&
	db_dump newer.db >after &&
	test_cmp before after &&
	test "$(db_query "PRAGMA user_version" newer.db)" = 99
'

test_expect_success 'stdout closed: member-ls -f csv >&- reports a write error, 74' '
	test_expect_code 74 member-ls -d real.db -f csv >&- 2>err &&
	test_grep "^member-ls: .*standard output" err
'

test_expect_success 'stdout closed for a writer: the database is not written through fd 1' '
	cp real.db closed.db &&
	{ dispute-log -d closed.db open --received 2026-01-01 --category wages --employer X --workers 1 --summary s >&- 2>err; rc=$?; } &&
	code_in $rc 0 74 &&
	{ fund-ledger -d closed.db add 2025-02-01 1.00 402 >&- 2>err; rc=$?; } &&
	code_in $rc 0 74 &&
	{ member-add -d closed.db --name 张三 --id-card $ID1 >&- 2>err; rc=$?; } &&
	code_in $rc 0 74 &&
	test "$(db_query "PRAGMA integrity_check" closed.db)" = ok &&
	test "$(db_query "SELECT count(*) FROM disputes" closed.db)" = 1 &&
	test "$(db_query "SELECT count(*) FROM ledger_entries" closed.db)" = 3 &&
	test "$(db_query "SELECT count(*) FROM members" closed.db)" = 21 &&
	fund-ledger -d closed.db verify 2>/dev/null
'

test_expect_success 'output to a full device (/dev/full): 74 with a message, database untouched' '
	cp real.db full.db &&
	db_dump full.db >before &&
	for cmd in "member-ls -f csv" "member-ls -f json" "fund-ledger ls -f csv" "fund-ledger export -f csv" \
		"fund-ledger balance -f csv"; do
		test_expect_code 74 $cmd -d full.db >/dev/full 2>err || exit 1
		test_grep "No space left on device" err || exit 1
	done &&
	db_dump full.db >after &&
	test_cmp before after
'

test_expect_success 'a reader whose pipe closes early: no message, no signal death' '
	union-config -q init --db big.db &&
	gen_staff 5000 100 | member-add -q -d big.db - &&
	{ member-ls -d big.db -f csv 2>err; echo $? >rc; } | head -n 1 >/dev/null &&
	code_in "$(cat rc)" 0 141 &&
	test_must_fail test -s err
'

# A write past the file size limit fails (the tools ignore SIGXFSZ) and is
# reported with 74; the transaction never committed.
test_expect_success 'a file size limit (ulimit -f) hit by a large import: 74, nothing written' '
	cp real.db limit.db &&
	db_dump limit.db >before &&
	gen_staff 20000 100 >big.csv &&
	{ (ulimit -f 200 && exec member-add -d limit.db big.csv) >out 2>err; rc=$?; } &&
	db_dump limit.db >after &&
	test_cmp before after &&
	test "$(db_query "PRAGMA integrity_check" limit.db)" = ok &&
	{ test $rc -lt 128 || { echo "killed by a signal: exit $rc" >&2; exit 1; }; } &&
	code_in $rc 74 &&
	test_grep "limit.db" err
'

test_done
