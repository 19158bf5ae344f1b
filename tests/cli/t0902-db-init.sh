#!/bin/sh
# A typo never opens a new, empty book: `union-config init [--name NAME]`
# is the only command that creates the database (mode 0600, the whole
# schema, refused with 73 on a file that exists); every command of every
# other tool that writes refuses a missing file with 66, names
# `union-config init`, and leaves no file behind.
UK_NO_INIT=1
. "$(dirname "$0")/lib.sh"
ID1=11010519491231002X

# refused_missing TOOL ARGS...: TOOL on the missing typo.db exits 66, says
# so in one line naming the file and union-config init, prints nothing on
# stdout, and creates no file.
refused_missing() {
	tool=$1
	shift
	{ test_expect_code 66 "$tool" -d typo.db "$@" >out 2>err || { cat err >&2; return 1; }; } &&
	test "$(wc -l <err)" -eq 1 &&
	test_grep "^$tool: database .typo.db. not found (create it with union-config init" err &&
	test_must_fail test -s out &&
	no_db_files typo.db
}

test_expect_success 'setup: a plan and a record file for each writer' '
	cp "$DATA/plan-2026.md" plan.md &&
	printf "name,id_card\n张三,%s\n" $ID1 >members.csv &&
	printf "date,category,amount\n2026-03-01,401,100.00\n" >ledger.csv
'

test_expect_success 'fund-ledger add, opening, import on a missing file: 66, union-config init named, no file' '
	refused_missing fund-ledger add 2026-03-01 100 401 &&
	refused_missing fund-ledger opening 2026-03-01 100 --fund general --account bank &&
	refused_missing fund-ledger import ledger.csv &&
	refused_missing fund-ledger --dry-run add 2026-03-01 100 401
'

test_expect_success 'member-add (one, and a file) and member-set on a missing file: 66, no file' '
	refused_missing member-add --name 张三 --id-card $ID1 &&
	refused_missing member-add members.csv &&
	refused_missing member-set 000001 --hardship deep
'

test_expect_success 'dispute-log open and activity-log add on a missing file: 66, no file' '
	refused_missing dispute-log open --received 2026-03-01 --category wages --employer 某公司 \
		--workers 1 --summary 欠薪 &&
	refused_missing activity-log add 2026-03-01 meeting 委员会会议 --participants 9
'

test_expect_success 'plan-new and report-month on a missing file: 66, no file' '
	refused_missing plan-new --year 2026 plan.md &&
	refused_missing report-month --month 2026-03
'

test_expect_success 'union-config KEY VALUE and --unset on a missing file: 66, no file' '
	refused_missing union-config union.name 某某中学工会 &&
	refused_missing union-config --unset union.name &&
	refused_missing union-config --dry-run union.name 某某中学工会
'

test_expect_success 'a mistyped $UNIONKIT_DB is refused the same way' '
	test_expect_code 66 env UNIONKIT_DB="$TRASH/typo.db" \
		fund-ledger add 2026-03-01 100 401 >out 2>err &&
	test_grep "typo.db.*union-config init" err &&
	no_db_files typo.db
'

test_expect_success 'union-config init creates ./union.db, mode 0600 under umask 022, with the schema' '
	(umask 022 && union-config init >out 2>err) &&
	test_must_fail test -s out &&
	echo "union-config: created ${SQ}$UNIONKIT_DB${SQ}" >expect &&
	test_cmp expect err &&
	test "$(stat -c %a union.db)" = 600 &&
	test "$(db_query "PRAGMA application_id")" = 1430997332 &&
	test "$(db_query "PRAGMA user_version")" = 10 &&
	test "$(db_query "PRAGMA integrity_check")" = ok &&
	for t in config members member_events ledger_entries ledger_categories disputes activities plans care \
		mutual_aid_enrolments mutual_aid_claims unions union_firms union_facts union_contracts union_audits; do
		test "$(db_query "SELECT count(*) FROM sqlite_master WHERE type = ${SQ}table${SQ} AND name = ${SQ}$t${SQ}")" = 1 ||
			{ echo "no table $t" >&2; exit 1; }
	done &&
	test "$(db_query "SELECT count(*) FROM config")" = 0 &&
	test "$(db_query "SELECT count(*) FROM members")" = 0 &&
	test "$(db_query "SELECT count(*) FROM ledger_entries")" = 0
'

test_expect_success 'the new books take writes at once; union.name is not set without --name' '
	test_expect_code 1 union-config union.name >out &&
	test_must_fail test -s out &&
	member-add -q --name 张三 --id-card $ID1 &&
	fund-ledger -q add 2026-03-01 100 401 >/dev/null &&
	test "$(member-ls --count)" = 1 &&
	test "$(db_query "PRAGMA journal_mode")" = wal &&
	test "$(stat -c %a union.db)" = 600
'

test_expect_success 'init --name 某某中学工会 sets union.name in the new file' '
	union-config -q -d named.db init --name 某某中学工会 &&
	test "$(union-config -d named.db union.name)" = 某某中学工会 &&
	test "$(db_query "SELECT value FROM config WHERE key = ${SQ}union.name${SQ}" named.db)" = 某某中学工会 &&
	test "$(stat -c %a named.db)" = 600
'

test_expect_success 'init --name with a bad name: 65, no file' '
	test_expect_code 65 union-config -d bad.db init --name "   " >out 2>err &&
	test_grep "^union-config: bad value for union.name" err &&
	no_db_files bad.db
'

test_expect_success 'init on an existing file: 73, the file byte for byte as it was' '
	cp union.db union.copy &&
	test_refused 73 "database .*union.db. already exists" union-config init &&
	test_refused 73 "already exists" union-config init --name 别的工会 &&
	test_refused 73 "already exists" union-config --dry-run init &&
	cmp union.db union.copy &&
	cp named.db named.copy &&
	test_expect_code 73 union-config -d named.db init --name 别的工会 2>err &&
	test_grep "named.db. already exists" err &&
	cmp named.db named.copy &&
	test "$(union-config -d named.db union.name)" = 某某中学工会
'

test_expect_success 'init on an existing file that is not unionkit'\''s: 73, untouched' '
	printf "工号,姓名\n" >notes.db &&
	cp notes.db notes.copy &&
	test_expect_code 73 union-config -d notes.db init 2>err &&
	cmp notes.db notes.copy &&
	: >empty.db &&
	test_expect_code 73 union-config -d empty.db init 2>err &&
	test_must_fail test -s empty.db
'

test_expect_success 'init --dry-run says what it would do and creates nothing' '
	union-config -d dry.db --dry-run init --name 某某中学工会 >out 2>err &&
	echo "union-config: would create ${SQ}dry.db${SQ}" >expect &&
	test_cmp expect err &&
	test_must_fail test -s out &&
	no_db_files dry.db &&
	test_expect_code 65 union-config -d dry.db --dry-run init --name "" 2>err &&
	no_db_files dry.db
'

test_expect_success 'init takes no other argument: init extra, init KEY VALUE, init --list, --unset: 64, no file' '
	test_expect_code 64 union-config -d u.db init extra >out 2>err &&
	test_grep "^union-config: init takes no other argument" err &&
	test_must_fail test -s out &&
	test_expect_code 64 union-config -d u.db init union.name X 2>err &&
	test_expect_code 64 union-config -d u.db init --list 2>err &&
	test_expect_code 64 union-config -d u.db init --unset union.name 2>err &&
	no_db_files u.db
'

test_expect_success '--name without init is a usage error (64), on a missing or an existing file' '
	test_expect_code 64 union-config -d u.db --name 某某中学工会 2>err &&
	test_grep "^union-config: --name goes with init" err &&
	no_db_files u.db &&
	test_refused 64 "--name goes with init" union-config --name 别的工会 union.name &&
	test_refused 64 "--name goes with init" union-config --name 别的工会 --list
'

test_done
