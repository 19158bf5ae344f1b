/* mutual_aid.c - the medical mutual-aid scheme: enrolments by year and
 * category, a member's or a unit's count; premiums into the fund
 * mutual-aid (408 其他收入) and claims out of it (50206 其他维权支出), posted in
 * the same transaction; the year's figures, totals always computed from
 * the categories. */
#include "uk_mutual_aid.h"
#include "uk_batch.h"
#include "uk_cli.h"
#include "uk_i18n.h"
#include "uk_ledger.h"
#include "uk_members.h"
#include "uk_money.h"
#include "uk_text.h"
#include "uk_vocabs.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *uk_mutual_aid_category(int i) { return uk_vocab_of(UK_V_MUTUAL_AID_CATEGORY)->words[i].slug; }

static int write_step(struct uk_db *db, sqlite3_stmt *st, const char *what)
{
	int rc = uk_db_each(db, st, NULL, NULL, what);
	sqlite3_finalize(st);
	return rc;
}

/* Money in or out of the fund mutual-aid, in the caller's transaction. */
static int post(struct uk_db *db, const char *date, const char *amount, const char *category,
                const char *direction, const char *member_no, const char *memo, int allow_future,
                int allow_overdraft, int64_t *entry, char *err, size_t errsz)
{
	struct uk_ledger *lg;
	struct uk_entry_in e;
	int rc;
	memset(&e, 0, sizeof e);
	e.date = date;
	e.amount = amount;
	e.category = category;
	e.fund = "mutual-aid";
	e.member = member_no;
	e.memo = memo;
	e.allow_overdraft = allow_overdraft;
	if ((rc = uk_ledger_open(db, &lg)) != 0)
		return rc;
	uk_ledger_allow_future(lg, allow_future);
	rc = uk_ledger_add_checked(lg, &e, direction, entry, err, errsz);
	if (!rc)
		rc = uk_ledger_flush(lg);
	uk_ledger_close(lg);
	return rc;
}

static int member_of(struct uk_db *db, const char *name, int64_t *id, char no[64], char *err, size_t errsz)
{
	int found, rc = uk_member_resolve(db, name, UK_KEY_MEMBER_NO, id, no, 64, &found, err, errsz);
	if (!rc && !found)
		return uk_errf(err, errsz, "no member '%s'", name);
	return rc;
}

int uk_mutual_aid_enrol(struct uk_db *db, const struct uk_enrol_in *in, int64_t *id, char *err, size_t errsz)
{
	const char *category = in->category ? uk_vocab_slug_of(UK_V_MUTUAL_AID_CATEGORY, in->category) : NULL;
	int has_member = in->member && *in->member, has_unit = in->unit && *in->unit;
	long year, count = 1, workers = 0;
	int64_t member = 0, premium = 0, entry = 0;
	char no[64] = "", stamp[20], date[UK_DATE_BUFSZ], memo[80];
	const char *why;
	sqlite3_stmt *st;
	int rc;

	*id = 0;
	if ((rc = uk_whole_check(in->year, N_("year"), 1990, 2200, &year, err, errsz)) != 0)
		return rc;
	if (!category)
		return uk_errf(err, errsz, "unknown category '%s' (在职, 退休, 安康 or 特种)", in->category ? in->category : "");
	if (has_member == has_unit)
		return uk_errf(err, errsz, "an enrolment names a member (--member) or a unit (--unit --count), one of them");
	if (has_member && ((in->count && *in->count) || (in->workers && *in->workers)))
		return uk_errf(err, errsz, "--count and --workers go with --unit");
	if (has_unit && ((rc = uk_whole_check(in->count, N_("count"), 1, 10000000, &count, err, errsz)) != 0 ||
	                 (in->workers && *in->workers &&
	                  (rc = uk_whole_check(in->workers, N_("workers"), 1, 10000000, &workers, err, errsz)) != 0)))
		return rc;
	if (has_unit && workers && count > workers)
		return uk_errf(err, errsz, "%ld insured of a unit of %ld workers", count, workers);
	if (has_unit && (strlen(in->unit) > 200 || uk_text_has_control(in->unit, 0)))
		return uk_errf(err, errsz, "unit: control characters or longer than 200 bytes");
	if (in->premium && *in->premium && (uk_money_parse(in->premium, &premium, &why) != 0 || premium <= 0))
		return uk_errf(err, errsz, "premium must be an amount more than zero, not '%s'", in->premium);
	if (has_member && (rc = member_of(db, in->member, &member, no, err, errsz)) != 0)
		return rc;
	/* Once a year: a member in one category; a unit's category once. */
	if (!(st = uk_db_prepare(db, "SELECT count(*) FROM mutual_aid_enrolments WHERE year = ?1 AND"
	                             " (member_id = ?2 OR (unit = ?3 AND category = ?4))")))
		return UK_EX_SOFTWARE;
	{
		int64_t n = 0;
		int found;
		sqlite3_bind_int64(st, 1, year);
		if (member)
			sqlite3_bind_int64(st, 2, member);
		if (has_unit)
			sqlite3_bind_text(st, 3, in->unit, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, category, -1, SQLITE_STATIC);
		rc = uk_db_ints(db, st, &n, 1, &found, N_("cannot read enrolments"));
		sqlite3_finalize(st);
		if (rc)
			return rc;
		if (n)
			return has_member ? uk_errf(err, errsz, "member %s is enrolled for %ld already", no, year)
			                  : uk_errf(err, errsz, "%s is enrolled for %ld as %s already", in->unit, year,
			                            uk_vocab_zh(uk_vocab_of(UK_V_MUTUAL_AID_CATEGORY), category));
	}
	uk_timestamp(stamp);
	if (!(st = uk_db_prepare(db, "INSERT INTO mutual_aid_enrolments(year, category, member_id, unit, count,"
	                             " workers, premium, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, year);
	sqlite3_bind_text(st, 2, category, -1, SQLITE_STATIC);
	if (member)
		sqlite3_bind_int64(st, 3, member);
	else
		sqlite3_bind_text(st, 4, in->unit, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, count);
	if (workers)
		sqlite3_bind_int64(st, 6, workers);
	if (premium)
		sqlite3_bind_int64(st, 7, premium);
	sqlite3_bind_text(st, 8, stamp, -1, SQLITE_STATIC);
	if ((rc = write_step(db, st, N_("cannot enrol"))) != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(uk_db_sqlite(db));
	if (!premium)
		return 0;
	/* The premium, dated as given, else today. */
	if (in->date && *in->date)
		snprintf(date, sizeof date, "%s", in->date);
	else
		uk_date_format(uk_date_today(), date);
	snprintf(memo, sizeof memo, "医疗互助 %ld %s", year, uk_vocab_zh(uk_vocab_of(UK_V_MUTUAL_AID_CATEGORY), category));
	if ((rc = post(db, date, in->premium, "408", "in", member ? no : NULL, memo, in->allow_future, 0, &entry,
	               err, errsz)) != 0)
		return rc;
	if (!(st = uk_db_prepare(db, "UPDATE mutual_aid_enrolments SET entry_id = ?2 WHERE id = ?1")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, *id);
	sqlite3_bind_int64(st, 2, entry);
	return write_step(db, st, N_("cannot link the premium's entry"));
}

int uk_mutual_aid_claim(struct uk_db *db, const char *date, const char *member, const char *amount,
                        const char *note, int allow_future, int allow_overdraft, int64_t *id,
                        char *err, size_t errsz)
{
	struct uk_date d;
	const char *why;
	char no[64], day[UK_DATE_BUFSZ], stamp[20];
	int64_t mid, fen, entry = 0, enrolled = 0;
	sqlite3_stmt *st;
	int rc, found;

	*id = 0;
	if (uk_date_parse(date ? date : "", &d, &why) != 0)
		return uk_errf(err, errsz, "%s in date '%s'", why, date ? date : "");
	uk_date_format(d, day);
	if (uk_future_check(d, allow_future, err, errsz) != 0)
		return -1;
	if (!member || !*member)
		return uk_errf(err, errsz, "a claim names its member (--member)");
	if (uk_money_parse(amount ? amount : "", &fen, &why) != 0 || fen <= 0)
		return uk_errf(err, errsz, "amount must be an amount more than zero, not '%s'", amount ? amount : "");
	if (note && (strlen(note) > 2000 || uk_text_has_control(note, 1)))
		return uk_errf(err, errsz, "note: control characters or longer than 2000 bytes");
	if ((rc = member_of(db, member, &mid, no, err, errsz)) != 0)
		return rc;
	if (!(st = uk_db_prepare(db, "SELECT count(*) FROM mutual_aid_enrolments WHERE year = ?1 AND member_id = ?2")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int(st, 1, d.y);
	sqlite3_bind_int64(st, 2, mid);
	rc = uk_db_ints(db, st, &enrolled, 1, &found, N_("cannot read enrolments"));
	sqlite3_finalize(st);
	if (rc)
		return rc;
	if (!enrolled)
		return uk_errf(err, errsz, "member %s is not enrolled for %d: the scheme pays its insured only", no, d.y);
	uk_timestamp(stamp);
	if (!(st = uk_db_prepare(db, "INSERT INTO mutual_aid_claims(date, member_id, amount, note, recorded_at)"
	                             " VALUES (?1, ?2, ?3, ?4, ?5)")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, mid);
	sqlite3_bind_int64(st, 3, fen);
	sqlite3_bind_text(st, 4, note && *note ? note : NULL, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, stamp, -1, SQLITE_STATIC);
	if ((rc = write_step(db, st, N_("cannot record the claim"))) != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(uk_db_sqlite(db));
	if ((rc = post(db, day, amount, "50206", "out", no, "医疗互助补助", allow_future, allow_overdraft, &entry,
	               err, errsz)) != 0)
		return rc;
	if (!(st = uk_db_prepare(db, "UPDATE mutual_aid_claims SET entry_id = ?2 WHERE id = ?1")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, *id);
	sqlite3_bind_int64(st, 2, entry);
	return write_step(db, st, N_("cannot link the claim's entry"));
}

enum { MA_YEAR, MA_CATEGORY, MA_MEMBER_NO, MA_UNIT, MA_COUNT, MA_WORKERS, MA_PREMIUM, MA_DATE, MA_NCOLS };

#define A(...) (const char *const[]){__VA_ARGS__, NULL}
static const struct uk_colspec colspec[MA_NCOLS] = {
	{"year", A("年度", "年份")}, {"category", A("类别", "参保类别")},
	{"member_no", A("会员编号")}, {"unit", A("单位", "参保单位")},
	{"count", A("人数", "参保人数")}, {"workers", A("职工人数", "职工数")},
	{"premium", A("保费", "缴费", "金额")}, {"date", A("日期", "缴费日期")},
};

const struct uk_colspec *uk_mutual_aid_colspec(int *n)
{
	*n = MA_NCOLS;
	return colspec;
}

static int import_one(void *ctx, struct uk_row *row, char *err, size_t errsz)
{
	struct uk_db *db = ctx;
	struct uk_enrol_in in = {uk_row_get(row, MA_YEAR), uk_row_get(row, MA_CATEGORY),
	                         uk_row_get(row, MA_MEMBER_NO), uk_row_get(row, MA_UNIT),
	                         uk_row_get(row, MA_COUNT), uk_row_get(row, MA_WORKERS),
	                         uk_row_get(row, MA_PREMIUM), uk_row_get(row, MA_DATE), 0};
	int64_t id;
	if (uk_row_error(row))
		return uk_errf(err, errsz, "%s", uk_row_error(row));
	return uk_mutual_aid_enrol(db, &in, &id, err, errsz);
}

int uk_mutual_aid_import(struct uk_db *db, struct uk_reader *r, const char *rejects, long *added, long *bad)
{
	return uk_batch_records(db, r, rejects, import_one, db, added, bad);
}

int uk_mutual_aid_figures(struct uk_db *db, int year, struct uk_mutual_aid_figures *f)
{
	/* A unit in full: its insured in 在职 at least its workers, or every
	 * active member of a unit of the register (members.unit) enrolled. */
	sqlite3_stmt *st = uk_db_prepare(db,
		"WITH e AS (SELECT x.*, coalesce(x.unit, m.unit, '') AS u FROM mutual_aid_enrolments x"
		"   LEFT JOIN members m ON m.id = x.member_id WHERE x.year = ?1),"
		" units AS (SELECT u, coalesce(sum(count) FILTER (WHERE category = 'active'), 0) AS n, max(workers) AS w,"
		"   count(member_id) AS members FROM e GROUP BY u),"
		" active AS (SELECT coalesce(unit, '') AS u, count(*) AS na FROM members"
		"   WHERE status = 'active' GROUP BY 1)"
		" SELECT (SELECT coalesce(sum(count), 0) FROM e WHERE category = 'active'),"
		"  (SELECT coalesce(sum(count), 0) FROM e WHERE category = 'retired'),"
		"  (SELECT coalesce(sum(count), 0) FROM e WHERE category = 'ankang'),"
		"  (SELECT coalesce(sum(count), 0) FROM e WHERE category = 'special'),"
		"  (SELECT count(*) FROM units),"
		"  (SELECT count(*) FROM units LEFT JOIN active a USING (u)"
		"    WHERE (w IS NOT NULL AND units.n >= w) OR (units.members > 0 AND a.na > 0 AND a.na <="
		"     (SELECT count(*) FROM members m WHERE coalesce(m.unit, '') = units.u AND m.status = 'active'"
		"      AND m.id IN (SELECT member_id FROM e WHERE member_id IS NOT NULL)))),"
		"  (SELECT coalesce(sum(premium), 0) FROM e),"
		"  (SELECT count(*) FROM mutual_aid_claims WHERE substr(date, 1, 4) = printf('%04d', ?1)),"
		"  (SELECT coalesce(sum(amount), 0) FROM mutual_aid_claims WHERE substr(date, 1, 4) = printf('%04d', ?1))");
	int64_t v[9] = {0};
	int rc, found;
	memset(f, 0, sizeof *f);
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_int(st, 1, year);
	rc = uk_db_ints(db, st, v, 9, &found, N_("cannot count enrolments"));
	sqlite3_finalize(st);
	if (rc)
		return rc;
	for (int i = 0; i < UK_MUTUAL_AID_NCATEGORIES; i++)
		f->total += f->insured[i] = (long)v[i];
	f->units = (long)v[4];
	f->full_units = (long)v[5];
	f->premiums = v[6];
	f->claims = (long)v[7];
	f->claimed = v[8];
	return 0;
}

static const struct uk_outcol stats_cols[] = {{"measure", UK_COL_TEXT}, {"key", UK_COL_TEXT}, {"value", UK_COL_TEXT}};

const struct uk_outcol *uk_mutual_aid_stats_outcols(int *n)
{
	*n = 3;
	return stats_cols;
}

int uk_mutual_aid_stats(struct uk_db *db, int year, struct uk_writer *w)
{
	struct uk_mutual_aid_figures f;
	char num[12][32], money[2][UK_MONEY_BUFSZ];
	const char *rows[12][3];
	int n = 0, rc = uk_mutual_aid_figures(db, year, &f);
	if (rc)
		return rc;
	for (int i = 0; i < UK_MUTUAL_AID_NCATEGORIES; i++, n++) {
		snprintf(num[n], sizeof num[n], "%ld", f.insured[i]);
		rows[n][0] = "insured", rows[n][1] = uk_mutual_aid_category(i), rows[n][2] = num[n];
	}
#define ROW(m, k, fmt, v) (snprintf(num[n], sizeof num[n], fmt, v), \
	rows[n][0] = m, rows[n][1] = k, rows[n][2] = num[n], n++)
	ROW("insured", "total", "%ld", f.total);
	ROW("units", "taking_part", "%ld", f.units);
	ROW("units", "in_full", "%ld", f.full_units);
	ROW("claims", "count", "%ld", f.claims);
#undef ROW
	rows[n][0] = "money", rows[n][1] = "premiums", rows[n][2] = uk_money_format(f.premiums, money[0]), n++;
	rows[n][0] = "money", rows[n][1] = "paid", rows[n][2] = uk_money_format(f.claimed, money[1]), n++;
	for (int i = 0; i < n; i++)
		if (uk_writer_row(w, rows[i]) != 0)
			return 0;
	return 0;
}

static const struct uk_outcol list_cols[] = {
	{"id", UK_COL_INT}, {"year", UK_COL_INT}, {"category", UK_COL_TEXT}, {"member_no", UK_COL_TEXT},
	{"member_name", UK_COL_TEXT}, {"unit", UK_COL_TEXT}, {"count", UK_COL_INT}, {"workers", UK_COL_INT},
	{"premium", UK_COL_MONEY}, {"entry_id", UK_COL_INT},
};

const struct uk_outcol *uk_mutual_aid_outcols(int *n)
{
	*n = (int)(sizeof list_cols / sizeof list_cols[0]);
	return list_cols;
}

struct list_ctx { struct uk_writer *w; };

static int list_row(sqlite3_stmt *st, void *ctx)
{
	struct list_ctx *l = ctx;
	const char *vals[10];
	char money[UK_MONEY_BUFSZ];
	for (int i = 0; i < 10; i++)
		vals[i] = uk_db_text(st, i);
	if (vals[8])
		vals[8] = uk_money_format(sqlite3_column_int64(st, 8), money);
	return uk_writer_row(l->w, vals) != 0 ? UK_DB_STOP : 0;
}

int uk_mutual_aid_list(struct uk_db *db, int year, struct uk_writer *w)
{
	struct list_ctx l = {w};
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT e.id, e.year, e.category, m.member_no, m.name, coalesce(e.unit, m.unit), e.count, e.workers,"
		" e.premium, e.entry_id FROM mutual_aid_enrolments e LEFT JOIN members m ON m.id = e.member_id"
		" WHERE e.year = ?1 ORDER BY e.id");
	int rc;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_int(st, 1, year);
	rc = uk_db_each(db, st, list_row, &l, N_("cannot read enrolments"));
	sqlite3_finalize(st);
	return rc;
}
