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

/* A batch under way: what is held for the record after it. */
struct batch {
	struct uk_reader *r;
	struct uk_rejects *rj;
	uk_batch_finish_fn finish;
	void *ctx;
	struct uk_row *held;
	int holding;
	long *bad;
};

/* The held record refused (with: the line of the record that takes it
 * along, 0 when nothing completes it): said at its own line, counted and
 * written to the rejects. 0 or an exit code. */
static int held_refused(struct batch *b, long with)
{
	char err[400];
	int res;
	b->holding = 0;
	if (!b->finish)
		return UK_EX_SOFTWARE;
	if ((res = b->finish(b->ctx, with, err, sizeof err)) != -1)
		return res ? res : UK_EX_SOFTWARE;
	(*b->bad)++;
	uk_err_at(uk_reader_name(b->r), uk_row_line(b->held), "%s", err);
	if (b->rj)
		uk_rejects_add(b->rj, b->held, err);
	return 0;
}

/* Keeps row past the next read, for the rejects should its pair fail. */
static int hold(struct batch *b, struct uk_row *row)
{
	int rc;
	/* Never two held: the function answers UK_BATCH_ALONE first. */
	if (b->holding && (rc = held_refused(b, 0)) != 0)
		return rc;
	if ((!b->held && !(b->held = uk_row_new(b->r))) || uk_row_copy(b->r, b->held, row) != 0)
		return uk_err_nomem();
	b->holding = 1;
	return 0;
}

int uk_batch_records_finish(struct uk_db *db, struct uk_reader *r, const char *rejects,
                            uk_record_fn fn, uk_batch_finish_fn finish, void *ctx,
                            long *added, long *bad)
{
	struct batch b = {r, NULL, finish, ctx, NULL, 0, bad};
	struct uk_progress progress;
	struct uk_row *row;
	char err[400];
	int rc, crc;

	*added = *bad = 0;
	if (rejects && (rc = uk_rejects_open(rejects, r, &b.rj)) != 0)
		return rc;
	uk_progress_start(&progress, _("records"));
	while ((rc = uk_reader_next(r, &row)) == 1) {
		int res;
		if (uk_row_error(row)) {
			snprintf(err, sizeof err, "%s", uk_row_error(row));
			res = -1;
		} else if ((res = uk_db_savepoint(db)) == 0) {
			int sp;
			/* A record that does not complete the held one: that
			 * one refused alone, this one run again. */
			while ((res = fn(ctx, row, err, sizeof err)) == UK_BATCH_ALONE && b.holding)
				if ((res = held_refused(&b, 0)) != 0)
					break;
			if (res == UK_BATCH_ALONE)
				res = UK_EX_SOFTWARE;
			sp = uk_db_release(db, res != 0 && res != UK_BATCH_HELD);
			if (sp && res <= 1) {
				/* The transaction is gone (a full disk): the record's
				 * own reason is the message, said once. */
				if (res == -1)
					uk_err_at(uk_reader_name(r), uk_row_line(row), "%s", err);
				res = sp;
			}
		}
		if (res == UK_BATCH_HELD) {
			if ((res = hold(&b, row)) == 0)
				continue;
		}
		uk_progress_tick(&progress, *added + *bad + 1);
		/* The held record goes with this one: written with it, or
		 * refused with it, said first (its line comes first). */
		if (b.holding && res == -1 && (res = held_refused(&b, uk_row_line(row))) == 0)
			res = -1;
		b.holding = 0;
		if (res > 1) {
			uk_progress_end(&progress);
			uk_rejects_close(b.rj);
			uk_row_free(b.held);
			return res;
		}
		if (res == -1) {
			(*bad)++;
			uk_err_at(uk_reader_name(r), uk_row_line(row), "%s", err);
			if (b.rj)
				uk_rejects_add(b.rj, row, err);
			continue;
		}
		(*added)++;
	}
	uk_progress_end(&progress);
	if (rc == 0 && b.holding)
		rc = held_refused(&b, 0);
	uk_row_free(b.held);
	crc = uk_rejects_close(b.rj);
	if (rc > 1)
		return rc;
	return crc;
}

int uk_matched_has(const struct uk_matched *m, int64_t id)
{
	if (id > 0 && (uint64_t)id < m->nbits)
		return m->bits[id / 8] >> (id % 8) & 1;
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

int uk_matched_find(struct uk_db *db, sqlite3_stmt *st, struct uk_matched *m, const char *what, int64_t *same)
{
	struct take_ctx t = {m, 0};
	int rc = uk_db_each(db, st, take_row, &t, what);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	*same = t.same;
	if (rc || !t.same)
		return rc;
	return uk_matched_add(m, t.same);
}

int uk_matched_take(struct uk_db *db, sqlite3_stmt *st, struct uk_matched *m, const char *what, int64_t *same)
{
	int rc = uk_matched_find(db, st, m, what, same);
	sqlite3_finalize(st);
	return rc;
}

int uk_matched_add(struct uk_matched *m, int64_t id)
{
	/* The stored records an import can match are those up to before:
	 * a bit each, made with the first. */
	if (!m->bits && m->before > 0 && (uint64_t)m->before < SIZE_MAX / 2) {
		if (!(m->bits = calloc((size_t)m->before / 8 + 1, 1)))
			return uk_err_nomem();
		m->nbits = ((size_t)m->before / 8 + 1) * 8;
		for (size_t i = 0; i < m->n; i++)
			if (m->ids[i] > 0 && (uint64_t)m->ids[i] < m->nbits)
				m->bits[m->ids[i] / 8] |= (unsigned char)(1u << (m->ids[i] % 8));
	}
	if (id > 0 && (uint64_t)id < m->nbits)
		m->bits[id / 8] |= (unsigned char)(1u << (id % 8));
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
	free(m->bits);
	m->ids = NULL;
	m->bits = NULL;
	m->nbits = 0;
	m->n = m->cap = 0;
}

int uk_batch_records_again(struct uk_db *db, struct uk_reader *r, const char *rejects,
                           const char *last_id_sql, uk_record_fn fn, void *ctx,
                           struct uk_matched *m, long *added, long *unchanged, long *bad)
{
	return uk_batch_records_again_finish(db, r, rejects, last_id_sql, fn, NULL, ctx, m, added,
	                                     unchanged, bad);
}

int uk_batch_records_again_finish(struct uk_db *db, struct uk_reader *r, const char *rejects,
                                  const char *last_id_sql, uk_record_fn fn, uk_batch_finish_fn finish,
                                  void *ctx, struct uk_matched *m, long *added, long *unchanged,
                                  long *bad)
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
	rc = uk_batch_records_finish(db, r, rejects, fn, finish, ctx, added, bad);
	/* The batch counts the records found stored as written: they wrote
	 * nothing. */
	*added -= m->found;
	*unchanged = m->found;
	uk_matched_free(m);
	return rc;
}
