/* uk_care.h - care for members (慰问, 送温暖, 金秋助学): who was cared for,
 * why, with what; cash and goods posted to the books in the same
 * transaction, per-person caps of the year, 先建档、后帮扶. */
#ifndef UK_CARE_H
#define UK_CARE_H

#include <stddef.h>
#include <stdint.h>
#include "uk_date.h"
#include "uk_db.h"
#include "uk_rec.h"

/* v7: a care record names a member or a unit (a firm given 夏送清凉 with
 * its workers), never both; its cash and its goods are ledger entries. */
#define UK_CARE_SCHEMA_V7 \
	"CREATE TABLE care(id INTEGER PRIMARY KEY, date TEXT NOT NULL, kind TEXT NOT NULL," \
	" member_id INTEGER REFERENCES members(id), unit TEXT, workers INTEGER CHECK (workers >= 0)," \
	" amount INTEGER CHECK (amount > 0), goods TEXT, goods_value INTEGER CHECK (goods_value > 0)," \
	" occasion TEXT, student TEXT, school TEXT, entry_year INTEGER, note TEXT," \
	" cash_entry_id INTEGER REFERENCES ledger_entries(id)," \
	" goods_entry_id INTEGER REFERENCES ledger_entries(id)," \
	" over_cap_reason TEXT, force_reason TEXT, allow_future INTEGER NOT NULL DEFAULT 0," \
	" recorded_at TEXT NOT NULL, voided_at TEXT, void_reason TEXT," \
	" CHECK ((member_id IS NULL) <> (unit IS NULL)));" \
	"CREATE INDEX care_date ON care(date);" \
	"CREATE INDEX care_member ON care(member_id, kind, date);"

/* The kinds, the one list of them (the vocabulary care-kind). */
#define UK_CARE_NKINDS 13
const char *uk_care_kind(int i);
/* The index of a kind given in either language, or -1. */
int uk_care_kind_index(const char *kind);

struct uk_care_in {
	const char *date, *kind, *member, *unit, *workers;
	const char *amount, *goods, *goods_value, *occasion, *note;
	const char *student, *school, *entry_year;   /* 金秋助学 */
	const char *fund, *category, *account;       /* instead of the kind's */
	const char *force_reason;                    /* aid without a hardship file */
	const char *over_cap_reason;                 /* a gift past the year's cap */
	int allow_future, allow_overdraft;
};
/* Checks and writes one care record, its cash and goods posted: 0 with
 * *id, -1 with err for a record that breaks a rule, or an exit code. */
int uk_care_add(struct uk_db *db, const struct uk_care_in *in, int64_t *id, char *err, size_t errsz);
/* One gift to each member of members[] (member numbers; NULL: every member
 * active on in->date), in->member ignored. A member who has a record of
 * the kind and occasion already is skipped and counted in *already. 0, -1
 * with err naming the member, or an exit code. */
int uk_care_roll(struct uk_db *db, const struct uk_care_in *in, const char *const *members, int n,
                 long *added, long *already, char *err, size_t errsz);
/* Import: the columns of ls (and their Chinese headers); each record
 * added as add adds it (member_no wins over unit, which ls also fills for
 * a member). A record that repeats a stored one (the same date, kind,
 * member or unit, cash, goods value and occasion) is counted unchanged
 * and posts nothing: an import is safe to run twice. */
const struct uk_colspec *uk_care_colspec(int *n);
int uk_care_import(struct uk_db *db, struct uk_reader *r, const char *rejects, int allow_future,
                   int allow_overdraft, long *added, long *unchanged, long *bad);
/* Voids a record entered by mistake, and the ledger entries of its cash
 * and goods with it. */
int uk_care_void(struct uk_db *db, int64_t id, const char *reason, char *err, size_t errsz);

/* The records of a period (NULL: all), of a kind and a member (NULL:
 * any); voided: those voided instead; mask: names masked (member's and
 * student's), as a list to be shown outside the committee. */
const struct uk_outcol *uk_care_outcols(int voided, int *n);
int uk_care_list(struct uk_db *db, const struct uk_period *p, const char *kind, const char *member,
                 int voided, int mask, struct uk_writer *w);
/* Figures of a period, by kind (by_unit: by the member's unit, or the
 * unit cared for): persons, times, cash, goods value, units, workers. */
const struct uk_outcol *uk_care_stats_outcols(int by_unit, int *n);
int uk_care_stats(struct uk_db *db, struct uk_period p, int by_unit, struct uk_writer *w);
/* Members whose recorded event (retired, hardship file opened, deceased)
 * in the days before at has had no care record since. */
const struct uk_outcol *uk_care_due_outcols(int *n);
int uk_care_due(struct uk_db *db, struct uk_date at, long days, struct uk_writer *w);

/* The care of a period, as the reports and the plan's metrics count it
 * (voided records not counted): members cared for (each once) and records;
 * cash and goods; units cared for as a whole and their workers; members
 * in hardship visited (送温暖, 困难帮扶) and what they were given;
 * 夏送清凉's units, workers and value; 金秋助学's students and grants. */
struct uk_care_figures {
	long persons, times, units, workers;
	int64_t cash, goods;
	long hardship_persons;
	int64_t hardship_amount;
	long summer_units, summer_workers;
	int64_t summer_amount;
	long students;
	int64_t school_aid;
};
int uk_care_figures(struct uk_db *db, struct uk_period p, struct uk_care_figures *f);
/* The members (active or retired) with a hardship file who have never
 * been aided: no 送温暖, 困难帮扶 or 金秋助学 record and no aid from the
 * hardship fund (502) in force. Their ids by member_no, in *ids (the
 * caller frees). Exit code. */
int uk_care_never_aided(struct uk_db *db, int64_t **ids, long *n);
#endif
