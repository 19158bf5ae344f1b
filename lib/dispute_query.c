/* dispute_query.c - reading the mediation log: listings, a case with its
 * timeline, imports, and the year's figures (调处率, 成功率). */
#include "uk_batch.h"
#include "uk_config.h"
#include "uk_disputes.h"
#include "uk_i18n.h"
#include "uk_ids.h"
#include "uk_money.h"
#include "uk_text.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#define A(...) (const char *const[]){__VA_ARGS__, NULL}

enum { DC_CASE_NO, DC_KIND, DC_RECEIVED, DC_SOURCE, DC_CATEGORY, DC_EMPLOYER, DC_EMPLOYER_CODE,
       DC_WORKERS, DC_CLAIMED, DC_SUMMARY, DC_STATUS, DC_OUTCOME, DC_RECOVERED, DC_CLOSED,
       DC_MEMBERS, DC_COUNT };

#define CASE_COLS \
	{"case_no", UK_COL_TEXT}, {"kind", UK_COL_TEXT}, {"received", UK_COL_TEXT}, \
	{"source", UK_COL_TEXT}, {"category", UK_COL_TEXT}, {"employer", UK_COL_TEXT}, \
	{"employer_code", UK_COL_TEXT}, {"workers", UK_COL_INT}, {"claimed", UK_COL_MONEY}, \
	{"summary", UK_COL_TEXT}, {"status", UK_COL_TEXT}, {"outcome", UK_COL_TEXT}, \
	{"recovered", UK_COL_MONEY}, {"closed", UK_COL_TEXT}, {"members", UK_COL_TEXT}
static const struct uk_outcol outcols[DC_COUNT + 1] = {CASE_COLS, {"days", UK_COL_INT}};
/* show, and ls --voided: when and why a case was voided. */
static const struct uk_outcol void_cols[DC_COUNT + 2] = {
	CASE_COLS, {"voided_at", UK_COL_TEXT}, {"void_reason", UK_COL_TEXT},
};
/* What a row of a listing carries beyond the case columns. */
enum extra { EXTRA_NONE, EXTRA_DAYS, EXTRA_VOID };

static const struct uk_colspec colspec[DC_COUNT] = {
	{"case_no", A("案件编号", "编号")}, {"kind", A("类型")}, {"received", A("受理日期", "收案日期")},
	{"source", A("来源")}, {"category", A("争议类别", "类别")},
	{"employer", A("用人单位", "单位")}, {"employer_code", A("统一社会信用代码")},
	{"workers", A("涉及人数", "人数")}, {"claimed", A("争议金额", "标的金额")},
	{"summary", A("案情摘要", "摘要")}, {"status", A("状态")}, {"outcome", A("结果", "调处结果")},
	{"recovered", A("追回金额", "挽回金额")}, {"closed", A("结案日期")},
	{"members", A("会员")},
};

const struct uk_outcol *uk_dispute_outcols(int *n) { *n = DC_COUNT; return outcols; }
const struct uk_colspec *uk_dispute_colspec(int *n) { *n = DC_COUNT; return colspec; }

const struct uk_outcol *uk_dispute_ls_cols(int overdue, int voided, int *n)
{
	if (voided) {
		*n = DC_COUNT + 2;
		return void_cols;
	}
	*n = DC_COUNT + (overdue ? 1 : 0);
	return outcols;
}

const struct uk_outcol *uk_dispute_show_cols(int *n)
{
	*n = DC_COUNT + 2;
	return void_cols;
}

#define CASE_SELECT \
	"SELECT d.case_no, d.kind, d.received, d.source, d.category, d.employer, d.employer_code," \
	" d.workers, d.claimed, d.summary, d.status, d.outcome, d.recovered, d.closed," \
	" (SELECT group_concat(m.member_no || ' ' || m.name, ';') FROM dispute_members x" \
	"   JOIN members m ON m.id = x.member_id WHERE x.dispute_id = d.id)," \
	" d.voided_at, d.void_reason, CAST(julianday(?9) - julianday(d.received) AS INTEGER)" \
	" FROM disputes d"

/* Member names are masked for anyone outside the committee. */
static char *masked_members(const char *list)
{
	size_t cap = strlen(list) * 2 + 16, used = 0;
	char *out = malloc(cap), *copy = strdup(list), *save = NULL;
	if (!out || !copy) {
		free(out);
		free(copy);
		return NULL;
	}
	out[0] = '\0';
	for (char *item = strtok_r(copy, ";", &save); item; item = strtok_r(NULL, ";", &save)) {
		char *space = strchr(item, ' '), *m;
		if (!space)
			continue;
		*space = '\0';
		if (!(m = uk_mask_name(space + 1))) {
			/* Out of memory: no list, never a shorter one. */
			free(out);
			out = NULL;
			break;
		}
		used += (size_t)snprintf(out + used, cap - used, "%s%s %s", used ? ";" : "", item, m);
		free(m);
	}
	free(copy);
	return out;
}

/* The columns of CASE_SELECT after the case's own. */
enum { SEL_VOIDED_AT = DC_COUNT, SEL_VOID_REASON, SEL_DAYS };

/* Where a row of CASE_SELECT goes. */
struct case_out { struct uk_writer *w; enum extra extra; int mask; };

/* A row callback (uk_db_each): the case to the writer; a failed output
 * (a closed pipe) stops quietly, out of memory with 70. */
static int write_case(sqlite3_stmt *st, void *ctx)
{
	const struct case_out *c = ctx;
	const char *vals[DC_COUNT + 2];
	char claimed[UK_MONEY_BUFSZ], recovered[UK_MONEY_BUFSZ];
	char *members = NULL;
	int rc;
	for (int i = 0; i < DC_COUNT; i++)
		vals[i] = uk_db_text(st, i);
	if (c->extra == EXTRA_DAYS)
		vals[DC_COUNT] = uk_db_text(st, SEL_DAYS);
	if (c->extra == EXTRA_VOID) {
		vals[DC_COUNT] = uk_db_text(st, SEL_VOIDED_AT);
		vals[DC_COUNT + 1] = uk_db_text(st, SEL_VOID_REASON);
	}
	if (sqlite3_column_type(st, DC_CLAIMED) != SQLITE_NULL)
		vals[DC_CLAIMED] = uk_money_format(sqlite3_column_int64(st, DC_CLAIMED), claimed);
	if (sqlite3_column_type(st, DC_RECOVERED) != SQLITE_NULL)
		vals[DC_RECOVERED] = uk_money_format(sqlite3_column_int64(st, DC_RECOVERED), recovered);
	if (c->mask && vals[DC_MEMBERS] && !(vals[DC_MEMBERS] = members = masked_members(vals[DC_MEMBERS])))
		return uk_err_nomem();
	rc = uk_writer_row(c->w, vals);
	free(members);
	return rc ? UK_DB_STOP : 0;
}

/* Runs st through the one row loop, then finalizes it. */
static int each_row(struct uk_db *db, sqlite3_stmt *st, uk_db_row_fn row, void *ctx, const char *what)
{
	int rc = uk_db_each(db, st, row, ctx, what);
	sqlite3_finalize(st);
	return rc;
}

int uk_dispute_filter_check(struct uk_dispute_filter *f, const char **opt, const char **value,
                            const char **why)
{
	const char *cat = f->category ? uk_dispute_category_of(f->category) : NULL;
	*opt = *value = *why = NULL;
	if (f->category && !cat) {
		*opt = "--category";
		*value = f->category;
		*why = N_("unknown category");
	} else if (f->status && !uk_vocab_slug(uk_dispute_vocab(UK_DV_STATUS), f->status)) {
		*opt = "--status";
		*value = f->status;
		*why = N_("open (受理), mediating (调解中) or closed (结案) (--voided lists the voided cases)");
	} else if (f->kind && !uk_vocab_slug(uk_dispute_vocab(UK_DV_KIND), f->kind)) {
		*opt = "--kind";
		*value = f->kind;
		*why = N_("dispute (劳动争议) or petition (信访)");
	}
	if (*opt)
		return -1;
	/* As stored: the slugs, whichever language was given. */
	f->category = cat;
	if (f->status)
		f->status = uk_vocab_slug(uk_dispute_vocab(UK_DV_STATUS), f->status);
	if (f->kind)
		f->kind = uk_vocab_slug(uk_dispute_vocab(UK_DV_KIND), f->kind);
	return 0;
}

int uk_disputes_list(struct uk_db *db, const struct uk_dispute_filter *f, struct uk_writer *w,
                     int mask)
{
	/* Overdue: received on or before `at`, not closed then (by the dated
	 * timeline, as the figures count it), and more than the limit of days
	 * since receipt (the mediation law's Art. 14; doc/domain.md). */
	static const char *const sql = CASE_SELECT
		" WHERE (?1 IS NULL OR d.received BETWEEN ?1 AND ?2) AND ((?8 = 0) = (d.voided_at IS NULL))"
		" AND (?3 IS NULL OR d.status = ?3) AND (?4 IS NULL OR d.category = ?4)"
		" AND (?5 IS NULL OR d.kind = ?5)"
		" AND (?6 = 0 OR (d.received <= ?9 AND (SELECT x.status FROM dispute_events x"
		"      WHERE x.dispute_id = d.id AND x.date <= ?9 ORDER BY x.id DESC LIMIT 1) <> 'closed'"
		"      AND d.kind = 'dispute' AND julianday(?9) - julianday(d.received) > ?7))"
		" ORDER BY d.received, d.year, d.seq";
	struct case_out out = {w, f->voided ? EXTRA_VOID : f->overdue ? EXTRA_DAYS : EXTRA_NONE, mask};
	struct uk_dispute_settings set;
	sqlite3_stmt *st;
	char from[UK_DATE_BUFSZ], to[UK_DATE_BUFSZ], at[UK_DATE_BUFSZ];
	int rc;

	if ((rc = uk_dispute_settings(db, &set)) != 0)
		return rc;
	if (!(st = uk_db_prepare(db, sql)))
		return UK_EX_SOFTWARE;
	if (f->has_period) {
		sqlite3_bind_text(st, 1, uk_date_format(f->period.from, from), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, uk_date_format(f->period.to, to), -1, SQLITE_STATIC);
	}
	if (f->status) sqlite3_bind_text(st, 3, f->status, -1, SQLITE_STATIC);
	if (f->category) sqlite3_bind_text(st, 4, f->category, -1, SQLITE_STATIC);
	if (f->kind) sqlite3_bind_text(st, 5, f->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, f->overdue);
	sqlite3_bind_int64(st, 7, set.limit_days);
	sqlite3_bind_int(st, 8, f->voided);
	sqlite3_bind_text(st, 9, uk_date_format(f->at, at), -1, SQLITE_STATIC);
	return each_row(db, st, write_case, &out, N_("cannot list cases"));
}

static const struct uk_outcol timeline_cols[] = {
	{"case_no", UK_COL_TEXT}, {"date", UK_COL_TEXT}, {"action", UK_COL_TEXT},
	{"status", UK_COL_TEXT}, {"outcome", UK_COL_TEXT}, {"note", UK_COL_TEXT},
	{"recorded_at", UK_COL_TEXT},
};

const struct uk_outcol *uk_dispute_timeline_cols(int *n)
{
	*n = (int)(sizeof timeline_cols / sizeof timeline_cols[0]);
	return timeline_cols;
}

/* A row callback: an event of the timeline to the writer. */
static int write_event(sqlite3_stmt *st, void *ctx)
{
	const char *vals[7];
	for (int i = 0; i < 7; i++)
		vals[i] = uk_db_text(st, i);
	return uk_writer_row(ctx, vals) ? UK_DB_STOP : 0;
}

int uk_dispute_show(struct uk_db *db, const char *case_no, struct uk_writer *case_w,
                    struct uk_writer *timeline_w, int mask, int *found)
{
	struct case_out out = {case_w, EXTRA_VOID, mask};
	sqlite3_stmt *st = uk_db_prepare(db, CASE_SELECT " WHERE d.case_no = ?1");
	int rc;
	*found = 0;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, case_no, -1, SQLITE_STATIC);
	sqlite3_bind_null(st, 9);
	rc = uk_db_one(db, st, case_w ? write_case : NULL, &out, found, N_("cannot read the case"));
	sqlite3_finalize(st);
	if (rc || !*found || !timeline_w)
		return rc;
	if (!(st = uk_db_prepare(db,
		"SELECT ?1, e.date, e.action, e.status, e.outcome, e.note, e.recorded_at"
		" FROM dispute_events e JOIN disputes d ON d.id = e.dispute_id"
		" WHERE d.case_no = ?1 ORDER BY e.id")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, case_no, -1, SQLITE_STATIC);
	return each_row(db, st, write_event, timeline_w, N_("cannot read the timeline"));
}

static const char *val(struct uk_row *row, int c)
{
	const char *s = uk_row_get(row, c);
	return s && *s ? s : NULL;
}

/* An import: the stored cases records may match (those before it), and
 * the ones matched already, so that a file holding the same case twice
 * matches two stored cases, never one twice. */
struct import_ctx {
	struct uk_db *db;
	struct uk_reader *r;
	int allow_future;
	struct uk_matched matched;
};

/* The stored case that the case just opened from a record (numbered
 * fresh) repeats: by case_no when the record gives a stored one, else by received
 * date, employer and summary; and then the same kind, category, source,
 * employer code, workers and amount claimed. Its progress (status,
 * outcome) and members are not compared: import does not change a stored
 * case. 0 with *same (0: none), -1 with err for a case_no naming another
 * case, or an exit code. */
struct same_ctx {
	struct import_ctx *c;
	const char *case_no;
	long line;
	int64_t same;
	char *err;
	size_t errsz;
};

/* A row callback: a stored case the record may repeat. The first that
 * does, in force before voided, is the one (stop); one named by the
 * record's case_no that does not is a conflict (-1 with err). */
static int same_row(sqlite3_stmt *st, void *ctx)
{
	struct same_ctx *x = ctx;
	int64_t id = sqlite3_column_int64(st, 0);
	const char *no = uk_db_text(st, 1);
	int by_no = x->case_no && strcmp(no, x->case_no) == 0;
	if (uk_matched_has(&x->c->matched, id))
		return by_no ? uk_errf(x->err, x->errsz, "case %s is named by an earlier record too", x->case_no)
		             : 0;
	if (!sqlite3_column_int(st, 2))
		return by_no ? uk_errf(x->err, x->errsz, "case %s is stored with other details: a record of "
		                       "another case? (clear its case_no to add it as a new case)", x->case_no)
		             : 0;
	x->same = id;
	/* The record's progress is not applied: said, so that a closing
	 * typed into the file is not lost without a word. */
	if (strcmp(uk_db_text(st, 3), uk_db_text(st, 4)))
		uk_err_at(uk_reader_name(x->c->r), x->line, "warning: case %s is stored %s, the record says %s: "
		          "left unchanged (update or close it)", no, uk_db_text(st, 3), uk_db_text(st, 4));
	return UK_DB_STOP;
}

static int same_case(struct import_ctx *c, const char *fresh, const char *case_no, long line,
                     int64_t *same, char *err, size_t errsz)
{
	struct same_ctx x = {c, case_no, line, 0, err, errsz};
	sqlite3_stmt *st = uk_db_prepare(c->db,
		"SELECT o.id, o.case_no,"
		" o.received = n.received AND o.employer = n.employer AND o.summary = n.summary"
		" AND o.kind = n.kind AND o.category = n.category AND o.source IS n.source"
		" AND o.employer_code IS n.employer_code AND o.workers = n.workers AND o.claimed IS n.claimed,"
		" o.status || coalesce(' ' || o.outcome, ''), n.status || coalesce(' ' || n.outcome, '')"
		" FROM disputes o, disputes n WHERE n.case_no = ?1 AND o.id <= ?2"
		" AND (CASE WHEN ?3 IS NOT NULL AND EXISTS (SELECT 1 FROM disputes k WHERE k.case_no = ?3 AND k.id <= ?2)"
		"      THEN o.case_no = ?3"
		"      ELSE o.received = n.received AND o.employer = n.employer AND o.summary = n.summary END)"
		" ORDER BY o.voided_at IS NOT NULL, o.id");
	int rc;
	*same = 0;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, fresh, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, c->matched.before);
	sqlite3_bind_text(st, 3, case_no, -1, SQLITE_STATIC);
	if ((rc = each_row(c->db, st, same_row, &x, N_("cannot read the cases"))) != 0)
		return rc;
	*same = x.same;
	return *same ? uk_matched_add(&c->matched, *same) : 0;
}

/* The record opened as a case, closed or in mediation as it says, by
 * every rule in in (its allow_future and quiet too). */
static int open_record(struct import_ctx *c, struct uk_row *row, const struct uk_case_in *in,
                       const char *status, char case_no[16], char *err, size_t errsz)
{
	int res = uk_dispute_open(c->db, in, case_no, err, errsz);
	if (res == 0 && val(row, DC_OUTCOME))
		res = uk_dispute_close(c->db, case_no, val(row, DC_OUTCOME), val(row, DC_RECOVERED),
		                       val(row, DC_CLOSED), NULL, in->allow_future, err, errsz);
	else if (res == 0 && status && strcmp(status, "mediating") == 0) {
		struct uk_case_change ch = {"mediating", NULL, val(row, DC_RECEIVED), 0, in->allow_future};
		res = uk_dispute_update(c->db, case_no, &ch, err, errsz);
	} else if (res == 0 && status && strcmp(status, "closed") == 0)
		res = uk_errf(err, errsz, "a closed case needs its outcome");
	return res;
}

/* One record of an import: a new case, closed or in mediation as the
 * record says; or, when it repeats a stored case, nothing. */
static int import_case(void *ctx, struct uk_row *row, char *err, size_t errsz)
{
	struct import_ctx *c = ctx;
	struct uk_db *db = c->db;
	struct uk_case_in in;
	char case_no[16], *list = NULL, *save = NULL;
	const char *members[64];
	int64_t same = 0;
	int res;

	const char *status = NULL;

	/* An unknown status is refused (65), not read as open: the man page's
	 * rule, and a typo must not open a case the file says is closed. */
	if (val(row, DC_STATUS) &&
	    uk_vocab_read(uk_dispute_vocab(UK_DV_STATUS), val(row, DC_STATUS), &status, err, errsz) != 0)
		return -1;
	memset(&in, 0, sizeof in);
	in.kind = val(row, DC_KIND);
	in.received = val(row, DC_RECEIVED);
	in.source = val(row, DC_SOURCE);
	in.category = val(row, DC_CATEGORY);
	in.employer = val(row, DC_EMPLOYER);
	in.employer_code = val(row, DC_EMPLOYER_CODE);
	in.workers = val(row, DC_WORKERS);
	in.claimed = val(row, DC_CLAIMED);
	in.summary = val(row, DC_SUMMARY);
	if (val(row, DC_MEMBERS)) {
		/* "000001 张三;000002 李四" as ls writes it, or numbers alone */
		if (!(list = strdup(val(row, DC_MEMBERS))))
			return uk_err_nomem();
		for (char *it = strtok_r(list, ";", &save); it && in.nmembers < 64; it = strtok_r(NULL, ";", &save)) {
			char *sp = strchr(it, ' ');
			if (sp)
				*sp = '\0';
			members[in.nmembers++] = it;
		}
		in.members = members;
	}
	/* A trial first: the record opened as a new case (its values made
	 * what the stored ones are), compared with what is stored, and
	 * undone. It says no warning and takes any date: a stored case is
	 * unchanged whatever it already carries (a date after today, stored
	 * with --allow-future). A new case is then opened by every rule, its
	 * warnings said once; a record the trial refused is refused there,
	 * for the same reason. */
	in.allow_future = 1;
	in.quiet = 1;
	if ((res = uk_db_exec(db, "SAVEPOINT probe")) == 0) {
		res = open_record(c, row, &in, status, case_no, err, errsz);
		if (res == 0)
			res = same_case(c, case_no, val(row, DC_CASE_NO), uk_row_line(row), &same, err, errsz);
		else if (res == -1)
			res = 0;
		if (res == 0)
			res = uk_db_exec(db, "ROLLBACK TO probe");
		if (res == 0)
			res = uk_db_exec(db, "RELEASE probe");
	}
	if (res == 0 && same) {
		c->matched.found++;
	} else if (res == 0) {
		in.allow_future = c->allow_future;
		in.quiet = 0;
		in.file = uk_reader_name(c->r);
		in.line = uk_row_line(row);
		res = open_record(c, row, &in, status, case_no, err, errsz);
	}
	free(list);
	return res;
}

int uk_disputes_import(struct uk_db *db, struct uk_reader *r, const char *rejects_path, int allow_future,
                       long *added, long *unchanged, long *bad)
{
	struct import_ctx c = {db, r, allow_future, UK_MATCHED_INIT};
	return uk_batch_records_again(db, r, rejects_path, "SELECT coalesce(max(id), 0) FROM disputes",
	                              import_case, &c, &c.matched, added, unchanged, bad);
}

/* ---- the figures ---- */

static long permille(long a, long b)
{
	return b ? (a * 1000 + b / 2) / b : -1;
}

/* A row callback: the period's cases of one kind, category and outcome
 * added to the figures. */
static int add_group(sqlite3_stmt *st, void *ctx)
{
	struct uk_dispute_stats *s = ctx;
	const char *kind = uk_db_text(st, 0), *cat = uk_db_text(st, 1), *outcome = uk_db_text(st, 2);
	long n = sqlite3_column_int64(st, 3);
	if (strcmp(kind, "petition") == 0) {
		/* Petitions are counted apart and never enter the rates. */
		s->petitions += n;
		return 0;
	}
	s->received += n;
	s->workers += sqlite3_column_int64(st, 4);
	s->collective += sqlite3_column_int64(st, 5);
	s->claimed += sqlite3_column_int64(st, 6);
	s->recovered += sqlite3_column_int64(st, 7);
	s->open += sqlite3_column_int64(st, 8);
	s->overdue += sqlite3_column_int64(st, 9);
	for (int i = 0; i < UK_DISPUTE_NCATEGORIES; i++)
		if (strcmp(cat, uk_dispute_category(i)) == 0)
			s->by_category[i] += n;
	if (!outcome)
		return 0;
	if (strcmp(outcome, "resolved") == 0) s->resolved += n;
	else if (strcmp(outcome, "failed") == 0) s->failed += n;
	else if (strcmp(outcome, "referred") == 0) s->referred += n;
	else if (strcmp(outcome, "withdrawn") == 0) s->withdrawn += n;
	return 0;
}

int uk_disputes_stats(struct uk_db *db, struct uk_period period, struct uk_date at,
                      long threshold, long limit_days, struct uk_dispute_stats *s)
{
	/* One pass over the period's cases by category and outcome. A case's
	 * state at a date is its last timeline event on or before it, so a
	 * case reopened later still counts as concluded in the period it was
	 * closed in: concluded means closed resolved, failed or referred by
	 * the period's end. */
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT d.kind, d.category, CASE WHEN e.status = 'closed' THEN e.outcome END, count(*),"
		" sum(d.workers), sum(d.workers >= ?3), sum(coalesce(d.claimed, 0)),"
		" sum(CASE WHEN e.status = 'closed' THEN coalesce(e.recovered, 0) ELSE 0 END),"
		" sum(a.status IS NOT NULL AND a.status <> 'closed'),"
		" sum(a.status IS NOT NULL AND a.status <> 'closed'"
		"     AND julianday(?5) - julianday(d.received) > ?4)"
		" FROM disputes d"
		" JOIN dispute_events e ON e.id = (SELECT x.id FROM dispute_events x"
		"   WHERE x.dispute_id = d.id AND x.date <= ?2 ORDER BY x.id DESC LIMIT 1)"
		" LEFT JOIN dispute_events a ON a.id = (SELECT x.id FROM dispute_events x"
		"   WHERE x.dispute_id = d.id AND x.date <= ?5 ORDER BY x.id DESC LIMIT 1)"
		" WHERE d.received BETWEEN ?1 AND ?2 AND d.voided_at IS NULL GROUP BY 1, 2, 3");
	char from[UK_DATE_BUFSZ], to[UK_DATE_BUFSZ], atd[UK_DATE_BUFSZ];
	int64_t closed = 0;
	int rc, found;

	memset(s, 0, sizeof *s);
	s->period = period;
	s->threshold = threshold;
	s->limit_days = limit_days;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, uk_date_format(period.from, from), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, uk_date_format(period.to, to), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, threshold);
	sqlite3_bind_int64(st, 4, limit_days);
	sqlite3_bind_text(st, 5, uk_date_format(at, atd), -1, SQLITE_STATIC);
	if ((rc = each_row(db, st, add_group, s, N_("cannot count cases"))) != 0)
		return rc;
	/* Cases closed in the period, whenever they were received: a
	 * month's disclosure reports them. */
	if (!(st = uk_db_prepare(db, "SELECT count(DISTINCT e.dispute_id) FROM dispute_events e"
	                             " JOIN disputes d ON d.id = e.dispute_id"
	                             " WHERE e.action = 'close' AND d.kind = 'dispute' AND d.voided_at IS NULL"
	                             " AND e.date BETWEEN ?1 AND ?2")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	rc = uk_db_ints(db, st, &closed, 1, &found, N_("cannot count cases"));
	sqlite3_finalize(st);
	s->closed = (long)closed;
	if (rc)
		return rc;
	s->concluded = s->resolved + s->failed + s->referred;
	s->handled_permille = permille(s->concluded, s->received);
	s->success_permille = permille(s->resolved, s->concluded);
	return UK_EX_OK;
}

int uk_dispute_settings(struct uk_db *db, struct uk_dispute_settings *s)
{
	int rc = uk_config_get_int(db, "disputes.collective_threshold", &s->threshold);
	return rc ? rc : uk_config_get_int(db, "disputes.limit_days", &s->limit_days);
}

int uk_disputes_figures(struct uk_db *db, struct uk_period period, const struct uk_date *at,
                        long threshold, struct uk_dispute_stats *st)
{
	struct uk_dispute_settings set;
	struct uk_date when = period.to, today = uk_date_today();
	int rc = uk_dispute_settings(db, &set);
	if (rc)
		return rc;
	/* The figures of the current year are those of today. */
	if (uk_date_cmp(today, when) < 0)
		when = today;
	return uk_disputes_stats(db, period, at ? *at : when, threshold > 0 ? threshold : set.threshold,
	                         set.limit_days, st);
}

int uk_dispute_threshold_of(const char *s, long *threshold, const char **why)
{
	char *end;
	*threshold = strtol(s, &end, 10);
	if (*end || *threshold < 2) {
		*why = N_("a whole number of workers from 2");
		return -1;
	}
	return 0;
}

static void rate_text(long pm, char *buf, size_t n, int json)
{
	if (pm < 0)
		snprintf(buf, n, "%s", json ? "null" : "\xE2\x80\x93");  /* – */
	else
		snprintf(buf, n, "%ld.%ld%s", pm / 10, pm % 10, json ? "" : "%");
}

const struct uk_outcol uk_dispute_stats_cols[3] = {
	{"measure", UK_COL_TEXT}, {"key", UK_COL_TEXT}, {"value", UK_COL_TEXT},
};

int uk_dispute_stats_json(const struct uk_dispute_stats *s, FILE *f)
{
	char from[UK_DATE_BUFSZ], to[UK_DATE_BUFSZ], claimed[UK_MONEY_BUFSZ], recovered[UK_MONEY_BUFSZ];
	char handled[48], success[48];
	uk_date_format(s->period.from, from);
	uk_date_format(s->period.to, to);
	uk_money_format(s->claimed, claimed);
	uk_money_format(s->recovered, recovered);
	/* The machine form report-year reads: counts are numbers, money
	 * strings, a rate with no denominator null. */
	rate_text(s->handled_permille, handled, sizeof handled, 1);
	rate_text(s->success_permille, success, sizeof success, 1);
	fprintf(f, "{\"from\":\"%s\",\"to\":\"%s\",\"received\":%ld,\"concluded\":%ld,"
	        "\"resolved\":%ld,\"failed\":%ld,\"referred\":%ld,\"withdrawn\":%ld,\"open\":%ld,"
	        "\"overdue\":%ld,\"petitions\":%ld,\"workers\":%ld,\"collective\":%ld,"
	        "\"collective_threshold\":%ld,\"claimed\":\"%s\",\"recovered\":\"%s\","
	        "\"handled_rate\":%s,\"success_rate\":%s,\"by_category\":{",
	        from, to, s->received, s->concluded, s->resolved, s->failed, s->referred,
	        s->withdrawn, s->open, s->overdue, s->petitions, s->workers, s->collective,
	        s->threshold, claimed, recovered, handled, success);
	for (int i = 0; i < UK_DISPUTE_NCATEGORIES; i++)
		fprintf(f, "%s\"%s\":%ld", i ? "," : "", uk_dispute_category(i), s->by_category[i]);
	fprintf(f, "}}\n");
	return ferror(f) ? UK_EX_IOERR : 0;
}

int uk_dispute_stats_rows(const struct uk_dispute_stats *s, struct uk_writer *w)
{
	char from[UK_DATE_BUFSZ], to[UK_DATE_BUFSZ], claimed[UK_MONEY_BUFSZ], recovered[UK_MONEY_BUFSZ];
	char handled[48], success[48], num[32];
	int rc = 0;
	uk_date_format(s->period.from, from);
	uk_date_format(s->period.to, to);
	uk_money_format(s->claimed, claimed);
	uk_money_format(s->recovered, recovered);
#define ROW(m, k, v) do { const char *r_[3] = {(m), (k), (v)}; rc |= uk_writer_row(w, r_); } while (0)
#define NUM(m, k, n) do { snprintf(num, sizeof num, "%ld", (long)(n)); ROW(m, k, num); } while (0)
	rate_text(s->handled_permille, handled, sizeof handled, 0);
	rate_text(s->success_permille, success, sizeof success, 0);
	ROW("period", "from", from);
	ROW("period", "to", to);
	NUM("cases", "received", s->received);
	NUM("cases", "concluded", s->concluded);
	NUM("cases", "open", s->open);
	NUM("cases", "overdue", s->overdue);
	NUM("cases", "petitions", s->petitions);
	for (int i = 0; i < UK_DISPUTE_NCATEGORIES; i++)
		NUM("category", uk_dispute_category(i), s->by_category[i]);
	for (int i = 0; i < UK_DISPUTE_NOUTCOMES; i++)
		NUM("outcome", uk_dispute_outcome(i), i == 0 ? s->resolved : i == 1 ? s->failed :
		    i == 2 ? s->referred : s->withdrawn);
	NUM("workers", "involved", s->workers);
	NUM("workers", "collective_cases", s->collective);
	ROW("money", "claimed", claimed);
	ROW("money", "recovered", recovered);
	ROW("rate", "handled", handled);
	ROW("rate", "success", success);
#undef NUM
#undef ROW
	return rc ? UK_EX_IOERR : 0;
}
