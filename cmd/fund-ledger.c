/* fund-ledger - the union's books: entries, transfers, opening balances,
 * imports, listings, balances, voids, dues, verification and export. */
#include "uk_cli.h"
#include "uk_ledger.h"
#include "uk_members.h"
#include "uk_money.h"
#include "uk_rec.h"
#include "uk_store.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: fund-ledger add DATE AMOUNT CATEGORY [--fund F] [--account A] [--member M]\n"
	"                   [--activity ID] [--voucher NO] [--memo TEXT] [--allow-overdraft]\n"
	"                   [--force --reason TEXT]\n"
	"       fund-ledger transfer DATE AMOUNT --from FUND[:ACCOUNT] --to FUND[:ACCOUNT]\n"
	"                   [--voucher NO] [--memo TEXT] [--allow-overdraft]\n"
	"       fund-ledger opening DATE AMOUNT --fund F --account A [--memo TEXT]\n"
	"       fund-ledger import [FILE|-]\n"
	"       fund-ledger ls [--year Y | --month M | --from DATE --to DATE] [--fund F]\n"
	"                   [--category C] [--member M]\n"
	"       fund-ledger balance [--at DATE] [--by fund|account|category|month]\n"
	"       fund-ledger void ID --reason TEXT [--date DATE] [--allow-overdraft]\n"
	"       fund-ledger dues --month YYYY-MM [FILE|-] [--account A]\n"
	"       fund-ledger verify\n"
	"       fund-ledger export -f ledger|csv|json|ndjson\n"
	"       fund-ledger categories [--load FILE]\n"
	"       fund-ledger fund add NAME --title TITLE | fund-ledger fund ls\n"
	"Keep the union's books: funds general, hardship, mutual-aid; accounts cash, bank.\n"
	"\n"
	"  --fund F  --account A  --member M  --by member_no|employee_no|id_card\n"
	"  --activity ID  --voucher NO  --memo TEXT  --allow-overdraft\n"
	"  --force --reason TEXT   hardship aid to a member without a hardship level\n"
	"  --from FUND[:ACCOUNT] --to FUND[:ACCOUNT]   (transfer; ls: dates)\n"
	"  --year Y  --month YYYY-MM  --from DATE  --to DATE  --category C\n"
	"  --at DATE  --by fund|account|category|month   (balance; --at defaults to today)\n"
	"  --allow-future   an entry dated after today is meant (else refused)\n"
	"  --reason TEXT  --date DATE   (void)\n"
	"  --load FILE  --title TITLE\n"
	"Records:\n"
	"  --map HEADER=COLUMN  --encoding ENC  --input-format csv|json  --strict\n"
	"  --ignore COLUMN  --skip-bad  --rejects FILE  --dry-run\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table|ledger  --excel  --mask\n"
	"  -q, --quiet  -h, --help  --version\n";

enum { OPT_FUND = UK_OPT_TOOL, OPT_ACCOUNT, OPT_MEMBER, OPT_BY, OPT_ACTIVITY, OPT_VOUCHER,
       OPT_MEMO, OPT_OVERDRAFT, OPT_FORCE, OPT_REASON, OPT_FROM, OPT_TO, OPT_YEAR, OPT_MONTH,
       OPT_CATEGORY, OPT_AT, OPT_DATE, OPT_LOAD, OPT_TITLE };

struct args {
	const char *fund, *account, *member, *activity, *voucher, *memo, *reason, *from, *to;
	const char *year, *month, *category, *at, *by_text, *date, *load, *title;
	int by, allow_overdraft, force, ledger_format;
};

/* Opens the books for writing: one transaction for the whole command. */
static int open_write(const struct uk_opts *o, struct uk_db **db, struct uk_ledger **lg)
{
	int rc;
	if ((rc = uk_store_open(o, UK_DB_WRITE, db)) != 0 || (rc = uk_db_begin(*db)) != 0 ||
	    (rc = uk_ledger_open(*db, lg)) != 0)
		return rc;
	uk_ledger_allow_future(*lg, o->allow_future);
	return 0;
}

/* Ends a write: totals, then commit, or rollback for a dry run or a fault. */
static int close_write(const struct uk_opts *o, struct uk_db *db, struct uk_ledger *lg, int rc)
{
	if (!db)  /* it never opened */
		return rc;
	if (!rc && lg)
		rc = uk_ledger_flush(lg);
	uk_ledger_close(lg);
	if (!rc && !o->dry_run)
		rc = uk_db_commit(db);
	uk_db_rollback(db);
	return rc;
}

static int with_writer(const struct uk_opts *o, const struct uk_outcol *cols, int ncols,
                       struct uk_writer **w);

/* A dry run shows the entries it would have written (a transfer's two
 * halves), without the id and hash they never got, before the rollback. */
static int print_dry(const struct uk_opts *o, struct uk_db *db, struct uk_ledger *lg)
{
	struct uk_ledger_filter f;
	struct uk_writer *w = NULL;
	int ncols, rc;
	const struct uk_outcol *cols = uk_ledger_outcols(&ncols);

	memset(&f, 0, sizeof f);
	f.after_id = uk_ledger_start_id(lg);
	f.no_id = 1;
	if ((rc = with_writer(o, cols, ncols, &w)) == 0)
		rc = uk_ledger_list(db, &f, w, o->mask);
	return uk_writer_close(w, rc);
}

/* The end of a command that writes one entry: the fault said, the write
 * ended, the new entry's id printed (a dry run's entry, whole). */
static int end_one(const struct uk_opts *o, struct uk_db *db, struct uk_ledger *lg, int rc,
                   const char *err, int64_t id)
{
	if (rc == -1) {
		uk_err("%s", err);
		rc = UK_EX_DATAERR;
	}
	if (!rc && o->dry_run)
		rc = print_dry(o, db, lg);
	rc = close_write(o, db, lg, rc);
	if (!rc && !o->dry_run)  /* a dry run's id was never written */
		printf("%lld\n", (long long)id);
	uk_db_close(db);
	return rc;
}

static int need(int have, int want, const char *what)
{
	if (have != want)
		return uk_usage_error(usage, "%s", what);
	return 0;
}

static int cmd_add(const struct uk_opts *o, const struct args *a, char **pos, int npos)
{
	struct uk_entry_in in;
	struct uk_db *db = NULL;
	struct uk_ledger *lg = NULL;
	char err[400];
	int64_t id = 0;
	int rc;

	if ((rc = need(npos, 3, "add takes DATE AMOUNT CATEGORY")) != 0)
		return rc;
	if (a->force && !a->reason)
		return uk_usage_error(usage, "--force needs --reason");
	memset(&in, 0, sizeof in);
	in.date = pos[0];
	in.amount = pos[1];
	in.category = pos[2];
	in.fund = a->fund;
	in.account = a->account;
	in.member = a->member;
	in.member_by = a->by;
	in.activity = a->activity;
	in.voucher = a->voucher;
	in.memo = a->memo;
	in.allow_overdraft = a->allow_overdraft;
	in.force_reason = a->force ? a->reason : NULL;
	if ((rc = open_write(o, &db, &lg)) == 0)
		rc = uk_ledger_add(lg, &in, &id, err, sizeof err);
	return end_one(o, db, lg, rc, err, id);
}

static int cmd_transfer(const struct uk_opts *o, const struct args *a, char **pos, int npos)
{
	struct uk_db *db = NULL;
	struct uk_ledger *lg = NULL;
	char err[400];
	int64_t id = 0;
	int rc;

	if ((rc = need(npos, 2, "transfer takes DATE AMOUNT --from FUND[:ACCOUNT] --to FUND[:ACCOUNT]")) != 0)
		return rc;
	if (!a->from || !a->to)
		return uk_usage_error(usage, "transfer needs --from and --to");
	if ((rc = open_write(o, &db, &lg)) == 0)
		rc = uk_ledger_transfer(lg, pos[0], pos[1], a->from, a->to, a->voucher, a->memo,
		                        a->allow_overdraft, &id, err, sizeof err);
	return end_one(o, db, lg, rc, err, id);
}

static int cmd_opening(const struct uk_opts *o, const struct args *a, char **pos, int npos)
{
	struct uk_db *db = NULL;
	struct uk_ledger *lg = NULL;
	char err[400];
	int64_t id = 0;
	int rc;

	if ((rc = need(npos, 2, "opening takes DATE AMOUNT --fund F --account A")) != 0)
		return rc;
	if (!a->fund || !a->account)
		return uk_usage_error(usage, "opening needs --fund and --account");
	if ((rc = open_write(o, &db, &lg)) == 0)
		rc = uk_ledger_opening(lg, pos[0], pos[1], a->fund, a->account, a->memo, &id, err, sizeof err);
	return end_one(o, db, lg, rc, err, id);
}

static int cmd_void(const struct uk_opts *o, const struct args *a, char **pos, int npos)
{
	struct uk_db *db = NULL;
	struct uk_ledger *lg = NULL;
	char err[400], *end;
	int64_t id = 0;
	long long target;
	int rc;

	if ((rc = need(npos, 1, "void takes the ID of an entry")) != 0)
		return rc;
	errno = 0;
	target = strtoll(pos[0], &end, 10);
	/* Out of range too: strtoll's clamped value is an ID nobody gave. */
	if (*end || target <= 0 || errno == ERANGE)
		return uk_usage_error(usage, "void takes the ID of an entry, not '%s'", pos[0]);
	if (!a->reason)
		return uk_usage_error(usage, "void needs --reason");
	if ((rc = open_write(o, &db, &lg)) == 0)
		rc = uk_ledger_void(lg, target, a->reason, a->date, a->allow_overdraft, &id, err, sizeof err);
	return end_one(o, db, lg, rc, err, id);
}

static struct uk_read_opts read_opts(const struct uk_opts *o)
{
	struct uk_read_opts ro = uk_read_opts_of(o);
	return ro;
}

static int cmd_import(const struct uk_opts *o, const struct args *a, char **pos, int npos)
{
	struct uk_import_ledger_opts io = {a->allow_overdraft, o->rejects};
	struct uk_read_opts ro = read_opts(o);
	struct uk_reader *r = NULL;
	struct uk_db *db = NULL;
	struct uk_ledger *lg = NULL;
	const char *input = npos == 1 ? pos[0] : npos == 0 ? "-" : NULL;
	long added = 0, bad = 0;
	int ncols, rc;
	const struct uk_colspec *cols = uk_ledger_colspec(&ncols);

	if (!input)
		return uk_usage_error(usage, "import takes one FILE (or - for stdin)");
	if ((rc = uk_reader_open(input, cols, ncols, &ro, &r)) != 0)
		return rc;
	if ((rc = open_write(o, &db, &lg)) == 0)
		rc = uk_ledger_import(lg, r, &io, &added, &bad);
	if (!rc && bad && !o->skip_bad) {
		uk_err("%ld bad record%s: nothing written (fix them, or --skip-bad to add the rest)",
		       bad, bad == 1 ? "" : "s");
		rc = UK_EX_DATAERR;
	}
	rc = close_write(o, db, lg, rc);
	if (!rc && !o->quiet)
		fprintf(stderr, "%s: %sadded %ld, skipped %ld\n", uk_progname(),
		        o->dry_run ? "dry run, nothing written: " : "", added, bad);
	uk_db_close(db);
	uk_reader_close(r);
	return rc ? rc : bad ? UK_EX_SKIPPED : UK_EX_OK;
}

static int period_of(const struct args *a, struct uk_ledger_filter *f)
{
	return uk_cli_period(usage, a->year, a->month, a->from, a->to, &f->period, &f->has_period);
}

static int with_writer(const struct uk_opts *o, const struct uk_outcol *cols, int ncols,
                       struct uk_writer **w)
{
	if (!(*w = uk_writer_new(stdout, uk_format_resolve(o, 0), o->excel, cols, ncols)))
		return uk_err_nomem();
	return 0;
}

static int cmd_ls(const struct uk_opts *o, const struct args *a, int npos)
{
	struct uk_ledger_filter f;
	struct uk_db *db = NULL;
	struct uk_writer *w = NULL;
	int ncols, rc;
	const struct uk_outcol *cols = uk_ledger_outcols(&ncols);

	memset(&f, 0, sizeof f);
	if (npos)
		return uk_usage_error(usage, "ls takes options only");
	if ((rc = period_of(a, &f)) != 0)
		return rc;
	f.fund = a->fund;
	f.category = a->category;
	f.member = a->member;
	f.member_by = a->by;
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0 && (rc = with_writer(o, cols, ncols, &w)) == 0)
		rc = uk_ledger_list(db, &f, w, o->mask);
	rc = uk_writer_close(w, rc);
	uk_db_close(db);
	return rc;
}

static int cmd_balance(const struct uk_opts *o, const struct args *a, int npos)
{
	enum uk_balance_by by = UK_BY_FUND;
	struct uk_db *db = NULL;
	struct uk_writer *w = NULL;
	char at[UK_DATE_BUFSZ];
	int ncols, rc;
	const struct uk_outcol *cols;

	if (npos)
		return uk_usage_error(usage, "balance takes options only");
	if (a->by_text) {
		if (strcmp(a->by_text, "fund") == 0) by = UK_BY_FUND;
		else if (strcmp(a->by_text, "account") == 0) by = UK_BY_ACCOUNT;
		else if (strcmp(a->by_text, "category") == 0) by = UK_BY_CATEGORY;
		else if (strcmp(a->by_text, "month") == 0) by = UK_BY_MONTH;
		else return uk_usage_error(usage, "--by must be fund, account, category or month");
	}
	/* Without --at, today: an entry dated later counts from its day. */
	if (a->at) {
		struct uk_date d;
		const char *why;
		if (uk_date_parse(a->at, &d, &why) != 0)
			return uk_bad_value("--at", a->at, why);
		uk_date_format(d, at);
	}
	cols = uk_ledger_balance_cols(by, &ncols);
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0 && (rc = with_writer(o, cols, ncols, &w)) == 0)
		rc = uk_ledger_balance(db, by, a->at ? at : NULL, w);
	rc = uk_writer_close(w, rc);
	uk_db_close(db);
	return rc;
}

struct dues_ctx { struct uk_dues *d; };

static int dues_one(void *ctx, const char *member_no, const char *name, const char *unit,
                    const char *wage_base)
{
	struct dues_ctx *c = ctx;
	char err[400];
	int rc = uk_dues_member_registered(c->d, member_no, name, unit, wage_base, err, sizeof err);
	if (rc == -1) {
		uk_err("%s", err);
		return UK_EX_DATAERR;
	}
	return rc;
}

/* A member record read for dues: the register says whether it pays. */
static int dues_record(struct uk_db *db, struct uk_dues *d, struct uk_reader *r, struct uk_row *row)
{
	const char *no = uk_row_get(row, 0);
	char err[400], status[16], stored[64];
	int64_t id;
	int rc;

	if (!no || !*no) {
		uk_err_at(uk_reader_name(r), uk_row_line(row), "no member_no");
		return -1;
	}
	/* The member_no as stored from here on (1 names 000001): the check
	 * for dues already posted compares it. */
	rc = uk_member_lookup(db, no, UK_KEY_MEMBER_NO, &id, stored, sizeof stored, err, sizeof err);
	if (rc == -1) {
		uk_err_at(uk_reader_name(r), uk_row_line(row), "%s", err);
		return -1;
	}
	if (rc == 0) {
		no = stored;
		rc = uk_member_field_at(db, no, UK_KEY_MEMBER_NO, "status", uk_dues_month_start(d), &id, status);
	}
	if (rc == 1) {
		uk_err_at(uk_reader_name(r), uk_row_line(row), "no member '%s' in the register", no);
		return -1;
	}
	if (rc)
		return rc;
	if (strcmp(status, "active") != 0) {
		uk_dues_skip(d, no, uk_row_get(row, 1), uk_row_get(row, 2), "not active: no dues");
		return 0;
	}
	rc = uk_dues_member(d, no, uk_row_get(row, 1), uk_row_get(row, 2), uk_row_get(row, 3), err, sizeof err);
	if (rc == -1)
		uk_err_at(uk_reader_name(r), uk_row_line(row), "%s", err);
	return rc;
}

static int cmd_dues(const struct uk_opts *o, const struct args *a, char **pos, int npos)
{
	struct uk_read_opts ro = read_opts(o);
	struct uk_reader *r = NULL;
	struct uk_db *db = NULL;
	struct uk_ledger *lg = NULL;
	struct uk_writer *w = NULL;
	struct uk_dues *d = NULL;
	struct uk_dues_stats st;
	struct dues_ctx ctx;
	int ncols, nin, rc;
	const struct uk_outcol *cols = uk_dues_cols(&ncols);
	const struct uk_colspec *in_cols = uk_dues_colspec(&nin);

	if (!a->month)
		return uk_usage_error(usage, "dues needs --month YYYY-MM");
	if (npos > 1)
		return uk_usage_error(usage, "dues takes at most one FILE");
	if (npos == 1 && (rc = uk_reader_open(pos[0], in_cols, nin, &ro, &r)) != 0)
		return rc;
	if ((rc = with_writer(o, cols, ncols, &w)) != 0 || (rc = open_write(o, &db, &lg)) != 0 ||
	    (rc = uk_dues_begin(lg, a->month, a->account, w, o->mask, &d)) != 0)
		goto out;
	ctx.d = d;
	if (!r) {
		rc = uk_members_each_active(db, uk_dues_month_start(d), uk_dues_month_end(d), dues_one, &ctx);
	} else {
		struct uk_row *row;
		long bad = 0;
		while ((rc = uk_reader_next(r, &row)) == 1) {
			int res;
			if (uk_row_error(row)) {
				uk_err_at(uk_reader_name(r), uk_row_line(row), "%s", uk_row_error(row));
				bad++;
				continue;
			}
			res = dues_record(db, d, r, row);
			if (res == -1)
				bad++;
			else if (res) {
				rc = res;
				break;
			}
		}
		if (rc == 0 && bad) {
			uk_err("%ld bad record%s: nothing posted", bad, bad == 1 ? "" : "s");
			rc = UK_EX_DATAERR;
		}
	}
	uk_dues_end(d, &st);
	d = NULL;
	if (!rc && !o->quiet) {
		char money[UK_MONEY_BUFSZ];
		if (!st.posted && st.already)
			fprintf(stderr, "%s: dues for %s were already posted (%ld members): nothing posted\n",
			        uk_progname(), a->month, st.already);
		else
			fprintf(stderr, "%s: %sdues %s: posted %ld, total %s, already posted %ld, "
			        "no wage base %ld, not active %ld\n", uk_progname(),
			        o->dry_run ? "dry run, nothing written: " : "", a->month, st.posted,
			        uk_money_format(st.total, money), st.already, st.missing, st.not_active);
	}
out:
	uk_dues_end(d, NULL);
	rc = close_write(o, db, lg, rc);
	rc = uk_writer_close(w, rc);
	uk_db_close(db);
	uk_reader_close(r);
	return rc;
}

static int cmd_verify(const struct uk_opts *o, int npos)
{
	struct uk_db *db = NULL;
	long n = 0;
	int rc;
	if (npos)
		return uk_usage_error(usage, "verify takes no arguments");
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0)
		rc = uk_ledger_verify(db, &n);
	if (!rc && !o->quiet)
		fprintf(stderr, "%s: verified %ld entries: the chain and every balance match\n",
		        uk_progname(), n);
	uk_db_close(db);
	return rc;
}

static int cmd_export(const struct uk_opts *o, const struct args *a, int npos)
{
	struct uk_db *db = NULL;
	int rc;
	if (npos)
		return uk_usage_error(usage, "export takes options only");
	if (!a->ledger_format)
		return cmd_ls(o, a, 0);
	if (a->fund || a->year || a->month || a->from || a->to || a->category || a->member)
		return uk_usage_error(usage, "export -f ledger writes the whole books: no filters");
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0)
		rc = uk_ledger_export_journal(db, stdout);
	uk_db_close(db);
	return rc;
}

static int cmd_categories(const struct uk_opts *o, const struct args *a, int npos)
{
	struct uk_db *db = NULL;
	struct uk_writer *w = NULL;
	int ncols, rc;

	if (npos)
		return uk_usage_error(usage, "categories takes options only");
	if (a->load) {
		struct uk_read_opts ro = read_opts(o);
		struct uk_reader *r = NULL;
		int nin;
		const struct uk_colspec *cols = uk_ledger_category_colspec(&nin);
		if ((rc = uk_reader_open(a->load, cols, nin, &ro, &r)) != 0)
			return rc;
		if ((rc = uk_store_open(o, UK_DB_WRITE, &db)) == 0 && (rc = uk_db_begin(db)) == 0) {
			rc = uk_ledger_categories_load(db, r);
			if (!rc && !o->dry_run)
				rc = uk_db_commit(db);
			uk_db_rollback(db);
		}
		uk_reader_close(r);
		uk_db_close(db);
		return rc;
	}
	{
		const struct uk_outcol *cols = uk_ledger_category_cols(&ncols);
		if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0 && (rc = with_writer(o, cols, ncols, &w)) == 0)
			rc = uk_ledger_categories_list(db, w);
	}
	rc = uk_writer_close(w, rc);
	uk_db_close(db);
	return rc;
}

static int cmd_fund(const struct uk_opts *o, const struct args *a, char **pos, int npos)
{
	struct uk_db *db = NULL;
	struct uk_writer *w = NULL;
	int ncols, rc;

	if (npos >= 1 && strcmp(pos[0], "add") == 0) {
		if (npos != 2 || !a->title)
			return uk_usage_error(usage, "fund add takes NAME --title TITLE");
		if ((rc = uk_store_open(o, UK_DB_WRITE, &db)) == 0 && (rc = uk_db_begin(db)) == 0) {
			rc = uk_ledger_fund_add(db, pos[1], a->title);
			if (!rc && !o->dry_run)
				rc = uk_db_commit(db);
			uk_db_rollback(db);
		}
		uk_db_close(db);
		return rc;
	}
	if (npos == 1 && strcmp(pos[0], "ls") == 0) {
		const struct uk_outcol *cols = uk_ledger_fund_cols(&ncols);
		if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0 && (rc = with_writer(o, cols, ncols, &w)) == 0)
			rc = uk_ledger_funds_list(db, w);
		rc = uk_writer_close(w, rc);
		uk_db_close(db);
		return rc;
	}
	return uk_usage_error(usage, "fund takes add NAME --title TITLE, or ls");
}

/* "-500", "-0.5": a negative number, not a cluster of options. */
static int is_negative_number(const char *s)
{
	return s[0] == '-' && (isdigit((unsigned char)s[1]) ||
	                       (s[1] == '.' && isdigit((unsigned char)s[2])));
}

/* Whether argv[i], an option, takes the next element as its argument. */
static int takes_next(const char *s, const struct option *longopts)
{
	if (s[1] == '-') {
		size_t n = strcspn(s + 2, "=");
		if (s[2 + n] == '=')
			return 0;
		for (const struct option *lo = longopts; lo->name; lo++)
			if (strncmp(lo->name, s + 2, n) == 0)  /* getopt takes a prefix too */
				return lo->has_arg == required_argument;
		return 0;
	}
	for (const char *p = s + 1; *p; p++)
		if (*p == 'd' || *p == 'f')  /* the short options with an argument */
			return p[1] == '\0';
	return 0;
}

/* A negative AMOUNT would reach getopt as the options -5, -0, -0 and be
 * named as one of them: found first, where add, transfer and opening take
 * their amount, it is refused as the value it is (65). */
static int negative_amount(int argc, char **argv, const struct option *longopts)
{
	const char *pos[3];
	int npos = 0, operands = 0;
	for (int i = 1; i < argc && npos < 3; i++) {
		const char *s = argv[i];
		if (!operands && strcmp(s, "--") == 0)
			operands = 1;
		else if (operands || s[0] != '-' || !s[1] || is_negative_number(s))
			pos[npos++] = s;
		else if (takes_next(s, longopts))
			i++;
	}
	if (npos < 3 || !is_negative_number(pos[2]) ||
	    (strcmp(pos[0], "add") != 0 && strcmp(pos[0], "transfer") != 0 && strcmp(pos[0], "opening") != 0))
		return 0;
	uk_err("amount must be positive, not '%s' (the category gives the direction): money coming "
	       "back, a refund, is an income entry (e.g. other-income); a wrong entry is undone with "
	       "fund-ledger void ID", pos[2]);
	return UK_EX_DATAERR;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		UK_LONGOPTS_COMMON, UK_LONGOPTS_MASK, UK_LONGOPTS_WRITE, UK_LONGOPTS_IMPORT,
		UK_LONGOPTS_FUTURE,
		{"fund", required_argument, 0, OPT_FUND}, {"account", required_argument, 0, OPT_ACCOUNT},
		{"member", required_argument, 0, OPT_MEMBER}, {"by", required_argument, 0, OPT_BY},
		{"activity", required_argument, 0, OPT_ACTIVITY},
		{"voucher", required_argument, 0, OPT_VOUCHER}, {"memo", required_argument, 0, OPT_MEMO},
		{"allow-overdraft", no_argument, 0, OPT_OVERDRAFT}, {"force", no_argument, 0, OPT_FORCE},
		{"reason", required_argument, 0, OPT_REASON}, {"from", required_argument, 0, OPT_FROM},
		{"to", required_argument, 0, OPT_TO}, {"year", required_argument, 0, OPT_YEAR},
		{"month", required_argument, 0, OPT_MONTH}, {"category", required_argument, 0, OPT_CATEGORY},
		{"at", required_argument, 0, OPT_AT},
		{"date", required_argument, 0, OPT_DATE}, {"load", required_argument, 0, OPT_LOAD},
		{"title", required_argument, 0, OPT_TITLE},
		{0, 0, 0, 0},
	};
	struct uk_opts o = {0};
	struct args a;
	const char *sub;
	int c, rc = 0, done = 0, npos;
	char **pos;

	memset(&a, 0, sizeof a);
	/* getopt names argv[0] in its messages: the same name as ours. */
	argv[0] = (char *)uk_cli_init(argv[0]);
	if ((rc = negative_amount(argc, argv, longopts)) != 0)
		goto out;
	while ((c = getopt_long(argc, argv, UK_SHORTOPTS_COMMON, longopts, NULL)) != -1) {
		switch (c) {
		case OPT_FUND: a.fund = optarg; break;
		case OPT_ACCOUNT: a.account = optarg; break;
		case OPT_MEMBER: a.member = optarg; break;
		case OPT_BY:
			/* --by names a member key, or what balance adds up by. */
			{
				enum uk_member_key k;
				if (uk_member_key_parse(optarg, &k) == 0)
					a.by = (int)k;
				else
					a.by_text = optarg;
			}
			break;
		case OPT_ACTIVITY: a.activity = optarg; break;
		case OPT_VOUCHER: a.voucher = optarg; break;
		case OPT_MEMO: a.memo = optarg; break;
		case OPT_OVERDRAFT: a.allow_overdraft = 1; break;
		case OPT_FORCE: a.force = 1; break;
		case OPT_REASON: a.reason = optarg; break;
		case OPT_FROM: a.from = optarg; break;
		case OPT_TO: a.to = optarg; break;
		case OPT_YEAR: a.year = optarg; break;
		case OPT_MONTH: a.month = optarg; break;
		case OPT_CATEGORY: a.category = optarg; break;
		case OPT_AT: a.at = optarg; break;
		case OPT_DATE: a.date = optarg; break;
		case OPT_LOAD: a.load = optarg; break;
		case OPT_TITLE: a.title = optarg; break;
		case 'f':
			if (strcmp(optarg, "ledger") == 0) {
				a.ledger_format = 1;
				break;
			}
			/* fall through */
		default:
			if ((rc = uk_opts_handle(&o, c, optarg, usage, &done)) != 0 || done)
				goto out;
		}
	}
	if (optind >= argc) {
		rc = uk_usage_error(usage, "no command (add, transfer, opening, import, ls, balance, "
		                    "void, dues, verify, export, categories, fund)");
		goto out;
	}
	sub = argv[optind];
	pos = argv + optind + 1;
	npos = argc - optind - 1;
	if (a.ledger_format && strcmp(sub, "export") != 0) {
		rc = uk_usage_error(usage, "-f ledger is for export");
		goto out;
	}
	if (strcmp(sub, "add") == 0) rc = cmd_add(&o, &a, pos, npos);
	else if (strcmp(sub, "transfer") == 0) rc = cmd_transfer(&o, &a, pos, npos);
	else if (strcmp(sub, "opening") == 0) rc = cmd_opening(&o, &a, pos, npos);
	else if (strcmp(sub, "import") == 0) rc = cmd_import(&o, &a, pos, npos);
	else if (strcmp(sub, "ls") == 0) rc = cmd_ls(&o, &a, npos);
	else if (strcmp(sub, "balance") == 0) rc = cmd_balance(&o, &a, npos);
	else if (strcmp(sub, "void") == 0) rc = cmd_void(&o, &a, pos, npos);
	else if (strcmp(sub, "dues") == 0) rc = cmd_dues(&o, &a, pos, npos);
	else if (strcmp(sub, "verify") == 0) rc = cmd_verify(&o, npos);
	else if (strcmp(sub, "export") == 0) rc = cmd_export(&o, &a, npos);
	else if (strcmp(sub, "categories") == 0) rc = cmd_categories(&o, &a, npos);
	else if (strcmp(sub, "fund") == 0) rc = cmd_fund(&o, &a, pos, npos);
	else rc = uk_usage_error(usage, "unknown command '%s'", sub);
out:
	uk_opts_free(&o);
	return uk_finish_stdout(rc);
}
