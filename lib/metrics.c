/* metrics.c - the one table of what a plan's target can measure, and how
 * each is computed for a period by asking the modules that own the data. */
#include "uk_plans.h"
#include "uk_disputes.h"
#include "uk_ledger.h"
#include "uk_members.h"
#include "uk_money.h"
#include "uk_config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct uk_metric metrics[] = {
	{"members_total", UK_UNIT_COUNT, "members active or retired at the period's end"},
	{"members_joined", UK_UNIT_COUNT, "members who joined in the period (join_date, else hire_date)"},
	{"members_left", UK_UNIT_COUNT, "members who left, were transferred or died in the period"},
	{"female_share", UK_UNIT_PERMILLE, "women among members_total, in %"},
	{"hardship_members", UK_UNIT_COUNT, "members with a hardship level at the period's end"},
	{"hardship_paid", UK_UNIT_FEN, "aid paid from the hardship fund (维权支出), yuan"},
	{"hardship_recipients", UK_UNIT_COUNT, "members who received that aid"},
	{"dues_collected", UK_UNIT_FEN, "dues (会费收入) posted, yuan"},
	{"income", UK_UNIT_FEN, "income of every class, yuan"},
	{"expense", UK_UNIT_FEN, "expense of every class, yuan"},
	{"disclosure", UK_UNIT_COUNT, "monthly disclosures made (report-month)"},
	{"disputes_received", UK_UNIT_COUNT, "disputes received (petitions apart)"},
	{"dispute_success_rate", UK_UNIT_PERMILLE, "成功率: resolved / concluded, in %"},
	{"dispute_handled_rate", UK_UNIT_PERMILLE, "调处率: concluded / received, in %"},
	{"overdue_disputes", UK_UNIT_COUNT, "disputes open past the time limit at the period's end"},
	/* One count and one participants metric per activity kind. */
	{"congress", UK_UNIT_COUNT, "activities of this kind"}, {"congress_participants", UK_UNIT_COUNT, "their participants"},
	{"meeting", UK_UNIT_COUNT, "activities of this kind"}, {"meeting_participants", UK_UNIT_COUNT, "their participants"},
	{"study", UK_UNIT_COUNT, "activities of this kind"}, {"study_participants", UK_UNIT_COUNT, "their participants"},
	{"training", UK_UNIT_COUNT, "activities of this kind"}, {"training_participants", UK_UNIT_COUNT, "their participants"},
	{"competition", UK_UNIT_COUNT, "activities of this kind"}, {"competition_participants", UK_UNIT_COUNT, "their participants"},
	{"culture_sports", UK_UNIT_COUNT, "activities of this kind"}, {"culture_sports_participants", UK_UNIT_COUNT, "their participants"},
	{"visit", UK_UNIT_COUNT, "activities of this kind"}, {"visit_participants", UK_UNIT_COUNT, "their participants"},
	{"health_check", UK_UNIT_COUNT, "activities of this kind"}, {"health_check_participants", UK_UNIT_COUNT, "their participants"},
	{"rest", UK_UNIT_COUNT, "activities of this kind"}, {"rest_participants", UK_UNIT_COUNT, "their participants"},
	{"aid", UK_UNIT_COUNT, "activities of this kind"}, {"aid_participants", UK_UNIT_COUNT, "their participants"},
	{"legal", UK_UNIT_COUNT, "activities of this kind"}, {"legal_participants", UK_UNIT_COUNT, "their participants"},
	{"other", UK_UNIT_COUNT, "activities of this kind"}, {"other_participants", UK_UNIT_COUNT, "their participants"},
	{NULL, UK_UNIT_COUNT, NULL},
};

const struct uk_metric *uk_metrics(int *n)
{
	*n = (int)(sizeof metrics / sizeof metrics[0]) - 1;
	return metrics;
}

const struct uk_metric *uk_metric_find(const char *name)
{
	for (const struct uk_metric *m = metrics; m->name; m++)
		if (strcmp(m->name, name) == 0)
			return m;
	return NULL;
}

int uk_metric_value_parse(const struct uk_metric *m, const char *text, int64_t *value, const char **why)
{
	char buf[64], *end;
	size_t n;
	snprintf(buf, sizeof buf, "%s", text);
	n = strlen(buf);
	if (m->unit == UK_UNIT_FEN)
		return uk_money_parse(buf, value, why);
	if (m->unit == UK_UNIT_PERMILLE) {
		/* "95%", "95.5%", or a bare number of percent */
		int64_t fen;
		if (n && buf[n - 1] == '%')
			buf[--n] = '\0';
		/* percent with one decimal, parsed exactly like money */
		if (uk_money_parse(buf, &fen, why) != 0)
			return -1;
		if (fen % 10) {
			*why = "more than one decimal in a percentage";
			return -1;
		}
		if (fen < 0 || fen > 10000) {
			*why = "a percentage is 0 to 100";
			return -1;
		}
		*value = fen / 10;
		return 0;
	}
	errno = 0;
	*value = strtoll(buf, &end, 10);
	if (!n || *end || *value < 0 || errno == ERANGE) {
		*why = errno == ERANGE ? "too large" : "not a whole number";
		return -1;
	}
	return 0;
}

void uk_metric_format(const struct uk_metric *m, int64_t v, char *buf, size_t n)
{
	if (m->unit == UK_UNIT_PERMILLE) {
		if (v < 0)
			snprintf(buf, n, "\xE2\x80\x93");  /* – : no denominator */
		else
			snprintf(buf, n, "%lld.%lld%%", (long long)(v / 10), (long long)(v % 10));
	} else if (m->unit == UK_UNIT_FEN) {
		char money[UK_MONEY_BUFSZ];
		snprintf(buf, n, "%s", uk_money_format(v, money));
	} else {
		snprintf(buf, n, "%lld", (long long)v);
	}
}

static int64_t permille(long a, long b)
{
	return b ? ((int64_t)a * 1000 + b / 2) / b : -1;
}

int uk_metric_compute(struct uk_db *db, const char *name, struct uk_period p, int64_t *value)
{
	const struct uk_metric *m = uk_metric_find(name);
	int rc;
	*value = 0;
	if (!m) {
		uk_err("unknown metric '%s'", name);
		return UK_EX_DATAERR;
	}
	if (strncmp(name, "members_", 8) == 0 || !strcmp(name, "female_share") || !strcmp(name, "hardship_members")) {
		struct uk_member_figures f;
		if ((rc = uk_members_figures(db, p, &f)) != 0)
			return rc;
		*value = !strcmp(name, "members_total") ? f.total : !strcmp(name, "members_joined") ? f.joined :
		         !strcmp(name, "members_left") ? f.left : !strcmp(name, "hardship_members") ? f.hardship :
		         permille(f.female, f.total);
		return 0;
	}
	if (!strcmp(name, "hardship_paid") || !strcmp(name, "hardship_recipients") ||
	    !strcmp(name, "dues_collected") || !strcmp(name, "income") || !strcmp(name, "expense")) {
		struct uk_ledger_figures f;
		if ((rc = uk_ledger_figures(db, p, &f)) != 0)
			return rc;
		*value = !strcmp(name, "hardship_paid") ? f.hardship_paid :
		         !strcmp(name, "hardship_recipients") ? f.hardship_recipients :
		         !strcmp(name, "dues_collected") ? f.dues : !strcmp(name, "income") ? f.income : f.expense;
		return 0;
	}
	if (strstr(name, "dispute")) {
		struct uk_dispute_stats s;
		long threshold = 10, limit = 15;
		struct uk_date at = p.to, today = uk_date_today();
		if (uk_date_cmp(today, at) < 0)
			at = today;
		if ((rc = uk_config_get_int(db, "disputes.collective_threshold", &threshold)) != 0 ||
		    (rc = uk_config_get_int(db, "disputes.limit_days", &limit)) != 0 ||
		    (rc = uk_disputes_stats(db, p, at, threshold, limit, &s)) != 0)
			return rc;
		*value = !strcmp(name, "disputes_received") ? s.received : !strcmp(name, "overdue_disputes") ? s.overdue :
		         !strcmp(name, "dispute_success_rate") ? s.success_permille : s.handled_permille;
		return 0;
	}
	if (!strcmp(name, "disclosure")) {
		long n;
		if ((rc = uk_disclosures_count(db, p, &n)) != 0)
			return rc;
		*value = n;
		return 0;
	}
	{
		/* An activity kind: culture_sports is the kind culture-sports. */
		char kind[40];
		long count, participants;
		int part = strstr(name, "_participants") != NULL;
		snprintf(kind, sizeof kind, "%.*s", part ? (int)(strstr(name, "_participants") - name) : 39, name);
		for (char *c = kind; *c; c++)
			if (*c == '_')
				*c = '-';
		if ((rc = uk_activities_figures(db, p, kind, &count, &participants)) != 0)
			return rc;
		*value = part ? participants : count;
		return 0;
	}
}

static const struct uk_outcol progress_cols[] = {
	{"item", UK_COL_TEXT}, {"text", UK_COL_TEXT}, {"target", UK_COL_TEXT},
	{"actual", UK_COL_TEXT}, {"result", UK_COL_TEXT},
};

const struct uk_outcol *uk_plan_progress_cols(int *n)
{
	*n = (int)(sizeof progress_cols / sizeof progress_cols[0]);
	return progress_cols;
}

static int met(const char *op, int64_t actual, int64_t target)
{
	if (!strcmp(op, ">=")) return actual >= target;
	if (!strcmp(op, "<=")) return actual <= target;
	if (!strcmp(op, ">")) return actual > target;
	if (!strcmp(op, "<")) return actual < target;
	return actual == target;
}

int uk_plan_progress_each(struct uk_db *db, int year, struct uk_date at, uk_progress_fn fn, void *ctx)
{
	struct uk_plan *p;
	struct uk_period period = {{year, 1, 1}, {year, 12, 31}};
	int rc;

	if (uk_date_cmp(at, period.to) < 0)
		period.to = at;
	if ((rc = uk_plan_load(db, year, &p)) != 0)
		return rc;
	for (int i = 0; i < p->nitems && !rc; i++) {
		struct uk_plan_item *it = &p->items[i];
		char item[64], target[96] = "", actual[48] = "";
		const char *result = "no target";
		uk_plan_item_ref(year, it->section, it->sub, it->number, item, sizeof item);
		if (it->metric) {
			const struct uk_metric *m = uk_metric_find(it->metric);
			int64_t want = 0, have = 0;
			const char *why;
			snprintf(target, sizeof target, "%s %s %s", it->metric, it->op, it->target);
			if (!m || uk_metric_value_parse(m, it->target, &want, &why) != 0) {
				result = "bad target";
			} else if ((rc = uk_metric_compute(db, it->metric, period, &have)) == 0) {
				uk_metric_format(m, have, actual, sizeof actual);
				result = m->unit == UK_UNIT_PERMILLE && have < 0 ? "not yet" :
				         met(it->op, have, want) ? "met" : "not yet";
			}
		}
		if (!rc)
			rc = fn(ctx, item, it->text, *target ? target : NULL, *actual ? actual : NULL, result);
	}
	uk_plan_free(p);
	return rc;
}

static int progress_row(void *ctx, const char *item, const char *text, const char *target,
                        const char *actual, const char *result)
{
	const char *vals[5] = {item, text, target, actual, result};
	/* A closed pipe stops the listing quietly. */
	return uk_writer_row(ctx, vals) != 0 ? -1 : 0;
}

int uk_plan_progress(struct uk_db *db, int year, struct uk_date at, struct uk_writer *w)
{
	int rc = uk_plan_progress_each(db, year, at, progress_row, w);
	return rc == -1 ? 0 : rc;
}
