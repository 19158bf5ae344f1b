/* uk_register_check.h - a federation's roll-up checked against the
 * register of its unions (union-register): the reports of unions not in
 * it named, the unions of it that sent none listed. */
#ifndef UK_REGISTER_CHECK_H
#define UK_REGISTER_CHECK_H

#include "uk_db.h"

typedef struct json_t json_t;
struct uk_register_check;

/* A check against the register of db; strict: a report of a union not in
 * it is refused (65) instead of named with a warning. 0, or 70. */
int uk_register_check_new(struct uk_db *db, int strict, struct uk_register_check **out);
/* For each union a merge adds (the merge's union callback; ctx the
 * check): looked up by its code, else its name. A union a merged report
 * brings is a lower federation's, in its register, not this one's: not
 * looked up. 0; 65 under strict for a union not in the register (said);
 * or an exit code. */
int uk_register_check_union(void *ctx, const char *code, const char *name, const char *file, int merged);
/* Into the merged report, after the lists its reports carried up:
 * not_reported, the unions in the register at the year's end (today while
 * it runs) that sent no report, and unregistered, the unions reported that
 * are not in it; each an array of {union, code}. 0 or an exit code. */
int uk_register_check_finish(struct uk_register_check *c, json_t *merged);
void uk_register_check_free(struct uk_register_check *c);
#endif
