/* care-log - care for members: visits, gifts, 送温暖, 夏送清凉, 金秋助学,
 * their cash and goods posted to the books. */
#include "uk_care.h"
#include "uk_activities.h"
#include "uk_cli.h"
#include "uk_columns.h"
#include "uk_i18n.h"
#include "uk_members.h"
#include "uk_rec.h"
#include "uk_store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	N_("usage: care-log add DATE KIND (--member M | --unit NAME [--workers N])\n"
	"                [--amount A] [--goods TEXT --value V] [--occasion TEXT] [--note TEXT]\n"
	"                [--student NAME --school NAME [--entry-year Y]]\n"
	"                [--fund F] [--category CAT] [--account A]\n"
	"                [--force --reason TEXT] [--over-cap --reason TEXT]\n"
	"       care-log roll KIND --occasion TEXT (--amount A | --goods TEXT --value V)\n"
	"                [--date DATE] [FILE|-]\n"
	"       care-log void ID --reason TEXT\n"
	"       care-log ls [--year Y | --month M | --from DATE --to DATE] [--kind K]\n"
	"                [--member M] [--voided] [--mask]\n"
	"       care-log stats [--year Y | --month M | --from DATE --to DATE] [--by unit]\n"
	"       care-log due [--days N] [--at DATE]\n"
	"       care-log import [FILE|-]\n"
	"Record the union's care for its members; cash and goods are posted to the books.\n"
	"\n"
	"  kinds: sick birth wedding retirement bereavement birthday holiday winter\n"
	"         summer hardship school-aid accident other\n"
	"  --allow-overdraft    let a payment overdraw its fund and account (marked)\n"
	"  --allow-future       take a date after today (refused as a typo otherwise)\n"
	"Records:\n"
	"  --map HEADER=COLUMN  --encoding ENC  --input-format csv|json  --strict\n"
	"  --ignore COLUMN  --skip-bad  --rejects FILE\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel  -q, --quiet\n"
	"  -h, --help  --lang zh|en  --version  --dry-run\n");

static const char import_usage[] =
	N_("usage: care-log import [FILE|-]\n"
	"Add the care records of CSV or JSON records (as ls writes them), each\n"
	"posted as add posts it; a record of one stored already is counted unchanged.\n"
	"\n"
	"  --allow-overdraft    let a payment overdraw its fund and account (marked)\n"
	"  --allow-future       take a date after today (refused as a typo otherwise)\n"
	"Records:\n"
	"  --map HEADER=COLUMN  --encoding ENC  --input-format csv|json  --strict\n"
	"  --ignore COLUMN  --skip-bad  --rejects FILE  --excel  --dry-run\n"
	"Common:\n"
	"  -d, --db PATH  -q, --quiet  -h, --help  --lang zh|en  --version\n");

static const char add_usage[] =
	N_("usage: care-log add DATE KIND (--member M | --unit NAME [--workers N])\n"
	"                [--amount A] [--goods TEXT --value V] [--occasion TEXT] [--note TEXT]\n"
	"                [--student NAME --school NAME [--entry-year Y]]\n"
	"                [--fund F] [--category CAT] [--account A]\n"
	"                [--force --reason TEXT] [--over-cap --reason TEXT]\n"
	"Record one visit or gift; its id is printed.\n"
	"\n"
	"  kinds: sick birth wedding retirement bereavement birthday holiday winter\n"
	"         summer hardship school-aid accident other\n"
	"  --member M           the member cared for, by member number\n"
	"  --unit NAME          a unit (firm) cared for as a whole, --workers N its workers\n"
	"  --amount A           cash given, posted as an expense\n"
	"  --goods TEXT --value V  goods given and what they cost, posted too\n"
	"  --occasion TEXT      the occasion (2027春节, 住院); --note TEXT a note\n"
	"  --student NAME --school NAME [--entry-year Y]  金秋助学's student\n"
	"  --fund F --category CAT --account A  instead of those the kind calls for\n"
	"  --force --reason TEXT     aid to a member without a hardship file\n"
	"  --over-cap --reason TEXT  a gift past the year's cap (care.cap.KIND)\n"
	"  --allow-overdraft    let the payment overdraw its fund and account (marked)\n"
	"  --allow-future       take a date after today (refused as a typo otherwise)\n"
	"Common:\n"
	"  -d, --db PATH  --dry-run  -q, --quiet  -h, --help  --lang zh|en  --version\n");

static const char roll_usage[] =
	N_("usage: care-log roll KIND --occasion TEXT (--amount A | --goods TEXT --value V)\n"
	"                [--date DATE] [FILE|-]\n"
	"One gift to every member active on the date (or to the members of FILE, as\n"
	"member-ls writes them), in one transaction; a second roll of the same\n"
	"occasion gives nothing to those who have it.\n"
	"\n"
	"  --occasion TEXT      the occasion (2027春节): required\n"
	"  --date DATE          the day given (default: today)\n"
	"  --over-cap --reason TEXT  gifts past the year's cap (care.cap.KIND)\n"
	"  --allow-overdraft    let the payments overdraw their fund and account (marked)\n"
	"  --encoding ENC  --input-format csv|json   of FILE\n"
	"Common:\n"
	"  -d, --db PATH  --dry-run  -q, --quiet  -h, --help  --lang zh|en  --version\n");

static const char void_usage[] =
	N_("usage: care-log void ID --reason TEXT\n"
	"Void a care record entered by mistake; the entries of its cash and goods too.\n"
	"\n"
	"  --reason TEXT        why (required)\n"
	"Common:\n"
	"  -d, --db PATH  --dry-run  -q, --quiet  -h, --help  --lang zh|en  --version\n");

static const char ls_usage[] =
	N_("usage: care-log ls [--year Y | --month M | --from DATE --to DATE] [--kind K]\n"
	"                [--member M] [--voided] [--mask]\n"
	"List the care records in force, in date order.\n"
	"\n"
	"  --year Y  --month YYYY-MM  --from DATE --to DATE   one period at most\n"
	"  --kind K             that kind only; --member M that member only\n"
	"  --voided             only the voided records, with when and why\n"
	"  --mask               the member's and the student's names masked\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel  -q, --quiet\n"
	"  -h, --help  --lang zh|en  --version\n");

static const char stats_usage[] =
	N_("usage: care-log stats [--year Y | --month M | --from DATE --to DATE] [--by unit]\n"
	"The care of a period by kind (or by unit): persons, times, cash, goods, units\n"
	"and their workers; the last row is the total.\n"
	"\n"
	"  --year Y  --month YYYY-MM  --from DATE --to DATE   default: this year\n"
	"  --by unit            by the member's unit, or the unit cared for\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel  -q, --quiet\n"
	"  -h, --help  --lang zh|en  --version\n");

static const char due_usage[] =
	N_("usage: care-log due [--days N] [--at DATE]\n"
	"Members whose recorded event calls for a visit (retired, hardship file opened,\n"
	"deceased) in the last N days (default 30) before DATE (default today), with no\n"
	"care record since.\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel  -q, --quiet\n"
	"  -h, --help  --lang zh|en  --version\n");

enum { OPT_MEMBER = UK_OPT_TOOL, OPT_UNIT, OPT_WORKERS, OPT_AMOUNT, OPT_GOODS, OPT_VALUE, OPT_OCCASION,
       OPT_NOTE, OPT_STUDENT, OPT_SCHOOL, OPT_ENTRY_YEAR, OPT_FUND, OPT_CATEGORY, OPT_ACCOUNT,
       OPT_FORCE, OPT_OVER_CAP, OPT_REASON, OPT_ALLOW_OVERDRAFT, OPT_DATE, OPT_YEAR, OPT_MONTH,
       OPT_FROM, OPT_TO, OPT_KIND, OPT_VOIDED, OPT_BY, OPT_DAYS, OPT_AT };

struct args {
	struct uk_care_in in;
	const char *reason, *date, *year, *month, *from, *to, *kind, *by, *days, *at;
	int force, over_cap, voided;
};

/* --force and --over-cap each say why with --reason. */
static int reasons(const struct args *a, struct uk_care_in *in)
{
	if ((a->force || a->over_cap) && !a->reason)
		return uk_usage_error(usage, "--force and --over-cap need --reason");
	if (a->reason && !a->force && !a->over_cap)
		return uk_usage_error(usage, "--reason goes with --force or --over-cap (or void)");
	in->force_reason = a->force ? a->reason : NULL;
	in->over_cap_reason = a->over_cap ? a->reason : NULL;
	return 0;
}

struct add_ctx { const struct uk_care_in *in; int64_t id; };

static int add_step(struct uk_db *db, void *ctx, char *err, size_t errsz)
{
	struct add_ctx *c = ctx;
	return uk_care_add(db, c->in, &c->id, err, errsz);
}

static int cmd_add(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct uk_care_in in = a->in;
	struct add_ctx c = {&in, 0};
	int rc;
	if (npos != 2)
		return uk_usage_error(usage, "add takes DATE KIND");
	in.date = pos[0];
	in.kind = pos[1];
	in.allow_future = o->allow_future;
	if ((rc = reasons(a, &in)) != 0)
		return rc;
	rc = uk_store_write(o, add_step, &c);
	if (!rc && !o->dry_run)
		printf("%lld\n", (long long)c.id);
	return rc;
}

struct roll_ctx { const struct uk_care_in *in; const char *const *members; int n; long added, already; };

static int roll_step(struct uk_db *db, void *ctx, char *err, size_t errsz)
{
	struct roll_ctx *c = ctx;
	return uk_care_roll(db, c->in, c->members, c->n, &c->added, &c->already, err, errsz);
}

static int cmd_roll(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct uk_care_in in = a->in;
	struct uk_activity_in listed;
	static const char *const nobody[] = {NULL};
	struct roll_ctx c = {&in, NULL, 0, 0, 0};
	char today[UK_DATE_BUFSZ], *store = NULL;
	int rc;
	if (npos < 1 || npos > 2)
		return uk_usage_error(usage, "roll takes KIND, and FILE (or -) of the members");
	if (a->in.member || a->in.unit)
		return uk_usage_error(usage, "roll gives to every member active, or to those of FILE: not --member or --unit");
	in.kind = pos[0];
	in.date = a->date ? a->date : uk_date_format(uk_date_today(), today);
	in.allow_future = o->allow_future;
	if ((rc = reasons(a, &in)) != 0)
		return rc;
	memset(&listed, 0, sizeof listed);
	if (npos == 2) {
		int ncols;
		struct uk_reader *r;
		const struct uk_colspec *cols = uk_member_colspec(&ncols);
		if ((rc = uk_cli_reader(o, pos[1], cols, ncols, &r)) != 0)
			return rc;
		rc = uk_activity_members_read(r, &listed, &store);
		uk_reader_close(r);
		c.members = listed.members;
		c.n = listed.nmembers;
		/* An empty list gives to nobody, never to everyone. */
		if (!rc && !c.members)
			c.members = nobody;
	}
	if (!rc)
		rc = uk_store_write(o, roll_step, &c);
	if (!rc && !o->quiet)
		fprintf(stderr, _("%s: %sgave %ld, already given %ld\n"), uk_progname(),
		        o->dry_run ? _("dry run, nothing written: ") : "", c.added, c.already);
	free(listed.members);
	free(store);
	return rc;
}

struct void_ctx { int64_t id; const char *reason; };

static int void_step(struct uk_db *db, void *ctx, char *err, size_t errsz)
{
	struct void_ctx *v = ctx;
	return uk_care_void(db, v->id, v->reason, err, errsz);
}

static int cmd_void(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct void_ctx v = {0, a->reason};
	char *end;
	long long id;
	int rc;
	if (npos != 1)
		return uk_usage_error(usage, "void takes the ID of a care record");
	errno = 0;
	id = strtoll(pos[0], &end, 10);
	if (*end || id <= 0 || errno == ERANGE)
		return uk_usage_error(usage, "void takes the ID of a care record, not '%s'", pos[0]);
	if (!a->reason)
		return uk_usage_error(usage, "void needs --reason");
	v.id = id;
	rc = uk_store_write(o, void_step, &v);
	if (!rc && !o->quiet)
		fprintf(stderr, _("%s: %svoided care record %lld\n"), uk_progname(),
		        o->dry_run ? _("dry run, nothing written: ") : "", id);
	return rc;
}

static int cmd_ls(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct uk_period p;
	struct uk_db *db = NULL;
	struct uk_writer *w = NULL;
	int ncols, has = 0, rc;
	const struct uk_outcol *cols = uk_care_outcols(a->voided, &ncols);
	(void)pos;
	if (npos)
		return uk_usage_error(usage, "ls takes options only");
	if ((rc = uk_cli_period(usage, a->year, a->month, a->from, a->to, &p, &has)) != 0)
		return rc;
	if (a->kind && uk_care_kind_index(a->kind) < 0)
		return uk_bad_value("--kind", a->kind, "unknown kind");
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0 &&
	    (rc = uk_words_writer(o, cols, ncols, UK_COLS_OWN, &w)) == 0)
		rc = uk_care_list(db, has ? &p : NULL, a->kind, a->in.member, a->voided, o->mask, w);
	rc = uk_writer_close(w, rc);
	uk_db_close(db);
	return rc;
}

static int cmd_stats(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct uk_period p;
	struct uk_db *db = NULL;
	struct uk_writer *w = NULL;
	int ncols, has = 0, rc, by_unit = a->by != NULL;
	const struct uk_outcol *cols;
	(void)pos;
	if (npos)
		return uk_usage_error(usage, "stats takes options only");
	if (a->by && strcmp(a->by, "unit") && strcmp(a->by, "kind"))
		return uk_usage_error(usage, "--by takes unit or kind, not '%s'", a->by);
	by_unit = a->by && !strcmp(a->by, "unit");
	if ((rc = uk_cli_period(usage, a->year, a->month, a->from, a->to, &p, &has)) != 0)
		return rc;
	if (!has) {
		struct uk_date t = uk_date_today();
		p.from = (struct uk_date){t.y, 1, 1};
		p.to = (struct uk_date){t.y, 12, 31};
	}
	cols = uk_care_stats_outcols(by_unit, &ncols);
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0 &&
	    (rc = uk_words_writer(o, cols, ncols, UK_COLS_OWN, &w)) == 0)
		rc = uk_care_stats(db, p, by_unit, w);
	rc = uk_writer_close(w, rc);
	uk_db_close(db);
	return rc;
}

static int cmd_due(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct uk_db *db = NULL;
	struct uk_writer *w = NULL;
	struct uk_date at = uk_date_today();
	const char *why;
	long days = 30;
	int ncols, rc;
	const struct uk_outcol *cols = uk_care_due_outcols(&ncols);
	(void)pos;
	if (npos)
		return uk_usage_error(usage, "due takes options only");
	if (a->days) {
		char *end;
		days = strtol(a->days, &end, 10);
		if (*end || days < 0 || days > 3660)
			return uk_bad_value("--days", a->days, N_("a whole number of days from 0 to 3660"));
	}
	if (a->at && uk_date_parse(a->at, &at, &why) != 0)
		return uk_bad_value("--at", a->at, why);
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0 &&
	    (rc = uk_words_writer(o, cols, ncols, UK_COLS_OWN, &w)) == 0)
		rc = uk_care_due(db, at, days, w);
	rc = uk_writer_close(w, rc);
	uk_db_close(db);
	return rc;
}

/* import: every record in one transaction; any bad one writes nothing,
 * unless --skip-bad. */
static int import_records(struct uk_db *db, struct uk_reader *r, const struct uk_opts *o, void *ctx,
                          struct uk_import_counts *n)
{
	const struct args *a = ctx;
	return uk_care_import(db, r, o->rejects, o->allow_future, a->in.allow_overdraft, &n->added, &n->unchanged,
	                      &n->bad);
}

static int cmd_import(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	int ncols;
	const struct uk_colspec *cols = uk_care_colspec(&ncols);
	return uk_store_import(o, usage, pos, npos, cols, ncols, import_records, (void *)ctx);
}

static const int add_opts[] = {OPT_MEMBER, OPT_UNIT, OPT_WORKERS, OPT_AMOUNT, OPT_GOODS, OPT_VALUE,
                               OPT_OCCASION, OPT_NOTE, OPT_STUDENT, OPT_SCHOOL, OPT_ENTRY_YEAR, OPT_FUND,
                               OPT_CATEGORY, OPT_ACCOUNT, OPT_FORCE, OPT_OVER_CAP, OPT_REASON,
                               OPT_ALLOW_OVERDRAFT, UK_OPT_ALLOW_FUTURE, UK_OPT_DRY_RUN, 0};
static const int roll_opts[] = {OPT_AMOUNT, OPT_GOODS, OPT_VALUE, OPT_OCCASION, OPT_NOTE, OPT_DATE,
                                OPT_FUND, OPT_CATEGORY, OPT_ACCOUNT, OPT_OVER_CAP, OPT_REASON,
                                OPT_ALLOW_OVERDRAFT, UK_OPT_ALLOW_FUTURE, UK_OPT_DRY_RUN,
                                UK_OPT_ENCODING, UK_OPT_INPUT_FORMAT, OPT_MEMBER, OPT_UNIT, 0};
static const int void_opts[] = {OPT_REASON, UK_OPT_DRY_RUN, 0};
static const int ls_opts[] = {'f', UK_OPT_EXCEL, UK_OPT_MASK, OPT_YEAR, OPT_MONTH, OPT_FROM, OPT_TO,
                              OPT_KIND, OPT_MEMBER, OPT_VOIDED, 0};
static const int stats_opts[] = {'f', UK_OPT_EXCEL, OPT_YEAR, OPT_MONTH, OPT_FROM, OPT_TO, OPT_BY, 0};
static const int due_opts[] = {'f', UK_OPT_EXCEL, OPT_DAYS, OPT_AT, 0};
static const int import_opts[] = {OPT_ALLOW_OVERDRAFT, UK_OPT_ALLOW_FUTURE, UK_OPT_DRY_RUN, UK_OPT_SKIP_BAD,
                                  UK_OPT_STRICT, UK_OPT_REJECTS, UK_OPT_ENCODING, UK_OPT_INPUT_FORMAT,
                                  UK_OPT_MAP, UK_OPT_IGNORE, UK_OPT_EXCEL, 0};

static const struct uk_subcmd commands[] = {
	{"add", add_usage, add_opts, cmd_add},
	{"roll", roll_usage, roll_opts, cmd_roll},
	{"void", void_usage, void_opts, cmd_void},
	{"ls", ls_usage, ls_opts, cmd_ls},
	{"stats", stats_usage, stats_opts, cmd_stats},
	{"due", due_usage, due_opts, cmd_due},
	{"import", import_usage, import_opts, cmd_import},
	{NULL, NULL, NULL, NULL},
};

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		UK_LONGOPTS_COMMON, UK_LONGOPTS_WRITE, UK_LONGOPTS_IMPORT, UK_LONGOPTS_FUTURE, UK_LONGOPTS_MASK,
		{"member", required_argument, 0, OPT_MEMBER}, {"unit", required_argument, 0, OPT_UNIT},
		{"workers", required_argument, 0, OPT_WORKERS}, {"amount", required_argument, 0, OPT_AMOUNT},
		{"goods", required_argument, 0, OPT_GOODS}, {"value", required_argument, 0, OPT_VALUE},
		{"occasion", required_argument, 0, OPT_OCCASION}, {"note", required_argument, 0, OPT_NOTE},
		{"student", required_argument, 0, OPT_STUDENT}, {"school", required_argument, 0, OPT_SCHOOL},
		{"entry-year", required_argument, 0, OPT_ENTRY_YEAR}, {"fund", required_argument, 0, OPT_FUND},
		{"category", required_argument, 0, OPT_CATEGORY}, {"account", required_argument, 0, OPT_ACCOUNT},
		{"force", no_argument, 0, OPT_FORCE}, {"over-cap", no_argument, 0, OPT_OVER_CAP},
		{"reason", required_argument, 0, OPT_REASON},
		{"allow-overdraft", no_argument, 0, OPT_ALLOW_OVERDRAFT},
		{"date", required_argument, 0, OPT_DATE}, {"year", required_argument, 0, OPT_YEAR},
		{"month", required_argument, 0, OPT_MONTH}, {"from", required_argument, 0, OPT_FROM},
		{"to", required_argument, 0, OPT_TO}, {"kind", required_argument, 0, OPT_KIND},
		{"voided", no_argument, 0, OPT_VOIDED}, {"by", required_argument, 0, OPT_BY},
		{"days", required_argument, 0, OPT_DAYS}, {"at", required_argument, 0, OPT_AT},
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
		case OPT_MEMBER: a.in.member = optarg; break;
		case OPT_UNIT: a.in.unit = optarg; break;
		case OPT_WORKERS: a.in.workers = optarg; break;
		case OPT_AMOUNT: a.in.amount = optarg; break;
		case OPT_GOODS: a.in.goods = optarg; break;
		case OPT_VALUE: a.in.goods_value = optarg; break;
		case OPT_OCCASION: a.in.occasion = optarg; break;
		case OPT_NOTE: a.in.note = optarg; break;
		case OPT_STUDENT: a.in.student = optarg; break;
		case OPT_SCHOOL: a.in.school = optarg; break;
		case OPT_ENTRY_YEAR: a.in.entry_year = optarg; break;
		case OPT_FUND: a.in.fund = optarg; break;
		case OPT_CATEGORY: a.in.category = optarg; break;
		case OPT_ACCOUNT: a.in.account = optarg; break;
		case OPT_FORCE: a.force = 1; break;
		case OPT_OVER_CAP: a.over_cap = 1; break;
		case OPT_REASON: a.reason = optarg; break;
		case OPT_ALLOW_OVERDRAFT: a.in.allow_overdraft = 1; break;
		case OPT_DATE: a.date = optarg; break;
		case OPT_YEAR: a.year = optarg; break;
		case OPT_MONTH: a.month = optarg; break;
		case OPT_FROM: a.from = optarg; break;
		case OPT_TO: a.to = optarg; break;
		case OPT_KIND: a.kind = optarg; break;
		case OPT_VOIDED: a.voided = 1; break;
		case OPT_BY: a.by = optarg; break;
		case OPT_DAYS: a.days = optarg; break;
		case OPT_AT: a.at = optarg; break;
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
