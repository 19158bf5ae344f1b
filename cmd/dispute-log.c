/* dispute-log - labour-dispute mediation and petitions: open, update,
 * close, show, list, import, and the period's figures. */
#include "uk_cli.h"
#include "uk_config.h"
#include "uk_disputes.h"
#include "uk_rec.h"
#include "uk_store.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: dispute-log open --received DATE --category CATEGORY --employer NAME\n"
	"                   [--employer-code USCC] [--workers N] [--member M ...]\n"
	"                   [--claimed AMOUNT] [--kind dispute|petition]\n"
	"                   [--source visit|phone|letter|referral] --summary TEXT\n"
	"                   [--allow-future]\n"
	"       dispute-log update CASE [--status open|mediating] [--note TEXT] [--date DATE]\n"
	"                   [--reopen] [--allow-future]\n"
	"       dispute-log close CASE --outcome resolved|failed|referred|withdrawn\n"
	"                   [--recovered AMOUNT] [--date DATE] [--note TEXT] [--allow-future]\n"
	"       dispute-log void CASE --reason TEXT\n"
	"       dispute-log ls [--year Y | --month M | --from DATE --to DATE] [--status S]\n"
	"                   [--category C] [--kind K] [--overdue [--at DATE] | --voided]\n"
	"       dispute-log show CASE\n"
	"       dispute-log import [FILE|-] [--allow-future]\n"
	"       dispute-log stats [--year Y | --month M | --from DATE --to DATE]\n"
	"                   [--collective N] [--at DATE]\n"
	"Log the disputes the union mediates; count them as a union reports them.\n"
	"\n"
	"  categories: relationship contract termination hours-leave social-insurance\n"
	"              wages injury other\n"
	"  --collective N       workers from which a case is collective (default from\n"
	"                       union-config disputes.collective_threshold, 10)\n"
	"  --allow-future       take a date after today (refused as a typo otherwise)\n"
	"  --reason TEXT        why a case is voided (void)\n"
	"  --voided             list only the voided cases, with when and why\n"
	"Records:\n"
	"  --map HEADER=COLUMN  --encoding ENC  --input-format csv|json  --strict\n"
	"  --ignore COLUMN  --skip-bad  --rejects FILE  --dry-run\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel  --mask\n"
	"  -q, --quiet  -h, --help  --version\n";

enum { OPT_RECEIVED = UK_OPT_TOOL, OPT_CATEGORY, OPT_EMPLOYER, OPT_EMPLOYER_CODE, OPT_WORKERS,
       OPT_MEMBER, OPT_CLAIMED, OPT_KIND, OPT_SOURCE, OPT_SUMMARY, OPT_STATUS, OPT_NOTE,
       OPT_DATE, OPT_REOPEN, OPT_OUTCOME, OPT_RECOVERED, OPT_YEAR, OPT_MONTH, OPT_FROM, OPT_TO,
       OPT_OVERDUE, OPT_AT, OPT_COLLECTIVE, OPT_REASON, OPT_VOIDED };

struct args {
	struct uk_case_in in;
	struct uk_case_change ch;
	const char *outcome, *recovered, *year, *month, *from, *to, *at, *collective, *status, *reason;
	int overdue, voided, allow_future;
};

static int period_of(const struct args *a, struct uk_period *p, int *has)
{
	return uk_cli_period(usage, a->year, a->month, a->from, a->to, p, has);
}

static int at_of(const struct args *a, struct uk_date *at)
{
	const char *why;
	*at = uk_date_today();
	if (a->at && uk_date_parse(a->at, at, &why) != 0)
		return uk_bad_value("--at", a->at, why);
	return 0;
}

/* A subcommand's write, with what it needs. */
struct write_ctx {
	int (*fn)(struct uk_db *, const struct args *, char **, char *, size_t, char *);
	const struct args *a;
	char **pos;
	char out[32];
};

static int write_step(struct uk_db *db, void *ctx, char *err, size_t errsz)
{
	struct write_ctx *w = ctx;
	return w->fn(db, w->a, w->pos, err, errsz, w->out);
}

/* One write in one transaction; print: the case number it gives. */
static int write_one(const struct uk_opts *o, int (*fn)(struct uk_db *, const struct args *,
                     char **, char *, size_t, char *), const struct args *a, char **pos, int print)
{
	struct write_ctx w = {fn, a, pos, ""};
	int rc = uk_store_write(o, write_step, &w);
	if (!rc && print && !o->dry_run)
		printf("%s\n", w.out);
	return rc;
}

static int do_open(struct uk_db *db, const struct args *a, char **pos, char *err, size_t n, char *out)
{
	struct uk_case_in in = a->in;
	(void)pos;
	in.allow_future = a->allow_future;
	return uk_dispute_open(db, &in, out, err, n);
}

static int do_update(struct uk_db *db, const struct args *a, char **pos, char *err, size_t n, char *out)
{
	struct uk_case_change ch = a->ch;
	(void)out;
	ch.allow_future = a->allow_future;
	return uk_dispute_update(db, pos[0], &ch, err, n);
}

static int do_close(struct uk_db *db, const struct args *a, char **pos, char *err, size_t n, char *out)
{
	(void)out;
	return uk_dispute_close(db, pos[0], a->outcome, a->recovered, a->ch.date, a->ch.note, a->allow_future,
	                        err, n);
}

static int do_void(struct uk_db *db, const struct args *a, char **pos, char *err, size_t n, char *out)
{
	(void)out;
	return uk_dispute_void(db, pos[0], a->reason, err, n);
}

static int with_writer(const struct uk_opts *o, const struct uk_outcol *cols, int n, struct uk_writer **w)
{
	if (!(*w = uk_writer_new(stdout, uk_format_resolve(o, 0), o->excel, cols, n)))
		return uk_err_nomem();
	return 0;
}

static int limit_of(struct uk_db *db, long *limit)
{
	return uk_config_get_int(db, "disputes.limit_days", limit);
}

static int cmd_ls(const struct uk_opts *o, const struct args *a)
{
	struct uk_dispute_filter f;
	struct uk_db *db = NULL;
	struct uk_writer *w = NULL;
	int rc, ncols;
	const struct uk_outcol *cols;

	memset(&f, 0, sizeof f);
	if ((rc = period_of(a, &f.period, &f.has_period)) != 0 || (rc = at_of(a, &f.at)) != 0)
		return rc;
	f.status = a->status;
	f.kind = a->in.kind;
	/* Filter values are checked: a misspelt one is bad data, not an
	 * empty list. */
	if (a->in.category && !(f.category = uk_dispute_category_of(a->in.category)))
		return uk_bad_value("--category", a->in.category, "unknown category");
	if (f.status && strcmp(f.status, "open") && strcmp(f.status, "mediating") && strcmp(f.status, "closed"))
		return uk_bad_value("--status", f.status, "open, mediating or closed (--voided lists the voided cases)");
	if (f.kind && strcmp(f.kind, "dispute") && strcmp(f.kind, "petition"))
		return uk_bad_value("--kind", f.kind, "dispute or petition");
	f.overdue = a->overdue;
	f.voided = a->voided;
	if (f.overdue && f.voided)
		return uk_usage_error(usage, "--overdue and --voided do not go together (a voided case is never overdue)");
	cols = uk_dispute_ls_cols(f.overdue, f.voided, &ncols);
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0 && (rc = limit_of(db, &f.limit_days)) == 0 &&
	    (rc = with_writer(o, cols, ncols, &w)) == 0)
		rc = uk_disputes_list(db, &f, w, o->mask);
	rc = uk_writer_close(w, rc);
	uk_db_close(db);
	return rc;
}

static int cmd_show(const struct uk_opts *o, char **pos)
{
	struct uk_db *db = NULL;
	struct uk_writer *w = NULL, *t = NULL;
	int rc, ncols, ntl;
	const struct uk_outcol *cols = uk_dispute_show_cols(&ncols);
	const struct uk_outcol *tl = uk_dispute_timeline_cols(&ntl);

	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0 && (rc = with_writer(o, cols, ncols, &w)) == 0) {
		rc = uk_dispute_show(db, pos[0], w, NULL, o->mask);
		rc = uk_writer_close(w, rc);
		/* The case, then its timeline. */
		if (!rc && (rc = with_writer(o, tl, ntl, &t)) == 0) {
			uk_writer_follows(t, 1);
			rc = uk_dispute_show(db, pos[0], NULL, t, o->mask);
			rc = uk_writer_close(t, rc);
		}
	}
	uk_db_close(db);
	return rc;
}

static int cmd_import(const struct uk_opts *o, char **pos, int npos)
{
	struct uk_read_opts ro = uk_read_opts_of(o);
	struct uk_reader *r = NULL;
	struct uk_db *db = NULL;
	long added = 0, unchanged = 0, bad = 0;
	char skipped[40] = "";
	int rc, ncols;
	const struct uk_colspec *cols = uk_dispute_colspec(&ncols);

	if (npos > 1)
		return uk_usage_error(usage, "import takes one FILE (or - for stdin)");
	if ((rc = uk_reader_open(npos ? pos[0] : "-", cols, ncols, &ro, &r)) != 0)
		return rc;
	if ((rc = uk_store_open(o, UK_DB_WRITE, &db)) == 0 && (rc = uk_db_begin(db)) == 0) {
		rc = uk_disputes_import(db, r, o->rejects, o->allow_future, &added, &unchanged, &bad);
		if (!rc && bad && !o->skip_bad) {
			uk_err("%ld bad record%s: nothing written (fix them, or --skip-bad to add the rest)",
			       bad, bad == 1 ? "" : "s");
			rc = UK_EX_DATAERR;
		}
		if (!rc && !o->dry_run)
			rc = uk_db_commit(db);
		uk_db_rollback(db);
	}
	if (bad)
		snprintf(skipped, sizeof skipped, ", skipped %ld", bad);
	if (!rc && !o->quiet)
		fprintf(stderr, "%s: %sadded %ld, unchanged %ld%s\n", uk_progname(),
		        o->dry_run ? "dry run, nothing written: " : "", added, unchanged, skipped);
	uk_db_close(db);
	uk_reader_close(r);
	return rc ? rc : bad ? UK_EX_SKIPPED : UK_EX_OK;
}

static int cmd_stats(const struct uk_opts *o, const struct args *a)
{
	struct uk_dispute_stats st;
	struct uk_period p;
	struct uk_db *db = NULL;
	long threshold = 10, limit = 15;
	int rc, has;

	if ((rc = period_of(a, &p, &has)) != 0)
		return rc;
	if (!has) {  /* this year */
		struct uk_date t = uk_date_today();
		p.from = (struct uk_date){t.y, 1, 1};
		p.to = (struct uk_date){t.y, 12, 31};
	}
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) != 0)
		return rc;
	if (!(rc = uk_config_get_int(db, "disputes.collective_threshold", &threshold)) &&
	    !(rc = limit_of(db, &limit))) {
		if (a->collective) {
			char *end;
			threshold = strtol(a->collective, &end, 10);
			if (*end || threshold < 2)
				rc = uk_bad_value("--collective", a->collective, "a whole number of workers from 2");
		}
		if (!rc) {
			struct uk_date at = p.to;
			if (uk_date_cmp(uk_date_today(), at) < 0)
				at = uk_date_today();
			if (a->at && (rc = at_of(a, &at)) != 0)
				goto done;
			rc = uk_disputes_stats(db, p, at, threshold, limit, &st);
		}
		if (!rc && uk_dispute_stats_write(&st, uk_format_resolve(o, 0), o->excel, stdout) == -2)
			rc = uk_err_nomem();
	}
done:
	uk_db_close(db);
	return rc;
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
	struct args a;
	const char *sub;
	char **pos;
	int c, rc = 0, done = 0, npos;

	memset(&a, 0, sizeof a);
	/* getopt names argv[0] in its messages: the same name as ours. */
	argv[0] = (char *)uk_cli_init(argv[0]);
	while ((c = getopt_long(argc, argv, UK_SHORTOPTS_COMMON, longopts, NULL)) != -1) {
		switch (c) {
		case OPT_RECEIVED: a.in.received = optarg; break;
		case OPT_CATEGORY: a.in.category = optarg; break;
		case OPT_EMPLOYER: a.in.employer = optarg; break;
		case OPT_EMPLOYER_CODE: a.in.employer_code = optarg; break;
		case OPT_WORKERS: a.in.workers = optarg; break;
		case OPT_MEMBER:
			if (uk_strv_push(&a.in.members, &a.in.nmembers, optarg)) {
				rc = uk_err_nomem();
				goto out;
			}
			break;
		case OPT_CLAIMED: a.in.claimed = optarg; break;
		case OPT_KIND: a.in.kind = optarg; break;
		case OPT_SOURCE: a.in.source = optarg; break;
		case OPT_SUMMARY: a.in.summary = optarg; break;
		case OPT_STATUS: a.status = a.ch.status = optarg; break;
		case OPT_NOTE: a.ch.note = optarg; break;
		case OPT_DATE: a.ch.date = optarg; break;
		case OPT_REOPEN: a.ch.reopen = 1; break;
		case OPT_OUTCOME: a.outcome = optarg; break;
		case OPT_RECOVERED: a.recovered = optarg; break;
		case OPT_YEAR: a.year = optarg; break;
		case OPT_MONTH: a.month = optarg; break;
		case OPT_FROM: a.from = optarg; break;
		case OPT_TO: a.to = optarg; break;
		case OPT_OVERDUE: a.overdue = 1; break;
		case OPT_AT: a.at = optarg; break;
		case OPT_COLLECTIVE: a.collective = optarg; break;
		case OPT_REASON: a.reason = optarg; break;
		case OPT_VOIDED: a.voided = 1; break;
		default:
			if ((rc = uk_opts_handle(&o, c, optarg, usage, &done)) != 0 || done)
				goto out;
		}
	}
	if (optind >= argc) {
		rc = uk_usage_error(usage, "no command (open, update, close, void, ls, show, import, stats)");
		goto out;
	}
	a.allow_future = o.allow_future;
	sub = argv[optind];
	pos = argv + optind + 1;
	npos = argc - optind - 1;
	if (strcmp(sub, "open") == 0) {
		if (npos || !a.in.received || !a.in.category || !a.in.employer || !a.in.summary)
			rc = uk_usage_error(usage, "open needs --received, --category, --employer and --summary");
		else
			rc = write_one(&o, do_open, &a, pos, 1);
	} else if (strcmp(sub, "update") == 0) {
		if (npos != 1)
			rc = uk_usage_error(usage, "update takes one CASE");
		else if (a.ch.reopen && !a.ch.note)
			rc = uk_usage_error(usage, "--reopen needs --note");
		else
			rc = write_one(&o, do_update, &a, pos, 0);
	} else if (strcmp(sub, "close") == 0) {
		if (npos != 1 || !a.outcome)
			rc = uk_usage_error(usage, "close takes one CASE and --outcome");
		else
			rc = write_one(&o, do_close, &a, pos, 0);
	} else if (strcmp(sub, "void") == 0) {
		if (npos != 1 || !a.reason)
			rc = uk_usage_error(usage, "void takes one CASE and --reason");
		else if (a.ch.date || a.ch.note)
			rc = uk_usage_error(usage, "void takes no --date or --note: it is stamped with the time it "
			                    "is made, and --reason says why");
		else
			rc = write_one(&o, do_void, &a, pos, 0);
	} else if (strcmp(sub, "ls") == 0) {
		rc = npos ? uk_usage_error(usage, "ls takes options only") : cmd_ls(&o, &a);
	} else if (strcmp(sub, "show") == 0) {
		rc = npos != 1 ? uk_usage_error(usage, "show takes one CASE") : cmd_show(&o, pos);
	} else if (strcmp(sub, "import") == 0) {
		rc = cmd_import(&o, pos, npos);
	} else if (strcmp(sub, "stats") == 0) {
		rc = npos ? uk_usage_error(usage, "stats takes options only") : cmd_stats(&o, &a);
	} else {
		rc = uk_usage_error(usage, "unknown command '%s'", sub);
	}
out:
	free(a.in.members);
	uk_opts_free(&o);
	return uk_finish_stdout(rc);
}
