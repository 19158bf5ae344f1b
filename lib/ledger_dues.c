/* ledger_dues.c - monthly dues (会费): 0.5% of each active member's wage
 * base, the part below 10 yuan not counted (ACFTU 工发〔1978〕101号),
 * posted as one income entry per member. */
#include "uk_ledger.h"
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
	char month[8], date[UK_DATE_BUFSZ], account[64];
	long posted, missing;
	int64_t total;
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
                  struct uk_writer *roll, int mask, struct uk_dues **out, long *already)
{
	struct uk_period p;
	const char *why;
	struct uk_dues *d;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*already = 0;
	if (uk_period_parse_month(month, &p, &why) != 0) {
		uk_err("bad --month '%s': %s", month, why);
		return UK_EX_USAGE;
	}
	if (!(d = calloc(1, sizeof *d)))
		return uk_err_nomem();
	d->lg = lg;
	d->roll = roll;
	d->mask = mask;
	uk_date_format(p.to, d->date);  /* dated the month's last day */
	snprintf(d->month, sizeof d->month, "%.7s", d->date);
	snprintf(d->account, sizeof d->account, "%s", account ? account : "bank");
	st = uk_db_prepare(uk_ledger_db(lg),
		"SELECT count(*) FROM ledger_entries e WHERE dues_month = ?1 AND void_of IS NULL"
		" AND NOT EXISTS (SELECT 1 FROM ledger_entries v WHERE v.void_of = e.id)");
	if (!st) {
		free(d);
		return UK_EX_SOFTWARE;
	}
	sqlite3_bind_text(st, 1, d->month, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*already = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		free(d);
		return uk_db_fail(uk_ledger_db(lg), rc, "cannot read the ledger");
	}
	*out = d;
	return UK_EX_OK;
}

int uk_dues_member(struct uk_dues *d, const char *member_no, const char *name,
                   const char *unit, const char *wage_base, char *err, size_t errsz)
{
	const char *vals[7];
	char dues[UK_MONEY_BUFSZ], wage[UK_MONEY_BUFSZ], idtext[24], memo[96];
	char *masked = NULL;
	int64_t fen, id = 0;
	const char *why;
	int rc;

	vals[0] = member_no;
	vals[1] = name;
	vals[2] = unit;
	vals[3] = NULL;
	vals[4] = NULL;
	vals[5] = NULL;
	vals[6] = NULL;
	if (!wage_base || !*wage_base) {
		/* Listed, not charged zero silently. */
		d->missing++;
		vals[6] = "no wage base: not charged";
	} else {
		if (uk_money_parse(wage_base, &fen, &why) != 0 || fen < 0) {
			snprintf(err, errsz, "member %s: bad wage_base '%s'", member_no, wage_base);
			return -1;
		}
		uk_money_format(fen, wage);
		vals[3] = wage;
		if (uk_dues_of_wage(fen) == 0) {
			vals[4] = "0.00";
			vals[6] = "wage base under 10 yuan: nothing due";
		} else {
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
			d->posted++;
			d->total += uk_dues_of_wage(fen);
			vals[4] = dues;
			snprintf(idtext, sizeof idtext, "%lld", (long long)id);
			vals[5] = idtext;
		}
	}
	if (d->mask && name && !(vals[1] = masked = uk_mask_name(name)))
		return uk_err_nomem();
	if (d->roll)
		uk_writer_row(d->roll, vals);
	free(masked);
	return 0;
}

void uk_dues_end(struct uk_dues *d, long *posted, long *missing, int64_t *total)
{
	*posted = d ? d->posted : 0;
	*missing = d ? d->missing : 0;
	*total = d ? d->total : 0;
	free(d);
}
