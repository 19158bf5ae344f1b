/* uk_plans.h - the year's work plan (工作计划): the customary Markdown
 * outline read, checked, stored and rendered back; activities logged
 * against its items; metrics a target can name. */
#ifndef UK_PLANS_H
#define UK_PLANS_H

#include <stdint.h>
#include <stdio.h>
#include "uk_cli.h"
#include "uk_date.h"
#include "uk_db.h"
#include "uk_rec.h"

#define UK_PLANS_SCHEMA_V4 \
	"CREATE TABLE plans(id INTEGER PRIMARY KEY, year INTEGER NOT NULL, version INTEGER NOT NULL," \
	" title TEXT NOT NULL, guiding TEXT NOT NULL, current INTEGER NOT NULL," \
	" recorded_at TEXT NOT NULL, UNIQUE (year, version));" \
	"CREATE UNIQUE INDEX plans_current ON plans(year) WHERE current = 1;" \
	"CREATE TABLE plan_sections(id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL REFERENCES plans(id)," \
	" number INTEGER NOT NULL, sub INTEGER NOT NULL, title TEXT NOT NULL);" \
	"CREATE TABLE plan_items(id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL REFERENCES plans(id)," \
	" section_id INTEGER NOT NULL REFERENCES plan_sections(id), section INTEGER NOT NULL," \
	" number INTEGER NOT NULL, text TEXT NOT NULL, metric TEXT, op TEXT, target TEXT," \
	" owner TEXT, due TEXT);" \
	"CREATE INDEX plan_items_plan ON plan_items(plan_id, section, number);" \
	"CREATE TABLE activities(id INTEGER PRIMARY KEY, date TEXT NOT NULL, kind TEXT NOT NULL," \
	" title TEXT NOT NULL, participants INTEGER NOT NULL CHECK (participants >= 0)," \
	" plan_item_id INTEGER REFERENCES plan_items(id), entry_id INTEGER REFERENCES ledger_entries(id)," \
	" note TEXT, recorded_at TEXT NOT NULL);" \
	"CREATE INDEX activities_date ON activities(date);" \
	"CREATE TABLE activity_members(activity_id INTEGER NOT NULL REFERENCES activities(id)," \
	" member_id INTEGER NOT NULL REFERENCES members(id)," \
	" PRIMARY KEY (activity_id, member_id)) WITHOUT ROWID;" \
	"CREATE TABLE disclosures(month TEXT PRIMARY KEY, made_at TEXT NOT NULL) WITHOUT ROWID;"
/* v5: an activity entered by mistake is voided (when, why), never
 * deleted; one dated after the day it was recorded says it was meant. */
#define UK_PLANS_SCHEMA_V5 \
	"ALTER TABLE activities ADD COLUMN allow_future INTEGER NOT NULL DEFAULT 0;" \
	"ALTER TABLE activities ADD COLUMN voided_at TEXT;" \
	"ALTER TABLE activities ADD COLUMN void_reason TEXT;"

/* An item's number is kept as written (1、 … 999、): it restarts at 1、
 * under each section or sub-section, or runs on, as the plan has it. */
#define UK_PLAN_ITEM_MAX 999

/* A plan in memory. */
struct uk_plan_item {
	int section, sub, number;        /* 一 = 1; (一) = 1, 0 when none; 1、 = 1 as written */
	char *text;
	char *metric, *op, *target;      /* NULL when no target */
	char *owner, *due;
	int64_t id;                      /* once stored */
};
struct uk_plan_section { int number, sub; char *title; };
struct uk_plan {
	int year;
	char *title, *guiding;
	struct uk_plan_section *sections;
	int nsections;
	struct uk_plan_item *items;
	int nitems;
};

/* Reads the Markdown outline (or the JSON form: text starting with '{').
 * Messages name file and line (name used in them); returns an exit code. */
int uk_plan_parse(const char *text, size_t len, const char *name, struct uk_plan **out);
void uk_plan_free(struct uk_plan *p);
/* The canonical Markdown (plan-new(1)): what parse reads back the same. */
int uk_plan_write_md(const struct uk_plan *p, FILE *f);
int uk_plan_write_json(const struct uk_plan *p, FILE *f);
int uk_plan_write_html(const struct uk_plan *p, FILE *f);
/* The skeleton plan-new --template prints, for 2027 with a generic title. */
const char *uk_plan_template(void);
/* That skeleton for year, titled "# NAME2027年工作计划" with the union's
 * name, else "# 2027年某某工会工作计划". 0, or -1 on a write error. */
int uk_plan_template_write(FILE *f, int year, const char *union_name);

/* An item's reference: 2026/三/(二)/1, or 2026/二/5 for an item directly
 * under its section (sub 0). */
void uk_plan_item_ref(int year, int section, int sub, int number, char *buf, size_t n);
/* The item of the year's current plan that ref names (YEAR/SECTION/ITEM,
 * YEAR/SECTION/(SUB)/ITEM with ( ) or （ ）, or an item id): 0 and *id; -1
 * with the reason in err (no such item, or YEAR/SECTION/ITEM naming items
 * of several sub-sections, listed); or an exit code. */
int uk_plan_item_find(struct uk_db *db, const char *ref, int64_t *id, char *err, size_t errsz);

/* Stores p as the plan of its year (replace: the old one kept in history,
 * no longer current). Exit code; 65 when the year has one and !replace. */
int uk_plan_store(struct uk_db *db, struct uk_plan *p, int replace);
/* The current plan of year, or 65 when there is none. */
int uk_plan_load(struct uk_db *db, int year, struct uk_plan **out);

/* Chinese numerals 一 ... 九十九 for sections. */
int uk_cn_numeral_parse(const char *s, int *value, size_t *len);
void uk_cn_numeral_format(int value, char *buf, size_t n);

/* Metrics: one table of every name a target may use. */
enum uk_metric_unit { UK_UNIT_COUNT, UK_UNIT_PERMILLE, UK_UNIT_FEN };
struct uk_metric { const char *name; enum uk_metric_unit unit; const char *help; };
/* The metric called name (activity kinds included), or NULL. */
const struct uk_metric *uk_metric_find(const char *name);
/* Every metric, for documentation; NULL-terminated by name. */
const struct uk_metric *uk_metrics(int *n);
/* Checks "OP VALUE" for metric m: value in the metric's unit. */
int uk_metric_value_parse(const struct uk_metric *m, const char *text, int64_t *value, const char **why);
/* The metric's value over a period (-1 for a rate with no denominator). */
int uk_metric_compute(struct uk_db *db, const char *name, struct uk_period p, int64_t *value);
void uk_metric_format(const struct uk_metric *m, int64_t value, char *buf, size_t n);

/* plan-new --progress: each item, target, actual, and met / not yet / no target. */
const struct uk_outcol *uk_plan_progress_cols(int *n);
int uk_plan_progress(struct uk_db *db, int year, struct uk_date at, struct uk_writer *w);
/* The same as data: fn(ctx, item, text, target, actual, result) per item;
 * a non-zero return of fn stops and is returned. */
typedef int (*uk_progress_fn)(void *ctx, const char *item, const char *text, const char *target,
                              const char *actual, const char *result);
int uk_plan_progress_each(struct uk_db *db, int year, struct uk_date at, uk_progress_fn fn, void *ctx);

/* Activities. */
#define UK_ACTIVITY_NKINDS 12
const char *uk_activity_kind(int i);
struct uk_activity_in {
	const char *date, *kind, *title, *participants, *plan_item, *note;
	const char **members;
	int nmembers;
	const char *cost, *category, *fund, *account;
	int allow_future;            /* a date after today is meant (and marked) */
	int allow_overdraft;         /* the cost may overdraw, as fund-ledger's option */
};
int uk_activity_add(struct uk_db *db, const struct uk_activity_in *in, int64_t *id,
                    char *err, size_t errsz);
/* Voids an activity entered by mistake: it leaves every count and
 * listing (but ls --voided), and the ledger entry of its cost is voided
 * with it (uk_ledger_void), in the caller's transaction. *entry receives
 * the reversing entry's id, 0 when there was none. 0, -1 with err, or an
 * exit code. */
int uk_activity_void(struct uk_db *db, int64_t id, const char *reason, int64_t *entry,
                     char *err, size_t errsz);
/* The columns of ls; with voided, voided_at and void_reason after them. */
const struct uk_outcol *uk_activity_outcols(int voided, int *n);
const struct uk_colspec *uk_activity_colspec(int *n);
/* The activities in force, or (voided) only the voided ones. */
int uk_activities_list(struct uk_db *db, const struct uk_period *p, const char *kind, int voided,
                       struct uk_writer *w);
/* A record that repeats a stored activity (the same date, kind, title,
 * participants, plan item and cost) is counted unchanged and writes
 * nothing, its cost not posted again. */
int uk_activities_import(struct uk_db *db, struct uk_reader *r, const char *rejects, int allow_future,
                         int allow_overdraft, long *added, long *unchanged, long *bad);
/* Activities of a kind in a period, and their participants (voided ones
 * not counted). */
int uk_activities_figures(struct uk_db *db, struct uk_period p, const char *kind,
                          long *count, long *participants);
/* Monthly disclosures made in a period (report-month records them). */
int uk_disclosures_count(struct uk_db *db, struct uk_period p, long *n);
#endif
