/* ledger_verify.c - the audit committee's check: the hash chain entry by
 * entry, then every total against the entries.
 *
 * One pass over the entries. This thread reads them from SQLite; a second
 * thread hashes them and adds up the totals, batch by batch, in id order
 * (reading costs about as much as the rest, and machines have two cores). The
 * totals are compared after the walk, in C: a GROUP BY over the entries
 * would sort them all again. */
#include "uk_ledger.h"
#include "uk_hash.h"
#include "uk_i18n.h"
#include "uk_queue.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ZERO_HASH "0000000000000000000000000000000000000000000000000000000000000000"

void uk_ledger_entry_hash(const char *const fields[19], int allow_future, char out[UK_SHA256_HEX]);

/* Columns 0-18 are hashed (18 is prev_hash), 19 is the stored hash. */
enum { HASHED = 19, TEXTS = 20, BATCH_ROWS = 2048, QUEUE_BATCHES = 4 };

/* Entries in id order, their columns as text in one buffer. */
struct batch {
	int n;
	long long id[BATCH_ROWS];
	int allow_future[BATCH_ROWS];
	int32_t off[BATCH_ROWS][TEXTS];   /* into text; -1 NULL, -2 an integer */
	int64_t ival[BATCH_ROWS][TEXTS];  /* the integers, written out by the hashing thread */
	char *text;
	size_t len, cap;
};

static void batch_free(struct batch *b)
{
	if (b)
		free(b->text);
	free(b);
}

/* Appends the row st is on. 0, or -1 out of memory. */
static int batch_add(struct batch *b, sqlite3_stmt *st)
{
	int r = b->n;
	b->id[r] = sqlite3_column_int64(st, 0);
	b->allow_future[r] = sqlite3_column_int(st, 20);
	for (int i = 0; i < TEXTS; i++) {
		const char *s;
		size_t n;
		switch (sqlite3_column_type(st, i)) {
		case SQLITE_NULL:
			b->off[r][i] = -1;
			continue;
		case SQLITE_INTEGER:
			/* Its text (as SQLite would write it) made on the other
			 * thread. */
			b->off[r][i] = -2;
			b->ival[r][i] = sqlite3_column_int64(st, i);
			continue;
		}
		s = (const char *)sqlite3_column_text(st, i);
		n = s ? strlen(s) : 0;
		if (!s) {
			b->off[r][i] = -1;
			continue;
		}
		if (b->len + n + 1 > b->cap) {
			size_t cap = b->cap ? b->cap * 2 : 1 << 18;
			char *t;
			while (cap < b->len + n + 1)
				cap *= 2;
			if (cap > INT32_MAX || !(t = realloc(b->text, cap)))
				return -1;
			b->text = t;
			b->cap = cap;
		}
		memcpy(b->text + b->len, s, n + 1);
		b->off[r][i] = (int32_t)b->len;
		b->len += n + 1;
	}
	b->n++;
	return 0;
}

/* The totals the entries add up to, by fund, account, category and month:
 * an open-addressed table (a few thousand groups for a million entries). */
struct total {
	char *key;                  /* fund \0 account \0 category \0 month \0 */
	size_t keylen;
	int64_t in, out;
};
struct totals {
	struct total *t;
	size_t n, cap;
};

static uint64_t key_hash(const char *k, size_t n)
{
	uint64_t h = 1469598103934665603u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)k[i]) * 1099511628211u;
	return h;
}

/* The first seven characters of a date, as substr(date, 1, 7) counts them. */
static size_t month_len(const char *d)
{
	size_t i = 0;
	for (int chars = 0; d[i] && chars < 7; chars++)
		for (i++; ((unsigned char)d[i] & 0xc0) == 0x80; i++)
			;
	return i;
}

static int totals_grow(struct totals *ts)
{
	size_t cap = ts->cap ? ts->cap * 2 : 1024;
	struct total *t = calloc(cap, sizeof *t);
	if (!t)
		return -1;
	for (size_t i = 0; i < ts->cap; i++) {
		size_t j;
		if (!ts->t[i].key)
			continue;
		for (j = key_hash(ts->t[i].key, ts->t[i].keylen) & (cap - 1); t[j].key; j = (j + 1) & (cap - 1))
			;
		t[j] = ts->t[i];
	}
	free(ts->t);
	ts->t = t;
	ts->cap = cap;
	return 0;
}

/* Adds an entry, its columns as text. 0, or -1 out of memory. */
static int totals_add(struct totals *ts, const char *const *f)
{
	char key[512];
	size_t n = 0, j;
	const char *date = f[1], *dir = f[4];
	int64_t amount = f[7] ? strtoll(f[7], NULL, 10) : 0;
	static const int cols[3] = {2, 3, 5};

	for (int k = 0; k < 4; k++) {
		const char *s = k < 3 ? f[cols[k]] : date;
		size_t len = s ? (k < 3 ? strlen(s) : month_len(s)) : 0;
		if (n + len + 1 > sizeof key)
			len = sizeof key - n - 1;  /* never for the values the tools write */
		if (len)
			memcpy(key + n, s, len);
		n += len;
		key[n++] = '\0';
	}
	if (2 * (ts->n + 1) > ts->cap && totals_grow(ts) != 0)
		return -1;
	for (j = key_hash(key, n) & (ts->cap - 1); ts->t[j].key; j = (j + 1) & (ts->cap - 1))
		if (ts->t[j].keylen == n && memcmp(ts->t[j].key, key, n) == 0)
			break;
	if (!ts->t[j].key) {
		if (!(ts->t[j].key = malloc(n)))
			return -1;
		memcpy(ts->t[j].key, key, n);
		ts->t[j].keylen = n;
		ts->n++;
	}
	if (dir && strcmp(dir, "in") == 0)
		ts->t[j].in += amount;
	else if (dir && strcmp(dir, "out") == 0)
		ts->t[j].out += amount;
	return 0;
}

static void totals_free(struct totals *ts)
{
	for (size_t i = 0; i < ts->cap; i++)
		free(ts->t[i].key);
	free(ts->t);
}

/* The hashing thread's side: the first break it meets, if any. */
struct chain {
	struct uk_queue *q;
	char prev[UK_SHA256_HEX];
	struct totals ts;           /* what the entries add up to */
	int broken;                 /* 0, BREAK_LINK or BREAK_CONTENT, BREAK_NOMEM */
	long long id;
	char date[64];
};
enum { BREAK_LINK = 1, BREAK_CONTENT, BREAK_NOMEM };

/* An integer as SQLite writes it as text. */
static void int_text(char out[24], int64_t v)
{
	char d[24];
	int k = 0, o = 0;
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	do {
		d[k++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		out[o++] = '-';
	while (k)
		out[o++] = d[--k];
	out[o] = '\0';
}

/* 1 when the batch breaks the chain (c says where), else 0. */
static int chain_batch(struct chain *c, const struct batch *b)
{
	for (int r = 0; r < b->n; r++) {
		const char *f[TEXTS];
		char hash[UK_SHA256_HEX], ints[TEXTS][24];
		for (int i = 0; i < TEXTS; i++) {
			if (b->off[r][i] == -2) {
				int_text(ints[i], b->ival[r][i]);
				f[i] = ints[i];
			} else {
				f[i] = b->off[r][i] < 0 ? NULL : b->text + b->off[r][i];
			}
		}
		c->id = b->id[r];
		if (totals_add(&c->ts, f) != 0) {
			c->broken = BREAK_NOMEM;
			return 1;
		}
		if (!f[HASHED - 1] || strcmp(f[HASHED - 1], c->prev) != 0) {
			c->broken = BREAK_LINK;
			return 1;
		}
		uk_ledger_entry_hash(f, b->allow_future[r], hash);
		if (!f[HASHED] || strcmp(f[HASHED], hash) != 0) {
			c->broken = BREAK_CONTENT;
			snprintf(c->date, sizeof c->date, "%s", f[1] ? f[1] : "");
			return 1;
		}
		memcpy(c->prev, hash, sizeof c->prev);  /* the stored hash, equal */
	}
	return 0;
}

static void *chain_thread(void *arg)
{
	struct chain *c = arg;
	struct batch *b;
	while ((b = uk_queue_take(c->q)) != NULL) {
		if (!c->broken && chain_batch(c, b))
			uk_queue_stop(c->q);  /* the reader stops; what it queued is dropped here */
		batch_free(b);
	}
	return NULL;
}


/* Reads every entry in id order into batches for the hashing thread, and
 * adds up the totals. 0 or an exit code. */
static int read_entries(struct uk_db *db, struct chain *c, long *entries)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT id, date, fund, account, direction, category, subcategory, amount, member_id,"
		" activity_id, voucher, memo, void_of, transfer_of, overdraft, force_reason, dues_month,"
		" recorded_at, prev_hash, hash, allow_future FROM ledger_entries ORDER BY id");
	struct batch *b = NULL;
	int rc = SQLITE_ROW, status = 0;

	if (!st)
		return UK_EX_SOFTWARE;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!b && !(b = calloc(1, sizeof *b))) {
			status = uk_err_nomem();
			break;
		}
		if (batch_add(b, st) != 0) {
			status = uk_err_nomem();
			break;
		}
		(*entries)++;
		if (b->n == BATCH_ROWS) {
			if (uk_queue_put(c->q, b) != 0)
				break;  /* the chain is broken: the rest does not matter */
			b = NULL;
		}
	}
	if (!status && rc != SQLITE_ROW && rc != SQLITE_DONE)
		status = uk_db_fail(db, rc, N_("cannot read the ledger"));
	if (!status && b && b->n && uk_queue_put(c->q, b) == 0)
		b = NULL;
	batch_free(b);
	sqlite3_finalize(st);
	return status;
}

/* Sorted as EXCEPT sorts: fund, account, category, month, in, out. */
struct group {
	const char *k[4];
	int64_t in, out;
};

static int group_cmp(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	for (int i = 0; i < 4; i++) {
		int c = strcmp(x->k[i], y->k[i]);
		if (c)
			return c;
	}
	if (x->in != y->in)
		return x->in < y->in ? -1 : 1;
	if (x->out != y->out)
		return x->out < y->out ? -1 : 1;
	return 0;
}

/* The first group of a (sorted) that b (sorted) lacks, or NULL. */
static const struct group *first_missing(const struct group *a, size_t na, const struct group *b, size_t nb)
{
	size_t j = 0;
	for (size_t i = 0; i < na; i++) {
		int c = 1;
		while (j < nb && (c = group_cmp(&b[j], &a[i])) < 0)
			j++;
		if (j == nb || c != 0)
			return &a[i];
	}
	return NULL;
}

/* The kept totals must be the sums of the entries, both ways round: the
 * first that is not is said, 65. */
static int check_totals(struct uk_db *db, const struct totals *ts)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT fund, account, category, month, amount_in, amount_out FROM ledger_totals"
		" WHERE amount_in <> 0 OR amount_out <> 0");
	struct group *e = calloc(ts->n + 1, sizeof *e), *t = NULL;
	const struct group *bad = NULL;
	char *kept = NULL;          /* the kept totals' keys, one after another */
	size_t ne = 0, nt = 0, capt = 0, klen = 0, kcap = 0;
	int rc, status = 0;

	if (!st || !e) {
		sqlite3_finalize(st);
		free(e);
		return st ? uk_err_nomem() : UK_EX_SOFTWARE;
	}
	for (size_t i = 0; i < ts->cap; i++) {
		const char *k = ts->t[i].key;
		if (!k)
			continue;
		for (int f = 0; f < 4; f++, k += strlen(k) + 1)
			e[ne].k[f] = k;
		e[ne].in = ts->t[i].in;
		e[ne].out = ts->t[i].out;
		ne++;
	}
	/* Keys are kept as offsets while the buffer grows, pointers after. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (nt == capt) {
			struct group *g = realloc(t, (capt = capt ? capt * 2 : 256) * sizeof *t);
			if (!g) {
				status = uk_err_nomem();
				break;
			}
			t = g;
		}
		for (int f = 0; f < 4; f++) {
			const char *s = (const char *)sqlite3_column_text(st, f);
			size_t n = s ? strlen(s) : 0;
			if (klen + n + 1 > kcap) {
				char *k = realloc(kept, kcap = (kcap + n + 1) * 2);
				if (!k) {
					status = uk_err_nomem();
					goto done;
				}
				kept = k;
			}
			memcpy(kept + klen, s ? s : "", n + 1);
			t[nt].k[f] = (const char *)(uintptr_t)klen;
			klen += n + 1;
		}
		t[nt].in = sqlite3_column_int64(st, 4);
		t[nt].out = sqlite3_column_int64(st, 5);
		nt++;
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		status = uk_db_fail(db, rc, N_("cannot read the ledger"));
		goto done;
	}
	if (status)
		goto done;
	for (size_t i = 0; i < nt; i++)
		for (int f = 0; f < 4; f++)
			t[i].k[f] = kept + (uintptr_t)t[i].k[f];
	if (ne)
		qsort(e, ne, sizeof *e, group_cmp);
	if (nt)  /* t is NULL when the book has no totals */
		qsort(t, nt, sizeof *t, group_cmp);
	if (!(bad = first_missing(e, ne, t, nt)))
		bad = first_missing(t, nt, e, ne);
	if (bad) {
		uk_err("the balances of %s:%s in %s do not match its entries: changed behind the tools' back",
		       bad->k[0], bad->k[1], bad->k[3]);
		status = UK_EX_DATAERR;
	}
done:
	sqlite3_finalize(st);
	free(e);
	free(t);
	free(kept);
	return status;
}

int uk_ledger_verify(struct uk_db *db, long *entries)
{
	struct chain c = {.prev = ZERO_HASH};
	pthread_t th;
	int rc;

	*entries = 0;
	if (!(c.q = uk_queue_new(QUEUE_BATCHES)))
		return uk_err_nomem();
	if (pthread_create(&th, NULL, chain_thread, &c) != 0) {
		uk_queue_free(c.q);
		uk_err("cannot start a thread");
		return UK_EX_SOFTWARE;
	}
	rc = read_entries(db, &c, entries);
	uk_queue_close(c.q);
	pthread_join(th, NULL);
	uk_queue_free(c.q);
	if (!rc && c.broken == BREAK_NOMEM) {
		rc = uk_err_nomem();
	} else if (!rc && c.broken == BREAK_LINK) {
		uk_err("entry %lld: the chain is broken before it (an entry was removed, "
		       "inserted or its hash changed)", c.id);
		rc = UK_EX_DATAERR;
	} else if (!rc && c.broken == BREAK_CONTENT) {
		uk_err("entry %lld (%s): its content does not match its hash: changed behind "
		       "the tools' back", c.id, c.date);
		rc = UK_EX_DATAERR;
	}
	if (!rc)
		rc = check_totals(db, &c.ts);
	totals_free(&c.ts);
	return rc;
}
