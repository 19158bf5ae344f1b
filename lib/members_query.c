/* members_query.c - reading members: listing with filters, masking,
 * finding one by key, and the history of changes. */
#include "members_priv.h"
#include "uk_ids.h"
#include "uk_money.h"
#include "uk_i18n.h"

#include <stdlib.h>
#include <string.h>

/* The text form of a stored field: money and flags are kept as integers. */
const char *uk_member_field_text(sqlite3_stmt *st, int f, char buf[UK_MONEY_BUFSZ])
{
	int col = UK_MEMBER_COL(f);
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return NULL;
	if (f == UK_MF_WAGE_BASE)
		return uk_money_format(sqlite3_column_int64(st, col), buf);
	if (f == UK_MF_MIGRANT_WORKER)
		return sqlite3_column_int(st, col) ? "yes" : "no";
	return (const char *)sqlite3_column_text(st, col);
}

int uk_member_row_load(sqlite3_stmt *st, void *ctx)
{
	struct uk_member_row *row = ctx;
	char buf[UK_MONEY_BUFSZ];
	const char *roles = uk_db_text(st, UK_MEMBER_COL_ROLES);
	memset(row, 0, sizeof *row);
	row->id = sqlite3_column_int64(st, 0);
	for (int f = 0; f < UK_MF_COUNT; f++) {
		const char *s = uk_member_field_text(st, f, buf);
		if (s && !(row->v[f] = strdup(s)))
			goto nomem;
	}
	if (roles && !(row->roles = strdup(roles)))
		goto nomem;
	return 0;
nomem:
	uk_member_row_free(row);
	return uk_err_nomem();
}

void uk_member_row_free(struct uk_member_row *row)
{
	for (int f = 0; f < UK_MF_COUNT; f++)
		free(row->v[f]);
	free(row->roles);
	memset(row, 0, sizeof *row);
}

int uk_member_write(sqlite3_stmt *st, struct uk_writer *w, int mask)
{
	const char *vals[UK_MF_COUNT + 1];
	char money[UK_MONEY_BUFSZ];
	char *masked[3] = {NULL, NULL, NULL};
	int k = 0, rc;

	for (int f = 0; f < UK_MF_COUNT; f++) {
		int out = f <= UK_MF_STATUS_DATE ? f : f + 1;  /* roles sits after status_date */
		vals[out] = uk_member_field_text(st, f, money);
	}
	vals[UK_MF_STATUS_DATE + 1] = uk_db_text(st, UK_MEMBER_COL_ROLES);
	if (mask) {
		if (vals[UK_MF_NAME] && !(vals[UK_MF_NAME] = masked[k++] = uk_mask_name(vals[UK_MF_NAME])))
			goto nomem;
		if (vals[UK_MF_ID_CARD] && !(vals[UK_MF_ID_CARD] = masked[k++] = uk_mask_id(vals[UK_MF_ID_CARD])))
			goto nomem;
		if (vals[UK_MF_PHONE] && !(vals[UK_MF_PHONE] = masked[k++] = uk_mask_phone(vals[UK_MF_PHONE])))
			goto nomem;
	}
	/* A failed write (a closed pipe): the reader has gone, nothing
	 * more to say. */
	rc = uk_writer_row(w, vals) != 0 ? UK_DB_STOP : UK_EX_OK;
	for (int i = 0; i < k; i++)
		free(masked[i]);
	return rc;
nomem:
	for (int i = 0; i < k; i++)
		free(masked[i]);
	return uk_err_nomem();
}

/* A member row to the writer, for uk_db_each and uk_db_one. */
struct member_out {
	struct uk_writer *w;
	int mask;
	int gone;                    /* the output was closed */
};

static int member_out_row(sqlite3_stmt *st, void *ctx)
{
	struct member_out *mo = ctx;
	int rc = uk_member_write(st, mo->w, mo->mask);
	mo->gone = rc == UK_DB_STOP;
	return rc;
}

int uk_members_write_ids(struct uk_db *db, const int64_t *ids, long n,
                         struct uk_writer *w, int mask)
{
	sqlite3_stmt *st = uk_db_prepare(db, UK_MEMBER_SELECT " WHERE m.id = ?1");
	struct member_out mo = {w, mask, 0};
	int rc = UK_EX_OK, found;
	if (!st)
		return UK_EX_SOFTWARE;
	for (long i = 0; i < n && !rc && !mo.gone; i++) {
		sqlite3_bind_int64(st, 1, ids[i]);
		rc = uk_db_one(db, st, member_out_row, &mo, &found, N_("cannot read members"));
	}
	sqlite3_finalize(st);
	return rc;
}

struct list_ctx {
	const struct uk_member_filter *f;
	const int *where_field;
	struct member_out out;       /* w NULL: counted only */
	long *count;
};

static int list_row(sqlite3_stmt *st, void *ctx)
{
	struct list_ctx *lc = ctx;
	/* --where is an exact match on the text form, tested here so the
	 * column name never reaches SQL. */
	for (int i = 0; i < lc->f->nwhere; i++) {
		char buf[UK_MONEY_BUFSZ];
		const char *v = uk_member_field_text(st, lc->where_field[i], buf);
		if (!v || strcmp(v, strchr(lc->f->where[i], '=') + 1) != 0)
			return 0;
	}
	(*lc->count)++;
	return lc->out.w ? member_out_row(st, &lc->out) : 0;
}

/* The filters are fixed fragments; every value is a bound parameter. */
int uk_members_list(struct uk_db *db, const struct uk_member_filter *f,
                    struct uk_writer *w, int mask, long *count)
{
#define MEMBER_FILTER \
		" WHERE (?1 = 'all' OR m.status = ?1)" \
		" AND (?2 IS NULL OR m.unit = ?2)" \
		" AND (?3 IS NULL OR m.union_group = ?3)" \
		" AND (?4 IS NULL OR (?4 = 'any' AND m.hardship <> 'none') OR m.hardship = ?4)" \
		" AND (?5 = 0 OR m.gender = 'female')" \
		" AND (?6 = 0 OR substr(m.join_date, 1, 4) = printf('%04d', ?6))" \
		" AND (?7 = 0 OR ((m.status = 'left' OR m.status = 'transferred' OR m.status = 'deceased')" \
		"      AND substr(m.status_date, 1, 4) = printf('%04d', ?7)))" \
		" AND (?8 IS NULL OR (?9 IN (0, 3) AND m.member_no = ?8)" \
		"      OR (?9 IN (0, 1) AND m.employee_no = ?8) OR (?9 IN (0, 2) AND m.id_card = upper(?8)))"
	static const char *const list_sql = UK_MEMBER_SELECT MEMBER_FILTER " ORDER BY m.member_no";
	/* --count alone counts in SQL (an index on status) without reading rows. */
	static const char *const count_sql = "SELECT count(*) FROM members m" MEMBER_FILTER;
	int count_only = !w && f->nwhere == 0;
	/* The common count, by status alone, is kept in member_counts. */
	int status_only = count_only && !f->unit && !f->group && !f->hardship && !f->female &&
	                  !f->joined && !f->left && !f->where_key;
	static const char *const count_status_sql =
		"SELECT n FROM member_counts WHERE status = ?1 AND ?2 IS NULL";
	static const char *const count_all_sql =
		"SELECT sum(n) FROM member_counts WHERE ?1 = 'all' AND ?2 IS NULL";
	const char *status_name = f->status ? f->status : f->left ? "all" : "active";
	sqlite3_stmt *st = uk_db_prepare(db, !count_only ? list_sql : !status_only ? count_sql :
	                                 strcmp(status_name, "all") == 0 ? count_all_sql : count_status_sql);
	int status = UK_EX_OK;
	int *where_field = NULL;

	*count = 0;
	if (!st)
		return UK_EX_SOFTWARE;
	if (f->nwhere > 0 && !(where_field = malloc((size_t)f->nwhere * sizeof *where_field))) {
		sqlite3_finalize(st);
		return uk_err_nomem();
	}
	for (int i = 0; i < f->nwhere; i++) {
		const char *eq = strchr(f->where[i], '=');
		where_field[i] = eq ? uk_member_field_find(f->where[i], (size_t)(eq - f->where[i])) : -1;
		if (where_field[i] < 0) {
			uk_err("--where '%s': not COLUMN=VALUE with a member column", f->where[i]);
			status = UK_EX_USAGE;
			goto out;
		}
	}
	sqlite3_bind_text(st, 1, status_name, -1, SQLITE_STATIC);
	if (f->unit) sqlite3_bind_text(st, 2, f->unit, -1, SQLITE_STATIC);
	if (f->group) sqlite3_bind_text(st, 3, f->group, -1, SQLITE_STATIC);
	if (f->hardship) sqlite3_bind_text(st, 4, f->hardship, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, f->female);
	sqlite3_bind_int(st, 6, f->joined);
	sqlite3_bind_int(st, 7, f->left);
	if (f->where_key) sqlite3_bind_text(st, 8, f->where_key, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 9, f->by == UK_KEY_EMPLOYEE_NO ? 1 : f->by == UK_KEY_ID_CARD ? 2 :
	                 f->by == UK_KEY_MEMBER_NO ? 3 : 0);
	if (count_only) {
		int64_t n = 0;
		int found;
		status = uk_db_ints(db, st, &n, 1, &found, N_("cannot count members"));
		*count = (long)n;
	} else {
		struct list_ctx lc = {f, where_field, {w, mask, 0}, count};
		status = uk_db_each(db, st, list_row, &lc, N_("cannot list members"));
	}
out:
	sqlite3_finalize(st);
	free(where_field);
	return status;
}

/* The members a member_no may name: the one stored under it, first, and,
 * for a number as Excel leaves it, those whose member_no of digits is the
 * same number. Member numbers are zero-padded digits, and Excel drops the
 * zeros (000001 comes back as 1); a number that still has a leading zero
 * (0001) was typed so and names only itself. The padded forms are tried
 * as the index's keys, one leading zero more each time, up to the 32
 * characters a member_no may have: a few look-ups, never a scan. */
struct candidates {
	const char *name;
	int64_t id;                  /* the first's */
	char no[4][40];
	int n;
};

static int candidate_row(sqlite3_stmt *st, void *ctx)
{
	struct candidates *c = ctx;
	const char *s = uk_db_text(st, 1);
	if (c->n == 0)
		c->id = sqlite3_column_int64(st, 0);
	snprintf(c->no[c->n], sizeof c->no[c->n], "%s", s ? s : "");
	/* The member_no itself wins over the numbers it could stand for. */
	if (c->n++ == 0 && s && strcmp(s, c->name) == 0)
		return UK_DB_STOP;
	return 0;
}

static int member_no_lookup(struct uk_db *db, const char *name, int64_t *id,
                            char *no, size_t nosz, int *found, char *err, size_t errsz)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"WITH RECURSIVE p(s) AS (SELECT ?2 UNION ALL SELECT '0' || s FROM p WHERE length(s) < 32)"
		" SELECT id, member_no FROM members WHERE member_no IN (SELECT ?1 UNION SELECT s FROM p)"
		" ORDER BY member_no <> ?1, member_no LIMIT 4");
	size_t digits = strspn(name, "0123456789");
	struct candidates c = {name, 0, {""}, 0};
	int rc;

	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (digits > 0 && !name[digits] && digits < 32 && name[0] != '0')
		sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	rc = uk_db_each(db, st, candidate_row, &c, N_("cannot find member"));
	sqlite3_finalize(st);
	if (rc)
		return rc;
	if (c.n == 0) {
		uk_errf(err, errsz, "no member with member_no '%s'", name);
		return UK_EX_OK;
	}
	if (c.n > 1)
		return uk_errf(err, errsz, "member_no '%s' could be %s, %s%s%s%s (the zeros Excel drops): "
		               "give it whole", name, c.no[0], c.no[1], c.n > 2 ? ", " : "",
		               c.n > 2 ? c.no[2] : "", c.n > 3 ? ", ..." : "");
	*found = 1;
	*id = c.id;
	if (no)
		snprintf(no, nosz, "%s", c.no[0]);
	return UK_EX_OK;
}

/* The id and member_no of a look-up's row. */
struct found_member { int64_t *id; char *no; size_t nosz; };

static int found_member_row(sqlite3_stmt *st, void *ctx)
{
	struct found_member *fm = ctx;
	*fm->id = sqlite3_column_int64(st, 0);
	if (fm->no)
		snprintf(fm->no, fm->nosz, "%s", uk_db_text(st, 1));
	return 0;
}

int uk_member_resolve(struct uk_db *db, const char *name, enum uk_member_key by, int64_t *id,
                      char *no, size_t nosz, int *found, char *err, size_t errsz)
{
	static const char *const sql[] = {
		"", "SELECT id, member_no FROM members WHERE employee_no = ?1",
		"SELECT id, member_no FROM members WHERE id_card = upper(?1)",
	};
	struct found_member fm = {id, no, nosz};
	sqlite3_stmt *st;
	char key[128];
	int rc;

	*found = 0;
	/* A key typed by hand, perhaps in full-width digits (０００００２), is
	 * read as the importers read the file's: trimmed and folded. */
	snprintf(key, sizeof key, "%s", name);
	uk_fold_fullwidth(uk_trim(key));
	name = key;
	if (by == UK_KEY_DEFAULT || by == UK_KEY_MEMBER_NO)
		return member_no_lookup(db, name, id, no, nosz, found, err, errsz);
	if (!(st = uk_db_prepare(db, sql[by])))
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = uk_db_one(db, st, found_member_row, &fm, found, N_("cannot find member"));
	sqlite3_finalize(st);
	if (!rc && !*found && by == UK_KEY_EMPLOYEE_NO)
		uk_errf(err, errsz, "no member with employee_no '%s'", name);
	else if (!rc && !*found)
		uk_errf(err, errsz, "no member with id_card '%s'", name);
	return rc;
}

int uk_member_find(struct uk_db *db, const char *name, enum uk_member_key by, int64_t *id)
{
	char err[400];
	int found, rc = uk_member_resolve(db, name, by, id, NULL, 0, &found, err, sizeof err);
	if (rc > 0)
		return rc;
	if (rc == 0 && found)
		return UK_EX_OK;
	uk_err("%s", err);
	return UK_EX_DATAERR;
}

static const struct uk_outcol history_cols[] = {
	{"date", UK_COL_TEXT}, {"member_no", UK_COL_TEXT}, {"field", UK_COL_TEXT},
	{"old_value", UK_COL_TEXT}, {"new_value", UK_COL_TEXT}, {"note", UK_COL_TEXT},
	{"recorded_at", UK_COL_TEXT},
};

const struct uk_outcol *uk_member_history_cols(int *n)
{
	*n = (int)(sizeof history_cols / sizeof history_cols[0]);
	return history_cols;
}

struct history_ctx { struct uk_writer *w; int mask; };

static int history_row(sqlite3_stmt *st, void *ctx)
{
	const struct history_ctx *h = ctx;
	const char *vals[7];
	char *masked[2] = {NULL, NULL};
	int rc = UK_EX_OK;
	for (int i = 0; i < 7; i++)
		vals[i] = uk_db_text(st, i);
	if (h->mask && vals[2]) {
		/* Old and new values of personal fields are masked too. */
		char *(*fn)(const char *) = strcmp(vals[2], "name") == 0 ? uk_mask_name :
			strcmp(vals[2], "id_card") == 0 ? uk_mask_id :
			strcmp(vals[2], "phone") == 0 ? uk_mask_phone : NULL;
		for (int i = 0; fn && i < 2 && !rc; i++)
			if (vals[3 + i] && !(vals[3 + i] = masked[i] = fn(vals[3 + i])))
				rc = uk_err_nomem();
	}
	if (!rc && uk_writer_row(h->w, vals) != 0)
		rc = UK_DB_STOP;
	free(masked[0]);
	free(masked[1]);
	return rc;
}

int uk_members_history(struct uk_db *db, int64_t id, struct uk_writer *w, int mask)
{
	/* The first line is the record's creation, from the member row. */
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT substr(m.added_at, 1, 10), m.member_no, 'member', NULL, 'added', NULL, m.added_at, 0"
		" FROM members m WHERE m.id = ?1"
		" UNION ALL"
		" SELECT e.date, m.member_no, e.field, e.old_value, e.new_value, e.note, e.recorded_at, e.id"
		" FROM member_events e JOIN members m ON m.id = e.member_id WHERE e.member_id = ?1"
		" ORDER BY 8");
	struct history_ctx h = {w, mask};
	int rc;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, id);
	rc = uk_db_each(db, st, history_row, &h, N_("cannot read history"));
	sqlite3_finalize(st);
	return rc;
}

int uk_member_event(struct uk_db *db, sqlite3_stmt **st, int64_t id, const char *date,
                    const char *field, const char *old_value, const char *new_value,
                    const char *note, const char *recorded_at)
{
	int rc;
	if (!*st && !(*st = uk_db_prepare(db,
		"INSERT INTO member_events(member_id, date, field, old_value, new_value, note, recorded_at,"
		" allow_future) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?2 > substr(?7, 1, 10))")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(*st, 1, id);
	sqlite3_bind_text(*st, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 3, field, -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 4, old_value, -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 5, new_value, -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 6, note, -1, SQLITE_STATIC);
	sqlite3_bind_text(*st, 7, recorded_at, -1, SQLITE_STATIC);
	rc = uk_db_each(db, *st, NULL, NULL, N_("cannot record history"));
	sqlite3_clear_bindings(*st);
	return rc;
}

int uk_member_counts_add(struct uk_db *db, const char *status, long delta)
{
	sqlite3_stmt *st;
	int rc;
	if (!delta)
		return UK_EX_OK;
	if (!(st = uk_db_prepare(db, "UPDATE member_counts SET n = n + ?2 WHERE status = ?1")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, status, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, delta);
	rc = uk_db_each(db, st, NULL, NULL, N_("cannot count members"));
	sqlite3_finalize(st);
	return rc;
}

struct active_ctx { uk_member_dues_fn fn; void *ctx; };

static int active_row(sqlite3_stmt *st, void *ctx)
{
	const struct active_ctx *ac = ctx;
	char money[UK_MONEY_BUFSZ];
	const char *wage = sqlite3_column_type(st, 3) == SQLITE_NULL ? NULL :
		uk_money_format(sqlite3_column_int64(st, 3), money);
	return ac->fn(ac->ctx, uk_db_text(st, 0), uk_db_text(st, 1), uk_db_text(st, 2), wage);
}

int uk_members_each_active(struct uk_db *db, const char *date, const char *joined_by,
                           uk_member_dues_fn fn, void *ctx)
{
	/* Active on date, by the dated history of status changes. */
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT member_no, name, unit, wage_base FROM members m WHERE"
		" coalesce((SELECT new_value FROM member_events e WHERE e.member_id = m.id"
		"   AND e.field = 'status' AND e.date <= ?1 ORDER BY e.date DESC, e.id DESC LIMIT 1),"
		"  (SELECT old_value FROM member_events e WHERE e.member_id = m.id"
		"   AND e.field = 'status' ORDER BY e.date, e.id LIMIT 1), m.status) = 'active'"
		/* not yet joined (or hired, when the join date is not known) */
		" AND coalesce(m.join_date, m.hire_date, '') <= ?2"
		" ORDER BY member_no");
	struct active_ctx ac = {fn, ctx};
	int rc;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, joined_by, -1, SQLITE_STATIC);
	rc = uk_db_each(db, st, active_row, &ac, N_("cannot read members"));
	sqlite3_finalize(st);
	return rc;
}

struct value_at { int64_t *id; char *out; };

static int value_at_row(sqlite3_stmt *st, void *ctx)
{
	const struct value_at *va = ctx;
	*va->id = sqlite3_column_int64(st, 0);
	snprintf(va->out, 16, "%s", uk_db_text(st, 1));
	return 0;
}

int uk_member_value_at(struct uk_db *db, const char *name, enum uk_member_key by,
                       const char *field, const char *date, int64_t *id, char out[16], int *found)
{
	/* The value after the last change dated on or before date; before the
	 * first change, the value that change replaced; with no change, the
	 * value now. */
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT id, (SELECT coalesce((SELECT new_value FROM member_events e"
		"   WHERE e.member_id = m.id AND e.field = ?4 AND e.date <= ?2"
		"   ORDER BY e.date DESC, e.id DESC LIMIT 1),"
		"  (SELECT old_value FROM member_events e WHERE e.member_id = m.id"
		"   AND e.field = ?4 ORDER BY e.date, e.id LIMIT 1),"
		"  CASE ?4 WHEN 'status' THEN m.status ELSE m.hardship END))"
		" FROM members m WHERE CASE ?3 WHEN 1 THEN m.employee_no = ?1"
		" WHEN 2 THEN m.id_card = upper(?1) ELSE m.member_no = ?1 END");
	struct value_at va = {id, out};
	int rc;
	*found = 0;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, by == UK_KEY_EMPLOYEE_NO ? 1 : by == UK_KEY_ID_CARD ? 2 : 0);
	sqlite3_bind_text(st, 4, field, -1, SQLITE_STATIC);
	rc = uk_db_one(db, st, value_at_row, &va, found, N_("cannot read members"));
	sqlite3_finalize(st);
	return rc;
}

/* A member's status and hardship level on a date, from the dated history,
 * for the whole register in one pass over the (few) events: the latest
 * change on or before d ("date|id|value" strings compared), else
 * the value the first change replaced, else the value now. */
#define EVENTS_AT(d) \
	"WITH ev AS (SELECT member_id, field," \
	" max(CASE WHEN date <= " d " THEN date || printf('%012d', id) || coalesce(new_value, '') END) AS last," \
	" min(date || printf('%012d', id) || coalesce(old_value, '')) AS first" \
	" FROM member_events WHERE field = 'status' OR field = 'hardship' GROUP BY member_id, field) "
#define FIELD_AT(alias, column) \
	"coalesce(substr(coalesce(" alias ".last, " alias ".first), 23), m." column ")"
#define JOIN_EVENTS \
	" LEFT JOIN ev es ON es.member_id = m.id AND es.field = 'status'" \
	" LEFT JOIN ev eh ON eh.member_id = m.id AND eh.field = 'hardship'"

static int figures_row(sqlite3_stmt *st, void *ctx)
{
	struct uk_member_figures *f = ctx;
	/* In the order of the select. */
	long *const to[] = {
		&f->total, &f->female, &f->hardship, &f->joined, &f->left, &f->active, &f->retired,
		&f->relative, &f->deep, &f->accident, &f->left_left, &f->transferred, &f->deceased,
		&f->hardship_new, &f->hardship_out,
	};
	for (int i = 0; i < (int)(sizeof to / sizeof to[0]); i++)
		*to[i] = sqlite3_column_int64(st, i);
	return 0;
}

int uk_members_figures(struct uk_db *db, struct uk_period p, struct uk_member_figures *f)
{
	/* At the period's end: members active or retired (doc/domain.md), the
	 * women among them, those with a hardship level; in the period: who
	 * joined and who left. */
	sqlite3_stmt *st = uk_db_prepare(db,
		EVENTS_AT("?2")
		"SELECT count(*) FILTER (WHERE (s = 'active' OR s = 'retired')),"
		" count(*) FILTER (WHERE (s = 'active' OR s = 'retired') AND gender = 'female'),"
		" count(*) FILTER (WHERE (s = 'active' OR s = 'retired') AND h <> 'none'),"
		" count(*) FILTER (WHERE coalesce(join_date, hire_date) BETWEEN ?1 AND ?2),"
		" (SELECT count(DISTINCT member_id) FROM member_events WHERE field = 'status'"
		"   AND (new_value = 'left' OR new_value = 'transferred' OR new_value = 'deceased') AND date BETWEEN ?1 AND ?2),"
		" count(*) FILTER (WHERE s = 'active'), count(*) FILTER (WHERE s = 'retired'),"
		" count(*) FILTER (WHERE (s = 'active' OR s = 'retired') AND h = 'relative'),"
		" count(*) FILTER (WHERE (s = 'active' OR s = 'retired') AND h = 'deep'),"
		" count(*) FILTER (WHERE (s = 'active' OR s = 'retired') AND h = 'accident'),"
		" (SELECT count(DISTINCT member_id) FROM member_events WHERE field = 'status'"
		"   AND new_value = 'left' AND date BETWEEN ?1 AND ?2),"
		" (SELECT count(DISTINCT member_id) FROM member_events WHERE field = 'status'"
		"   AND new_value = 'transferred' AND date BETWEEN ?1 AND ?2),"
		" (SELECT count(DISTINCT member_id) FROM member_events WHERE field = 'status'"
		"   AND new_value = 'deceased' AND date BETWEEN ?1 AND ?2),"
		/* Hardship files opened in the period (a level set where there was
		 * none, or a member registered with one), and closed (脱困). */
		" (SELECT count(*) FROM (SELECT member_id FROM member_events WHERE field = 'hardship'"
		"    AND new_value <> 'none' AND coalesce(old_value, 'none') = 'none' AND date BETWEEN ?1 AND ?2"
		"   UNION SELECT x.id FROM members x WHERE substr(x.added_at, 1, 10) BETWEEN ?1 AND ?2"
		"    AND coalesce((SELECT h.old_value FROM member_events h WHERE h.member_id = x.id"
		"      AND h.field = 'hardship' ORDER BY h.date, h.id LIMIT 1), x.hardship) <> 'none')),"
		" (SELECT count(DISTINCT member_id) FROM member_events WHERE field = 'hardship'"
		"   AND new_value = 'none' AND old_value <> 'none' AND date BETWEEN ?1 AND ?2)"
		" FROM (SELECT m.gender, m.join_date, m.hire_date, " FIELD_AT("es", "status") " AS s, "
		FIELD_AT("eh", "hardship") " AS h FROM members m" JOIN_EVENTS
		"       WHERE coalesce(m.join_date, m.hire_date, '') <= ?2)");
	int rc, found;
	memset(f, 0, sizeof *f);
	if (!st)
		return UK_EX_SOFTWARE;
	uk_db_bind_period(st, 1, p);
	rc = uk_db_one(db, st, figures_row, f, &found, N_("cannot count members"));
	sqlite3_finalize(st);
	return rc;
}

struct unit_ctx { uk_count_fn fn; void *ctx; };

static int unit_row(sqlite3_stmt *st, void *ctx)
{
	const struct unit_ctx *uc = ctx;
	return uc->fn(uc->ctx, uk_db_text(st, 0), sqlite3_column_int64(st, 1));
}

int uk_members_by_unit(struct uk_db *db, struct uk_date date, uk_count_fn fn, void *ctx)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		EVENTS_AT("?1")
		"SELECT coalesce(unit, ''), count(*) FROM (SELECT m.unit, " FIELD_AT("es", "status") " AS s"
		" FROM members m" JOIN_EVENTS " WHERE coalesce(m.join_date, m.hire_date, '') <= ?1)"
		" WHERE s = 'active' OR s = 'retired'"
		" GROUP BY 1 ORDER BY 2 DESC, 1");
	struct unit_ctx uc = {fn, ctx};
	char d[UK_DATE_BUFSZ];
	int rc;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, uk_date_format(date, d), -1, SQLITE_STATIC);
	rc = uk_db_each(db, st, unit_row, &uc, N_("cannot count members"));
	sqlite3_finalize(st);
	return rc;
}

int uk_members_review_due(struct uk_db *db, struct uk_date at, int64_t **ids, long *n)
{
	char atd[UK_DATE_BUFSZ];
	/* The last day the file was set or reviewed; a member registered
	 * with a level has had it since registering. */
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT m.id FROM members m WHERE m.hardship <> 'none' AND m.status IN ('active', 'retired')"
		" AND julianday(?1) - julianday(coalesce((SELECT max(e.date) FROM member_events e"
		"   WHERE e.member_id = m.id AND (e.field = 'hardship' OR e.field = 'hardship_review')"
		"   AND e.new_value <> 'none' AND e.date <= ?1), substr(m.added_at, 1, 10))) > 365"
		" ORDER BY m.member_no");
	*ids = NULL;
	*n = 0;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, uk_date_format(at, atd), -1, SQLITE_STATIC);
	return uk_db_collect_ids(db, st, ids, n);
}
