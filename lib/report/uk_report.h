/* uk_report.h - the documents a union publishes: the year's work summary
 * (年度工作总结) and the monthly disclosure (财务公开), built as one JSON
 * tree from what the modules answer, then rendered; reports of many unions
 * added up for a federation. */
#ifndef UK_REPORT_H
#define UK_REPORT_H

#include <stdio.h>
#include "uk_cli.h"
#include "uk_date.h"
#include "uk_db.h"

#define UK_REPORT_SCHEMA_VERSION 1

typedef struct json_t json_t;

/* The year's report as JSON (the machine form; every other form is drawn
 * from it). Personal data in it is masked. Exit code. */
int uk_report_year(struct uk_db *db, int year, json_t **out);
/* The month's disclosure; records that it was made (once per month). */
int uk_report_month(struct uk_db *db, int year, int month, int record, json_t **out);
/* Adds up year reports of several unions (same year and schema): counts
 * and money summed, rates recomputed from the sums, a row per union;
 * name the federation's (NULL: none). */
int uk_report_merge(json_t *const *reports, int n, const char *const *names, const char *name,
                    json_t **out);

/* Whether a report of kind ("year", "month") has the table name. */
int uk_report_table_known(const char *kind, const char *name);
/* Renders in md, html (one self-contained page with inline SVG charts),
 * json, csv (every table as a section, or only `table`; for Excel with
 * --excel) or table. In Chinese unless --lang en; CSV keeps the English
 * column names and slugs scripts read unless --lang zh is given. prose
 * (md, html; NULL: none): the summary's text (uk_summary_expand), with the
 * tables after it as its appendix (附表). 0; 64 when the report has no such
 * table (said); 74 when the output failed. */
int uk_report_render(json_t *report, enum uk_format fmt, const struct uk_opts *o,
                     const char *table, const char *prose, FILE *f);
#endif
