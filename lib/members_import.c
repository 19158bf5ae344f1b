/* members_import.c - member-add: upsert of members from HR records in one
 * transaction, every bad record named, nothing written when any is bad. */
#include "members_priv.h"
#include "uk_batch.h"
#include "uk_i18n.h"
#include "uk_money.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct import {
	struct uk_db *db;
	const struct uk_member_import_opts *o;
	struct uk_import_stats *st;
	const char *file;            /* for messages; NULL for the command line */
	char stamp[20];
	char today[UK_DATE_BUFSZ];
	struct uk_date today_date;
	char note[300];
	int fresh;                   /* the table was empty at the start */
	long long next_no;           /* next member_no to assign; 0 not read yet */
	sqlite3_stmt *find[3];       /* by id_card, employee_no, member_no */
	sqlite3_stmt *find_id[3];    /* the same, the id only */
	sqlite3_stmt *insert, *update, *event;
	/* Which stored members this batch touched, and on which line: finds
	 * a duplicate inside the file and the members the file leaves out. */
	long *seen;
	size_t nseen;
	/* The members rejected records name, by line: they are not missing. */
	long *named;
	size_t nnamed;
	long keyless;                /* rejected records that name no one */
	/* Growing lists of ids (uk_matched, the batch's). */
	struct uk_matched affected;  /* the members written, for o->out */
	struct uk_matched missing;   /* the members --list-missing names */
	struct uk_rejects *rejects;
	long status_delta[5];        /* members gained or lost by status */
	int bulk, bulk_failed;       /* loading without key indexes */
	/* The stored members by the fingerprint of the file's fields: a
	 * record that has one of them changes nothing (re-importing the
	 * monthly list), known without a look-up. */
	struct uk_member_fpcols fpc;
	int use_fp;
	struct fptab *fps;
};

static void fptab_free(struct fptab *t);

enum { N_STATUS = 5 };
static const char *const status_names[N_STATUS] = {"active", "retired", "transferred", "left", "deceased"};

static void status_count(struct import *im, const char *status, long delta)
{
	for (int i = 0; i < N_STATUS; i++)
		if (strcmp(status ? status : "active", status_names[i]) == 0)
			im->status_delta[i] += delta;
}

enum { FIND_ID_CARD, FIND_EMPLOYEE_NO, FIND_MEMBER_NO };
static const int find_field[3] = {UK_MF_ID_CARD, UK_MF_EMPLOYEE_NO, UK_MF_MEMBER_NO};

static int prepare(struct import *im)
{
	static const char *const find_sql[3] = {
		UK_MEMBER_SELECT_FIELDS " WHERE m.id_card = ?1",
		UK_MEMBER_SELECT_FIELDS " WHERE m.employee_no = ?1",
		UK_MEMBER_SELECT_FIELDS " WHERE m.member_no = ?1",
	};
	static const char *const find_id_sql[3] = {
		"SELECT id FROM members WHERE id_card = ?1",
		"SELECT id FROM members WHERE employee_no = ?1",
		"SELECT id FROM members WHERE member_no = ?1",
	};
	for (int i = 0; i < 3; i++)
		if (!(im->find[i] = uk_db_prepare(im->db, find_sql[i])) ||
		    !(im->find_id[i] = uk_db_prepare(im->db, find_id_sql[i])))
			return UK_EX_SOFTWARE;
	im->insert = uk_db_prepare(im->db,
		"INSERT INTO members(member_no, employee_no, name, gender, id_card, birth_date,"
		" ethnicity, education, political_status, phone, unit, union_group, position,"
		" hire_date, join_date, wage_base, hardship, migrant_worker, status, status_date,"
		" note, id_type, skill_level, household_type, household_place, employment_status,"
		" added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
		" ?15, ?16, coalesce(?17, 'none'), ?18, coalesce(?19, 'active'), ?20, ?21, ?22,"
		" ?23, ?24, ?25, ?26, ?27)");
	im->update = uk_db_prepare(im->db,
		"UPDATE members SET member_no = ?1, employee_no = ?2, name = ?3, gender = ?4,"
		" id_card = ?5, birth_date = ?6, ethnicity = ?7, education = ?8,"
		" political_status = ?9, phone = ?10, unit = ?11, union_group = ?12,"
		" position = ?13, hire_date = ?14, join_date = ?15, wage_base = ?16,"
		" hardship = coalesce(?17, 'none'), migrant_worker = ?18,"
		" status = coalesce(?19, 'active'), status_date = ?20, note = ?21, id_type = ?22,"
		" skill_level = ?23, household_type = ?24, household_place = ?25,"
		" employment_status = ?26, updated_at = ?27 WHERE id = ?28");
	if (!im->insert || !im->update)
		return UK_EX_SOFTWARE;
	return UK_EX_OK;
}

static void finalize_statements(struct import *im)
{
	for (int i = 0; i < 3; i++) {
		sqlite3_finalize(im->find[i]);
		sqlite3_finalize(im->find_id[i]);
	}
	sqlite3_finalize(im->insert);
	sqlite3_finalize(im->update);
	sqlite3_finalize(im->event);
	memset(im->find, 0, sizeof im->find);
	memset(im->find_id, 0, sizeof im->find_id);
	im->insert = im->update = im->event = NULL;
}

static void finalize(struct import *im)
{
	finalize_statements(im);
	free(im->seen);
	free(im->named);
	uk_matched_free(&im->affected);
	uk_matched_free(&im->missing);
	fptab_free(im->fps);
	im->fps = NULL;
	im->seen = im->named = NULL;
	im->nseen = im->nnamed = 0;
}

/* Binds the fields of a member as stored: money in fen, flags as 0/1. */
static void bind_fields(sqlite3_stmt *st, char *const v[UK_MF_COUNT])
{
	for (int f = 0; f < UK_MF_COUNT; f++) {
		int p = f + 1;
		if (!v[f]) {
			sqlite3_bind_null(st, p);
		} else if (f == UK_MF_WAGE_BASE) {
			int64_t fen = 0;
			const char *why;
			uk_money_parse(v[f], &fen, &why);  /* canonical already */
			sqlite3_bind_int64(st, p, fen);
		} else if (f == UK_MF_MIGRANT_WORKER) {
			sqlite3_bind_int(st, p, strcmp(v[f], "yes") == 0);
		} else {
			sqlite3_bind_text(st, p, v[f], -1, SQLITE_STATIC);
		}
	}
}

/* Sets (*a)[id] = v, growing the table by member id. 0, or -1. */
static int id_table_set(long **a, size_t *n, int64_t id, long v)
{
	if ((size_t)id >= *n) {
		size_t m = *n ? *n : 4096;
		long *s;
		while (m <= (size_t)id)
			m *= 2;
		if (!(s = realloc(*a, m * sizeof *s)))
			return -1;
		memset(s + *n, 0, (m - *n) * sizeof *s);
		*a = s;
		*n = m;
	}
	(*a)[id] = v;
	return 0;
}

/* 0, or 70 out of memory (said). */
static int seen_mark(struct import *im, int64_t id, long line)
{
	/* A record from the command line has no line: -1 still marks it. */
	return id_table_set(&im->seen, &im->nseen, id, line > 0 ? line : -1) ? uk_err_nomem() : 0;
}

static long seen_line(const struct import *im, int64_t id)
{
	return (size_t)id < im->nseen ? im->seen[id] : 0;
}

/* 0, or 70 out of memory (said). */
static int affected_add(struct import *im, int64_t id)
{
	if (!im->o->out || im->o->list_missing)
		return 0;
	return uk_matched_add(&im->affected, id);
}

/* Looks the member up by one key: *found, and the row loaded. 0 or an
 * exit code. */
static int find_by(struct import *im, int which, const char *value, struct uk_member_row *row,
                   int *found)
{
	sqlite3_stmt *st = im->find[which];
	sqlite3_bind_text(st, 1, value, -1, SQLITE_STATIC);
	return uk_db_one(im->db, st, uk_member_row_load, row, found, N_("cannot look up member"));
}

/* The id of the member with one key: *found. 0 or an exit code. */
static int find_id_by(struct import *im, int which, const char *value, int64_t *id, int *found)
{
	sqlite3_stmt *st = im->find_id[which];
	sqlite3_bind_text(st, 1, value, -1, SQLITE_STATIC);
	return uk_db_ints(im->db, st, id, 1, found, N_("cannot look up member"));
}

/* The member_no a record's member_no of digits stands for when it is not
 * stored as it is: the one the members module finds once the zeros Excel
 * dropped are put back (1 for 000001), written into buf, *stored set; else
 * the value stays. 0, -1 it could be more than one (err says which), or
 * an exit code. */
static int member_no_stored(struct import *im, const char *v, char *buf, size_t n, int *stored,
                            char *err, size_t errsz)
{
	int64_t id;
	int rc, found;
	*stored = 0;
	if (!v || v[0] == '0' || strspn(v, "0123456789") != strlen(v))
		return 0;
	if ((rc = find_id_by(im, FIND_MEMBER_NO, v, &id, &found)) != 0 || found)
		return rc;  /* stored as it is */
	return uk_member_resolve(im->db, v, UK_KEY_MEMBER_NO, &id, buf, n, stored, err, errsz);
}

/* Finds the stored member this record names: *found, and the row loaded.
 * 0, -1 bad record (err set), or an exit code. */
static int find_member(struct import *im, const struct uk_member *m, struct uk_member_row *row,
                       int *found, char *err, size_t errsz)
{
	int order[3] = {FIND_ID_CARD, FIND_EMPLOYEE_NO, FIND_MEMBER_NO};
	int n = 3, first = 0;

	switch (im->o->key) {
	case UK_KEY_ID_CARD: order[0] = FIND_ID_CARD; n = 1; break;
	case UK_KEY_EMPLOYEE_NO: order[0] = FIND_EMPLOYEE_NO; n = 1; break;
	case UK_KEY_MEMBER_NO: order[0] = FIND_MEMBER_NO; n = 1; break;
	default: break;
	}
	*found = 0;
	if (n == 1 && !m->v[find_field[order[0]]])
		return uk_errf(err, errsz, "no %s, the key given with --key",
		               uk_member_field_name(find_field[order[0]]));
	for (int i = 0; i < n; i++) {
		const char *v = m->v[find_field[order[i]]];
		struct uk_member_row other;
		int64_t other_id = 0;
		int rc, other_found;
		if (!v)
			continue;
		if (!*found) {
			if ((rc = find_by(im, order[i], v, row, found)) != 0)
				return rc;
			first = i;
			continue;
		}
		/* Every key the record gives must name the same person. */
		if ((rc = find_id_by(im, order[i], v, &other_id, &other_found)) == 0 &&
		    other_found && other_id != row->id) {
			if ((rc = find_by(im, order[i], v, &other, &other_found)) != 0) {
				uk_member_row_free(row);
				return rc;
			}
			uk_errf(err, errsz, "%s '%s' is member %s, but %s '%s' is member %s",
			        uk_member_field_name(find_field[order[first]]), m->v[find_field[order[first]]],
			        row->v[UK_MF_MEMBER_NO], uk_member_field_name(find_field[order[i]]), v,
			        other_found ? other.v[UK_MF_MEMBER_NO] : "?");
			if (other_found)
				uk_member_row_free(&other);
			rc = -1;
		}
		if (rc) {
			uk_member_row_free(row);
			return rc;
		}
	}
	return 0;
}

/* "%06lld" by hand: it runs for every new member of a large import. */
static void format_member_no(long long no, char *buf, size_t n)
{
	char digits[24];
	int k = 0;
	size_t len;
	do {
		digits[k++] = (char)('0' + no % 10);
		no /= 10;
	} while (no > 0 && k < 20);
	while (k < 6)
		digits[k++] = '0';
	len = (size_t)k < n - 1 ? (size_t)k : n - 1;
	for (size_t i = 0; i < len; i++)
		buf[i] = digits[k - 1 - (int)i];
	buf[len] = '\0';
}

/* Reads the largest numeric member_no, when a first member is added: a
 * re-import that adds no one need not read every number. 0, or an exit
 * code. */
static int read_next_no(struct import *im)
{
	sqlite3_stmt *st = uk_db_prepare(im->db,
		"SELECT coalesce(max(CAST(member_no AS INTEGER)), 0) FROM members"
		" WHERE member_no NOT GLOB '*[^0-9]*' AND length(member_no) < 16");
	int64_t max = 0;
	int rc, found;
	if (!st)
		return UK_EX_SOFTWARE;
	rc = uk_db_ints(im->db, st, &max, 1, &found, N_("cannot read members"));
	sqlite3_finalize(st);
	im->next_no = max + 1;
	return rc;
}

/* 0 or an exit code. */
static int next_member_no(struct import *im, char *buf, size_t n)
{
	int rc;
	if (!im->next_no && (rc = read_next_no(im)) != 0)
		return rc;
	/* Assigned numbers are the next after the largest numeric one; a
	 * number taken by hand is skipped. */
	for (;;) {
		int64_t id;
		int found;
		format_member_no(im->next_no++, buf, n);
		if (im->fresh)
			return 0;
		if ((rc = find_id_by(im, FIND_MEMBER_NO, buf, &id, &found)) != 0 || !found)
			return rc;
	}
}

/* Adds a new member. 0, -1 bad record (err set), or an exit code; *taken
 * when a key of the record is another member's (look again). */
static int insert_member(struct import *im, struct uk_member *m, long line, int *taken,
                         char *err, size_t errsz)
{
	char no[32];
	int rc;
	*taken = 0;
	if (!m->v[UK_MF_NAME])
		return uk_errf(err, errsz, "a new member needs a name");
	if (!m->v[UK_MF_ID_CARD] && !m->v[UK_MF_EMPLOYEE_NO])
		return uk_errf(err, errsz, "a new member needs an id_card or an employee_no");
	if (!m->v[UK_MF_MEMBER_NO]) {
		if (im->o->member_no)
			m->v[UK_MF_MEMBER_NO] = (char *)im->o->member_no;
		else if ((rc = next_member_no(im, no, sizeof no)) != 0)
			return rc;
		else
			m->v[UK_MF_MEMBER_NO] = no;
	}
	if (m->v[UK_MF_STATUS] && strcmp(m->v[UK_MF_STATUS], "active") != 0 && !m->v[UK_MF_STATUS_DATE])
		m->v[UK_MF_STATUS_DATE] = im->today;
	bind_fields(im->insert, m->v);
	sqlite3_bind_text(im->insert, UK_MF_COUNT + 1, im->stamp, -1, SQLITE_STATIC);
	/* Stepped by hand: a taken key is an answer here, not a failure to
	 * say as uk_db_each would. */
	rc = sqlite3_step(im->insert);
	sqlite3_reset(im->insert);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		if (m->v[UK_MF_MEMBER_NO] == no)
			m->v[UK_MF_MEMBER_NO] = NULL;
		*taken = 1;
		return 0;
	}
	if (rc != SQLITE_DONE)
		return uk_db_fail(im->db, rc, N_("cannot add member"));
	m->id = sqlite3_last_insert_rowid(uk_db_sqlite(im->db));
	/* A new member whose status changes after today (--allow-future)
	 * gets that change as an event, marked meant, as an update would. */
	if (m->v[UK_MF_STATUS] && m->v[UK_MF_STATUS_DATE] && strcmp(m->v[UK_MF_STATUS_DATE], im->today) > 0 &&
	    (rc = uk_member_event(im->db, &im->event, m->id, m->v[UK_MF_STATUS_DATE], "status", NULL,
	                          m->v[UK_MF_STATUS], im->note, im->stamp)) != 0)
		return rc;
	status_count(im, m->v[UK_MF_STATUS], 1);
	if ((rc = seen_mark(im, m->id, line)) != 0 || (rc = affected_add(im, m->id)) != 0)
		return rc;
	im->st->added++;
	return 0;
}

/* Applies the record's known values over the stored member; records a
 * dated event for each field that changes. */
static int update_member(struct import *im, struct uk_member *m, struct uk_member_row *row,
                         long line, char *err, size_t errsz)
{
	char *merged[UK_MF_COUNT];
	int changes = 0, rc;
	long first = seen_line(im, row->id);

	if (first > 0)
		return uk_errf(err, errsz, "duplicate: the same member as line %ld (%s %s)", first,
		               row->v[UK_MF_NAME], row->v[UK_MF_MEMBER_NO]);
	if (first)
		return uk_errf(err, errsz, "duplicate member %s", row->v[UK_MF_MEMBER_NO]);
	if (im->o->no_update)
		return uk_errf(err, errsz, "already a member: %s %s (--no-update)", row->v[UK_MF_MEMBER_NO],
		               row->v[UK_MF_NAME]);
	for (int f = 0; f < UK_MF_COUNT; f++) {
		merged[f] = row->v[f];
		if (m->v[f] && (!row->v[f] || strcmp(m->v[f], row->v[f]) != 0)) {
			merged[f] = m->v[f];
			changes++;
		}
	}
	if ((rc = seen_mark(im, row->id, line)) != 0)
		return rc;
	if (!changes) {
		im->st->unchanged++;
		return 0;
	}
	if (merged[UK_MF_STATUS] != row->v[UK_MF_STATUS] && !m->v[UK_MF_STATUS_DATE])
		merged[UK_MF_STATUS_DATE] = im->today;
	bind_fields(im->update, merged);
	sqlite3_bind_text(im->update, UK_MF_COUNT + 1, im->stamp, -1, SQLITE_STATIC);
	sqlite3_bind_int64(im->update, UK_MF_COUNT + 2, row->id);
	/* By hand, as the insert: a taken key is the record's fault. */
	rc = sqlite3_step(im->update);
	sqlite3_reset(im->update);
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return uk_errf(err, errsz, "member %s: a changed key (member_no, employee_no or id_card) "
		               "belongs to another member", row->v[UK_MF_MEMBER_NO]);
	if (rc != SQLITE_DONE)
		return uk_db_fail(im->db, rc, N_("cannot update member"));
	status_count(im, row->v[UK_MF_STATUS], -1);
	status_count(im, merged[UK_MF_STATUS], 1);
	for (int f = 0; f < UK_MF_COUNT; f++) {
		if (merged[f] == row->v[f])
			continue;
		/* A status change is dated by its status_date when the record
		 * gives one (after today only with --allow-future, and so marked
		 * by uk_member_event); other changes by the day of the import. */
		rc = uk_member_event(im->db, &im->event, row->id,
		                     f == UK_MF_STATUS && m->v[UK_MF_STATUS_DATE] ? m->v[UK_MF_STATUS_DATE] : im->today,
		                     uk_member_field_name(f), row->v[f], merged[f], im->note, im->stamp);
		if (rc)
			return rc;
	}
	if ((rc = affected_add(im, row->id)) != 0)
		return rc;
	im->st->updated++;
	return 0;
}

/* The stored members by fingerprint: the fingerprints and ids in load
 * order, and an open-addressed table of indexes into them. About 28 bytes
 * a member, held for the batch. */
struct fptab {
	unsigned char (*fp)[UK_MEMBER_FP];
	uint32_t *id;                /* 0: two members share the fingerprint */
	size_t n, cap;
	uint32_t *slot;              /* index + 1, 0 for none */
	size_t mask;
	uint32_t *active;            /* the active members, for the missing */
	size_t nactive, capactive;
};

static void fptab_free(struct fptab *t)
{
	if (!t)
		return;
	free(t->fp);
	free(t->id);
	free(t->slot);
	free(t->active);
	free(t);
}

static uint64_t fp_hash(const unsigned char *fp)
{
	uint64_t h;
	memcpy(&h, fp, sizeof h);  /* SHA-256 bytes: already well mixed */
	return h;
}

/* The member whose fingerprint fp is, or 0. */
static int64_t fptab_find(const struct fptab *t, const unsigned char *fp)
{
	for (size_t j = fp_hash(fp) & t->mask; t->slot[j]; j = (j + 1) & t->mask) {
		size_t i = t->slot[j] - 1;
		if (memcmp(t->fp[i], fp, UK_MEMBER_FP) == 0)
			return t->id[i];
	}
	return 0;
}

struct fpload { struct import *im; struct fptab *t; int too_big; };

static int fpload_row(sqlite3_stmt *st, void *ctx)
{
	struct fpload *l = ctx;
	struct fptab *t = l->t;
	const char *v[UK_MF_COUNT] = {0};
	char money[UK_MONEY_BUFSZ];
	int64_t id = sqlite3_column_int64(st, 0);
	const char *status;

	if (id <= 0 || id > (int64_t)UINT32_MAX - 1) {
		l->too_big = 1;
		return UK_DB_STOP;
	}
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 4096;
		void *a = realloc(t->fp, cap * sizeof *t->fp), *b;
		if (!a)
			return uk_err_nomem();
		t->fp = a;
		if (!(b = realloc(t->id, cap * sizeof *t->id)))
			return uk_err_nomem();
		t->id = b;
		t->cap = cap;
	}
	for (int i = 0; i < l->im->fpc.n; i++) {
		int f = l->im->fpc.f[i];
		v[f] = uk_member_field_text(st, f, money);  /* one field of money */
	}
	uk_member_fp(&l->im->fpc, v, t->fp[t->n]);
	t->id[t->n++] = (uint32_t)id;
	status = (const char *)sqlite3_column_text(st, UK_MEMBER_COL(UK_MF_STATUS));
	if (status && strcmp(status, "active") == 0) {
		if (t->nactive == t->capactive) {
			size_t cap = t->capactive ? t->capactive * 2 : 4096;
			uint32_t *a = realloc(t->active, cap * sizeof *a);
			if (!a)
				return uk_err_nomem();
			t->active = a;
			t->capactive = cap;
		}
		t->active[t->nactive++] = (uint32_t)id;
	}
	return 0;
}

/* The members with ids in (above, upto], read on the connection of db
 * into t. 0, or an exit code (said). */
static int fptab_read(struct import *im, struct fptab *t, int64_t above, int64_t upto, int *too_big)
{
	sqlite3_stmt *st = uk_db_prepare(im->db, UK_MEMBER_SELECT_FIELDS
	                                 " WHERE m.id > ?1 AND m.id <= ?2 ORDER BY m.id");
	struct fpload l = {im, t, 0};
	int rc;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, above);
	sqlite3_bind_int64(st, 2, upto);
	rc = uk_db_each(im->db, st, fpload_row, &l, N_("cannot read members"));
	sqlite3_finalize(st);
	*too_big |= l.too_big;
	return rc;
}

/* Appends more (the members after t's) to t. 0, or -1 out of memory. */
static int fptab_append(struct fptab *t, const struct fptab *more)
{
	size_t n = t->n + more->n, na = t->nactive + more->nactive;
	void *a;
	if (n > t->cap) {
		if (!(a = realloc(t->fp, n * sizeof *t->fp)))
			return -1;
		t->fp = a;
		if (!(a = realloc(t->id, n * sizeof *t->id)))
			return -1;
		t->id = a;
		t->cap = n;
	}
	if (na > t->capactive) {
		if (!(a = realloc(t->active, na * sizeof *t->active)))
			return -1;
		t->active = a;
		t->capactive = na;
	}
	if (more->n) {
		memcpy(t->fp + t->n, more->fp, more->n * sizeof *t->fp);
		memcpy(t->id + t->n, more->id, more->n * sizeof *t->id);
	}
	if (more->nactive)
		memcpy(t->active + t->nactive, more->active, more->nactive * sizeof *t->active);
	t->n = n;
	t->nactive = na;
	return 0;
}

/* The table of t's fingerprints; t becomes im->fps. 0, or 70 (said). */
static int fptab_index(struct import *im, struct fptab *t)
{
	size_t size = 1;
	while (size < t->n + t->n / 3 + 1)
		size *= 2;
	if (!(t->slot = calloc(size, sizeof *t->slot))) {
		fptab_free(t);
		return uk_err_nomem();
	}
	t->mask = size - 1;
	for (size_t i = 0; i < t->n; i++) {
		size_t j;
		for (j = fp_hash(t->fp[i]) & t->mask; t->slot[j]; j = (j + 1) & t->mask)
			if (memcmp(t->fp[t->slot[j] - 1], t->fp[i], UK_MEMBER_FP) == 0)
				break;
		if (t->slot[j])
			t->id[t->slot[j] - 1] = 0;  /* the records of both go the long way */
		else
			t->slot[j] = (uint32_t)(i + 1);
	}
	im->fps = t;
	return 0;
}

/* The upper half of the register, read by the reading thread on a
 * connection of its own before it starts on the file, while this thread
 * reads the lower half: the pass over the register takes half as long. */
struct fphalf {
	struct import *im;
	struct uk_db *conn;
	int64_t above;
	struct fptab t;
	int ok, too_big;
};

static void fphalf_read(void *ctx)
{
	struct fphalf *h = ctx;
	struct fpload l = {h->im, &h->t, 0};
	sqlite3_stmt *st;
	int rc = SQLITE_ERROR;
	/* Nothing is said here: on any failure this thread's half is read
	 * again by the other. */
	if (sqlite3_prepare_v2(uk_db_sqlite(h->conn), UK_MEMBER_SELECT_FIELDS " WHERE m.id > ?1 ORDER BY m.id",
	                       -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_int64(st, 1, h->above);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fpload_row(st, &l) != 0)
			break;
	sqlite3_finalize(st);
	h->too_big = l.too_big;
	h->ok = rc == SQLITE_DONE;
}

/* Loads the fingerprints of the stored members over the file's fields
 * (one pass over the table, against a look-up and a compare a record);
 * with h, the members above h->above are h's to read, in parallel. 0, or
 * an exit code; im->fps stays NULL when it cannot be used. */
static int fptab_load(struct import *im, struct fphalf *h, struct uk_member_pipe *pipe)
{
	struct fptab *t = calloc(1, sizeof *t);
	int rc, too_big = 0;
	if (!t)
		return uk_err_nomem();
	rc = fptab_read(im, t, 0, h ? h->above : INT64_MAX, &too_big);
	if (h) {
		uk_member_pipe_wait(pipe);
		if (!rc && h->ok && !h->too_big && fptab_append(t, &h->t) != 0)
			rc = uk_err_nomem();
		else if (!rc && !h->ok)
			rc = fptab_read(im, t, h->above, INT64_MAX, &too_big);
		too_big |= h->too_big;
	}
	if (rc || too_big) {
		fptab_free(t);
		return rc;
	}
	return fptab_index(im, t);
}

/* A decoded record whose fingerprint is a stored member's that no earlier
 * record of the batch named: unchanged (*done), said without a look-up.
 * 0, or an exit code. */
static int unchanged_known(struct import *im, const struct uk_member_decoded *d, int *done)
{
	const struct uk_member *m = &d->m;
	int64_t id;
	*done = 0;
	if (!im->fps || !d->has_fp || im->o->no_update)
		return 0;
	/* It must name someone by the key the long way would use. */
	switch (im->o->key) {
	case UK_KEY_ID_CARD: if (!m->v[UK_MF_ID_CARD]) return 0; break;
	case UK_KEY_EMPLOYEE_NO: if (!m->v[UK_MF_EMPLOYEE_NO]) return 0; break;
	case UK_KEY_MEMBER_NO: if (!m->v[UK_MF_MEMBER_NO]) return 0; break;
	default:
		if (!m->v[UK_MF_ID_CARD] && !m->v[UK_MF_EMPLOYEE_NO] && !m->v[UK_MF_MEMBER_NO])
			return 0;
	}
	if (!(id = fptab_find(im->fps, d->fp)) || seen_line(im, id))
		return 0;  /* a second record of the same member: the long way says so */
	*done = 1;
	im->st->unchanged++;
	return seen_mark(im, id, d->line);
}


/* One decoded record: 0 done, -1 bad (err set), or an exit code. */
static int apply_one(struct import *im, struct uk_member_decoded *d, char *err, size_t errsz)
{
	struct uk_member *m = &d->m;
	struct uk_member_row row;
	long line = d->line;
	char no[64];
	int rc, found, taken, done;

	if ((rc = unchanged_known(im, d, &done)) != 0 || done)
		return rc;
	if (im->fresh && im->o->key == UK_KEY_DEFAULT) {
		/* Nothing stored before this batch: a key already present can
		 * only come from an earlier record of the same batch, and the
		 * index finds it; skip the look-ups. */
		if ((rc = insert_member(im, m, line, &taken, err, errsz)) != 0 || !taken)
			return rc;
	}
	/* A member_no Excel stripped of its zeros keeps naming its member,
	 * and is not stored as a change. */
	if ((rc = member_no_stored(im, m->v[UK_MF_MEMBER_NO], no, sizeof no, &found, err, errsz)) != 0)
		return rc;
	if (found)
		m->v[UK_MF_MEMBER_NO] = no;
	if ((rc = find_member(im, m, &row, &found, err, errsz)) != 0)
		return rc;
	if (!found) {
		if ((rc = insert_member(im, m, line, &taken, err, errsz)) != 0 || !taken)
			return rc;
		return uk_errf(err, errsz, "member_no '%s' is taken", m->v[UK_MF_MEMBER_NO] ?
		               m->v[UK_MF_MEMBER_NO] : "");
	}
	rc = update_member(im, m, &row, line, err, errsz);
	uk_member_row_free(&row);
	return rc;
}

static int start(struct import *im)
{
	sqlite3_stmt *st = uk_db_prepare(im->db, "SELECT NOT EXISTS (SELECT 1 FROM members)");
	int64_t empty = 0;
	int rc, found;
	if (!st)
		return UK_EX_SOFTWARE;
	rc = uk_db_ints(im->db, st, &empty, 1, &found, N_("cannot read members"));
	sqlite3_finalize(st);
	im->fresh = empty != 0;
	im->next_no = im->fresh ? 1 : 0;
	return rc;
}

/* An active member: missing when the input neither names it nor holds a
 * rejected record that names it. */
static int missing_row(sqlite3_stmt *st, void *ctx)
{
	struct import *im = ctx;
	int64_t id = sqlite3_column_int64(st, 0);
	if (seen_line(im, id) || ((size_t)id < im->nnamed && im->named[id]))
		return 0;
	im->st->missing++;
	if (!im->o->list_missing || !im->o->out)
		return 0;
	return uk_matched_add(&im->missing, id);
}

static int count_missing(struct import *im)
{
	sqlite3_stmt *st;
	int rc;
	if (im->fps) {
		/* The active members at the start: those this batch changed, it
		 * has seen. */
		for (size_t i = 0; i < im->fps->nactive; i++) {
			int64_t id = im->fps->active[i];
			if (seen_line(im, id) || ((size_t)id < im->nnamed && im->named[id]))
				continue;
			im->st->missing++;
			if (im->o->list_missing && im->o->out && (rc = uk_matched_add(&im->missing, id)) != 0)
				return rc;
		}
		return 0;
	}
	st = uk_db_prepare(im->db, "SELECT id FROM members WHERE status = 'active'");
	if (!st)
		return UK_EX_SOFTWARE;
	rc = uk_db_each(im->db, st, missing_row, im, N_("cannot read members"));
	sqlite3_finalize(st);
	return rc;
}

static void bad_record(struct import *im, struct uk_row *row, long line, const char *err)
{
	im->st->bad++;
	if (im->file)
		uk_err_at(im->file, line, "%s", err);
	else
		uk_err("%s", err);
	if (im->rejects && row)
		uk_rejects_add(im->rejects, row, err);
}

/* A rejected record still names a person: whoever its readable keys find
 * is not missing from the input, whatever else is wrong with the record.
 * 0, or an exit code. */
static int note_rejected(struct import *im, struct uk_row *row, long line)
{
	char *in[UK_MF_COUNT];
	struct uk_member m;

	for (int f = 0; f < UK_MF_COUNT; f++)
		in[f] = uk_row_get(row, f);
	if (uk_member_keys(in, &m, im->today_date) == 0) {
		im->keyless++;
		if (im->o->list_missing && im->o->skip_bad)
			uk_err_at(im->file, line, "this rejected record has no readable employee_no, "
			          "id_card or member_no: --list-missing cannot tell whom it names");
		return 0;
	}
	for (int k = 0; k < 3; k++) {
		const char *v = m.v[find_field[k]];
		int64_t id;
		int rc, found = 0;
		char no[64], why[200];
		if (!v)
			continue;
		/* A member_no that could be more than one (-1) names no one. */
		if (k == FIND_MEMBER_NO &&
		    (rc = member_no_stored(im, v, no, sizeof no, &found, why, sizeof why)) > 0)
			return rc;
		if (found)
			v = no;
		if ((rc = find_id_by(im, k, v, &id, &found)) != 0)
			return rc;
		if (found && id_table_set(&im->named, &im->nnamed, id, line))
			return uk_err_nomem();
	}
	return 0;
}

static void summary(const struct import *im)
{
	const struct uk_import_stats *s = im->st;
	char missing[96] = "";
	if (im->o->quiet)
		return;
	if (im->file)
		snprintf(missing, sizeof missing, _(", missing %ld"), s->missing);
	fprintf(stderr, "%s: %s", uk_progname(), im->o->dry_run ? _("dry run, nothing written: ") : "");
	fprintf(stderr, _("added %ld, updated %ld, unchanged %ld"), s->added, s->updated, s->unchanged);
	if (s->skipped)
		fprintf(stderr, _(", skipped %ld"), s->skipped);
	fprintf(stderr, "%s\n", missing);
}

/* Reads and applies every record. 0, or an exit code that stops the batch.
 *
 * member-add keeps this loop of its own rather than uk_batch_records,
 * which does not fit it three ways: the batch runs each record inside a
 * savepoint (two statements a record: a quarter more time on a large
 * import, and member-add's records are refused before they write
 * anything); a rejected record, one unreadable included, must still be
 * looked at for the member it names (note_rejected); and the first pass
 * of a bulk load stops at the first fault without a word, to say every
 * fault in the careful second pass. */
static int run_records(struct import *im, struct uk_member_source *src)
{
	struct uk_member_decode_opts dopt = {im->today_date, im->o->allow_future,
	                                     im->use_fp ? &im->fpc : NULL};
	struct uk_member_pipe *pipe = NULL;
	struct fphalf half = {.im = im}, *h = NULL;
	struct uk_member_decoded *d, here;
	struct uk_progress progress;
	char err[400];
	long n = 0;
	int rc;

	if (!src->reader) {
		uk_member_decode_in(&dopt, src->single, &here);
		here.line = 0;
		rc = here.why ? uk_errf(err, sizeof err, "%s", here.why) : apply_one(im, &here, err, sizeof err);
		if (rc == -1)
			bad_record(im, NULL, 0, err);
		return rc == -1 ? 0 : rc;
	}
	/* CSV is read and checked by a second thread while this one writes.
	 * JSON is read here: its reader names unknown keys as it meets them,
	 * and those messages must keep their place among the records'. */
	if (!uk_reader_json(src->reader)) {
		int64_t top = 0;
		int found;
		sqlite3_stmt *q;
		if (im->use_fp && (q = uk_db_prepare(im->db, "SELECT coalesce(max(id), 0) FROM members")) != NULL) {
			rc = uk_db_ints(im->db, q, &top, 1, &found, N_("cannot read members"));
			sqlite3_finalize(q);
			if (rc)
				return rc;
			if (top > 1 && (half.conn = uk_db_open_reader(im->db)) != NULL) {
				half.above = top / 2;
				h = &half;
			}
		}
		rc = uk_member_pipe_start(src->reader, &dopt, h ? fphalf_read : NULL, h, &pipe);
		if (rc) {
			uk_db_close(half.conn);
			return rc;
		}
	}
	if (im->use_fp) {
		rc = fptab_load(im, h, pipe);
		if (h)
			uk_member_pipe_wait(pipe);  /* done with its connection */
		uk_db_close(half.conn);
		free(half.t.fp);
		free(half.t.id);
		free(half.t.active);
		if (rc) {
			uk_member_pipe_end(pipe);
			return rc;
		}
	}
	/* The large cache only now: the passes over the register above read
	 * each page once, and a cache they filled would stay at its peak
	 * beside the fingerprints. */
	uk_db_bulk(im->db, 1);
	uk_progress_start(&progress, _("records"));
	for (;;) {
		int res = -1;
		if (pipe) {
			rc = uk_member_pipe_next(pipe, &d);
		} else if ((rc = uk_reader_next(src->reader, &here.row)) == 1) {
			uk_member_decode(&dopt, &here);
			d = &here;
		}
		if (rc != 1)
			break;
		if (!d->why)
			res = apply_one(im, d, err, sizeof err);
		if (res == -1 && im->bulk) {
			im->bulk_failed = 1;
			rc = 0;
			break;
		}
		if (res == -1) {
			bad_record(im, d->row, d->line, d->why ? d->why : err);
			res = note_rejected(im, d->row, d->line);
		}
		if (res) {
			rc = res;
			break;
		}
		uk_progress_tick(&progress, ++n);
	}
	uk_progress_end(&progress);
	uk_member_pipe_end(pipe);
	return rc > 1 ? rc : 0;
}

/* Forgets a first attempt before the second. */
static void reset(struct import *im)
{
	memset(im->st, 0, sizeof *im->st);
	memset(im->status_delta, 0, sizeof im->status_delta);
	if (im->seen)
		memset(im->seen, 0, im->nseen * sizeof *im->seen);
	if (im->named)
		memset(im->named, 0, im->nnamed * sizeof *im->named);
	im->keyless = 0;
	im->affected.n = 0;
	im->bulk = im->bulk_failed = 0;
}

int uk_members_import(struct uk_db *db, struct uk_member_source *src,
                      const struct uk_member_import_opts *o, struct uk_import_stats *st)
{
	struct import im;
	int rc, status;

	memset(&im, 0, sizeof im);
	memset(st, 0, sizeof *st);
	im.db = db;
	im.o = o;
	im.st = st;
	im.file = src->reader ? uk_reader_name(src->reader) : NULL;
	im.today_date = uk_date_today();
	uk_date_format(im.today_date, im.today);
	uk_timestamp(im.stamp);
	snprintf(im.note, sizeof im.note, "member-add %s", im.file ? im.file : "");
	uk_trim(im.note);

	if (o->rejects && src->reader &&
	    (rc = uk_rejects_open(o->rejects, src->reader, &im.rejects)) != 0)
		return rc;
	if ((rc = uk_db_begin(db)) != 0) {
		uk_rejects_close(im.rejects);
		return rc;
	}
	if ((rc = prepare(&im)) != 0 || (rc = start(&im)) != 0)
		goto fail;
	/* The fingerprints are loaded as the records start (run_records). */
	if (src->reader && !im.fresh) {
		uk_member_fpcols(src->reader, &im.fpc);
		im.use_fp = 1;
	}
	/* A first import into an empty register, from a file that can be
	 * read twice: load without the key indexes and build them after,
	 * once, in order. Any bad record or repeated key sends the batch
	 * back to the careful path below. */
	im.bulk = im.fresh && src->reader && o->key == UK_KEY_DEFAULT &&
	          uk_reader_rewindable(src->reader);
	if (im.bulk && (rc = uk_db_exec(db, UK_MEMBERS_DROP_KEY_INDEXES)) != 0)
		goto fail;
	if ((rc = run_records(&im, src)) != 0)
		goto fail;
	if (im.bulk && !im.bulk_failed) {
		int brc;
		/* SQLite's sorter takes as much memory as the page cache, for
		 * each of its threads: two helper threads sort while this one
		 * reads the table (1M members: 1.5 s to 1.25 s), in a cache
		 * small enough to keep the peak as it was with one. */
		uk_db_exec(db, "PRAGMA threads = 2");
		uk_db_exec(db, "PRAGMA cache_size = -6000");
		brc = sqlite3_exec(uk_db_sqlite(db), UK_MEMBERS_KEY_INDEXES, NULL, NULL, NULL);
		if ((brc & 0xff) == SQLITE_CONSTRAINT)
			im.bulk_failed = 1;  /* a key twice in the file */
		else if (brc != SQLITE_OK) {
			rc = uk_db_fail(db, brc, N_("cannot index members"));
			goto fail;
		}
	}
	if (im.bulk_failed) {
		/* The file is not clean: start again, record by record, so that
		 * every fault is named in order with its line. */
		finalize_statements(&im);
		uk_db_rollback(db);
		reset(&im);
		if (uk_reader_rewind(src->reader) != 0) {
			uk_err("%s: cannot read the input again", im.file);
			rc = UK_EX_IOERR;
			goto fail;
		}
		if ((rc = uk_db_begin(db)) != 0 || (rc = prepare(&im)) != 0 || (rc = start(&im)) != 0 ||
		    (rc = run_records(&im, src)) != 0)
			goto fail;
	}
	if (st->bad && !o->skip_bad) {
		uk_err(ngettext("%ld bad record: nothing written (fix them, or --skip-bad to add the rest)",
		                "%ld bad records: nothing written (fix them, or --skip-bad to add the rest)",
		                (unsigned long)st->bad),
		       st->bad);
		rc = UK_EX_DATAERR;
		goto fail;
	}
	if (o->list_missing && im.keyless) {
		/* The list would name as gone whoever that record stands for. */
		uk_err(ngettext("--list-missing: %ld rejected record names no one: nothing written "
		                "(fix it, or import without --list-missing)",
		                "--list-missing: %ld rejected records name no one: nothing written "
		                "(fix them, or import without --list-missing)", (unsigned long)im.keyless),
		       im.keyless);
		rc = UK_EX_DATAERR;
		goto fail;
	}
	st->skipped = st->bad;
	if (src->reader && (rc = count_missing(&im)) != 0)
		goto fail;
	for (int i = 0; i < N_STATUS; i++)
		if ((rc = uk_member_counts_add(db, status_names[i], im.status_delta[i])) != 0)
			goto fail;
	uk_db_bulk(db, 0);
	/* Records are printed after the commit (before the rollback of a dry
	 * run): a reader that goes away early cannot stop the write. */
	if (!o->dry_run && (rc = uk_db_commit(db)) != 0)
		goto fail;
	summary(&im);
	if (o->out && (rc = uk_members_write_ids(db, o->list_missing ? im.missing.ids : im.affected.ids,
	                                         (long)(o->list_missing ? im.missing.n : im.affected.n),
	                                         o->out, o->mask)) != 0)
		goto fail;
	uk_db_rollback(db);
	finalize(&im);
	status = uk_rejects_close(im.rejects);
	if (status)
		return status;
	return st->skipped ? UK_EX_SKIPPED : UK_EX_OK;
fail:
	uk_db_rollback(db);
	uk_db_bulk(db, 0);
	finalize(&im);
	uk_rejects_close(im.rejects);
	return rc;
}
