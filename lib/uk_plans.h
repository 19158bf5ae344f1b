/* uk_plans.h - the year's work plan (工作计划): the customary Markdown
 * outline read, checked, stored and rendered back; its items' references.
 * The schema holds the tables of activities (uk_activities.h) too. */
#ifndef UK_PLANS_H
#define UK_PLANS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "uk_db.h"

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

/* v6: the prose a union writes under a section or after an item's first
 * paragraph, kept in order, one paragraph a line. */
#define UK_PLANS_SCHEMA_V6 \
	"ALTER TABLE plan_sections ADD COLUMN paragraphs TEXT NOT NULL DEFAULT '';" \
	"ALTER TABLE plan_items ADD COLUMN paragraphs TEXT NOT NULL DEFAULT '';"

/* An item's number is kept as written (1、 … 999、): it restarts at 1、
 * under each section or sub-section, or runs on, as the plan has it. */
#define UK_PLAN_ITEM_MAX 999

/* A plan in memory. */
struct uk_plan_item {
	int section, sub, number;        /* 一 = 1; (一) = 1, 0 when none; 1、 = 1 as written */
	int group;                       /* the index of its (sub-)section in sections */
	char *text;                      /* its first paragraph, the notes taken off */
	char *paragraphs;                /* the paragraphs after it, '\n' between; NULL: none */
	char *metric, *op, *target;      /* NULL when no target */
	char *owner, *due;
	int64_t id;                      /* once stored */
};
struct uk_plan_section {
	int number, sub;                 /* as written: a number may repeat or skip */
	char *title;
	char *paragraphs;                /* prose before its first item, '\n' between; NULL: none */
};
struct uk_plan {
	int year;
	char *title, *guiding;
	struct uk_plan_section *sections;
	int nsections;
	struct uk_plan_item *items;
	int nitems;
};

/* How a plan is read (plan_read.c). */
struct uk_plan_read {
	int year;                        /* for a title made when the plan has none */
	const char *union_name;          /* union.name, for that title; NULL: none */
	int quiet;                       /* no notes on stderr */
	FILE *explain;                   /* each line's reading written here (plan-new --explain) */
};
/* Reads a plan as unions write it: the customary outline in Markdown or
 * plain text pasted from Word (plan-new(1) says how), or the JSON form
 * (text starting with '{'). Irregular numbering and joined lines are
 * notes; what cannot be read is refused. Messages name file and line
 * (name used in them); returns an exit code. */
int uk_plan_parse(const char *text, size_t len, const char *name, const struct uk_plan_read *how,
                  struct uk_plan **out);
void uk_plan_free(struct uk_plan *p);
/* The made title: "2026年NAME工作计划", or "2026年工会工作计划". */
char *uk_plan_made_title(int year, const char *union_name);
/* The canonical Markdown (plan-new(1)): what parse reads back the same.
 * The writers return 0, or 74 on a write error (not said). */
int uk_plan_write_md(const struct uk_plan *p, FILE *f);
int uk_plan_write_json(const struct uk_plan *p, FILE *f);
int uk_plan_write_html(const struct uk_plan *p, FILE *f);
/* The skeleton plan-new --template prints, for 2027 with a generic title. */
const char *uk_plan_template(void);
/* That skeleton for year, titled "# NAME2027年工作计划" with the union's
 * name, else "# 2027年某某工会工作计划". 0, or 74 on a write error. */
int uk_plan_template_write(FILE *f, int year, const char *union_name);

/* References (plan_refs.c). An item's reference: 2026/三/(二)/1, or
 * 2026/二/5 for an item directly under its section (sub 0). */
void uk_plan_item_ref(int year, int section, int sub, int number, char *buf, size_t n);
/* The item of the year's current plan that ref names (YEAR/SECTION/ITEM,
 * YEAR/SECTION/(SUB)/ITEM with ( ) or （ ）, or an item id): 0 and *id; -1
 * with the reason in err (no such item, or YEAR/SECTION/ITEM naming items
 * of several sub-sections, listed); or an exit code. */
int uk_plan_item_find(struct uk_db *db, const char *ref, int64_t *id, char *err, size_t errsz);

/* Stores p as the plan of its year (replace: the old one kept in history,
 * no longer current). Exit code; 65 when the year has one and !replace. */
int uk_plan_store(struct uk_db *db, struct uk_plan *p, int replace);
/* The current plan of year: 0 with *out, NULL when the year has none; or
 * an exit code (a failed query or allocation), *out NULL. */
int uk_plan_current(struct uk_db *db, int year, struct uk_plan **out);
/* The same, a year without a plan 65 (said). */
int uk_plan_load(struct uk_db *db, int year, struct uk_plan **out);
#endif
