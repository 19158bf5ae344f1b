#!/bin/sh
# A full disk: the database on a small tmpfs, imports
# that do not fit. Each write that runs out of room exits 74 with one line
# naming the database file, leaves the file as it was (integrity_check ok,
# the dump unchanged: all or nothing) and no journal that gets in the way
# of the next command; once there is room again the same import goes in.
# union-config init, the one command that creates a database, leaves no
# file behind when it runs out of room; a first import that does not fit
# leaves the database as init made it.
# Needs a tmpfs: root, or a user and mount namespace (unshare -rm); else
# the whole file is skipped.

# Mount where we may; else start again in a namespace of our own, where we
# may mount; else skip.
if [ -z "${UK_T9006_NS:-}" ]; then
	probe=$(mktemp -d "${TMPDIR:-/tmp}/uk-probe.XXXXXX") || exit 1
	if mount -t tmpfs -o size=64k tmpfs "$probe" 2>/dev/null; then
		umount "$probe"
		rmdir "$probe"
	elif command -v unshare >/dev/null 2>&1 &&
		unshare -rm sh -c 'mount -t tmpfs -o size=64k tmpfs "$1"' sh "$probe" 2>/dev/null; then
		rmdir "$probe"
		UK_T9006_NS=1
		export UK_T9006_NS
		exec unshare -rm sh "$0" "$@"
	else
		rmdir "$probe"
		echo "1..0 # SKIP cannot mount a tmpfs (neither root nor a user namespace)"
		exit 0
	fi
fi

. "$(dirname "$0")/lib.sh"

MNT=$TRASH/mnt
mkdir "$MNT" || exit 1
mount -t tmpfs -o size=8m,mode=0755 tmpfs "$MNT" || {
	echo "1..0 # SKIP mount -t tmpfs failed"
	exit 0
}
trap 'umount "$MNT" 2>/dev/null || umount -l "$MNT" 2>/dev/null; rm -rf "$TRASH"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

DB=$MNT/u.db
ID1=11010519491231002X

# fill: the tmpfs full to the last byte (a filler file).
fill() {
	dd if=/dev/zero of="$MNT/filler" bs=64k 2>/dev/null
	test -s "$MNT/filler"
}

# leave KIB: the tmpfs full but for KIB kibibytes.
leave() {
	fill && truncate -s "-$1K" "$MNT/filler"
}

# fresh: the populated database, copied onto the tmpfs, nothing else there.
fresh() {
	rm -f "$MNT"/* &&
	cp base.db "$DB" &&
	db_dump "$DB" >before
}

# as_before: the database on the tmpfs is sound and holds what it held;
# no journal is left that a next command would have to deal with.
as_before() {
	test "$(db_query "PRAGMA integrity_check" "$DB")" = ok &&
	db_dump "$DB" >after &&
	test_cmp before after &&
	test_must_fail test -e "$DB-journal" &&
	test_must_fail test -s "$DB-wal"
}

# one_line TOOL FILE [DB]: FILE is one message of TOOL, naming the database
# (default $DB) and saying the disk is full.
one_line() {
	test "$(wc -l <"$2")" -eq 1 || { echo "not one line:" >&2; cat "$2" >&2; return 1; }
	test_grep "^$1: .*${3:-$DB}" "$2" || return 1
	grep -qi "full\|no space left" "$2" || { echo "does not say the disk is full:" >&2; cat "$2" >&2; return 1; }
}

# overflows TOOL ARGS...: on the populated database with 384 KiB left,
# TOOL exits 74, says so in one line, prints nothing on stdout and writes
# nothing; with the room given back the same command succeeds.
overflows() {
	tool=$1
	fresh &&
	leave 384 &&
	{ test_expect_code 74 "$@" >out 2>err || { cat err >&2; return 1; }; } &&
	one_line "$tool" err &&
	test_must_fail test -s out &&
	as_before &&
	rm "$MNT/filler" &&
	"$@" >out 2>err &&
	test "$(db_query "PRAGMA integrity_check" "$DB")" = ok
}

test_expect_success 'setup: a populated database and imports bigger than the room left' '
	gen_staff 50 >staff.csv &&
	union-config -q init -d base.db &&
	member-add -q -d base.db staff.csv &&
	fund-ledger -q -d base.db opening 2025-01-01 100000 --fund general --account bank >/dev/null &&
	dispute-log -d base.db open --received 2025-01-02 --category wages --employer 某公司 \
		--workers 3 --claimed 5000 --summary 欠薪 >/dev/null &&
	activity-log -d base.db add 2025-01-03 meeting 委员会会议 --participants 9 >/dev/null &&
	test "$(db_query "PRAGMA journal_mode" base.db)" = wal &&
	gen_staff 4000 1000 >members.csv &&
	awk "BEGIN { print \"date,fund,account,category,amount,memo\"
		for (i = 0; i < 3000; i++)
			printf \"2025-%02d-%02d,general,bank,402,%d.%02d,拨缴经费第%d笔\n\", i % 12 + 1, i % 28 + 1, 10 + i % 90, i % 100, i }" >ledger.csv &&
	awk "BEGIN { print \"received,category,employer,workers,claimed,summary\"
		for (i = 0; i < 6000; i++)
			printf \"2025-%02d-%02d,wages,某某有限公司%d,%d,%d,拖欠工资第%d件：车间停产两个月，职工多次讨要未果，要求工会出面调解\n\", i % 12 + 1, i % 28 + 1, i, i % 9 + 1, 1000 + i, i }" >disputes.csv &&
	awk "BEGIN { print \"date,kind,title,participants\"
		for (i = 0; i < 4000; i++)
			printf \"2025-%02d-%02d,meeting,第%d次工会小组会议,%d\n\", i % 12 + 1, i % 28 + 1, i, i % 50 + 1 }" >activities.csv &&
	test "$(wc -l <ledger.csv)" = 3001 &&
	fresh &&
	test "$(df -k "$MNT" | awk "NR == 2 { print \$2 }")" -le 8192
'

test_expect_success 'member-add of 4000 members that do not fit: 74, nothing written; fits once there is room' '
	export UNIONKIT_DB="$DB" &&
	overflows member-add members.csv &&
	test "$(db_query "SELECT count(*) FROM members" "$DB")" = 4050
'

test_expect_success 'member-add --skip-bad: a full disk is no bad record (74, not 1), nothing written' '
	export UNIONKIT_DB="$DB" &&
	overflows member-add --skip-bad members.csv &&
	test "$(db_query "SELECT count(*) FROM members" "$DB")" = 4050
'

test_expect_success 'fund-ledger import of 3000 entries that do not fit: 74, nothing written; then it fits and verifies' '
	export UNIONKIT_DB="$DB" &&
	overflows fund-ledger import ledger.csv &&
	test "$(db_query "SELECT count(*) FROM ledger_entries" "$DB")" = 3001 &&
	fund-ledger verify 2>/dev/null
'

test_expect_success 'fund-ledger import --skip-bad on a full disk: 74, nothing written' '
	export UNIONKIT_DB="$DB" &&
	overflows fund-ledger import --skip-bad ledger.csv &&
	test "$(db_query "SELECT count(*) FROM ledger_entries" "$DB")" = 3001
'

# 6000 cases spill from the page cache while the import runs: the disk is
# full in the middle of the batch, not at its commit.
test_expect_success 'dispute-log import of 6000 cases that do not fit: 74, one message, nothing written; then it fits' '
	export UNIONKIT_DB="$DB" &&
	overflows dispute-log import disputes.csv &&
	test "$(db_query "SELECT count(*) FROM disputes" "$DB")" = 6001
'

test_expect_success 'dispute-log import --skip-bad on a full disk: 74 and one message, nothing written' '
	export UNIONKIT_DB="$DB" &&
	overflows dispute-log import --skip-bad disputes.csv &&
	test "$(db_query "SELECT count(*) FROM disputes" "$DB")" = 6001
'

test_expect_success 'activity-log import of 4000 activities that do not fit: 74, nothing written; then it fits' '
	export UNIONKIT_DB="$DB" &&
	overflows activity-log import activities.csv &&
	test "$(db_query "SELECT count(*) FROM activities" "$DB")" = 4001
'

test_expect_success 'single writes on a disk full to the last byte: 74, one line, the books as they were' '
	export UNIONKIT_DB="$DB" &&
	fresh &&
	fill &&
	for cmd in "union-config union.name 某某中学工会" "fund-ledger add 2025-02-01 1.00 402" \
		"member-add --name 张三 --id-card $ID1" \
		"dispute-log open --received 2025-02-02 --category wages --employer X --workers 1 --summary s" \
		"activity-log add 2025-02-03 training 培训 --participants 5" \
		"member-set 000001 --hardship deep --date 2025-02-01"; do
		test_expect_code 74 $cmd >out 2>err || { cat err >&2; exit 1; }
		one_line ${cmd%% *} err || exit 1
		test_must_fail test -s out || exit 1
	done &&
	rm "$MNT/filler" &&
	as_before
'

test_expect_success 'after a full disk, the leftovers do not get in the way: read, then write' '
	export UNIONKIT_DB="$DB" &&
	fresh &&
	fill &&
	test_expect_code 74 fund-ledger add 2025-02-01 1.00 402 2>err &&
	rm "$MNT/filler" &&
	test "$(member-ls --count)" = 50 &&
	fund-ledger add 2025-02-01 1.00 402 >id &&
	test "$(db_query "SELECT amount FROM ledger_entries WHERE id = $(cat id)" "$DB")" = 100 &&
	test "$(db_query "PRAGMA integrity_check" "$DB")" = ok &&
	fund-ledger verify 2>/dev/null
'

test_expect_success 'a reader on a disk full to the last byte: the right answer or 74, never a crash' '
	export UNIONKIT_DB="$DB" &&
	fresh &&
	fill &&
	for cmd in "member-ls --count" "fund-ledger balance -f csv" "report-month --month 2025-01 --dry-run -f json"; do
		$cmd >out 2>err
		rc=$?
		test $rc -eq 0 || test $rc -eq 74 || { echo "$cmd: exit $rc" >&2; cat err >&2; exit 1; }
		test $rc -eq 0 || { one_line ${cmd%% *} err && test_must_fail test -s out; } || exit 1
	done &&
	rm "$MNT/filler" &&
	as_before
'

# union-config init creating a database: whatever step ran out of room (the
# file, the schema, the name, the commit), no file is left behind.
for room in 0 64 128; do
	test_expect_success "a new database with $room KiB of room: union-config init fails (74, or 73) and leaves no file" "
		rm -f \"\$MNT\"/* &&
		leave $room &&
		{ union-config -d \"\$MNT/new.db\" init --name 某某中学工会 >out 2>err; rc=\$?; } &&
		{ test \$rc = 74 || test \$rc = 73 || { echo \"exit \$rc\" >&2; cat err >&2; exit 1; }; } &&
		one_line union-config err \"\$MNT/new.db\" &&
		test_must_fail test -s out &&
		rm \"\$MNT/filler\" &&
		test \"\$(ls -A \"\$MNT\")\" = ''
	"
done

# The first import into books init has just made: whatever step ran out of
# room, the file is byte for byte what init left, with no journal beside it.
for room in 0 64 128 256 512; do
	test_expect_success "a first import with $room KiB of room after init: 74, the database as init left it" "
		rm -f \"\$MNT\"/* &&
		union-config -q -d \"\$MNT/new.db\" init --name 某某中学工会 &&
		cp \"\$MNT/new.db\" init.copy &&
		leave $room &&
		test_expect_code 74 member-add -d \"\$MNT/new.db\" members.csv >out 2>err &&
		one_line member-add err \"\$MNT/new.db\" &&
		test_must_fail test -s out &&
		rm \"\$MNT/filler\" &&
		cmp \"\$MNT/new.db\" init.copy &&
		test_must_fail test -e \"\$MNT/new.db-journal\" &&
		test_must_fail test -s \"\$MNT/new.db-wal\" &&
		test \"\$(db_query 'PRAGMA integrity_check' \"\$MNT/new.db\")\" = ok
	"
done

test_expect_success 'a new database on a full disk: init leaves no file, fund-ledger (66) none either' '
	rm -f "$MNT"/* &&
	fill &&
	{ union-config -d "$MNT/new.db" init --name 某某中学工会 2>err; rc=$?; } &&
	{ test $rc = 74 || test $rc = 73 || { echo "exit $rc" >&2; exit 1; }; } &&
	one_line union-config err "$MNT/new.db" &&
	test_expect_code 66 fund-ledger -d "$MNT/new.db" opening 2025-01-01 100 --fund general --account bank 2>err &&
	test_grep "^fund-ledger: .*new.db.*union-config init" err &&
	rm "$MNT/filler" &&
	test "$(ls -A "$MNT")" = ""
'

test_expect_success 'with room again, init and the same first import create the database' '
	rm -f "$MNT"/* &&
	union-config -q -d "$MNT/new.db" init --name 某某中学工会 &&
	member-add -q -d "$MNT/new.db" members.csv &&
	test "$(db_query "SELECT count(*) FROM members" "$MNT/new.db")" = 4000 &&
	test "$(stat -c %a "$MNT/new.db")" = 600
'

test_done
