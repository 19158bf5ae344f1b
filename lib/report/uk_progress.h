/* uk_progress.h - a plan against what was done: each item, its target,
 * the metric's actual value so far, met or not (plan-new --progress, the
 * plan table of report-year). */
#ifndef UK_PROGRESS_H
#define UK_PROGRESS_H

#include "uk_date.h"
#include "uk_db.h"
#include "uk_plans.h"
#include "uk_rec.h"

/* The columns of plan-new --progress. */
const struct uk_outcol *uk_plan_progress_cols(int *n);
/* The year's current plan counted to the day at, written to w: 0, or an
 * exit code (65 for a year without a plan, said). */
int uk_plan_progress(struct uk_db *db, int year, struct uk_date at, struct uk_writer *w);
/* The same as data: fn(ctx, item, text, target, actual, result) per item
 * of p, from the first day of its year to at; a non-zero return of fn
 * stops and is returned. */
typedef int (*uk_progress_fn)(void *ctx, const char *item, const char *text, const char *target,
                              const char *actual, const char *result);
int uk_plan_progress_each(struct uk_db *db, const struct uk_plan *p, struct uk_date at,
                          uk_progress_fn fn, void *ctx);
#endif
