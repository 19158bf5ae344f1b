/* ledger.c - writing the books: entries checked against the union's rules
 * (chart, funds, overdraft, hardship aid, vouchers), linked in a SHA-256
 * chain, with totals by fund, account, category and month kept alongside. */
#include "uk_ledger.h"
#include "uk_hash.h"
#include "uk_i18n.h"
#include "uk_vocabs.h"
#include "uk_members.h"
#include "uk_money.h"
#include "uk_text.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ZERO_HASH "0000000000000000000000000000000000000000000000000000000000000000"

/* Totals of one (fund, account, category, month) gained in this session. */
struct total {
	char key[160];
	char fund[40], account[40], category[24], month[8];
	int64_t in, out;
	int used;
};

/* Day-end nets of one (fund, account), stored and session, for the
 * overdraft rule: the balance at the end of every day must stay >= 0. */
struct fundacct {
	char fund[40], account[40];
	int ndays, capdays;
	char (*day)[UK_DATE_BUFSZ];
	int64_t *net;
	int64_t total;
};

static void fundacct_free(struct fundacct *fa)
{
	free(fa->day);
	free(fa->net);
}

struct uk_ledger {
	struct uk_db *db;
	sqlite3_stmt *insert, *category_by, *fund, *account, *entry;
	int64_t last_id, start_id;   /* start_id: the last entry before this session */
	char last_hash[UK_SHA256_HEX];
	char stamp[20];
	struct total *totals;
	size_t ntotals, captotals;   /* open addressing, power of two */
	struct fundacct *fa;
	int nfa;
	/* What this session has already looked up: categories as given, and
	 * the funds and accounts known to exist. */
	struct { char text[64], code[24], kind[12], top[24]; } cat[64];
	int ncat;
	char known[16][40];
	int nknown;
	int allow_future;            /* --allow-future: dates after today are meant */
};

/* The chain's end: the last entry's id and hash. */
static int last_entry(sqlite3_stmt *st, void *ctx)
{
	struct uk_ledger *lg = ctx;
	const char *hash = uk_db_text(st, 1);
	lg->start_id = lg->last_id = sqlite3_column_int64(st, 0);
	snprintf(lg->last_hash, sizeof lg->last_hash, "%s", hash ? hash : "");
	return 0;
}

int uk_ledger_open(struct uk_db *db, struct uk_ledger **out)
{
	struct uk_ledger *lg = calloc(1, sizeof *lg);
	sqlite3_stmt *st;
	int rc, found;

	*out = NULL;
	if (!lg)
		return uk_err_nomem();
	lg->db = db;
	uk_timestamp(lg->stamp);
	lg->insert = uk_db_prepare(db,
		"INSERT INTO ledger_entries(id, date, fund, account, direction, category, subcategory,"
		" amount, member_id, activity_id, voucher, memo, void_of, transfer_of, overdraft,"
		" force_reason, dues_month, recorded_at, prev_hash, hash, allow_future)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
		" ?18, ?19, ?20, ?21)");
	lg->category_by = uk_db_prepare(db,
		"SELECT code, kind, coalesce(parent, code) FROM ledger_categories"
		" WHERE code = ?1 OR name = ?1 OR lower(slug) = lower(?1)"
		" ORDER BY code = ?1 DESC, name = ?1 DESC LIMIT 1");
	lg->fund = uk_db_prepare(db, "SELECT 1 FROM ledger_funds WHERE name = ?1");
	lg->account = uk_db_prepare(db, "SELECT 1 FROM ledger_accounts WHERE name = ?1");
	lg->entry = uk_db_prepare(db,
		"SELECT date, fund, account, direction, category, subcategory, amount, member_id,"
		" void_of, transfer_of, (SELECT id FROM ledger_entries v WHERE v.void_of = e.id)"
		" FROM ledger_entries e WHERE id = ?1");
	if (!lg->insert || !lg->category_by || !lg->fund || !lg->account || !lg->entry) {
		uk_ledger_close(lg);
		return UK_EX_SOFTWARE;
	}
	st = uk_db_prepare(db, "SELECT id, hash FROM ledger_entries ORDER BY id DESC LIMIT 1");
	if (!st) {
		uk_ledger_close(lg);
		return UK_EX_SOFTWARE;
	}
	strcpy(lg->last_hash, ZERO_HASH);
	rc = uk_db_one(db, st, last_entry, lg, &found, N_("cannot read the ledger"));
	sqlite3_finalize(st);
	if (rc) {
		uk_ledger_close(lg);
		return rc;
	}
	*out = lg;
	return UK_EX_OK;
}

struct uk_db *uk_ledger_db(struct uk_ledger *lg) { return lg->db; }

void uk_ledger_allow_future(struct uk_ledger *lg, int allow) { lg->allow_future = allow; }
int64_t uk_ledger_start_id(const struct uk_ledger *lg) { return lg->start_id; }

int uk_ledger_future_check(const struct uk_ledger *lg, struct uk_date d, char *err, size_t errsz)
{
	return uk_future_check(d, lg->allow_future, err, errsz);
}

void uk_ledger_close(struct uk_ledger *lg)
{
	if (!lg)
		return;
	sqlite3_finalize(lg->insert);
	sqlite3_finalize(lg->category_by);
	sqlite3_finalize(lg->fund);
	sqlite3_finalize(lg->account);
	sqlite3_finalize(lg->entry);
	free(lg->totals);
	for (int i = 0; i < lg->nfa; i++)
		fundacct_free(&lg->fa[i]);
	free(lg->fa);
	free(lg);
}

/* ---- totals kept in memory during a session ---- */

static uint64_t hash_key(const char *s)
{
	uint64_t h = 1469598103934665603ULL;  /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static int totals_grow(struct uk_ledger *lg)
{
	size_t cap = lg->captotals ? lg->captotals * 2 : 256;
	struct total *t = calloc(cap, sizeof *t);
	if (!t)
		return -1;
	for (size_t i = 0; i < lg->captotals; i++) {
		size_t j;
		if (!lg->totals[i].used)
			continue;
		for (j = hash_key(lg->totals[i].key) & (cap - 1); t[j].used; j = (j + 1) & (cap - 1))
			;
		t[j] = lg->totals[i];
	}
	free(lg->totals);
	lg->totals = t;
	lg->captotals = cap;
	return 0;
}

static int totals_add(struct uk_ledger *lg, const char *fund, const char *account,
                      const char *category, const char *date, int in, int64_t amount)
{
	char key[160];
	size_t j;
	snprintf(key, sizeof key, "%s\t%s\t%s\t%.7s", fund, account, category, date);
	if ((lg->ntotals + 1) * 2 > lg->captotals && totals_grow(lg) != 0)
		return -1;
	for (j = hash_key(key) & (lg->captotals - 1); lg->totals[j].used; j = (j + 1) & (lg->captotals - 1))
		if (strcmp(lg->totals[j].key, key) == 0)
			break;
	if (!lg->totals[j].used) {
		struct total *t = &lg->totals[j];
		t->used = 1;
		snprintf(t->key, sizeof t->key, "%s", key);
		snprintf(t->fund, sizeof t->fund, "%s", fund);
		snprintf(t->account, sizeof t->account, "%s", account);
		snprintf(t->category, sizeof t->category, "%s", category);
		snprintf(t->month, sizeof t->month, "%.7s", date);
		t->in = t->out = 0;
		lg->ntotals++;
	}
	if (in)
		lg->totals[j].in += amount;
	else
		lg->totals[j].out += amount;
	return 0;
}

int uk_ledger_flush(struct uk_ledger *lg)
{
	sqlite3_stmt *st = uk_db_prepare(lg->db,
		"INSERT INTO ledger_totals(fund, account, category, month, amount_in, amount_out)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO UPDATE SET"
		" amount_in = amount_in + excluded.amount_in, amount_out = amount_out + excluded.amount_out");
	int rc = UK_EX_OK;
	if (!st)
		return UK_EX_SOFTWARE;
	for (size_t i = 0; i < lg->captotals && !rc; i++) {
		struct total *t = &lg->totals[i];
		/* Nothing left of it (a record taken back by uk_ledger_undo):
		 * every entry moves money, so no real total is zero. */
		if (!t->used || (!t->in && !t->out)) {
			t->used = 0;
			continue;
		}
		sqlite3_bind_text(st, 1, t->fund, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, t->account, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, t->category, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, t->month, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, t->in);
		sqlite3_bind_int64(st, 6, t->out);
		rc = uk_db_each(lg->db, st, NULL, NULL, N_("cannot write ledger totals"));
		t->used = 0;
	}
	sqlite3_finalize(st);
	lg->ntotals = 0;
	return rc;
}

/* ---- taking back a record's entries ---- */

void uk_ledger_mark(const struct uk_ledger *lg, struct uk_ledger_mark *m)
{
	m->last_id = lg->last_id;
	memcpy(m->last_hash, lg->last_hash, sizeof m->last_hash);
}

static int fundacct_add(struct fundacct *fa, const char *date, int64_t delta);

/* One entry written since the mark, taken out of the session's totals and
 * day-end history. */
static int undo_row(sqlite3_stmt *st, void *ctx)
{
	struct uk_ledger *lg = ctx;
	const char *fund = uk_db_text(st, 0), *account = uk_db_text(st, 1);
	const char *category = uk_db_text(st, 2), *date = uk_db_text(st, 3);
	int in = sqlite3_column_int(st, 4);
	int64_t amount = sqlite3_column_int64(st, 5);
	if (!fund || !account || !category || !date)
		return uk_err_nomem();
	for (int i = 0; i < lg->nfa; i++)
		if (strcmp(lg->fa[i].fund, fund) == 0 && strcmp(lg->fa[i].account, account) == 0 &&
		    fundacct_add(&lg->fa[i], date, in ? -amount : amount) != 0)
			return uk_err_nomem();
	if (totals_add(lg, fund, account, category, date, in, -amount) != 0)
		return uk_err_nomem();
	return 0;
}

int uk_ledger_undo(struct uk_ledger *lg, const struct uk_ledger_mark *m)
{
	sqlite3_stmt *st;
	int rc;
	if (lg->last_id == m->last_id)
		return 0;
	st = uk_db_prepare(lg->db,
		"SELECT fund, account, category, date, direction = 'in', amount FROM ledger_entries"
		" WHERE id > ?1");
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, m->last_id);
	rc = uk_db_each(lg->db, st, undo_row, lg, N_("cannot read the ledger"));
	sqlite3_finalize(st);
	if (rc)
		return rc;
	lg->last_id = m->last_id;
	memcpy(lg->last_hash, m->last_hash, sizeof lg->last_hash);
	return 0;
}

/* ---- the overdraft rule ---- */

/* Inserts delta at day, keeping days in order (appending in the common,
 * chronological case). */
static int fundacct_add(struct fundacct *fa, const char *date, int64_t delta)
{
	int i = fa->ndays;
	while (i > 0 && strcmp(fa->day[i - 1], date) > 0)
		i--;
	fa->total += delta;
	if (i > 0 && strcmp(fa->day[i - 1], date) == 0) {
		fa->net[i - 1] += delta;
		return 0;
	}
	if (fa->ndays == fa->capdays) {
		int cap = fa->capdays ? fa->capdays * 2 : 64;
		char (*d)[UK_DATE_BUFSZ] = realloc(fa->day, (size_t)cap * sizeof *d);
		int64_t *n;
		if (!d)
			return -1;
		fa->day = d;
		if (!(n = realloc(fa->net, (size_t)cap * sizeof *n)))
			return -1;
		fa->net = n;
		fa->capdays = cap;
	}
	memmove(fa->day + i + 1, fa->day + i, (size_t)(fa->ndays - i) * sizeof *fa->day);
	memmove(fa->net + i + 1, fa->net + i, (size_t)(fa->ndays - i) * sizeof *fa->net);
	snprintf(fa->day[i], UK_DATE_BUFSZ, "%s", date);
	fa->net[i] = delta;
	fa->ndays++;
	return 0;
}

static int fundacct_row(sqlite3_stmt *st, void *ctx)
{
	const char *date = uk_db_text(st, 0);
	if (!date || fundacct_add(ctx, date, sqlite3_column_int64(st, 1)) != 0)
		return uk_err_nomem();
	return 0;
}

/* The day-end history of fund:account, loaded from what is stored the
 * first time it is asked for; this session's entries are added as they
 * come. A load that fails leaves nothing behind: a part of the history
 * taken for the whole would pass an overdraft. 0 or an exit code. */
static int fundacct_get(struct uk_ledger *lg, const char *fund, const char *account,
                        struct fundacct **out)
{
	struct fundacct fa, *grown;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	for (int i = 0; i < lg->nfa; i++)
		if (strcmp(lg->fa[i].fund, fund) == 0 && strcmp(lg->fa[i].account, account) == 0) {
			*out = &lg->fa[i];
			return 0;
		}
	memset(&fa, 0, sizeof fa);
	snprintf(fa.fund, sizeof fa.fund, "%s", fund);
	snprintf(fa.account, sizeof fa.account, "%s", account);
	st = uk_db_prepare(lg->db,
		"SELECT date, sum(CASE direction WHEN 'in' THEN amount ELSE -amount END)"
		" FROM ledger_entries WHERE fund = ?1 AND account = ?2 GROUP BY date ORDER BY date");
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, fund, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, account, -1, SQLITE_STATIC);
	rc = uk_db_each(lg->db, st, fundacct_row, &fa, N_("cannot read the ledger"));
	sqlite3_finalize(st);
	if (!rc && !(grown = realloc(lg->fa, (size_t)(lg->nfa + 1) * sizeof *grown)))
		rc = uk_err_nomem();
	if (rc) {
		fundacct_free(&fa);
		return rc;
	}
	lg->fa = grown;
	lg->fa[lg->nfa] = fa;
	*out = &lg->fa[lg->nfa++];
	return 0;
}

/* The lowest day-end balance from date on, once amount is taken out on
 * date. Walks back from the last day: in the usual chronological case
 * date is at or near the end. */
static int64_t lowest_after(const struct fundacct *fa, const char *date, int64_t amount)
{
	int64_t run = fa->total - amount, low = run;
	int i = fa->ndays - 1, own_day = 0;
	/* run is the balance at the end of day[i] (after taking amount out). */
	while (i >= 0 && strcmp(fa->day[i], date) >= 0) {
		if (run < low)
			low = run;
		own_day |= strcmp(fa->day[i], date) == 0;
		run -= fa->net[i];
		i--;
	}
	/* With no entry of its own, the end of date is the end of the day
	 * before, less amount. */
	if (!own_day && run < low)
		low = run;
	return low;
}

/* ---- writing an entry ---- */

struct entry {
	const char *date, *fund, *account, *direction, *category, *subcategory;
	int64_t amount, member_id, activity_id, void_of, transfer_of;
	const char *voucher, *memo, *force_reason, *dues_month;
	int overdraft;
	int date_meant;              /* a void on its entry's own date: already accepted */
};

/* An entry dated after today is a typo unless the session allows it; one
 * allowed is marked, so the books say it was meant. */
static int future_dated(struct uk_ledger *lg, const char *date, int meant, int *marked,
                        char *err, size_t errsz)
{
	struct uk_date d;
	const char *why;
	*marked = 0;
	if (uk_date_parse(date, &d, &why) != 0)
		return uk_errf(err, errsz, "%s in date '%s'", why, date);
	if (uk_future_check(d, lg->allow_future || meant, err, errsz) != 0)
		return -1;
	*marked = uk_date_cmp(d, uk_date_today()) > 0;
	return 0;
}

static void bind_opt_int(sqlite3_stmt *st, int p, int64_t v)
{
	if (v)
		sqlite3_bind_int64(st, p, v);
	else
		sqlite3_bind_null(st, p);
}

/* Decimal text of v by hand (every entry has several); zero is "" when
 * empty_zero, the way an absent reference is stored. */
static void int_text(char *buf, int64_t v, int empty_zero)
{
	char tmp[24];
	int k = 0, neg = v < 0;
	uint64_t u = neg ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	if (v == 0 && empty_zero) {
		buf[0] = '\0';
		return;
	}
	do {
		tmp[k++] = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (neg)
		*buf++ = '-';
	while (k > 0)
		*buf++ = tmp[--k];
	*buf = '\0';
}

/* The chain: each entry's hash covers its content and the previous hash.
 * The mark of a future date is a twentieth field only when set, so the
 * entries written before it existed keep their hashes. */
void uk_ledger_entry_hash(const char *const fields[19], int allow_future, char out[UK_SHA256_HEX]);
void uk_ledger_entry_hash(const char *const fields[19], int allow_future, char out[UK_SHA256_HEX])
{
	uk_sha256_fields(fields, 19, allow_future ? "allow_future" : NULL, out);
}

static int write_entry(struct uk_ledger *lg, const struct entry *e, int64_t *id, char *err, size_t errsz)
{
	char idt[24], amt[24], mem[24], act[24], vo[24], tr[24], od[4], hash[UK_SHA256_HEX];
	const char *fields[19];
	sqlite3_stmt *st = lg->insert;
	int64_t new_id = lg->last_id + 1;
	struct fundacct *fa;
	int rc, future;

	/* Read before the insert: it loads what is stored, and the new entry
	 * is added to it below. */
	if ((rc = fundacct_get(lg, e->fund, e->account, &fa)) != 0)
		return rc;
	/* Every entry passes here, voids and dues runs too. */
	if (future_dated(lg, e->date, e->date_meant, &future, err, errsz) != 0)
		return -1;
	/* Every entry passes here: what is typed beside the figures must not
	 * carry control characters into listings and the audit's exports. */
	if (e->voucher && uk_text_has_control(e->voucher, 0))
		return uk_errf(err, errsz, "control character in voucher");
	if (e->memo && uk_text_has_control(e->memo, 0))
		return uk_errf(err, errsz, "control character in memo");
	if (e->force_reason && uk_text_has_control(e->force_reason, 0))
		return uk_errf(err, errsz, "control character in reason");
	int_text(idt, new_id, 0);
	int_text(amt, e->amount, 0);
	int_text(mem, e->member_id, 1);
	int_text(act, e->activity_id, 1);
	int_text(vo, e->void_of, 1);
	int_text(tr, e->transfer_of, 1);
	int_text(od, e->overdraft, 0);
	fields[0] = idt; fields[1] = e->date; fields[2] = e->fund; fields[3] = e->account;
	fields[4] = e->direction; fields[5] = e->category; fields[6] = e->subcategory;
	fields[7] = amt; fields[8] = mem; fields[9] = act; fields[10] = e->voucher;
	fields[11] = e->memo; fields[12] = vo; fields[13] = tr; fields[14] = od;
	fields[15] = e->force_reason; fields[16] = e->dues_month; fields[17] = lg->stamp;
	fields[18] = lg->last_hash;
	uk_ledger_entry_hash(fields, future, hash);
	if (!hash[0])
		return uk_err_nomem();

	sqlite3_bind_int64(st, 1, new_id);
	sqlite3_bind_text(st, 2, e->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, e->fund, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, e->account, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, e->direction, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, e->category, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, e->subcategory && *e->subcategory ? e->subcategory : NULL, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, e->amount);
	bind_opt_int(st, 9, e->member_id);
	bind_opt_int(st, 10, e->activity_id);
	sqlite3_bind_text(st, 11, e->voucher && *e->voucher ? e->voucher : NULL, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, e->memo && *e->memo ? e->memo : NULL, -1, SQLITE_STATIC);
	bind_opt_int(st, 13, e->void_of);
	bind_opt_int(st, 14, e->transfer_of);
	sqlite3_bind_int(st, 15, e->overdraft);
	sqlite3_bind_text(st, 16, e->force_reason && *e->force_reason ? e->force_reason : NULL, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 17, e->dues_month, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 18, lg->stamp, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 19, lg->last_hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 20, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 21, future);
	/* Not uk_db_each: a unique index refusing the row is the entry's
	 * fault (-1, said below), not a failed step. */
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		if (e->dues_month)
			return uk_errf(err, errsz, "dues for %s already posted for this member", e->dues_month);
		if (e->void_of)
			return uk_errf(err, errsz, "entry %lld is already voided", (long long)e->void_of);
		return uk_errf(err, errsz, "voucher '%s' is already used in %.4s", e->voucher ? e->voucher : "",
		            e->date);
	}
	if (rc != SQLITE_DONE)
		return uk_db_fail(lg->db, rc, N_("cannot write entry"));
	{
		int in = strcmp(e->direction, "in") == 0;
		if (fundacct_add(fa, e->date, in ? e->amount : -e->amount) != 0 ||
		    totals_add(lg, e->fund, e->account, e->category, e->date, in, e->amount) != 0)
			return uk_err_nomem();
	}
	lg->last_id = new_id;
	memcpy(lg->last_hash, hash, sizeof hash);
	*id = new_id;
	return 0;
}

/* ---- checks ---- */

/* Whether the table of st holds name: 0 with *yes, or an exit code. */
static int exists(struct uk_ledger *lg, sqlite3_stmt *st, const char *name, int *yes)
{
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	return uk_db_one(lg->db, st, NULL, NULL, yes, N_("cannot read the ledger"));
}

/* Copies and cleans one value: trimmed, full-width folded. */
static char *clean(const char *s, char *buf, size_t n)
{
	snprintf(buf, n, "%s", s ? s : "");
	uk_trim(buf);
	uk_fold_fullwidth(buf);
	return buf;
}

static int parse_date(const char *s, struct uk_date *d, char *err, size_t errsz)
{
	const char *why;
	char buf[64];
	if (!s || !*s)
		return uk_errf(err, errsz, "no date");
	if (uk_date_parse(clean(s, buf, sizeof buf), d, &why) != 0)
		return uk_errf(err, errsz, "%s in date '%s'", why, s);
	return 0;
}

/* A date as given, refused when after today without --allow-future: said
 * before any other rule, as the likeliest typo. */
static int check_date(struct uk_ledger *lg, const char *s, char out[UK_DATE_BUFSZ], char *err, size_t errsz)
{
	struct uk_date d;
	if (parse_date(s, &d, err, errsz) != 0)
		return -1;
	if (uk_future_check(d, lg->allow_future, err, errsz) != 0)
		return -1;
	uk_date_format(d, out);
	return 0;
}

static int check_amount(const char *s, int64_t *fen, char *err, size_t errsz)
{
	const char *why;
	char buf[64];
	if (!s || !*s)
		return uk_errf(err, errsz, "no amount");
	if (uk_money_parse(clean(s, buf, sizeof buf), fen, &why) != 0)
		return uk_errf(err, errsz, "%s in amount '%s'", why, s);
	if (*fen <= 0)
		return uk_errf(err, errsz, "amount must be positive, not '%s' (the category gives the direction)", s);
	return 0;
}

/* Whether name was found in the table of st, remembered per session
 * ("f:" funds, "a:" accounts): 0 with *yes, or an exit code. */
static int known(struct uk_ledger *lg, sqlite3_stmt *st, char kind, const char *name, int *yes)
{
	char key[40];
	int rc;
	if (strlen(name) > sizeof key - 3)
		return exists(lg, st, name, yes);
	snprintf(key, sizeof key, "%c:%s", kind, name);
	for (int i = 0; i < lg->nknown; i++)
		if (strcmp(lg->known[i], key) == 0) {
			*yes = 1;
			return 0;
		}
	if ((rc = exists(lg, st, name, yes)) != 0 || !*yes)
		return rc;
	if (lg->nknown < 16)
		memcpy(lg->known[lg->nknown++], key, sizeof key);
	return 0;
}

/* A fund or account as written, into its name in buf (64 bytes): its
 * name, a word of the vocabulary (工会经费, 现金) or, for one the union
 * added, its title. 0 with *yes, or an exit code. */
static int fund_or_account(struct uk_ledger *lg, char kind, char *buf, int *yes)
{
	const char *slug = uk_vocab_slug_of(kind == 'f' ? UK_V_FUND : UK_V_ACCOUNT, buf);
	int rc;
	if (slug)
		snprintf(buf, 64, "%s", slug);
	/* The names of a session's entries, remembered; a title looked up. */
	if ((rc = known(lg, kind == 'f' ? lg->fund : lg->account, kind, buf, yes)) != 0 || *yes)
		return rc;
	return uk_ledger_name_of(lg->db, kind, buf, yes);
}

static int check_fund_account(struct uk_ledger *lg, char fund[64], char account[64],
                              char *err, size_t errsz)
{
	int rc, yes;
	if ((rc = fund_or_account(lg, 'f', fund, &yes)) != 0)
		return rc;
	if (!yes)
		return uk_errf(err, errsz, "unknown fund '%s' (fund-ledger fund ls)", fund);
	if ((rc = fund_or_account(lg, 'a', account, &yes)) != 0)
		return rc;
	if (!yes)
		return uk_errf(err, errsz, "unknown account '%s' (cash or bank)", account);
	return 0;
}

/* Where category_row copies a category's code, kind and top class. */
struct cat_found { char *code, *kind, *top; };

static int category_row(sqlite3_stmt *st, void *ctx)
{
	struct cat_found *cf = ctx;
	const char *code = uk_db_text(st, 0), *kind = uk_db_text(st, 1), *top = uk_db_text(st, 2);
	if (!code || !kind || !top)
		return uk_err_nomem();
	snprintf(cf->code, 24, "%s", code);
	snprintf(cf->kind, 12, "%s", kind);
	snprintf(cf->top, 24, "%s", top);
	return 0;
}

/* Resolves "code|name|slug[/subcategory]". */
static int check_category(struct uk_ledger *lg, const char *text, char code[24], char kind[12],
                          char top[24], char *sub, size_t subsz, char *err, size_t errsz)
{
	char buf[256];
	char *slash;
	int rc, found;
	clean(text, buf, sizeof buf);
	if (!*buf)
		return uk_errf(err, errsz, "no category");
	sub[0] = '\0';
	if ((slash = strchr(buf, '/')) != NULL) {
		*slash = '\0';
		snprintf(sub, subsz, "%s", slash + 1);
		uk_trim(sub);
		uk_trim(buf);
	}
	for (int i = 0; i < lg->ncat; i++)
		if (strcmp(lg->cat[i].text, buf) == 0) {
			memcpy(code, lg->cat[i].code, 24);
			memcpy(kind, lg->cat[i].kind, 12);
			memcpy(top, lg->cat[i].top, 24);
			goto found;
		}
	sqlite3_bind_text(lg->category_by, 1, buf, -1, SQLITE_STATIC);
	{
		struct cat_found cf = {code, kind, top};
		if ((rc = uk_db_one(lg->db, lg->category_by, category_row, &cf, &found,
		                    N_("cannot read the chart of accounts"))) != 0)
			return rc;
	}
	if (!found)
		return uk_errf(err, errsz, "unknown category '%s' (fund-ledger categories lists them)", buf);
	if (lg->ncat < 64 && strlen(buf) < sizeof lg->cat[0].text) {
		memcpy(lg->cat[lg->ncat].text, buf, strlen(buf) + 1);
		memcpy(lg->cat[lg->ncat].code, code, 24);
		memcpy(lg->cat[lg->ncat].kind, kind, 12);
		memcpy(lg->cat[lg->ncat].top, top, 24);
		lg->ncat++;
	}
found:
	if (strcmp(kind, "system") == 0)
		return uk_errf(err, errsz, "category '%s' is for opening and transfer, not add", buf);
	return 0;
}

/* The member and the hardship level on record at date (members module). */
static int check_member(struct uk_ledger *lg, const char *name, int by, const char *date,
                        int64_t *id, char hardship[16], char *err, size_t errsz)
{
	char no[64];
	/* Found as members are found everywhere: 1 for 000001 (-1 when it
	 * could be more than one, said in err). */
	int found, rc = uk_member_resolve(lg->db, name, (enum uk_member_key)by, id, no, sizeof no,
	                                  &found, err, errsz);
	if (rc == 0 && found)
		rc = uk_member_value_at(lg->db, no, UK_KEY_MEMBER_NO, "hardship", date, id, hardship, &found);
	if (rc == 0 && !found)
		return uk_errf(err, errsz, "no member '%s'", name);
	return rc;
}

/* The overdraft rule: the lowest day-end balance of fund:account from date
 * on, once amount is taken out then, stays >= 0 unless allowed. *overdraft
 * says whether an allowed entry goes below zero (it is marked so). */
static int check_overdraft(struct uk_ledger *lg, const char *fund, const char *account,
                           const char *date, int64_t amount, int allowed, int *overdraft,
                           char *err, size_t errsz)
{
	struct fundacct *fa;
	int64_t low;
	char a[UK_MONEY_BUFSZ], b[UK_MONEY_BUFSZ];
	int rc = fundacct_get(lg, fund, account, &fa);
	*overdraft = 0;
	if (rc)
		return rc;
	low = lowest_after(fa, date, amount);
	*overdraft = allowed && low < 0;
	if (low >= 0 || allowed)
		return 0;
	uk_money_format(amount, a);
	uk_money_format(low + amount, b);
	return uk_errf(err, errsz, "overdraft: %s from %s:%s leaves it below zero (%s at a day's end "
	            "from %s on); --allow-overdraft to record it anyway", a, fund, account, b, date);
}

int uk_ledger_add(struct uk_ledger *lg, const struct uk_entry_in *in, int64_t *id,
                  char *err, size_t errsz)
{
	return uk_ledger_add_checked(lg, in, NULL, id, err, errsz);
}

int uk_ledger_add_checked(struct uk_ledger *lg, const struct uk_entry_in *in, const char *direction,
                          int64_t *id, char *err, size_t errsz)
{
	struct entry e;
	char date[UK_DATE_BUFSZ], code[24], kind[12], top[24], sub[200], hardship[16] = "";
	char fund[64], account[64], voucher[64], member[64];
	int rc;

	memset(&e, 0, sizeof e);
	if ((rc = check_date(lg, in->date, date, err, errsz)) != 0 ||
	    (rc = check_amount(in->amount, &e.amount, err, errsz)) != 0 ||
	    (rc = check_category(lg, in->category, code, kind, top, sub, sizeof sub, err, errsz)) != 0)
		return rc;
	clean(in->fund && *in->fund ? in->fund : "general", fund, sizeof fund);
	clean(in->account && *in->account ? in->account : "bank", account, sizeof account);
	if ((rc = check_fund_account(lg, fund, account, err, errsz)) != 0)
		return rc;
	clean(in->voucher, voucher, sizeof voucher);
	if (in->memo && (strlen(in->memo) > 500 || uk_member_text_ok(in->memo, err, errsz, N_("memo"))))
		return uk_errf(err, errsz, "memo: control characters or longer than 500 bytes");
	if (*sub && uk_member_text_ok(sub, err, errsz, N_("subcategory")))
		return -1;
	if (in->member && *clean(in->member, member, sizeof member) &&
	    (rc = check_member(lg, member, in->member_by, date, &e.member_id, hardship, err, errsz)) != 0)
		return rc;
	if (in->activity && *in->activity) {
		char *end;
		long long a = strtoll(in->activity, &end, 10);
		if (*end || a <= 0)
			return uk_errf(err, errsz, "activity must be an activity id, not '%s'", in->activity);
		e.activity_id = a;
	}
	/* 先建档、后帮扶: aid (维权支出, class 502 and its details) from the
	 * hardship fund goes to a member with a hardship level on record at
	 * the date of payment. */
	if (strcmp(fund, "hardship") == 0 && strcmp(top, "502") == 0 &&
	    !(in->force_reason && *in->force_reason)) {
		if (!e.member_id)
			return uk_errf(err, errsz, "aid from the hardship fund names its member (--member), "
			            "or --force --reason");
		if (strcmp(hardship, "none") == 0)
			return uk_errf(err, errsz, "member '%s' has no hardship level on record on %s: aid from "
			            "the hardship fund needs one (member-set --hardship), or --force --reason",
			            member, date);
	}
	e.date = date;
	e.fund = fund;
	e.account = account;
	e.direction = strcmp(kind, "income") == 0 ? "in" : "out";
	if (direction && strcmp(direction, e.direction) != 0)
		return strcmp(e.direction, "in") == 0
		       ? uk_errf(err, errsz, "category %s is money in, not %s", code, direction)
		       : uk_errf(err, errsz, "category %s is money out, not %s", code, direction);
	e.category = code;
	e.subcategory = sub;
	e.voucher = voucher;
	e.memo = in->memo;
	e.force_reason = in->force_reason;
	e.dues_month = in->dues_month;
	if (strcmp(e.direction, "out") == 0) {
		if ((rc = check_overdraft(lg, fund, account, date, e.amount, in->allow_overdraft,
		                          &e.overdraft, err, errsz)) != 0)
			return rc;
	}
	return write_entry(lg, &e, id, err, errsz);
}

int uk_ledger_entry_key(struct uk_ledger *lg, const struct uk_entry_in *in, const char *direction,
                        struct uk_entry_key *k, char *err, size_t errsz)
{
	struct uk_date d;
	char kind[12], top[24], member[64];
	int rc, found;

	memset(k, 0, sizeof *k);
	if (parse_date(in->date, &d, err, errsz) != 0)
		return -1;
	uk_date_format(d, k->date);
	if ((rc = check_amount(in->amount, &k->amount, err, errsz)) != 0)
		return rc;
	clean(in->fund && *in->fund ? in->fund : "general", k->fund, sizeof k->fund);
	clean(in->account && *in->account ? in->account : "bank", k->account, sizeof k->account);
	if ((rc = check_fund_account(lg, k->fund, k->account, err, errsz)) != 0)
		return rc;
	clean(in->voucher, k->voucher, sizeof k->voucher);
	if (!in->category)
		return 0;
	if ((rc = check_category(lg, in->category, k->category, kind, top, k->sub, sizeof k->sub,
	                         err, errsz)) != 0)
		return rc;
	k->direction = strcmp(kind, "income") == 0 ? "in" : "out";
	if (direction && strcmp(direction, k->direction) != 0)
		return strcmp(k->direction, "in") == 0
		       ? uk_errf(err, errsz, "category %s is money in, not %s", k->category, direction)
		       : uk_errf(err, errsz, "category %s is money out, not %s", k->category, direction);
	if (in->member && *clean(in->member, member, sizeof member)) {
		if ((rc = uk_member_resolve(lg->db, member, (enum uk_member_key)in->member_by, &k->member_id,
		                            NULL, 0, &found, err, errsz)) != 0)
			return rc;
		if (!found)
			return uk_errf(err, errsz, "no member '%s'", member);
	}
	if (in->activity && *in->activity) {
		char *end;
		long long a = strtoll(in->activity, &end, 10);
		if (*end || a <= 0)
			return uk_errf(err, errsz, "activity must be an activity id, not '%s'", in->activity);
		k->activity_id = a;
	}
	return 0;
}

/* What a fund and account hold before its opening balance: whether it has
 * one, and the date of its first entry ("" when none). */
struct opening_seen { int had; char *first; };

static int opening_row(sqlite3_stmt *st, void *ctx)
{
	struct opening_seen *os = ctx;
	const char *first = uk_db_text(st, 1);
	os->had = sqlite3_column_int(st, 0);
	if (first)
		snprintf(os->first, UK_DATE_BUFSZ, "%s", first);
	return 0;
}

int uk_ledger_opening(struct uk_ledger *lg, const char *date_in, const char *amount,
                      const char *fund_in, const char *account_in, const char *memo,
                      int64_t *id, char *err, size_t errsz)
{
	struct entry e;
	char date[UK_DATE_BUFSZ], fund[64], account[64], first[UK_DATE_BUFSZ] = "";
	sqlite3_stmt *st;
	int rc, had, found;

	memset(&e, 0, sizeof e);
	if ((rc = check_date(lg, date_in, date, err, errsz)) != 0 ||
	    (rc = check_amount(amount, &e.amount, err, errsz)) != 0)
		return rc;
	clean(fund_in, fund, sizeof fund);
	clean(account_in, account, sizeof account);
	if ((rc = check_fund_account(lg, fund, account, err, errsz)) != 0)
		return rc;
	st = uk_db_prepare(lg->db,
		"SELECT (SELECT count(*) FROM ledger_entries WHERE fund = ?1 AND account = ?2"
		"   AND category = 'opening' AND void_of IS NULL"
		"   AND id NOT IN (SELECT void_of FROM ledger_entries WHERE void_of IS NOT NULL)),"
		" (SELECT min(date) FROM ledger_entries WHERE fund = ?1 AND account = ?2)");
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, fund, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, account, -1, SQLITE_STATIC);
	{
		struct opening_seen os = {0, first};
		rc = uk_db_one(lg->db, st, opening_row, &os, &found, N_("cannot read the ledger"));
		had = os.had;
	}
	sqlite3_finalize(st);
	if (rc)
		return rc;
	if (had)
		return uk_errf(err, errsz, "%s:%s already has its opening balance", fund, account);
	if (*first && strcmp(first, date) < 0)
		return uk_errf(err, errsz, "the opening balance of %s:%s must be dated on or before its "
		            "first entry (%s)", fund, account, first);
	e.date = date;
	e.fund = fund;
	e.account = account;
	e.direction = "in";
	e.category = "opening";
	e.memo = memo;
	return write_entry(lg, &e, id, err, errsz);
}

/* "fund[:account]" */
static void split_place(const char *s, char *fund, size_t fn, char *account, size_t an)
{
	char buf[128];
	char *colon;
	clean(s, buf, sizeof buf);
	colon = strchr(buf, ':');
	if (colon)
		*colon = '\0';
	snprintf(fund, fn, "%s", buf);
	snprintf(account, an, "%s", colon && colon[1] ? colon + 1 : "bank");
}

int uk_ledger_transfer(struct uk_ledger *lg, const char *date_in, const char *amount,
                       const char *from, const char *to, const char *voucher, const char *memo,
                       int allow_overdraft, int64_t *id, char *err, size_t errsz)
{
	struct entry e;
	char date[UK_DATE_BUFSZ], f1[128], a1[128], f2[128], a2[128], vo[64];
	int64_t out_id, in_id;
	int rc;

	memset(&e, 0, sizeof e);
	if ((rc = check_date(lg, date_in, date, err, errsz)) != 0 ||
	    (rc = check_amount(amount, &e.amount, err, errsz)) != 0)
		return rc;
	split_place(from, f1, sizeof f1, a1, sizeof a1);
	split_place(to, f2, sizeof f2, a2, sizeof a2);
	if ((rc = check_fund_account(lg, f1, a1, err, errsz)) != 0 ||
	    (rc = check_fund_account(lg, f2, a2, err, errsz)) != 0)
		return rc;
	if (strcmp(f1, f2) == 0 && strcmp(a1, a2) == 0)
		return uk_errf(err, errsz, "a transfer from %s:%s to itself", f1, a1);
	/* The memo goes on both halves, under add's rule. */
	if (memo && (strlen(memo) > 500 || uk_member_text_ok(memo, err, errsz, N_("memo"))))
		return uk_errf(err, errsz, "memo: control characters or longer than 500 bytes");
	if ((rc = check_overdraft(lg, f1, a1, date, e.amount, allow_overdraft, &e.overdraft,
	                          err, errsz)) != 0)
		return rc;
	clean(voucher, vo, sizeof vo);
	e.date = date;
	e.fund = f1;
	e.account = a1;
	e.direction = "out";
	e.category = "transfer-out";
	e.voucher = vo;
	e.memo = memo;
	if ((rc = write_entry(lg, &e, &out_id, err, errsz)) != 0)
		return rc;
	e.fund = f2;
	e.account = a2;
	e.direction = "in";
	e.category = "transfer-in";
	e.voucher = NULL;  /* one voucher for both halves */
	e.overdraft = 0;
	e.transfer_of = out_id;
	if ((rc = write_entry(lg, &e, &in_id, err, errsz)) != 0)
		return rc;
	*id = out_id;
	return 0;
}

/* A stored entry as reverse reads it. */
struct stored {
	char date[UK_DATE_BUFSZ], fund[64], account[64], dir[4], cat[24], sub[200];
	int64_t amount, member_id;
	int void_of_set, voided;
};

static int stored_row(sqlite3_stmt *st, void *ctx)
{
	struct stored *x = ctx;
	const char *date = uk_db_text(st, 0), *fund = uk_db_text(st, 1), *account = uk_db_text(st, 2);
	const char *dir = uk_db_text(st, 3), *cat = uk_db_text(st, 4), *sub = uk_db_text(st, 5);
	if (!date || !fund || !account || !dir || !cat)
		return uk_err_nomem();
	snprintf(x->date, sizeof x->date, "%s", date);
	snprintf(x->fund, sizeof x->fund, "%s", fund);
	snprintf(x->account, sizeof x->account, "%s", account);
	snprintf(x->dir, sizeof x->dir, "%s", dir);
	snprintf(x->cat, sizeof x->cat, "%s", cat);
	snprintf(x->sub, sizeof x->sub, "%s", sub ? sub : "");
	x->amount = sqlite3_column_int64(st, 6);
	x->member_id = sqlite3_column_int64(st, 7);
	x->void_of_set = sqlite3_column_type(st, 8) != SQLITE_NULL;
	x->voided = sqlite3_column_type(st, 10) != SQLITE_NULL;
	return 0;
}

/* The memo of a void: the entry it voids and why. */
#define VOID_MEMO "void of %lld: "

const char *uk_ledger_void_reason(const char *memo, long long id)
{
	char head[40];
	size_t n = (size_t)snprintf(head, sizeof head, VOID_MEMO, id);
	return memo && strncmp(memo, head, n) == 0 ? memo + n : memo;
}

/* Reverses one stored entry. */
static int reverse(struct uk_ledger *lg, int64_t id, const char *reason, const char *date,
                   int64_t transfer_of, int allow_overdraft, int64_t *new_id, char *err, size_t errsz)
{
	struct entry e;
	struct stored x;
	char memo[2048];
	int rc, found;

	memset(&e, 0, sizeof e);
	sqlite3_bind_int64(lg->entry, 1, id);
	if ((rc = uk_db_one(lg->db, lg->entry, stored_row, &x, &found, N_("cannot read entry"))) != 0)
		return rc;
	if (!found)
		return uk_errf(err, errsz, "no entry %lld", (long long)id);
	if (x.void_of_set)
		return uk_errf(err, errsz, "entry %lld is itself a void; enter the original again instead",
		            (long long)id);
	if (x.voided)
		return uk_errf(err, errsz, "entry %lld is already voided", (long long)id);
	snprintf(memo, sizeof memo, VOID_MEMO "%s", (long long)id, reason);
	e.date = date && *date ? date : x.date;
	if (strcmp(e.date, x.date) < 0)
		return uk_errf(err, errsz, "a void cannot be dated before its entry (%s)", x.date);
	/* An entry dated ahead was meant when it was written: taking it back
	 * on its own date needs no second --allow-future. */
	e.date_meant = strcmp(e.date, x.date) == 0;
	e.fund = x.fund;
	e.account = x.account;
	e.direction = strcmp(x.dir, "in") == 0 ? "out" : "in";
	e.category = x.cat;
	e.subcategory = x.sub;
	e.amount = x.amount;
	e.member_id = x.member_id;
	e.memo = memo;
	e.void_of = id;
	e.transfer_of = transfer_of;
	if (strcmp(e.direction, "out") == 0) {
		if ((rc = check_overdraft(lg, x.fund, x.account, e.date, e.amount, allow_overdraft,
		                          &e.overdraft, err, errsz)) != 0)
			return rc;
	}
	return write_entry(lg, &e, new_id, err, errsz);
}

static int pair_row(sqlite3_stmt *st, void *ctx)
{
	*(int64_t *)ctx = sqlite3_column_int64(st, 0);
	return 0;
}

int uk_ledger_transfer_pair(struct uk_ledger *lg, int64_t id, int64_t *pair)
{
	sqlite3_stmt *st = uk_db_prepare(lg->db,
		"SELECT coalesce((SELECT id FROM ledger_entries WHERE transfer_of = ?1),"
		" (SELECT transfer_of FROM ledger_entries WHERE id = ?1), 0)");
	int rc, found;
	*pair = 0;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, id);
	rc = uk_db_one(lg->db, st, pair_row, pair, &found, N_("cannot read the ledger"));
	sqlite3_finalize(st);
	return rc;
}

int uk_ledger_void(struct uk_ledger *lg, int64_t id, const char *reason, const char *date_in,
                   int allow_overdraft, int64_t *new_id, char *err, size_t errsz)
{
	char date[UK_DATE_BUFSZ] = "";
	int64_t pair, first = 0;
	int rc;

	if (uk_void_reason_check(reason, err, errsz) != 0)
		return -1;
	if (date_in && (rc = check_date(lg, date_in, date, err, errsz)) != 0)
		return rc;
	/* A transfer is voided whole: both its halves. */
	if ((rc = uk_ledger_transfer_pair(lg, id, &pair)) != 0)
		return rc;
	if (pair) {
		int64_t out_id = pair < id ? pair : id, in_id = pair < id ? id : pair;
		/* The incoming half goes first: its reversal takes money out;
		 * the two reversals are linked like a transfer's halves. */
		if ((rc = reverse(lg, in_id, reason, date, 0, allow_overdraft, &first, err, errsz)) != 0 ||
		    (rc = reverse(lg, out_id, reason, date, first, allow_overdraft, new_id, err, errsz)) != 0)
			return rc;
		return 0;
	}
	return reverse(lg, id, reason, date, 0, allow_overdraft, new_id, err, errsz);
}

int64_t uk_dues_of_wage(int64_t wage_fen)
{
	/* doc/domain.md "Dues": 0.5% of the wage, the part below 10 yuan not counted. */
	return (wage_fen / 1000) * 5;
}
