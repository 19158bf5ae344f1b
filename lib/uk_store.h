/* uk_store.h - the unionkit database: its schema and how tools open it. */
#ifndef UK_STORE_H
#define UK_STORE_H

#include "uk_db.h"
#include "uk_cli.h"

/* Opens the database of the shared options (--db, $UNIONKIT_DB, ./union.db)
 * with unionkit's schema, migrating it forward. Returns an exit code. */
int uk_store_open(const struct uk_opts *o, enum uk_db_mode mode, struct uk_db **out);


/* A setting (union.name ...) for what may be read before the books exist
 * (plan-new --template): *out NULL when unset or when there is no
 * database yet. Any other failure to open is said; exit code. */
int uk_store_setting(const struct uk_opts *o, const char *key, char **out);

/* One write of a command in one transaction: opens the database of the
 * options for writing, runs fn, commits unless --dry-run, else rolls back.
 * fn returns 0, -1 with its fault in err (said here: 65), or an exit code.
 * Returns the exit code. */
typedef int (*uk_store_write_fn)(struct uk_db *db, void *ctx, char *err, size_t errsz);
int uk_store_write(const struct uk_opts *o, uk_store_write_fn fn, void *ctx);

/* An import command: the records of FILE (the one operand; none or "-":
 * stdin) read with cols, given to fn in one write (uk_store_write); any
 * bad record writes nothing unless --skip-bad; the summary said (added,
 * changed when fn counts it, unchanged, skipped). Exit code: 1 when
 * --skip-bad skipped records. fn fills *n (changed starts at -1: not
 * counted) and returns 0 or an exit code. */
struct uk_reader;
struct uk_colspec;
struct uk_import_counts { long added, changed, unchanged, bad; };
typedef int (*uk_store_import_fn)(struct uk_db *db, struct uk_reader *r, const struct uk_opts *o, void *ctx,
                                  struct uk_import_counts *n);
int uk_store_import(const struct uk_opts *o, const char *usage, char **pos, int npos,
                    const struct uk_colspec *cols, int ncols, uk_store_import_fn fn, void *ctx);

/* Creates the database of the options (union-config init), the only way
 * one is made; with name (when not NULL), union.name is set in the same
 * transaction. With --dry-run, checks and creates nothing. Messages are
 * printed; returns an exit code. */
int uk_store_init(const struct uk_opts *o, const char *name);

/* The schema version this build writes. */
int uk_store_schema_version(void);
#endif
