/* progress.c - a plan against what was done: each item's target, the
 * metric computed for the year so far, and whether it is met. */
#include "uk_progress.h"
#include "uk_metrics.h"

#include <stdio.h>
#include <string.h>

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

int uk_plan_progress_each(struct uk_db *db, const struct uk_plan *p, struct uk_date at,
                          uk_progress_fn fn, void *ctx)
{
	struct uk_period period = {{p->year, 1, 1}, {p->year, 12, 31}};
	int rc = 0;

	if (uk_date_cmp(at, period.to) < 0)
		period.to = at;
	for (int i = 0; i < p->nitems && !rc; i++) {
		const struct uk_plan_item *it = &p->items[i];
		char item[64], target[96] = "", actual[48] = "";
		const char *result = "no target";
		uk_plan_item_ref(p->year, it->section, it->sub, it->number, item, sizeof item);
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
	return rc;
}

/* A closed pipe stops the listing quietly. */
enum { OUTPUT_CLOSED = -1 };

static int progress_row(void *ctx, const char *item, const char *text, const char *target,
                        const char *actual, const char *result)
{
	const char *vals[5] = {item, text, target, actual, result};
	return uk_writer_row(ctx, vals) != 0 ? OUTPUT_CLOSED : 0;
}

int uk_plan_progress(struct uk_db *db, int year, struct uk_date at, struct uk_writer *w)
{
	struct uk_plan *p;
	int rc = uk_plan_load(db, year, &p);
	if (rc)
		return rc;
	rc = uk_plan_progress_each(db, p, at, progress_row, w);
	uk_plan_free(p);
	return rc == OUTPUT_CLOSED ? 0 : rc;
}
