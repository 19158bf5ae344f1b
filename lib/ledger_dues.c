/* ledger_dues.c - monthly dues (会费): 0.5% of each active member's wage
 * base, the part below 10 yuan not counted (ACFTU 工发〔1978〕101号),
 * posted as one income entry per member. */
#include "uk_ledger.h"
#include "uk_batch.h"
#include "uk_i18n.h"
#include "uk_members.h"
#include "uk_ids.h"
#include "uk_money.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct uk_dues {
	struct uk_ledger *lg;
	struct uk_writer *roll;
	int mask;
	char month[8], date[UK_DATE_BUFSZ], start[UK_DATE_BUFSZ], account[64];
	sqlite3_stmt *posted_st, *wage_st;
	struct uk_dues_stats st;
};

static const struct uk_outcol dues_cols[] = {
	{"member_no", UK_COL_TEXT}, {"name", UK_COL_TEXT}, {"unit", UK_COL_TEXT},
	{"wage_base", UK_COL_MONEY}, {"dues", UK_COL_MONEY}, {"entry_id", UK_COL_INT},
	{"note", UK_COL_TEXT},
};

#define A(...) (const char *const[]){__VA_ARGS__, NULL}
/* Member records on stdin (member-ls output, an HR list): what dues need. */
static const struct uk_colspec dues_in[] = {
	{"member_no", A("会员编号", "会员卡号")}, {"name", A("姓名")},
	{"unit", A("部门", "所在部门", "单位")}, {"wage_base", A("基本工资", "月工资", "工资")},
	{"status", A("状态")},
	/* The rest of a member record (member-ls output): known, not used. */
	{"employee_no", NULL}, {"gender", NULL}, {"id_card", NULL}, {"birth_date", NULL},
	{"ethnicity", NULL}, {"education", NULL}, {"political_status", NULL}, {"phone", NULL},
	{"union_group", NULL}, {"position", NULL}, {"hire_date", NULL}, {"join_date", NULL},
	{"hardship", NULL}, {"migrant_worker", NULL}, {"status_date", NULL}, {"roles", NULL},
	{"note", NULL}, {"id_type", NULL}, {"skill_level", NULL}, {"household_type", NULL},
	{"household_place", NULL}, {"employment_status", NULL},
};

const struct uk_colspec *uk_dues_colspec(int *n)
{
	*n = (int)(sizeof dues_in / sizeof dues_in[0]);
	return dues_in;
}

const struct uk_outcol *uk_dues_cols(int *n)
{
	*n = (int)(sizeof dues_cols / sizeof dues_cols[0]);
	return dues_cols;
}

int uk_dues_begin(struct uk_ledger *lg, const char *month, const char *account,
                  struct uk_writer *roll, int mask, struct uk_dues **out)
{
	struct uk_period p;
	const char *why;
	struct uk_dues *d;
	char err[200];

	*out = NULL;
	if (uk_period_parse_month(month, &p, &why) != 0)
		return uk_bad_value("--month", month, why);
	/* The entries are dated the month's last day: said once, not for
	 * every member. */
	if (uk_ledger_future_check(lg, p.to, err, sizeof err) != 0) {
		uk_err("--month '%s': its dues are dated its last day: %s", month, err);
		return UK_EX_DATAERR;
	}
	if (!(d = calloc(1, sizeof *d)))
		return uk_err_nomem();
	d->lg = lg;
	d->roll = roll;
	d->mask = mask;
	uk_date_format(p.to, d->date);  /* dated the month's last day */
	uk_date_format(p.from, d->start);
	snprintf(d->month, sizeof d->month, "%.7s", d->date);
	snprintf(d->account, sizeof d->account, "%s", account ? account : "bank");
	/* Posted for the month and not voided since. */
	d->posted_st = uk_db_prepare(uk_ledger_db(lg),
		"SELECT count(*) FROM ledger_entries e JOIN members m ON m.id = e.member_id"
		" WHERE m.member_no = ?1 AND e.dues_month = ?2 AND e.void_of IS NULL"
		" AND NOT EXISTS (SELECT 1 FROM ledger_entries v WHERE v.void_of = e.id)");
	/* The wage base in force on the month's first day: the last change
	 * dated on or before it; before the first change, the base that change
	 * replaced, or, when none was known before it, the first base known
	 * (a base entered late stands for the months before it). */
	d->wage_st = uk_db_prepare(uk_ledger_db(lg),
		"SELECT coalesce((SELECT e.new_value FROM member_events e WHERE e.member_id = m.id"
		"   AND e.field = 'wage_base' AND e.date <= ?2 ORDER BY e.date DESC, e.id DESC LIMIT 1),"
		"  (SELECT coalesce(e.old_value, e.new_value) FROM member_events e WHERE e.member_id = m.id"
		"   AND e.field = 'wage_base' ORDER BY e.date, e.id LIMIT 1))"
		" FROM members m WHERE m.member_no = ?1");
	if (!d->posted_st || !d->wage_st) {
		sqlite3_finalize(d->posted_st);
		sqlite3_finalize(d->wage_st);
		free(d);
		return UK_EX_SOFTWARE;
	}
	*out = d;
	return UK_EX_OK;
}

const char *uk_dues_month_start(const struct uk_dues *d) { return d->start; }
const char *uk_dues_month_end(const struct uk_dues *d) { return d->date; }

static int already_posted(struct uk_dues *d, const char *member_no, int *yes)
{
	int64_t n = 0;
	int found, rc;
	sqlite3_bind_text(d->posted_st, 1, member_no, -1, SQLITE_STATIC);
	sqlite3_bind_text(d->posted_st, 2, d->month, -1, SQLITE_STATIC);
	rc = uk_db_ints(uk_ledger_db(d->lg), d->posted_st, &n, 1, &found, N_("cannot read the ledger"));
	*yes = n > 0;
	return rc;
}

/* One line of the roll. */
static int roll_line(struct uk_dues *d, const char *const vals[7])
{
	const char *v[7];
	char *masked = NULL;
	if (!d->roll)
		return 0;
	memcpy(v, vals, sizeof v);
	if (d->mask && v[1] && !(v[1] = masked = uk_mask_name(v[1])))
		return uk_err_nomem();
	uk_writer_row(d->roll, v);  /* a closed pipe: the run goes on, the roll is lost */
	free(masked);
	return 0;
}

int uk_dues_skip(struct uk_dues *d, const char *member_no, const char *name, const char *unit,
                 const char *why)
{
	const char *vals[7] = {member_no, name, unit, NULL, NULL, NULL, why};
	d->st.not_active++;
	return roll_line(d, vals);
}

int uk_dues_member(struct uk_dues *d, const char *member_no, const char *name,
                   const char *unit, const char *wage_base, char *err, size_t errsz)
{
	const char *vals[7] = {member_no, name, unit, NULL, NULL, NULL, NULL};
	char dues[UK_MONEY_BUFSZ], wage[UK_MONEY_BUFSZ], idtext[24], memo[96];
	int64_t fen, id = 0;
	const char *why;
	int rc, yes;

	if ((rc = already_posted(d, member_no, &yes)) != 0)
		return rc;
	if (yes) {
		d->st.already++;
		vals[6] = _("already posted for the month");
		return roll_line(d, vals);
	}
	if (!wage_base || !*wage_base) {
		/* Listed, not charged zero silently. */
		d->st.missing++;
		vals[6] = _("no wage base: not charged");
		return roll_line(d, vals);
	}
	if (uk_money_parse(wage_base, &fen, &why) != 0 || fen < 0)
		return uk_errf(err, errsz, "member %s: bad wage_base '%s'", member_no, wage_base);
	uk_money_format(fen, wage);
	vals[3] = wage;
	if (uk_dues_of_wage(fen) == 0) {
		vals[4] = "0.00";
		vals[6] = _("wage base under 10 yuan: nothing due");
		return roll_line(d, vals);
	}
	{
		struct uk_entry_in in;
		memset(&in, 0, sizeof in);
		uk_money_format(uk_dues_of_wage(fen), dues);
		snprintf(memo, sizeof memo, "会费 %s", d->month);
		in.date = d->date;
		in.amount = dues;
		in.category = "401";
		in.fund = "general";
		in.account = d->account;
		in.member = member_no;
		in.memo = memo;
		in.dues_month = d->month;
		if ((rc = uk_ledger_add(d->lg, &in, &id, err, errsz)) != 0)
			return rc;
	}
	d->st.posted++;
	d->st.total += uk_dues_of_wage(fen);
	vals[4] = dues;
	snprintf(idtext, sizeof idtext, "%lld", (long long)id);
	vals[5] = idtext;
	return roll_line(d, vals);
}

void uk_dues_end(struct uk_dues *d, struct uk_dues_stats *st)
{
	if (st)
		memset(st, 0, sizeof *st);
	if (!d)
		return;
	if (st)
		*st = d->st;
	sqlite3_finalize(d->posted_st);
	sqlite3_finalize(d->wage_st);
	free(d);
}

static int wage_row(sqlite3_stmt *st, void *ctx)
{
	const char *wage = uk_db_text(st, 0);
	if (wage)
		snprintf(ctx, UK_MONEY_BUFSZ, "%s", wage);
	return 0;
}

int uk_dues_member_registered(struct uk_dues *d, const char *member_no, const char *name,
                              const char *unit, const char *wage_now, char *err, size_t errsz)
{
	char wage[UK_MONEY_BUFSZ] = "";
	int rc, found;
	sqlite3_bind_text(d->wage_st, 1, member_no, -1, SQLITE_STATIC);
	sqlite3_bind_text(d->wage_st, 2, d->start, -1, SQLITE_STATIC);
	if ((rc = uk_db_one(uk_ledger_db(d->lg), d->wage_st, wage_row, wage, &found,
	                    N_("cannot read members"))) != 0)
		return rc;
	/* No change on record: the base now is the base it always was. */
	return uk_dues_member(d, member_no, name, unit, *wage ? wage : wage_now, err, errsz);
}

/* Who pays (doc/domain.md "Dues"): a member of the register active on the
 * month's first day. A record names the member by member_no; the rest of
 * it (name, unit, wage base) is what the roll shows and what is charged. */
static int dues_record(void *ctx, struct uk_row *row, char *err, size_t errsz)
{
	struct uk_dues *d = ctx;
	struct uk_db *db = uk_ledger_db(d->lg);
	struct uk_ledger_mark mark;
	const char *no = uk_row_get(row, 0);
	char status[16], stored[64];
	int64_t id;
	int rc, found;

	if (!no || !*no)
		return uk_errf(err, errsz, "no member_no");
	/* The member_no as stored from here on (1 names 000001): the check
	 * for dues already posted compares it. */
	rc = uk_member_resolve(db, no, UK_KEY_MEMBER_NO, &id, stored, sizeof stored, &found, err, errsz);
	if (rc == 0 && found) {
		no = stored;
		rc = uk_member_value_at(db, no, UK_KEY_MEMBER_NO, "status", d->start, &id, status, &found);
	}
	if (rc)
		return rc;
	if (!found)
		return uk_errf(err, errsz, "no member '%s' in the register", no);
	if (strcmp(status, "active") != 0)
		return uk_dues_skip(d, no, uk_row_get(row, 1), uk_row_get(row, 2), _("not active: no dues"));
	uk_ledger_mark(d->lg, &mark);
	rc = uk_dues_member(d, no, uk_row_get(row, 1), uk_row_get(row, 2), uk_row_get(row, 3), err, errsz);
	if (rc == -1 && (rc = uk_ledger_undo(d->lg, &mark)) == 0)
		rc = -1;
	return rc;
}

/* A member of the register, with the wage base in force then. */
static int registered(void *ctx, const char *member_no, const char *name, const char *unit,
                      const char *wage_base)
{
	char err[400];
	int rc = uk_dues_member_registered(ctx, member_no, name, unit, wage_base, err, sizeof err);
	if (rc == -1) {
		uk_err("%s", err);
		return UK_EX_DATAERR;
	}
	return rc;
}

int uk_dues_run(struct uk_dues *d, struct uk_reader *r, long *bad)
{
	struct uk_db *db = uk_ledger_db(d->lg);
	long added;
	*bad = 0;
	if (!r)
		return uk_members_each_active(db, d->start, d->date, registered, d);
	return uk_batch_records(db, r, NULL, dues_record, d, &added, bad);
}
