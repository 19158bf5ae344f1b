/* uk_members.h - the member register (会员档案): fields and their rules,
 * batch upsert from HR records, listing, history, and changes. */
#ifndef UK_MEMBERS_H
#define UK_MEMBERS_H

#include <stdint.h>
#include "uk_cli.h"
#include "uk_date.h"
#include "uk_db.h"
#include "uk_rec.h"

/* The fields of a member, in the order of the members table and of output.
 * Names are the CSV/JSON column names (unionkit-formats(5)). */
enum uk_member_field {
	UK_MF_MEMBER_NO, UK_MF_EMPLOYEE_NO, UK_MF_NAME, UK_MF_GENDER, UK_MF_ID_CARD,
	UK_MF_BIRTH_DATE, UK_MF_ETHNICITY, UK_MF_EDUCATION, UK_MF_POLITICAL_STATUS,
	UK_MF_PHONE, UK_MF_UNIT, UK_MF_UNION_GROUP, UK_MF_POSITION, UK_MF_HIRE_DATE,
	UK_MF_JOIN_DATE, UK_MF_WAGE_BASE, UK_MF_HARDSHIP, UK_MF_MIGRANT_WORKER,
	UK_MF_STATUS, UK_MF_STATUS_DATE, UK_MF_NOTE, UK_MF_ID_TYPE, UK_MF_SKILL_LEVEL,
	UK_MF_HOUSEHOLD_TYPE, UK_MF_HOUSEHOLD_PLACE, UK_MF_EMPLOYMENT_STATUS,
	UK_MF_COUNT
};

/* The three keys of a member, unique. Named indexes rather than UNIQUE
 * column constraints, so that a first import into an empty register can
 * build them once after the load instead of row by row. */
#define UK_MEMBERS_KEY_INDEXES \
	"CREATE UNIQUE INDEX members_member_no ON members(member_no);" \
	"CREATE UNIQUE INDEX members_employee_no ON members(employee_no);" \
	"CREATE UNIQUE INDEX members_id_card ON members(id_card);"
#define UK_MEMBERS_DROP_KEY_INDEXES \
	"DROP INDEX members_member_no; DROP INDEX members_employee_no; DROP INDEX members_id_card;"

/* member_counts holds the number of members by status, kept by the code
 * that adds members or changes their status (a trigger would make SQLite
 * open a statement journal per insert), so member-ls --count answers at once.
 * CHECKs are written with OR, not IN: an IN list makes SQLite build a
 * temporary index on every insert, which doubles the cost of a bulk import. */
#define UK_MEMBERS_SCHEMA_V1 \
	"CREATE TABLE members(" \
	" id INTEGER PRIMARY KEY," \
	" member_no TEXT NOT NULL, employee_no TEXT, name TEXT NOT NULL," \
	" gender TEXT CHECK (gender = 'male' OR gender = 'female'), id_card TEXT," \
	" birth_date TEXT, ethnicity TEXT, education TEXT, political_status TEXT, phone TEXT," \
	" unit TEXT, union_group TEXT, position TEXT, hire_date TEXT, join_date TEXT," \
	" wage_base INTEGER CHECK (wage_base >= 0)," \
	" hardship TEXT NOT NULL DEFAULT 'none' CHECK (hardship = 'none' OR hardship = 'relative'" \
	"  OR hardship = 'deep' OR hardship = 'accident')," \
	" migrant_worker INTEGER CHECK (migrant_worker = 0 OR migrant_worker = 1)," \
	" status TEXT NOT NULL DEFAULT 'active'" \
	"  CHECK (status = 'active' OR status = 'retired' OR status = 'transferred'" \
	"  OR status = 'left' OR status = 'deceased')," \
	" status_date TEXT, note TEXT, id_type TEXT, skill_level TEXT, household_type TEXT," \
	" household_place TEXT, employment_status TEXT," \
	" added_at TEXT NOT NULL, updated_at TEXT);" \
	UK_MEMBERS_KEY_INDEXES \
	"CREATE TABLE member_events(" \
	" id INTEGER PRIMARY KEY, member_id INTEGER NOT NULL REFERENCES members(id)," \
	" date TEXT NOT NULL, field TEXT NOT NULL, old_value TEXT, new_value TEXT," \
	" note TEXT, recorded_at TEXT NOT NULL);" \
	"CREATE INDEX member_events_member ON member_events(member_id, id);" \
	"CREATE INDEX member_events_field ON member_events(member_id, field, date, id);" \
	"CREATE TABLE member_roles(" \
	" member_id INTEGER NOT NULL REFERENCES members(id), role TEXT NOT NULL," \
	" since TEXT NOT NULL, PRIMARY KEY (member_id, role)) WITHOUT ROWID;" \
	"CREATE TABLE member_counts(status TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;" \
	"INSERT INTO member_counts VALUES ('active', 0), ('retired', 0), ('transferred', 0)," \
	" ('left', 0), ('deceased', 0);"
/* v5: an event dated after the day it was recorded says it was meant. */
#define UK_MEMBERS_SCHEMA_V5 \
	"ALTER TABLE member_events ADD COLUMN allow_future INTEGER NOT NULL DEFAULT 0;"


/* Input columns with the headers HR spreadsheets use (unionkit-formats(5)): the
 * fields in enum order, then roles (read and ignored). */
const struct uk_colspec *uk_member_colspec(int *n);
/* Output columns: the fields plus "roles" after status_date. */
const struct uk_outcol *uk_member_outcols(int *n);
const char *uk_member_field_name(enum uk_member_field f);
/* The field named by the first len bytes of name, or -1. */
int uk_member_field_find(const char *name, size_t len);

/* A member as canonical text: NULL when unknown. */
struct uk_member {
	int64_t id;                 /* rowid, 0 when not stored */
	char *v[UK_MF_COUNT];
	char scratch[512];          /* canonical forms of short values */
	size_t used;
};

/* Checks and canonicalises one record's values (in[f] trimmed, NULL or ""
 * when absent) into m; values may be folded in place. 0, or -1 with the
 * message in err ("bad check digit in id_card '...'"). */
int uk_member_normalize(char *const in[UK_MF_COUNT], struct uk_member *m,
                        struct uk_date today, char *err, size_t errsz);

/* The canonical word for a status, hardship level or yes/no value given in
 * English or Chinese (退休 -> retired), or NULL. */
const char *uk_member_word(enum uk_member_field f, const char *s);
/* The canonical words of such a field as "a, b or c" ("a, b, c or MORE"
 * when more is not NULL), for messages: into buf, returned. */
const char *uk_member_words_text(enum uk_member_field f, const char *more, char *buf, size_t bufsz);
/* A free-text value is fit to store: no control characters, at most 200
 * bytes. 0, or -1 with the message in err. */
/* field: its name marked N_() (translated in the message). */
int uk_member_text_ok(const char *s, char *err, size_t errsz, const char *field);

/* How "the same person" is found. */
enum uk_member_key { UK_KEY_DEFAULT, UK_KEY_EMPLOYEE_NO, UK_KEY_ID_CARD, UK_KEY_MEMBER_NO };
int uk_member_key_parse(const char *s, enum uk_member_key *k);

/* Where member-add's records come from. */
struct uk_member_source {
	struct uk_reader *reader;   /* a file, or NULL for the one record below */
	char **single;              /* the command line's record: UK_MF_COUNT values */
};

struct uk_member_import_opts {
	enum uk_member_key key;
	int no_update, dry_run, skip_bad, quiet, list_missing;
	const char *rejects;
	const char *member_no;      /* --member-no for a single add */
	struct uk_writer *out;      /* affected (or missing) records, or NULL */
	int mask;
	int allow_future;           /* a status_date after today is meant */
};

struct uk_import_stats { long added, updated, unchanged, skipped, missing, bad; };

/* Adds or updates members in one transaction: all or nothing unless
 * skip_bad. Prints one message per bad record and the summary. Returns an
 * exit code (0, 1 when records were skipped, 65 when any was bad, ...). */
int uk_members_import(struct uk_db *db, struct uk_member_source *src,
                      const struct uk_member_import_opts *o, struct uk_import_stats *st);

/* member-ls */
struct uk_member_filter {
	const char *status;         /* active (default), retired, ..., all */
	const char *unit, *group, *hardship, *where_key;
	enum uk_member_key by;
	int female, joined, left;   /* joined/left: a year, 0 for none */
	const char **where;         /* "column=value" */
	int nwhere;
};
/* member-ls's --status (a status, or all) and --hardship (a level; NULL
 * for any level) into f: 0, or -1 with what they may be in err. */
int uk_member_filter_status(struct uk_member_filter *f, const char *s, char *err, size_t errsz);
int uk_member_filter_hardship(struct uk_member_filter *f, const char *s, char *err, size_t errsz);
/* The members f selects (active ones unless f->status says otherwise;
 * everyone, with --left, since those who left are no longer active), to
 * w and counted; with w NULL, counted only. Exit code. */
int uk_members_list(struct uk_db *db, const struct uk_member_filter *f,
                    struct uk_writer *w, int mask, long *count);
/* Writes the members with these ids (in order), in member-ls columns.
 * Exit code. */
int uk_members_write_ids(struct uk_db *db, const int64_t *ids, long n,
                         struct uk_writer *w, int mask);
/* Columns of --history. */
const struct uk_outcol *uk_member_history_cols(int *n);
/* The one look-up of a member by key: by member_no (the default), a
 * number as Excel leaves a member_no, without leading zeros ("1"), names
 * the one member whose member_no of digits is that number ("000001"); the
 * exact member_no always wins. Returns 0 with *found: *id, and the
 * member_no as stored in no (when not NULL); not found, err says so. -1
 * when a stripped number fits more than one (err says which); or an exit
 * code. */
int uk_member_resolve(struct uk_db *db, const char *name, enum uk_member_key by, int64_t *id,
                      char *no, size_t nosz, int *found, char *err, size_t errsz);
/* Finds a member named on the command line (member_no, or by another key).
 * Returns an exit code (65 when unknown or ambiguous, said). */
int uk_member_find(struct uk_db *db, const char *name, enum uk_member_key by, int64_t *id);
/* The member's dated changes; with mask, names, ID numbers and phones in
 * them are masked. */
int uk_members_history(struct uk_db *db, int64_t id, struct uk_writer *w, int mask);

/* member-set: one change request (NULL fields unchanged). */
struct uk_member_change {
	const char *status, *date, *note, *hardship, *group, *unit, *wage_base;
	const char *hardship_reviewed;   /* the day the hardship file was reviewed */
	const char **roles, **no_roles;
	int nroles, nno_roles;
	int allow_future;            /* a date after today is meant */
};
int uk_member_change_apply(struct uk_db *db, int64_t id, const struct uk_member_change *c,
                           struct uk_date today, char *err, size_t errsz, int *changed);
/* member-set MEMBER: the member named (as uk_member_find) changed in one
 * transaction, committed unless dry_run; the member to out (when not
 * NULL and changed) after the commit; "NAME: N changes" unless quiet.
 * Exit code (65 for an unknown member or a change that breaks a rule,
 * said). */
int uk_member_set_one(struct uk_db *db, const char *name, enum uk_member_key by,
                      const struct uk_member_change *c, int dry_run, int quiet,
                      struct uk_writer *out, int mask);
/* Batch changes from records: a key column (member_no, employee_no or
 * id_card) and changed columns; the changes in given (from the command
 * line) apply to every record and win over its columns. The changed
 * members go to out (when not NULL) after the commit. */
int uk_members_set_batch(struct uk_db *db, struct uk_reader *r, const struct uk_member_change *given,
                         int dry_run, int skip_bad, int quiet, const char *rejects,
                         struct uk_writer *out, int mask);
/* The member named (member_no, or by another key) and the value of field
 * ("hardship" or "status") on record at date, from the dated history:
 * 0 with *found, or an exit code. The name is taken as it is: a name from
 * input goes through uk_member_resolve first. */
int uk_member_value_at(struct uk_db *db, const char *name, enum uk_member_key by,
                       const char *field, const char *date, int64_t *id, char out[16], int *found);
/* The members (active or retired) with a hardship file whose level was
 * neither set nor reviewed (member-set --hardship-reviewed) in the 365
 * days up to at: the national system's 一年未改. Their ids, by member_no,
 * in *ids (the caller frees). Exit code. */
int uk_members_review_due(struct uk_db *db, struct uk_date at, int64_t **ids, long *n);
/* Calls fn for every member active on date who had joined by joined_by
 * (join_date, else hire_date, when known), by member_no, with what dues
 * need; wage_base is the text form or NULL. A non-zero return of fn stops
 * and is returned. */
typedef int (*uk_member_dues_fn)(void *ctx, const char *member_no, const char *name,
                                 const char *unit, const char *wage_base);
int uk_members_each_active(struct uk_db *db, const char *date, const char *joined_by,
                           uk_member_dues_fn fn, void *ctx);
/* The register's figures for a period (doc/domain.md): members active or
 * retired at its end, women among them, with a hardship level; joined and
 * left within it. */
struct uk_member_figures {
	long total, female, hardship, joined, left;
	long active, retired;                   /* total, apart */
	long relative, deep, accident;          /* hardship by level */
	long left_left, transferred, deceased;  /* left, by reason */
	long hardship_new, hardship_out;        /* files opened, closed (脱困) */
};
/* Members active or retired at date, by unit: fn(ctx, unit, count). */
typedef int (*uk_count_fn)(void *ctx, const char *key, long n);
int uk_members_by_unit(struct uk_db *db, struct uk_date date, uk_count_fn fn, void *ctx);
int uk_members_figures(struct uk_db *db, struct uk_period p, struct uk_member_figures *f);
/* Adds delta to the kept number of members of a status; every change of
 * a member's status (and every new member) goes through it. */
int uk_member_counts_add(struct uk_db *db, const char *status, long delta);
/* The columns member-set reads, into cols; their number. */
#define UK_MEMBER_SET_NCOLS 29
int uk_member_set_colspec(struct uk_colspec cols[UK_MEMBER_SET_NCOLS]);
/* The roles of doc/domain.md "Members": the slug of one written in either
 * language (主席, chair), or NULL. */
const char *uk_role_slug(const char *role);
#endif
