/* uk_batch.h - the loop of a batch import: every record inside its own
 * savepoint, refused ones named by file and line and written to rejects. */
#ifndef UK_BATCH_H
#define UK_BATCH_H

#include <stddef.h>
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
#endif
