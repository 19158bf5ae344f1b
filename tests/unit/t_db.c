/* t_db.c - unit tests for db.c: creating (0600, application_id, version),
 * refusing foreign and newer files, migrating forward, WAL, busy timeout,
 * transactions, and the path in force. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "uk_cli.h"
#include "uk_db.h"
#include "tap.h"
#include "capture.h"

/* Step 1 uses IF NOT EXISTS so that running it twice would not fail but
 * would show in the row count. */
static const struct uk_migration mig[] = {
	{1, "CREATE TABLE IF NOT EXISTS a(x INTEGER); INSERT INTO a VALUES (1);"},
	{2, "CREATE TABLE b(y TEXT); INSERT INTO a VALUES (2);"},
	{3, "CREATE TABLE c(z); INSERT INTO nosuch VALUES (1);"},  /* fails */
};

static char dir[64];

static const char *in_dir(const char *name)
{
	static char buf[4][128];
	static int k;
	char *p = buf[k++ % 4];
	snprintf(p, 128, "%s/%s", dir, name);
	return p;
}

static int exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0;
}



/* ---- raw SQLite ---- */

/* One integer from sql on a connection; -999 on failure. */
static long long q_int(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long v = -999;
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* One text from sql into a static buffer; "" on failure. */
static const char *q_text(sqlite3 *h, const char *sql)
{
	static char buf[128];
	sqlite3_stmt *st = NULL;
	buf[0] = '\0';
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_text(st, 0))
		snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

/* The same, on a fresh connection to path (read-only, never creating). */
static long long file_int(const char *path, const char *sql)
{
	sqlite3 *h = NULL;
	long long v = -999;
	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
		v = q_int(h, sql);
	sqlite3_close(h);
	return v;
}

static int file_exec(const char *path, const char *sql)
{
	sqlite3 *h = NULL;
	int rc = sqlite3_open(path, &h);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(h, sql, NULL, NULL, NULL);
	sqlite3_close(h);
	return rc;
}

static int open_db(const char *path, enum uk_db_mode mode, int dry, int nmig, struct uk_db **db)
{
	int rc;
	cap_start();
	rc = uk_db_open(path, mode, dry, mig, nmig, db);
	cap_end_trimmed();
	return rc;
}

static void test_create(void)
{
	const char *p = in_dir("new.db");
	struct uk_db *db = NULL;
	struct stat sb;
	int rc;

	umask(022);  /* SQLite alone would make the file 0644 */
	rc = open_db(p, UK_DB_CREATE, 0, 1, &db);
	is_int(rc, 0, "create: opens");
	ok(db != NULL, "create: handle");
	ok(stat(p, &sb) == 0, "create: file exists");
	is_int(sb.st_mode & 0777, 0600, "create: mode 0600");
	if (!db)
		return;
	is_str(uk_db_path(db), p, "create: uk_db_path");
	ok(q_int(uk_db_sqlite(db), "PRAGMA busy_timeout") >= 5000, "create: busy_timeout >= 5000 (%lld)",
	   q_int(uk_db_sqlite(db), "PRAGMA busy_timeout"));
	is_int(q_int(uk_db_sqlite(db), "PRAGMA foreign_keys"), 1, "create: foreign keys on");
	is_int(q_int(uk_db_sqlite(db), "SELECT count(*) FROM a"), 1, "create: migration 1 ran once");
	is_int(q_int(uk_db_sqlite(db), "SELECT count(*) FROM sqlite_master WHERE name = 'b'"), 0,
	       "create: migration 2 not run when not given");
	/* A new file may take its first load through the rollback journal;
	 * after the first committed write command it is in WAL. */
	is_int(uk_db_begin(db), 0, "create: begin");
	is_int(uk_db_exec(db, "INSERT INTO a VALUES (10)"), 0, "create: insert");
	is_int(uk_db_commit(db), 0, "create: commit");
	is_str(q_text(uk_db_sqlite(db), "PRAGMA journal_mode"), "wal", "create: WAL after the first commit");
	/* The WAL file holds personal data too. */
	uk_db_exec(db, "UPDATE a SET x = 10 WHERE x = 10");
	if (exists(in_dir("new.db-wal"))) {
		stat(in_dir("new.db-wal"), &sb);
		is_int(sb.st_mode & 0777, 0600, "create: WAL file mode 0600");
	} else {
		ok(0, "create: WAL file exists after a write in WAL mode");
	}
	uk_db_close(db);
	is_int(file_int(p, "PRAGMA application_id"), UK_DB_APPLICATION_ID, "create: application_id");
	is_int(file_int(p, "PRAGMA application_id"), 0x554B4954, "create: application_id is 'UKIT'");
	is_int(file_int(p, "PRAGMA user_version"), 1, "create: user_version = last migration");
	{
		sqlite3 *h = NULL;
		sqlite3_open_v2(p, &h, SQLITE_OPEN_READONLY, NULL);
		is_str(q_text(h, "PRAGMA journal_mode"), "wal", "create: WAL persists in the file");
		sqlite3_close(h);
	}

	/* CREATE never opens books that exist: a second init would post
	 * into them as if they were new. */
	{
		const char *msg;
		long long rows = file_int(p, "SELECT count(*) FROM a");
		cap_start();
		rc = uk_db_open(p, UK_DB_CREATE, 0, mig, 1, &db);
		msg = cap_end_trimmed();
		is_int(rc, 73, "create existing: 73");
		ok(db == NULL, "create existing: no handle");
		ok(strstr(msg, "already exists") != NULL, "create existing: says so (%s)", msg);
		is_int(file_int(p, "SELECT count(*) FROM a"), rows, "create existing: file untouched");
		rc = open_db(p, UK_DB_CREATE, 1, 1, &db);
		is_int(rc, 73, "create existing with dry run: 73");
		ok(db == NULL, "create existing with dry run: no handle");
	}
}

static void test_migrate(void)
{
	const char *p = in_dir("new.db");
	struct uk_db *db = NULL;
	const char *msg;
	int rc;

	/* A read command on an older file, after an upgrade of unionkit:
	 * it must still read it (migrating it, or reading the old schema). */
	cap_start();
	rc = uk_db_open(p, UK_DB_READ, 0, mig, 2, &db);
	msg = cap_end_trimmed();
	is_int(rc, 0, "read older file: opens (%s)", msg);
	uk_db_close(db);
	db = NULL;

	/* v1 -> v2 runs the new step only. */
	rc = open_db(p, UK_DB_WRITE, 0, 2, &db);
	is_int(rc, 0, "migrate 1->2: opens");
	uk_db_close(db);
	is_int(file_int(p, "PRAGMA user_version"), 2, "migrate 1->2: user_version 2");
	is_int(file_int(p, "SELECT count(*) FROM a WHERE x = 1"), 1, "migrate 1->2: step 1 not run again");
	is_int(file_int(p, "SELECT count(*) FROM a WHERE x = 2"), 1, "migrate 1->2: step 2 ran");
	is_int(file_int(p, "SELECT count(*) FROM sqlite_master WHERE name = 'b'"), 1,
	       "migrate 1->2: table b made");
	is_int(file_int(p, "PRAGMA application_id"), UK_DB_APPLICATION_ID, "migrate 1->2: application_id kept");

	/* Up to date: nothing runs. */
	rc = open_db(p, UK_DB_WRITE, 0, 2, &db);
	is_int(rc, 0, "current: opens");
	if (db) {
		is_str(q_text(uk_db_sqlite(db), "PRAGMA journal_mode"), "wal", "current: WAL on write");
		ok(q_int(uk_db_sqlite(db), "PRAGMA busy_timeout") >= 5000, "current: busy_timeout >= 5000");
		is_int(q_int(uk_db_sqlite(db), "PRAGMA foreign_keys"), 1, "current: foreign keys on");
	}
	uk_db_close(db);
	is_int(file_int(p, "SELECT count(*) FROM a"), 3, "current: no step re-run");

	/* A failing step leaves the file as it was: one transaction. */
	rc = open_db(p, UK_DB_WRITE, 0, 3, &db);
	ok(rc != 0, "failing step: refused (%d)", rc);
	ok(db == NULL, "failing step: no handle");
	is_int(file_int(p, "PRAGMA user_version"), 2, "failing step: version unchanged");
	is_int(file_int(p, "SELECT count(*) FROM sqlite_master WHERE name = 'c'"), 0,
	       "failing step: its table rolled back");

	/* Read mode on a current file. */
	rc = open_db(p, UK_DB_READ, 0, 2, &db);
	is_int(rc, 0, "read: opens a current file");
	if (db) {
		cap_start();
		rc = uk_db_exec(db, "INSERT INTO a VALUES (99)");
		cap_end_trimmed();
		ok(rc != 0, "read: a write is refused (%d)", rc);
		uk_db_close(db);
	}
	is_int(file_int(p, "SELECT count(*) FROM a WHERE x = 99"), 0, "read: nothing written");

	/* Newer than the migrations known: refused, read or write. */
	is_int(file_exec(p, "PRAGMA user_version = 5"), SQLITE_OK, "newer: set user_version 5");
	cap_start();
	rc = uk_db_open(p, UK_DB_WRITE, 0, mig, 2, &db);
	msg = cap_end_trimmed();
	is_int(rc, 69, "newer: write refused with 69");
	ok(strstr(msg, "newer") != NULL, "newer: message says newer (%s)", msg);
	ok(db == NULL, "newer: no handle");
	rc = open_db(p, UK_DB_READ, 0, 2, &db);
	is_int(rc, 69, "newer: read refused with 69");
	is_int(file_int(p, "PRAGMA user_version"), 5, "newer: never migrated backward");
	file_exec(p, "PRAGMA user_version = 2");
}

static void test_refuse(void)
{
	const char *foreign = in_dir("foreign.db"), *text = in_dir("text.db"), *missing = in_dir("missing.db");
	struct uk_db *db = NULL;
	const char *msg;
	FILE *f;
	int rc;

	/* Another program's SQLite file. */
	is_int(file_exec(foreign, "CREATE TABLE t(x); INSERT INTO t VALUES (1);"), SQLITE_OK,
	       "foreign: made with sqlite3");
	cap_start();
	rc = uk_db_open(foreign, UK_DB_WRITE, 0, mig, 2, &db);
	msg = cap_end_trimmed();
	is_int(rc, 69, "foreign: write refused with 69");
	ok(strstr(msg, "not a unionkit database") != NULL, "foreign: clear message (%s)", msg);
	ok(db == NULL, "foreign: no handle");
	rc = open_db(foreign, UK_DB_READ, 0, 2, &db);
	is_int(rc, 69, "foreign: read refused with 69");
	is_int(file_int(foreign, "PRAGMA user_version"), 0, "foreign: not migrated");
	is_int(file_int(foreign, "PRAGMA application_id"), 0, "foreign: not marked");
	is_int(file_int(foreign, "SELECT count(*) FROM sqlite_master WHERE name = 'a'"), 0,
	       "foreign: no tables added");

	/* Another SQLite file with only an application_id of its own. */
	file_exec(foreign, "PRAGMA application_id = 1234");
	rc = open_db(foreign, UK_DB_WRITE, 0, 2, &db);
	is_int(rc, 69, "other application_id: 69");

	/* Not SQLite at all. */
	f = fopen(text, "w");
	fputs("name,amount\nthis is a CSV file, not a database, and long enough to have a header"
	      " of a hundred bytes or so............................................\n", f);
	fclose(f);
	rc = open_db(text, UK_DB_WRITE, 0, 2, &db);
	is_int(rc, 69, "text file: 69");
	ok(db == NULL, "text file: no handle");

	/* READ on a missing file: 66, nothing created. */
	cap_start();
	rc = uk_db_open(missing, UK_DB_READ, 0, mig, 2, &db);
	msg = cap_end_trimmed();
	is_int(rc, 66, "read missing: 66");
	ok(db == NULL, "read missing: no handle");
	ok(!exists(missing), "read missing: no file created");
	ok(strstr(msg, "not found") != NULL, "read missing: says so (%s)", msg);
	rc = open_db(missing, UK_DB_READ, 1, 2, &db);
	is_int(rc, 66, "read missing with dry run: 66");
	ok(!exists(missing), "read missing with dry run: no file created");

	/* WRITE on a missing file: 66, nothing created (a typo in --db
	 * must not open new, empty books). */
	cap_start();
	rc = uk_db_open(missing, UK_DB_WRITE, 0, mig, 2, &db);
	msg = cap_end_trimmed();
	is_int(rc, 66, "write missing: 66");
	ok(db == NULL, "write missing: no handle");
	ok(!exists(missing), "write missing: no file created");
	ok(strstr(msg, "not found") != NULL && strstr(msg, "union-config init") != NULL,
	   "write missing: names union-config init (%s)", msg);
	rc = open_db(missing, UK_DB_WRITE, 1, 2, &db);
	is_int(rc, 66, "write missing with dry run: 66");
	ok(db == NULL && !exists(missing), "write missing with dry run: no handle, no file");

	/* CREATE with a dry run: an in-memory stand-in, no file. */
	rc = open_db(missing, UK_DB_CREATE, 1, 2, &db);
	is_int(rc, 0, "create dry run: opens");
	ok(!exists(missing), "create dry run: no file created");
	ok(!exists(in_dir("missing.db-wal")) && !exists(in_dir("missing.db-journal")),
	   "create dry run: no journal either");
	if (db) {
		is_int(q_int(uk_db_sqlite(db), "PRAGMA user_version"), 2, "create dry run: schema in memory");
		is_int(q_int(uk_db_sqlite(db), "SELECT count(*) FROM a"), 2, "create dry run: steps ran in memory");
		is_str(uk_db_path(db), missing, "create dry run: path for messages");
		is_int(uk_db_begin(db), 0, "create dry run: begin");
		is_int(uk_db_exec(db, "INSERT INTO a VALUES (5)"), 0, "create dry run: write to memory");
		uk_db_rollback(db);
		uk_db_close(db);
	}
	ok(!exists(missing), "create dry run: still no file after close");

	/* An empty (0-byte) file read: no unionkit data yet. */
	f = fopen(missing, "w");
	fclose(f);
	rc = open_db(missing, UK_DB_READ, 0, 2, &db);
	is_int(rc, 66, "read empty file: 66");
	unlink(missing);

	/* A database that cannot be created. */
	rc = open_db(in_dir("no/such/dir.db"), UK_DB_CREATE, 0, 2, &db);
	is_int(rc, 73, "cannot create: 73");
}

static void test_transactions(void)
{
	const char *p = in_dir("new.db");
	struct uk_db *db = NULL;
	sqlite3 *h;
	int rc;

	rc = open_db(p, UK_DB_WRITE, 0, 2, &db);
	is_int(rc, 0, "tx: opens");
	if (!db)
		return;
	h = uk_db_sqlite(db);
	is_int(q_int(h, "SELECT count(*) FROM a"), 3, "tx: three rows to start");

	is_int(uk_db_begin(db), 0, "tx: begin");
	is_int(sqlite3_get_autocommit(h), 0, "tx: in a transaction");
	uk_db_exec(db, "INSERT INTO a VALUES (100)");
	uk_db_rollback(db);
	is_int(sqlite3_get_autocommit(h), 1, "tx: rollback ends it");
	is_int(q_int(h, "SELECT count(*) FROM a WHERE x = 100"), 0, "tx: rollback discards");

	is_int(uk_db_begin(db), 0, "tx: begin again");
	uk_db_exec(db, "INSERT INTO a VALUES (200)");
	is_int(file_int(p, "SELECT count(*) FROM a WHERE x = 200"), 0, "tx: uncommitted not seen by others");
	is_int(uk_db_commit(db), 0, "tx: commit");
	is_int(sqlite3_get_autocommit(h), 1, "tx: commit ends it");
	is_int(file_int(p, "SELECT count(*) FROM a WHERE x = 200"), 1, "tx: committed seen by another connection");

	uk_db_rollback(db);  /* outside a transaction: harmless */
	is_int(q_int(h, "SELECT count(*) FROM a"), 4, "tx: rollback outside a transaction changes nothing");

	/* Errors map to exit codes. */
	cap_start();
	is_int(uk_db_fail(db, SQLITE_BUSY, "t"), 75, "fail: busy is 75");
	is_int(uk_db_fail(db, SQLITE_FULL, "t"), 74, "fail: full is 74");
	is_int(uk_db_fail(db, SQLITE_IOERR_WRITE, "t"), 74, "fail: extended I/O error is 74");
	is_int(uk_db_fail(db, SQLITE_CORRUPT, "t"), 69, "fail: corrupt is 69");
	is_int(uk_db_fail(db, SQLITE_ERROR, "t"), 70, "fail: other is 70");
	ok(uk_db_prepare(db, "SELEC nonsense") == NULL, "prepare: bad SQL is NULL");
	is_int(uk_db_exec(db, "INSERT INTO nosuch VALUES (1)"), 70, "exec: bad SQL is 70");
	cap_end_trimmed();
	{
		sqlite3_stmt *st = uk_db_prepare(db, "SELECT count(*) FROM a");
		ok(st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 4, "prepare: good SQL runs");
		sqlite3_finalize(st);
	}

	/* Another connection wrote and committed: begin takes the lock. */
	{
		sqlite3 *other = NULL;
		sqlite3_open(p, &other);
		is_int(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK, "lock: other writer");
		sqlite3_exec(other, "COMMIT", NULL, NULL, NULL);
		is_int(uk_db_begin(db), 0, "lock: begin after the other writer committed");
		uk_db_rollback(db);
		sqlite3_close(other);
	}
	uk_db_close(db);
}

static void test_default_path(void)
{
	unsetenv("UNIONKIT_DB");
	is_str(uk_db_default_path(NULL), "union.db", "path: default union.db");
	is_str(uk_db_default_path(""), "union.db", "path: empty option is no option");
	is_str(uk_db_default_path("x.db"), "x.db", "path: option");
	setenv("UNIONKIT_DB", "/srv/env.db", 1);
	is_str(uk_db_default_path(NULL), "/srv/env.db", "path: $UNIONKIT_DB");
	is_str(uk_db_default_path("opt.db"), "opt.db", "path: option beats $UNIONKIT_DB");
	setenv("UNIONKIT_DB", "", 1);
	is_str(uk_db_default_path(NULL), "union.db", "path: empty $UNIONKIT_DB ignored");
	unsetenv("UNIONKIT_DB");
}

struct sum { long long total; int rows, stop_after, fail_with; };

static int add_row(sqlite3_stmt *st, void *ctx)
{
	struct sum *s = ctx;
	s->total += sqlite3_column_int64(st, 0);
	s->rows++;
	if (s->stop_after && s->rows == s->stop_after)
		return s->fail_with ? s->fail_with : UK_DB_STOP;
	return 0;
}

/* The one row loop: every row seen, a quiet stop, a callback's code, a
 * failed step said and mapped, one row or none, a row of integers, NULL
 * text. */
static void test_row_loop(void)
{
	struct uk_db *db = NULL;
	sqlite3_stmt *st;
	struct sum s = {0};
	int found = -1;
	const char *msg;

	if (open_db(in_dir("new.db"), UK_DB_WRITE, 0, 2, &db) != 0 || !db)
		return;
	st = uk_db_prepare(db, "SELECT x FROM a ORDER BY x");
	is_int(uk_db_each(db, st, add_row, &s, "sum"), 0, "each: done");
	is_int(s.rows, q_int(uk_db_sqlite(db), "SELECT count(*) FROM a"), "each: every row");
	is_int(s.total, q_int(uk_db_sqlite(db), "SELECT sum(x) FROM a"), "each: the sum of the rows");
	s = (struct sum){.stop_after = 2};
	is_int(uk_db_each(db, st, add_row, &s, "sum"), 0, "each: a quiet stop is 0");
	is_int(s.rows, 2, "each: stops after the row that asked");
	s = (struct sum){.stop_after = 1, .fail_with = UK_EX_DATAERR};
	is_int(uk_db_each(db, st, add_row, &s, "sum"), UK_EX_DATAERR, "each: the callback's code");
	is_int(s.rows, 1, "each: nothing after a failing row");
	is_int(uk_db_each(db, st, NULL, NULL, "count"), 0, "each: no callback steps through");
	sqlite3_finalize(st);

	st = uk_db_prepare(db, "SELECT abs(-9223372036854775807 - 1)");
	cap_start();
	is_int(uk_db_each(db, st, add_row, &s, "the sum"), UK_EX_SOFTWARE, "each: a failed step is 70");
	msg = cap_end();
	ok(strstr(msg, "the sum: integer overflow") != NULL, "each: the failure said (%s)", msg);
	sqlite3_finalize(st);

	st = uk_db_prepare(db, "SELECT x FROM a WHERE x = ?");
	sqlite3_bind_int(st, 1, 2);
	s = (struct sum){0};
	is_int(uk_db_one(db, st, add_row, &s, &found, "one"), 0, "one: done");
	ok(found == 1 && s.rows == 1 && s.total == 2, "one: found the row");
	sqlite3_bind_int(st, 1, 99);
	is_int(uk_db_one(db, st, add_row, &s, &found, "one"), 0, "one: not found is no error");
	is_int(found, 0, "one: not found is said by found");
	sqlite3_finalize(st);

	st = uk_db_prepare(db, "SELECT ?1 * 2, ?1 + 3, 7");
	int64_t v[3] = {-1, -1, -1};
	sqlite3_bind_int(st, 1, 1);
	is_int(uk_db_ints(db, st, v, 2, &found, "ints"), 0, "ints: done");
	ok(found == 1 && v[0] == 2 && v[1] == 4 && v[2] == -1,
	   "ints: the first n columns, no more (%lld %lld %lld)", (long long)v[0], (long long)v[1],
	   (long long)v[2]);
	sqlite3_finalize(st);
	st = uk_db_prepare(db, "SELECT x FROM a WHERE x IS NULL");
	v[0] = 42;
	is_int(uk_db_ints(db, st, v, 1, &found, "ints"), 0, "ints: no row is no error");
	ok(found == 0 && v[0] == 42, "ints: no row leaves the values");
	sqlite3_finalize(st);
	st = uk_db_prepare(db, "SELECT abs(-9223372036854775807 - 1)");
	cap_start();
	is_int(uk_db_ints(db, st, v, 1, &found, "the count"), UK_EX_SOFTWARE, "ints: a failed step is 70");
	msg = cap_end();
	ok(strstr(msg, "the count: integer overflow") != NULL, "ints: the failure said (%s)", msg);
	sqlite3_finalize(st);

	st = uk_db_prepare(db, "SELECT NULL, 'x'");
	is_int(uk_db_one(db, st, NULL, NULL, &found, "one"), 0, "one: no callback");
	sqlite3_step(st);
	ok(uk_db_text(st, 0) == NULL, "text: NULL stays NULL");
	is_str(uk_db_text(st, 1), "x", "text: a value");
	sqlite3_finalize(st);
	uk_db_close(db);
}

int main(void)
{
	const char *names[] = {"new.db", "new.db-wal", "new.db-shm", "foreign.db", "text.db",
	                       "missing.db", "missing.db-wal", "missing.db-shm", NULL};

	uk_cli_init("t_db");
	strcpy(dir, "/tmp/t_db.XXXXXX");
	if (!mkdtemp(dir)) {
		printf("# cannot make a temp directory\n");
		return 1;
	}
	test_create();
	test_migrate();
	test_refuse();
	test_transactions();
	test_row_loop();
	test_default_path();
	for (int i = 0; names[i]; i++)
		unlink(in_dir(names[i]));
	ok(rmdir(dir) == 0, "temp directory left clean");
	return done_testing();
}
