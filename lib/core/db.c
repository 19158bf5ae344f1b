/* db.c - opening, creating, checking and migrating the SQLite file. */
#include "uk_db.h"
#include "uk_cli.h"
#include "uk_i18n.h"
#include "uk_ids.h"
#include "uk_money.h"
#include "uk_rec.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct uk_db {
	sqlite3 *h;
	char *path;
	int in_memory;
	int created;      /* this command created the file: WAL comes after the first commit */
	dev_t dev;        /* the file opened, to notice it removed under us */
	ino_t ino;
	int data_version; /* other connections' commits change it */
};

/* Long enough to ride out a cron job and an interactive import at once. */
#define UK_BUSY_TIMEOUT_MS 10000
/* Pages cached during a batch: 32 MiB keeps peak memory well under 64 MB. */
#define UK_BULK_CACHE_KIB 32768

static int set_wal(struct uk_db *db);

const char *uk_db_default_path(const char *opt)
{
	const char *env;
	if (opt && *opt)
		return opt;
	env = getenv("UNIONKIT_DB");
	if (env && *env)
		return env;
	return "union.db";
}

sqlite3 *uk_db_sqlite(struct uk_db *db) { return db->h; }
const char *uk_db_path(const struct uk_db *db) { return db->path; }

int uk_db_fail(struct uk_db *db, int rc, const char *what)
{
	int prim = rc & 0xff;
	const char *msg = db && db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc);
	/* what is marked N_() where it is written, or already translated. */
	what = gettext(what);
	if (prim == SQLITE_BUSY || prim == SQLITE_LOCKED) {
		uk_err("%s: database '%s' is busy; try again later", what, db ? db->path : "?");
		return UK_EX_TEMPFAIL;
	}
	if (prim == SQLITE_FULL || prim == SQLITE_IOERR || prim == SQLITE_READONLY ||
	    prim == SQLITE_CANTOPEN) {
		/* "disk I/O error" alone does not say the disk is full. */
		int sys = prim == SQLITE_IOERR && db && db->h ? sqlite3_system_errno(db->h) : 0;
		if (sys)
			uk_err("%s: %s: %s (%s)", what, db->path, msg, strerror(sys));
		else
			uk_err("%s: %s: %s", what, db ? db->path : "?", msg);
		return prim == SQLITE_CANTOPEN ? UK_EX_CANTCREAT : UK_EX_IOERR;
	}
	if (prim == SQLITE_CORRUPT || prim == SQLITE_NOTADB) {
		uk_err("%s: '%s' is damaged or not a database: %s", what, db ? db->path : "?", msg);
		return UK_EX_UNAVAILABLE;
	}
	uk_err("%s: %s", what, msg);
	return UK_EX_SOFTWARE;
}

sqlite3_stmt *uk_db_prepare(struct uk_db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK) {
		uk_db_fail(db, rc, N_("cannot prepare statement"));
		return NULL;
	}
	return st;
}

int uk_db_each(struct uk_db *db, sqlite3_stmt *st, uk_db_row_fn row, void *ctx,
               const char *what)
{
	int rc, status = UK_EX_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int r = row ? row(st, ctx) : 0;
		if (r == UK_DB_STOP)
			break;
		if (r != 0) {
			status = r;
			break;
		}
	}
	if (status == UK_EX_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
		status = uk_db_fail(db, rc, what);
	sqlite3_reset(st);
	return status;
}

int uk_db_one(struct uk_db *db, sqlite3_stmt *st, uk_db_row_fn row, void *ctx,
              int *found, const char *what)
{
	int rc = sqlite3_step(st), status = UK_EX_OK;
	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW) {
		int r = row ? row(st, ctx) : 0;
		if (r != 0 && r != UK_DB_STOP)
			status = r;
	} else if (rc != SQLITE_DONE) {
		status = uk_db_fail(db, rc, what);
	}
	sqlite3_reset(st);
	return status;
}

struct ints { int64_t *out; int n; };

static int ints_row(sqlite3_stmt *st, void *ctx)
{
	struct ints *v = ctx;
	for (int i = 0; i < v->n; i++)
		v->out[i] = sqlite3_column_int64(st, i);
	return 0;
}

int uk_db_ints(struct uk_db *db, sqlite3_stmt *st, int64_t *out, int n,
               int *found, const char *what)
{
	struct ints v = { out, n };
	return uk_db_one(db, st, ints_row, &v, found, what);
}

const char *uk_db_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

int uk_db_exec(struct uk_db *db, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, &msg);
	sqlite3_free(msg);
	if (rc != SQLITE_OK)
		return uk_db_fail(db, rc, N_("database"));
	return UK_EX_OK;
}

static int pragma_int(struct uk_db *db, const char *sql, int *out)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int(st, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	return rc;
}

/* Creates an empty file with mode 0600 so that SQLite, which would use
 * 0644 less the umask, writes the members' personal data into a private
 * file. Another process that made it first (two inits at once) owns it:
 * this one is refused as if the file had been there all along. */
static int create_private_file(const char *path, int *created)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	*created = 0;
	if (fd < 0) {
		if (errno == EEXIST) {
			uk_err("database '%s' already exists", path);
			return UK_EX_CANTCREAT;
		}
		uk_err("cannot create database '%s': %s", path, strerror(errno));
		return UK_EX_CANTCREAT;
	}
	close(fd);
	*created = 1;
	return UK_EX_OK;
}

static int pragma_int(struct uk_db *db, const char *sql, int *out);

static int migrate(struct uk_db *db, int from, const struct uk_migration *m, int n)
{
	int rc = uk_db_exec(db, "BEGIN IMMEDIATE"), now = 0;
	if (rc)
		return rc;
	/* Another process may have migrated while this one waited for the
	 * lock: the version is read again under it. */
	if ((rc = pragma_int(db, "PRAGMA user_version", &now)) != SQLITE_OK) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		return uk_db_fail(db, rc, N_("cannot read database"));
	}
	if (now > from) {
		if (n > 0 && now >= m[n - 1].version)
			return uk_db_exec(db, "COMMIT");
		from = now;
	}
	for (int i = 0; i < n; i++) {
		char pragma[64];
		if (m[i].version <= from)
			continue;
		if ((rc = uk_db_exec(db, m[i].sql)) != 0)
			goto fail;
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", m[i].version);
		if ((rc = uk_db_exec(db, pragma)) != 0)
			goto fail;
	}
	if (from == 0) {
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA application_id = %d", UK_DB_APPLICATION_ID);
		if ((rc = uk_db_exec(db, pragma)) != 0)
			goto fail;
	}
	return uk_db_exec(db, "COMMIT");
fail:
	sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* Checks the file is ours and current; migrates when it is older. */
static int check_and_migrate(struct uk_db *db, enum uk_db_mode mode,
                             const struct uk_migration *m, int n)
{
	int app = 0, version = 0, objects = 0, rc;
	int latest = n > 0 ? m[n - 1].version : 0;

	/* The three in one statement, so one snapshot: another process may
	 * be creating the schema at this very moment. */
	{
		sqlite3_stmt *st = NULL;
		rc = sqlite3_prepare_v2(db->h,
			"SELECT (SELECT application_id FROM pragma_application_id()),"
			" (SELECT user_version FROM pragma_user_version()),"
			" (SELECT count(*) FROM sqlite_master)", -1, &st, NULL);
		if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			app = sqlite3_column_int(st, 0);
			version = sqlite3_column_int(st, 1);
			objects = sqlite3_column_int(st, 2);
			rc = SQLITE_OK;
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_OK)
			return uk_db_fail(db, rc, N_("cannot read database"));
	}
	if (app != UK_DB_APPLICATION_ID && !(app == 0 && version == 0 && objects == 0)) {
		uk_err("'%s' is not a unionkit database (a SQLite file of another program); "
		       "give another --db", db->path);
		return UK_EX_UNAVAILABLE;
	}
	if (version > latest) {
		uk_err("'%s' has schema version %d, newer than this unionkit knows (%d); "
		       "upgrade unionkit", db->path, version, latest);
		return UK_EX_UNAVAILABLE;
	}
	if (version == latest)
		return UK_EX_OK;
	if (mode == UK_DB_READ && version == 0) {
		uk_err("'%s' is empty: no unionkit data yet", db->path);
		return UK_EX_NOINPUT;
	}
	if (mode == UK_DB_READ && !db->in_memory) {
		/* An older file read by a newer unionkit: migrate it forward
		 * on a writable connection, then read as usual. */
		sqlite3 *rw = NULL;
		int orc = sqlite3_open_v2(db->path, &rw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
		sqlite3 *ro = db->h;
		if (orc != SQLITE_OK) {
			sqlite3_close_v2(rw);
			return uk_db_fail(db, orc, N_("cannot upgrade database"));
		}
		sqlite3_busy_timeout(rw, UK_BUSY_TIMEOUT_MS);
		db->h = rw;
		orc = migrate(db, version, m, n);
		db->h = ro;
		sqlite3_close_v2(rw);
		return orc;
	}
	return migrate(db, version, m, n);
}

static int configure(struct uk_db *db)
{
	int rc;
	sqlite3_busy_timeout(db->h, UK_BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(db->h, 1);
	if ((rc = uk_db_exec(db, "PRAGMA foreign_keys = ON")) != 0)
		return rc;
	return UK_EX_OK;
}

/* Asks for WAL when the file is not in it yet. Switching needs the file to
 * itself: when other processes have it open (several first writers at
 * once) the switch is left to a later command, and this one goes on in the
 * rollback journal, which is as safe. */
static void set_journal_wal(struct uk_db *db)
{
	sqlite3_stmt *st = NULL;
	int wal = 0;
	if (sqlite3_prepare_v2(db->h, "PRAGMA journal_mode", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		wal = strcmp((const char *)sqlite3_column_text(st, 0), "wal") == 0;
	sqlite3_finalize(st);
	if (!wal)
		sqlite3_exec(db->h, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
}

/* Journal settings, once the file is known to be ours. */
static int configure_journal(struct uk_db *db, enum uk_db_mode mode)
{
	if (mode == UK_DB_READ || db->in_memory)
		return UK_EX_OK;
	/* A file this command has just created holds nothing anyone else
	 * could be reading: its first load (often a whole HR export) goes
	 * through the rollback journal, which writes each page once where
	 * WAL writes it twice. WAL follows the first commit. */
	if (!db->created)
		set_journal_wal(db);
	/* In WAL, NORMAL loses no committed-and-checkpointed data and never
	 * corrupts; a power cut may drop the last commit only. */
	return uk_db_exec(db, "PRAGMA synchronous = NORMAL");
}

/* Whether a file can be created beside path (WAL's -shm file). */
static int dir_writable(const char *path)
{
	const char *slash = strrchr(path, '/');
	char dir[4096];
	if (!slash)
		return access(".", W_OK) == 0;
	if ((size_t)(slash - path) >= sizeof dir)
		return 1;
	snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
	return access(dir, W_OK) == 0;
}

/* "file:PATH?immutable=1", PATH percent-encoded where a URI needs it. */
static char *immutable_uri(const char *path)
{
	size_t n = strlen(path);
	char *uri = malloc(n * 3 + 32), *o;
	if (!uri)
		return NULL;
	o = uri + sprintf(uri, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x20)
			o += sprintf(o, "%%%02X", *p);
		else
			*o++ = (char)*p;
	}
	strcpy(o, "?immutable=1");
	return uri;
}

int uk_db_open(const char *path, enum uk_db_mode mode, int dry_run,
               const struct uk_migration *migrations, int nmigrations,
               struct uk_db **out)
{
	struct uk_db *db;
	struct stat sb;
	int exists = stat(path, &sb) == 0;
	int flags, rc;

	*out = NULL;
	if (exists && S_ISDIR(sb.st_mode)) {
		uk_err("database '%s' is a directory", path);
		return UK_EX_NOINPUT;
	}
	if (exists && mode == UK_DB_CREATE) {
		uk_err("database '%s' already exists", path);
		return UK_EX_CANTCREAT;
	}
	/* Only union-config init creates the books: a mistyped --db must not
	 * open a new, empty set of them and post into it. */
	if (!exists && mode != UK_DB_CREATE) {
		uk_err("database '%s' not found (create it with union-config init, "
		       "or give --db)", path);
		return UK_EX_NOINPUT;
	}
	/* SQLite's memory statistics take a global lock on every
	 * allocation; unionkit never reads them. Refused (and harmless)
	 * once SQLite is initialised: a second open in the process. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	db = calloc(1, sizeof *db);
	if (!db || !(db->path = strdup(path))) {
		free(db);
		return uk_err_nomem();
	}
	if (!exists && dry_run) {
		/* A dry run must not leave a file behind: check against an empty
		 * database in memory instead. */
		db->in_memory = 1;
		flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
		rc = sqlite3_open_v2(":memory:", &db->h, flags, NULL);
	} else {
		if (!exists && (rc = create_private_file(path, &db->created)) != 0) {
			free(db->path);
			free(db);
			return rc;
		}
		flags = mode == UK_DB_READ ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
		if (mode == UK_DB_READ && !dir_writable(path)) {
			/* Books kept where nothing can be written (a read-only copy,
			 * an archive): WAL's shared-memory file cannot be made
			 * there, so the file is read as one that cannot change. */
			char *uri = immutable_uri(path);
			if (!uri) {
				uk_db_close(db);
				return uk_err_nomem();
			}
			rc = sqlite3_open_v2(uri, &db->h, flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL);
			free(uri);
		} else {
			rc = sqlite3_open_v2(path, &db->h, flags | SQLITE_OPEN_NOMUTEX, NULL);
		}
	}
	if (rc != SQLITE_OK) {
		rc = uk_db_fail(db, rc, N_("cannot open database"));
		uk_db_close(db);
		return rc;
	}
	/* A new file gets 16 KiB pages, before its first table: a register
	 * row is some 230 bytes, and a large import writes, reads back and
	 * sorts half as many pages' worth of overhead (1M members: 2.9 s of
	 * SQLite's work to 2.3 s). A file made before keeps its pages. */
	if (db->created && (rc = uk_db_exec(db, "PRAGMA page_size = 16384")) != 0) {
		uk_db_close(db);
		return rc;
	}
	if ((rc = configure(db)) != 0 ||
	    (rc = check_and_migrate(db, mode, migrations, nmigrations)) != 0 ||
	    (rc = configure_journal(db, mode)) != 0) {
		uk_db_close(db);
		return rc;
	}
	if (!db->in_memory) {
		struct stat now;
		if (stat(path, &now) == 0) {
			db->dev = now.st_dev;
			db->ino = now.st_ino;
		}
		pragma_int(db, "PRAGMA data_version", &db->data_version);
	}

	*out = db;
	return UK_EX_OK;
}

/* The database file and the journal files beside it. */
static void remove_files(const char *path)
{
	static const char *const suffix[] = {"", "-journal", "-wal", "-shm"};
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		char p[4096];
		if (snprintf(p, sizeof p, "%s%s", path, suffix[i]) < (int)sizeof p)
			unlink(p);
	}
}

void uk_db_close(struct uk_db *db)
{
	if (!db)
		return;
	/* A file this command created and never committed to holds no data
	 * (a first import that failed): leave no empty database behind. Only
	 * under an exclusive lock, and only when no other process has
	 * committed to it since; a process that opened it meanwhile notices
	 * the removal when it takes its write lock (uk_db_begin). A file
	 * still without a schema (creating it failed: a full disk) holds
	 * nobody's data either, whatever its data_version says. */
	if (db->created && db->h && !db->in_memory && sqlite3_get_autocommit(db->h)) {
		int version = -1, objects = -1, rc;
		sqlite3_stmt *st;
		sqlite3_busy_timeout(db->h, 0);
		/* BEGIN EXCLUSIVE opens a rollback journal, which a full disk
		 * has no room for; nothing is written under this lock, so the
		 * journal may live in memory. Only a connection still in the
		 * rollback mode it was created in is switched (never a WAL one). */
		if (sqlite3_prepare_v2(db->h, "PRAGMA journal_mode", -1, &st, NULL) == SQLITE_OK) {
			int rollback = sqlite3_step(st) == SQLITE_ROW &&
			               strcmp((const char *)sqlite3_column_text(st, 0), "delete") == 0;
			sqlite3_finalize(st);
			if (rollback)
				sqlite3_exec(db->h, "PRAGMA journal_mode = MEMORY", NULL, NULL, NULL);
		}
		/* Only under the exclusive lock: a shared one would let another
		 * process commit into the file being removed. */
		rc = sqlite3_exec(db->h, "BEGIN EXCLUSIVE", NULL, NULL, NULL);
		if (rc == SQLITE_OK) {
			if ((pragma_int(db, "PRAGMA data_version", &version) == SQLITE_OK &&
			     version == db->data_version) ||
			    (pragma_int(db, "SELECT count(*) FROM sqlite_master", &objects) == SQLITE_OK &&
			     objects == 0))
				remove_files(db->path);
			sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		}
	}
	sqlite3_close_v2(db->h);
	free(db->path);
	free(db);
}

/* Switches a newly created file to WAL once its first load is in. If
 * another process has opened it meanwhile the switch waits for the next
 * write command, which asks again. */
static int set_wal(struct uk_db *db)
{
	if (!db->created)
		return UK_EX_OK;
	db->created = 0;
	set_journal_wal(db);
	return UK_EX_OK;
}

struct uk_db *uk_db_open_reader(const struct uk_db *db)
{
	struct uk_db *r;
	if (db->in_memory || !(r = calloc(1, sizeof *r)))
		return NULL;
	if (!(r->path = strdup(db->path)) ||
	    sqlite3_open_v2(db->path, &r->h, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		uk_db_close(r);
		return NULL;
	}
	sqlite3_busy_timeout(r->h, UK_BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(r->h, 1);
	return r;
}

int uk_db_begin(struct uk_db *db)
{
	struct stat now;
	int rc = sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return uk_db_fail(db, rc, N_("cannot start a transaction"));
	/* The file opened is still the one at the path: a new database whose
	 * creator's first write failed is removed (uk_db_close). */
	if (!db->in_memory && (stat(db->path, &now) != 0 || now.st_ino != db->ino || now.st_dev != db->dev)) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		uk_err("database '%s' was removed while opening it (a first write that failed); "
		       "try again", db->path);
		return UK_EX_TEMPFAIL;
	}
	return UK_EX_OK;
}

int uk_db_commit(struct uk_db *db)
{
	int rc = sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		int code = uk_db_fail(db, rc, N_("cannot commit"));
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		return code;
	}
	return set_wal(db);
}

void uk_db_rollback(struct uk_db *db)
{
	if (db && !sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

void uk_db_bulk(struct uk_db *db, int on)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA cache_size = %d", on ? -UK_BULK_CACHE_KIB : -2000);
	sqlite3_exec(db->h, sql, NULL, NULL, NULL);
}

int uk_db_savepoint(struct uk_db *db)
{
	return uk_db_exec(db, "SAVEPOINT record");
}

int uk_db_release(struct uk_db *db, int undo)
{
	/* A full disk or an I/O error may have made SQLite roll back the
	 * whole transaction, the savepoint with it: the record's error has
	 * been reported, nothing is left to undo, and nothing may go on. */
	if (sqlite3_get_autocommit(db->h)) {
		if (!undo)
			uk_err("database '%s': the transaction was rolled back", db->path);
		return UK_EX_IOERR;
	}
	int rc = undo ? uk_db_exec(db, "ROLLBACK TO record") : 0;
	int rc2 = uk_db_exec(db, "RELEASE record");
	return rc ? rc : rc2;
}

void uk_db_bind_period(sqlite3_stmt *st, int first, struct uk_period p)
{
	char from[UK_DATE_BUFSZ], to[UK_DATE_BUFSZ];
	sqlite3_bind_text(st, first, uk_date_format(p.from, from), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, first + 1, uk_date_format(p.to, to), -1, SQLITE_TRANSIENT);
}

struct ids_ctx { int64_t *ids; long n, cap; };

static int id_row(sqlite3_stmt *st, void *ctx)
{
	struct ids_ctx *c = ctx;
	if (c->n == c->cap) {
		int64_t *g = realloc(c->ids, (size_t)(c->cap = c->cap * 2 + 64) * sizeof *g);
		if (!g)
			return uk_err_nomem();
		c->ids = g;
	}
	c->ids[c->n++] = sqlite3_column_int64(st, 0);
	return 0;
}

int uk_db_collect_ids(struct uk_db *db, sqlite3_stmt *st, int64_t **ids, long *n)
{
	struct ids_ctx c = {NULL, 0, 0};
	int rc = uk_db_each(db, st, id_row, &c, N_("cannot read members"));
	sqlite3_finalize(st);
	if (rc) {
		free(c.ids);
		return rc;
	}
	*ids = c.ids;
	*n = c.n;
	return 0;
}

/* Rows of a query straight to a writer. */
struct rows_ctx { struct uk_writer *w; const struct uk_outcol *cols; int n; const int *mask; };

static int row_out(sqlite3_stmt *st, void *ctx)
{
	struct rows_ctx *r = ctx;
	const char *vals[32];
	char money[32][UK_MONEY_BUFSZ], *masked[32];
	int rc = 0, nmasked = 0;
	for (int i = 0; i < r->n && i < 32; i++) {
		vals[i] = uk_db_text(st, i);
		if (r->cols[i].type == UK_COL_MONEY && vals[i])
			vals[i] = uk_money_format(sqlite3_column_int64(st, i), money[i]);
	}
	for (const int *m = r->mask; m && *m >= 0 && !rc; m++)
		if (*m < r->n && vals[*m]) {
			if (!(vals[*m] = masked[nmasked] = uk_mask_name(vals[*m])))
				rc = UK_DB_STOP;
			else
				nmasked++;
		}
	if (!rc && uk_writer_row(r->w, vals) != 0)
		rc = UK_DB_STOP;
	while (nmasked)
		free(masked[--nmasked]);
	return rc;
}

int uk_db_write_rows(struct uk_db *db, sqlite3_stmt *st, const struct uk_outcol *cols, int n, const int *mask,
                     struct uk_writer *w, const char *what)
{
	struct rows_ctx r = {w, cols, n > 32 ? 32 : n, mask};
	int rc = uk_db_each(db, st, row_out, &r, what);
	sqlite3_finalize(st);
	return rc;
}
