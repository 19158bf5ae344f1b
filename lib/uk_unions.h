/* uk_unions.h - a federation's register of its grassroots unions (基层工会):
 * each union, single-employer (单建) or joint (联合, covering several
 * firms), its firms, its dated facts (chair, members, internal hardship
 * fund, mediation committee), the 职代会 it held, its collective contracts
 * and the audits of its finances; the federation's figures of a year.
 * Nothing is deleted: a union is dissolved with its date and reason. */
#ifndef UK_UNIONS_H
#define UK_UNIONS_H

#include <stddef.h>
#include <stdint.h>
#include "uk_date.h"
#include "uk_db.h"
#include "uk_rec.h"

/* v9: the register. A fact row carries the fields a change gave, the
 * others NULL: a field's value on a day is the latest given on or before
 * it. A name is one union's among those not dissolved: a union founded
 * again under the name of one dissolved is a new union. A firm row is one period of cover (since, until): a firm that left
 * and came back has two. A contract ends the day before the anniversary of its signing after
 * its term. */
#define UK_UNIONS_SCHEMA_V9 \
	"CREATE TABLE unions(id INTEGER PRIMARY KEY, name TEXT NOT NULL," \
	" type TEXT NOT NULL CHECK (type IN ('single', 'joint')), code TEXT UNIQUE, founded TEXT," \
	" recorded_at TEXT NOT NULL, dissolved_on TEXT, dissolve_reason TEXT);" \
	"CREATE UNIQUE INDEX unions_name ON unions(name) WHERE dissolved_on IS NULL;" \
	"CREATE TABLE union_firms(id INTEGER PRIMARY KEY, union_id INTEGER NOT NULL REFERENCES unions(id)," \
	" name TEXT NOT NULL, code TEXT, workers INTEGER CHECK (workers >= 0), since TEXT, until TEXT," \
	" recorded_at TEXT NOT NULL);" \
	"CREATE INDEX union_firms_union ON union_firms(union_id, name);" \
	"CREATE TABLE union_facts(id INTEGER PRIMARY KEY, union_id INTEGER NOT NULL REFERENCES unions(id)," \
	" date TEXT NOT NULL, chair TEXT, members INTEGER CHECK (members >= 0)," \
	" hardship_fund TEXT CHECK (hardship_fund IN ('yes', 'no', 'n/a'))," \
	" fund_size INTEGER CHECK (fund_size >= 0), mediators INTEGER CHECK (mediators >= 0)," \
	" recorded_at TEXT NOT NULL);" \
	"CREATE INDEX union_facts_union ON union_facts(union_id, date);" \
	"CREATE TABLE union_congresses(id INTEGER PRIMARY KEY, union_id INTEGER NOT NULL REFERENCES unions(id)," \
	" date TEXT NOT NULL, recorded_at TEXT NOT NULL, UNIQUE (union_id, date));" \
	"CREATE TABLE union_contracts(id INTEGER PRIMARY KEY, union_id INTEGER NOT NULL REFERENCES unions(id)," \
	" kind TEXT NOT NULL, signed TEXT NOT NULL, ends TEXT NOT NULL," \
	" term_years INTEGER NOT NULL CHECK (term_years BETWEEN 1 AND 10)," \
	" workers INTEGER NOT NULL CHECK (workers > 0), wage_increase INTEGER, recorded_at TEXT NOT NULL," \
	" voided_at TEXT, void_reason TEXT);" \
	"CREATE TABLE union_audits(id INTEGER PRIMARY KEY, union_id INTEGER NOT NULL REFERENCES unions(id)," \
	" date TEXT NOT NULL, findings TEXT NOT NULL, rectified TEXT, recorded_at TEXT NOT NULL," \
	" voided_at TEXT, void_reason TEXT);"

/* A union added, or changed (NULL or "": not given). firms: NAME, or
 * NAME:USCC, or NAME:USCC:WORKERS (USCC may be empty), covered from the
 * day of the facts (date: default founded, else today); firm_left: a firm
 * it no longer covers from that day. */
struct uk_union_in {
	const char *name, *new_name, *type, *code, *founded, *chair, *members, *firm_left;
	const char *const *firms;
	int nfirms;
	const char *hardship_fund, *fund_size, *mediators, *congress, *date;
	int allow_future, quiet;
	const char *file;           /* the record's file and line, for warnings; NULL: the command line */
	long line;
};
/* 0 with *id, -1 with err for a record that breaks a rule, or an exit
 * code. A USCC that fails its check character only is kept, with a
 * warning (unless quiet). */
int uk_union_add(struct uk_db *db, const struct uk_union_in *in, int64_t *id, char *err, size_t errsz);
/* Changes the union named `which` (its name or its code): only what
 * differs from the record is written; *changed says whether anything was. */
int uk_union_set(struct uk_db *db, const char *which, const struct uk_union_in *in, int *changed,
                 char *err, size_t errsz);
int uk_union_dissolve(struct uk_db *db, const char *which, const char *date, const char *reason,
                      int allow_future, char *err, size_t errsz);

struct uk_contract_in {
	const char *which, *kind, *signed_on, *term_years, *workers, *wage_increase;
	int allow_future;
};
int uk_union_contract(struct uk_db *db, const struct uk_contract_in *in, int64_t *id, char *err, size_t errsz);
int uk_union_audit(struct uk_db *db, const char *which, const char *date, const char *findings,
                   const char *rectified, int allow_future, int64_t *id, char *err, size_t errsz);
/* A contract or an audit (what: "contract", "audit") entered by mistake
 * voided: it leaves every list and figure and stays in the database. */
int uk_union_void(struct uk_db *db, const char *what, int64_t id, const char *reason, char *err, size_t errsz);
/* The findings of audit id rectified on date. */
int uk_union_rectify(struct uk_db *db, int64_t id, const char *date, int allow_future, char *err, size_t errsz);

/* Import: the columns of ls. A union in the register (by code, else by
 * name) is changed as set changes it, one that is not is added; a record
 * that changes nothing is counted unchanged: an import is safe to run
 * twice. */
const struct uk_colspec *uk_union_colspec(int *n);
int uk_union_import(struct uk_db *db, struct uk_reader *r, const char *rejects, int allow_future, int quiet,
                    long *added, long *updated, long *unchanged, long *bad);

/* The register on day at: a row per union (dissolved ones too with all),
 * facts as of at; type: that type only (NULL: any); audit_open: only the
 * unions with findings not rectified by at. */
struct uk_union_filter {
	struct uk_date at;
	const char *type;
	int all, audit_open;
};
const struct uk_outcol *uk_union_outcols(int *n);
int uk_union_list(struct uk_db *db, const struct uk_union_filter *f, struct uk_writer *w);
/* One union, whole: its record, then its firms, facts, congresses,
 * contracts and audits as rows of (section, id, date, subject, detail,
 * until, workers, note). */
const struct uk_outcol *uk_union_show_outcols(int *n);
int uk_union_show(struct uk_db *db, const char *which, struct uk_writer *w, char *err, size_t errsz);
/* The contracts in force on at (expiring and lapsed < 0); those that end
 * within expiring days after at and have not been renewed (no later
 * contract of the union and kind); or those that ended within lapsed days
 * before at and were not renewed. */
const struct uk_outcol *uk_union_contract_outcols(int *n);
int uk_union_contracts(struct uk_db *db, struct uk_date at, long expiring, long lapsed, struct uk_writer *w);

/* The federation's figures for a year, as of its last day (or today
 * while it runs): the unions in the register then, by type; firms covered
 * (a single-employer union covers one firm, listed or not); founded and
 * dissolved in the year; members; unions with an internal hardship fund
 * and those required to have one (every union but those marked n/a),
 * the share in per mille (-1 without any required), the funds' size;
 * mediation committees (a union with mediators) and mediators; unions
 * that held a 职代会 in the year; contracts in force by kind and the
 * workers they cover, those expiring within 90 days, those that lapsed
 * in the year unrenewed; audits done in the
 * year and findings open at its end. */
#define UK_CONTRACT_NKINDS 3
struct uk_union_figures {
	long unions, single, joint, firms, founded, dissolved, members;
	long fund_unions, fund_required, fund_share;
	int64_t fund_size;
	long committees, mediators, congresses;
	long contracts[UK_CONTRACT_NKINDS], contract_workers[UK_CONTRACT_NKINDS], contracts_expiring;
	long contracts_lapsed;
	long audits, audits_open;
};
int uk_union_figures(struct uk_db *db, struct uk_period p, struct uk_union_figures *f);
const char *uk_contract_kind(int i);
const struct uk_outcol *uk_union_stats_outcols(int *n);
int uk_union_stats(struct uk_db *db, struct uk_period p, struct uk_writer *w);
/* The union a command line names: its name (spaces around it aside) or
 * its code (either case, full-width or not); *id 0 when none. */
int uk_union_find(struct uk_db *db, const char *which, int64_t *id);
/* The union of the register a report names: by its code where both have
 * one, else by its name; *id 0 when none. Exit code. */
int uk_union_lookup(struct uk_db *db, const char *code, const char *name, int64_t *id);
/* fn for each union in the register on day at (founded by then, not
 * dissolved), in the register's order; a non-zero return stops and is
 * returned. code may be NULL. */
typedef int (*uk_union_each_fn)(void *ctx, int64_t id, const char *name, const char *code);
int uk_union_each(struct uk_db *db, struct uk_date at, uk_union_each_fn fn, void *ctx);
/* Whether the register holds any union (the year report's register
 * section is a federation's only). */
int uk_union_register_used(struct uk_db *db, int *used);
#endif
