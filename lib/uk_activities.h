/* uk_activities.h - what the union did: activities by kind, with their
 * participants, the plan item they carry out and their cost in the books;
 * the monthly disclosures made. Their tables are in uk_plans.h's schema. */
#ifndef UK_ACTIVITIES_H
#define UK_ACTIVITIES_H

#include <stddef.h>
#include <stdint.h>
#include "uk_date.h"
#include "uk_db.h"
#include "uk_rec.h"

/* The kinds, the one list of them: each also names two metrics (a kind's
 * '-' written '_' in them: culture_sports, culture_sports_participants). */
#define UK_ACTIVITY_NKINDS 12
const char *uk_activity_kind(int i);
const char *uk_activity_kind_zh(int i);   /* 文体活动 */
/* The index of kind (its slug, Chinese name or another word for it: 文体活动,
 * 文体) in the list, or -1 when it is none. */
int uk_activity_kind_index(const char *kind);
/* Its slug (culture-sports), or NULL. */
const char *uk_activity_kind_slug(const char *kind);

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
/* The member numbers of the member records r reads (opened with
 * uk_member_colspec, as member-ls writes them), added to in's members; the
 * numbers are kept in *store, which the caller frees after in. 0, or an
 * exit code, said (65 for a record without a member number). */
int uk_activity_members_read(struct uk_reader *r, struct uk_activity_in *in, char **store);
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
