/* unions_query.c - reading the federation's register: the unions as of a
 * day, one union whole, the contracts in force or due for renewal, and
 * the year's figures. */
#include "uk_unions.h"
#include "uk_cli.h"
#include "uk_i18n.h"
#include "uk_money.h"
#include "uk_vocabs.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

/* A fact of union u as of day ?1: the latest given on or before it. */
#define FACT(f) "(SELECT " f " FROM union_facts x WHERE x.union_id = u.id AND x.date <= ?1 AND " f " IS NOT NULL" \
	" ORDER BY x.date DESC, x.id DESC LIMIT 1)"
/* Contract c in force on day ?1: signed by then, not ended, and not
 * replaced by a later one of its union and kind signed by then. */
#define IN_FORCE(c) c ".voided_at IS NULL AND " c ".signed <= ?1 AND " c ".ends >= ?1 AND NOT EXISTS" \
	" (SELECT 1 FROM union_contracts r WHERE r.union_id = " c ".union_id AND r.kind = " c ".kind" \
	" AND r.signed > " c ".signed AND r.signed <= ?1 AND r.voided_at IS NULL)"
/* A firm covered on day ?1. */
#define FIRM_ON "(since IS NULL OR since <= ?1) AND (until IS NULL OR until > ?1)"
/* The unions in the register on day ?1: founded by then, not dissolved. */
#define IN_REGISTER "(u.founded IS NULL OR u.founded <= ?1) AND (u.dissolved_on IS NULL OR u.dissolved_on > ?1)"

const char *uk_contract_kind(int i) { return uk_vocab_of(UK_V_CONTRACT_KIND)->words[i].slug; }

static const struct uk_outcol outcols[] = {
	{"name", UK_COL_TEXT}, {"type", UK_COL_TEXT}, {"code", UK_COL_TEXT}, {"founded", UK_COL_TEXT},
	{"chair", UK_COL_TEXT}, {"members", UK_COL_INT}, {"firms", UK_COL_TEXT}, {"hardship_fund", UK_COL_TEXT},
	{"fund_size", UK_COL_MONEY}, {"mediators", UK_COL_INT}, {"congress", UK_COL_TEXT},
	{"dissolved_on", UK_COL_TEXT}, {"contracts", UK_COL_INT}, {"audits_open", UK_COL_INT},
};

const struct uk_outcol *uk_union_outcols(int *n)
{
	*n = (int)(sizeof outcols / sizeof outcols[0]);
	return outcols;
}

static void bind_day(sqlite3_stmt *st, int i, struct uk_date d, char buf[UK_DATE_BUFSZ])
{
	sqlite3_bind_text(st, i, uk_date_format(d, buf), -1, SQLITE_STATIC);
}

int uk_union_list(struct uk_db *db, const struct uk_union_filter *f, struct uk_writer *w)
{
	const char *type = f->type ? uk_vocab_slug_of(UK_V_UNION_TYPE, f->type) : NULL;
	char day[UK_DATE_BUFSZ];
	/* firms: as the import reads them back, NAME[:USCC[:WORKERS]];... */
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT * FROM (SELECT u.name, u.type, u.code, u.founded, " FACT("chair") ", " FACT("members") ","
		"  (SELECT group_concat(name || CASE WHEN code IS NOT NULL OR workers IS NOT NULL"
		"    THEN ':' || coalesce(code, '') ELSE '' END"
		"    || CASE WHEN workers IS NOT NULL THEN ':' || workers ELSE '' END, ';')"
		"   FROM (SELECT * FROM union_firms WHERE union_id = u.id AND " FIRM_ON " ORDER BY id)),"
		"  " FACT("hardship_fund") ", " FACT("fund_size") ", " FACT("mediators") ","
		"  (SELECT max(date) FROM union_congresses WHERE union_id = u.id AND date <= ?1), u.dissolved_on,"
		"  (SELECT count(*) FROM union_contracts k WHERE k.union_id = u.id AND " IN_FORCE("k") "),"
		"  (SELECT count(*) FROM union_audits WHERE union_id = u.id AND date <= ?1 AND voided_at IS NULL"
		"   AND (rectified IS NULL OR rectified > ?1)) AS open, u.id AS id"
		"  FROM unions u WHERE (?2 IS NULL OR u.type = ?2) AND (?3 OR " IN_REGISTER "))"
		" WHERE ?4 = 0 OR open > 0 ORDER BY id");
	if (!st)
		return UK_EX_SOFTWARE;
	if (!f->type || type) {
		bind_day(st, 1, f->at, day);
		if (type)
			sqlite3_bind_text(st, 2, type, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, f->all);
		sqlite3_bind_int(st, 4, f->audit_open);
	} else {
		sqlite3_finalize(st);
		uk_err(_("--type '%s': 单建 (single) or 联合 (joint)"), f->type);
		return UK_EX_DATAERR;
	}
	return uk_db_write_rows(db, st, outcols, (int)(sizeof outcols / sizeof outcols[0]), NULL, w,
	                        N_("cannot read the register"));
}

static const struct uk_outcol show_cols[] = {
	{"section", UK_COL_TEXT}, {"id", UK_COL_INT}, {"date", UK_COL_TEXT}, {"subject", UK_COL_TEXT},
	{"detail", UK_COL_TEXT}, {"until", UK_COL_TEXT}, {"workers", UK_COL_INT}, {"note", UK_COL_TEXT},
};
#define NSHOW ((int)(sizeof show_cols / sizeof show_cols[0]))

const struct uk_outcol *uk_union_show_outcols(int *n)
{
	*n = NSHOW;
	return show_cols;
}

int uk_union_show(struct uk_db *db, const char *which, struct uk_writer *w, char *err, size_t errsz)
{
	int64_t id = 0;
	sqlite3_stmt *st;
	int rc = uk_union_find(db, which, &id);
	if (rc)
		return rc;
	if (!id)
		return uk_errf(err, errsz, "no union '%s' in the register", which);
	/* Every record of the union as (section, id, date, subject, detail,
	 * until, workers, note), by section, then by date. */
	if (!(st = uk_db_prepare(db,
		"SELECT section, id, date, subject, detail, until, workers, note FROM ("
		" SELECT 1 AS o, 'union' AS section, NULL AS id, founded AS date, 'name' AS subject, name AS detail,"
		"  NULL AS until, NULL AS workers, NULL AS note, 0 AS k FROM unions WHERE id = ?1"
		" UNION ALL SELECT 1, 'union', NULL, NULL, 'type', type, NULL, NULL, NULL, 1 FROM unions WHERE id = ?1"
		" UNION ALL SELECT 1, 'union', NULL, NULL, 'code', code, NULL, NULL, NULL, 2 FROM unions"
		"  WHERE id = ?1 AND code IS NOT NULL"
		" UNION ALL SELECT 1, 'union', NULL, dissolved_on, 'dissolved', NULL, NULL, NULL, dissolve_reason, 3"
		"  FROM unions WHERE id = ?1 AND dissolved_on IS NOT NULL"
		" UNION ALL SELECT 2, 'firm', NULL, since, name, code, until, workers, NULL, id"
		"  FROM union_firms WHERE union_id = ?1"
		" UNION ALL SELECT 3, 'fact', NULL, date, 'chair', chair, NULL, NULL, NULL, id FROM union_facts"
		"  WHERE union_id = ?1 AND chair IS NOT NULL"
		" UNION ALL SELECT 3, 'fact', NULL, date, 'members', members, NULL, NULL, NULL, id FROM union_facts"
		"  WHERE union_id = ?1 AND members IS NOT NULL"
		" UNION ALL SELECT 3, 'fact', NULL, date, 'hardship_fund', hardship_fund, NULL, NULL, NULL, id"
		"  FROM union_facts WHERE union_id = ?1 AND hardship_fund IS NOT NULL"
		" UNION ALL SELECT 3, 'fact', NULL, date, 'fund_size', printf('%d.%02d', fund_size / 100, fund_size % 100),"
		"  NULL, NULL, NULL, id FROM union_facts WHERE union_id = ?1 AND fund_size IS NOT NULL"
		" UNION ALL SELECT 3, 'fact', NULL, date, 'mediators', mediators, NULL, NULL, NULL, id FROM union_facts"
		"  WHERE union_id = ?1 AND mediators IS NOT NULL"
		" UNION ALL SELECT 4, 'congress', NULL, date, 'congress', NULL, NULL, NULL, NULL, id FROM union_congresses"
		"  WHERE union_id = ?1"
		" UNION ALL SELECT 5, 'contract', id, signed, kind,"
		"  CASE WHEN wage_increase IS NOT NULL THEN printf('%g', wage_increase / 10.0) END, ends, workers, NULL, id"
		"  FROM union_contracts WHERE union_id = ?1 AND voided_at IS NULL"
		" UNION ALL SELECT 6, 'audit', id, date, 'audit', NULL, rectified, NULL, findings, id FROM union_audits"
		"  WHERE union_id = ?1 AND voided_at IS NULL)"
		" ORDER BY o, CASE WHEN o = 1 THEN k END, date, k")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, id);
	return uk_db_write_rows(db, st, show_cols, NSHOW, NULL, w, N_("cannot read the register"));
}

static const struct uk_outcol contract_cols[] = {
	{"id", UK_COL_INT}, {"union", UK_COL_TEXT}, {"kind", UK_COL_TEXT}, {"signed", UK_COL_TEXT},
	{"ends", UK_COL_TEXT}, {"term_years", UK_COL_INT}, {"workers", UK_COL_INT}, {"wage_increase", UK_COL_TEXT},
	{"days_left", UK_COL_INT},
};

const struct uk_outcol *uk_union_contract_outcols(int *n)
{
	*n = (int)(sizeof contract_cols / sizeof contract_cols[0]);
	return contract_cols;
}

int uk_union_contracts(struct uk_db *db, struct uk_date at, long expiring, long lapsed, struct uk_writer *w)
{
	char day[UK_DATE_BUFSZ], until[UK_DATE_BUFSZ];
	/* Due for renewal: in force, it ends within the days and no later
	 * contract of the union and kind was signed. Lapsed: it ended within
	 * the days before, and none was. */
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT c.id, u.name, c.kind, c.signed, c.ends, c.term_years, c.workers,"
		" CASE WHEN c.wage_increase IS NOT NULL THEN printf('%g', c.wage_increase / 10.0) END,"
		" CAST(julianday(c.ends) - julianday(?1) AS INTEGER)"
		" FROM union_contracts c JOIN unions u ON u.id = c.union_id"
		" WHERE " IN_REGISTER " AND CASE WHEN ?4 THEN c.voided_at IS NULL AND c.ends < ?1 AND c.ends >= ?2"
		"  ELSE " IN_FORCE("c") " AND (?3 = 0 OR c.ends <= ?2) END"
		" AND (?3 = 0 AND ?4 = 0 OR NOT EXISTS (SELECT 1 FROM union_contracts n WHERE n.voided_at IS NULL"
		"  AND n.union_id = c.union_id AND n.kind = c.kind AND n.signed > c.signed))"
		" ORDER BY c.ends, u.name, c.kind");
	if (!st)
		return UK_EX_SOFTWARE;
	bind_day(st, 1, at, day);
	bind_day(st, 2, uk_date_from_days(uk_date_to_days(at) + (lapsed >= 0 ? -lapsed : expiring > 0 ? expiring : 0)),
	         until);
	sqlite3_bind_int(st, 3, expiring >= 0);
	sqlite3_bind_int(st, 4, lapsed >= 0);
	return uk_db_write_rows(db, st, contract_cols, (int)(sizeof contract_cols / sizeof contract_cols[0]), NULL, w,
	                        N_("cannot read the contracts"));
}

/* The figures are counted on the period's last day, or today while the
 * period runs. */
static struct uk_date as_of(struct uk_period p)
{
	struct uk_date today = uk_date_today();
	return uk_date_cmp(today, p.to) < 0 && uk_date_cmp(today, p.from) >= 0 ? today : p.to;
}

int uk_union_figures(struct uk_db *db, struct uk_period p, struct uk_union_figures *f)
{
	char day[UK_DATE_BUFSZ], from[UK_DATE_BUFSZ], until[UK_DATE_BUFSZ];
	struct uk_date at = as_of(p);
	int64_t v[18] = {0};
	int rc, found;
	sqlite3_stmt *st = uk_db_prepare(db,
		"WITH f AS (SELECT u.id, u.type, " FACT("members") " AS members, " FACT("hardship_fund") " AS fund,"
		"  " FACT("fund_size") " AS size, " FACT("mediators") " AS mediators,"
		"  max((SELECT count(*) FROM union_firms WHERE union_id = u.id AND " FIRM_ON "), u.type = 'single') AS firms"
		"  FROM unions u WHERE " IN_REGISTER "),"
		" c AS (SELECT * FROM union_contracts k WHERE " IN_FORCE("k")
		"  AND union_id IN (SELECT id FROM f))"
		" SELECT count(*), count(*) FILTER (WHERE type = 'single'), count(*) FILTER (WHERE type = 'joint'),"
		"  coalesce(sum(firms), 0),"
		"  (SELECT count(*) FROM unions WHERE founded BETWEEN ?2 AND ?1),"
		"  (SELECT count(*) FROM unions WHERE dissolved_on BETWEEN ?2 AND ?1),"
		"  coalesce(sum(members), 0),"
		"  count(*) FILTER (WHERE fund = 'yes'), count(*) FILTER (WHERE fund IS NOT 'n/a'),"
		"  coalesce(sum(size) FILTER (WHERE fund = 'yes'), 0),"
		"  count(*) FILTER (WHERE mediators > 0), coalesce(sum(mediators), 0),"
		"  (SELECT count(DISTINCT union_id) FROM union_congresses WHERE date BETWEEN ?2 AND ?1"
		"   AND union_id IN (SELECT id FROM f)),"
		"  (SELECT count(*) FROM c WHERE kind = 'collective'), (SELECT count(*) FROM c WHERE kind = 'wage'),"
		"  (SELECT count(*) FROM c WHERE kind = 'women'),"
		"  (SELECT count(*) FROM union_audits WHERE date BETWEEN ?2 AND ?1 AND voided_at IS NULL),"
		"  (SELECT count(*) FROM union_audits WHERE date <= ?1 AND (rectified IS NULL OR rectified > ?1)"
		"   AND voided_at IS NULL"
		"   AND union_id IN (SELECT id FROM f))"
		" FROM f");
	memset(f, 0, sizeof *f);
	if (!st)
		return UK_EX_SOFTWARE;
	bind_day(st, 1, at, day);
	bind_day(st, 2, p.from, from);
	rc = uk_db_ints(db, st, v, 18, &found, N_("cannot count the register"));
	sqlite3_finalize(st);
	if (rc)
		return rc;
	f->unions = (long)v[0], f->single = (long)v[1], f->joint = (long)v[2], f->firms = (long)v[3];
	f->founded = (long)v[4], f->dissolved = (long)v[5], f->members = (long)v[6];
	f->fund_unions = (long)v[7], f->fund_required = (long)v[8], f->fund_size = v[9];
	f->fund_share = f->fund_required ? (long)((v[7] * 2000 + v[8]) / (2 * v[8])) : -1;
	f->committees = (long)v[10], f->mediators = (long)v[11], f->congresses = (long)v[12];
	for (int k = 0; k < UK_CONTRACT_NKINDS; k++)
		f->contracts[k] = (long)v[13 + k];
	f->audits = (long)v[16], f->audits_open = (long)v[17];
	/* Workers by kind, and those due for renewal within 90 days. */
	if (!(st = uk_db_prepare(db,
		"WITH c AS (SELECT c.* FROM union_contracts c JOIN unions u ON u.id = c.union_id"
		"  WHERE " IN_FORCE("c") " AND " IN_REGISTER ")"
		" SELECT coalesce(sum(workers) FILTER (WHERE kind = 'collective'), 0),"
		"  coalesce(sum(workers) FILTER (WHERE kind = 'wage'), 0),"
		"  coalesce(sum(workers) FILTER (WHERE kind = 'women'), 0),"
		"  count(*) FILTER (WHERE ends <= ?2 AND NOT EXISTS (SELECT 1 FROM union_contracts n WHERE n.voided_at IS NULL"
		"   AND n.union_id = c.union_id AND n.kind = c.kind AND n.signed > c.signed)),"
		"  (SELECT count(*) FROM union_contracts l JOIN unions u ON u.id = l.union_id"
		"   WHERE l.voided_at IS NULL AND l.ends >= date(?3, '-1 day') AND l.ends < ?1 AND " IN_REGISTER
		"   AND NOT EXISTS (SELECT 1 FROM union_contracts n WHERE n.voided_at IS NULL"
		"    AND n.union_id = l.union_id AND n.kind = l.kind AND n.signed > l.signed))"
		" FROM c")))
		return UK_EX_SOFTWARE;
	bind_day(st, 1, at, day);
	bind_day(st, 2, uk_date_from_days(uk_date_to_days(at) + 90), until);
	/* Lapsed in the period: the day after its end falls in it. */
	bind_day(st, 3, p.from, from);
	rc = uk_db_ints(db, st, v, 5, &found, N_("cannot count the contracts"));
	sqlite3_finalize(st);
	if (rc)
		return rc;
	for (int k = 0; k < UK_CONTRACT_NKINDS; k++)
		f->contract_workers[k] = (long)v[k];
	f->contracts_expiring = (long)v[3];
	f->contracts_lapsed = (long)v[4];
	return 0;
}

static const struct uk_outcol stats_cols[] = {{"measure", UK_COL_TEXT}, {"key", UK_COL_TEXT}, {"value", UK_COL_TEXT}};

const struct uk_outcol *uk_union_stats_outcols(int *n)
{
	*n = 3;
	return stats_cols;
}

int uk_union_stats(struct uk_db *db, struct uk_period p, struct uk_writer *w)
{
	struct uk_union_figures f;
	char num[32][32];
	const char *rows[32][3];
	int n = 0, rc = uk_union_figures(db, p, &f);
	if (rc)
		return rc;
#define ROW(m, k, v) (snprintf(num[n], sizeof num[n], "%ld", (long)(v)), \
	rows[n][0] = m, rows[n][1] = k, rows[n][2] = num[n], n++)
	ROW("unions", "total", f.unions);
	ROW("unions", "single", f.single);
	ROW("unions", "joint", f.joint);
	ROW("unions", "founded", f.founded);
	ROW("unions", "dissolved", f.dissolved);
	ROW("unions", "firms", f.firms);
	ROW("unions", "members", f.members);
	ROW("hardship_fund", "yes", f.fund_unions);
	ROW("hardship_fund", "required", f.fund_required);
	if (f.fund_share >= 0)
		snprintf(num[n], sizeof num[n], "%ld.%ld", f.fund_share / 10, f.fund_share % 10);
	else
		num[n][0] = '\0';
	rows[n][0] = "hardship_fund", rows[n][1] = "share", rows[n][2] = num[n], n++;
	uk_money_format(f.fund_size, num[n]);
	rows[n][0] = "hardship_fund", rows[n][1] = "size", rows[n][2] = num[n], n++;
	ROW("mediation", "committees", f.committees);
	ROW("mediation", "mediators", f.mediators);
	ROW("congress", "unions", f.congresses);
	for (int k = 0; k < UK_CONTRACT_NKINDS; k++) {
		ROW("contracts", uk_contract_kind(k), f.contracts[k]);
		ROW("contract_workers", uk_contract_kind(k), f.contract_workers[k]);
	}
	ROW("contracts", "expiring", f.contracts_expiring);
	ROW("contracts", "lapsed", f.contracts_lapsed);
	ROW("audits", "done", f.audits);
	ROW("audits", "open", f.audits_open);
#undef ROW
	for (int i = 0; i < n; i++)
		if (uk_writer_row(w, rows[i]) != 0)
			return 0;
	return 0;
}

int uk_union_register_used(struct uk_db *db, int *used)
{
	int64_t n = 0;
	int found, rc;
	sqlite3_stmt *st = uk_db_prepare(db, "SELECT EXISTS (SELECT 1 FROM unions)");
	if (!st)
		return UK_EX_SOFTWARE;
	rc = uk_db_ints(db, st, &n, 1, &found, N_("cannot read the register"));
	sqlite3_finalize(st);
	*used = n != 0;
	return rc;
}

int uk_union_lookup(struct uk_db *db, const char *code, const char *name, int64_t *id)
{
	int64_t v = 0;
	int found, rc;
	/* By its code where both have one; by its name where either has none. */
	sqlite3_stmt *st = uk_db_prepare(db, "SELECT id FROM unions WHERE (?1 IS NOT NULL AND code = upper(?1))"
	                                     " OR ((?1 IS NULL OR code IS NULL) AND name = ?2)"
	                                     " ORDER BY code = upper(?1) DESC, dissolved_on IS NULL DESC, id DESC LIMIT 1");
	*id = 0;
	if (!st)
		return UK_EX_SOFTWARE;
	if (code && *code)
		sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (name)
		sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	rc = uk_db_ints(db, st, &v, 1, &found, N_("cannot read the register"));
	sqlite3_finalize(st);
	*id = found ? v : 0;
	return rc;
}

struct each_ctx { uk_union_each_fn fn; void *ctx; int stop; };

static int each_row(sqlite3_stmt *st, void *ctx)
{
	struct each_ctx *e = ctx;
	if ((e->stop = e->fn(e->ctx, sqlite3_column_int64(st, 0), uk_db_text(st, 1), uk_db_text(st, 2))) != 0)
		return UK_DB_STOP;
	return 0;
}

int uk_union_each(struct uk_db *db, struct uk_date at, uk_union_each_fn fn, void *ctx)
{
	char day[UK_DATE_BUFSZ];
	struct each_ctx e = {fn, ctx, 0};
	sqlite3_stmt *st = uk_db_prepare(db, "SELECT u.id, u.name, u.code FROM unions u WHERE " IN_REGISTER
	                                     " ORDER BY u.id");
	int rc;
	if (!st)
		return UK_EX_SOFTWARE;
	bind_day(st, 1, at, day);
	rc = uk_db_each(db, st, each_row, &e, N_("cannot read the register"));
	sqlite3_finalize(st);
	return e.stop ? e.stop : rc;
}
