/* dispute-log - labour-dispute mediation and petitions: open, update,
 * close, show, list, import, and the period's figures. */
#include "uk_cli.h"
#include "uk_columns.h"
#include "uk_disputes.h"
#include "uk_i18n.h"
#include "uk_rec.h"
#include "uk_store.h"

#include <stdlib.h>
#include <string.h>

/* Each command's synopsis: its own usage, and a part of the whole. */
#define SYN_OPEN \
	"dispute-log open --received DATE --category CATEGORY --employer NAME\n" \
	"                   [--employer-code USCC] [--workers N] [--member M ...]\n" \
	"                   [--claimed AMOUNT] [--kind dispute|petition]\n" \
	"                   [--source visit|phone|letter|referral] --summary TEXT\n" \
	"                   [--allow-future]\n"
#define SYN_UPDATE \
	"dispute-log update CASE [--status open|mediating] [--note TEXT] [--date DATE]\n" \
	"                   [--reopen] [--allow-future]\n"
#define SYN_CLOSE \
	"dispute-log close CASE --outcome resolved|failed|referred|withdrawn\n" \
	"                   [--recovered AMOUNT] [--date DATE] [--note TEXT] [--allow-future]\n"
#define SYN_VOID "dispute-log void CASE --reason TEXT\n"
#define SYN_LS \
	"dispute-log ls [--year Y | --month M | --from DATE --to DATE] [--status S]\n" \
	"                   [--category C] [--kind K] [--overdue [--at DATE] | --voided]\n"
#define SYN_SHOW "dispute-log show CASE\n"
#define SYN_IMPORT "dispute-log import [FILE|-] [--allow-future]\n"
#define SYN_STATS \
	"dispute-log stats [--year Y | --month M | --from DATE --to DATE]\n" \
	"                   [--collective N] [--at DATE]\n"
#define AND "       "

#define CATEGORIES \
	"  categories: relationship contract termination hours-leave social-insurance\n" \
	"              wages injury other\n"
#define COLLECTIVE \
	"  --collective N       workers from which a case is collective (default from\n" \
	"                       union-config disputes.collective_threshold, 10)\n"
#define ALLOW_FUTURE "  --allow-future       take a date after today (refused as a typo otherwise)\n"
#define REASON "  --reason TEXT        why a case is voided (void)\n"
#define VOIDED "  --voided             list only the voided cases, with when and why\n"
#define RECORDS \
	"Records:\n" \
	"  --map HEADER=COLUMN  --encoding ENC  --input-format csv|json  --strict\n" \
	"  --ignore COLUMN  --skip-bad  --rejects FILE  --dry-run\n"
#define COMMON_WRITE \
	"Common:\n" \
	"  -d, --db PATH  --dry-run  -q, --quiet  -h, --help  --lang zh|en  --version\n"
#define COMMON_LIST \
	"Common:\n" \
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel  --mask\n" \
	"  -q, --quiet  -h, --help  --lang zh|en  --version\n"

static const char usage[] =
	N_("usage: " SYN_OPEN AND SYN_UPDATE AND SYN_CLOSE AND SYN_VOID AND SYN_LS AND SYN_SHOW
	AND SYN_IMPORT AND SYN_STATS
	"Log the disputes the union mediates; count them as a union reports them.\n"
	"\n"
	CATEGORIES COLLECTIVE ALLOW_FUTURE REASON VOIDED RECORDS COMMON_LIST);

static const char usage_open[] =
	N_("usage: " SYN_OPEN
	"Open a case; its number is printed.\n\n"
	CATEGORIES ALLOW_FUTURE COMMON_WRITE);
static const char usage_update[] =
	N_("usage: " SYN_UPDATE
	"Move a case between open and mediating, add a note, or reopen a closed case\n"
	"(--reopen needs --note).\n\n"
	ALLOW_FUTURE COMMON_WRITE);
static const char usage_close[] =
	N_("usage: " SYN_CLOSE
	"Close a case with its outcome; --recovered only when resolved or referred.\n\n"
	ALLOW_FUTURE COMMON_WRITE);
static const char usage_void[] =
	N_("usage: " SYN_VOID
	"Void a case entered by mistake: it leaves every figure and listing, and is\n"
	"stamped with the time it is made (no --date or --note).\n\n"
	REASON COMMON_WRITE);
static const char usage_ls[] =
	N_("usage: " SYN_LS
	"List the cases in force, in the order received.\n\n"
	CATEGORIES VOIDED COMMON_LIST);
static const char usage_show[] =
	N_("usage: " SYN_SHOW
	"Show a case, then its timeline.\n\n"
	COMMON_LIST);
static const char usage_import[] =
	N_("usage: " SYN_IMPORT
	"Open a case for each record; a record of a case already stored is unchanged.\n\n"
	ALLOW_FUTURE RECORDS
	"Common:\n"
	"  -d, --db PATH  --excel  -q, --quiet  -h, --help  --lang zh|en  --version\n");
static const char usage_stats[] =
	N_("usage: " SYN_STATS
	"Count the cases received in a period (this year by default) as a union\n"
	"reports them.\n\n"
	COLLECTIVE
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel\n"
	"  -q, --quiet  -h, --help  --lang zh|en  --version\n");

enum { OPT_RECEIVED = UK_OPT_TOOL, OPT_CATEGORY, OPT_EMPLOYER, OPT_EMPLOYER_CODE, OPT_WORKERS,
       OPT_MEMBER, OPT_CLAIMED, OPT_KIND, OPT_SOURCE, OPT_SUMMARY, OPT_STATUS, OPT_NOTE,
       OPT_DATE, OPT_REOPEN, OPT_OUTCOME, OPT_RECOVERED, OPT_YEAR, OPT_MONTH, OPT_FROM, OPT_TO,
       OPT_OVERDUE, OPT_AT, OPT_COLLECTIVE, OPT_REASON, OPT_VOIDED };

/* The options each command reads. */
static const int opts_open[] = {
	OPT_RECEIVED, OPT_CATEGORY, OPT_EMPLOYER, OPT_EMPLOYER_CODE, OPT_WORKERS, OPT_MEMBER,
	OPT_CLAIMED, OPT_KIND, OPT_SOURCE, OPT_SUMMARY, UK_OPT_ALLOW_FUTURE, UK_OPT_DRY_RUN, 0,
};
static const int opts_update[] = {
	OPT_STATUS, OPT_NOTE, OPT_DATE, OPT_REOPEN, UK_OPT_ALLOW_FUTURE, UK_OPT_DRY_RUN, 0,
};
static const int opts_close[] = {
	OPT_OUTCOME, OPT_RECOVERED, OPT_DATE, OPT_NOTE, UK_OPT_ALLOW_FUTURE, UK_OPT_DRY_RUN, 0,
};
/* --date and --note are read to say why a void takes neither. */
static const int opts_void[] = {OPT_REASON, OPT_DATE, OPT_NOTE, UK_OPT_DRY_RUN, 0};
static const int opts_ls[] = {
	OPT_YEAR, OPT_MONTH, OPT_FROM, OPT_TO, OPT_STATUS, OPT_CATEGORY, OPT_KIND, OPT_OVERDUE,
	OPT_AT, OPT_VOIDED, 'f', UK_OPT_EXCEL, UK_OPT_MASK, 0,
};
static const int opts_show[] = {'f', UK_OPT_EXCEL, UK_OPT_MASK, 0};
/* --excel: a formula guard on input is read, and --rejects is for Excel. */
static const int opts_import[] = {
	UK_OPT_MAP, UK_OPT_IGNORE, UK_OPT_ENCODING, UK_OPT_INPUT_FORMAT, UK_OPT_STRICT,
	UK_OPT_SKIP_BAD, UK_OPT_REJECTS, UK_OPT_EXCEL, UK_OPT_ALLOW_FUTURE, UK_OPT_DRY_RUN, 0,
};
static const int opts_stats[] = {
	OPT_YEAR, OPT_MONTH, OPT_FROM, OPT_TO, OPT_COLLECTIVE, OPT_AT, 'f', UK_OPT_EXCEL, 0,
};

struct args {
	struct uk_case_in in;
	struct uk_case_change ch;
	const char *outcome, *recovered, *year, *month, *from, *to, *at, *collective, *reason;
	int overdue, voided;
};

/* --at as a date, when given. */
static int at_of(const struct args *a, struct uk_date *at)
{
	const char *why;
	if (a->at && uk_date_parse(a->at, at, &why) != 0)
		return uk_bad_value("--at", a->at, why);
	return 0;
}

/* A command's write and what it needs: the arguments, the case, and the
 * number a new case is given. */
struct job {
	const struct args *a;
	const char *case_no;
	char out[16];
};

static int open_step(struct uk_db *db, void *ctx, char *err, size_t n)
{
	struct job *j = ctx;
	return uk_dispute_open(db, &j->a->in, j->out, err, n);
}

static int update_step(struct uk_db *db, void *ctx, char *err, size_t n)
{
	struct job *j = ctx;
	return uk_dispute_update(db, j->case_no, &j->a->ch, err, n);
}

static int close_step(struct uk_db *db, void *ctx, char *err, size_t n)
{
	struct job *j = ctx;
	const struct args *a = j->a;
	return uk_dispute_close(db, j->case_no, a->outcome, a->recovered, a->ch.date, a->ch.note,
	                        a->ch.allow_future, err, n);
}

static int void_step(struct uk_db *db, void *ctx, char *err, size_t n)
{
	struct job *j = ctx;
	return uk_dispute_void(db, j->case_no, j->a->reason, err, n);
}

/* One write to the case pos[0] in one transaction. */
static int write_case(const struct uk_opts *o, uk_store_write_fn fn, const struct args *a, char **pos)
{
	struct job j = {a, pos[0], ""};
	return uk_store_write(o, fn, &j);
}

static int run_open(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct job j = {a, NULL, ""};
	int rc;
	(void)pos;
	if (npos || !a->in.received || !a->in.category || !a->in.employer || !a->in.summary)
		return uk_usage_error(usage_open, "open needs --received, --category, --employer and --summary");
	rc = uk_store_write(o, open_step, &j);
	if (!rc && !o->dry_run)
		printf("%s\n", j.out);
	return rc;
}

static int run_update(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	if (npos != 1)
		return uk_usage_error(usage_update, "update takes one CASE");
	if (a->ch.reopen && !a->ch.note)
		return uk_usage_error(usage_update, "--reopen needs --note");
	return write_case(o, update_step, a, pos);
}

static int run_close(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	if (npos != 1 || !a->outcome)
		return uk_usage_error(usage_close, "close takes one CASE and --outcome");
	return write_case(o, close_step, a, pos);
}

static int run_void(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	if (npos != 1 || !a->reason)
		return uk_usage_error(usage_void, "void takes one CASE and --reason");
	if (a->ch.date || a->ch.note)
		return uk_usage_error(usage_void, "void takes no --date or --note: it is stamped with the time "
		                      "it is made, and --reason says why");
	return write_case(o, void_step, a, pos);
}

static int run_ls(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct uk_dispute_filter f;
	struct uk_db *db = NULL;
	struct uk_writer *w = NULL;
	const struct uk_outcol *cols;
	const char *opt, *value, *why;
	int rc, ncols;

	(void)pos;
	if (npos)
		return uk_usage_error(usage_ls, "ls takes options only");
	memset(&f, 0, sizeof f);
	f.at = uk_date_today();
	if ((rc = uk_cli_period(usage_ls, a->year, a->month, a->from, a->to, &f.period, &f.has_period)) != 0 ||
	    (rc = at_of(a, &f.at)) != 0)
		return rc;
	f.status = a->ch.status;
	f.category = a->in.category;
	f.kind = a->in.kind;
	if (uk_dispute_filter_check(&f, &opt, &value, &why) != 0)
		return uk_bad_value(opt, value, why);
	f.overdue = a->overdue;
	f.voided = a->voided;
	if (f.overdue && f.voided)
		return uk_usage_error(usage_ls, "--overdue and --voided do not go together (a voided case is "
		                      "never overdue)");
	cols = uk_dispute_ls_cols(f.overdue, f.voided, &ncols);
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0 && (rc = uk_words_writer(o, cols, ncols, UK_COLS_DISPUTES, &w)) == 0)
		rc = uk_disputes_list(db, &f, w, o->mask);
	rc = uk_writer_close(w, rc);
	uk_db_close(db);
	return rc;
}

/* The case, or its timeline, through a writer of its own. */
static int show_part(const struct uk_opts *o, struct uk_db *db, const char *case_no, int timeline)
{
	struct uk_writer *w = NULL;
	const struct uk_outcol *cols;
	int rc, ncols, found = 0;

	cols = timeline ? uk_dispute_timeline_cols(&ncols) : uk_dispute_show_cols(&ncols);
	if ((rc = uk_words_writer(o, cols, ncols, UK_COLS_DISPUTES, &w)) != 0)
		return rc;
	/* The timeline follows the case in the same output. */
	if (timeline)
		uk_writer_follows(w, 1);
	rc = uk_dispute_show(db, case_no, timeline ? NULL : w, timeline ? w : NULL, o->mask, &found);
	if (!rc && !found) {
		uk_err("no case '%s'", case_no);
		rc = UK_EX_DATAERR;
	}
	return uk_writer_close(w, rc);
}

static int run_show(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	struct uk_db *db = NULL;
	int rc;
	(void)ctx;
	if (npos != 1)
		return uk_usage_error(usage_show, "show takes one CASE");
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0 && (rc = show_part(o, db, pos[0], 0)) == 0)
		rc = show_part(o, db, pos[0], 1);
	uk_db_close(db);
	return rc;
}

static int import_records(struct uk_db *db, struct uk_reader *r, const struct uk_opts *o, void *ctx,
                          struct uk_import_counts *n)
{
	(void)ctx;
	return uk_disputes_import(db, r, o->rejects, o->allow_future, &n->added, &n->unchanged, &n->bad);
}

static int run_import(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	int ncols;
	const struct uk_colspec *cols = uk_dispute_colspec(&ncols);
	(void)ctx;
	return uk_store_import(o, usage_import, pos, npos, cols, ncols, import_records, NULL);
}

static int write_stats(const struct uk_opts *o, const struct uk_dispute_stats *st)
{
	struct uk_writer *w;
	int rc;
	if (uk_format_resolve(o, 0) == UK_FMT_JSON)
		return uk_dispute_stats_json(st, stdout);
	if ((rc = uk_words_writer(o, uk_dispute_stats_cols, 3, UK_COLS_OWN, &w)) != 0)
		return rc;
	rc = uk_dispute_stats_rows(st, w);
	return uk_writer_end(w) != 0 ? UK_EX_IOERR : rc;
}

static int run_stats(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct uk_dispute_stats st;
	struct uk_period p;
	struct uk_date at = uk_date_today();
	struct uk_db *db = NULL;
	long threshold = 0;
	const char *why;
	int rc, has;

	(void)pos;
	if (npos)
		return uk_usage_error(usage_stats, "stats takes options only");
	if ((rc = uk_cli_period(usage_stats, a->year, a->month, a->from, a->to, &p, &has)) != 0)
		return rc;
	if (!has) {  /* this year */
		struct uk_date t = uk_date_today();
		p.from = (struct uk_date){t.y, 1, 1};
		p.to = (struct uk_date){t.y, 12, 31};
	}
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) != 0)
		return rc;
	if (a->collective && uk_dispute_threshold_of(a->collective, &threshold, &why) != 0)
		rc = uk_bad_value("--collective", a->collective, why);
	if (!rc && (rc = at_of(a, &at)) == 0 &&
	    (rc = uk_disputes_figures(db, p, a->at ? &at : NULL, threshold, &st)) == 0)
		rc = write_stats(o, &st);
	uk_db_close(db);
	return rc;
}

static const struct uk_subcmd commands[] = {
	{"open", usage_open, opts_open, run_open},
	{"update", usage_update, opts_update, run_update},
	{"close", usage_close, opts_close, run_close},
	{"void", usage_void, opts_void, run_void},
	{"ls", usage_ls, opts_ls, run_ls},
	{"show", usage_show, opts_show, run_show},
	{"import", usage_import, opts_import, run_import},
	{"stats", usage_stats, opts_stats, run_stats},
	{NULL, NULL, NULL, NULL},
};

/* One of the tool's own options into a: 0, or 70 out of memory. */
static int take(struct args *a, int c, char *arg)
{
	switch (c) {
	case OPT_RECEIVED: a->in.received = arg; break;
	case OPT_CATEGORY: a->in.category = arg; break;
	case OPT_EMPLOYER: a->in.employer = arg; break;
	case OPT_EMPLOYER_CODE: a->in.employer_code = arg; break;
	case OPT_WORKERS: a->in.workers = arg; break;
	case OPT_MEMBER: return uk_strv_push(&a->in.members, &a->in.nmembers, arg) ? uk_err_nomem() : 0;
	case OPT_CLAIMED: a->in.claimed = arg; break;
	case OPT_KIND: a->in.kind = arg; break;
	case OPT_SOURCE: a->in.source = arg; break;
	case OPT_SUMMARY: a->in.summary = arg; break;
	case OPT_STATUS: a->ch.status = arg; break;
	case OPT_NOTE: a->ch.note = arg; break;
	case OPT_DATE: a->ch.date = arg; break;
	case OPT_REOPEN: a->ch.reopen = 1; break;
	case OPT_OUTCOME: a->outcome = arg; break;
	case OPT_RECOVERED: a->recovered = arg; break;
	case OPT_YEAR: a->year = arg; break;
	case OPT_MONTH: a->month = arg; break;
	case OPT_FROM: a->from = arg; break;
	case OPT_TO: a->to = arg; break;
	case OPT_OVERDUE: a->overdue = 1; break;
	case OPT_AT: a->at = arg; break;
	case OPT_COLLECTIVE: a->collective = arg; break;
	case OPT_REASON: a->reason = arg; break;
	case OPT_VOIDED: a->voided = 1; break;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		UK_LONGOPTS_COMMON, UK_LONGOPTS_MASK, UK_LONGOPTS_WRITE, UK_LONGOPTS_IMPORT, UK_LONGOPTS_FUTURE,
		{"received", required_argument, 0, OPT_RECEIVED},
		{"category", required_argument, 0, OPT_CATEGORY},
		{"employer", required_argument, 0, OPT_EMPLOYER},
		{"employer-code", required_argument, 0, OPT_EMPLOYER_CODE},
		{"workers", required_argument, 0, OPT_WORKERS}, {"member", required_argument, 0, OPT_MEMBER},
		{"claimed", required_argument, 0, OPT_CLAIMED}, {"kind", required_argument, 0, OPT_KIND},
		{"source", required_argument, 0, OPT_SOURCE}, {"summary", required_argument, 0, OPT_SUMMARY},
		{"status", required_argument, 0, OPT_STATUS}, {"note", required_argument, 0, OPT_NOTE},
		{"date", required_argument, 0, OPT_DATE}, {"reopen", no_argument, 0, OPT_REOPEN},
		{"outcome", required_argument, 0, OPT_OUTCOME},
		{"recovered", required_argument, 0, OPT_RECOVERED},
		{"year", required_argument, 0, OPT_YEAR}, {"month", required_argument, 0, OPT_MONTH},
		{"from", required_argument, 0, OPT_FROM}, {"to", required_argument, 0, OPT_TO},
		{"overdue", no_argument, 0, OPT_OVERDUE}, {"at", required_argument, 0, OPT_AT},
		{"collective", required_argument, 0, OPT_COLLECTIVE},
		{"reason", required_argument, 0, OPT_REASON}, {"voided", no_argument, 0, OPT_VOIDED},
		{0, 0, 0, 0},
	};
	struct uk_opts o = {0};
	struct uk_optseen seen = {0};
	struct args a;
	const struct uk_subcmd *cmd;
	char names[80];
	int c, rc = 0, done = 0;

	memset(&a, 0, sizeof a);
	/* getopt names argv[0] in its messages: the same name as ours. */
	argv[0] = (char *)uk_cli_start(argc, argv);
	/* The command first, so that its -h and its usage errors are its own. */
	cmd = uk_subcmd_find(commands, uk_subcmd_name(argc, argv, longopts, UK_SHORTOPTS_COMMON));
	while ((c = getopt_long(argc, argv, UK_SHORTOPTS_COMMON, longopts, NULL)) != -1) {
		uk_optseen_add(&seen, c);
		if (c >= OPT_RECEIVED)
			rc = take(&a, c, optarg);
		else
			rc = uk_opts_handle(&o, c, optarg, cmd ? cmd->usage : usage, &done);
		if (rc || done)
			goto out;
	}
	if (optind >= argc) {
		uk_subcmd_names(commands, names, sizeof names);
		rc = uk_usage_error(usage, "no command (%s)", names);
		goto out;
	}
	if (!(cmd = uk_subcmd_find(commands, argv[optind]))) {
		rc = uk_usage_error(usage, "unknown command '%s'", argv[optind]);
		goto out;
	}
	if ((rc = uk_subcmd_check(cmd, &seen, longopts)) != 0)
		goto out;
	a.in.allow_future = a.ch.allow_future = o.allow_future;
	rc = cmd->run(&o, &a, argv + optind + 1, argc - optind - 1);
out:
	free(a.in.members);
	uk_opts_free(&o);
	return uk_finish_stdout(rc);
}
