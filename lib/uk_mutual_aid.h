/* uk_mutual_aid.h - the medical mutual-aid scheme (职工医疗互助): members
 * (or, for a federation, units by count) enrolled each year by category,
 * premiums into the fund mutual-aid, claims paid from it. */
#ifndef UK_MUTUAL_AID_H
#define UK_MUTUAL_AID_H

#include <stddef.h>
#include <stdint.h>
#include "uk_date.h"
#include "uk_db.h"
#include "uk_rec.h"

/* v8: an enrolment is a member's, or a unit's count of insured in one
 * category (with the unit's workers, to tell a unit enrolled in full). */
#define UK_MUTUAL_AID_SCHEMA_V8 \
	"CREATE TABLE mutual_aid_enrolments(id INTEGER PRIMARY KEY, year INTEGER NOT NULL," \
	" category TEXT NOT NULL, member_id INTEGER REFERENCES members(id), unit TEXT," \
	" count INTEGER NOT NULL CHECK (count > 0), workers INTEGER CHECK (workers > 0)," \
	" premium INTEGER CHECK (premium > 0), entry_id INTEGER REFERENCES ledger_entries(id)," \
	" recorded_at TEXT NOT NULL, CHECK ((member_id IS NULL) <> (unit IS NULL)));" \
	"CREATE UNIQUE INDEX mutual_aid_member_year ON mutual_aid_enrolments(year, member_id)" \
	" WHERE member_id IS NOT NULL;" \
	"CREATE UNIQUE INDEX mutual_aid_unit_year ON mutual_aid_enrolments(year, unit, category)" \
	" WHERE unit IS NOT NULL;" \
	"CREATE TABLE mutual_aid_claims(id INTEGER PRIMARY KEY, date TEXT NOT NULL," \
	" member_id INTEGER NOT NULL REFERENCES members(id), amount INTEGER NOT NULL CHECK (amount > 0)," \
	" note TEXT, entry_id INTEGER REFERENCES ledger_entries(id), recorded_at TEXT NOT NULL);"

#define UK_MUTUAL_AID_NCATEGORIES 4
const char *uk_mutual_aid_category(int i);

struct uk_enrol_in {
	const char *year, *category, *member, *unit, *count, *workers, *premium, *date;
	int allow_future;
};
/* One enrolment, its premium posted (408 into mutual-aid): 0 with *id, -1
 * with err, or an exit code. A member is enrolled once a year; a unit's
 * category once a year. */
int uk_mutual_aid_enrol(struct uk_db *db, const struct uk_enrol_in *in, int64_t *id, char *err, size_t errsz);
/* A claim paid to a member enrolled in the year of its date. */
int uk_mutual_aid_claim(struct uk_db *db, const char *date, const char *member, const char *amount,
                        const char *note, int allow_future, int allow_overdraft, int64_t *id,
                        char *err, size_t errsz);
/* Every record of r (year, category, member_no or unit, count, workers,
 * premium) enrolled; bad ones named with their line. */
const struct uk_colspec *uk_mutual_aid_colspec(int *n);
int uk_mutual_aid_import(struct uk_db *db, struct uk_reader *r, const char *rejects, long *added, long *bad);

/* The year's figures: insured by category (in the vocabulary's order)
 * and in total; units taking part and those enrolled in full (a unit's
 * insured in 在职 at least its workers, or every active member of a unit
 * of the register enrolled); premiums; claims and their amount. */
struct uk_mutual_aid_figures {
	long insured[UK_MUTUAL_AID_NCATEGORIES], total, units, full_units, claims;
	int64_t premiums, claimed;
};
int uk_mutual_aid_figures(struct uk_db *db, int year, struct uk_mutual_aid_figures *f);
const struct uk_outcol *uk_mutual_aid_stats_outcols(int *n);
int uk_mutual_aid_stats(struct uk_db *db, int year, struct uk_writer *w);
const struct uk_outcol *uk_mutual_aid_outcols(int *n);
int uk_mutual_aid_list(struct uk_db *db, int year, struct uk_writer *w);
#endif
