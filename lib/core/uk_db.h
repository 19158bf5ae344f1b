/* uk_db.h - the SQLite file: open, create, check, migrate, transactions. */
#ifndef UK_DB_H
#define UK_DB_H

#include <stdint.h>
#include "uk_date.h"

typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;

/* 'UKIT': marks a SQLite file as unionkit's (PRAGMA application_id). */
#define UK_DB_APPLICATION_ID 0x554B4954

/* READ and WRITE open an existing file; CREATE makes a new one (and
 * refuses one that exists). */
enum uk_db_mode { UK_DB_READ, UK_DB_WRITE, UK_DB_CREATE };

/* One forward step of the schema: the SQL that takes version - 1 to version. */
struct uk_migration { int version; const char *sql; };

struct uk_db;

/* The path in force: --db, else $UNIONKIT_DB, else ./union.db. */
const char *uk_db_default_path(const char *opt);

/* Opens path. READ and WRITE refuse a missing file (66) and never create
 * one; CREATE creates it with mode 0600 and refuses an existing one (73).
 * With dry_run, CREATE checks against a scratch database in memory, so
 * nothing is created. Refuses a SQLite file
 * that is not unionkit's or is newer than the migrations known (69). Migrates
 * forward in one transaction. Messages are printed; returns an exit code. */
int uk_db_open(const char *path, enum uk_db_mode mode, int dry_run,
               const struct uk_migration *migrations, int nmigrations,
               struct uk_db **out);
/* Closes; a file created by this open that no uk_db_commit reached is
 * removed, so a union-config init that failed (a full disk) leaves nothing
 * behind. */
void uk_db_close(struct uk_db *db);
sqlite3 *uk_db_sqlite(struct uk_db *db);
const char *uk_db_path(const struct uk_db *db);

/* A write transaction (BEGIN IMMEDIATE: the lock is taken up front, within
 * the busy timeout). Return exit codes: 75 when still busy. */
int uk_db_begin(struct uk_db *db);
int uk_db_commit(struct uk_db *db);
void uk_db_rollback(struct uk_db *db);
/* One record of a batch inside the transaction: a record refused half way
 * (--skip-bad) is undone whole. Exit codes. */
int uk_db_savepoint(struct uk_db *db);
int uk_db_release(struct uk_db *db, int undo);
/* A second, read-only connection to db's file, for a helper thread to read
 * what db has committed; closed with uk_db_close. NULL when there can be
 * none (a database in memory) or it cannot be opened: nothing is said. */
struct uk_db *uk_db_open_reader(const struct uk_db *db);
/* A large page cache for a batch; off restores the default. */
void uk_db_bulk(struct uk_db *db, int on);

/* Maps a SQLite result code to an exit code and prints "what: sqlite's
 * message". SQLITE_BUSY -> 75, SQLITE_FULL/IOERR -> 74, else 70. */
int uk_db_fail(struct uk_db *db, int rc, const char *what);
/* Prepares sql (persistent when reused often); prints and returns NULL on
 * failure. */
sqlite3_stmt *uk_db_prepare(struct uk_db *db, const char *sql);
/* Runs a statement without results; returns an exit code. */
int uk_db_exec(struct uk_db *db, const char *sql);
/* The one row loop. A row callback returns 0 to go on, UK_DB_STOP to stop
 * quietly (a closed pipe: the command is done), or an exit code to stop
 * with it. */
#define UK_DB_STOP (-2)
typedef int (*uk_db_row_fn)(sqlite3_stmt *st, void *ctx);
/* Steps st to its end, calling row (if any) for each row, then resets st.
 * Returns 0 (also after UK_DB_STOP), the callback's exit code, or that of
 * a failed step, said as "what: sqlite's message". */
int uk_db_each(struct uk_db *db, sqlite3_stmt *st, uk_db_row_fn row, void *ctx,
               const char *what);
/* At most one row: *found says whether there was one, and row (if any) is
 * called for it. "Not found" is *found == 0, never an exit code. Returns
 * as uk_db_each. */
int uk_db_one(struct uk_db *db, sqlite3_stmt *st, uk_db_row_fn row, void *ctx,
              int *found, const char *what);
/* At most one row of n integers: columns 0 .. n-1 into out[], or out[]
 * left as it was when there is no row (*found == 0). Returns as uk_db_one.
 * The counts, ids and flags that a query gives as one row. */
int uk_db_ints(struct uk_db *db, sqlite3_stmt *st, int64_t *out, int n,
               int *found, const char *what);
/* The first column of every row of st, integers, into a new array *ids
 * (the caller frees) of *n; st is finalized. Exit code. */
int uk_db_collect_ids(struct uk_db *db, sqlite3_stmt *st, int64_t **ids, long *n);
/* Every row of st to w, column i as cols[i] says (money columns are fen,
 * written in yuan; at most 32); the columns listed in mask (ended by -1;
 * NULL: none) are names, masked. st is finalized. Exit code; what says
 * what could not be read. */
struct uk_outcol;
struct uk_writer;
int uk_db_write_rows(struct uk_db *db, sqlite3_stmt *st, const struct uk_outcol *cols, int n, const int *mask,
                     struct uk_writer *w, const char *what);
/* Column i as text; NULL for SQL NULL (a writer prints it as empty or null). */
const char *uk_db_text(sqlite3_stmt *st, int i);
/* Binds a period's first and last dates ("YYYY-MM-DD") to parameters
 * first and first + 1: how every report query takes its period. */
void uk_db_bind_period(sqlite3_stmt *st, int first, struct uk_period p);
#endif
