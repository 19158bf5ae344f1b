/* uk_disputes.h - the labour-dispute mediation log (劳动争议调解): cases,
 * their dated timeline, overdue cases and the statistics a union reports. */
#ifndef UK_DISPUTES_H
#define UK_DISPUTES_H

#include <stdint.h>
#include <stdio.h>
#include "uk_cli.h"
#include "uk_date.h"
#include "uk_db.h"
#include "uk_vocab.h"
#include "uk_rec.h"

/* CHECKs with OR, not IN (see uk_members.h). */
#define UK_DISPUTES_SCHEMA_V3 \
	"CREATE TABLE disputes(" \
	" id INTEGER PRIMARY KEY, case_no TEXT NOT NULL UNIQUE," \
	" year INTEGER NOT NULL, seq INTEGER NOT NULL," \
	" kind TEXT NOT NULL CHECK (kind = 'dispute' OR kind = 'petition')," \
	" received TEXT NOT NULL, source TEXT," \
	" category TEXT NOT NULL, employer TEXT NOT NULL, employer_code TEXT," \
	" workers INTEGER NOT NULL CHECK (workers >= 1), claimed INTEGER CHECK (claimed >= 0)," \
	" summary TEXT NOT NULL," \
	" status TEXT NOT NULL CHECK (status = 'open' OR status = 'mediating' OR status = 'closed')," \
	" outcome TEXT, recovered INTEGER CHECK (recovered >= 0), closed TEXT," \
	" recorded_at TEXT NOT NULL, updated_at TEXT, UNIQUE (year, seq));" \
	"CREATE INDEX disputes_received ON disputes(received);" \
	"CREATE TABLE dispute_members(dispute_id INTEGER NOT NULL REFERENCES disputes(id)," \
	" member_id INTEGER NOT NULL REFERENCES members(id)," \
	" PRIMARY KEY (dispute_id, member_id)) WITHOUT ROWID;" \
	"CREATE TABLE dispute_events(id INTEGER PRIMARY KEY," \
	" dispute_id INTEGER NOT NULL REFERENCES disputes(id), date TEXT NOT NULL," \
	" action TEXT NOT NULL, status TEXT NOT NULL, outcome TEXT, recovered INTEGER, note TEXT," \
	" recorded_at TEXT NOT NULL);" \
	"CREATE INDEX dispute_events_case ON dispute_events(dispute_id, id);"
/* v5: a case entered by mistake is voided (when, why), never deleted; a
 * case dated after the day it was recorded says it was meant. */
#define UK_DISPUTES_SCHEMA_V5 \
	"ALTER TABLE disputes ADD COLUMN allow_future INTEGER NOT NULL DEFAULT 0;" \
	"ALTER TABLE disputes ADD COLUMN voided_at TEXT;" \
	"ALTER TABLE disputes ADD COLUMN void_reason TEXT;"

/* The categories of the 2008 law's Art. 2 (doc/domain.md), in report order. */
#define UK_DISPUTE_NCATEGORIES 8
const char *uk_dispute_category(int i);          /* "relationship", ... */
const char *uk_dispute_category_name(int i);     /* 确认劳动关系, ... */
/* The category a word names (slug, Chinese name, the seed's 工资纠纷 …), or NULL. */
const char *uk_dispute_category_of(const char *word);
#define UK_DISPUTE_NOUTCOMES 4
const char *uk_dispute_outcome(int i);           /* resolved failed referred withdrawn */
/* The vocabularies of a case, each read in English or Chinese
 * (--outcome 调解成功, a 来源 column of 来访): uk_vocab.h. */
enum uk_dispute_field { UK_DV_KIND, UK_DV_CATEGORY, UK_DV_SOURCE, UK_DV_STATUS, UK_DV_OUTCOME };
const struct uk_vocab *uk_dispute_vocab(enum uk_dispute_field which);

/* A case as given (text, not yet checked). */
struct uk_case_in {
	const char *kind, *received, *source, *category, *employer, *employer_code;
	const char *workers, *claimed, *summary;
	const char **members;       /* member_no */
	int nmembers;
	int allow_future;           /* --allow-future: a received date after today is meant */
	int quiet;                  /* no warnings: an import's trial of a record perhaps stored */
	const char *file;           /* the record's file and line, for warnings; NULL: the command line */
	long line;
};

/* Opens a case in the caller's write transaction: *case_no receives
 * "YYYY-NNNN" (numbered per year of receipt). 0, -1 with err, or an exit
 * code. A failing USCC check digit is a warning (printed), not a refusal. */
int uk_dispute_open(struct uk_db *db, const struct uk_case_in *in, char case_no[16],
                    char *err, size_t errsz);

/* A change: status mediating (or open), a note, or a reopening. */
struct uk_case_change {
	const char *status, *note, *date;
	int reopen;
	int allow_future;           /* a date after today is meant */
};
int uk_dispute_update(struct uk_db *db, const char *case_no, const struct uk_case_change *c,
                      char *err, size_t errsz);
/* Closes with an outcome; recovered only for resolved or referred. */
int uk_dispute_close(struct uk_db *db, const char *case_no, const char *outcome,
                     const char *recovered, const char *date, const char *note,
                     int allow_future, char *err, size_t errsz);
/* Voids a case entered by mistake: it leaves every figure and listing but
 * keeps its number, stays in show, and its timeline records the void
 * (dated today, the reason its note). A voided case is not changed again. */
int uk_dispute_void(struct uk_db *db, const char *case_no, const char *reason, char *err, size_t errsz);

/* Columns of ls and import. */
const struct uk_outcol *uk_dispute_outcols(int *n);
const struct uk_colspec *uk_dispute_colspec(int *n);

struct uk_dispute_filter {
	struct uk_period period;   /* on received */
	int has_period;
	const char *status, *category, *kind;
	int overdue;               /* open at `at`, past disputes.limit_days */
	int voided;                /* only the voided cases (else only those in force) */
	struct uk_date at;
};
/* Checks the filter's status, category and kind as given (a misspelt one
 * is bad data, not an empty list) and puts the category as stored. 0, or
 * -1 with *opt the option at fault ("--kind"), *value its value and *why
 * the reason. */
int uk_dispute_filter_check(struct uk_dispute_filter *f, const char **opt, const char **value,
                            const char **why);
/* with overdue: an extra days column; with voided: voided_at and
 * void_reason. mask: member names masked. */
const struct uk_outcol *uk_dispute_ls_cols(int overdue, int voided, int *n);
int uk_disputes_list(struct uk_db *db, const struct uk_dispute_filter *f, struct uk_writer *w,
                     int mask);
/* The case (ls columns, then voided_at and void_reason) and its timeline;
 * *found 0 when there is no such case (nothing written). */
const struct uk_outcol *uk_dispute_show_cols(int *n);
const struct uk_outcol *uk_dispute_timeline_cols(int *n);
int uk_dispute_show(struct uk_db *db, const char *case_no, struct uk_writer *case_w,
                    struct uk_writer *timeline_w, int mask, int *found);

/* Many cases from records: a new case per record, closed ones closed with
 * their outcome. A record of a case already stored (its case_no, else the
 * same received date, employer and summary, and the same kind, category,
 * source, employer code, workers and amount claimed) is counted unchanged
 * and writes nothing; one whose case_no names a stored case with other
 * details is refused. Reported, counted; the caller commits. */
int uk_disputes_import(struct uk_db *db, struct uk_reader *r, const char *rejects, int allow_future,
                       long *added, long *unchanged, long *bad);

/* The figures of a period (doc/domain.md). Rates are per mille
 * (-1 when the denominator is 0: shown "–", JSON null). Money in fen. */
struct uk_dispute_stats {
	struct uk_period period;
	long received, concluded, resolved, failed, referred, withdrawn, open;
	long by_category[UK_DISPUTE_NCATEGORIES];
	long collective, workers, petitions, overdue;
	long closed;               /* closed in the period, whenever received */
	long threshold, limit_days;
	int64_t claimed, recovered;
	long handled_permille, success_permille;
};
/* open and overdue are counted at `at` (the period's end, or today when
 * that is earlier). */
int uk_disputes_stats(struct uk_db *db, struct uk_period period, struct uk_date at,
                      long threshold, long limit_days, struct uk_dispute_stats *st);

/* The settings the figures are counted by: disputes.collective_threshold
 * and disputes.limit_days, stored, else their defaults (10 and 15, kept
 * with every key's default in union-config's table, lib/config.c). Exit
 * code. */
struct uk_dispute_settings { long threshold, limit_days; };
int uk_dispute_settings(struct uk_db *db, struct uk_dispute_settings *s);
/* The figures of a period as every tool gives them (dispute-log stats,
 * the reports, a plan's targets): the settings in force, open and
 * overdue counted at the period's end or today when that is earlier.
 * What a command line says instead: at (NULL: that default) and
 * threshold (0: the setting). Exit code. */
int uk_disputes_figures(struct uk_db *db, struct uk_period period, const struct uk_date *at,
                        long threshold, struct uk_dispute_stats *st);
/* A collective threshold as given (--collective): a whole number of
 * workers from 2. 0, or -1 with *why. */
int uk_dispute_threshold_of(const char *s, long *threshold, const char **why);
/* The figures as one JSON object (report-year reads it). 0, or 74 when
 * the output failed. */
int uk_dispute_stats_json(const struct uk_dispute_stats *st, FILE *f);
/* The figures as (measure, key, value) rows, to a writer made with these
 * columns. 0, or 74. */
extern const struct uk_outcol uk_dispute_stats_cols[3];
int uk_dispute_stats_rows(const struct uk_dispute_stats *st, struct uk_writer *w);
#endif
