#!/bin/sh
# The database file (doc/architecture.md, unionkit(7)): created 0600 by union-config
# init and by nothing else, marked as unionkit's, refused when it is another
# program's or newer than the tools, never created by a read, a write or a
# dry run, found by --db, then $UNIONKIT_DB, then ./union.db.
UK_NO_INIT=1
. "$(dirname "$0")/lib.sh"

ID1=11010519491231002X
ID2=440524188001010014
ID3=34052419800101001X

test_expect_success 'union-config init creates the database with mode 0600 even under umask 000' '
	(umask 000 && union-config -q init) &&
	test "$(stat -c %a union.db)" = 600 &&
	member-add -q --name 张三 --id-card $ID1 &&
	test "$(stat -c %a union.db)" = 600 &&
	test "$(db_query "SELECT name FROM members")" = 张三
'

test_expect_success 'union-config init --name creates the database with mode 0600 under umask 022' '
	(umask 022 && union-config -q --db cfg.db init --name 某某中学工会) &&
	test "$(stat -c %a cfg.db)" = 600 &&
	test "$(db_query "SELECT value FROM config WHERE key = ${SQ}union.name${SQ}" cfg.db)" = 某某中学工会
'

test_expect_success 'the file is marked with an application_id and a schema version, in WAL mode' '
	app=$(db_query "PRAGMA application_id") &&
	test "$app" -ne 0 &&
	test "$(db_query "PRAGMA application_id" cfg.db)" = "$app" &&
	test "$(db_query "PRAGMA user_version")" -ge 1 &&
	test "$(db_query "PRAGMA journal_mode")" = wal
'

test_expect_success 'another program'\''s SQLite file is refused with 69 and left as it was' '
	sqlite3 other.db "CREATE TABLE t(x); INSERT INTO t VALUES (42);" &&
	db_dump other.db >before &&
	cp other.db other.copy &&
	test_expect_code 69 member-add --db other.db --name 李四 --id-card $ID2 2>err &&
	test_grep "not a unionkit database" err &&
	test_grep "other.db" err &&
	test_expect_code 69 member-ls --db other.db >out 2>err2 &&
	test_grep "not a unionkit database" err2 &&
	test_must_fail test -s out &&
	test_expect_code 69 union-config --db other.db union.name X 2>err3 &&
	test_grep "not a unionkit database" err3 &&
	test_expect_code 69 member-set --db other.db 000001 --hardship deep 2>err4 &&
	test_grep "not a unionkit database" err4 &&
	db_dump other.db >after &&
	test_cmp before after
'

test_expect_success 'a refused SQLite file is not modified at all (not even switched to WAL)' '
	cmp other.db other.copy &&
	test "$(db_query "PRAGMA journal_mode" other.db)" = delete
'

test_expect_success 'a file that is not SQLite at all is refused with 69 and not touched' '
	printf "工号,姓名\nE1,张三\n" >notes.db &&
	cp notes.db notes.copy &&
	test_expect_code 69 member-add --db notes.db --name 李四 --id-card $ID2 2>err &&
	test_grep "notes.db" err &&
	test_expect_code 69 member-ls --db notes.db 2>err2 &&
	test_grep "notes.db" err2 &&
	cmp notes.db notes.copy
'

test_expect_success 'a database newer than the tools is refused with 69 by readers and writers' '
	union-config -q init --db new.db &&
	member-add -q --db new.db --name 张三 --id-card $ID1 &&
	sqlite3 new.db "PRAGMA user_version = 999" &&
	db_dump new.db >before &&
	test_expect_code 69 member-ls --db new.db >out 2>err &&
	test_grep "newer" err &&
	test_must_fail test -s out &&
	test_expect_code 69 member-add --db new.db --name 李四 --id-card $ID2 2>err2 &&
	test_grep "newer" err2 &&
	test_expect_code 69 union-config --db new.db union.name X 2>err3 &&
	test_grep "newer" err3 &&
	db_dump new.db >after &&
	test_cmp before after &&
	test "$(db_query "PRAGMA user_version" new.db)" = 999
'

for cmd in "member-ls" "member-ls --count" "member-ls --status all -f json" \
	"member-ls --history 000001" "union-config union.name" "union-config --list"; do
	test_expect_success "read-only '$cmd' on a missing database exits 66 and creates nothing" "
		mkdir -p ro && cd ro &&
		test_expect_code 66 $cmd --db missing.db >out 2>err &&
		test_grep 'missing.db' err &&
		test_must_fail test -s out &&
		no_db_files missing.db
	"
done

test_expect_success 'a read-only command on a missing $UNIONKIT_DB exits 66 and creates nothing' '
	UNIONKIT_DB=$TRASH/nothing-here.db &&
	export UNIONKIT_DB &&
	test_expect_code 66 member-ls 2>err &&
	test_grep "nothing-here.db" err &&
	no_db_files "$TRASH/nothing-here.db"
'

test_expect_success 'a read-only command on an empty (0-byte) file exits 66' '
	: >empty.db &&
	test_expect_code 66 member-ls --db empty.db 2>err &&
	test_grep "empty.db" err &&
	test_must_fail test -s empty.db
'

test_expect_success 'member-add --dry-run of one member on a missing database: 66, no file' '
	mkdir -p dry1 && cd dry1 &&
	test_expect_code 66 member-add --dry-run --db d.db --name 张三 --id-card $ID1 2>err &&
	test_grep "d.db.*union-config init" err &&
	no_db_files d.db &&
	union-config -q init --db i.db &&
	db_dump i.db >before &&
	member-add --dry-run --db i.db --name 张三 --id-card $ID1 2>err &&
	test_grep "dry run, nothing written: added 1, updated 0, unchanged 0" err &&
	db_dump i.db >after &&
	test_cmp before after
'

test_expect_success 'member-add --dry-run of a file on a missing database: 66, no file' '
	mkdir -p dry2 && cd dry2 &&
	test_expect_code 66 member-add --dry-run --db d.db "$DATA/members-hr-utf8.csv" 2>err &&
	test_grep "d.db.*union-config init" err &&
	no_db_files d.db &&
	union-config -q init --db i.db &&
	db_dump i.db >before &&
	member-add --dry-run --db i.db "$DATA/members-hr-utf8.csv" 2>err &&
	test_grep "dry run, nothing written: added 4, updated 0, unchanged 0" err &&
	db_dump i.db >after &&
	test_cmp before after
'

test_expect_success 'union-config --dry-run creates no database file, init included' '
	mkdir -p dry3 && cd dry3 &&
	test_expect_code 66 union-config --dry-run --db d.db union.name 某某中学工会 &&
	test_expect_code 66 union-config --dry-run --db d.db --unset union.name &&
	union-config --dry-run --db d.db init --name 某某中学工会 2>err &&
	test_grep "would create .d.db" err &&
	no_db_files d.db
'

test_expect_success 'member-set --dry-run on a missing database creates no file' '
	mkdir -p dry4 && cd dry4 &&
	test_must_fail member-set --dry-run --db d.db 000001 --hardship deep 2>err &&
	test_grep "000001\|d.db" err &&
	no_db_files d.db
'

test_expect_success '--db wins over $UNIONKIT_DB, and $UNIONKIT_DB is used without it' '
	mkdir -p where && cd where &&
	UNIONKIT_DB=$TRASH/where/env.db &&
	export UNIONKIT_DB &&
	union-config -q init &&
	union-config -q init --db cli.db &&
	union-config -q init -d short.db &&
	member-add -q --name 张三 --id-card $ID1 &&
	member-add -q --db cli.db --name 李四 --id-card $ID2 &&
	member-add -q -d short.db --name 王五 --id-card $ID3 &&
	test "$(db_query "SELECT name FROM members" env.db)" = 张三 &&
	test "$(db_query "SELECT name FROM members" cli.db)" = 李四 &&
	test "$(db_query "SELECT name FROM members" short.db)" = 王五 &&
	member-ls -f csv | cut -d, -f3 >env.out &&
	printf "name\n张三\n" >expect &&
	test_cmp expect env.out &&
	member-ls --db cli.db -f csv | cut -d, -f3 >cli.out &&
	printf "name\n李四\n" >expect &&
	test_cmp expect cli.out &&
	no_db_files union.db
'

test_expect_success 'without --db nor $UNIONKIT_DB the database is ./union.db' '
	mkdir -p plain && cd plain &&
	unset UNIONKIT_DB &&
	union-config -q init &&
	member-add -q --name 张三 --id-card $ID1 &&
	test -f union.db &&
	test "$(stat -c %a union.db)" = 600 &&
	member-ls -f csv | cut -d, -f3 >out &&
	printf "name\n张三\n" >expect &&
	test_cmp expect out
'

test_expect_success 'an empty $UNIONKIT_DB counts as unset' '
	mkdir -p emptyenv && cd emptyenv &&
	UNIONKIT_DB= union-config -q init &&
	test -f union.db &&
	UNIONKIT_DB= member-add -q --name 张三 --id-card $ID1 &&
	test "$(db_query "SELECT name FROM members" union.db)" = 张三
'

test_done
