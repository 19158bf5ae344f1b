/* mutual-aid - the medical mutual-aid scheme (职工医疗互助): enrolments by
 * year and category, premiums and claims posted to the fund mutual-aid. */
#include "uk_mutual_aid.h"
#include "uk_cli.h"
#include "uk_columns.h"
#include "uk_i18n.h"
#include "uk_rec.h"
#include "uk_store.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
	N_("usage: mutual-aid enrol --year Y --category CAT (--member M | --unit NAME --count N\n"
	"                  [--workers N]) [--premium A] [--date DATE]\n"
	"       mutual-aid import [FILE|-]\n"
	"       mutual-aid claim DATE --member M --amount A [--note TEXT]\n"
	"       mutual-aid ls --year Y\n"
	"       mutual-aid stats --year Y\n"
	"The medical mutual-aid scheme: who is insured each year, premiums, claims.\n"
	"\n"
	"  categories: active retired ankang special\n"
	"  --allow-overdraft    let a claim overdraw the fund (marked)\n"
	"  --allow-future       take a date after today (refused as a typo otherwise)\n"
	"Records:\n"
	"  --map HEADER=COLUMN  --encoding ENC  --input-format csv|json  --strict\n"
	"  --ignore COLUMN  --skip-bad  --rejects FILE  --dry-run\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel  -q, --quiet\n"
	"  -h, --help  --lang zh|en  --version\n");

static const char enrol_usage[] =
	N_("usage: mutual-aid enrol --year Y --category CAT (--member M | --unit NAME --count N\n"
	"                  [--workers N]) [--premium A] [--date DATE]\n"
	"Enrol a member, or a unit's count of insured, for a year; the premium is\n"
	"posted to the fund mutual-aid (408).\n"
	"\n"
	"  categories: active retired ankang special\n"
	"  --member M           a member, by member number (once a year)\n"
	"  --unit NAME --count N  a unit's insured of the category; --workers N its workers\n"
	"  --premium A          the premium paid; --date DATE when (default today)\n"
	"Common:\n"
	"  -d, --db PATH  --dry-run  -q, --quiet  -h, --help  --lang zh|en  --version\n");

static const char import_usage[] =
	N_("usage: mutual-aid import [FILE|-]\n"
	"Enrol from CSV or JSON records: year, category, member_no or unit, count,\n"
	"workers, premium, date. Any bad record writes nothing, unless --skip-bad.\n"
	"Records:\n"
	"  --map HEADER=COLUMN  --encoding ENC  --input-format csv|json  --strict\n"
	"  --ignore COLUMN  --skip-bad  --rejects FILE  --excel  --dry-run\n"
	"Common:\n"
	"  -d, --db PATH  -q, --quiet  -h, --help  --lang zh|en  --version\n");

static const char claim_usage[] =
	N_("usage: mutual-aid claim DATE --member M --amount A [--note TEXT]\n"
	"Pay a claim to a member enrolled in the year of DATE, from the fund\n"
	"mutual-aid (50206); its id is printed.\n"
	"\n"
	"  --allow-overdraft    let the claim overdraw the fund (marked)\n"
	"  --allow-future       take a date after today (refused as a typo otherwise)\n"
	"Common:\n"
	"  -d, --db PATH  --dry-run  -q, --quiet  -h, --help  --lang zh|en  --version\n");

static const char ls_usage[] =
	N_("usage: mutual-aid ls --year Y\n"
	"List the year's enrolments.\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel  -q, --quiet\n"
	"  -h, --help  --lang zh|en  --version\n");

static const char stats_usage[] =
	N_("usage: mutual-aid stats --year Y\n"
	"The year's figures: insured by category and in total, units taking part and\n"
	"those enrolled in full, claims, premiums and what was paid.\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel  -q, --quiet\n"
	"  -h, --help  --lang zh|en  --version\n");

enum { OPT_YEAR = UK_OPT_TOOL, OPT_CATEGORY, OPT_MEMBER, OPT_UNIT, OPT_COUNT, OPT_WORKERS, OPT_PREMIUM,
       OPT_DATE, OPT_AMOUNT, OPT_NOTE, OPT_ALLOW_OVERDRAFT };

struct args {
	struct uk_enrol_in in;
	const char *amount, *note;
	int allow_overdraft;
};

struct enrol_ctx { const struct uk_enrol_in *in; int64_t id; };

static int enrol_step(struct uk_db *db, void *ctx, char *err, size_t errsz)
{
	struct enrol_ctx *c = ctx;
	return uk_mutual_aid_enrol(db, c->in, &c->id, err, errsz);
}

static int cmd_enrol(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct uk_enrol_in in = a->in;
	struct enrol_ctx c = {&in, 0};
	int rc;
	(void)pos;
	if (npos)
		return uk_usage_error(usage, "enrol takes options only");
	if (!in.year || !in.category)
		return uk_usage_error(usage, "enrol needs --year and --category");
	in.allow_future = o->allow_future;
	rc = uk_store_write(o, enrol_step, &c);
	if (!rc && !o->dry_run)
		printf("%lld\n", (long long)c.id);
	return rc;
}

struct claim_ctx { const char *date; const struct args *a; int allow_future; int64_t id; };

static int claim_step(struct uk_db *db, void *ctx, char *err, size_t errsz)
{
	struct claim_ctx *c = ctx;
	return uk_mutual_aid_claim(db, c->date, c->a->in.member, c->a->amount, c->a->note, c->allow_future,
	                           c->a->allow_overdraft, &c->id, err, errsz);
}

static int cmd_claim(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct claim_ctx c = {NULL, a, o->allow_future, 0};
	int rc;
	if (npos != 1)
		return uk_usage_error(usage, "claim takes DATE");
	if (!a->in.member || !a->amount)
		return uk_usage_error(usage, "claim needs --member and --amount");
	c.date = pos[0];
	rc = uk_store_write(o, claim_step, &c);
	if (!rc && !o->dry_run)
		printf("%lld\n", (long long)c.id);
	return rc;
}

static int import_records(struct uk_db *db, struct uk_reader *r, const struct uk_opts *o, void *ctx,
                          struct uk_import_counts *n)
{
	(void)ctx;
	return uk_mutual_aid_import(db, r, o->rejects, &n->added, &n->bad);
}

static int cmd_import(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	int ncols;
	const struct uk_colspec *cols = uk_mutual_aid_colspec(&ncols);
	(void)ctx;
	return uk_store_import(o, usage, pos, npos, cols, ncols, import_records, NULL);
}

/* ls and stats: the year given. */
static int year_listing(const struct uk_opts *o, const struct args *a, int stats)
{
	struct uk_period p;
	struct uk_db *db = NULL;
	struct uk_writer *w = NULL;
	const struct uk_outcol *cols;
	const char *why;
	int ncols, rc;
	if (!a->in.year)
		return uk_usage_error(usage, "--year is needed");
	if (uk_period_parse_year(a->in.year, &p, &why) != 0)
		return uk_bad_value("--year", a->in.year, why);
	cols = stats ? uk_mutual_aid_stats_outcols(&ncols) : uk_mutual_aid_outcols(&ncols);
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0 &&
	    (rc = uk_words_writer(o, cols, ncols, UK_COLS_OWN, &w)) == 0)
		rc = stats ? uk_mutual_aid_stats(db, p.from.y, w) : uk_mutual_aid_list(db, p.from.y, w);
	rc = uk_writer_close(w, rc);
	uk_db_close(db);
	return rc;
}

static int cmd_ls(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	(void)pos;
	return npos ? uk_usage_error(usage, "ls takes options only") : year_listing(o, ctx, 0);
}

static int cmd_stats(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	(void)pos;
	return npos ? uk_usage_error(usage, "stats takes options only") : year_listing(o, ctx, 1);
}

static const int enrol_opts[] = {OPT_YEAR, OPT_CATEGORY, OPT_MEMBER, OPT_UNIT, OPT_COUNT, OPT_WORKERS,
                                 OPT_PREMIUM, OPT_DATE, UK_OPT_ALLOW_FUTURE, UK_OPT_DRY_RUN, 0};
static const int claim_opts[] = {OPT_MEMBER, OPT_AMOUNT, OPT_NOTE, OPT_ALLOW_OVERDRAFT, UK_OPT_ALLOW_FUTURE,
                                 UK_OPT_DRY_RUN, 0};
static const int import_opts[] = {UK_OPT_DRY_RUN, UK_OPT_SKIP_BAD, UK_OPT_STRICT, UK_OPT_REJECTS,
                                  UK_OPT_ENCODING, UK_OPT_INPUT_FORMAT, UK_OPT_MAP, UK_OPT_IGNORE,
                                  UK_OPT_EXCEL, 0};
static const int ls_opts[] = {'f', UK_OPT_EXCEL, OPT_YEAR, 0};

static const struct uk_subcmd commands[] = {
	{"enrol", enrol_usage, enrol_opts, cmd_enrol},
	{"import", import_usage, import_opts, cmd_import},
	{"claim", claim_usage, claim_opts, cmd_claim},
	{"ls", ls_usage, ls_opts, cmd_ls},
	{"stats", stats_usage, ls_opts, cmd_stats},
	{NULL, NULL, NULL, NULL},
};

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		UK_LONGOPTS_COMMON, UK_LONGOPTS_WRITE, UK_LONGOPTS_IMPORT, UK_LONGOPTS_FUTURE,
		{"year", required_argument, 0, OPT_YEAR}, {"category", required_argument, 0, OPT_CATEGORY},
		{"member", required_argument, 0, OPT_MEMBER}, {"unit", required_argument, 0, OPT_UNIT},
		{"count", required_argument, 0, OPT_COUNT}, {"workers", required_argument, 0, OPT_WORKERS},
		{"premium", required_argument, 0, OPT_PREMIUM}, {"date", required_argument, 0, OPT_DATE},
		{"amount", required_argument, 0, OPT_AMOUNT}, {"note", required_argument, 0, OPT_NOTE},
		{"allow-overdraft", no_argument, 0, OPT_ALLOW_OVERDRAFT},
		{0, 0, 0, 0},
	};
	struct uk_opts o = {0};
	struct uk_optseen seen = {0};
	struct args a;
	const struct uk_subcmd *cmd;
	int c, rc = 0, done = 0;

	memset(&a, 0, sizeof a);
	argv[0] = (char *)uk_cli_start(argc, argv);
	cmd = uk_subcmd_find(commands, uk_subcmd_name(argc, argv, longopts, UK_SHORTOPTS_COMMON));
	while ((c = getopt_long(argc, argv, UK_SHORTOPTS_COMMON, longopts, NULL)) != -1) {
		uk_optseen_add(&seen, c);
		switch (c) {
		case OPT_YEAR: a.in.year = optarg; break;
		case OPT_CATEGORY: a.in.category = optarg; break;
		case OPT_MEMBER: a.in.member = optarg; break;
		case OPT_UNIT: a.in.unit = optarg; break;
		case OPT_COUNT: a.in.count = optarg; break;
		case OPT_WORKERS: a.in.workers = optarg; break;
		case OPT_PREMIUM: a.in.premium = optarg; break;
		case OPT_DATE: a.in.date = optarg; break;
		case OPT_AMOUNT: a.amount = optarg; break;
		case OPT_NOTE: a.note = optarg; break;
		case OPT_ALLOW_OVERDRAFT: a.allow_overdraft = 1; break;
		default:
			if ((rc = uk_opts_handle(&o, c, optarg, cmd ? cmd->usage : usage, &done)) != 0 || done)
				goto out;
		}
	}
	rc = uk_subcmd_run(commands, cmd, usage, &seen, longopts, &o, &a, argc, argv, optind);
out:
	uk_opts_free(&o);
	return uk_finish_stdout(rc);
}
