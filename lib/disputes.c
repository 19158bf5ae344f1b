/* disputes.c - cases of the mediation committee: opened with a number per
 * year, moved through mediation, closed with an outcome, every change a
 * dated event. Nothing is deleted: a closed case is reopened, not undone. */
#include "uk_disputes.h"
#include "uk_i18n.h"
#include "uk_ids.h"
#include "uk_members.h"
#include "uk_money.h"
#include "uk_text.h"
#include "uk_vocabs.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

/* A case's vocabularies are the domain's (vocabs.c), in report order. */
static const enum uk_vocab_id field_vocab[] = {
	[UK_DV_KIND] = UK_V_DISPUTE_KIND, [UK_DV_CATEGORY] = UK_V_DISPUTE_CATEGORY,
	[UK_DV_SOURCE] = UK_V_DISPUTE_SOURCE, [UK_DV_STATUS] = UK_V_DISPUTE_STATUS,
	[UK_DV_OUTCOME] = UK_V_OUTCOME,
};
#define vocabs(f) uk_vocab_of(field_vocab[f])

const struct uk_vocab *uk_dispute_vocab(enum uk_dispute_field which) { return vocabs(which); }
const char *uk_dispute_category(int i) { return vocabs(UK_DV_CATEGORY)->words[i].slug; }
const char *uk_dispute_category_name(int i) { return vocabs(UK_DV_CATEGORY)->words[i].zh; }
const char *uk_dispute_outcome(int i) { return vocabs(UK_DV_OUTCOME)->words[i].slug; }

const char *uk_dispute_category_of(const char *s)
{
	return uk_vocab_slug(vocabs(UK_DV_CATEGORY), s);
}

/* A date as given (of a change, else the date received); one after today
 * only with --allow-future, and then *future says so (the case is marked). */
static int date_of(const char *s, int change, int allow_future, char out[UK_DATE_BUFSZ],
                   int *future, char *err, size_t errsz)
{
	struct uk_date d;
	const char *why;
	char buf[64];
	snprintf(buf, sizeof buf, "%s", s ? s : "");
	uk_fold_fullwidth(uk_trim(buf));
	if (!*buf)
		return change ? uk_errf(err, errsz, "no change date")
		              : uk_errf(err, errsz, "no received date");
	if (uk_date_parse(buf, &d, &why) != 0)
		return change ? uk_errf(err, errsz, "%s in change date '%s'", why, s)
		              : uk_errf(err, errsz, "%s in received date '%s'", why, s);
	if (uk_future_check(d, allow_future, err, errsz) != 0)
		return -1;
	*future = uk_date_cmp(d, uk_date_today()) > 0;
	uk_date_format(d, out);
	return 0;
}

/* An amount recovered, else the amount claimed. */
static int amount_of(const char *s, int recovered, int64_t *fen, char *err, size_t errsz)
{
	const char *why;
	if (uk_money_parse(s, fen, &why) != 0)
		return recovered ? uk_errf(err, errsz, "%s in recovered '%s'", why, s)
		                 : uk_errf(err, errsz, "%s in claimed '%s'", why, s);
	if (*fen < 0)
		return recovered ? uk_errf(err, errsz, "negative recovered '%s'", s)
		                 : uk_errf(err, errsz, "negative claimed '%s'", s);
	return 0;
}

/* Runs a statement that writes through the one row loop (a failed step
 * said as what), then finalizes it. */
static int write_stmt(struct uk_db *db, sqlite3_stmt *st, const char *what)
{
	int rc = uk_db_each(db, st, NULL, NULL, what);
	sqlite3_finalize(st);
	return rc;
}

/* One dated event of the timeline, written at stamp; a closing one
 * carries the outcome and the amount recovered (-1: none), which the
 * figures of a period read. */
static int event(struct uk_db *db, int64_t id, const char *date, const char *action,
                 const char *status, const char *outcome, int64_t recovered, const char *note,
                 const char *stamp)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"INSERT INTO dispute_events(dispute_id, date, action, status, outcome, recovered, note,"
		" recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?8, ?6, ?7)");
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, outcome, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, note && *note ? note : NULL, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, stamp, -1, SQLITE_STATIC);
	if (recovered >= 0)
		sqlite3_bind_int64(st, 8, recovered);
	return write_stmt(db, st, N_("cannot record the timeline"));
}

/* The case's members, by member number, each in the register. */
static int add_members(struct uk_db *db, int64_t id, const struct uk_case_in *in, char *err, size_t errsz)
{
	sqlite3_stmt *st = uk_db_prepare(db, "INSERT OR IGNORE INTO dispute_members VALUES (?1, ?2)");
	int rc = 0;
	if (!st)
		return UK_EX_SOFTWARE;
	for (int i = 0; !rc && i < in->nmembers; i++) {
		int64_t mid;
		int found;
		/* -1: a number without its zeros that fits more than one, said in err */
		if ((rc = uk_member_resolve(db, in->members[i], UK_KEY_MEMBER_NO, &mid, NULL, 0, &found,
		                            err, errsz)) != 0)
			break;
		if (!found) {
			rc = uk_errf(err, errsz, "no member '%s'", in->members[i]);
			break;
		}
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, mid);
		rc = uk_db_each(db, st, NULL, NULL, N_("cannot record members"));
	}
	sqlite3_finalize(st);
	return rc;
}

int uk_dispute_open(struct uk_db *db, const struct uk_case_in *in, char case_no[16],
                    char *err, size_t errsz)
{
	char received[UK_DATE_BUFSZ], code[128] = "", stamp[20];
	const char *kind = in->kind && *in->kind ? in->kind : "dispute";
	const char *cat, *source = in->source && *in->source ? in->source : NULL;
	int64_t claimed = 0, id;
	long workers = 1;
	sqlite3_stmt *st;
	int rc, found, future = 0;
	int64_t seq = 0;

	if (uk_vocab_read(vocabs(UK_DV_KIND), kind, &kind, err, errsz) != 0)
		return -1;
	if ((rc = date_of(in->received, 0, in->allow_future, received, &future, err, errsz)) != 0)
		return rc;
	if (uk_vocab_read(vocabs(UK_DV_CATEGORY), in->category, &cat, err, errsz) != 0 ||
	    (source && uk_vocab_read(vocabs(UK_DV_SOURCE), source, &source, err, errsz) != 0))
		return -1;
	if (!in->employer || !*in->employer)
		return uk_errf(err, errsz, "no employer");
	if (uk_member_text_ok(in->employer, err, errsz, N_("employer")))
		return -1;
	if (!in->summary || !*in->summary)
		return uk_errf(err, errsz, "no summary");
	if (strlen(in->summary) > 2000)
		return uk_errf(err, errsz, "summary longer than 2000 bytes");
	if (uk_text_has_control(in->summary, 1))
		return uk_errf(err, errsz, "control character in summary");
	if (in->employer_code && *in->employer_code) {
		rc = uk_uscc_canon(in->employer_code, code);
		if (rc < 0)
			return uk_errf(err, errsz, "employer_code '%s' is not a unified social credit code "
			            "(18 characters of 0-9 A-Y without I O S V Z)", in->employer_code);
		if (rc > 0 && !in->quiet)
			uk_err_at(in->file, in->line, "warning: check character of employer_code '%s' is wrong "
			          "(kept: some early codes fail it)", code);
	}
	if (in->workers && *in->workers && uk_whole_check(in->workers, N_("workers"), 1, 1000000, &workers, err, errsz))
		return -1;
	if (in->claimed && *in->claimed && (rc = amount_of(in->claimed, 0, &claimed, err, errsz)) != 0)
		return rc;

	/* The number: the next of the year, under the write lock this
	 * transaction holds, so two processes never draw the same one. */
	st = uk_db_prepare(db, "SELECT coalesce(max(seq), 0) + 1 FROM disputes WHERE year = ?1");
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_int(st, 1, atoi(received));
	rc = uk_db_ints(db, st, &seq, 1, &found, N_("cannot number the case"));
	sqlite3_finalize(st);
	if (rc)
		return rc;
	snprintf(case_no, 16, "%.4s-%04d", received, (int)seq);
	uk_timestamp(stamp);
	st = uk_db_prepare(db,
		"INSERT INTO disputes(case_no, year, seq, kind, received, source, category, employer,"
		" employer_code, workers, claimed, summary, status, recorded_at, allow_future)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'open', ?13, ?14)");
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, case_no, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, atoi(received));
	sqlite3_bind_int64(st, 3, seq);
	sqlite3_bind_text(st, 4, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, received, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, cat, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, in->employer, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, *code ? code : NULL, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 10, workers);
	if (in->claimed && *in->claimed)
		sqlite3_bind_int64(st, 11, claimed);
	sqlite3_bind_text(st, 12, in->summary, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, stamp, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 14, future);
	if ((rc = write_stmt(db, st, N_("cannot open the case"))) != 0)
		return rc;
	id = sqlite3_last_insert_rowid(uk_db_sqlite(db));
	if ((rc = add_members(db, id, in, err, errsz)) != 0)
		return rc;
	return event(db, id, received, "open", "open", NULL, -1, in->summary, stamp);
}

/* The stored case: id, status, outcome and amount recovered (-1: none),
 * the date of its last event, and when it was voided ("" when it
 * stands). */
struct stored {
	int64_t id, recovered;
	char status[12], outcome[12], last[UK_DATE_BUFSZ], voided[24];
};

static void copy_text(char *buf, size_t n, sqlite3_stmt *st, int i)
{
	const char *s = uk_db_text(st, i);
	snprintf(buf, n, "%s", s ? s : "");
}

/* A row callback: the stored case. */
static int read_case(sqlite3_stmt *st, void *ctx)
{
	struct stored *c = ctx;
	c->id = sqlite3_column_int64(st, 0);
	copy_text(c->status, sizeof c->status, st, 1);
	copy_text(c->outcome, sizeof c->outcome, st, 2);
	c->recovered = sqlite3_column_type(st, 3) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 3);
	copy_text(c->last, sizeof c->last, st, 4);
	copy_text(c->voided, sizeof c->voided, st, 5);
	return 0;
}

static int find_case(struct uk_db *db, const char *case_no, struct stored *c, char *err, size_t errsz)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT id, status, outcome, recovered,"
		" (SELECT max(date) FROM dispute_events e WHERE e.dispute_id = d.id), voided_at"
		" FROM disputes d WHERE case_no = ?1");
	int rc, found;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, case_no, -1, SQLITE_STATIC);
	rc = uk_db_one(db, st, read_case, c, &found, N_("cannot read the case"));
	sqlite3_finalize(st);
	if (!rc && !found)
		return uk_errf(err, errsz, "no case '%s'", case_no);
	return rc;
}

/* A case that may still change: found, and not voided. */
static int find_live_case(struct uk_db *db, const char *case_no, struct stored *c, char *err, size_t errsz)
{
	int rc = find_case(db, case_no, c, err, errsz);
	if (!rc && *c->voided)
		return uk_errf(err, errsz, "case %s was voided on %.10s: it is not changed any more", case_no,
		               c->voided);
	return rc;
}

/* A case with a change dated after today says it was meant. */
static int mark_future(struct uk_db *db, int64_t id)
{
	sqlite3_stmt *st = uk_db_prepare(db, "UPDATE disputes SET allow_future = 1 WHERE id = ?1");
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, id);
	return write_stmt(db, st, N_("cannot change the case"));
}

/* The date of a change: given, else today; never before the case's last
 * event, so the timeline runs forward. */
static int change_date(struct uk_db *db, const struct stored *c, const char *given, int allow_future,
                       char out[UK_DATE_BUFSZ], char *err, size_t errsz)
{
	int rc, future = 0;
	if (given && *given) {
		if ((rc = date_of(given, 1, allow_future, out, &future, err, errsz)) != 0)
			return rc;
		if (future && (rc = mark_future(db, c->id)) != 0)
			return rc;
	} else {
		uk_date_format(uk_date_today(), out);
	}
	if (strcmp(out, c->last) < 0)
		return uk_errf(err, errsz, "date %s is before the case's last change (%s): dates never run "
		            "backwards", out, c->last);
	return 0;
}

/* The case's state after a change and its event, both written at stamp:
 * recovered -1 is none. */
static int set_state(struct uk_db *db, int64_t id, const char *date, const char *action,
                     const char *status, const char *outcome, int64_t recovered, const char *note)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"UPDATE disputes SET status = ?2, outcome = ?3, recovered = CASE WHEN ?4 THEN ?5 END,"
		" closed = ?6, updated_at = ?7 WHERE id = ?1");
	char stamp[20];
	int rc;
	if (!st)
		return UK_EX_SOFTWARE;
	uk_timestamp(stamp);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, outcome, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, recovered >= 0);
	sqlite3_bind_int64(st, 5, recovered);
	sqlite3_bind_text(st, 6, outcome ? date : NULL, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, stamp, -1, SQLITE_STATIC);
	if ((rc = write_stmt(db, st, N_("cannot change the case"))) != 0)
		return rc;
	return event(db, id, date, action, status, outcome, recovered, note, stamp);
}

/* A note on a case's timeline: free text, lines allowed. */
static int note_ok(const char *note, char *err, size_t errsz)
{
	if (!note)
		return 0;
	if (strlen(note) > 2000)
		return uk_errf(err, errsz, "note longer than 2000 bytes");
	if (uk_text_has_control(note, 1))
		return uk_errf(err, errsz, "control character in note");
	return 0;
}

int uk_dispute_update(struct uk_db *db, const char *case_no, const struct uk_case_change *c,
                      char *err, size_t errsz)
{
	struct stored s;
	char date[UK_DATE_BUFSZ];
	const char *status;
	int rc;

	if ((rc = find_live_case(db, case_no, &s, err, errsz)) != 0 ||
	    (rc = change_date(db, &s, c->date, c->allow_future, date, err, errsz)) != 0 ||
	    (rc = note_ok(c->note, err, errsz)) != 0)
		return rc;
	if (c->reopen) {
		if (strcmp(s.status, "closed") != 0)
			return uk_errf(err, errsz, "case %s is not closed: nothing to reopen", case_no);
		if (!c->note || !*c->note)
			return uk_errf(err, errsz, "reopening case %s needs a --note saying why", case_no);
		status = c->status && *c->status ? c->status : "mediating";
	} else {
		if (strcmp(s.status, "closed") == 0)
			return uk_errf(err, errsz, "case %s is closed: update --reopen --note to reopen it", case_no);
		status = c->status && *c->status ? c->status : s.status;
	}
	{
		/* 受理, 调解中 … as well as the slugs. */
		const char *slug = uk_vocab_slug(vocabs(UK_DV_STATUS), status);
		if (!slug || (strcmp(slug, "open") != 0 && strcmp(slug, "mediating") != 0))
			return uk_errf(err, errsz, "update sets status open or mediating, not '%s' (close closes)", status);
		status = slug;
	}
	if (!c->reopen && strcmp(status, s.status) == 0 && (!c->note || !*c->note))
		return uk_errf(err, errsz, "nothing to change: give --status or --note");
	return set_state(db, s.id, date, c->reopen ? "reopen" : strcmp(status, s.status) ? status : "note",
	                 status, NULL, -1, c->note);
}

int uk_dispute_close(struct uk_db *db, const char *case_no, const char *outcome,
                     const char *recovered, const char *date_in, const char *note,
                     int allow_future, char *err, size_t errsz)
{
	struct stored s;
	char date[UK_DATE_BUFSZ];
	int64_t fen = 0;
	int rc;

	if (uk_vocab_read(vocabs(UK_DV_OUTCOME), outcome, &outcome, err, errsz) != 0)
		return -1;
	if ((rc = find_live_case(db, case_no, &s, err, errsz)) != 0 ||
	    (rc = change_date(db, &s, date_in, allow_future, date, err, errsz)) != 0 ||
	    (rc = note_ok(note, err, errsz)) != 0)
		return rc;
	if (strcmp(s.status, "closed") == 0)
		return uk_errf(err, errsz, "case %s is already closed", case_no);
	if (recovered && *recovered) {
		if (strcmp(outcome, "failed") == 0)
			return uk_errf(err, errsz, "no amount is recovered in a failed case");
		if (strcmp(outcome, "withdrawn") == 0)
			return uk_errf(err, errsz, "no amount is recovered in a withdrawn case");
		if ((rc = amount_of(recovered, 1, &fen, err, errsz)) != 0)
			return rc;
	}
	return set_state(db, s.id, date, "close", "closed", outcome, recovered && *recovered ? fen : -1, note);
}

int uk_dispute_void(struct uk_db *db, const char *case_no, const char *reason, char *err, size_t errsz)
{
	struct stored s;
	sqlite3_stmt *st;
	char today[UK_DATE_BUFSZ], stamp[20];
	int rc;

	if (uk_void_reason_check(reason, err, errsz) != 0)
		return -1;
	if ((rc = find_case(db, case_no, &s, err, errsz)) != 0)
		return rc;
	if (*s.voided)
		return uk_errf(err, errsz, "case %s is already voided (on %.10s)", case_no, s.voided);
	uk_timestamp(stamp);
	if (!(st = uk_db_prepare(db, "UPDATE disputes SET voided_at = ?2, void_reason = ?3, updated_at = ?2"
	                             " WHERE id = ?1")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, s.id);
	sqlite3_bind_text(st, 2, stamp, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, reason, -1, SQLITE_STATIC);
	if ((rc = write_stmt(db, st, N_("cannot void the case"))) != 0)
		return rc;
	/* The timeline says when and why; the status and outcome stay as they
	 * were, for the record of what was entered. */
	return event(db, s.id, uk_date_format(uk_date_today(), today), "void", s.status,
	             *s.outcome ? s.outcome : NULL, s.recovered, reason, stamp);
}
