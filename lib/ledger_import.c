/* ledger_import.c - many entries from records (a bank statement mapped to
 * our columns, or the output of fund-ledger ls): checked like add, all or
 * nothing unless skip_bad. */
#include "uk_ledger.h"

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
		struct idmap *m = realloc(*map, (size_t)(*cap = *cap ? *cap * 2 : 256) * sizeof *m);
		if (!m)
			return -1;
		*map = m;
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
		int64_t *g = realloc(*v, (size_t)(*cap = *cap ? *cap * 2 : 64) * sizeof *g);
		if (!g)
			return -1;
		*v = g;
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

	if (val(row, UK_LC_AMOUNT) && val(row, UK_LC_AMOUNT)[0] == '-') {
		snprintf(err, errsz, "negative amount '%s': amounts are positive, the category "
		         "gives the direction", val(row, UK_LC_AMOUNT));
		return -1;
	}
	if (void_of) {
		/* A reversal in the source: reverse what its original became. */
		int64_t orig = map_find(map, nmap, atoll(void_of));
		if (!orig) {
			snprintf(err, errsz, "void_of %s: no such entry earlier in this input", void_of);
			return -1;
		}
		return uk_ledger_void(lg, orig, val(row, UK_LC_MEMO) ? val(row, UK_LC_MEMO) : "voided in the source",
		                      val(row, UK_LC_DATE), o->allow_overdraft, id, err, errsz);
	}
	if (cat && strcmp(cat, "opening") == 0)
		return uk_ledger_opening(lg, val(row, UK_LC_DATE), val(row, UK_LC_AMOUNT), val(row, UK_LC_FUND),
		                         val(row, UK_LC_ACCOUNT), val(row, UK_LC_MEMO), id, err, errsz);
	if (cat && (strcmp(cat, "transfer-out") == 0 || strcmp(cat, "transfer-in") == 0)) {
		snprintf(err, errsz, "a transfer half on its own: transfers are imported as a "
		         "transfer-out record followed by its transfer-in record");
		return -1;
	}
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

int uk_ledger_import(struct uk_ledger *lg, struct uk_reader *r, const struct uk_import_ledger_opts *o,
                     long *added, long *bad)
{
	struct uk_rejects *rj = NULL;
	struct uk_row *row;
	struct idmap *map = NULL;
	long nmap = 0, capmap = 0;
	int64_t *voided = NULL;
	long nvoided = 0, capvoided = 0;
	struct uk_progress progress;
	int rc;
	/* A transfer-out waiting for its transfer-in. */
	char pend_date[32] = "", pend_amount[64] = "", pend_from[160] = "", pend_voucher[64] = "";
	char pend_memo[600] = "";
	long long pend_src = 0;
	long pend_line = 0;

	*added = *bad = 0;
	if (o->rejects && (rc = uk_rejects_open(o->rejects, r, &rj)) != 0)
		return rc;
	uk_progress_start(&progress, "entries");
	while ((rc = uk_reader_next(r, &row)) == 1) {
		char err[400];
		int64_t id = 0;
		const char *cat = val(row, UK_LC_CATEGORY);
		long long src = val(row, UK_LC_ID) ? atoll(val(row, UK_LC_ID)) : 0;
		int res;

		if (uk_row_error(row)) {
			snprintf(err, sizeof err, "%s", uk_row_error(row));
			res = -1;
		} else if (val(row, UK_LC_VOID_OF) && !*pend_date) {
			/* A reversal in the source (of a transfer too: voiding its
			 * out half reverses both, so the in half's reversal that
			 * follows is already done). */
			int64_t target = map_find(map, nmap, atoll(val(row, UK_LC_VOID_OF)));
			if (target && voided_here(voided, nvoided, target)) {
				(*added)++;
				continue;
			}
			res = one(lg, row, o, map, nmap, &id, err, sizeof err);
			if (res == 0 && target && remember(&voided, &nvoided, &capvoided, target,
			                                   uk_ledger_transfer_pair(lg, target)) != 0) {
				rc = uk_err_nomem();
				goto out;
			}
		} else if (*pend_date && !(cat && strcmp(cat, "transfer-in") == 0)) {
			snprintf(err, sizeof err, "the transfer-out record of line %ld has no transfer-in "
			         "record after it", pend_line);
			*pend_date = '\0';
			res = -1;
		} else if (cat && strcmp(cat, "transfer-out") == 0) {
			snprintf(pend_date, sizeof pend_date, "%s", val(row, UK_LC_DATE) ? val(row, UK_LC_DATE) : "");
			snprintf(pend_amount, sizeof pend_amount, "%s", val(row, UK_LC_AMOUNT) ? val(row, UK_LC_AMOUNT) : "");
			snprintf(pend_from, sizeof pend_from, "%s:%s", val(row, UK_LC_FUND) ? val(row, UK_LC_FUND) : "general",
			         val(row, UK_LC_ACCOUNT) ? val(row, UK_LC_ACCOUNT) : "bank");
			snprintf(pend_voucher, sizeof pend_voucher, "%s", val(row, UK_LC_VOUCHER) ? val(row, UK_LC_VOUCHER) : "");
			snprintf(pend_memo, sizeof pend_memo, "%s", val(row, UK_LC_MEMO) ? val(row, UK_LC_MEMO) : "");
			pend_src = src;
			pend_line = uk_row_line(row);
			if (!*pend_date)
				snprintf(pend_date, sizeof pend_date, "?");
			continue;
		} else if (cat && strcmp(cat, "transfer-in") == 0) {
			char to[160];
			if (!*pend_date) {
				snprintf(err, sizeof err, "a transfer-in record without its transfer-out record before it");
				res = -1;
			} else if (strcmp(pend_date, val(row, UK_LC_DATE) ? val(row, UK_LC_DATE) : "") != 0 ||
			           strcmp(pend_amount, val(row, UK_LC_AMOUNT) ? val(row, UK_LC_AMOUNT) : "") != 0) {
				snprintf(err, sizeof err, "the transfer-in record does not match the transfer-out "
				         "record of line %ld (date and amount)", pend_line);
				*pend_date = '\0';
				res = -1;
			} else {
				snprintf(to, sizeof to, "%s:%s", val(row, UK_LC_FUND) ? val(row, UK_LC_FUND) : "general",
				         val(row, UK_LC_ACCOUNT) ? val(row, UK_LC_ACCOUNT) : "bank");
				res = uk_ledger_transfer(lg, pend_date, pend_amount, pend_from, to, pend_voucher,
				                         pend_memo, o->allow_overdraft, &id, err, sizeof err);
				if (res == 0) {
					/* Both source ids name the new halves, for voids
					 * later in the input. */
					if (src && add_map(&map, &nmap, &capmap, src,
					                   uk_ledger_transfer_pair(lg, id)) != 0) {
						rc = uk_err_nomem();
						goto out;
					}
					src = pend_src;
				}
				*pend_date = '\0';
			}
		} else {
			res = one(lg, row, o, map, nmap, &id, err, sizeof err);
		}
		if (res > 1) {
			rc = res;
			goto out;
		}
		if (res == -1) {
			(*bad)++;
			uk_err_at(uk_reader_name(r), uk_row_line(row), "%s", err);
			if (rj)
				uk_rejects_add(rj, row, err);
			continue;
		}
		(*added)++;
		if (src && add_map(&map, &nmap, &capmap, src, id) != 0) {
			rc = uk_err_nomem();
			goto out;
		}
		uk_progress_tick(&progress, *added + *bad);
	}
	if (rc == 0 && *pend_date) {
		(*bad)++;
		uk_err_at(uk_reader_name(r), pend_line, "a transfer-out record with no transfer-in record after it");
	}
out:
	uk_progress_end(&progress);
	free(map);
	free(voided);
	{
		int crc = uk_rejects_close(rj);
		if (!rc || rc == 1)
			rc = crc;
	}
	return rc > 1 ? rc : 0;
}
