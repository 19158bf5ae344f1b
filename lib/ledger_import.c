/* ledger_import.c - many entries from records (a bank statement mapped to
 * our columns, or the output of fund-ledger ls): checked like add, all or
 * nothing unless skip_bad. */
#include "uk_ledger.h"
#include "uk_vocabs.h"
#include "uk_batch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *val(struct uk_row *row, int c)
{
	const char *s = uk_row_get(row, c);
	return s && *s ? s : NULL;
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

static int one(struct uk_ledger *lg, struct uk_row *row, const struct uk_import_ledger_opts *o,
               struct idmap *map, long nmap, int64_t *id, char *err, size_t errsz)
{
	const char *cat = val(row, UK_LC_CATEGORY);
	const char *sub = val(row, UK_LC_SUBCATEGORY);
	const char *dir = val(row, UK_LC_DIRECTION);
	const char *void_of = val(row, UK_LC_VOID_OF);
	char catbuf[300];
	struct uk_entry_in in;

	/* 期初余额 or 收入 (a listing in Chinese) as well as opening or in. */
	const char *sys = cat ? uk_vocab_slug_of(UK_V_SYSTEM_CATEGORY, cat) : NULL;
	const char *way = dir ? uk_vocab_slug_of(UK_V_DIRECTION, dir) : NULL;
	cat = sys ? sys : cat;
	dir = way ? way : dir;
	if (val(row, UK_LC_AMOUNT) && val(row, UK_LC_AMOUNT)[0] == '-') {
		return uk_errf(err, errsz, "negative amount '%s': amounts are positive, the category "
		               "gives the direction", val(row, UK_LC_AMOUNT));
	}
	if (void_of) {
		/* A reversal in the source: reverse what its original became. */
		int64_t orig = map_find(map, nmap, atoll(void_of));
		if (!orig)
			return uk_errf(err, errsz, "void_of %s: no such entry earlier in this input", void_of);
		return uk_ledger_void(lg, orig, val(row, UK_LC_MEMO) ? val(row, UK_LC_MEMO) : "voided in the source",
		                      val(row, UK_LC_DATE), o->allow_overdraft, id, err, errsz);
	}
	if (cat && strcmp(cat, "opening") == 0)
		return uk_ledger_opening(lg, val(row, UK_LC_DATE), val(row, UK_LC_AMOUNT), val(row, UK_LC_FUND),
		                         val(row, UK_LC_ACCOUNT), val(row, UK_LC_MEMO), id, err, errsz);
	if (cat && (strcmp(cat, "transfer-out") == 0 || strcmp(cat, "transfer-in") == 0))
		return uk_errf(err, errsz, "a transfer half on its own: transfers are imported as a "
		               "transfer-out record followed by its transfer-in record");
	snprintf(catbuf, sizeof catbuf, "%s%s%s", cat ? cat : "", sub ? "/" : "", sub ? sub : "");
	memset(&in, 0, sizeof in);
	in.date = val(row, UK_LC_DATE);
	in.amount = val(row, UK_LC_AMOUNT);
	in.category = cat ? catbuf : NULL;
	in.fund = val(row, UK_LC_FUND);
	in.account = val(row, UK_LC_ACCOUNT);
	in.member = val(row, UK_LC_MEMBER_NO);
	in.activity = val(row, UK_LC_ACTIVITY_ID);
	in.voucher = val(row, UK_LC_VOUCHER);
	in.memo = val(row, UK_LC_MEMO);
	in.allow_overdraft = o->allow_overdraft;
	in.member_by = 0;
	return uk_ledger_add_checked(lg, &in, dir, id, err, errsz);
}

/* The batch: the session, the ids seen, and a transfer-out waiting for
 * its transfer-in. */
struct import {
	struct uk_ledger *lg;
	const struct uk_import_ledger_opts *o;
	struct idmap *map;
	long nmap, capmap;
	int64_t *voided;
	long nvoided, capvoided;
	int pending;
	char pend_date[32], pend_amount[64], pend_from[160], pend_voucher[64], pend_memo[600];
	struct uk_entry_key pend_key;   /* as read, for the transfer-in to agree with */
	long long pend_src;
	long pend_line;
	/* The line of a transfer-out refused on its own values just before:
	 * its transfer-in goes with it. */
	long out_refused;
};

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

static void entry_of(struct uk_row *row, struct uk_entry_in *in)
{
	memset(in, 0, sizeof *in);
	in->date = val(row, UK_LC_DATE);
	in->amount = val(row, UK_LC_AMOUNT);
	in->fund = val(row, UK_LC_FUND);
	in->account = val(row, UK_LC_ACCOUNT);
	in->voucher = val(row, UK_LC_VOUCHER);
}

/* A transfer-out record: held until its transfer-in comes, once its own
 * values read (a bad one is said at its line). */
static int hold_transfer_out(struct import *im, struct uk_row *row, long long src, char *err, size_t errsz)
{
	struct uk_entry_in in;
	int rc;
	entry_of(row, &in);
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
 * transfer; *src becomes the transfer-out's, its own mapped to the
 * incoming half. out_refused: the line of a transfer-out just refused. A
 * refusal here refuses the held record with this one (the batch says
 * it). */
static int transfer_in(struct import *im, struct uk_row *row, long out_refused, long long *src,
                       int64_t *id, char *err, size_t errsz)
{
	struct uk_entry_in in;
	struct uk_entry_key to;
	char place[160];
	int64_t in_id;
	int res;

	if (!im->pending && out_refused)
		return uk_errf(err, errsz, "the transfer-in record is skipped with its transfer-out record "
		               "of line %ld: a transfer is imported whole or not at all", out_refused);
	if (!im->pending)
		return uk_errf(err, errsz, "a transfer-in record without its transfer-out record before it");
	im->pending = 0;
	entry_of(row, &in);
	if ((res = uk_ledger_entry_key(im->lg, &in, NULL, &to, err, errsz)) != 0)
		return res;
	if (strcmp(to.date, im->pend_key.date) != 0 || to.amount != im->pend_key.amount)
		return uk_errf(err, errsz, "the transfer-in record does not match the transfer-out "
		               "record of line %ld (date and amount)", im->pend_line);
	place_of(row, place, sizeof place);
	if ((res = uk_ledger_transfer(im->lg, im->pend_date, im->pend_amount, im->pend_from, place,
	                              im->pend_voucher, im->pend_memo, im->o->allow_overdraft, id,
	                              err, errsz)) != 0)
		return res;
	/* Both source ids name the new halves, for voids later in the input. */
	if (*src) {
		if ((res = uk_ledger_transfer_pair(im->lg, *id, &in_id)) != 0)
			return res;
		if (add_map(&im->map, &im->nmap, &im->capmap, *src, in_id) != 0)
			return uk_err_nomem();
	}
	*src = im->pend_src;
	return 0;
}

/* A reversal in the source (of a transfer too: voiding its out half
 * reverses both, so the in half's reversal that follows is already done:
 * counted, nothing written). */
static int void_record(struct import *im, struct uk_row *row, int64_t *id, int *done,
                       char *err, size_t errsz)
{
	int64_t target = map_find(im->map, im->nmap, atoll(val(row, UK_LC_VOID_OF))), pair;
	int res;
	*done = 0;
	if (target && voided_here(im->voided, im->nvoided, target)) {
		*done = 1;
		return 0;
	}
	res = one(im->lg, row, im->o, im->map, im->nmap, id, err, errsz);
	if (res || !target)
		return res;
	if ((res = uk_ledger_transfer_pair(im->lg, target, &pair)) != 0)
		return res;
	return remember(&im->voided, &im->nvoided, &im->capvoided, target, pair) ? uk_err_nomem() : 0;
}

static int import_record(void *ctx, struct uk_row *row, char *err, size_t errsz)
{
	struct import *im = ctx;
	struct uk_ledger_mark mark;
	const char *cat = val(row, UK_LC_CATEGORY);
	long long src = val(row, UK_LC_ID) ? atoll(val(row, UK_LC_ID)) : 0;
	long out_refused = im->out_refused;
	int64_t id = 0;
	int res, rc, done = 0;

	im->out_refused = 0;
	/* Anything but its transfer-in: the transfer-out held is refused on
	 * its own, and this record read afresh. */
	if (im->pending && !(cat && strcmp(cat, "transfer-in") == 0)) {
		im->pending = 0;
		return UK_BATCH_ALONE;
	}
	uk_ledger_mark(im->lg, &mark);
	if (val(row, UK_LC_VOID_OF)) {
		res = void_record(im, row, &id, &done, err, errsz);
	} else if (cat && strcmp(cat, "transfer-out") == 0) {
		return hold_transfer_out(im, row, src, err, errsz);
	} else if (cat && strcmp(cat, "transfer-in") == 0) {
		res = transfer_in(im, row, out_refused, &src, &id, err, errsz);
	} else {
		res = one(im->lg, row, im->o, im->map, im->nmap, &id, err, errsz);
	}
	/* Refused after writing (its savepoint undoes the rows): the session
	 * forgets them too. */
	if (res == -1 && (rc = uk_ledger_undo(im->lg, &mark)) != 0)
		return rc;
	if (res || done)
		return res;
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
                     long *added, long *bad)
{
	struct import im;
	int rc;

	memset(&im, 0, sizeof im);
	im.lg = lg;
	im.o = o;
	rc = uk_batch_records_finish(uk_ledger_db(lg), r, o->rejects, import_record, import_finish, &im,
	                             added, bad);
	free(im.map);
	free(im.voided);
	return rc;
}
