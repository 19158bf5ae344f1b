/* batch.c - the loop every importer shares. */
#include "uk_batch.h"
#include "uk_cli.h"
#include "uk_i18n.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

int uk_batch_records(struct uk_db *db, struct uk_reader *r, const char *rejects,
                     uk_record_fn fn, void *ctx, long *added, long *bad)
{
	return uk_batch_records_finish(db, r, rejects, fn, NULL, ctx, added, bad);
}

int uk_batch_records_finish(struct uk_db *db, struct uk_reader *r, const char *rejects,
                            uk_record_fn fn, uk_batch_finish_fn finish, void *ctx,
                            long *added, long *bad)
{
	struct uk_rejects *rj = NULL;
	struct uk_progress progress;
	struct uk_row *row;
	char err[400];
	int rc, crc;

	*added = *bad = 0;
	if (rejects && (rc = uk_rejects_open(rejects, r, &rj)) != 0)
		return rc;
	uk_progress_start(&progress, _("records"));
	while ((rc = uk_reader_next(r, &row)) == 1) {
		int res;
		if (uk_row_error(row)) {
			snprintf(err, sizeof err, "%s", uk_row_error(row));
			res = -1;
		} else if ((res = uk_db_savepoint(db)) == 0) {
			int sp;
			res = fn(ctx, row, err, sizeof err);
			sp = uk_db_release(db, res != 0 && res != UK_BATCH_HELD);
			if (sp && res <= 1) {
				/* The transaction is gone (a full disk): the record's
				 * own reason is the message, said once. */
				if (res == -1)
					uk_err_at(uk_reader_name(r), uk_row_line(row), "%s", err);
				res = sp;
			}
		}
		if (res == UK_BATCH_HELD)
			continue;
		uk_progress_tick(&progress, *added + *bad + 1);
		if (res > 1) {
			uk_progress_end(&progress);
			uk_rejects_close(rj);
			return res;
		}
		if (res == -1) {
			(*bad)++;
			uk_err_at(uk_reader_name(r), uk_row_line(row), "%s", err);
			if (rj)
				uk_rejects_add(rj, row, err);
			continue;
		}
		(*added)++;
	}
	uk_progress_end(&progress);
	if (rc == 0 && finish) {
		long line = 0;
		int res = finish(ctx, &line, err, sizeof err);
		if (res == -1) {
			(*bad)++;
			uk_err_at(uk_reader_name(r), line, "%s", err);
		} else if (res) {
			rc = res;
		}
	}
	crc = uk_rejects_close(rj);
	if (rc > 1)
		return rc;
	return crc;
}

int uk_matched_has(const struct uk_matched *m, int64_t id)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->ids[i] == id)
			return 1;
	return 0;
}

struct take_ctx { const struct uk_matched *m; int64_t same; };

static int take_row(sqlite3_stmt *st, void *ctx)
{
	struct take_ctx *t = ctx;
	int64_t id = sqlite3_column_int64(st, 0);
	if (uk_matched_has(t->m, id))
		return 0;
	t->same = id;
	return UK_DB_STOP;
}

int uk_matched_take(struct uk_db *db, sqlite3_stmt *st, struct uk_matched *m, const char *what, int64_t *same)
{
	struct take_ctx t = {m, 0};
	int rc = uk_db_each(db, st, take_row, &t, what);
	sqlite3_finalize(st);
	*same = t.same;
	if (rc || !t.same)
		return rc;
	return uk_matched_add(m, t.same);
}

int uk_matched_add(struct uk_matched *m, int64_t id)
{
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		int64_t *ids = realloc(m->ids, cap * sizeof *ids);
		if (!ids)
			return uk_err_nomem();
		m->ids = ids;
		m->cap = cap;
	}
	m->ids[m->n++] = id;
	return 0;
}

void uk_matched_free(struct uk_matched *m)
{
	free(m->ids);
	m->ids = NULL;
	m->n = m->cap = 0;
}

int uk_batch_records_again(struct uk_db *db, struct uk_reader *r, const char *rejects,
                           const char *last_id_sql, uk_record_fn fn, void *ctx,
                           struct uk_matched *m, long *added, long *unchanged, long *bad)
{
	sqlite3_stmt *st = uk_db_prepare(db, last_id_sql);
	int rc;
	*added = *unchanged = *bad = 0;
	if (!st)
		return UK_EX_SOFTWARE;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		m->before = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return uk_db_fail(db, rc, N_("cannot read what is stored"));
	rc = uk_batch_records(db, r, rejects, fn, ctx, added, bad);
	/* The batch counts the records found stored as written: they wrote
	 * nothing. */
	*added -= m->found;
	*unchanged = m->found;
	uk_matched_free(m);
	return rc;
}
