/* members_priv.h - what the member modules share among themselves. */
#ifndef UK_MEMBERS_PRIV_H
#define UK_MEMBERS_PRIV_H

#include <sqlite3.h>
#include "uk_members.h"

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
