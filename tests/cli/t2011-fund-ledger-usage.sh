#!/bin/sh
# fund-ledger: --help for every subcommand, --version, usage errors (64),
# a missing database for the read and the write commands (66, never
# created: only union-config init makes one), and a refused write on a
# missing database creates nothing.
UK_NO_INIT=1
. "$(dirname "$0")/lib.sh"

SUBS="add transfer opening import ls balance void dues verify export categories fund"

test_expect_success '--help and -h: the usage on stdout, exit 0' '
	fund-ledger --help >out 2>err &&
	test_grep "^usage: fund-ledger add DATE AMOUNT CATEGORY" out &&
	test_must_fail test -s err &&
	fund-ledger -h >out2 &&
	test_cmp out out2 &&
	for s in $SUBS; do
		test_grep "fund-ledger $s" out || exit 1
	done
'

test_expect_success 'every subcommand takes --help: the usage, exit 0, no database needed' '
	for s in $SUBS; do
		fund-ledger $s --help >out 2>err || { echo "$s --help failed" >&2; exit 1; }
		test_grep "^usage: fund-ledger" out || exit 1
		test_grep "fund-ledger $s" out || exit 1
		test_must_fail test -s err || exit 1
	done &&
	test_must_fail test -e union.db
'

test_expect_success '--version' '
	fund-ledger --version >out 2>err &&
	test_grep "^fund-ledger (unionkit) [0-9]" out
'

test_expect_success 'no subcommand, an unknown subcommand, an unknown option: 64' '
	test_expect_code 64 fund-ledger >out 2>err &&
	test_grep "^fund-ledger: no command" err &&
	test_must_fail test -s out &&
	test_expect_code 64 fund-ledger frobnicate >out 2>err &&
	test_grep "^fund-ledger: unknown command .frobnicate." err &&
	test_grep "fund-ledger --help" err &&
	test_must_fail test -s out &&
	test_expect_code 64 fund-ledger ls --frobnicate >out 2>err &&
	test_grep "frobnicate" err &&
	test_must_fail test -s out &&
	test_expect_code 64 fund-ledger -f yaml ls >out 2>err &&
	test_must_fail test -s out &&
	test_must_fail test -e union.db
'

test_expect_success 'read commands on a missing database: 66, the database named, nothing created' '
	for cmd in "ls" "balance" "balance --by month" "verify" "export -f ledger" "export -f csv" \
		"categories" "fund ls"; do
		test_expect_code 66 fund-ledger $cmd >out 2>err || exit 1
		test_grep "^fund-ledger: .*union.db" err || exit 1
		test_must_fail test -s out || exit 1
		test_must_fail test -e union.db || exit 1
	done
'

test_expect_success 'the same with --db and $UNIONKIT_DB' '
	test_expect_code 66 fund-ledger --db elsewhere.db ls >out 2>err &&
	test_grep "elsewhere.db" err &&
	test_must_fail test -e elsewhere.db &&
	UNIONKIT_DB=$TRASH/env.db test_expect_code 66 fund-ledger balance >out 2>err &&
	test_grep "env.db" err &&
	test_must_fail test -e env.db
'

test_expect_success 'a refused write on a missing database creates nothing' '
	test_expect_code 66 fund-ledger add 2026-01-01 1.001 401 2>err &&
	test_grep "union.db.*union-config init" err &&
	test_must_fail test -e union.db &&
	test_expect_code 64 fund-ledger add 2026-01-01 2>err &&
	test_must_fail test -e union.db &&
	printf "date,category,amount\n2026-01-01,999,1.00\n" >bad.csv &&
	test_expect_code 66 fund-ledger import bad.csv 2>err &&
	test_grep "union.db.*union-config init" err &&
	test_must_fail test -e union.db
'

test_expect_success 'import of a missing file: 66' '
	test_expect_code 66 fund-ledger import nosuch.csv >out 2>err &&
	test_grep "nosuch.csv" err &&
	test_must_fail test -e union.db
'

test_expect_success 'not a unionkit database: read and write commands refuse it (69), it is left alone' '
	sqlite3 other.db "CREATE TABLE t(x); INSERT INTO t VALUES (1);" &&
	cp other.db other.orig &&
	for cmd in "ls" "balance" "verify" "categories" "add 2026-01-01 1 401" \
		"opening 2026-01-01 1 --fund general --account bank" \
		"transfer 2026-01-01 1 --from general --to hardship" "void 1 --reason x" \
		"import $DATA/ledger-book.json" "dues --month 2026-01" "fund add x --title y"; do
		fund-ledger -d other.db $cmd >out 2>err
		rc=$?
		test "$rc" = 69 || { echo "fund-ledger $cmd: exit $rc, not 69" >&2; cat err >&2; exit 1; }
		test_grep "not a unionkit database" err || exit 1
		test_must_fail test -s out || exit 1
	done &&
	cmp other.db other.orig
'

test_expect_success 'write commands on a missing database: 66, union-config init named, nothing created' '
	for cmd in "add 2026-01-01 1 401" "opening 2026-01-01 1 --fund general --account bank" \
		"transfer 2026-01-01 1 --from general --to hardship" "void 1 --reason x" \
		"import $DATA/ledger-book.json" "dues --month 2026-01" "fund add x --title y"; do
		fund-ledger -d typo.db $cmd >out 2>err
		rc=$?
		test "$rc" = 66 || { echo "fund-ledger $cmd: exit $rc, not 66" >&2; cat err >&2; exit 1; }
		test_grep "^fund-ledger: .*typo.db.*union-config init" err || exit 1
		test_must_fail test -s out || exit 1
		test_must_fail test -e typo.db || exit 1
	done
'

test_expect_success 'a database that cannot be created: init exits 73, no crash; writes there 66' '
	test_expect_code 73 union-config init --db "$TRASH/no/such/dir/u.db" 2>err &&
	test_grep "cannot create" err &&
	for cmd in "add 2026-01-01 1 401" "import $DATA/ledger-book.json" "fund add x --title y"; do
		fund-ledger -d "$TRASH/no/such/dir/u.db" $cmd >out 2>err
		rc=$?
		test "$rc" = 66 || { echo "fund-ledger $cmd: exit $rc, not 66" >&2; cat err >&2; exit 1; }
	done &&
	test_must_fail test -e "$TRASH/no/such/dir"
'

test_done
