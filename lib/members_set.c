/* members_set.c - member-set: status, hardship, group, unit, roles and wage
 * base changes, each a dated event in the member's history. */
#include "members_priv.h"
#include "uk_batch.h"
#include "uk_i18n.h"
#include "uk_vocabs.h"
#include "uk_money.h"
#include "uk_text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The roles (lib/vocabs.c): chair or 主席, … */
const char *uk_role_slug(const char *role)
{
	return uk_vocab_slug_of(UK_V_ROLE, role);
}


struct setter {
	struct uk_db *db;
	sqlite3_stmt *event;
	char stamp[20];
};

/* One dated event of the change. */
static int event(struct setter *s, int64_t id, const char *date, const char *field,
                 const char *old_value, const char *new_value, const char *note)
{
	return uk_member_event(s->db, &s->event, id, date, field, old_value, new_value, note, s->stamp);
}

static int has_role(const char *list, const char *role)
{
	size_t n = strlen(role);
	for (const char *p = list; p && *p; ) {
		const char *semi = strchr(p, ';');
		size_t len = semi ? (size_t)(semi - p) : strlen(p);
		if (len == n && strncmp(p, role, n) == 0)
			return 1;
		p = semi ? semi + 1 : p + len;
	}
	return 0;
}

static int set_field(struct setter *s, int64_t id, const char *column, const char *old_value,
                     const char *new_value, int64_t fen, const char *date, const char *note,
                     int *changed)
{
	/* One statement per column: the column name is never data. */
	static const struct { const char *column, *sql; } sql[] = {
		{"status", "UPDATE members SET status = ?1, status_date = ?3, updated_at = ?4 WHERE id = ?2"},
		{"hardship", "UPDATE members SET hardship = ?1, updated_at = ?4 WHERE id = ?2"},
		{"union_group", "UPDATE members SET union_group = ?1, updated_at = ?4 WHERE id = ?2"},
		{"unit", "UPDATE members SET unit = ?1, updated_at = ?4 WHERE id = ?2"},
		{"wage_base", "UPDATE members SET wage_base = ?5, updated_at = ?4 WHERE id = ?2"},
	};
	sqlite3_stmt *st = NULL;
	int rc;

	if (old_value && strcmp(old_value, new_value) == 0)
		return 0;
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++)
		if (strcmp(sql[i].column, column) == 0)
			st = uk_db_prepare(s->db, sql[i].sql);
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, new_value, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, s->stamp, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, fen);
	rc = uk_db_each(s->db, st, NULL, NULL, N_("cannot change member"));
	sqlite3_finalize(st);
	if (rc)
		return rc;
	(*changed)++;
	if (strcmp(column, "status") == 0 &&
	    ((rc = uk_member_counts_add(s->db, old_value, -1)) != 0 ||
	     (rc = uk_member_counts_add(s->db, new_value, 1)) != 0))
		return rc;
	return event(s, id, date, column, old_value, new_value, note);
}

static int set_role(struct setter *s, int64_t id, const char *role, int add, const char *date,
                    const char *note, int *changed)
{
	sqlite3_stmt *st = uk_db_prepare(s->db, add ?
		"INSERT OR IGNORE INTO member_roles(member_id, role, since) VALUES (?1, ?2, ?3)" :
		"DELETE FROM member_roles WHERE member_id = ?1 AND role = ?2");
	int rc, n;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
	rc = uk_db_each(s->db, st, NULL, NULL, N_("cannot change roles"));
	n = sqlite3_changes(uk_db_sqlite(s->db));
	sqlite3_finalize(st);
	if (rc)
		return rc;
	if (!n)
		return 0;
	(*changed)++;
	return event(s, id, date, "role", add ? NULL : role, add ? role : NULL, note);
}

/* A change's date (into d) or wage base (into fen, not negative), as
 * typed: trimmed and folded to ASCII first. 0, -1 with err, or 70. */
static int value_arg(const char *s, struct uk_date *d, int64_t *fen, char *err, size_t errsz)
{
	const char *why;
	char *t = strdup(s);
	int rc;
	if (!t)
		return uk_err_nomem();
	uk_fold_fullwidth(uk_trim(t));
	rc = d ? uk_date_parse(t, d, &why) : uk_money_parse(t, fen, &why);
	free(t);
	if (!rc && fen && *fen < 0)
		why = _("negative amount"), rc = -1;
	return rc ? uk_errf(err, errsz, "%s in %s '%s'", why, d ? _("date") : _("wage_base"), s) : 0;
}

static int apply(struct setter *s, int64_t id, const struct uk_member_change *c,
                 struct uk_date today, char *err, size_t errsz, int *changed)
{
	sqlite3_stmt *st = uk_db_prepare(s->db, UK_MEMBER_SELECT " WHERE m.id = ?1");
	struct uk_member_row row;
	char date[UK_DATE_BUFSZ], money[UK_MONEY_BUFSZ], roles_after[400], words[240];
	const char *status = NULL, *hardship = NULL;
	struct uk_date d = today;
	int rc, found;

	if (!st)
		return UK_EX_SOFTWARE;
	memset(&row, 0, sizeof row);
	sqlite3_bind_int64(st, 1, id);
	rc = uk_db_one(s->db, st, uk_member_row_load, &row, &found, N_("cannot read member"));
	sqlite3_finalize(st);
	if (rc)
		return rc;
	if (!found) {
		/* The id came from a look-up in this transaction. */
		uk_err("cannot read member %lld: not in the register", (long long)id);
		return UK_EX_SOFTWARE;
	}
	if (c->date && ((rc = value_arg(c->date, &d, NULL, err, errsz)) != 0 ||
	                (rc = uk_future_check(d, c->allow_future, err, errsz)) != 0))
		goto out;
	uk_date_format(d, date);
	if (c->status && !(status = uk_member_word(UK_MF_STATUS, c->status))) {
		uk_errf(err, errsz, "status must be %s, not '%s'",
		        uk_member_words_text(UK_MF_STATUS, NULL, words, sizeof words), c->status);
		goto bad;
	}
	/* A record that repeats the current status (member-ls output piped
	 * in) changes nothing and needs no date. */
	if (status && strcmp(status, row.v[UK_MF_STATUS]) == 0)
		status = NULL;
	if (status) {
		if (!c->date) {
			uk_errf(err, errsz, "a status change needs its date (--date)");
			goto bad;
		}
		if (row.v[UK_MF_STATUS_DATE] && strcmp(date, row.v[UK_MF_STATUS_DATE]) < 0) {
			uk_errf(err, errsz, "date %s is before the last status change (%s on %s)", date,
			     row.v[UK_MF_STATUS], row.v[UK_MF_STATUS_DATE]);
			goto bad;
		}
	}
	if (c->hardship && !(hardship = uk_member_word(UK_MF_HARDSHIP, c->hardship))) {
		uk_errf(err, errsz, "hardship must be %s, not '%s'",
		        uk_member_words_text(UK_MF_HARDSHIP, NULL, words, sizeof words), c->hardship);
		goto bad;
	}
	if ((c->group && uk_member_text_ok(c->group, err, errsz, N_("union_group"))) ||
	    (c->unit && uk_member_text_ok(c->unit, err, errsz, N_("unit"))) ||
	    (c->note && uk_member_text_ok(c->note, err, errsz, N_("note"))))
		goto bad;
	int64_t fen = 0;
	if (c->wage_base) {
		if ((rc = value_arg(c->wage_base, NULL, &fen, err, errsz)) != 0)
			goto out;
		uk_money_format(fen, money);
	}
	/* Roles after the change, to check the charter's rule (Art. 13): the
	 * audit committee does not include the chair or vice-chair. */
	snprintf(roles_after, sizeof roles_after, "%s", row.roles ? row.roles : "");
	for (int i = 0; i < c->nroles; i++) {
		const char *role = uk_role_slug(c->roles[i]);
		if (!role) {
			const struct uk_vocab *v = uk_vocab_of(UK_V_ROLE);
			int zh = uk_lang_of_locale() == UK_LANG_ZH;
			char known[300] = "";
			for (int k = 0; k < v->n; k++)
				snprintf(known + strlen(known), sizeof known - strlen(known),
				         zh ? "%s%s (%s)" : "%s%s", k ? ", " : "",
				         zh ? v->words[k].zh : v->words[k].slug, v->words[k].slug);
			uk_errf(err, errsz, "unknown role '%s' (%s)", c->roles[i], known);
			goto bad;
		}
		if (strlen(roles_after) + strlen(role) + 2 < sizeof roles_after) {
			if (*roles_after)
				strcat(roles_after, ";");
			strcat(roles_after, role);
		}
	}
	for (int i = 0; i < c->nno_roles; i++)
		if (!uk_role_slug(c->no_roles[i])) {
			uk_errf(err, errsz, "unknown role '%s'", c->no_roles[i]);
			goto bad;
		}
	{
		int audit = 0, chair = 0;
		const struct uk_vocab *v = uk_vocab_of(UK_V_ROLE);
		for (int k = 0; k < v->n; k++) {
			const char *r = v->words[k].slug;
			int gone = 0;
			for (int i = 0; i < c->nno_roles; i++)
				gone |= strcmp(uk_role_slug(c->no_roles[i]), r) == 0;
			if (gone || !has_role(roles_after, r))
				continue;
			audit |= strcmp(r, "audit-committee") == 0;
			chair |= strcmp(r, "chair") == 0 || strcmp(r, "vice-chair") == 0;
		}
		if (audit && chair) {
			uk_errf(err, errsz, "member %s cannot be on the audit committee and chair or vice-chair "
			     "(union charter Art. 13)", row.v[UK_MF_MEMBER_NO]);
			goto bad;
		}
	}
	rc = 0;
	if (status && (rc = set_field(s, id, "status", row.v[UK_MF_STATUS], status, 0, date, c->note, changed)))
		goto out;
	if (hardship && (rc = set_field(s, id, "hardship", row.v[UK_MF_HARDSHIP], hardship, 0, date, c->note, changed)))
		goto out;
	if (c->group && (rc = set_field(s, id, "union_group", row.v[UK_MF_UNION_GROUP], c->group, 0, date, c->note, changed)))
		goto out;
	if (c->unit && (rc = set_field(s, id, "unit", row.v[UK_MF_UNIT], c->unit, 0, date, c->note, changed)))
		goto out;
	if (c->wage_base && (rc = set_field(s, id, "wage_base", row.v[UK_MF_WAGE_BASE], money, fen, date, c->note, changed)))
		goto out;
	if (c->hardship_reviewed) {
		/* A review of the file (the national system's 一年未改): the
		 * level as it stands, on the day given. */
		struct uk_date rd;
		char rdate[UK_DATE_BUFSZ];
		const char *level = hardship ? hardship : row.v[UK_MF_HARDSHIP];
		if ((rc = value_arg(c->hardship_reviewed, &rd, NULL, err, errsz)) != 0 ||
		    (rc = uk_future_check(rd, c->allow_future, err, errsz)) != 0)
			goto out;
		if (!level || !strcmp(level, "none")) {
			uk_errf(err, errsz, "member %s has no hardship file to review", row.v[UK_MF_MEMBER_NO]);
			goto bad;
		}
		if ((rc = event(s, id, uk_date_format(rd, rdate), "hardship_review", level, level, c->note)) != 0)
			goto out;
		(*changed)++;
	}
	for (int i = 0; i < c->nno_roles && !rc; i++)
		rc = set_role(s, id, uk_role_slug(c->no_roles[i]), 0, date, c->note, changed);
	for (int i = 0; i < c->nroles && !rc; i++)
		rc = set_role(s, id, uk_role_slug(c->roles[i]), 1, date, c->note, changed);
out:
	uk_member_row_free(&row);
	return rc;
bad:
	uk_member_row_free(&row);
	return -1;
}

int uk_member_change_apply(struct uk_db *db, int64_t id, const struct uk_member_change *c,
                           struct uk_date today, char *err, size_t errsz, int *changed)
{
	struct setter s = {db, NULL, ""};
	int rc;
	uk_timestamp(s.stamp);
	rc = apply(&s, id, c, today, err, errsz, changed);
	sqlite3_finalize(s.event);
	return rc;
}

int uk_member_set_one(struct uk_db *db, const char *name, enum uk_member_key by,
                      const struct uk_member_change *c, int dry_run, int quiet,
                      struct uk_writer *out, int mask)
{
	char err[400];
	int64_t id;
	int changed = 0, rc;
	if ((rc = uk_member_find(db, name, by, &id)) != 0 || (rc = uk_db_begin(db)) != 0)
		return rc;
	rc = uk_member_change_apply(db, id, c, uk_date_today(), err, sizeof err, &changed);
	if (rc == -1) {
		uk_err("%s", err);
		rc = UK_EX_DATAERR;
	}
	if (!rc && !dry_run)
		rc = uk_db_commit(db);
	/* After the commit (before a dry run's rollback), as in a batch. */
	if (!rc && out && changed)
		rc = uk_members_write_ids(db, &id, 1, out, mask);
	uk_db_rollback(db);
	if (!rc && !quiet) {
		fprintf(stderr, "%s: %s", uk_progname(), dry_run ? _("dry run, nothing written: ") : "");
		fprintf(stderr, ngettext("%s: %d change\n", "%s: %d changes\n", (unsigned long)changed), name,
		        changed);
	}
	return rc;
}

/* Batch columns: a key, then what changes. */
enum { SC_MEMBER_NO, SC_EMPLOYEE_NO, SC_ID_CARD, SC_STATUS, SC_DATE, SC_NOTE, SC_HARDSHIP,
       SC_GROUP, SC_UNIT, SC_WAGE_BASE, SC_ROLE, SC_NO_ROLE,
       /* The other columns of member records: known, read, not changed,
        * so that member-ls output pipes in without complaint, its Chinese
        * headers (--lang zh) too: they take member-add's aliases. */
       SC_OTHER, SC_COUNT = SC_OTHER + 17 };
_Static_assert(SC_COUNT == UK_MEMBER_SET_NCOLS, "UK_MEMBER_SET_NCOLS counts member-set's columns");
#define A(...) (const char *const[]){__VA_ARGS__, NULL}
static const struct uk_colspec set_cols[SC_COUNT] = {
	{"member_no", A("会员编号", "会员卡号")}, {"employee_no", A("工号", "员工编号", "职工编号")},
	{"id_card", A("身份证号", "身份证号码", "公民身份号码", "证件号码")},
	{"status", A("状态")}, {"date", A("日期", "status_date", "状态日期")}, {"note", A("备注")},
	{"hardship", A("困难类别")}, {"union_group", A("工会小组")},
	{"unit", A("部门", "所在部门", "工作单位", "单位")}, {"wage_base", A("基本工资", "月工资", "工资")},
	{"role", NULL}, {"no_role", NULL},
	{"name", NULL}, {"gender", NULL}, {"birth_date", NULL}, {"ethnicity", NULL},
	{"education", NULL}, {"political_status", NULL}, {"phone", NULL}, {"position", NULL},
	{"hire_date", NULL}, {"join_date", NULL}, {"migrant_worker", NULL}, {"roles", NULL},
	{"id_type", NULL}, {"skill_level", NULL}, {"household_type", NULL},
	{"household_place", NULL}, {"employment_status", NULL},
};

static const char *nonempty(const char *s) { return s && *s ? s : NULL; }

static const char *pick(const char *given, const char *from_record)
{
	return given ? given : nonempty(from_record);
}

struct set_batch {
	struct setter s;
	const struct uk_member_change *given;
	struct uk_date today;
	struct uk_matched ids;       /* the changed members, for out */
	long changed, unchanged;
	int keep_ids;
};

/* One record of member-set's input: a uk_record_fn. */
static int set_record(void *ctx, struct uk_row *row, char *err, size_t errsz)
{
	struct set_batch *b = ctx;
	const struct uk_member_change *given = b->given;
	struct uk_member_change c;
	const char *key = NULL, *role, *no_role;
	enum uk_member_key k = UK_KEY_MEMBER_NO;
	int64_t id = 0;
	int changed = 0, found, rc;

	if ((key = nonempty(uk_row_get(row, SC_MEMBER_NO))))
		k = UK_KEY_MEMBER_NO;
	else if ((key = nonempty(uk_row_get(row, SC_EMPLOYEE_NO))))
		k = UK_KEY_EMPLOYEE_NO;
	else if ((key = nonempty(uk_row_get(row, SC_ID_CARD))))
		k = UK_KEY_ID_CARD;
	if (!key)
		return uk_errf(err, errsz, "no member_no, employee_no or id_card to name the member");
	/* -1: a member_no without its zeros that fits more than one. */
	if ((rc = uk_member_resolve(b->s.db, key, k, &id, NULL, 0, &found, err, errsz)) != 0)
		return rc;
	if (!found)
		return -1;  /* err names the key */
	/* Changes given on the command line apply to every record and win
	 * over its columns (records piped from member-ls carry the current
	 * values of every column). */
	c = *given;
	c.status = pick(given->status, uk_row_get(row, SC_STATUS));
	c.date = pick(given->date, uk_row_get(row, SC_DATE));
	c.note = pick(given->note, uk_row_get(row, SC_NOTE));
	c.hardship = pick(given->hardship, uk_row_get(row, SC_HARDSHIP));
	c.group = pick(given->group, uk_row_get(row, SC_GROUP));
	c.unit = pick(given->unit, uk_row_get(row, SC_UNIT));
	c.wage_base = pick(given->wage_base, uk_row_get(row, SC_WAGE_BASE));
	role = nonempty(uk_row_get(row, SC_ROLE));
	no_role = nonempty(uk_row_get(row, SC_NO_ROLE));
	if (!given->nroles && role) {
		c.roles = &role;
		c.nroles = 1;
	}
	if (!given->nno_roles && no_role) {
		c.no_roles = &no_role;
		c.nno_roles = 1;
	}
	if ((rc = apply(&b->s, id, &c, b->today, err, errsz, &changed)) != 0)
		return rc;
	if (!changed) {
		b->unchanged++;
		return 0;
	}
	b->changed++;
	return b->keep_ids ? uk_matched_add(&b->ids, id) : 0;
}

int uk_members_set_batch(struct uk_db *db, struct uk_reader *r, const struct uk_member_change *given,
                         int dry_run, int skip_bad, int quiet, const char *rejects_path,
                         struct uk_writer *out, int mask)
{
	struct set_batch b = {{db, NULL, ""}, given, uk_date_today(), UK_MATCHED_INIT, 0, 0, out != NULL};
	long done, bad = 0;
	int rc;

	uk_timestamp(b.s.stamp);
	if ((rc = uk_db_begin(db)) != 0 ||
	    (rc = uk_batch_records(db, r, rejects_path, set_record, &b, &done, &bad)) != 0)
		goto out;
	if (bad && !skip_bad) {
		uk_err(ngettext("%ld bad record: nothing written (fix them, or --skip-bad to apply the rest)",
		                "%ld bad records: nothing written (fix them, or --skip-bad to apply the rest)",
		                (unsigned long)bad),
		       bad);
		rc = UK_EX_DATAERR;
		goto out;
	}
	if (!dry_run && (rc = uk_db_commit(db)) != 0)
		goto out;
	/* After the commit (before a dry run's rollback): a reader that goes
	 * away cannot stop the write. */
	if (b.ids.n && (rc = uk_members_write_ids(db, b.ids.ids, (long)b.ids.n, out, mask)) != 0)
		goto out;
	if (!quiet) {
		fprintf(stderr, "%s: %s", uk_progname(), dry_run ? _("dry run, nothing written: ") : "");
		fprintf(stderr, _("changed %ld, unchanged %ld, skipped %ld\n"), b.changed, b.unchanged, bad);
	}
	rc = bad ? UK_EX_SKIPPED : UK_EX_OK;
out:
	uk_db_rollback(db);
	uk_matched_free(&b.ids);
	sqlite3_finalize(b.s.event);
	return rc;
}

int uk_member_set_colspec(struct uk_colspec cols[UK_MEMBER_SET_NCOLS])
{
	int nm;
	const struct uk_colspec *member = uk_member_colspec(&nm);
	for (int i = 0; i < SC_COUNT; i++) {
		cols[i] = set_cols[i];
		for (int f = 0; i >= SC_OTHER && f < nm; f++)
			if (strcmp(member[f].name, set_cols[i].name) == 0)
				cols[i].aliases = member[f].aliases;
	}
	return SC_COUNT;
}
