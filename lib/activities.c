/* activities.c - what the union did: activities by kind, with their
 * participants, the plan item they carry out and, with a cost, the ledger
 * entry posted in the same transaction. */
#include "uk_activities.h"
#include "uk_batch.h"
#include "uk_cli.h"
#include "uk_i18n.h"
#include "uk_vocabs.h"
#include "uk_plans.h"
#include "uk_ledger.h"
#include "uk_members.h"
#include "uk_money.h"
#include "uk_text.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The one list of kinds is the vocabulary (lib/vocabs.c): the metrics
 * (metrics.c), the report's table of activities and the messages are made
 * from it; t_vocab checks that it has UK_ACTIVITY_NKINDS. */
const char *uk_activity_kind(int i) { return uk_vocab_of(UK_V_ACTIVITY_KIND)->words[i].slug; }
const char *uk_activity_kind_zh(int i) { return uk_vocab_of(UK_V_ACTIVITY_KIND)->words[i].zh; }

int uk_activity_kind_index(const char *kind)
{
	const char *slug = uk_vocab_slug_of(UK_V_ACTIVITY_KIND, kind);
	for (int i = 0; slug && i < UK_ACTIVITY_NKINDS; i++)
		if (strcmp(slug, uk_activity_kind(i)) == 0)
			return i;
	return -1;
}

const char *uk_activity_kind_slug(const char *kind)
{
	int i = uk_activity_kind_index(kind);
	return i < 0 ? NULL : uk_activity_kind(i);
}

/* Runs a statement that returns no rows, then finalizes it. */
static int write_step(struct uk_db *db, sqlite3_stmt *st, const char *what)
{
	int rc = uk_db_each(db, st, NULL, NULL, what);
	sqlite3_finalize(st);
	return rc;
}

/* The first column of a one-row query, an integer. */
/* "2027/三/(二)/1", "2027/三/2" or an item id: uk_plan_item_find says
 * which references resolve. */
static int plan_item_of(struct uk_db *db, const char *s, int64_t *id, char *err, size_t errsz)
{
	return uk_plan_item_find(db, s, id, err, errsz);
}

/* An activity carries out an item of its own year's plan: one of 2025
 * booked against 2026/三/2 is a typo in one or the other. */
static int plan_item_of_year(struct uk_db *db, const char *s, int year, int64_t *id,
                             char *err, size_t errsz)
{
	sqlite3_stmt *st;
	int64_t plan_year = 0;
	int rc, found;
	if ((rc = plan_item_of(db, s, id, err, errsz)) != 0)
		return rc;
	if (!(st = uk_db_prepare(db, "SELECT p.year FROM plan_items i JOIN plans p ON p.id = i.plan_id"
	                             " WHERE i.id = ?1")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, *id);
	rc = uk_db_ints(db, st, &plan_year, 1, &found, N_("cannot read the plan item"));
	sqlite3_finalize(st);
	if (rc)
		return rc;
	/* Found a moment ago, in the same transaction. */
	if (!found) {
		uk_err("cannot read the plan item %lld", (long long)*id);
		return UK_EX_SOFTWARE;
	}
	if (plan_year != year)
		return uk_errf(err, errsz, "plan item '%s' is of the %d plan, the activity of %d", s, (int)plan_year, year);
	return 0;
}

static int date_of(const char *s, struct uk_date *d, char out[UK_DATE_BUFSZ], char *err, size_t errsz)
{
	const char *why;
	if (uk_date_parse(s ? s : "", d, &why) != 0)
		return uk_errf(err, errsz, "%s in date '%s'", why, s ? s : "");
	uk_date_format(*d, out);
	return 0;
}

/* The number given, else the members named, each once. */
static int participants_of(const struct uk_activity_in *in, long *n, char *err, size_t errsz)
{
	if (in->participants && *in->participants)
		return uk_whole_check(in->participants, N_("participants"), 0, 10000000, n, err, errsz) ? -1 : 0;
	*n = 0;
	for (int i = 0; i < in->nmembers; i++) {
		int seen = 0;
		for (int j = 0; j < i && !seen; j++)
			seen = strcmp(in->members[i], in->members[j]) == 0;
		*n += !seen;
	}
	return 0;
}

/* "congress, meeting, ...": the kinds, for a message. */
static void kinds_named(char *buf, size_t n)
{
	size_t used = 0;
	buf[0] = '\0';
	int zh = uk_lang_of_locale() == UK_LANG_ZH;
	const struct uk_vocab *v = uk_vocab_of(UK_V_ACTIVITY_KIND);
	for (int i = 0; i < UK_ACTIVITY_NKINDS && used < n; i++)
		used += (size_t)snprintf(buf + used, n - used, zh ? "%s%s (%s)" : "%s%s", i ? ", " : "",
		                         zh ? v->words[i].zh : v->words[i].slug, v->words[i].slug);
}

/* The cost: an expense entry naming the activity, posted in the same
 * transaction; the activity then names the entry. */
static int post_cost(struct uk_db *db, const struct uk_activity_in *in, const char *date, int64_t id,
                     char *err, size_t errsz)
{
	struct uk_ledger *lg;
	struct uk_entry_in e;
	sqlite3_stmt *st;
	char act[24];
	int64_t entry = 0;
	int rc;

	snprintf(act, sizeof act, "%lld", (long long)id);
	memset(&e, 0, sizeof e);
	e.date = date;
	e.amount = in->cost;
	e.category = in->category;
	e.fund = in->fund;
	e.account = in->account;
	e.memo = in->title;
	e.activity = act;
	e.allow_overdraft = in->allow_overdraft;
	if ((rc = uk_ledger_open(db, &lg)) != 0)
		return rc;
	uk_ledger_allow_future(lg, in->allow_future);
	/* A cost is money out: an income class is refused. */
	rc = uk_ledger_add_checked(lg, &e, "out", &entry, err, errsz);
	if (!rc)
		rc = uk_ledger_flush(lg);
	uk_ledger_close(lg);
	if (rc)
		return rc;
	if (!(st = uk_db_prepare(db, "UPDATE activities SET entry_id = ?2 WHERE id = ?1")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, entry);
	return write_step(db, st, N_("cannot link the activity's entry"));
}

/* The members named, each in the register (any status). */
static int add_members(struct uk_db *db, const struct uk_activity_in *in, int64_t id, char *err, size_t errsz)
{
	for (int i = 0; i < in->nmembers; i++) {
		sqlite3_stmt *st;
		int64_t mid;
		int rc, found;
		/* -1: a number without its zeros that fits more than one, said in err */
		if ((rc = uk_member_resolve(db, in->members[i], UK_KEY_MEMBER_NO, &mid, NULL, 0, &found,
		                            err, errsz)) != 0)
			return rc;
		if (!found)
			return uk_errf(err, errsz, "no member '%s'", in->members[i]);
		if (!(st = uk_db_prepare(db, "INSERT OR IGNORE INTO activity_members VALUES (?1, ?2)")))
			return UK_EX_SOFTWARE;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, mid);
		if ((rc = write_step(db, st, N_("cannot record participants"))) != 0)
			return rc;
	}
	return 0;
}

/* The activity's own fields, checked before anything is written. */
static int activity_check(const struct uk_activity_in *in, char *err, size_t errsz)
{
	if (uk_activity_kind_index(in->kind) < 0) {
		char named[400];
		kinds_named(named, sizeof named);
		return uk_errf(err, errsz, "unknown kind '%s' (%s)", in->kind ? in->kind : "", named);
	}
	if (!in->title || !*in->title)
		return uk_errf(err, errsz, "no title");
	if (uk_member_text_ok(in->title, err, errsz, N_("title")))
		return -1;
	if (in->note && (strlen(in->note) > 2000 || uk_text_has_control(in->note, 1)))
		return uk_errf(err, errsz, "note: control characters or longer than 2000 bytes");
	return 0;
}

int uk_activity_add(struct uk_db *db, const struct uk_activity_in *in, int64_t *id,
                    char *err, size_t errsz)
{
	struct uk_date d;
	char date[UK_DATE_BUFSZ], stamp[20];
	int64_t item = 0;
	long participants;
	sqlite3_stmt *st;
	int rc;

	if ((rc = date_of(in->date, &d, date, err, errsz)) != 0)
		return rc;
	/* A date after today is a typo unless meant; then it is marked. */
	if (uk_future_check(d, in->allow_future, err, errsz) != 0)
		return -1;
	if ((rc = activity_check(in, err, errsz)) != 0 || (rc = participants_of(in, &participants, err, errsz)) != 0)
		return rc;
	if (in->plan_item && *in->plan_item &&
	    (rc = plan_item_of_year(db, in->plan_item, d.y, &item, err, errsz)) != 0)
		return rc;
	if (in->cost && *in->cost && (!in->category || !*in->category))
		return uk_errf(err, errsz, "--cost needs --category (the expense class, e.g. 50102)");
	uk_timestamp(stamp);
	if (!(st = uk_db_prepare(db, "INSERT INTO activities(date, kind, title, participants, plan_item_id,"
	                             " entry_id, note, recorded_at, allow_future)"
	                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, uk_activity_kind_slug(in->kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, in->title, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, participants);
	if (item)
		sqlite3_bind_int64(st, 5, item);
	sqlite3_bind_text(st, 7, in->note && *in->note ? in->note : NULL, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, stamp, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 9, uk_date_cmp(d, uk_date_today()) > 0);
	if ((rc = write_step(db, st, N_("cannot add the activity"))) != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(uk_db_sqlite(db));
	if (in->cost && *in->cost && (rc = post_cost(db, in, date, *id, err, errsz)) != 0)
		return rc;
	return add_members(db, in, *id, err, errsz);
}

enum { AC_ID, AC_DATE, AC_KIND, AC_TITLE, AC_PARTICIPANTS, AC_PLAN_ITEM, AC_COST, AC_CATEGORY,
       AC_FUND, AC_ENTRY_ID, AC_MEMBERS, AC_NOTE, AC_COUNT };

/* ls --voided adds when and why. */
static const struct uk_outcol outcols[AC_COUNT + 2] = {
	{"id", UK_COL_INT}, {"date", UK_COL_TEXT}, {"kind", UK_COL_TEXT}, {"title", UK_COL_TEXT},
	{"participants", UK_COL_INT}, {"plan_item", UK_COL_TEXT}, {"cost", UK_COL_MONEY},
	{"category", UK_COL_TEXT}, {"fund", UK_COL_TEXT}, {"entry_id", UK_COL_INT},
	{"members", UK_COL_TEXT}, {"note", UK_COL_TEXT},
	{"voided_at", UK_COL_TEXT}, {"void_reason", UK_COL_TEXT},
};

#define A(...) (const char *const[]){__VA_ARGS__, NULL}
static const struct uk_colspec colspec[AC_COUNT] = {
	{"id", A("编号")}, {"date", A("日期", "活动日期")}, {"kind", A("类型", "活动类型")},
	{"title", A("活动名称", "名称", "标题")}, {"participants", A("参加人数", "人数")},
	{"plan_item", A("计划条目")}, {"cost", A("费用", "金额")}, {"category", A("科目")},
	{"fund", A("基金")}, {"entry_id", A("分录编号")}, {"members", A("参加会员")}, {"note", A("备注")},
};

const struct uk_outcol *uk_activity_outcols(int voided, int *n)
{
	*n = AC_COUNT + (voided ? 2 : 0);
	return outcols;
}
const struct uk_colspec *uk_activity_colspec(int *n) { *n = AC_COUNT; return colspec; }

/* A listing's rows into its writer. */
struct list_ctx { struct uk_writer *w; int ncols; };

static int list_row(sqlite3_stmt *st, void *ctx)
{
	struct list_ctx *l = ctx;
	const char *vals[AC_COUNT + 2];
	char cost[32], item[48];
	for (int i = 0; i < l->ncols; i++)
		vals[i] = uk_db_text(st, i);
	if (sqlite3_column_type(st, AC_PLAN_ITEM) != SQLITE_NULL) {
		/* The reference --plan-item takes: 2027/三/(二)/1 */
		int64_t k = sqlite3_column_int64(st, AC_PLAN_ITEM);
		uk_plan_item_ref((int)(k / 10000000000), (int)(k / 100000000 % 100), (int)(k / 1000000 % 100),
		                 (int)(k % 1000000), item, sizeof item);
		vals[AC_PLAN_ITEM] = item;
	}
	if (sqlite3_column_type(st, AC_COST) != SQLITE_NULL) {
		int64_t fen = sqlite3_column_int64(st, AC_COST);
		snprintf(cost, sizeof cost, "%lld.%02lld", (long long)(fen / 100), (long long)(fen % 100));
		vals[AC_COST] = cost;
	}
	/* A closed pipe stops the listing quietly. */
	return uk_writer_row(l->w, vals) != 0 ? UK_DB_STOP : 0;
}

int uk_activities_list(struct uk_db *db, const struct uk_period *p, const char *kind, int voided,
                       struct uk_writer *w)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT a.id, a.date, a.kind, a.title, a.participants,"
		" (SELECT ((pl.year * 100 + i.section) * 100 + s.sub) * 1000000 + i.number FROM plan_items i"
		"   JOIN plans pl ON pl.id = i.plan_id JOIN plan_sections s ON s.id = i.section_id"
		"   WHERE i.id = a.plan_item_id),"
		" e.amount, e.category, e.fund, a.entry_id,"
		" (SELECT group_concat(m.member_no, ';') FROM activity_members x JOIN members m"
		"   ON m.id = x.member_id WHERE x.activity_id = a.id), a.note, a.voided_at, a.void_reason"
		" FROM activities a LEFT JOIN ledger_entries e ON e.id = a.entry_id"
		" WHERE (?1 IS NULL OR a.date BETWEEN ?1 AND ?2) AND (?3 IS NULL OR a.kind = ?3)"
		" AND ((?4 = 0) = (a.voided_at IS NULL))"
		" ORDER BY a.date, a.id");
	struct list_ctx l = {w, AC_COUNT + (voided ? 2 : 0)};
	int rc;
	if (!st)
		return UK_EX_SOFTWARE;
	if (p)
		uk_db_bind_period(st, 1, *p);
	if (kind)
		sqlite3_bind_text(st, 3, uk_activity_kind_slug(kind), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, voided);
	rc = uk_db_each(db, st, list_row, &l, N_("cannot list activities"));
	sqlite3_finalize(st);
	return rc;
}

static const char *val(struct uk_row *row, int c)
{
	const char *s = uk_row_get(row, c);
	return s && *s ? s : NULL;
}

/* An import: the activities stored before it, which a record may repeat,
 * and those repeated already, so that a file holding the same activity
 * twice matches two stored ones, never one twice. */
struct import_ctx {
	struct uk_db *db;
	int allow_future, allow_overdraft;
	struct uk_matched matched;
};

/* The stored activity the record repeats (0: none), found before anything
 * is written so that its cost is never posted again. A record that does
 * not read (a bad date, cost or plan item) repeats nothing: adding it says
 * what is wrong. Plan items are the same by their place in the year's
 * plan (section, sub-section, number), not by id: plan-new --replace
 * stores the same items again under new ids. */
static int same_activity(struct import_ctx *c, const struct uk_activity_in *in, int64_t *same)
{
	struct uk_date d;
	char date[UK_DATE_BUFSZ], err[200];
	int64_t item = 0, fen = 0;
	long participants;
	sqlite3_stmt *st;
	const char *why;
	int rc;

	*same = 0;
	if (!in->kind || !in->title || date_of(in->date, &d, date, err, sizeof err) != 0 ||
	    participants_of(in, &participants, err, sizeof err) != 0)
		return 0;
	if (in->plan_item && (rc = plan_item_of(c->db, in->plan_item, &item, err, sizeof err)) != 0)
		return rc > 0 ? rc : 0;
	if (in->cost && uk_money_parse(in->cost, &fen, &why) != 0)
		return 0;
	if (!(st = uk_db_prepare(c->db,
		"SELECT a.id FROM activities a LEFT JOIN ledger_entries e ON e.id = a.entry_id"
		" WHERE a.id <= ?1 AND a.date = ?2 AND a.kind = ?3 AND a.title = ?4 AND a.participants = ?5"
		" AND (CASE WHEN ?6 IS NULL THEN a.plan_item_id IS NULL ELSE EXISTS (SELECT 1"
		"   FROM plan_items i JOIN plans p ON p.id = i.plan_id JOIN plan_sections s ON s.id = i.section_id,"
		"   plan_items j JOIN plans q ON q.id = j.plan_id JOIN plan_sections t ON t.id = j.section_id"
		"   WHERE i.id = a.plan_item_id AND j.id = ?6 AND p.year = q.year AND i.section = j.section"
		"   AND s.sub = t.sub AND i.number = j.number) END)"
		" AND e.amount IS ?7 ORDER BY a.voided_at IS NOT NULL, a.id")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, c->matched.before);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, uk_activity_kind_slug(in->kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, in->title, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, participants);
	if (item)
		sqlite3_bind_int64(st, 6, item);
	if (in->cost)
		sqlite3_bind_int64(st, 7, fen);
	return uk_matched_take(c->db, st, &c->matched, N_("cannot read the activities"), same);
}

/* One record of an import; a refused one (its cost overdraws, say) is
 * undone whole by the batch loop. */
static int import_activity(void *ctx, struct uk_row *row, char *err, size_t errsz)
{
	struct import_ctx *c = ctx;
	struct uk_db *db = c->db;
	struct uk_activity_in in;
	const char *members[256];
	char *list = NULL, *save = NULL;
	int64_t id, same = 0;
	int res;

	memset(&in, 0, sizeof in);
	in.date = val(row, AC_DATE);
	in.kind = val(row, AC_KIND);
	in.title = val(row, AC_TITLE);
	in.participants = val(row, AC_PARTICIPANTS);
	in.plan_item = val(row, AC_PLAN_ITEM);
	in.cost = val(row, AC_COST);
	in.category = val(row, AC_CATEGORY);
	in.fund = val(row, AC_FUND);
	in.note = val(row, AC_NOTE);
	if (val(row, AC_MEMBERS) && (list = strdup(val(row, AC_MEMBERS)))) {
		for (char *it = strtok_r(list, ";", &save); it && in.nmembers < 256; it = strtok_r(NULL, ";", &save))
			members[in.nmembers++] = uk_trim(it);
		in.members = members;
	}
	in.allow_future = c->allow_future;
	in.allow_overdraft = c->allow_overdraft;
	if ((res = same_activity(c, &in, &same)) == 0) {
		if (same)
			c->matched.found++;
		else
			res = uk_activity_add(db, &in, &id, err, errsz);
	}
	free(list);
	return res;
}

int uk_activities_import(struct uk_db *db, struct uk_reader *r, const char *rejects, int allow_future,
                         int allow_overdraft, long *added, long *unchanged, long *bad)
{
	struct import_ctx c = {db, allow_future, allow_overdraft, UK_MATCHED_INIT};
	return uk_batch_records_again(db, r, rejects, "SELECT coalesce(max(id), 0) FROM activities",
	                              import_activity, &c, &c.matched, added, unchanged, bad);
}

/* What void needs to know of an activity. */
struct to_void { int64_t entry_id; char voided[24]; int future, entry_voided; };

static int to_void_row(sqlite3_stmt *st, void *ctx)
{
	struct to_void *v = ctx;
	v->entry_id = sqlite3_column_int64(st, 0);
	snprintf(v->voided, sizeof v->voided, "%s", uk_db_text(st, 1));
	v->future = sqlite3_column_int(st, 2);
	v->entry_voided = sqlite3_column_int(st, 3);
	return 0;
}

/* Its cost goes back the way fund-ledger void takes it back: a reversing
 * entry of the same date, in the hash chain. */
static int void_cost(struct uk_db *db, const struct to_void *v, const char *reason, int64_t *entry,
                     char *err, size_t errsz)
{
	struct uk_ledger *lg;
	int rc;
	if ((rc = uk_ledger_open(db, &lg)) != 0)
		return rc;
	/* The reversal takes the entry's date, after today when the
	 * activity's was meant to be. */
	uk_ledger_allow_future(lg, v->future);
	rc = uk_ledger_void(lg, v->entry_id, reason, NULL, 0, entry, err, errsz);
	if (!rc)
		rc = uk_ledger_flush(lg);
	uk_ledger_close(lg);
	return rc;
}

int uk_activity_void(struct uk_db *db, int64_t id, const char *reason, int64_t *entry,
                     char *err, size_t errsz)
{
	sqlite3_stmt *st;
	struct to_void v = {0, "", 0, 0};
	char stamp[20];
	int rc, found;

	*entry = 0;
	if (uk_void_reason_check(reason, err, errsz) != 0)
		return -1;
	if (!(st = uk_db_prepare(db, "SELECT coalesce(a.entry_id, 0), coalesce(a.voided_at, ''), a.allow_future,"
	                             " EXISTS (SELECT 1 FROM ledger_entries v WHERE v.void_of = a.entry_id)"
	                             " FROM activities a WHERE a.id = ?1")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, id);
	rc = uk_db_one(db, st, to_void_row, &v, &found, N_("cannot read the activity"));
	sqlite3_finalize(st);
	if (rc)
		return rc;
	if (!found)
		return uk_errf(err, errsz, "no activity %lld", (long long)id);
	if (*v.voided)
		return uk_errf(err, errsz, "activity %lld is already voided (on %.10s)", (long long)id, v.voided);
	uk_timestamp(stamp);
	if (!(st = uk_db_prepare(db, "UPDATE activities SET voided_at = ?2, void_reason = ?3 WHERE id = ?1")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, stamp, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, reason, -1, SQLITE_STATIC);
	if ((rc = write_step(db, st, N_("cannot void the activity"))) != 0)
		return rc;
	/* A cost voided already by hand is left as it is. */
	if (!v.entry_id || v.entry_voided)
		return 0;
	return void_cost(db, &v, reason, entry, err, errsz);
}

int uk_activity_members_read(struct uk_reader *r, struct uk_activity_in *in, char **store)
{
	struct uk_row *row;
	size_t used = 0, cap = 0;
	int rc;

	while ((rc = uk_reader_next(r, &row)) == 1) {
		const char *no = uk_row_get(row, UK_MF_MEMBER_NO);
		size_t n;
		if (uk_row_error(row) || !no || !*no) {
			uk_err_at(uk_reader_name(r), uk_row_line(row), "%s", uk_row_error(row) ? uk_row_error(row) : _("no member_no"));
			return UK_EX_DATAERR;
		}
		n = strlen(no) + 1;
		if (used + n > cap) {
			char *b = realloc(*store, cap = (cap + n) * 2);
			if (!b)
				return uk_err_nomem();
			*store = b;
		}
		memcpy(*store + used, no, n);
		used += n;
	}
	if (rc > 1)
		return rc;
	/* The numbers are pointed to once all are read: *store moves as it
	 * grows. */
	for (size_t off = 0; off < used; off += strlen(*store + off) + 1)
		if (uk_strv_push(&in->members, &in->nmembers, *store + off))
			return uk_err_nomem();
	return 0;
}

int uk_activities_figures(struct uk_db *db, struct uk_period p, const char *kind,
                          long *count, long *participants)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT count(*), coalesce(sum(participants), 0) FROM activities"
		" WHERE kind = ?3 AND date BETWEEN ?1 AND ?2 AND voided_at IS NULL");
	int64_t f[2] = {0, 0}; /* count, participants */
	int rc, found;
	*count = *participants = 0;
	if (!st)
		return UK_EX_SOFTWARE;
	uk_db_bind_period(st, 1, p);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	rc = uk_db_ints(db, st, f, 2, &found, N_("cannot count activities"));
	sqlite3_finalize(st);
	if (!rc) {
		*count = (long)f[0];
		*participants = (long)f[1];
	}
	return rc;
}

int uk_disclosures_count(struct uk_db *db, struct uk_period p, long *n)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT count(*) FROM disclosures WHERE month BETWEEN substr(?1, 1, 7) AND substr(?2, 1, 7)");
	int64_t count = 0;
	int rc, found;
	*n = 0;
	if (!st)
		return UK_EX_SOFTWARE;
	uk_db_bind_period(st, 1, p);
	rc = uk_db_ints(db, st, &count, 1, &found, N_("cannot count disclosures"));
	sqlite3_finalize(st);
	if (!rc)
		*n = (long)count;
	return rc;
}
