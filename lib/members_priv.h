/* members_priv.h - what the member modules share among themselves. */
#ifndef UK_MEMBERS_PRIV_H
#define UK_MEMBERS_PRIV_H

#include <sqlite3.h>
#include "uk_members.h"
#include "uk_money.h"

/* The columns of a member row as every query selects them: id first, then
 * the fields in enum order, then roles. */
#define UK_MEMBER_FIELDS \
	"m.id, m.member_no, m.employee_no, m.name, m.gender, m.id_card, m.birth_date," \
	" m.ethnicity, m.education, m.political_status, m.phone, m.unit, m.union_group," \
	" m.position, m.hire_date, m.join_date, m.wage_base, m.hardship, m.migrant_worker," \
	" m.status, m.status_date, m.note, m.id_type, m.skill_level, m.household_type," \
	" m.household_place, m.employment_status,"
#define UK_MEMBER_SELECT \
	"SELECT " UK_MEMBER_FIELDS \
	" (SELECT group_concat(role, ';') FROM (SELECT role FROM member_roles r" \
	"   WHERE r.member_id = m.id ORDER BY role)) AS roles" \
	" FROM members m"
/* The same without the roles, for look-ups that compare fields. */
#define UK_MEMBER_SELECT_FIELDS "SELECT " UK_MEMBER_FIELDS " NULL AS roles FROM members m"

/* Column of the select for a field. */
#define UK_MEMBER_COL(f) ((f) + 1)
#define UK_MEMBER_COL_ROLES (UK_MF_COUNT + 1)

/* The keys of a record that may be bad otherwise (member_no, employee_no,
 * an ID number that passes its checks) into m, the rest left NULL: who a
 * rejected record names. Returns how many keys are readable. */
int uk_member_keys(char *const in[UK_MF_COUNT], struct uk_member *m, struct uk_date today);

/* Field f of the current row of a UK_MEMBER_SELECT statement as canonical
 * text (money and flags as the records write them; buf holds money), or
 * NULL. */
const char *uk_member_field_text(sqlite3_stmt *st, int f, char buf[UK_MONEY_BUFSZ]);

/* The fingerprint of a member's values over the fields a file gives (and
 * those its ID numbers give): equal fingerprints, equal values, so a record
 * whose fingerprint is a stored member's changes nothing. 128 bits of
 * SHA-256: no two different records share one by chance. */
enum { UK_MEMBER_FP = 16 };
struct uk_member_fpcols { int n; int f[UK_MF_COUNT]; };
/* The fields of the records r reads. */
void uk_member_fpcols(const struct uk_reader *r, struct uk_member_fpcols *c);
void uk_member_fp(const struct uk_member_fpcols *c, const char *const v[UK_MF_COUNT],
                  unsigned char fp[UK_MEMBER_FP]);

/* A record read and checked away from the database (members_decode.c):
 * the part of an import that needs no look-up. */
struct uk_member_decoded {
	long line;
	struct uk_row *row;          /* the record as read, for rejects */
	const char *why;             /* NULL, or why the record is bad */
	char err[400];
	struct uk_member m;          /* the values, canonical, when good */
	int has_fp;
	unsigned char fp[UK_MEMBER_FP];
};
struct uk_member_decode_opts {
	struct uk_date today;
	int allow_future;
	const struct uk_member_fpcols *fpc;  /* or NULL: no fingerprint */
};
/* Checks d->row into d (line, why or m, fingerprint). */
void uk_member_decode(const struct uk_member_decode_opts *o, struct uk_member_decoded *d);
/* The same for values given as in[] (the command line's record): why,
 * or m and the fingerprint. */
void uk_member_decode_in(const struct uk_member_decode_opts *o, char *const in[UK_MF_COUNT],
                         struct uk_member_decoded *d);

/* The records of a CSV file read and decoded by a second thread, handed
 * over in input order; the caller's thread keeps the database. */
struct uk_member_pipe;
/* Starts reading r, after before(before_ctx) when before is not NULL:
 * work of the caller's that the reading thread does first. 0, or an exit
 * code (said). */
int uk_member_pipe_start(struct uk_reader *r, const struct uk_member_decode_opts *o,
                         void (*before)(void *), void *before_ctx, struct uk_member_pipe **out);
/* Waits until before() is done (the first records are ready): what it
 * left in before_ctx is the caller's to read from then on. */
void uk_member_pipe_wait(struct uk_member_pipe *p);
/* The next record: 1 and *d (valid until the next call), 0 at the end, or
 * the exit code that stopped the reading (said). */
int uk_member_pipe_next(struct uk_member_pipe *p, struct uk_member_decoded **d);
/* Stops the reading thread, waits for it, frees everything. */
void uk_member_pipe_end(struct uk_member_pipe *p);

/* A member read from the database: owned strings. */
struct uk_member_row { int64_t id; char *v[UK_MF_COUNT]; char *roles; };
/* Loads the current row of a UK_MEMBER_SELECT statement into the struct
 * uk_member_row ctx: a uk_db_row_fn. 0, or 70 out of memory (said). */
int uk_member_row_load(sqlite3_stmt *st, void *ctx);
void uk_member_row_free(struct uk_member_row *row);
/* Writes the current row of a UK_MEMBER_SELECT statement. 0, UK_DB_STOP
 * when the write failed (a closed pipe: stop quietly), or 70 out of
 * memory (said). */
int uk_member_write(sqlite3_stmt *st, struct uk_writer *w, int mask);
/* Records one change in the member's history; one dated after the day it
 * is recorded (recorded_at) is marked as meant (--allow-future). Exit
 * code. */
int uk_member_event(struct uk_db *db, sqlite3_stmt **st, int64_t id, const char *date,
                    const char *field, const char *old_value, const char *new_value,
                    const char *note, const char *recorded_at);
#endif
