/* config.c - the union's settings: known keys, their checks, storage. */
#include "uk_config.h"
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

static const struct uk_config_key keys[] = {
	{"union.name", NULL, N_("the union's name, the title of every report (某某中学工会)")},
	{"union.level", "grassroots", N_("grassroots or federation")},
	{"union.parent", NULL, N_("the upper-level union")},
	{"union.code", NULL, N_("the union's unified social credit code (GB 32100, begins with 81)")},
	{"union.unit_type", NULL, N_("the employer's kind, as in the national register")},
	/* xgettext:no-c-format */
	{"funds.allocation_share", "60", N_("percent of the 2% levy the union keeps (0-100)")},
	{"disputes.limit_days", "15", N_("days to mediate before a dispute is overdue (1-365)")},
	{"disputes.collective_threshold", "10", N_("workers from which a dispute is collective (2-100000)")},
	{"disclosure.frequency", "monthly", N_("monthly, quarterly or half-year")},
	{"care.cap.sick", NULL, N_("yuan a member may get a year for hospital stays (empty: no cap)")},
	{"care.cap.birth", NULL, N_("yuan a member may get a year for a birth (empty: no cap)")},
	{"care.cap.wedding", NULL, N_("yuan a member may get a year for a wedding (empty: no cap)")},
	{"care.cap.retirement", NULL, N_("yuan a member may get for retiring (empty: no cap)")},
	{"care.cap.bereavement", NULL, N_("yuan a member may get a year for a bereavement (empty: no cap)")},
	{"care.cap.birthday", NULL, N_("yuan a member may get a year for a birthday (empty: no cap)")},
	{"care.cap.holiday", NULL, N_("yuan a member may get a year in holiday gifts (empty: no cap)")},
	{NULL, NULL, NULL},
};

const struct uk_config_key *uk_config_keys(void) { return keys; }

const struct uk_config_key *uk_config_find(const char *key)
{
	for (const struct uk_config_key *k = keys; k->key; k++)
		if (strcmp(k->key, key) == 0)
			return k;
	return NULL;
}

static int int_in(const char *s, long lo, long hi)
{
	char *end;
	long v;
	if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 9)
		return 0;
	v = strtol(s, &end, 10);
	return v >= lo && v <= hi;
}

/* *v, a word of vocabulary id (基层工会, 每月), replaced by its slug, which
 * is what the setting holds. 0, -1 when it is no word of it, -2 out of
 * memory. */
static int word_of(enum uk_vocab_id id, char **v)
{
	const char *slug = uk_vocab_slug_of(id, *v);
	char *copy;
	if (!slug)
		return -1;
	if (strcmp(slug, *v) == 0)
		return 0;
	/* The slug fits where the word was but for 总工会: grow only then. */
	if (strlen(slug) <= strlen(*v)) {
		memmove(*v, slug, strlen(slug) + 1);
		return 0;
	}
	if (!(copy = realloc(*v, strlen(slug) + 1)))
		return -2;
	memcpy(copy, slug, strlen(slug) + 1);
	*v = copy;
	return 0;
}

int uk_config_check(const struct uk_config_key *k, const char *value, char **out,
                    const char **why)
{
	char *v = strdup(value);
	int rc = -1;

	*out = NULL;
	*why = NULL;
	if (!v)
		return uk_err_nomem();
	uk_trim(v);
	if (!uk_utf8_is_valid(v, strlen(v))) {
		*why = _("not valid UTF-8");
		goto bad;
	}
	/* union.name titles every report: no C0/C1 control or DEL, which would
	 * drive the terminal of whoever prints one. */
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if (*p < 0x20 || *p == 0x7f || (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)) {
			*why = _("control character");
			goto bad;
		}
	if (!*v) {
		*why = _("empty (use --unset to remove a value)");
		goto bad;
	}
	if (strcmp(k->key, "union.level") == 0 && (rc = word_of(UK_V_UNION_LEVEL, &v)) != 0) {
		*why = _("must be grassroots or federation");
		goto bad;
	}
	if (strcmp(k->key, "disclosure.frequency") == 0 &&
	    (rc = word_of(UK_V_DISCLOSURE_FREQUENCY, &v)) != 0) {
		*why = _("must be monthly, quarterly or half-year");
		goto bad;
	}
	if (strcmp(k->key, "union.code") == 0) {
		char canon[UK_USCC_BUFSZ];
		int check = uk_uscc_canon(v, canon);
		/* Stored as the code is written, whatever way it was typed. */
		memcpy(v, canon, strlen(canon) + 1);
		if (check < 0) {
			*why = _("not a unified social credit code (18 characters of 0-9 A-Y without I O S V Z)");
			goto bad;
		}
		if (strncmp(v, "81", 2) != 0) {
			*why = _("a trade union's code begins with 81");
			goto bad;
		}
		/* A failing check character is allowed: early pilot codes. */
		if (check > 0)
			uk_err("warning: check character of '%s' is wrong (kept: some early codes fail it)", v);
	}
	if (strcmp(k->key, "funds.allocation_share") == 0 && !int_in(v, 0, 100)) {
		*why = _("must be a whole percent from 0 to 100");
		goto bad;
	}
	if (strcmp(k->key, "disputes.limit_days") == 0 && !int_in(v, 1, 365)) {
		*why = _("must be a whole number of days from 1 to 365");
		goto bad;
	}
	if (strcmp(k->key, "disputes.collective_threshold") == 0 && !int_in(v, 2, 100000)) {
		*why = _("must be a whole number of workers from 2 to 100000");
		goto bad;
	}
	if (strncmp(k->key, "care.cap.", 9) == 0) {
		int64_t fen;
		const char *mwhy;
		char *t = uk_trim(v);
		uk_fold_fullwidth(t);
		memmove(v, t, strlen(t) + 1);
		if (uk_money_parse(v, &fen, &mwhy) != 0 || fen < 0) {
			*why = _("must be an amount in yuan, 0 or more (1500, 1500.00)");
			goto bad;
		}
	}
	if (strlen(v) > 200) {
		*why = _("longer than 200 bytes");
		goto bad;
	}
	*out = v;
	return 0;
bad:
	free(v);
	return rc == -2 ? uk_err_nomem() : -1;
}

int uk_config_value(const char *key, const char *value, const struct uk_config_key **k,
                    char **out, char *err, size_t errsz)
{
	const char *why;
	int rc;
	*out = NULL;
	if (!(*k = uk_config_find(key)))
		return uk_errf(err, errsz, "unknown key '%s' (union-config --list shows the keys)", key);
	if (!value)
		return 0;
	if ((rc = uk_config_check(*k, value, out, &why)) == -1)
		uk_errf(err, errsz, "bad value for %s: %s ('%s')", key, why, value);
	return rc;
}

static int value_row(sqlite3_stmt *st, void *ctx)
{
	return (*(char **)ctx = strdup(uk_db_text(st, 0))) ? 0 : uk_err_nomem();
}

int uk_config_get(struct uk_db *db, const char *key, char **out)
{
	sqlite3_stmt *st = uk_db_prepare(db, "SELECT value FROM config WHERE key = ?1");
	const struct uk_config_key *k = uk_config_find(key);
	int rc, found;

	*out = NULL;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = uk_db_one(db, st, value_row, out, &found, N_("cannot read config"));
	sqlite3_finalize(st);
	if (rc || found || !k || !k->default_value)
		return rc;
	return (*out = strdup(k->default_value)) ? UK_EX_OK : uk_err_nomem();
}

static const struct uk_outcol list_cols[] = {
	{"key", UK_COL_TEXT}, {"value", UK_COL_TEXT}, {"default", UK_COL_TEXT},
	{"description", UK_COL_TEXT},
};

const struct uk_outcol *uk_config_outcols(int *n)
{
	*n = (int)(sizeof list_cols / sizeof list_cols[0]);
	return list_cols;
}

int uk_config_list(struct uk_db *db, struct uk_writer *w)
{
	int rc = 0;
	for (const struct uk_config_key *k = keys; k->key && !rc; k++) {
		char *v = NULL;
		const char *vals[4];
		if ((rc = uk_config_get(db, k->key, &v)) != 0)
			break;
		vals[0] = k->key;
		vals[1] = v;
		vals[2] = k->default_value;
		vals[3] = k->help ? _(k->help) : NULL;
		if (uk_writer_row(w, vals) != 0)
			rc = UK_EX_IOERR;
		free(v);
	}
	return rc;
}

int uk_config_get_int(struct uk_db *db, const char *key, long *out)
{
	char *v;
	int rc = uk_config_get(db, key, &v);
	if (rc)
		return rc;
	*out = v ? strtol(v, NULL, 10) : 0;
	free(v);
	return UK_EX_OK;
}

int uk_config_set(struct uk_db *db, const char *key, const char *value)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"INSERT INTO config(key, value) VALUES (?1, ?2) "
		"ON CONFLICT(key) DO UPDATE SET value = excluded.value");
	int rc;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = uk_db_each(db, st, NULL, NULL, N_("cannot write config"));
	sqlite3_finalize(st);
	return rc;
}

int uk_config_unset(struct uk_db *db, const char *key, int *removed)
{
	sqlite3_stmt *st = uk_db_prepare(db, "DELETE FROM config WHERE key = ?1");
	int rc;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = uk_db_each(db, st, NULL, NULL, N_("cannot write config"));
	*removed = sqlite3_changes(uk_db_sqlite(db)) > 0;
	sqlite3_finalize(st);
	return rc;
}
