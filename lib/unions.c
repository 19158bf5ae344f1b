/* unions.c - writing the federation's register: unions added and changed
 * (only what differs is written, so that a change is dated and an import
 * can run twice), dissolved, their collective contracts and audits. */
#include "uk_unions.h"
#include "uk_batch.h"
#include "uk_cli.h"
#include "uk_i18n.h"
#include "uk_ids.h"
#include "uk_money.h"
#include "uk_text.h"
#include "uk_vocabs.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int given(const char *s) { return s && *s; }

static int write_step(struct uk_db *db, sqlite3_stmt *st, const char *what)
{
	int rc = uk_db_each(db, st, NULL, NULL, what);
	sqlite3_finalize(st);
	return rc;
}

static int text_ok(const char *s, const char *what, size_t max, char *err, size_t errsz)
{
	if (given(s) && (strlen(s) > max || uk_text_has_control(s, max > 500)))
		return uk_errf(err, errsz, "%s: control characters or longer than %zu bytes", what, max);
	return 0;
}

/* A date given, in canonical form into buf; not after today unless
 * allowed. */
static int date_ok(const char *s, const char *what, int allow_future, struct uk_date *d, char buf[UK_DATE_BUFSZ],
                   char *err, size_t errsz)
{
	const char *why;
	if (uk_date_parse(s, d, &why) != 0)
		return uk_errf(err, errsz, "%s: %s in '%s'", what, why, s);
	uk_date_format(*d, buf);
	return uk_future_check(*d, allow_future, err, errsz);
}

/* A unified social credit code as typed, into canon; a wrong check
 * character is kept with a warning (some early codes fail it). */
static int uscc_ok(const char *s, const struct uk_union_in *in, char canon[UK_USCC_BUFSZ], char *err,
                   size_t errsz)
{
	int rc = uk_uscc_canon(s, canon);
	if (rc < 0)
		return uk_errf(err, errsz, "code '%s' is not a unified social credit code "
		               "(18 characters of 0-9 A-Y without I O S V Z)", s);
	if (rc > 0 && in && !in->quiet)
		uk_err_at(in->file, in->line, "warning: check character of code '%s' is wrong (kept: some early codes fail it)",
		          canon);
	return 0;
}

/* The union named by its name or its code. */
struct union_row { int64_t id; char type[8]; char name[256]; char founded[UK_DATE_BUFSZ]; char dissolved[UK_DATE_BUFSZ]; };

static int row_of(sqlite3_stmt *st, void *ctx)
{
	struct union_row *u = ctx;
	u->id = sqlite3_column_int64(st, 0);
	snprintf(u->type, sizeof u->type, "%s", uk_db_text(st, 1) ? uk_db_text(st, 1) : "");
	snprintf(u->name, sizeof u->name, "%s", uk_db_text(st, 2) ? uk_db_text(st, 2) : "");
	snprintf(u->founded, sizeof u->founded, "%s", uk_db_text(st, 3) ? uk_db_text(st, 3) : "");
	snprintf(u->dissolved, sizeof u->dissolved, "%s", uk_db_text(st, 4) ? uk_db_text(st, 4) : "");
	return 0;
}

static int find_union(struct uk_db *db, const char *which, struct union_row *u, int *found)
{
	/* A name as typed, spaces around it aside; a code in either case,
	 * full-width or not. */
	sqlite3_stmt *st = uk_db_prepare(db, "SELECT id, type, name, founded, dissolved_on FROM unions"
	                                     " WHERE name = ?1 OR code = upper(?2)"
	                                     " ORDER BY name = ?1 DESC, dissolved_on IS NULL DESC, id DESC LIMIT 1");
	char name[512], code[512];
	int rc;
	memset(u, 0, sizeof *u);
	if (!st)
		return UK_EX_SOFTWARE;
	snprintf(name, sizeof name, "%s", which);
	uk_trim(name);
	snprintf(code, sizeof code, "%s", name);
	uk_fold_fullwidth(code);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	rc = uk_db_one(db, st, row_of, u, found, N_("cannot read the register"));
	sqlite3_finalize(st);
	return rc;
}

int uk_union_find(struct uk_db *db, const char *which, int64_t *id)
{
	struct union_row u;
	int found, rc = find_union(db, which, &u, &found);
	*id = !rc && found ? u.id : 0;
	return rc;
}

static int union_named(struct uk_db *db, const char *which, struct union_row *u, char *err, size_t errsz)
{
	int found, rc;
	if (!given(which))
		return uk_errf(err, errsz, "no union named");
	if ((rc = find_union(db, which, u, &found)) != 0)
		return rc;
	if (!found)
		return uk_errf(err, errsz, "no union '%s' in the register", which);
	return 0;
}

/* One firm NAME[:USCC[:WORKERS]]. */
struct firm { char name[512], code[32]; long workers; int has_workers; };

static int firm_parse(const char *spec, const struct uk_union_in *in, struct firm *f, char *err, size_t errsz)
{
	char buf[512], *code, *workers;
	memset(f, 0, sizeof *f);
	if (strlen(spec) >= sizeof buf)
		return uk_errf(err, errsz, "firm '%.40s…' is longer than %zu bytes", spec, sizeof buf - 1);
	snprintf(buf, sizeof buf, "%s", spec);
	/* A full-width colon (：) separates as ':' does. */
	for (char *w; (w = strstr(buf, "：")) != NULL;) {
		*w = ':';
		memmove(w + 1, w + strlen("："), strlen(w + strlen("：")) + 1);
	}
	if ((code = strchr(buf, ':')) != NULL) {
		*code++ = '\0';
		if ((workers = strchr(code, ':')) != NULL)
			*workers++ = '\0';
		uk_trim(code);
		if (*code) {
			int rc = uscc_ok(code, in, f->code, err, errsz);
			if (rc)
				return rc;
		}
		if (workers && *uk_trim(workers)) {
			int rc = uk_whole_check(workers, N_("workers of a firm"), 0, 10000000, &f->workers, err, errsz);
			if (rc)
				return rc;
			f->has_workers = 1;
		}
	}
	uk_trim(buf);
	if (!*buf)
		return uk_errf(err, errsz, "a firm needs its name: NAME[:USCC[:WORKERS]], not '%s'", spec);
	if (text_ok(buf, "firm", 200, err, errsz))
		return -1;
	snprintf(f->name, sizeof f->name, "%s", buf);
	return 0;
}

/* A firm's open period of cover. */
struct cover { int64_t id; char code[32], since[UK_DATE_BUFSZ]; long workers; int has_workers; };

static int cover_of(sqlite3_stmt *st, void *ctx)
{
	struct cover *c = ctx;
	c->id = sqlite3_column_int64(st, 0);
	snprintf(c->code, sizeof c->code, "%s", uk_db_text(st, 1) ? uk_db_text(st, 1) : "");
	c->has_workers = sqlite3_column_type(st, 2) != SQLITE_NULL;
	c->workers = (long)sqlite3_column_int64(st, 2);
	snprintf(c->since, sizeof c->since, "%s", uk_db_text(st, 3) ? uk_db_text(st, 3) : "");
	return 0;
}

/* The firms of a union: one that left first, then those given, each
 * added, or changed where its code or workers differ or its cover starts
 * earlier. A single-employer union covers one firm. */
static int apply_firms(struct uk_db *db, int64_t id, const char *type, const char *day,
                       const struct uk_union_in *in, int *changed, char *err, size_t errsz)
{
	char stamp[20];
	int rc;
	uk_timestamp(stamp);
	if (given(in->firm_left)) {
		sqlite3_stmt *st = uk_db_prepare(db, "UPDATE union_firms SET until = ?3 WHERE union_id = ?1 AND name = ?2"
		                                     " AND until IS NULL AND (since IS NULL OR since <= ?3)");
		if (!st)
			return UK_EX_SOFTWARE;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, in->firm_left, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, day, -1, SQLITE_STATIC);
		if ((rc = write_step(db, st, N_("cannot record the firm"))) != 0)
			return rc;
		if (!sqlite3_changes(uk_db_sqlite(db)))
			return uk_errf(err, errsz, "the union covers no firm '%s' on %s", in->firm_left, day);
		*changed = 1;
	}
	for (int i = 0; i < in->nfirms; i++) {
		struct firm f;
		struct cover cur;
		sqlite3_stmt *st;
		int found;
		if ((rc = firm_parse(in->firms[i], in, &f, err, errsz)) != 0)
			return rc;
		/* The firm's period of cover open now, if any. */
		if (!(st = uk_db_prepare(db, "SELECT id, code, workers, since FROM union_firms"
		                             " WHERE union_id = ?1 AND name = ?2 AND until IS NULL")))
			return UK_EX_SOFTWARE;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, f.name, -1, SQLITE_STATIC);
		rc = uk_db_one(db, st, cover_of, &cur, &found, N_("cannot read the firms"));
		sqlite3_finalize(st);
		if (rc)
			return rc;
		if (found) {
			/* What is not given is kept; cover may start earlier. */
			int same = (!*f.code || !strcmp(f.code, cur.code)) &&
			           (!f.has_workers || (cur.has_workers && f.workers == cur.workers)) &&
			           (!*cur.since || strcmp(day, cur.since) >= 0);
			if (same)
				continue;
			if (!(st = uk_db_prepare(db, "UPDATE union_firms SET code = coalesce(?2, code),"
			                             " workers = CASE WHEN ?3 THEN ?4 ELSE workers END,"
			                             " since = CASE WHEN since IS NULL OR ?5 < since THEN ?5 ELSE since END"
			                             " WHERE id = ?1")))
				return UK_EX_SOFTWARE;
			sqlite3_bind_int64(st, 1, cur.id);
			if (*f.code)
				sqlite3_bind_text(st, 2, f.code, -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 3, f.has_workers);
			sqlite3_bind_int64(st, 4, f.workers);
			sqlite3_bind_text(st, 5, day, -1, SQLITE_STATIC);
		} else {
			int64_t others = 0;
			if (!(st = uk_db_prepare(db, "SELECT count(*) FROM union_firms WHERE union_id = ?1 AND until IS NULL")))
				return UK_EX_SOFTWARE;
			sqlite3_bind_int64(st, 1, id);
			rc = uk_db_ints(db, st, &others, 1, &found, N_("cannot read the firms"));
			sqlite3_finalize(st);
			if (rc)
				return rc;
			if (!strcmp(type, "single") && others)
				return uk_errf(err, errsz, "a single-employer union (单建) covers one firm: it has one, not '%s'",
				               f.name);
			if (!(st = uk_db_prepare(db, "INSERT INTO union_firms(union_id, name, code, workers, since, recorded_at)"
			                             " VALUES (?1, ?2, ?3, CASE WHEN ?4 THEN ?5 END, ?6, ?7)")))
				return UK_EX_SOFTWARE;
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_text(st, 2, f.name, -1, SQLITE_STATIC);
			if (*f.code)
				sqlite3_bind_text(st, 3, f.code, -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 4, f.has_workers);
			sqlite3_bind_int64(st, 5, f.workers);
			sqlite3_bind_text(st, 6, day, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 7, stamp, -1, SQLITE_STATIC);
		}
		if ((rc = write_step(db, st, N_("cannot record the firm"))) != 0)
			return rc;
		*changed = 1;
	}
	return 0;
}

/* The dated facts: a row with the fields that differ from those on
 * record on the day, none when none does. */
static int apply_facts(struct uk_db *db, int64_t id, const char *day, const struct uk_union_in *in, int *changed,
                       char *err, size_t errsz)
{
	const char *fund = NULL;
	long members = 0, mediators = 0;
	int64_t size = 0;
	const char *why;
	char stamp[20];
	sqlite3_stmt *st;
	int rc;

	if (given(in->hardship_fund) && !(fund = uk_vocab_slug_of(UK_V_HARDSHIP_FUND, in->hardship_fund)))
		return uk_errf(err, errsz, "hardship fund '%s': yes (已建), no (未建) or n/a (不适用)", in->hardship_fund);
	if (given(in->members) && (rc = uk_whole_check(in->members, N_("members"), 0, 10000000, &members, err, errsz)))
		return rc;
	if (given(in->mediators) && (rc = uk_whole_check(in->mediators, N_("mediators"), 0, 100000, &mediators, err, errsz)))
		return rc;
	if (given(in->fund_size) && (uk_money_parse(in->fund_size, &size, &why) != 0 || size < 0))
		return uk_errf(err, errsz, "fund size must be an amount in yuan, not '%s'", in->fund_size);
	if (text_ok(in->chair, "chair", 100, err, errsz))
		return -1;
	if (!given(in->chair) && !fund && !given(in->members) && !given(in->mediators) && !given(in->fund_size))
		return 0;
	/* Each field NULL where it is not given or is already so on the day. */
	if (!(st = uk_db_prepare(db,
		"WITH cur AS (SELECT"
		"  (SELECT chair FROM union_facts WHERE union_id = ?1 AND date <= ?2 AND chair IS NOT NULL"
		"   ORDER BY date DESC, id DESC LIMIT 1) AS chair,"
		"  (SELECT members FROM union_facts WHERE union_id = ?1 AND date <= ?2 AND members IS NOT NULL"
		"   ORDER BY date DESC, id DESC LIMIT 1) AS members,"
		"  (SELECT hardship_fund FROM union_facts WHERE union_id = ?1 AND date <= ?2 AND hardship_fund IS NOT NULL"
		"   ORDER BY date DESC, id DESC LIMIT 1) AS fund,"
		"  (SELECT fund_size FROM union_facts WHERE union_id = ?1 AND date <= ?2 AND fund_size IS NOT NULL"
		"   ORDER BY date DESC, id DESC LIMIT 1) AS size,"
		"  (SELECT mediators FROM union_facts WHERE union_id = ?1 AND date <= ?2 AND mediators IS NOT NULL"
		"   ORDER BY date DESC, id DESC LIMIT 1) AS mediators)"
		" INSERT INTO union_facts(union_id, date, chair, members, hardship_fund, fund_size, mediators, recorded_at)"
		" SELECT ?1, ?2, nullif(?3, chair), CASE WHEN ?4 IS NOT members THEN ?4 END, nullif(?5, fund),"
		"  CASE WHEN ?6 IS NOT size THEN ?6 END, CASE WHEN ?7 IS NOT mediators THEN ?7 END, ?8 FROM cur"
		" WHERE ?3 IS NOT chair AND ?3 IS NOT NULL OR ?4 IS NOT members AND ?4 IS NOT NULL"
		"  OR ?5 IS NOT fund AND ?5 IS NOT NULL OR ?6 IS NOT size AND ?6 IS NOT NULL"
		"  OR ?7 IS NOT mediators AND ?7 IS NOT NULL")))
		return UK_EX_SOFTWARE;
	uk_timestamp(stamp);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	if (given(in->chair))
		sqlite3_bind_text(st, 3, in->chair, -1, SQLITE_STATIC);
	if (given(in->members))
		sqlite3_bind_int64(st, 4, members);
	if (fund)
		sqlite3_bind_text(st, 5, fund, -1, SQLITE_STATIC);
	if (given(in->fund_size))
		sqlite3_bind_int64(st, 6, size);
	if (given(in->mediators))
		sqlite3_bind_int64(st, 7, mediators);
	sqlite3_bind_text(st, 8, stamp, -1, SQLITE_STATIC);
	if ((rc = write_step(db, st, N_("cannot record the union's facts"))) != 0)
		return rc;
	if (sqlite3_changes(uk_db_sqlite(db)))
		*changed = 1;
	return 0;
}

static int apply_congress(struct uk_db *db, int64_t id, const struct uk_union_in *in, int *changed, char *err,
                          size_t errsz)
{
	struct uk_date d;
	char day[UK_DATE_BUFSZ], stamp[20];
	sqlite3_stmt *st;
	int rc;
	if (!given(in->congress))
		return 0;
	if ((rc = date_ok(in->congress, "congress", in->allow_future, &d, day, err, errsz)) != 0)
		return rc;
	if (!(st = uk_db_prepare(db, "INSERT INTO union_congresses(union_id, date, recorded_at) VALUES (?1, ?2, ?3)"
	                             " ON CONFLICT (union_id, date) DO NOTHING")))
		return UK_EX_SOFTWARE;
	uk_timestamp(stamp);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, stamp, -1, SQLITE_STATIC);
	if ((rc = write_step(db, st, N_("cannot record the congress"))) != 0)
		return rc;
	if (sqlite3_changes(uk_db_sqlite(db)))
		*changed = 1;
	return 0;
}

/* The identity fields checked: type slug, code, founded. */
struct ident { const char *type; char code[32], founded[UK_DATE_BUFSZ]; };

static int ident_ok(const struct uk_union_in *in, struct ident *id, char *err, size_t errsz)
{
	struct uk_date d;
	int rc;
	memset(id, 0, sizeof *id);
	if (given(in->type) && !(id->type = uk_vocab_slug_of(UK_V_UNION_TYPE, in->type)))
		return uk_errf(err, errsz, "type '%s': 单建 (single) or 联合 (joint)", in->type);
	if (given(in->code) && (rc = uscc_ok(in->code, in, id->code, err, errsz)) != 0)
		return rc;
	/* A union is registered as one: its own code begins with 81; its
	 * employer's goes with --firm. */
	if (given(in->code) && strncmp(id->code, "81", 2) != 0)
		return uk_errf(err, errsz, "code %s: a trade union's code begins with 81 (a firm's goes with --firm)",
		               id->code);
	if (given(in->founded) && (rc = date_ok(in->founded, "founded", in->allow_future, &d, id->founded, err, errsz)))
		return rc;
	return 0;
}

static int code_taken(struct uk_db *db, const char *code, int64_t self, char *err, size_t errsz)
{
	struct union_row u;
	int found, rc;
	if (!*code)
		return 0;
	if ((rc = find_union(db, code, &u, &found)) != 0)
		return rc;
	if (found && u.id != self)
		return uk_errf(err, errsz, "code %s is the code of '%s' in the register", code, u.name);
	return 0;
}

/* The day of the facts: given, else default_day, else today. */
static int facts_day(const struct uk_union_in *in, const char *default_day, char day[UK_DATE_BUFSZ], char *err,
                     size_t errsz)
{
	struct uk_date d;
	if (given(in->date))
		return date_ok(in->date, "date", in->allow_future, &d, day, err, errsz);
	if (default_day && *default_day)
		snprintf(day, UK_DATE_BUFSZ, "%s", default_day);
	else
		uk_date_format(uk_date_today(), day);
	return 0;
}

static int apply_all(struct uk_db *db, int64_t id, const char *type, const char *day, const struct uk_union_in *in,
                     int *changed, char *err, size_t errsz)
{
	int rc;
	if ((rc = apply_firms(db, id, type, day, in, changed, err, errsz)) != 0 ||
	    (rc = apply_facts(db, id, day, in, changed, err, errsz)) != 0)
		return rc;
	return apply_congress(db, id, in, changed, err, errsz);
}

int uk_union_add(struct uk_db *db, const struct uk_union_in *in, int64_t *id, char *err, size_t errsz)
{
	struct ident idn;
	struct union_row u;
	char stamp[20], day[UK_DATE_BUFSZ];
	sqlite3_stmt *st;
	int rc, found, changed = 0;

	char name[512];

	*id = 0;
	snprintf(name, sizeof name, "%s", in->name ? in->name : "");
	uk_trim(name);
	if (!*name)
		return uk_errf(err, errsz, "a union needs its name");
	if (text_ok(name, "name", 200, err, errsz))
		return -1;
	if (!given(in->type))
		return uk_errf(err, errsz, "a union needs its type: 单建 (single) or 联合 (joint)");
	if ((rc = ident_ok(in, &idn, err, errsz)) != 0 || (rc = facts_day(in, idn.founded, day, err, errsz)) != 0)
		return rc;
	if ((rc = find_union(db, name, &u, &found)) != 0)
		return rc;
	if (found && !strcmp(u.name, name) && !*u.dissolved)
		return uk_errf(err, errsz, "'%s' is in the register already (change it with set)", name);
	if ((rc = code_taken(db, idn.code, 0, err, errsz)) != 0)
		return rc;
	if (!(st = uk_db_prepare(db, "INSERT INTO unions(name, type, code, founded, recorded_at)"
	                             " VALUES (?1, ?2, ?3, ?4, ?5)")))
		return UK_EX_SOFTWARE;
	uk_timestamp(stamp);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, idn.type, -1, SQLITE_STATIC);
	if (*idn.code)
		sqlite3_bind_text(st, 3, idn.code, -1, SQLITE_STATIC);
	if (*idn.founded)
		sqlite3_bind_text(st, 4, idn.founded, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, stamp, -1, SQLITE_STATIC);
	if ((rc = write_step(db, st, N_("cannot add the union"))) != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(uk_db_sqlite(db));
	return apply_all(db, *id, idn.type, day, in, &changed, err, errsz);
}

static int set_union(struct uk_db *db, struct union_row u, const struct uk_union_in *in, int *changed,
                     char *err, size_t errsz);

int uk_union_set(struct uk_db *db, const char *which, const struct uk_union_in *in, int *changed,
                 char *err, size_t errsz)
{
	struct union_row u;
	int rc;
	*changed = 0;
	if ((rc = union_named(db, which, &u, err, errsz)) != 0)
		return rc;
	return set_union(db, u, in, changed, err, errsz);
}

static int set_union(struct uk_db *db, struct union_row u, const struct uk_union_in *in, int *changed,
                     char *err, size_t errsz)
{
	struct ident idn;
	char day[UK_DATE_BUFSZ], new_name[512];
	sqlite3_stmt *st;
	int rc;

	*changed = 0;
	if ((rc = ident_ok(in, &idn, err, errsz)) != 0 || (rc = facts_day(in, NULL, day, err, errsz)) != 0)
		return rc;
	snprintf(new_name, sizeof new_name, "%s", in->new_name ? in->new_name : "");
	uk_trim(new_name);
	if (*new_name) {
		struct union_row other;
		int found;
		if (text_ok(new_name, "name", 200, err, errsz))
			return -1;
		if ((rc = find_union(db, new_name, &other, &found)) != 0)
			return rc;
		if (found && other.id != u.id && !strcmp(other.name, new_name) && !*other.dissolved)
			return uk_errf(err, errsz, "'%s' is the name of another union in the register", new_name);
	}
	if ((rc = code_taken(db, idn.code, u.id, err, errsz)) != 0)
		return rc;
	if (idn.type && !strcmp(idn.type, "single") && strcmp(u.type, "single")) {
		int64_t n = 0;
		int found;
		/* A firm leaving in the same change does not count. */
		if (!(st = uk_db_prepare(db, "SELECT count(*) FROM union_firms WHERE union_id = ?1 AND until IS NULL"
		                             " AND name IS NOT ?2")))
			return UK_EX_SOFTWARE;
		sqlite3_bind_int64(st, 1, u.id);
		if (given(in->firm_left))
			sqlite3_bind_text(st, 2, in->firm_left, -1, SQLITE_STATIC);
		rc = uk_db_ints(db, st, &n, 1, &found, N_("cannot read the firms"));
		sqlite3_finalize(st);
		if (rc)
			return rc;
		if (n > 1)
			return uk_errf(err, errsz, "'%s' covers %lld firms: a single-employer union (单建) covers one",
			               u.name, (long long)n);
	}
	/* The identity, where it differs. */
	if (!(st = uk_db_prepare(db, "UPDATE unions SET name = coalesce(?2, name), type = coalesce(?3, type),"
	                             " code = coalesce(?4, code), founded = coalesce(?5, founded) WHERE id = ?1"
	                             " AND (?2 IS NOT NULL AND ?2 IS NOT name OR ?3 IS NOT NULL AND ?3 IS NOT type"
	                             "  OR ?4 IS NOT NULL AND ?4 IS NOT code OR ?5 IS NOT NULL AND ?5 IS NOT founded)")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, u.id);
	if (*new_name)
		sqlite3_bind_text(st, 2, new_name, -1, SQLITE_STATIC);
	if (idn.type)
		sqlite3_bind_text(st, 3, idn.type, -1, SQLITE_STATIC);
	if (*idn.code)
		sqlite3_bind_text(st, 4, idn.code, -1, SQLITE_STATIC);
	if (*idn.founded)
		sqlite3_bind_text(st, 5, idn.founded, -1, SQLITE_STATIC);
	if ((rc = write_step(db, st, N_("cannot change the union"))) != 0)
		return rc;
	if (sqlite3_changes(uk_db_sqlite(db)))
		*changed = 1;
	if ((rc = apply_all(db, u.id, idn.type ? idn.type : u.type, day, in, changed, err, errsz)) != 0)
		return rc;
	/* A dissolved union stays as it was: a record that repeats it (the
	 * register's spreadsheet imported again) changes nothing and is
	 * taken; a change is refused, and the caller's transaction undoes
	 * what was written. */
	if (*changed && *u.dissolved)
		return uk_errf(err, errsz, "'%s' was dissolved on %s", u.name, u.dissolved);
	return 0;
}

int uk_union_dissolve(struct uk_db *db, const char *which, const char *date, const char *reason,
                      int allow_future, char *err, size_t errsz)
{
	struct union_row u;
	struct uk_date d;
	char day[UK_DATE_BUFSZ];
	sqlite3_stmt *st;
	int rc;
	if ((rc = union_named(db, which, &u, err, errsz)) != 0)
		return rc;
	if (*u.dissolved)
		return uk_errf(err, errsz, "'%s' was dissolved on %s already", u.name, u.dissolved);
	if (!given(date))
		return uk_errf(err, errsz, "dissolve needs the date (--date)");
	if ((rc = date_ok(date, "date", allow_future, &d, day, err, errsz)) != 0 ||
	    (rc = uk_void_reason_check(reason, err, errsz)) != 0)
		return rc;
	if (*u.founded && strcmp(day, u.founded) < 0)
		return uk_errf(err, errsz, "'%s' was founded on %s, after %s", u.name, u.founded, day);
	if (!(st = uk_db_prepare(db, "UPDATE unions SET dissolved_on = ?2, dissolve_reason = ?3 WHERE id = ?1")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, u.id);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, reason, -1, SQLITE_STATIC);
	return write_step(db, st, N_("cannot dissolve the union"));
}

/* A contract's last day: the day before the anniversary of its signing
 * after its term. */
static struct uk_date contract_end(struct uk_date s, long years)
{
	struct uk_date e = {s.y + (int)years, s.m, s.d};
	/* Signed on 29 February: the anniversary a common year lacks is its
	 * month's last day, which ends the term itself. */
	if (e.m == 2 && e.d == 29 && !uk_date_valid(e.y, 2, 29)) {
		e.d = 28;
		return e;
	}
	return uk_date_from_days(uk_date_to_days(e) - 1);
}

/* A percentage with one decimal at most (5, 5.5, 5.5%), in per mille. */
static int pct_ok(const char *s, long *permille, char *err, size_t errsz)
{
	char buf[32];
	const char *why;
	int64_t hundredths;
	size_t n;
	snprintf(buf, sizeof buf, "%s", s);
	uk_fold_fullwidth(uk_trim(buf));
	n = strlen(buf);
	if (n && buf[n - 1] == '%')
		buf[n - 1] = '\0';
	if (uk_money_parse(buf, &hundredths, &why) != 0 || hundredths % 10 || hundredths < -10000 ||
	    hundredths > 100000)
		return uk_errf(err, errsz, "wage increase must be a percentage such as 5 or 5.5, not '%s'", s);
	*permille = (long)(hundredths / 10);
	return 0;
}

int uk_union_contract(struct uk_db *db, const struct uk_contract_in *in, int64_t *id, char *err, size_t errsz)
{
	struct union_row u;
	struct uk_date d;
	const char *kind = given(in->kind) ? uk_vocab_slug_of(UK_V_CONTRACT_KIND, in->kind) : NULL;
	char signed_on[UK_DATE_BUFSZ], ends[UK_DATE_BUFSZ], stamp[20];
	long years, workers, pct = 0;
	sqlite3_stmt *st;
	int rc, found;
	int64_t dup = 0;

	*id = 0;
	if ((rc = union_named(db, in->which, &u, err, errsz)) != 0)
		return rc;
	if (!kind)
		return uk_errf(err, errsz, "contract kind '%s': 集体合同 (collective), 工资专项 (wage) or 女职工专项 (women)",
		               in->kind ? in->kind : "");
	if (!given(in->signed_on))
		return uk_errf(err, errsz, "a contract needs the day it was signed (--signed)");
	if ((rc = date_ok(in->signed_on, "signed", in->allow_future, &d, signed_on, err, errsz)) != 0 ||
	    (rc = uk_whole_check(in->term_years, N_("term"), 1, 10, &years, err, errsz)) != 0 ||
	    (rc = uk_whole_check(in->workers, N_("workers"), 1, 10000000, &workers, err, errsz)) != 0)
		return rc;
	if (given(in->wage_increase) && (rc = pct_ok(in->wage_increase, &pct, err, errsz)) != 0)
		return rc;
	if (*u.dissolved && strcmp(signed_on, u.dissolved) >= 0)
		return uk_errf(err, errsz, "'%s' was dissolved on %s", u.name, u.dissolved);
	uk_date_format(contract_end(d, years), ends);
	if (!(st = uk_db_prepare(db, "SELECT id FROM union_contracts WHERE union_id = ?1 AND kind = ?2 AND signed = ?3"
	                             " AND voided_at IS NULL")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, u.id);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, signed_on, -1, SQLITE_STATIC);
	rc = uk_db_ints(db, st, &dup, 1, &found, N_("cannot read the contracts"));
	sqlite3_finalize(st);
	if (rc)
		return rc;
	if (found)
		return uk_errf(err, errsz, "the %s of '%s' signed on %s is recorded already (contract %lld)",
		               uk_vocab_zh(uk_vocab_of(UK_V_CONTRACT_KIND), kind), u.name, signed_on, (long long)dup);
	if (!(st = uk_db_prepare(db, "INSERT INTO union_contracts(union_id, kind, signed, ends, term_years, workers,"
	                             " wage_increase, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")))
		return UK_EX_SOFTWARE;
	uk_timestamp(stamp);
	sqlite3_bind_int64(st, 1, u.id);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, signed_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, ends, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, years);
	sqlite3_bind_int64(st, 6, workers);
	if (given(in->wage_increase))
		sqlite3_bind_int64(st, 7, pct);
	sqlite3_bind_text(st, 8, stamp, -1, SQLITE_STATIC);
	if ((rc = write_step(db, st, N_("cannot record the contract"))) != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(uk_db_sqlite(db));
	return 0;
}

static int no_findings(const char *findings)
{
	static const char *const none[] = {"无", "没有", "无问题", "未发现问题", "none", NULL};
	char buf[64];
	snprintf(buf, sizeof buf, "%s", findings);
	uk_trim(buf);
	for (const char *const *n = none; *n; n++)
		if (!strcmp(buf, *n))
			return 1;
	return 0;
}

int uk_union_audit(struct uk_db *db, const char *which, const char *date, const char *findings,
                   const char *rectified, int allow_future, int64_t *id, char *err, size_t errsz)
{
	struct union_row u;
	struct uk_date d, r;
	char day[UK_DATE_BUFSZ], fixed[UK_DATE_BUFSZ] = "", stamp[20];
	sqlite3_stmt *st;
	int rc;

	*id = 0;
	if ((rc = union_named(db, which, &u, err, errsz)) != 0)
		return rc;
	if (!given(date))
		return uk_errf(err, errsz, "an audit needs its date (--date)");
	if ((rc = date_ok(date, "date", allow_future, &d, day, err, errsz)) != 0)
		return rc;
	if (!given(findings))
		return uk_errf(err, errsz, "an audit needs its findings (--findings; 无 when there were none)");
	if (text_ok(findings, "findings", 2000, err, errsz))
		return -1;
	/* An audit that found nothing has nothing to rectify. */
	if (!given(rectified) && no_findings(findings))
		rectified = date;
	if (given(rectified)) {
		if ((rc = date_ok(rectified, "rectified", allow_future, &r, fixed, err, errsz)) != 0)
			return rc;
		if (uk_date_cmp(r, d) < 0)
			return uk_errf(err, errsz, "rectified on %s, before the audit of %s", fixed, day);
	}
	if (!(st = uk_db_prepare(db, "INSERT INTO union_audits(union_id, date, findings, rectified, recorded_at)"
	                             " VALUES (?1, ?2, ?3, ?4, ?5)")))
		return UK_EX_SOFTWARE;
	uk_timestamp(stamp);
	sqlite3_bind_int64(st, 1, u.id);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, findings, -1, SQLITE_STATIC);
	if (*fixed)
		sqlite3_bind_text(st, 4, fixed, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, stamp, -1, SQLITE_STATIC);
	if ((rc = write_step(db, st, N_("cannot record the audit"))) != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(uk_db_sqlite(db));
	return 0;
}

struct audit_row { char date[UK_DATE_BUFSZ], rectified[UK_DATE_BUFSZ]; };

static int audit_of(sqlite3_stmt *st, void *ctx)
{
	struct audit_row *a = ctx;
	snprintf(a->date, sizeof a->date, "%s", uk_db_text(st, 0) ? uk_db_text(st, 0) : "");
	snprintf(a->rectified, sizeof a->rectified, "%s", uk_db_text(st, 1) ? uk_db_text(st, 1) : "");
	return 0;
}

int uk_union_rectify(struct uk_db *db, int64_t id, const char *date, int allow_future, char *err, size_t errsz)
{
	struct audit_row a;
	struct uk_date d;
	char day[UK_DATE_BUFSZ];
	sqlite3_stmt *st = uk_db_prepare(db, "SELECT date, rectified FROM union_audits WHERE id = ?1"
	                                     " AND voided_at IS NULL");
	int rc, found;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, id);
	rc = uk_db_one(db, st, audit_of, &a, &found, N_("cannot read the audits"));
	sqlite3_finalize(st);
	if (rc)
		return rc;
	if (!found)
		return uk_errf(err, errsz, "no audit %lld", (long long)id);
	if (*a.rectified)
		return uk_errf(err, errsz, "audit %lld was rectified on %s already", (long long)id, a.rectified);
	if (!given(date))
		return uk_errf(err, errsz, "rectify needs the date (--date)");
	if ((rc = date_ok(date, "date", allow_future, &d, day, err, errsz)) != 0)
		return rc;
	if (strcmp(day, a.date) < 0)
		return uk_errf(err, errsz, "rectified on %s, before the audit of %s", day, a.date);
	if (!(st = uk_db_prepare(db, "UPDATE union_audits SET rectified = ?2 WHERE id = ?1")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	return write_step(db, st, N_("cannot record the rectification"));
}

int uk_union_void(struct uk_db *db, const char *what, int64_t id, const char *reason, char *err, size_t errsz)
{
	int contract = !strcmp(what, "contract");
	char stamp[20];
	sqlite3_stmt *st;
	int rc;
	if ((rc = uk_void_reason_check(reason, err, errsz)) != 0)
		return rc;
	/* The table is one of two fixed names, never input. */
	if (!(st = uk_db_prepare(db, contract ?
		"UPDATE union_contracts SET voided_at = ?2, void_reason = ?3 WHERE id = ?1 AND voided_at IS NULL" :
		"UPDATE union_audits SET voided_at = ?2, void_reason = ?3 WHERE id = ?1 AND voided_at IS NULL")))
		return UK_EX_SOFTWARE;
	uk_timestamp(stamp);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, stamp, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, reason, -1, SQLITE_STATIC);
	if ((rc = write_step(db, st, N_("cannot void the record"))) != 0)
		return rc;
	if (sqlite3_changes(uk_db_sqlite(db)))
		return 0;
	if (contract)
		return uk_errf(err, errsz, "no contract %lld in force (or voided already)", (long long)id);
	return uk_errf(err, errsz, "no audit %lld (or voided already)", (long long)id);
}

enum { UC_NAME, UC_TYPE, UC_CODE, UC_FOUNDED, UC_CHAIR, UC_MEMBERS, UC_FIRMS, UC_HARDSHIP_FUND, UC_FUND_SIZE,
       UC_MEDIATORS, UC_CONGRESS, UC_DATE, UC_DISSOLVED_ON, UC_CONTRACTS, UC_AUDITS_OPEN, UC_NCOLS };

#define A(...) (const char *const[]){__VA_ARGS__, NULL}
static const struct uk_colspec colspec[UC_NCOLS] = {
	{"name", A("工会名称", "基层工会", "名称")}, {"type", A("建会形式", "类型")},
	{"code", A("统一社会信用代码", "信用代码")}, {"founded", A("成立日期", "建会日期")},
	{"chair", A("工会主席", "主席")}, {"members", A("会员人数", "会员数")},
	{"firms", A("覆盖企业", "企业")}, {"hardship_fund", A("帮困基金", "内部帮困基金")},
	{"fund_size", A("基金规模", "帮困基金规模")}, {"mediators", A("调解员", "调处员")},
	{"congress", A("职代会", "职代会日期")}, {"date", A("日期", "变更日期")},
	/* What ls writes besides, read and left: dissolve and contract say them. */
	{"dissolved_on", A("撤销日期")}, {"contracts", A("集体合同")}, {"audits_open", A("未整改审计")},
};

const struct uk_colspec *uk_union_colspec(int *n)
{
	*n = UC_NCOLS;
	return colspec;
}

struct import_ctx {
	struct uk_db *db;
	int allow_future, quiet;
	long added, updated, unchanged;
	const char *file;
};

static int find_dissolved(struct uk_db *db, const char *name, const char *code, const char *day,
                          struct union_row *u, int *found)
{
	sqlite3_stmt *st = uk_db_prepare(db, "SELECT id, type, name, founded, dissolved_on FROM unions"
	                                     " WHERE dissolved_on = ?3 AND (name = ?1 OR code = upper(?2))"
	                                     " ORDER BY id DESC LIMIT 1");
	int rc;
	memset(u, 0, sizeof *u);
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, day, -1, SQLITE_STATIC);
	rc = uk_db_one(db, st, row_of, u, found, N_("cannot read the register"));
	sqlite3_finalize(st);
	return rc;
}

/* The firms cell: NAME[:USCC[:WORKERS]] joined by ';' (or '；'). */
static int split_firms(char *cell, const char ***firms, int *n)
{
	char *p = cell;
	while (p && *p) {
		char *semi = strchr(p, ';'), *wide = strstr(p, "；"), *next = NULL;
		if (wide && (!semi || wide < semi)) {
			*wide = '\0';
			next = wide + strlen("；");
		} else if (semi) {
			*semi = '\0';
			next = semi + 1;
		}
		if (*uk_trim(p) && uk_strv_push(firms, n, p) != 0)
			return UK_EX_SOFTWARE;
		p = next;
	}
	return 0;
}

static int import_one(void *ctx, struct uk_row *row, char *err, size_t errsz)
{
	struct import_ctx *c = ctx;
	struct uk_union_in in;
	struct union_row u;
	const char **firms = NULL;
	int nfirms = 0, found = 0, changed = 0, rc;
	const char *name = uk_row_get(row, UC_NAME), *code = uk_row_get(row, UC_CODE);
	const char *dissolved = uk_row_get(row, UC_DISSOLVED_ON);
	char *cell = uk_row_get(row, UC_FIRMS), day[UK_DATE_BUFSZ];

	if (uk_row_error(row))
		return uk_errf(err, errsz, "%s", uk_row_error(row));
	memset(&in, 0, sizeof in);
	in.name = name;
	in.type = uk_row_get(row, UC_TYPE);
	in.code = code;
	in.founded = uk_row_get(row, UC_FOUNDED);
	in.chair = uk_row_get(row, UC_CHAIR);
	in.members = uk_row_get(row, UC_MEMBERS);
	in.hardship_fund = uk_row_get(row, UC_HARDSHIP_FUND);
	in.fund_size = uk_row_get(row, UC_FUND_SIZE);
	in.mediators = uk_row_get(row, UC_MEDIATORS);
	in.congress = uk_row_get(row, UC_CONGRESS);
	in.date = uk_row_get(row, UC_DATE);
	in.allow_future = c->allow_future;
	in.quiet = c->quiet;
	in.file = c->file;
	in.line = uk_row_line(row);
	if (cell && (rc = split_firms(cell, &firms, &nfirms)) != 0)
		goto out;
	in.firms = firms;
	in.nfirms = nfirms;
	/* A record ls wrote of a dissolved union is that union: the one of its
	 * name or code dissolved that day, not a live one of the name. */
	if (given(dissolved)) {
		struct uk_date d;
		const char *why;
		if (uk_date_parse(dissolved, &d, &why) != 0) {
			rc = uk_errf(err, errsz, "dissolved_on: %s in '%s'", why, dissolved);
			goto out;
		}
		if ((rc = find_dissolved(c->db, name, code, uk_date_format(d, day), &u, &found)) != 0)
			goto out;
		if (!found) {
			int64_t id;
			if ((rc = uk_union_add(c->db, &in, &id, err, errsz)) == 0 &&
			    (rc = uk_union_dissolve(c->db, name, day, "union-register import", c->allow_future, err,
			                            errsz)) == 0)
				c->added++;
			goto out;
		}
	}
	/* Known by its code, else by its name. */
	if (!found && given(code)) {
		char canon[UK_USCC_BUFSZ];
		if ((rc = uscc_ok(code, NULL, canon, err, errsz)) != 0 || (rc = find_union(c->db, canon, &u, &found)) != 0)
			goto out;
	}
	if (!found && given(name) && (rc = find_union(c->db, name, &u, &found)) != 0)
		goto out;
	if (!found) {
		int64_t id;
		if ((rc = uk_union_add(c->db, &in, &id, err, errsz)) == 0)
			c->added++;
		goto out;
	}
	if (given(name) && strcmp(name, u.name))
		in.new_name = name;
	in.name = NULL;
	if ((rc = set_union(c->db, u, &in, &changed, err, errsz)) == 0)
		changed ? c->updated++ : c->unchanged++;
out:
	free(firms);
	return rc;
}

int uk_union_import(struct uk_db *db, struct uk_reader *r, const char *rejects, int allow_future, int quiet,
                    long *added, long *updated, long *unchanged, long *bad)
{
	struct import_ctx c = {db, allow_future, quiet, 0, 0, 0, uk_reader_name(r)};
	long written = 0;
	int rc = uk_batch_records(db, r, rejects, import_one, &c, &written, bad);
	*added = c.added;
	*updated = c.updated;
	*unchanged = c.unchanged;
	return rc;
}
