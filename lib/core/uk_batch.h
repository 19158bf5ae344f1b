/* uk_batch.h - the loop of a batch import: every record inside its own
 * savepoint, refused ones named by file and line and written to rejects. */
#ifndef UK_BATCH_H
#define UK_BATCH_H

#include <stddef.h>
#include <stdint.h>
#include "uk_db.h"
#include "uk_rec.h"

/* One record: 0 written, -1 refused (err says why), or an exit code that
 * stops the batch. */
typedef int (*uk_record_fn)(void *ctx, struct uk_row *row, char *err, size_t errsz);

/* Runs fn on every record of r inside the caller's transaction; a refused
 * record leaves nothing of itself. Returns an exit code for a failure
 * that stops reading, else 0 with the counts. */
int uk_batch_records(struct uk_db *db, struct uk_reader *r, const char *rejects,
                     uk_record_fn fn, void *ctx, long *added, long *bad);

/* A record function's answer for a record it holds to be written with the
 * next one (the first of a pair): counted with that one, neither added
 * nor bad on its own. A pair is written whole or not at all: when the
 * record after the held one is refused (or unreadable), the held one is
 * refused with it. */
#define UK_BATCH_HELD (-3)
/* The answer for a record that does not complete the one held before it:
 * the held one is refused alone, then the function is called again with
 * this record, nothing held. */
#define UK_BATCH_ALONE (-4)
/* Why the held record is refused: with, the line of the refused record
 * that takes it along, or 0 when nothing completes it (the input ended,
 * or UK_BATCH_ALONE). -1 with err: said at the held record's line,
 * counted bad and written to rejects; or an exit code. */
typedef int (*uk_batch_finish_fn)(void *ctx, long with, char *err, size_t errsz);
/* uk_batch_records with a finish, needed by a record function that holds
 * (NULL: none). */
int uk_batch_records_finish(struct uk_db *db, struct uk_reader *r, const char *rejects,
                            uk_record_fn fn, uk_batch_finish_fn finish, void *ctx,
                            long *added, long *bad);

/* The stored records an import found repeated by its input: each matches
 * one input record at most, so a file holding the same record twice adds
 * the second, and running the file again matches both. before is the last
 * id stored before the import: later ones are the import's own. found
 * counts the records the record function took as already stored. */
/* A growing list of ids; those up to before also in a bitmap, so that
 * uk_matched_has answers at once however many were taken. */
struct uk_matched {
	int64_t before;
	int64_t *ids;
	size_t n, cap;
	long found;
	unsigned char *bits;
	size_t nbits;
};
#define UK_MATCHED_INIT {0, NULL, 0, 0, 0, NULL, 0}
int uk_matched_has(const struct uk_matched *m, int64_t id);
/* 0, or 70 out of memory (said). */
int uk_matched_add(struct uk_matched *m, int64_t id);
/* The stored record an input record repeats: the first id (column 0) of
 * st's rows that no earlier record has matched, taken into m, in *same (0:
 * none). st is finalized; what says what could not be read. Exit code. */
int uk_matched_take(struct uk_db *db, sqlite3_stmt *st, struct uk_matched *m, const char *what, int64_t *same);
/* The same with a statement kept for the next record: st is reset and its
 * bindings cleared instead. */
int uk_matched_find(struct uk_db *db, sqlite3_stmt *st, struct uk_matched *m, const char *what, int64_t *same);
void uk_matched_free(struct uk_matched *m);
/* A batch that is safe to run twice: m->before is read with last_id_sql
 * (one row, one integer), then fn runs on every record as in
 * uk_batch_records, counting in m->found those it finds stored; they are
 * *unchanged, not *added. Frees m's ids. */
int uk_batch_records_again(struct uk_db *db, struct uk_reader *r, const char *rejects,
                           const char *last_id_sql, uk_record_fn fn, void *ctx,
                           struct uk_matched *m, long *added, long *unchanged, long *bad);
/* The same for records that come in pairs (finish as above). */
int uk_batch_records_again_finish(struct uk_db *db, struct uk_reader *r, const char *rejects,
                                  const char *last_id_sql, uk_record_fn fn, uk_batch_finish_fn finish,
                                  void *ctx, struct uk_matched *m, long *added, long *unchanged,
                                  long *bad);
#endif
