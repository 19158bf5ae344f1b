/* ledger_import.c - many entries from records (a bank statement mapped to
 * our columns, or the output of fund-ledger ls): checked like add, all or
 * nothing unless skip_bad, and safe to run twice: a record of an entry
 * already stored writes nothing. */
#include "uk_ledger.h"
#include "uk_vocabs.h"
#include "uk_batch.h"
#include "uk_text.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *val(struct uk_row *row, int c)
{
	const char *s = uk_row_get(row, c);
	return s && *s ? s : NULL;
}

/* The category of a record, a system one by its slug whatever the words
 * (转出 in a listing in Chinese, as transfer-out). */
static const char *category_of(struct uk_row *row)
{
	const char *cat = val(row, UK_LC_CATEGORY);
	const char *sys = cat ? uk_vocab_slug_of(UK_V_SYSTEM_CATEGORY, cat) : NULL;
	return sys ? sys : cat;
}

static int is(const char *cat, const char *slug)
{
	return cat && strcmp(cat, slug) == 0;
}

/* Source ids seen in this batch and the entries they became, for voids
 * and transfers that refer to them. */
struct idmap { long long from; int64_t to; };

static int64_t map_find(const struct idmap *m, long n, long long from)
{
	for (long i = n - 1; i >= 0; i--)
		if (m[i].from == from)
			return m[i].to;
	return 0;
}

static int add_map(struct idmap **map, long *n, long *cap, long long from, int64_t to)
{
	if (*n == *cap) {
		long grown = *cap ? *cap * 2 : 256;
		struct idmap *m = realloc(*map, (size_t)grown * sizeof *m);
		if (!m)
			return -1;
		*map = m;
		*cap = grown;
	}
	(*map)[*n].from = from;
	(*map)[(*n)++].to = to;
	return 0;
}

/* Entries voided by this import (both halves of a transfer). */
static int voided_here(const int64_t *v, long n, int64_t id)
{
	for (long i = 0; i < n; i++)
		if (v[i] == id)
			return 1;
	return 0;
}

static int remember(int64_t **v, long *n, long *cap, int64_t id, int64_t pair)
{
	if (*n + 2 > *cap) {
		long grown = *cap ? *cap * 2 : 64;
		int64_t *g = realloc(*v, (size_t)grown * sizeof *g);
		if (!g)
			return -1;
		*v = g;
		*cap = grown;
	}
	(*v)[(*n)++] = id;
	if (pair)
		(*v)[(*n)++] = pair;
	return 0;
}

/* The batch: the session, the stored entries records repeat, the ids
 * seen, and a transfer-out waiting for its transfer-in. */
struct import {
	struct uk_ledger *lg;
	const struct uk_import_ledger_opts *o;
	struct uk_matched matched;
	struct idmap *map;
	long nmap, capmap;
	int64_t *voided;
	long nvoided, capvoided;
	/* The transfer-out held: as written, for uk_ledger_transfer, and as
	 * read, for the stored transfer it may repeat. */
	int pending;
	char pend_date[32], pend_amount[64], pend_from[160], pend_voucher[64], pend_memo[600];
	struct uk_entry_key pend_key;
	long long pend_src;
	long pend_line;
	/* The line of a transfer-out refused on its own values just before:
	 * its transfer-in goes with it. */
	long out_refused;
	/* The look-ups of a stored record, prepared once for the whole file:
	 * an import run again asks one per record. */
	sqlite3_stmt *look[4];
};

enum { LOOK_ENTRY, LOOK_OPENING, LOOK_TRANSFER, LOOK_VOID };

/* The look-up statement k of a stored record (its ?1 the last id stored
 * before the import), prepared the first time. NULL with *rc 0 when
 * nothing was stored (a first import: nothing to repeat), or with *rc an
 * exit code (said); *same is 0 either way. */
static sqlite3_stmt *look(struct import *im, int k, const char *sql, int64_t *same, int *rc)
{
	*same = 0;
	*rc = 0;
	if (!im->matched.before)
		return NULL;
	if (!im->look[k] && !(im->look[k] = uk_db_prepare(uk_ledger_db(im->lg), sql))) {
		*rc = UK_EX_SOFTWARE;
		return NULL;
	}
	sqlite3_bind_int64(im->look[k], 1, im->matched.before);
	return im->look[k];
}

/* The first stored row of st no earlier record matched, in *same. */
static int take_stored(struct import *im, sqlite3_stmt *st, int64_t *same)
{
	return uk_matched_find(uk_ledger_db(im->lg), st, &im->matched, N_("cannot read the ledger"), same);
}

static void bind_text(sqlite3_stmt *st, int p, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, p, s, -1, SQLITE_STATIC);
}

static void bind_id(sqlite3_stmt *st, int p, int64_t v)
{
	if (v)
		sqlite3_bind_int64(st, p, v);
}

/* A record is the same entry as a stored one when every column it gives
 * is the stored entry's, as add would store it: the date, fund, account,
 * category and subcategory, amount, member, activity, voucher and memo.
 * Stored before this import only, each matched by one record at most.
 * Among entries alike, the one whose id is the record's (src) first, then
 * in the order of ids: what ls wrote of these books reads back each in its
 * own place, so that a void in it names the entry it voided. A voided
 * entry matches too, so its record does not bring it back. */
static int same_entry(struct import *im, const struct uk_entry_key *k, const char *memo, long long src,
                      int64_t *same)
{
	int rc;
	sqlite3_stmt *st = look(im, LOOK_ENTRY,
		"SELECT id FROM ledger_entries WHERE id <= ?1 AND date = ?2 AND fund = ?3 AND account = ?4"
		" AND category = ?5 AND subcategory IS ?6 AND amount = ?7 AND member_id IS ?8"
		" AND activity_id IS ?9 AND voucher IS ?10 AND memo IS ?11 AND direction = ?12"
		" AND void_of IS NULL AND transfer_of IS NULL ORDER BY id = ?13 DESC, id", same, &rc);
	if (!st)
		return rc;
	bind_text(st, 2, k->date);
	bind_text(st, 3, k->fund);
	bind_text(st, 4, k->account);
	bind_text(st, 5, k->category);
	bind_text(st, 6, k->sub);
	sqlite3_bind_int64(st, 7, k->amount);
	bind_id(st, 8, k->member_id);
	bind_id(st, 9, k->activity_id);
	bind_text(st, 10, k->voucher);
	bind_text(st, 11, memo);
	bind_text(st, 12, k->direction);
	sqlite3_bind_int64(st, 13, src);
	return take_stored(im, st, same);
}

/* An opening balance: the same date, fund, account, amount and memo. */
static int same_opening(struct import *im, const struct uk_entry_key *k, const char *memo, long long src,
                        int64_t *same)
{
	int rc;
	sqlite3_stmt *st = look(im, LOOK_OPENING,
		"SELECT id FROM ledger_entries WHERE id <= ?1 AND category = 'opening' AND date = ?2"
		" AND fund = ?3 AND account = ?4 AND amount = ?5 AND memo IS ?6 AND void_of IS NULL"
		" ORDER BY id = ?7 DESC, id", same, &rc);
	if (!st)
		return rc;
	bind_text(st, 2, k->date);
	bind_text(st, 3, k->fund);
	bind_text(st, 4, k->account);
	sqlite3_bind_int64(st, 5, k->amount);
	bind_text(st, 6, memo);
	sqlite3_bind_int64(st, 7, src);
	return take_stored(im, st, same);
}

/* A transfer, by its outgoing half: the same date, amount, places,
 * voucher and memo. */
static int same_transfer(struct import *im, const struct uk_entry_key *from, const struct uk_entry_key *to,
                         int64_t *same)
{
	int rc;
	sqlite3_stmt *st = look(im, LOOK_TRANSFER,
		"SELECT o.id FROM ledger_entries o JOIN ledger_entries i ON i.transfer_of = o.id"
		" WHERE o.id <= ?1 AND o.category = 'transfer-out' AND o.void_of IS NULL AND i.void_of IS NULL"
		" AND o.date = ?2 AND o.amount = ?3 AND o.fund = ?4 AND o.account = ?5 AND o.voucher IS ?6"
		" AND o.memo IS ?7 AND i.fund = ?8 AND i.account = ?9 ORDER BY o.id = ?10 DESC, o.id", same, &rc);
	if (!st)
		return rc;
	bind_text(st, 2, from->date);
	sqlite3_bind_int64(st, 3, from->amount);
	bind_text(st, 4, from->fund);
	bind_text(st, 5, from->account);
	bind_text(st, 6, from->voucher);
	bind_text(st, 7, im->pend_memo);
	bind_text(st, 8, to->fund);
	bind_text(st, 9, to->account);
	sqlite3_bind_int64(st, 10, im->pend_src);
	return take_stored(im, st, same);
}

static void entry_of(struct uk_row *row, const char *cat, struct uk_entry_in *in)
{
	memset(in, 0, sizeof *in);
	in->date = val(row, UK_LC_DATE);
	in->amount = val(row, UK_LC_AMOUNT);
	in->category = cat;
	in->fund = val(row, UK_LC_FUND);
	in->account = val(row, UK_LC_ACCOUNT);
	in->member = val(row, UK_LC_MEMBER_NO);
	in->activity = val(row, UK_LC_ACTIVITY_ID);
	in->voucher = val(row, UK_LC_VOUCHER);
	in->memo = val(row, UK_LC_MEMO);
}

/* An opening balance or an entry: the stored one it repeats, else
 * written by the rules of add. */
static int one(struct import *im, struct uk_row *row, const char *cat, long long src, int64_t *id,
               int *found, char *err, size_t errsz)
{
	const char *sub = val(row, UK_LC_SUBCATEGORY);
	const char *dir = val(row, UK_LC_DIRECTION);
	const char *way = dir ? uk_vocab_slug_of(UK_V_DIRECTION, dir) : NULL;
	char catbuf[300], why[400];
	struct uk_entry_in in;
	struct uk_entry_key k;
	int rc;

	/* 收入 (a listing in Chinese) as well as in. */
	dir = way ? way : dir;
	*found = 0;
	if (is(cat, "transfer-out") || is(cat, "transfer-in"))
		return uk_errf(err, errsz, "a transfer half on its own: transfers are imported as a "
		               "transfer-out record followed by its transfer-in record");
	snprintf(catbuf, sizeof catbuf, "%s%s%s", cat ? cat : "", sub ? "/" : "", sub ? sub : "");
	entry_of(row, is(cat, "opening") ? NULL : catbuf, &in);
	/* A record that does not read repeats nothing: writing it says why. */
	if (cat && (rc = uk_ledger_entry_key(im->lg, &in, dir, &k, why, sizeof why)) != -1) {
		if (rc)
			return rc;
		rc = in.category ? same_entry(im, &k, in.memo, src, id) : same_opening(im, &k, in.memo, src, id);
		if (rc || (*found = *id != 0))
			return rc;
	}
	if (is(cat, "opening"))
		return uk_ledger_opening(im->lg, in.date, in.amount, in.fund, in.account, in.memo, id, err, errsz);
	in.category = cat ? catbuf : NULL;
	in.allow_overdraft = im->o->allow_overdraft;
	return uk_ledger_add_checked(im->lg, &in, dir, id, err, errsz);
}

/* "fund:account" of a record, the defaults filled in. */
static void place_of(struct uk_row *row, char *buf, size_t n)
{
	snprintf(buf, n, "%s:%s", val(row, UK_LC_FUND) ? val(row, UK_LC_FUND) : "general",
	         val(row, UK_LC_ACCOUNT) ? val(row, UK_LC_ACCOUNT) : "bank");
}

static void copy_val(char *buf, size_t n, struct uk_row *row, int c)
{
	snprintf(buf, n, "%s", val(row, c) ? val(row, c) : "");
}

/* A transfer-out record: held until its transfer-in comes, once its own
 * values read (a bad one is said at its line). */
static int hold_transfer_out(struct import *im, struct uk_row *row, long long src, char *err, size_t errsz)
{
	struct uk_entry_in in;
	int rc;
	entry_of(row, NULL, &in);
	if ((rc = uk_ledger_entry_key(im->lg, &in, NULL, &im->pend_key, err, errsz)) != 0) {
		if (rc == -1)
			im->out_refused = uk_row_line(row);
		return rc;
	}
	copy_val(im->pend_date, sizeof im->pend_date, row, UK_LC_DATE);
	copy_val(im->pend_amount, sizeof im->pend_amount, row, UK_LC_AMOUNT);
	place_of(row, im->pend_from, sizeof im->pend_from);
	copy_val(im->pend_voucher, sizeof im->pend_voucher, row, UK_LC_VOUCHER);
	copy_val(im->pend_memo, sizeof im->pend_memo, row, UK_LC_MEMO);
	im->pend_src = src;
	im->pend_line = uk_row_line(row);
	im->pending = 1;
	return UK_BATCH_HELD;
}

/* A transfer-in record: with the transfer-out held before it, one
 * transfer, the stored one it repeats or a new one; *src becomes the
 * transfer-out's, its own mapped to the incoming half. out_refused: the
 * line of a transfer-out just refused. A refusal here refuses the held
 * record with this one (the batch says it). */
static int transfer_in(struct import *im, struct uk_row *row, long out_refused, long long *src,
                       int64_t *id, int *found, char *err, size_t errsz)
{
	struct uk_entry_in in;
	struct uk_entry_key to;
	char place[160];
	int64_t in_id;
	int res;

	*found = 0;
	if (!im->pending && out_refused)
		return uk_errf(err, errsz, "the transfer-in record is skipped with its transfer-out record "
		               "of line %ld: a transfer is imported whole or not at all", out_refused);
	if (!im->pending)
		return uk_errf(err, errsz, "a transfer-in record without its transfer-out record before it");
	im->pending = 0;
	entry_of(row, NULL, &in);
	if ((res = uk_ledger_entry_key(im->lg, &in, NULL, &to, err, errsz)) != 0)
		return res;
	if (strcmp(to.date, im->pend_key.date) != 0 || to.amount != im->pend_key.amount)
		return uk_errf(err, errsz, "the transfer-in record does not match the transfer-out "
		               "record of line %ld (date and amount)", im->pend_line);
	if ((res = same_transfer(im, &im->pend_key, &to, id)) != 0)
		return res;
	if (*id) {
		*found = 1;
	} else {
		place_of(row, place, sizeof place);
		if ((res = uk_ledger_transfer(im->lg, im->pend_date, im->pend_amount, im->pend_from, place,
		                              im->pend_voucher, im->pend_memo, im->o->allow_overdraft, id,
		                              err, errsz)) != 0)
			return res;
	}
	/* Both source ids name the halves, for voids later in the input. */
	if (*src) {
		if ((res = uk_ledger_transfer_pair(im->lg, *id, &in_id)) != 0)
			return res;
		if (add_map(&im->map, &im->nmap, &im->capmap, *src, in_id) != 0)
			return uk_err_nomem();
	}
	*src = im->pend_src;
	return 0;
}

/* The void stored before this import of entry target, dated date ("":
 * the entry's own date), in *same (0: none). */
static int stored_void(struct import *im, int64_t target, const char *date, int64_t *same)
{
	int rc;
	sqlite3_stmt *st = look(im, LOOK_VOID,
		"SELECT v.id FROM ledger_entries v JOIN ledger_entries t ON t.id = v.void_of"
		" WHERE v.id <= ?1 AND v.void_of = ?2 AND v.date = coalesce(?3, t.date)", same, &rc);
	if (!st)
		return rc;
	sqlite3_bind_int64(st, 2, target);
	bind_text(st, 3, date);
	return take_stored(im, st, same);
}

/* A reversal in the source, of the entry an earlier record became (of a
 * transfer too: voiding its out half reverses both, so the in half's
 * reversal that follows is already done: counted, nothing written). The
 * entry found stored and voided on the record's date already: that void,
 * found. */
static int void_record(struct import *im, struct uk_row *row, int64_t *id, int *done, int *found,
                       char *err, size_t errsz)
{
	const char *void_of = val(row, UK_LC_VOID_OF), *memo = val(row, UK_LC_MEMO);
	int64_t target = map_find(im->map, im->nmap, atoll(void_of)), pair;
	struct uk_date d;
	char date[UK_DATE_BUFSZ] = "", buf[64];
	const char *why;
	int res;

	*done = *found = 0;
	if (!target)
		return uk_errf(err, errsz, "void_of %s: no such entry earlier in this input", void_of);
	if (voided_here(im->voided, im->nvoided, target)) {
		*done = 1;
		return 0;
	}
	if (target <= im->matched.before) {
		snprintf(buf, sizeof buf, "%s", val(row, UK_LC_DATE) ? val(row, UK_LC_DATE) : "");
		uk_fold_fullwidth(buf);
		if (!*buf || uk_date_parse(buf, &d, &why) == 0) {
			if (*buf)
				uk_date_format(d, date);
			if ((res = stored_void(im, target, date, id)) != 0)
				return res;
			if ((*found = *id != 0))
				return 0;
		}
	}
	/* A listing's void says "void of ID: reason": the reason again, not
	 * the whole memo inside a new one. */
	memo = uk_ledger_void_reason(memo, atoll(void_of));
	res = uk_ledger_void(im->lg, target, memo && *memo ? memo : "voided in the source",
	                     val(row, UK_LC_DATE), im->o->allow_overdraft, id, err, errsz);
	if (res)
		return res;
	if ((res = uk_ledger_transfer_pair(im->lg, target, &pair)) != 0)
		return res;
	return remember(&im->voided, &im->nvoided, &im->capvoided, target, pair) ? uk_err_nomem() : 0;
}

static int import_record(void *ctx, struct uk_row *row, char *err, size_t errsz)
{
	struct import *im = ctx;
	struct uk_ledger_mark mark;
	const char *cat = category_of(row);
	long long src = val(row, UK_LC_ID) ? atoll(val(row, UK_LC_ID)) : 0;
	long out_refused = im->out_refused;
	int64_t id = 0;
	int res, rc, done = 0, found = 0;

	im->out_refused = 0;
	/* Anything but its transfer-in (a void is not, whatever its
	 * category): the transfer-out held is refused on its own, and this
	 * record read afresh. */
	if (im->pending && (!is(cat, "transfer-in") || val(row, UK_LC_VOID_OF))) {
		im->pending = 0;
		return UK_BATCH_ALONE;
	}
	if (!is(cat, "transfer-out") && !is(cat, "transfer-in") && val(row, UK_LC_AMOUNT) &&
	    val(row, UK_LC_AMOUNT)[0] == '-')
		return uk_errf(err, errsz, "negative amount '%s': amounts are positive, the category "
		               "gives the direction", val(row, UK_LC_AMOUNT));
	uk_ledger_mark(im->lg, &mark);
	if (val(row, UK_LC_VOID_OF))
		res = void_record(im, row, &id, &done, &found, err, errsz);
	else if (is(cat, "transfer-out"))
		return hold_transfer_out(im, row, src, err, errsz);
	else if (is(cat, "transfer-in"))
		res = transfer_in(im, row, out_refused, &src, &id, &found, err, errsz);
	else
		res = one(im, row, cat, src, &id, &found, err, errsz);
	/* Refused after writing (its savepoint undoes the rows): the session
	 * forgets them too. */
	if (res == -1 && (rc = uk_ledger_undo(im->lg, &mark)) != 0)
		return rc;
	if (res || done)
		return res;
	if (found)
		im->matched.found++;
	if (src && add_map(&im->map, &im->nmap, &im->capmap, src, id) != 0)
		return uk_err_nomem();
	return 0;
}

/* The transfer-out held, refused: with the transfer-in of line with, or
 * with nothing after it to complete it. */
static int import_finish(void *ctx, long with, char *err, size_t errsz)
{
	struct import *im = ctx;
	im->pending = 0;
	if (with)
		return uk_errf(err, errsz, "the transfer-out record is skipped with its transfer-in record "
		               "of line %ld: a transfer is imported whole or not at all", with);
	return uk_errf(err, errsz, "a transfer-out record with no transfer-in record after it");
}

int uk_ledger_import(struct uk_ledger *lg, struct uk_reader *r, const struct uk_import_ledger_opts *o,
                     long *added, long *unchanged, long *bad)
{
	struct import im;
	int rc;

	memset(&im, 0, sizeof im);
	im.lg = lg;
	im.o = o;
	rc = uk_batch_records_again_finish(uk_ledger_db(lg), r, o->rejects,
	                                   "SELECT coalesce(max(id), 0) FROM ledger_entries", import_record,
	                                   import_finish, &im, &im.matched, added, unchanged, bad);
	for (int k = 0; k < 4; k++)
		sqlite3_finalize(im.look[k]);
	free(im.map);
	free(im.voided);
	return rc;
}
