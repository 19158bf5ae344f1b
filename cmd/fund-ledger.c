/* fund-ledger - the union's books: entries, transfers, opening balances,
 * imports, listings, balances, voids, dues, verification and export. */
#include "uk_cli.h"
#include "uk_columns.h"
#include "uk_i18n.h"
#include "uk_ledger.h"
#include "uk_members.h"
#include "uk_money.h"
#include "uk_rec.h"
#include "uk_store.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	N_("usage: fund-ledger add DATE AMOUNT CATEGORY [--fund F] [--account A] [--member M]\n"
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
	"  -q, --quiet  -h, --help  --lang zh|en  --version\n");

enum { OPT_FUND = UK_OPT_TOOL, OPT_ACCOUNT, OPT_MEMBER, OPT_BY, OPT_ACTIVITY, OPT_VOUCHER,
       OPT_MEMO, OPT_OVERDRAFT, OPT_FORCE, OPT_REASON, OPT_FROM, OPT_TO, OPT_YEAR, OPT_MONTH,
       OPT_CATEGORY, OPT_AT, OPT_DATE, OPT_LOAD, OPT_TITLE };

/* Each command's usage: its synopsis (said again on a usage error), then
 * what its options mean. */
#define COMMON "Common:\n  -d, --db PATH  -q, --quiet  -h, --help  --lang zh|en  --version\n"
#define WRITE_OUT \
	"  --allow-future   an entry dated after today is meant (else refused)\n" \
	"  --dry-run        check and show the entries, write nothing\n" \
	"                   (-f csv|json|ndjson|table, --excel, --mask for what it shows)\n"
#define RECORDS \
	"Records:\n  --map HEADER=COLUMN  --encoding ENC  --input-format csv|json  --strict\n" \
	"  --ignore COLUMN  --excel\n"
#define OUTPUT "Output:\n  -f, --format csv|json|ndjson|table  --excel\n"

static const char usage_add[] =
	N_("usage: fund-ledger add DATE AMOUNT CATEGORY [--fund F] [--account A] [--member M]\n"
	"                   [--by member_no|employee_no|id_card] [--activity ID] [--voucher NO]\n"
	"                   [--memo TEXT] [--allow-overdraft] [--force --reason TEXT]\n"
	"                   [--allow-future] [--dry-run]\n"
	"One entry; its id is printed. Fund general and account bank unless given.\n"
	"  --force --reason TEXT   hardship aid to a member without a hardship level\n"
	WRITE_OUT COMMON);
static const char usage_transfer[] =
	N_("usage: fund-ledger transfer DATE AMOUNT --from FUND[:ACCOUNT] --to FUND[:ACCOUNT]\n"
	"                   [--voucher NO] [--memo TEXT] [--allow-overdraft] [--allow-future]\n"
	"                   [--dry-run]\n"
	"Money moved between funds or accounts: two linked entries; the first id is printed.\n"
	WRITE_OUT COMMON);
static const char usage_opening[] =
	N_("usage: fund-ledger opening DATE AMOUNT --fund F --account A [--memo TEXT]\n"
	"                   [--allow-future] [--dry-run]\n"
	"The opening balance of a fund and account, once, before its other entries.\n"
	WRITE_OUT COMMON);
static const char usage_import[] =
	N_("usage: fund-ledger import [FILE|-] [--allow-overdraft] [--skip-bad] [--rejects FILE]\n"
	"                   [--allow-future] [--dry-run]\n"
	"Entries from records, each checked like add; all or nothing unless --skip-bad.\n"
	RECORDS COMMON);
static const char usage_ls[] =
	N_("usage: fund-ledger ls [--year Y | --month M | --from DATE --to DATE] [--fund F]\n"
	"                   [--category C] [--member M] [--by member_no|employee_no|id_card]\n"
	"The entries, by date.\n"
	OUTPUT "  --mask\n" COMMON);
static const char usage_balance[] =
	N_("usage: fund-ledger balance [--at DATE] [--by fund|account|category|month]\n"
	"The balances at the end of --at (default today), by fund unless --by.\n"
	OUTPUT COMMON);
static const char usage_void[] =
	N_("usage: fund-ledger void ID --reason TEXT [--date DATE] [--allow-overdraft]\n"
	"                   [--allow-future] [--dry-run]\n"
	"A reversing entry for entry ID (both halves of a transfer); its id is printed.\n"
	WRITE_OUT COMMON);
static const char usage_dues[] =
	N_("usage: fund-ledger dues --month YYYY-MM [FILE|-] [--account A] [--allow-future]\n"
	"                   [--dry-run]\n"
	"The month's dues of the members who pay (of FILE's member records, else of the\n"
	"register); the roll on stdout.\n"
	OUTPUT "  --mask\n" RECORDS COMMON);
static const char usage_verify[] =
	N_("usage: fund-ledger verify\n"
	"Checks the hash chain and every total against the entries.\n"
	COMMON);
static const char usage_export[] =
	N_("usage: fund-ledger export -f ledger|csv|json|ndjson\n"
	"The whole books as a ledger-cli journal, or (csv, json, ndjson) as ls lists them,\n"
	"with ls's filters: --year --month --from --to --fund --category --member --by.\n"
	"  --excel  --mask\n" COMMON);
static const char usage_categories[] =
	N_("usage: fund-ledger categories [--load FILE] [--dry-run]\n"
	"The chart of accounts; --load replaces its detail rows from records.\n"
	OUTPUT RECORDS COMMON);
static const char usage_fund[] =
	N_("usage: fund-ledger fund add NAME --title TITLE [--dry-run] | fund-ledger fund ls\n"
	"Funds: add one, or list them with their balances.\n"
	OUTPUT COMMON);

struct args {
	const struct uk_subcmd *cmd;
	const char *fund, *account, *member, *activity, *voucher, *memo, *reason, *from, *to;
	const char *year, *month, *category, *at, *by, *date, *load, *title;
	int allow_overdraft, force, ledger_format;
};

/* The synopsis of a command's usage: its "usage:" line and the indented
 * lines that go on from it (by indent: a translation need not begin with
 * "usage: "). */
static void synopsis(const struct uk_subcmd *cmd)
{
	const char *s = _(cmd->usage);
	for (int first = 1; *s && (first || *s == ' '); first = 0) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) + 1 : strlen(s);
		fwrite(s, 1, n, stderr);
		s += n;
	}
}

/* A usage error inside a command: what is wrong, then its synopsis. */
__attribute__((format(printf, 2, 3)))
static int usage_error(const struct args *a, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	uk_err("%s", msg);
	synopsis(a->cmd);
	return UK_EX_USAGE;
}

static int need(const struct args *a, int have, int want, const char *what)
{
	return have == want ? 0 : usage_error(a, "%s", what);
}

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
	if ((rc = uk_words_writer(o, cols, ncols, UK_COLS_LEDGER, &w)) == 0)
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

static int is_member_key(const char *s, enum uk_member_key *k)
{
	return s && uk_member_key_parse(s, k) == 0;
}

/* --by of add and ls: the member key --member is given by (what is not
 * one is taken as member_no, as it always was). */
static int member_by(const char *by)
{
	enum uk_member_key k;
	return is_member_key(by, &k) ? (int)k : 0;
}

static int cmd_add(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct uk_entry_in in;
	struct uk_db *db = NULL;
	struct uk_ledger *lg = NULL;
	char err[400];
	int64_t id = 0;
	int rc;

	if ((rc = need(a, npos, 3, _("add takes DATE AMOUNT CATEGORY"))) != 0)
		return rc;
	if (a->force && !a->reason)
		return usage_error(a, _("--force needs --reason"));
	memset(&in, 0, sizeof in);
	in.date = pos[0];
	in.amount = pos[1];
	in.category = pos[2];
	in.fund = a->fund;
	in.account = a->account;
	in.member = a->member;
	in.member_by = member_by(a->by);
	in.activity = a->activity;
	in.voucher = a->voucher;
	in.memo = a->memo;
	in.allow_overdraft = a->allow_overdraft;
	in.force_reason = a->force ? a->reason : NULL;
	if ((rc = open_write(o, &db, &lg)) == 0)
		rc = uk_ledger_add(lg, &in, &id, err, sizeof err);
	return end_one(o, db, lg, rc, err, id);
}

static int cmd_transfer(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct uk_db *db = NULL;
	struct uk_ledger *lg = NULL;
	char err[400];
	int64_t id = 0;
	int rc;

	if ((rc = need(a, npos, 2,
	               _("transfer takes DATE AMOUNT --from FUND[:ACCOUNT] --to FUND[:ACCOUNT]"))) != 0)
		return rc;
	if (!a->from || !a->to)
		return usage_error(a, _("transfer needs --from and --to"));
	if ((rc = open_write(o, &db, &lg)) == 0)
		rc = uk_ledger_transfer(lg, pos[0], pos[1], a->from, a->to, a->voucher, a->memo,
		                        a->allow_overdraft, &id, err, sizeof err);
	return end_one(o, db, lg, rc, err, id);
}

static int cmd_opening(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct uk_db *db = NULL;
	struct uk_ledger *lg = NULL;
	char err[400];
	int64_t id = 0;
	int rc;

	if ((rc = need(a, npos, 2, _("opening takes DATE AMOUNT --fund F --account A"))) != 0)
		return rc;
	if (!a->fund || !a->account)
		return usage_error(a, _("opening needs --fund and --account"));
	if ((rc = open_write(o, &db, &lg)) == 0)
		rc = uk_ledger_opening(lg, pos[0], pos[1], a->fund, a->account, a->memo, &id, err, sizeof err);
	return end_one(o, db, lg, rc, err, id);
}

static int cmd_void(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct uk_db *db = NULL;
	struct uk_ledger *lg = NULL;
	char err[400], *end;
	int64_t id = 0;
	long long target;
	int rc;

	if ((rc = need(a, npos, 1, _("void takes the ID of an entry"))) != 0)
		return rc;
	errno = 0;
	target = strtoll(pos[0], &end, 10);
	/* Out of range too: strtoll's clamped value is an ID nobody gave. */
	if (*end || target <= 0 || errno == ERANGE)
		return usage_error(a, _("void takes the ID of an entry, not '%s'"), pos[0]);
	if (!a->reason)
		return usage_error(a, _("void needs --reason"));
	if ((rc = open_write(o, &db, &lg)) == 0)
		rc = uk_ledger_void(lg, target, a->reason, a->date, a->allow_overdraft, &id, err, sizeof err);
	return end_one(o, db, lg, rc, err, id);
}

/* "N bad records: WHAT", 65, when any and not --skip-bad. */
static int bad_records(long bad, const char *what)
{
	uk_err(ngettext("%ld bad record: %s", "%ld bad records: %s", (unsigned long)bad), bad, what);
	return UK_EX_DATAERR;
}

static int cmd_import(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct uk_import_ledger_opts io = {a->allow_overdraft, o->rejects};
	struct uk_reader *r = NULL;
	struct uk_db *db = NULL;
	struct uk_ledger *lg = NULL;
	const char *input = npos == 1 ? pos[0] : npos == 0 ? "-" : NULL;
	long added = 0, unchanged = 0, bad = 0;
	int ncols, rc;
	const struct uk_colspec *cols = uk_ledger_colspec(&ncols);

	if (!input)
		return usage_error(a, _("import takes one FILE (or - for stdin)"));
	if ((rc = uk_cli_reader(o, input, cols, ncols, &r)) != 0)
		return rc;
	if ((rc = open_write(o, &db, &lg)) == 0)
		rc = uk_ledger_import(lg, r, &io, &added, &unchanged, &bad);
	if (!rc && bad && !o->skip_bad)
		rc = bad_records(bad, _("nothing written (fix them, or --skip-bad to add the rest)"));
	rc = close_write(o, db, lg, rc);
	if (!rc)
		uk_import_said(o, added, unchanged, bad);
	uk_db_close(db);
	uk_reader_close(r);
	return rc ? rc : bad ? UK_EX_SKIPPED : UK_EX_OK;
}

/* The listing of ls and of export's csv and json. */
static int list(const struct uk_opts *o, const struct args *a)
{
	struct uk_ledger_filter f;
	struct uk_db *db = NULL;
	struct uk_writer *w = NULL;
	int ncols, rc;
	const struct uk_outcol *cols = uk_ledger_outcols(&ncols);

	memset(&f, 0, sizeof f);
	rc = uk_cli_period(NULL, a->year, a->month, a->from, a->to, &f.period, &f.has_period);
	if (rc == UK_EX_USAGE)
		synopsis(a->cmd);
	if (rc)
		return rc;
	f.fund = a->fund;
	f.category = a->category;
	f.member = a->member;
	f.member_by = member_by(a->by);
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0 && (rc = uk_words_writer(o, cols, ncols, UK_COLS_LEDGER, &w)) == 0)
		rc = uk_ledger_list(db, &f, w, o->mask);
	rc = uk_writer_close(w, rc);
	uk_db_close(db);
	return rc;
}

static int cmd_ls(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	(void)pos;
	if (npos)
		return usage_error(a, _("ls takes options only"));
	return list(o, a);
}

static int cmd_balance(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	enum uk_balance_by by = UK_BY_FUND;
	enum uk_member_key key;
	struct uk_db *db = NULL;
	struct uk_writer *w = NULL;
	char at[UK_DATE_BUFSZ];
	int ncols, rc;
	const struct uk_outcol *cols;

	(void)pos;
	if (npos)
		return usage_error(a, _("balance takes options only"));
	/* A member key (--by of add and ls) leaves it by fund, as it always did. */
	if (a->by && !is_member_key(a->by, &key) && uk_ledger_balance_by_parse(a->by, &by) != 0)
		return usage_error(a, _("--by must be fund, account, category or month"));
	/* Without --at, today: an entry dated later counts from its day. */
	if (a->at) {
		struct uk_date d;
		const char *why;
		if (uk_date_parse(a->at, &d, &why) != 0)
			return uk_bad_value("--at", a->at, why);
		uk_date_format(d, at);
	}
	cols = uk_ledger_balance_cols(by, &ncols);
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0 && (rc = uk_words_writer(o, cols, ncols, UK_COLS_OWN, &w)) == 0)
		rc = uk_ledger_balance(db, by, a->at ? at : NULL, w);
	rc = uk_writer_close(w, rc);
	uk_db_close(db);
	return rc;
}

static int cmd_dues(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct uk_reader *r = NULL;
	struct uk_db *db = NULL;
	struct uk_ledger *lg = NULL;
	struct uk_writer *w = NULL;
	struct uk_dues *d = NULL;
	struct uk_dues_stats st;
	long bad = 0;
	int ncols, nin, rc;
	const struct uk_outcol *cols = uk_dues_cols(&ncols);
	const struct uk_colspec *in_cols = uk_dues_colspec(&nin);

	if (!a->month)
		return usage_error(a, _("dues needs --month YYYY-MM"));
	if (npos > 1)
		return usage_error(a, _("dues takes at most one FILE"));
	if (npos == 1 && (rc = uk_cli_reader(o, pos[0], in_cols, nin, &r)) != 0)
		return rc;
	if ((rc = uk_words_writer(o, cols, ncols, UK_COLS_DUES, &w)) != 0 || (rc = open_write(o, &db, &lg)) != 0 ||
	    (rc = uk_dues_begin(lg, a->month, a->account, w, o->mask, &d)) != 0)
		goto out;
	rc = uk_dues_run(d, r, &bad);
	if (!rc && bad)
		rc = bad_records(bad, _("nothing posted"));
	uk_dues_end(d, &st);
	d = NULL;
	if (!rc && !o->quiet) {
		char money[UK_MONEY_BUFSZ];
		if (!st.posted && st.already)
			fprintf(stderr, _("%s: dues for %s were already posted (%ld members): nothing posted\n"),
			        uk_progname(), a->month, st.already);
		else
			fprintf(stderr, _("%s: %sdues %s: posted %ld, total %s, already posted %ld, "
			                  "no wage base %ld, not active %ld\n"), uk_progname(),
			        o->dry_run ? _("dry run, nothing written: ") : "", a->month, st.posted,
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

static int cmd_verify(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	struct uk_db *db = NULL;
	long n = 0;
	int rc;
	(void)pos;
	if (npos)
		return usage_error(ctx, _("verify takes no arguments"));
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0)
		rc = uk_ledger_verify(db, &n);
	if (!rc && !o->quiet)
		fprintf(stderr, _("%s: verified %ld entries: the chain and every balance match\n"),
		        uk_progname(), n);
	uk_db_close(db);
	return rc;
}

static int cmd_export(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct uk_db *db = NULL;
	int rc;
	(void)pos;
	if (npos)
		return usage_error(a, _("export takes options only"));
	if (!a->ledger_format)
		return list(o, a);
	if (a->fund || a->year || a->month || a->from || a->to || a->category || a->member)
		return usage_error(a, _("export -f ledger writes the whole books: no filters"));
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0)
		rc = uk_ledger_export_journal(db, stdout);
	uk_db_close(db);
	return rc;
}

/* A command's single write: one transaction, committed unless --dry-run. */
static int write_once(const struct uk_opts *o, int (*fn)(struct uk_db *db, const void *arg),
                      const void *arg)
{
	struct uk_db *db = NULL;
	int rc;
	if ((rc = uk_store_open(o, UK_DB_WRITE, &db)) == 0 && (rc = uk_db_begin(db)) == 0) {
		rc = fn(db, arg);
		if (!rc && !o->dry_run)
			rc = uk_db_commit(db);
		uk_db_rollback(db);
	}
	uk_db_close(db);
	return rc;
}

/* A listing of the books as they are. */
static int list_once(const struct uk_opts *o, const struct uk_outcol *cols, int ncols,
                     enum uk_columns_of of, int (*fn)(struct uk_db *db, struct uk_writer *w))
{
	struct uk_db *db = NULL;
	struct uk_writer *w = NULL;
	int rc;
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0 && (rc = uk_words_writer(o, cols, ncols, of, &w)) == 0)
		rc = fn(db, w);
	rc = uk_writer_close(w, rc);
	uk_db_close(db);
	return rc;
}

static int load_categories(struct uk_db *db, const void *r)
{
	return uk_ledger_categories_load(db, (struct uk_reader *)r);
}

static int cmd_categories(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	int ncols, rc;
	const struct uk_outcol *cols;

	(void)pos;
	if (npos)
		return usage_error(a, _("categories takes options only"));
	if (a->load) {
		struct uk_reader *r = NULL;
		int nin;
		const struct uk_colspec *in_cols = uk_ledger_category_colspec(&nin);
		if ((rc = uk_cli_reader(o, a->load, in_cols, nin, &r)) != 0)
			return rc;
		rc = write_once(o, load_categories, r);
		uk_reader_close(r);
		return rc;
	}
	cols = uk_ledger_category_cols(&ncols);
	return list_once(o, cols, ncols, UK_COLS_CATEGORIES, uk_ledger_categories_list);
}

struct new_fund { const char *name, *title; };

static int add_fund(struct uk_db *db, const void *arg)
{
	const struct new_fund *nf = arg;
	return uk_ledger_fund_add(db, nf->name, nf->title);
}

static int cmd_fund(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	int ncols;

	if (npos >= 1 && strcmp(pos[0], "add") == 0) {
		struct new_fund nf = {npos == 2 ? pos[1] : NULL, a->title};
		if (npos != 2 || !a->title)
			return usage_error(a, _("fund add takes NAME --title TITLE"));
		return write_once(o, add_fund, &nf);
	}
	if (npos == 1 && strcmp(pos[0], "ls") == 0) {
		const struct uk_outcol *cols = uk_ledger_fund_cols(&ncols);
		return list_once(o, cols, ncols, UK_COLS_FUNDS, uk_ledger_funds_list);
	}
	return usage_error(a, _("fund takes add NAME --title TITLE, or ls"));
}

/* The options each command takes, beside -h, -d, -q and --version. */
#define O_WRITE UK_OPT_ALLOW_FUTURE, UK_OPT_DRY_RUN, 'f', UK_OPT_EXCEL, UK_OPT_MASK
#define O_READ UK_OPT_STRICT, UK_OPT_ENCODING, UK_OPT_INPUT_FORMAT, UK_OPT_MAP, UK_OPT_IGNORE, \
	UK_OPT_EXCEL
#define O_FILTER OPT_YEAR, OPT_MONTH, OPT_FROM, OPT_TO, OPT_FUND, OPT_CATEGORY, OPT_MEMBER, OPT_BY, \
	'f', UK_OPT_EXCEL, UK_OPT_MASK
static const int opts_add[] = {OPT_FUND, OPT_ACCOUNT, OPT_MEMBER, OPT_BY, OPT_ACTIVITY, OPT_VOUCHER,
	OPT_MEMO, OPT_OVERDRAFT, OPT_FORCE, OPT_REASON, O_WRITE, 0};
static const int opts_transfer[] = {OPT_FROM, OPT_TO, OPT_VOUCHER, OPT_MEMO, OPT_OVERDRAFT, O_WRITE, 0};
static const int opts_opening[] = {OPT_FUND, OPT_ACCOUNT, OPT_MEMO, O_WRITE, 0};
static const int opts_import[] = {OPT_OVERDRAFT, UK_OPT_ALLOW_FUTURE, UK_OPT_DRY_RUN, UK_OPT_SKIP_BAD,
	UK_OPT_REJECTS, O_READ, 0};
static const int opts_ls[] = {O_FILTER, 0};
static const int opts_balance[] = {OPT_AT, OPT_BY, 'f', UK_OPT_EXCEL, 0};
static const int opts_void[] = {OPT_REASON, OPT_DATE, OPT_OVERDRAFT, O_WRITE, 0};
static const int opts_dues[] = {OPT_MONTH, OPT_ACCOUNT, O_WRITE, O_READ, 0};
static const int opts_verify[] = {0};
static const int opts_export[] = {O_FILTER, 0};
static const int opts_categories[] = {OPT_LOAD, UK_OPT_DRY_RUN, 'f', O_READ, 0};
static const int opts_fund[] = {OPT_TITLE, UK_OPT_DRY_RUN, 'f', UK_OPT_EXCEL, 0};

static const struct uk_subcmd commands[] = {
	{"add", usage_add, opts_add, cmd_add},
	{"transfer", usage_transfer, opts_transfer, cmd_transfer},
	{"opening", usage_opening, opts_opening, cmd_opening},
	{"import", usage_import, opts_import, cmd_import},
	{"ls", usage_ls, opts_ls, cmd_ls},
	{"balance", usage_balance, opts_balance, cmd_balance},
	{"void", usage_void, opts_void, cmd_void},
	{"dues", usage_dues, opts_dues, cmd_dues},
	{"verify", usage_verify, opts_verify, cmd_verify},
	{"export", usage_export, opts_export, cmd_export},
	{"categories", usage_categories, opts_categories, cmd_categories},
	{"fund", usage_fund, opts_fund, cmd_fund},
	{NULL, NULL, NULL, NULL},
};

/* "-500", "-0.5": a negative number, not a cluster of options. */
static int is_negative_number(const char *s)
{
	return s[0] == '-' && (isdigit((unsigned char)s[1]) ||
	                       (s[1] == '.' && isdigit((unsigned char)s[2])));
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
		else if (uk_cli_takes_value(s, longopts, UK_SHORTOPTS_COMMON))
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

/* One option of the tool's own into a; 1 when it is not one. */
static int tool_option(struct args *a, int c, char *arg)
{
	switch (c) {
	case OPT_FUND: a->fund = arg; break;
	case OPT_ACCOUNT: a->account = arg; break;
	case OPT_MEMBER: a->member = arg; break;
	case OPT_BY: a->by = arg; break;
	case OPT_ACTIVITY: a->activity = arg; break;
	case OPT_VOUCHER: a->voucher = arg; break;
	case OPT_MEMO: a->memo = arg; break;
	case OPT_OVERDRAFT: a->allow_overdraft = 1; break;
	case OPT_FORCE: a->force = 1; break;
	case OPT_REASON: a->reason = arg; break;
	case OPT_FROM: a->from = arg; break;
	case OPT_TO: a->to = arg; break;
	case OPT_YEAR: a->year = arg; break;
	case OPT_MONTH: a->month = arg; break;
	case OPT_CATEGORY: a->category = arg; break;
	case OPT_AT: a->at = arg; break;
	case OPT_DATE: a->date = arg; break;
	case OPT_LOAD: a->load = arg; break;
	case OPT_TITLE: a->title = arg; break;
	case 'f':
		if (strcmp(arg, "ledger") != 0)
			return 1;
		a->ledger_format = 1;
		break;
	default:
		return 1;
	}
	return 0;
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
	struct uk_optseen seen = {0};
	struct args a;
	const char *name;
	char names[200];
	int c, rc = 0, done = 0;

	memset(&a, 0, sizeof a);
	/* getopt names argv[0] in its messages: the same name as ours. */
	argv[0] = (char *)uk_cli_start(argc, argv);
	/* The command first: its -h is its own usage, its errors show it. */
	name = uk_subcmd_name(argc, argv, longopts, UK_SHORTOPTS_COMMON);
	a.cmd = uk_subcmd_find(commands, name);
	if ((rc = negative_amount(argc, argv, longopts)) != 0)
		goto out;
	while ((c = getopt_long(argc, argv, UK_SHORTOPTS_COMMON, longopts, NULL)) != -1) {
		uk_optseen_add(&seen, c);
		if (c == 'h') {
			fputs(_(a.cmd ? a.cmd->usage : usage), stdout);
			goto out;
		}
		if (!tool_option(&a, c, optarg))
			continue;
		/* Inside a command its synopsis follows the message, not the
		 * hint of the whole tool's help. */
		if ((rc = uk_opts_handle(&o, c, optarg, a.cmd ? NULL : usage, &done)) != 0 || done) {
			if (rc == UK_EX_USAGE && a.cmd)
				synopsis(a.cmd);
			goto out;
		}
	}
	uk_subcmd_names(commands, names, sizeof names);
	if (!name) {
		rc = uk_usage_error(usage, "no command (%s)", names);
		goto out;
	}
	if (!a.cmd) {
		rc = uk_usage_error(usage, "unknown command '%s'", name);
		goto out;
	}
	if ((rc = uk_subcmd_check(a.cmd, &seen, longopts)) != 0)
		goto out;
	if (a.ledger_format && a.cmd->run != cmd_export) {
		rc = usage_error(&a, _("-f ledger is for export"));
		goto out;
	}
	rc = a.cmd->run(&o, &a, argv + optind + 1, argc - optind - 1);
out:
	uk_opts_free(&o);
	return uk_finish_stdout(rc);
}
