/* report.c - the year's report and the month's disclosure as JSON, asked of
 * the modules that own the data; the federation's sum of many reports. */
#include "uk_report.h"
#include "uk_activities.h"
#include "uk_care.h"
#include "uk_mutual_aid.h"
#include "uk_unions.h"
#include "uk_i18n.h"
#include "uk_config.h"
#include "uk_disputes.h"
#include "uk_ids.h"
#include "uk_ledger.h"
#include "uk_members.h"
#include "uk_metrics.h"
#include "uk_money.h"
#include "uk_plans.h"
#include "uk_progress.h"
#include "uk_rec.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

static json_t *money(int64_t fen)
{
	char buf[UK_MONEY_BUFSZ];
	return json_string(uk_money_format(fen, buf));
}

/* A rate in per mille as a percentage with one decimal; null without a
 * denominator (doc/domain.md "Labour disputes"). */
static json_t *rate(long permille)
{
	return permille < 0 ? json_null() : json_real((double)permille / 10.0);
}

static int64_t fen_of(json_t *v)
{
	int64_t fen = 0;
	const char *why;
	if (json_is_string(v))
		uk_money_parse(json_string_value(v), &fen, &why);
	return fen;
}

static json_t *union_info(struct uk_db *db)
{
	json_t *u = json_object();
	static const char *const keys[][2] = {{"union.name", "name"}, {"union.code", "code"},
	                                      {"union.parent", "parent"}, {"union.level", "level"}};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		char *v = NULL;
		uk_config_get(db, keys[i][0], &v);
		json_object_set_new(u, keys[i][1], v ? json_string(v) : json_null());
		free(v);
	}
	return u;
}

static int add_unit(void *ctx, const char *unit, long n)
{
	json_array_append_new(ctx, json_pack("{s:s, s:i}", "unit", unit, "members", (json_int_t)n));
	return 0;
}

static int add_class(void *ctx, const char *code, const char *name, const char *kind, int64_t amount)
{
	json_t *o = json_pack("{s:s, s:s, s:s}", "code", code, "name", name, "kind", kind);
	json_object_set_new(o, "amount", money(amount));
	json_array_append_new(ctx, o);
	return 0;
}

static int add_month(void *ctx, const char *month, int64_t income, int64_t expense)
{
	json_t *o = json_pack("{s:s}", "month", month);
	json_object_set_new(o, "income", money(income));
	json_object_set_new(o, "expense", money(expense));
	json_array_append_new(ctx, o);
	return 0;
}

struct bal_ctx { json_t *arr; int closing, add; };

static int balance_order(const void *x, const void *y)
{
	json_t *a = *(json_t *const *)x, *b = *(json_t *const *)y;
	int c = strcmp(json_string_value(json_object_get(a, "fund")), json_string_value(json_object_get(b, "fund")));
	return c ? c : strcmp(json_string_value(json_object_get(a, "account")),
	                      json_string_value(json_object_get(b, "account")));
}

/* Balance rows by fund, then account. */
static void sort_balances(json_t *arr)
{
	size_t n = json_array_size(arr);
	json_t **rows = n ? malloc(n * sizeof *rows) : NULL;
	if (!rows)
		return;
	for (size_t i = 0; i < n; i++)
		rows[i] = json_incref(json_array_get(arr, i));
	qsort(rows, n, sizeof *rows, balance_order);
	json_array_clear(arr);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, rows[i]);
	free(rows);
}

/* Balances by fund and account: opening then closing into the same rows. */
static int add_balance(void *ctx, const char *fund, const char *title, const char *account, int64_t bal)
{
	struct bal_ctx *b = ctx;
	size_t i;
	json_t *row;
	json_array_foreach(b->arr, i, row)
		if (!strcmp(json_string_value(json_object_get(row, "fund")), fund) &&
		    !strcmp(json_string_value(json_object_get(row, "account")), account)) {
			const char *k = b->closing ? "closing" : "opening";
			json_object_set_new(row, k, money(b->add ? fen_of(json_object_get(row, k)) + bal : bal));
			return 0;
		}
	row = json_pack("{s:s, s:s, s:s}", "fund", fund, "title", title, "account", account);
	json_object_set_new(row, "opening", money(b->closing ? 0 : bal));
	json_object_set_new(row, "closing", money(b->closing ? bal : 0));
	json_array_append_new(b->arr, row);
	return 0;
}

/* Each fund and account: opening (the day before the period, plus the
 * opening balances recorded in it, so opening + in - out = closing) and
 * closing. */
static int opening_closing(struct uk_db *db, struct uk_period p, struct bal_ctx *bal)
{
	int rc;
	bal->closing = bal->add = 0;
	if ((rc = uk_ledger_balances_at(db, uk_date_from_days(uk_date_to_days(p.from) - 1), add_balance, bal)) != 0)
		return rc;
	bal->add = 1;
	if ((rc = uk_ledger_openings(db, p, add_balance, bal)) != 0)
		return rc;
	bal->closing = 1;
	bal->add = 0;
	return uk_ledger_balances_at(db, p.to, add_balance, bal);
}

/* The month's money into and out of a fund's account, beside its opening
 * and closing. */
static int add_flow(void *ctx, const char *fund, const char *account, int64_t in, int64_t out)
{
	struct bal_ctx *b = ctx;
	size_t i;
	json_t *row;
	json_array_foreach(b->arr, i, row)
		if (!strcmp(json_string_value(json_object_get(row, "fund")), fund) &&
		    !strcmp(json_string_value(json_object_get(row, "account")), account)) {
			json_object_set_new(row, "income", money(in));
			json_object_set_new(row, "expense", money(out));
			return 0;
		}
	/* Every account with entries by the month's end has a closing row. */
	uk_err("%s:%s: movements with no balance", fund, account);
	return UK_EX_SOFTWARE;
}

struct flow4 { int64_t opening, income, expense, closing; };

static json_t *flow_json(json_t *o, const struct flow4 *v)
{
	json_object_set_new(o, "opening", money(v->opening));
	json_object_set_new(o, "income", money(v->income));
	json_object_set_new(o, "expense", money(v->expense));
	json_object_set_new(o, "closing", money(v->closing));
	return o;
}

/* Each balance row in the order the disclosure reads it (opening, in,
 * out, closing); a row per fund with its accounts added up, and the
 * total of all. */
static void balance_totals(json_t *arr, json_t *funds, struct flow4 *all)
{
	size_t i;
	json_t *row;
	struct flow4 fund = {0, 0, 0, 0};
	memset(all, 0, sizeof *all);
	json_array_foreach(arr, i, row) {
		struct flow4 v = {fen_of(json_object_get(row, "opening")), fen_of(json_object_get(row, "income")),
		                  fen_of(json_object_get(row, "expense")), fen_of(json_object_get(row, "closing"))};
		json_t *next = json_array_get(arr, i + 1);
		const char *name = json_string_value(json_object_get(row, "fund"));
		json_object_set_new(row, "opening", money(v.opening));
		json_object_del(row, "closing");
		json_object_set_new(row, "income", money(v.income));
		json_object_set_new(row, "expense", money(v.expense));
		json_object_set_new(row, "closing", money(v.closing));
		fund.opening += v.opening;
		fund.income += v.income;
		fund.expense += v.expense;
		fund.closing += v.closing;
		all->opening += v.opening;
		all->income += v.income;
		all->expense += v.expense;
		all->closing += v.closing;
		/* The rows are sorted by fund: its last account closes it. */
		if (!next || strcmp(json_string_value(json_object_get(next, "fund")), name)) {
			json_array_append_new(funds, flow_json(json_pack("{s:s, s:O}", "fund", name, "title",
			                                                 json_object_get(row, "title")), &fund));
			memset(&fund, 0, sizeof fund);
		}
	}
}

/* The statement's totals: 本期收入合计, 本期支出合计 and 本期收支结余, for
 * the month and the year so far. */
static void statement_totals(json_t *r, json_t *rows)
{
	int64_t in[2] = {0, 0}, out[2] = {0, 0};
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		int income = !strcmp(json_string_value(json_object_get(row, "kind")), "income");
		int64_t *t = income ? in : out;
		t[0] += fen_of(json_object_get(row, "month"));
		t[1] += fen_of(json_object_get(row, "year_to_date"));
	}
	json_object_set_new(r, "income_total", json_pack("{s:o, s:o}", "month", money(in[0]),
	                                                 "year_to_date", money(in[1])));
	json_object_set_new(r, "expense_total", json_pack("{s:o, s:o}", "month", money(out[0]),
	                                                  "year_to_date", money(out[1])));
	json_object_set_new(r, "surplus", json_pack("{s:o, s:o}", "month", money(in[0] - out[0]),
	                                            "year_to_date", money(in[1] - out[1])));
}

static int add_aid(void *ctx, const char *date, const char *member_no, const char *name, int64_t amount)
{
	/* Aid recipients are named on a notice board only masked. */
	char *masked = name ? uk_mask_name(name) : NULL;
	json_t *o = json_pack("{s:s}", "date", date);
	(void)member_no;
	json_object_set_new(o, "member", masked ? json_string(masked) : json_null());
	json_object_set_new(o, "amount", money(amount));
	json_array_append_new(ctx, o);
	free(masked);
	return 0;
}

static int add_progress(void *ctx, const char *item, const char *text, const char *target,
                        const char *actual, const char *result)
{
	json_t *o = json_pack("{s:s, s:s}", "item", item, "text", text);
	json_object_set_new(o, "target", target ? json_string(target) : json_null());
	json_object_set_new(o, "actual", actual && strcmp(actual, "\xE2\x80\x93") ? json_string(actual) : json_null());
	json_object_set_new(o, "result", json_string(result));
	json_array_append_new(ctx, o);
	return 0;
}

/* The rows of the year's plan, if it has one, counted to the day at. */
static int plan_of(struct uk_db *db, int year, struct uk_date at, json_t *rows)
{
	struct uk_plan *plan;
	int rc = uk_plan_current(db, year, &plan);
	if (rc || !plan)
		return rc;
	rc = uk_plan_progress_each(db, plan, at, add_progress, rows);
	uk_plan_free(plan);
	return rc;
}

static json_t *dispute_json(const struct uk_dispute_stats *s)
{
	json_t *o = json_object(), *cat = json_object();
	json_object_set_new(o, "received", json_integer(s->received));
	json_object_set_new(o, "concluded", json_integer(s->concluded));
	json_object_set_new(o, "resolved", json_integer(s->resolved));
	json_object_set_new(o, "failed", json_integer(s->failed));
	json_object_set_new(o, "referred", json_integer(s->referred));
	json_object_set_new(o, "withdrawn", json_integer(s->withdrawn));
	json_object_set_new(o, "open", json_integer(s->open));
	json_object_set_new(o, "overdue", json_integer(s->overdue));
	json_object_set_new(o, "petitions", json_integer(s->petitions));
	json_object_set_new(o, "workers", json_integer(s->workers));
	json_object_set_new(o, "collective", json_integer(s->collective));
	json_object_set_new(o, "collective_threshold", json_integer(s->threshold));
	json_object_set_new(o, "closed", json_integer(s->closed));
	json_object_set_new(o, "claimed", money(s->claimed));
	json_object_set_new(o, "recovered", money(s->recovered));
	json_object_set_new(o, "handled_rate", rate(s->handled_permille));
	json_object_set_new(o, "success_rate", rate(s->success_permille));
	for (int i = 0; i < UK_DISPUTE_NCATEGORIES; i++)
		json_object_set_new(cat, uk_dispute_category(i), json_integer(s->by_category[i]));
	json_object_set_new(o, "by_category", cat);
	return o;
}

static int disputes_of(struct uk_db *db, struct uk_period p, json_t **out)
{
	struct uk_dispute_stats s;
	int rc = uk_metric_disputes(db, p, &s);
	if (rc)
		return rc;
	*out = dispute_json(&s);
	return 0;
}

/* The care of a period, the same section in the year's report and the
 * month's disclosure. */
static json_t *care_json(const struct uk_care_figures *cf)
{
	return json_pack("{s:i, s:i, s:o, s:o, s:i, s:i, s:{s:i, s:o}, s:{s:i, s:i, s:o}, s:{s:i, s:o}}",
	                 "persons", (json_int_t)cf->persons, "times", (json_int_t)cf->times,
	                 "cash", money(cf->cash), "goods", money(cf->goods),
	                 "units", (json_int_t)cf->units, "workers", (json_int_t)cf->workers,
	                 "hardship", "persons", (json_int_t)cf->hardship_persons,
	                 "amount", money(cf->hardship_amount),
	                 "summer", "units", (json_int_t)cf->summer_units,
	                 "workers", (json_int_t)cf->summer_workers, "amount", money(cf->summer_amount),
	                 "school_aid", "students", (json_int_t)cf->students, "amount", money(cf->school_aid));
}

/* A federation's register (union-register): only where it has unions. */
static int register_json(struct uk_db *db, struct uk_period p, json_t *r)
{
	struct uk_union_figures f;
	json_t *c, *w;
	int used, rc;
	if ((rc = uk_union_register_used(db, &used)) != 0 || !used)
		return rc;
	if ((rc = uk_union_figures(db, p, &f)) != 0)
		return rc;
	c = json_object();
	w = json_object();
	for (int k = 0; k < UK_CONTRACT_NKINDS; k++) {
		json_object_set_new(c, uk_contract_kind(k), json_integer(f.contracts[k]));
		json_object_set_new(w, uk_contract_kind(k), json_integer(f.contract_workers[k]));
	}
	json_object_set_new(r, "register", json_pack(
		"{s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:{s:i, s:i, s:o, s:o}, s:{s:i, s:i}, s:i, s:o, s:o, s:i,"
		" s:i, s:{s:i, s:i}}",
		"unions", (json_int_t)f.unions, "single", (json_int_t)f.single, "joint", (json_int_t)f.joint,
		"firms", (json_int_t)f.firms, "founded", (json_int_t)f.founded, "dissolved", (json_int_t)f.dissolved,
		"members", (json_int_t)f.members,
		"hardship_fund", "unions", (json_int_t)f.fund_unions, "required", (json_int_t)f.fund_required,
		"share", rate(f.fund_share), "size", money(f.fund_size),
		"mediation", "committees", (json_int_t)f.committees, "mediators", (json_int_t)f.mediators,
		"congress", (json_int_t)f.congresses, "contracts", c, "contract_workers", w,
		"contracts_expiring", (json_int_t)f.contracts_expiring, "contracts_lapsed", (json_int_t)f.contracts_lapsed,
		"audits", "done", (json_int_t)f.audits, "open", (json_int_t)f.audits_open));
	return 0;
}

int uk_report_year(struct uk_db *db, int year, json_t **out)
{
	struct uk_period p = {{year, 1, 1}, {year, 12, 31}};
	struct uk_date today = uk_date_today();
	char as_of[UK_DATE_BUFSZ];
	int partial = uk_date_cmp(p.from, today) <= 0 && uk_date_cmp(today, p.to) < 0;
	struct uk_member_figures mf;
	struct uk_ledger_figures lf;
	struct bal_ctx bal;
	long disclosures = 0;
	struct uk_care_figures cf;
	struct uk_mutual_aid_figures maf;
	json_t *r = json_object(), *m, *f, *units = json_array(), *classes = json_array();
	json_t *months = json_array(), *acts = json_array(), *plan = json_array(), *d = NULL;
	int rc;

	*out = NULL;
	bal.arr = NULL;
	if (uk_date_cmp(today, p.from) < 0) {
		uk_err("--year %d: the year has not begun (today is %s): nothing to report", year,
		       uk_date_format(today, as_of));
		rc = UK_EX_DATAERR;
		goto fail;
	}
	bal.arr = json_array();
	json_object_set_new(r, "schema_version", json_integer(UK_REPORT_SCHEMA_VERSION));
	json_object_set_new(r, "kind", json_string("year"));
	json_object_set_new(r, "year", json_integer(year));
	/* The year in progress runs to today, and says so: an entry or a
	 * change dated later counts from its day. */
	if (partial)
		p.to = today;
	json_object_set_new(r, "partial", json_boolean(partial));
	json_object_set_new(r, "as_of", json_string(uk_date_format(p.to, as_of)));
	json_object_set_new(r, "union", union_info(db));
	if ((rc = uk_members_figures(db, p, &mf)) != 0 || (rc = uk_members_by_unit(db, p.to, add_unit, units)) != 0 ||
	    (rc = uk_ledger_figures(db, p, &lf)) != 0 || (rc = uk_ledger_class_totals(db, p, add_class, classes)) != 0 ||
	    (rc = uk_ledger_month_totals(db, p, add_month, months)) != 0)
		goto fail;
	if ((rc = opening_closing(db, p, &bal)) != 0 || (rc = disputes_of(db, p, &d)) != 0 ||
	    (rc = uk_disclosures_count(db, p, &disclosures)) != 0 || (rc = uk_care_figures(db, p, &cf)) != 0 ||
	    (rc = uk_mutual_aid_figures(db, year, &maf)) != 0)
		goto fail;
	for (int i = 0; i < UK_ACTIVITY_NKINDS; i++) {
		long n, part;
		if ((rc = uk_activities_figures(db, p, uk_activity_kind(i), &n, &part)) != 0)
			goto fail;
		json_array_append_new(acts, json_pack("{s:s, s:i, s:i}", "kind", uk_activity_kind(i),
		                                      "count", (json_int_t)n, "participants", (json_int_t)part));
	}
	/* The plan against what was done, counted over the year like every
	 * other table here; a year without a plan has none. */
	if ((rc = plan_of(db, year, p.to, plan)) != 0)
		goto fail;
	m = json_object();
	json_object_set_new(m, "total", json_integer(mf.total));
	json_object_set_new(m, "active", json_integer(mf.active));
	json_object_set_new(m, "retired", json_integer(mf.retired));
	json_object_set_new(m, "joined", json_integer(mf.joined));
	json_object_set_new(m, "left", json_pack("{s:i, s:i, s:i}", "left", (json_int_t)mf.left_left,
	                                         "transferred", (json_int_t)mf.transferred,
	                                         "deceased", (json_int_t)mf.deceased));
	json_object_set_new(m, "female", json_integer(mf.female));
	json_object_set_new(m, "female_share", rate(mf.total ? (mf.female * 1000 + mf.total / 2) / mf.total : -1));
	json_object_set_new(m, "hardship", json_pack("{s:i, s:i, s:i}", "relative", (json_int_t)mf.relative,
	                                             "deep", (json_int_t)mf.deep, "accident", (json_int_t)mf.accident));
	json_object_set_new(m, "hardship_files", json_pack("{s:i, s:i}", "new", (json_int_t)mf.hardship_new,
	                                                   "out", (json_int_t)mf.hardship_out));
	json_object_set_new(m, "by_unit", units);
	f = json_object();
	json_object_set_new(f, "income", money(lf.income));
	json_object_set_new(f, "expense", money(lf.expense));
	json_object_set_new(f, "dues", money(lf.dues));
	json_object_set_new(f, "hardship_paid", money(lf.hardship_paid));
	json_object_set_new(f, "hardship_recipients", json_integer(lf.hardship_recipients));
	json_object_set_new(f, "disclosures", json_integer(disclosures));
	json_object_set_new(f, "by_class", classes);
	json_object_set_new(f, "by_month", months);
	sort_balances(bal.arr);
	json_object_set_new(f, "balances", bal.arr);
	json_object_set_new(r, "members", m);
	json_object_set_new(r, "funds", f);
	json_object_set_new(r, "disputes", d);
	json_object_set_new(r, "care", care_json(&cf));
	{
		json_t *ins = json_object();
		for (int i = 0; i < UK_MUTUAL_AID_NCATEGORIES; i++)
			json_object_set_new(ins, uk_mutual_aid_category(i), json_integer(maf.insured[i]));
		json_object_set_new(ins, "total", json_integer(maf.total));
		json_object_set_new(r, "mutual_aid", json_pack("{s:o, s:i, s:i, s:o, s:i, s:o}", "insured", ins,
		                    "units", (json_int_t)maf.units, "full_units", (json_int_t)maf.full_units,
		                    "premiums", money(maf.premiums), "claims", (json_int_t)maf.claims,
		                    "paid", money(maf.claimed)));
	}
	json_object_set_new(r, "activities", acts);
	json_object_set_new(r, "plan", plan);
	if ((rc = register_json(db, p, r)) != 0) {
		json_decref(r);
		return rc;
	}
	*out = r;
	return 0;
fail:
	json_decref(r);
	json_decref(units);
	json_decref(classes);
	json_decref(months);
	json_decref(acts);
	json_decref(plan);
	json_decref(bal.arr);
	json_decref(d);
	return rc;
}

struct stmt_ctx { json_t *arr; int ytd; };

static int add_statement(void *ctx, const char *code, const char *name, const char *kind, int64_t amount)
{
	struct stmt_ctx *s = ctx;
	size_t i;
	json_t *row;
	json_array_foreach(s->arr, i, row)
		if (!strcmp(json_string_value(json_object_get(row, "code")), code)) {
			json_object_set_new(row, s->ytd ? "year_to_date" : "month", money(amount));
			return 0;
		}
	row = json_pack("{s:s, s:s, s:s}", "code", code, "name", name, "kind", kind);
	json_object_set_new(row, "month", money(s->ytd ? 0 : amount));
	json_object_set_new(row, "year_to_date", money(s->ytd ? amount : 0));
	json_array_append_new(s->arr, row);
	return 0;
}

int uk_report_month(struct uk_db *db, int year, int month, int record, json_t **out)
{
	struct uk_period p = {{year, month, 1}, {year, month, uk_date_days_in_month(year, month)}};
	struct uk_period ytd;
	struct uk_date today = uk_date_today();
	struct stmt_ctx sc;
	struct bal_ctx bal;
	struct uk_dispute_stats ds;
	struct uk_care_figures cf;
	struct flow4 all;
	json_t *r, *aid, *d, *funds;
	char mon[8], as_of[UK_DATE_BUFSZ], drawn[UK_DATE_BUFSZ];
	int rc, partial = uk_date_cmp(today, p.to) < 0;

	*out = NULL;
	snprintf(mon, sizeof mon, "%04d-%02d", year, month);
	if (uk_date_cmp(today, p.from) < 0) {
		uk_err("--month '%s': the month has not begun (today is %s): nothing to disclose", mon,
		       uk_date_format(today, as_of));
		return UK_EX_DATAERR;
	}
	/* The month in progress is disclosed as it stands today, and says so:
	 * an entry dated later counts from its day. */
	if (partial)
		p.to = today;
	ytd = (struct uk_period){{year, 1, 1}, p.to};
	r = json_object();
	aid = json_array();
	sc.arr = json_array();
	bal.arr = json_array();
	json_object_set_new(r, "schema_version", json_integer(UK_REPORT_SCHEMA_VERSION));
	json_object_set_new(r, "kind", json_string("month"));
	json_object_set_new(r, "month", json_string(mon));
	/* The last day counted: the month's end, or today while it runs. */
	json_object_set_new(r, "partial", json_boolean(partial));
	json_object_set_new(r, "as_of", json_string(uk_date_format(p.to, as_of)));
	json_object_set_new(r, "union", union_info(db));
	/* The year so far first: its classes, in the chart's order, are the
	 * statement's rows; then the month's figures into them. */
	sc.ytd = 1;
	if ((rc = uk_ledger_class_totals(db, ytd, add_statement, &sc)) != 0)
		goto fail;
	sc.ytd = 0;
	if ((rc = uk_ledger_class_totals(db, p, add_statement, &sc)) != 0)
		goto fail;
	if ((rc = opening_closing(db, p, &bal)) != 0 || (rc = uk_ledger_flows(db, p, add_flow, &bal)) != 0 ||
	    (rc = uk_ledger_aid(db, p, add_aid, aid)) != 0)
		goto fail;
	if ((rc = uk_metric_disputes(db, p, &ds)) != 0 || (rc = uk_care_figures(db, p, &cf)) != 0)
		goto fail;
	d = json_pack("{s:i, s:i, s:i}", "received", (json_int_t)ds.received, "closed",
	              (json_int_t)ds.closed, "petitions", (json_int_t)ds.petitions);
	json_object_set_new(r, "drawn_up", json_string(uk_date_format(today, drawn)));
	json_object_set_new(r, "statement", sc.arr);
	statement_totals(r, sc.arr);
	sort_balances(bal.arr);
	json_object_set_new(r, "balances", bal.arr);
	funds = json_array();
	balance_totals(bal.arr, funds, &all);
	json_object_set_new(r, "funds", funds);
	json_object_set_new(r, "balances_total", flow_json(json_object(), &all));
	json_object_set_new(r, "aid", aid);
	{
		int64_t paid = 0;
		size_t i;
		json_t *row;
		json_array_foreach(aid, i, row)
			paid += fen_of(json_object_get(row, "amount"));
		json_object_set_new(r, "aid_total", money(paid));
	}
	json_object_set_new(r, "disputes", d);
	json_object_set_new(r, "care", care_json(&cf));
	json_object_set_new(r, "signatures", json_pack("[s, s, s, s]", "工会主席", "经审委员会主任",
	                                               "财务负责人", "制表"));
	/* The disclosure metric: once a month, however often regenerated, and
	 * only for a month that has ended. */
	if (record && !partial) {
		sqlite3_stmt *st = uk_db_prepare(db, "INSERT INTO disclosures(month, made_at) VALUES (?1, ?2)"
		                                     " ON CONFLICT(month) DO NOTHING");
		char stamp[20];
		if (!st) {
			json_decref(r);
			return UK_EX_SOFTWARE;
		}
		uk_timestamp(stamp);
		sqlite3_bind_text(st, 1, mon, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, stamp, -1, SQLITE_STATIC);
		rc = uk_db_each(db, st, NULL, NULL, N_("cannot record the disclosure"));
		sqlite3_finalize(st);
		if (rc) {
			json_decref(r);
			return rc;
		}
	}
	*out = r;
	return 0;
fail:
	json_decref(r);
	json_decref(aid);
	json_decref(sc.arr);
	json_decref(bal.arr);
	return rc;
}

/* ---- the federation's sum, one report at a time ---- */

/* The sum so far. Only what the finished report needs is kept: the
 * figures, a row per union and per unit, and the unions seen (to refuse a
 * second report of one); each report is let go once added, so any number
 * of them adds up with one in memory at a time. */
struct uk_report_merge {
	uk_report_union_fn each;
	void *ctx;
	json_t *sum;          /* the figures: the first report's, the others added */
	json_t *units;        /* members by unit, each row also in unit_ix by name */
	json_t *unit_ix;
	json_t *unions;       /* a row per union */
	json_t *by_code;      /* unions seen: code -> the file of their report */
	json_t *by_name;      /* name -> file */
	json_t *by_name_bare; /* name -> file, of the unions without a code */
	json_int_t year;
	long reports;
};

/* Whether v is an amount as reports write them ("1234.50"), not a name. */
static int is_money(json_t *v)
{
	char buf[UK_MONEY_BUFSZ];
	int64_t fen;
	const char *why;
	if (!json_is_string(v) || uk_money_parse(json_string_value(v), &fen, &why) != 0)
		return 0;
	return strcmp(uk_money_format(fen, buf), json_string_value(v)) == 0;
}

/* Adds b into a, key by key: integers summed, money strings summed, rates
 * left for recomputing, objects recursed. Arrays are tables of rows, added
 * by their keys (add_rows), not here. b is left as it is. */
static void add_into(json_t *a, json_t *b)
{
	const char *k;
	json_t *vb;
	json_object_foreach(b, k, vb) {
		json_t *va = json_object_get(a, k);
		if (json_is_array(vb))
			continue;
		if (!va) {
			json_object_set_new(a, k, json_deep_copy(vb));
			continue;
		}
		/* A setting, not a count: the unions' own when they agree,
		 * else none (null), however the sum is grouped. */
		if (!strcmp(k, "collective_threshold")) {
			if (!json_equal(va, vb))
				json_object_set_new(a, k, json_null());
			continue;
		}
		if (json_is_integer(va) && json_is_integer(vb))
			json_object_set_new(a, k, json_integer(json_integer_value(va) + json_integer_value(vb)));
		else if (is_money(va) && is_money(vb))
			json_object_set_new(a, k, money(fen_of(va) + fen_of(vb)));
		else if (json_is_object(va) && json_is_object(vb))
			add_into(va, vb);
	}
}

/* The object a[key], made when a has none. */
static json_t *part(json_t *a, const char *key, json_t *(*make)(void))
{
	json_t *v = json_object_get(a, key);
	if (!v && json_object_set_new(a, key, v = make()) != 0)
		return NULL;
	return v;
}

/* Rows of table b (a short one: classes, months, balances, activities)
 * keyed by one field (or two), summed into table a. */
static void add_rows2(json_t *a, json_t *b, const char *key, const char *key2)
{
	size_t i, j;
	json_t *rb, *ra;
	json_array_foreach(b, i, rb) {
		int found = 0;
		json_array_foreach(a, j, ra)
			if (json_equal(json_object_get(ra, key), json_object_get(rb, key)) &&
			    (!key2 || json_equal(json_object_get(ra, key2), json_object_get(rb, key2)))) {
				add_into(ra, rb);
				found = 1;
				break;
			}
		if (!found)
			json_array_append_new(a, json_deep_copy(rb));
	}
}

static void add_rows(json_t *a, json_t *b, const char *key)
{
	add_rows2(a, b, key, NULL);
}

/* Whether a report is itself a sum of unions (it has their rows). */
static int is_merged(json_t *report)
{
	return json_is_array(json_object_get(report, "unions"));
}

/* Union k of a report: its own (k = 0), or, for a merged report, the k-th
 * of the unions it sums. 0 past the last. An empty code or name is none. */
static int union_at(json_t *report, size_t k, const char **code, const char **name)
{
	json_t *rows = json_object_get(report, "unions"), *u;
	if (json_is_array(rows)) {
		if (k >= json_array_size(rows))
			return 0;
		u = json_array_get(rows, k);
		*name = json_string_value(json_object_get(u, "union"));
	} else {
		if (k)
			return 0;
		u = json_object_get(report, "union");
		*name = json_string_value(json_object_get(u, "name"));
	}
	*code = json_string_value(json_object_get(u, "code"));
	if (*code && !**code)
		*code = NULL;
	if (*name && !**name)
		*name = NULL;
	return 1;
}

/* A report's union by its name, else by its file's. */
static const char *union_label(json_t *report, const char *file)
{
	json_t *u = json_object_get(json_object_get(report, "union"), "name");
	return json_is_string(u) ? json_string_value(u) : file;
}

/* The file of a report already added that counts the union too, or NULL:
 * the same code, or, where either has none, the same name. Two unions of
 * one name and two codes are two. */
static const char *seen_in(const struct uk_report_merge *m, const char *code, const char *name)
{
	json_t *f = code ? json_object_get(m->by_code, code) : NULL;
	if (!f && name)
		f = json_object_get(code ? m->by_name_bare : m->by_name, name);
	return json_string_value(f);
}

/* Sets key to v in ix unless it holds it already (the first report stays
 * the one named). 0, or -1 out of memory. */
static int remember_as(json_t *ix, const char *key, json_t *v)
{
	return json_object_get(ix, key) ? 0 : json_object_set_nocheck(ix, key, v);
}

static int remember(struct uk_report_merge *m, const char *code, const char *name, json_t *file)
{
	if ((code && remember_as(m->by_code, code, file) != 0) ||
	    (name && remember_as(m->by_name, name, file) != 0) ||
	    (name && !code && remember_as(m->by_name_bare, name, file) != 0))
		return -1;
	return 0;
}

/* A report's members by unit into the sum, each unit named with its union
 * (甲工会·教务处): departments of different unions are never one row. A
 * merged report's are named already. */
static int add_units(struct uk_report_merge *m, json_t *report, const char *label)
{
	json_t *rows = json_object_get(json_object_get(report, "members"), "by_unit"), *row;
	int merged = is_merged(report);
	size_t i;
	json_array_foreach(rows, i, row) {
		const char *unit = json_string_value(json_object_get(row, "unit"));
		char *both = NULL;
		const char *key = unit ? unit : "";
		json_t *have;
		if (!json_is_object(row))
			continue;  /* not a unit's row: nothing to add */
		if (!merged) {
			size_t n = strlen(label) + strlen(key) + sizeof "\xC2\xB7";
			if (!(both = malloc(n)))
				return uk_err_nomem();
			snprintf(both, n, "%s\xC2\xB7%s", label, key);
			key = both;
		}
		if ((have = json_object_get(m->unit_ix, key)) != NULL) {
			add_into(have, row);
		} else {
			json_t *copy = json_deep_copy(row);
			if (!copy || (!merged && json_object_set_new_nocheck(copy, "unit", json_string_nocheck(key)) != 0) ||
			    json_array_append_new(m->units, copy) != 0 || json_object_set_nocheck(m->unit_ix, key, copy) != 0) {
				free(both);
				return uk_err_nomem();
			}
		}
		free(both);
	}
	return 0;
}

/* A report's rows in the table of unions: a union's own, or the rows a
 * merged report carries, so that a sum of sums lists every union as one
 * sum of them all does. */
static int add_union_rows(struct uk_report_merge *m, json_t *report, const char *label)
{
	json_t *d = json_object_get(report, "disputes"), *row;
	const char *code;
	size_t i;
	if (is_merged(report)) {
		json_array_foreach(json_object_get(report, "unions"), i, row)
			if (json_array_append(m->unions, row) != 0)
				return uk_err_nomem();
		return 0;
	}
	if (!(row = json_object()) || json_object_set_new(row, "union", json_string_nocheck(label)) != 0) {
		json_decref(row);
		return uk_err_nomem();
	}
	json_object_set(row, "members", json_object_get(json_object_get(report, "members"), "total"));
	json_object_set(row, "income", json_object_get(json_object_get(report, "funds"), "income"));
	json_object_set(row, "expense", json_object_get(json_object_get(report, "funds"), "expense"));
	json_object_set(row, "disputes", json_object_get(d, "received"));
	json_object_set(row, "handled_rate", json_object_get(d, "handled_rate"));
	json_object_set(row, "success_rate", json_object_get(d, "success_rate"));
	code = json_string_value(json_object_get(json_object_get(report, "union"), "code"));
	if (code)
		json_object_set_new(row, "code", json_string(code));
	return json_array_append_new(m->unions, row) != 0 ? uk_err_nomem() : 0;
}

/* The first report's figures, the start of the sum: without its tables of
 * unions and units (kept apart), its plan and its union. NULL out of
 * memory. */
static json_t *figures_of(json_t *report)
{
	json_t *r = json_object(), *v;
	const char *k;
	/* Their places kept (null until the end), so that the sum's keys come
	 * in a report's order. */
	json_object_foreach(report, k, v) {
		if (!strcmp(k, "unions"))
			continue;
		if (!strcmp(k, "plan") || !strcmp(k, "union")) {
			json_object_set_new(r, k, json_null());
		} else if (!strcmp(k, "members") && json_is_object(v)) {
			json_t *shallow = json_copy(v);
			json_object_set_new(shallow, "by_unit", json_null());
			json_object_set_new(r, k, json_deep_copy(shallow));
			json_decref(shallow);
		} else {
			json_object_set_new(r, k, json_deep_copy(v));
		}
	}
	if (!json_object_get(r, "union"))
		json_object_set_new(r, "union", json_null());
	if (!json_object_get(r, "plan"))
		json_object_set_new(r, "plan", json_null());
	return r;
}

/* How far the sum counts: partial when any report is (a year still
 * running where it was drawn), and as of the earliest report's last day,
 * so that every union is counted at least that far. Either way the
 * grouping of a tree of merges does not change it. */
static void add_as_of(json_t *r, json_t *report)
{
	json_t *a = json_object_get(r, "as_of"), *b = json_object_get(report, "as_of");
	if (json_is_true(json_object_get(report, "partial")) && json_is_boolean(json_object_get(r, "partial")))
		json_object_set_new(r, "partial", json_true());
	if (json_is_string(a) && json_is_string(b) && strcmp(json_string_value(b), json_string_value(a)) < 0)
		json_object_set(r, "as_of", b);
}

/* The lists a federation's roll-up adds (not_reported, unregistered)
 * carried up from merged reports, one after another. */
static int add_list(json_t *r, json_t *report, const char *key)
{
	json_t *b = json_object_get(report, key), *a;
	if (!json_is_array(b) || !json_array_size(b))
		return 0;
	if (!(a = part(r, key, json_array)) || json_array_extend(a, b) != 0)
		return uk_err_nomem();
	return 0;
}

/* The figures of a report after the first added into the sum. */
static int add_figures(json_t *r, json_t *report)
{
	json_t *m = part(r, "members", json_object), *f = part(r, "funds", json_object);
	json_t *fb = json_object_get(report, "funds");
	json_t *d = part(r, "disputes", json_object), *c = part(r, "care", json_object);
	json_t *ma = part(r, "mutual_aid", json_object), *acts = part(r, "activities", json_array);
	json_t *cls = f ? part(f, "by_class", json_array) : NULL, *mon = f ? part(f, "by_month", json_array) : NULL;
	json_t *bal = f ? part(f, "balances", json_array) : NULL;
	if (!m || !f || !d || !c || !ma || !acts || !cls || !mon || !bal)
		return uk_err_nomem();
	add_as_of(r, report);
	add_into(m, json_object_get(report, "members"));
	add_into(f, fb);
	add_rows(cls, json_object_get(fb, "by_class"), "code");
	add_rows(mon, json_object_get(fb, "by_month"), "month");
	add_rows2(bal, json_object_get(fb, "balances"), "fund", "account");
	add_into(d, json_object_get(report, "disputes"));
	add_into(c, json_object_get(report, "care"));
	add_into(ma, json_object_get(report, "mutual_aid"));
	add_rows(acts, json_object_get(report, "activities"), "kind");
	if (json_is_object(json_object_get(report, "register"))) {
		json_t *g = part(r, "register", json_object);
		if (!g)
			return uk_err_nomem();
		add_into(g, json_object_get(report, "register"));
	}
	if (add_list(r, report, "not_reported") || add_list(r, report, "unregistered"))
		return UK_EX_SOFTWARE;
	return 0;
}

int uk_report_merge_new(uk_report_union_fn each, void *ctx, struct uk_report_merge **out)
{
	struct uk_report_merge *m = calloc(1, sizeof *m);
	*out = NULL;
	if (!m)
		return uk_err_nomem();
	m->each = each;
	m->ctx = ctx;
	m->units = json_array();
	m->unit_ix = json_object();
	m->unions = json_array();
	m->by_code = json_object();
	m->by_name = json_object();
	m->by_name_bare = json_object();
	if (!m->units || !m->unit_ix || !m->unions || !m->by_code || !m->by_name || !m->by_name_bare) {
		uk_report_merge_free(m);
		return uk_err_nomem();
	}
	*out = m;
	return 0;
}

int uk_report_merge_add(struct uk_report_merge *m, json_t *report, const char *file)
{
	json_t *kind = json_object_get(report, "kind"), *fname;
	json_int_t year = json_integer_value(json_object_get(report, "year"));
	const char *code, *name, *first, *label = union_label(report, file);
	int rc;
	if (json_integer_value(json_object_get(report, "schema_version")) != UK_REPORT_SCHEMA_VERSION ||
	    !json_is_string(kind) || strcmp(json_string_value(kind), "year") != 0) {
		uk_err("%s: not a year report of schema version %d", file, UK_REPORT_SCHEMA_VERSION);
		return UK_EX_DATAERR;
	}
	if (m->reports && year != m->year) {
		uk_err("%s: a report of %lld, not %lld: merge reports of one year", file, (long long)year,
		       (long long)m->year);
		return UK_EX_DATAERR;
	}
	/* A union counted twice (its file given twice, or two copies) would
	 * double every figure of the federation's report. Checked against
	 * the reports before this one: a merged report's own rows were
	 * checked when it was made. */
	for (size_t k = 0; union_at(report, k, &code, &name); k++)
		if ((first = seen_in(m, code, name)) != NULL) {
			uk_err("%s: a second report of %s (the first is %s): merge each union once", file,
			       name ? name : code, first);
			return UK_EX_DATAERR;
		}
	for (size_t k = 0; m->each && union_at(report, k, &code, &name); k++)
		if ((rc = m->each(m->ctx, code, name, file, is_merged(report))) != 0)
			return rc;
	if (!(fname = json_string_nocheck(file)))
		return uk_err_nomem();
	for (size_t k = 0; union_at(report, k, &code, &name); k++)
		if (remember(m, code, name, fname) != 0) {
			json_decref(fname);
			return uk_err_nomem();
		}
	json_decref(fname);
	if (!m->reports) {
		if (!(m->sum = figures_of(report)))
			return uk_err_nomem();
		m->year = year;
	} else if ((rc = add_figures(m->sum, report)) != 0) {
		return rc;
	}
	m->reports++;
	if ((rc = add_units(m, report, label)) != 0)
		return rc;
	return add_union_rows(m, report, label);
}

int uk_report_merge_file(struct uk_report_merge *m, const char *path)
{
	struct uk_docs *d;
	json_t *report;
	long n = 0;
	int rc = uk_docs_open(path, 1024, &d);
	while (!rc && (rc = uk_docs_next(d, &report)) == 1) {
		rc = uk_report_merge_add(m, report, path);
		json_decref(report);
		n++;
	}
	uk_docs_close(d);
	/* An empty file is a report that was never written (a run that
	 * failed): merging on without it would leave its union out. */
	if (!rc && !n) {
		uk_err("%s: holds no report", strcmp(path, "-") ? path : "stdin");
		rc = UK_EX_DATAERR;
	}
	return rc;
}

/* The share of hardship funds from the sums (unions with one over those
 * required), never averaged. */
static void register_share(json_t *g)
{
	json_t *hf = json_object_get(g, "hardship_fund");
	json_int_t yes = json_integer_value(json_object_get(hf, "unions"));
	json_int_t req = json_integer_value(json_object_get(hf, "required"));
	if (json_is_object(hf))
		json_object_set_new(hf, "share", rate(req ? (long)((yes * 2000 + req) / (2 * req)) : -1));
}

int uk_report_add_register(struct uk_db *db, json_t *report)
{
	json_int_t year = json_integer_value(json_object_get(report, "year"));
	struct uk_period p = {{(int)year, 1, 1}, {(int)year, 12, 31}};
	json_t *own = json_object(), *sum;
	int rc;
	if (!own)
		return uk_err_nomem();
	if ((rc = register_json(db, p, own)) == 0 && json_object_get(own, "register")) {
		if (!(sum = part(report, "register", json_object))) {
			json_decref(own);
			return uk_err_nomem();
		}
		add_into(sum, json_object_get(own, "register"));
		register_share(sum);
	}
	json_decref(own);
	return rc;
}

int uk_report_merge_finish(struct uk_report_merge *m, const char *name, json_t **out)
{
	json_t *r = m->sum, *mem, *d;
	json_int_t total, female, rec, con, res;
	*out = NULL;
	if (!m->reports) {
		uk_err("no report to merge");
		return UK_EX_DATAERR;
	}
	mem = part(r, "members", json_object);
	d = part(r, "disputes", json_object);
	if (!mem || !d)
		return uk_err_nomem();
	/* Rates from the sums, never averaged. */
	total = json_integer_value(json_object_get(mem, "total"));
	female = json_integer_value(json_object_get(mem, "female"));
	rec = json_integer_value(json_object_get(d, "received"));
	con = json_integer_value(json_object_get(d, "concluded"));
	res = json_integer_value(json_object_get(d, "resolved"));
	json_object_set_new(mem, "female_share", rate(total ? (long)((female * 1000 + total / 2) / total) : -1));
	json_object_set_new(d, "handled_rate", rate(rec ? (long)((con * 1000 + rec / 2) / rec) : -1));
	json_object_set_new(d, "success_rate", rate(con ? (long)((res * 1000 + con / 2) / con) : -1));
	register_share(json_object_get(r, "register"));
	json_object_set(mem, "by_unit", m->units);
	json_object_set(r, "unions", m->unions);
	/* The federation by its own name; none given, the title says how to
	 * give one. */
	json_object_set_new(r, "union", name ? json_pack("{s:s}", "name", name) : json_object());
	json_object_set_new(r, "plan", json_array());
	m->sum = NULL;
	m->reports = 0;
	*out = r;
	return 0;
}

void uk_report_merge_free(struct uk_report_merge *m)
{
	if (!m)
		return;
	json_decref(m->sum);
	json_decref(m->units);
	json_decref(m->unit_ix);
	json_decref(m->unions);
	json_decref(m->by_code);
	json_decref(m->by_name);
	json_decref(m->by_name_bare);
	free(m);
}
