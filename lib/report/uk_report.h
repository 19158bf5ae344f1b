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
/* Adds up the year reports of several unions (same year and schema) for
 * their federation, one report at a time: any number of them adds up with
 * one in memory, beside the rows the sum keeps (one per union and per
 * unit). Counts and money summed, rates recomputed from the sums, a row
 * per union, members by unit named with their union; partial when any
 * report is, as of the earliest report's day. A merged report is taken
 * like a union's: its unions' rows are carried up, so merging merged
 * reports (street, district, city) gives what one merge of all their
 * unions gives. A union counted twice (the same code, or, where either
 * has none, the same name) is refused (65, said).
 *
 *   uk_report_merge_new(each, ctx, &m);
 *   uk_report_merge_add(m, report, file);   once per report, or
 *   uk_report_merge_file(m, path);          every report a file holds
 *   uk_report_merge_finish(m, name, &out);
 *   uk_report_merge_free(m);
 */
struct uk_report_merge;
/* Told of each union a report brings (a merged report: each union it
 * sums, with merged set), after the report is checked and before it is
 * added: the union's code (union.code; NULL when none), name (NULL when
 * none) and the file of its report. 0 goes on; any other value is the exit code the add returns
 * (the callback says why), with the report not added. A check that should
 * name every union it refuses says each, returns 0 and refuses after the
 * last report. */
typedef int (*uk_report_union_fn)(void *ctx, const char *code, const char *name, const char *file, int merged);
/* A new, empty sum; each may be NULL. 0, or 70 out of memory. */
int uk_report_merge_new(uk_report_union_fn each, void *ctx, struct uk_report_merge **out);
/* Adds one report (left as it is: the caller frees it); file names it in
 * messages. 0, or an exit code (65 not a year report of the schema, of
 * another year than the first, or of a union already added), said. After
 * an error the sum is to be freed, not finished. */
int uk_report_merge_add(struct uk_report_merge *m, json_t *report, const char *file);
/* Adds every report of a file ("-" stdin: JSON reports one after another),
 * reading one at a time. 0, or an exit code (66 no such file, 65 bad JSON
 * or a report refused, 74), said. */
int uk_report_merge_file(struct uk_report_merge *m, const char *path);
/* The federation's report in *out (the caller's), under its name (NULL:
 * none). 0, or 65 when no report was added (said). */
int uk_report_merge_finish(struct uk_report_merge *m, const char *name, json_t **out);
void uk_report_merge_free(struct uk_report_merge *m);
/* A federation's own register (union-register) into its merged report:
 * the register's figures of the report's year from db added to those its
 * reports carried (a district's own unions beside its streets'); nothing
 * when db's register has no union. */
int uk_report_add_register(struct uk_db *db, json_t *report);

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
