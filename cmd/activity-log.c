/* activity-log - what the union did: activities by kind, with participants,
 * the plan item they carry out, and their cost posted to the books. */
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
	N_("usage: activity-log add DATE KIND TITLE [--participants N] [--member M ...]\n"
	"                    [--members FILE|-] [--plan-item ID] [--note TEXT]\n"
	"                    [--cost AMOUNT --category CAT [--fund F] [--account A]]\n"
	"                    [--allow-overdraft] [--allow-future]\n"
	"       activity-log void ID --reason TEXT\n"
	"       activity-log ls [--year Y | --month M | --from DATE --to DATE] [--kind K]\n"
	"                    [--voided]\n"
	"       activity-log import [FILE|-] [--allow-future] [--allow-overdraft]\n"
	"Record what the union did, against the year's plan.\n"
	"\n"
	"  kinds: congress meeting study training competition culture-sports visit\n"
	"         health-check rest aid legal other\n"
	"  --plan-item YEAR/SECTION/(SUB)/ITEM (2027/三/(二)/1), YEAR/SECTION/ITEM or an item id\n"
	"  --members FILE|-     member records (member-ls output) of those who took part\n"
	"  --cost AMOUNT        posts the expense to fund-ledger in the same transaction\n"
	"  --allow-overdraft    let a cost overdraw its fund and account (marked)\n"
	"  --allow-future       take a date after today (refused as a typo otherwise)\n"
	"  --reason TEXT        why an activity is voided (void; its cost is voided too)\n"
	"  --voided             list only the voided activities, with when and why\n"
	"Records:\n"
	"  --map HEADER=COLUMN  --encoding ENC  --input-format csv|json  --strict\n"
	"  --ignore COLUMN  --skip-bad  --rejects FILE  --dry-run\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel  -q, --quiet\n"
	"  -h, --help  --lang zh|en  --version\n");

static const char add_usage[] =
	N_("usage: activity-log add DATE KIND TITLE [--participants N] [--member M ...]\n"
	"                    [--members FILE|-] [--plan-item ID] [--note TEXT]\n"
	"                    [--cost AMOUNT --category CAT [--fund F] [--account A]]\n"
	"                    [--allow-overdraft] [--allow-future]\n"
	"Record an activity; its id is printed.\n"
	"\n"
	"  kinds: congress meeting study training competition culture-sports visit\n"
	"         health-check rest aid legal other\n"
	"  --participants N     how many took part (default: the members named)\n"
	"  --member M           a member who took part, by member number (repeatable)\n"
	"  --members FILE|-     member records (member-ls output) of those who took part,\n"
	"                       read as --encoding ENC and --input-format csv|json say\n"
	"  --plan-item YEAR/SECTION/(SUB)/ITEM (2027/三/(二)/1), YEAR/SECTION/ITEM or an item id\n"
	"  --note TEXT          a note kept with the activity\n"
	"  --cost AMOUNT        posts the expense to fund-ledger in the same transaction,\n"
	"                       under --category CAT, from --fund F and --account A\n"
	"  --allow-overdraft    let a cost overdraw its fund and account (marked)\n"
	"  --allow-future       take a date after today (refused as a typo otherwise)\n"
	"Common:\n"
	"  -d, --db PATH  --dry-run  -q, --quiet  -h, --help  --lang zh|en  --version\n");

static const char void_usage[] =
	N_("usage: activity-log void ID --reason TEXT\n"
	"Void an activity entered by mistake; the ledger entry of its cost is voided too.\n"
	"\n"
	"  --reason TEXT        why (required)\n"
	"Common:\n"
	"  -d, --db PATH  --dry-run  -q, --quiet  -h, --help  --lang zh|en  --version\n");

static const char ls_usage[] =
	N_("usage: activity-log ls [--year Y | --month M | --from DATE --to DATE] [--kind K]\n"
	"                    [--voided]\n"
	"List the activities in force, in date order.\n"
	"\n"
	"  --year Y  --month YYYY-MM  --from DATE --to DATE   one period at most\n"
	"  --kind K             that kind only\n"
	"  --voided             list only the voided activities, with when and why\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel  -q, --quiet\n"
	"  -h, --help  --lang zh|en  --version\n");

static const char import_usage[] =
	N_("usage: activity-log import [FILE|-] [--allow-future] [--allow-overdraft]\n"
	"Add the activities of CSV or JSON records (as ls writes them); a record of\n"
	"one stored already is counted unchanged.\n"
	"\n"
	"  --allow-overdraft    let a cost overdraw its fund and account (marked)\n"
	"  --allow-future       take a date after today (refused as a typo otherwise)\n"
	"Records:\n"
	"  --map HEADER=COLUMN  --encoding ENC  --input-format csv|json  --strict\n"
	"  --ignore COLUMN  --skip-bad  --rejects FILE  --excel  --dry-run\n"
	"Common:\n"
	"  -d, --db PATH  -q, --quiet  -h, --help  --lang zh|en  --version\n");

enum { OPT_PARTICIPANTS = UK_OPT_TOOL, OPT_MEMBER, OPT_MEMBERS, OPT_PLAN_ITEM, OPT_NOTE, OPT_COST,
       OPT_CATEGORY, OPT_FUND, OPT_ACCOUNT, OPT_YEAR, OPT_MONTH, OPT_FROM, OPT_TO, OPT_KIND,
       OPT_ALLOW_OVERDRAFT, OPT_REASON, OPT_VOIDED };

/* The tool's own options, as given. */
struct args {
	struct uk_activity_in in;    /* add's fields, the members of --member */
	const char *members_path, *year, *month, *from, *to, *kind, *reason;
	int voided;
};

/* The member numbers of --members FILE. */
static int read_members(const struct uk_opts *o, const char *path, struct uk_activity_in *in, char **store)
{
	struct uk_reader *r;
	int ncols, rc;
	/* Member records as member-ls writes them: every column known. */
	const struct uk_colspec *cols = uk_member_colspec(&ncols);
	if ((rc = uk_cli_reader(o, path, cols, ncols, &r)) != 0)
		return rc;
	rc = uk_activity_members_read(r, in, store);
	uk_reader_close(r);
	return rc;
}

struct add_ctx { const struct uk_activity_in *in; int64_t id; };

static int add_step(struct uk_db *db, void *ctx, char *err, size_t errsz)
{
	struct add_ctx *a = ctx;
	return uk_activity_add(db, a->in, &a->id, err, errsz);
}

static int cmd_add(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct uk_activity_in in = a->in;
	struct add_ctx add = {&in, 0};
	char *store = NULL;
	int rc = 0;

	if (npos != 3)
		return uk_usage_error(usage, "add takes DATE KIND TITLE");
	in.date = pos[0];
	in.kind = pos[1];
	in.title = pos[2];
	in.allow_future = o->allow_future;
	/* Its own list: those of --members go after those of --member. */
	in.members = NULL;
	in.nmembers = 0;
	for (int i = 0; i < a->in.nmembers && !rc; i++)
		if (uk_strv_push(&in.members, &in.nmembers, a->in.members[i]))
			rc = uk_err_nomem();
	if (!rc && a->members_path)
		rc = read_members(o, a->members_path, &in, &store);
	if (!rc)
		rc = uk_store_write(o, add_step, &add);
	if (!rc && !o->dry_run)
		printf("%lld\n", (long long)add.id);
	free(in.members);
	free(store);
	return rc;
}

/* void ID --reason: the activity and the ledger entry of its cost, in one
 * transaction. */
struct void_ctx { int64_t id, entry; const char *reason; };

static int void_step(struct uk_db *db, void *ctx, char *err, size_t errsz)
{
	struct void_ctx *v = ctx;
	return uk_activity_void(db, v->id, v->reason, &v->entry, err, errsz);
}

static int cmd_void(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct void_ctx v = {0, 0, a->reason};
	char *end;
	long long id;
	int rc;

	if (npos != 1)
		return uk_usage_error(usage, "void takes the ID of an activity");
	errno = 0;
	id = strtoll(pos[0], &end, 10);
	if (*end || id <= 0 || errno == ERANGE)
		return uk_usage_error(usage, "void takes the ID of an activity, not '%s'", pos[0]);
	if (!a->reason)
		return uk_usage_error(usage, "void needs --reason");
	v.id = id;
	rc = uk_store_write(o, void_step, &v);
	if (!rc && !o->quiet) {
		if (v.entry)
			fprintf(stderr, _("%s: %svoided activity %lld; its cost reversed by ledger entry %lld\n"),
			        uk_progname(), o->dry_run ? _("dry run, nothing written: ") : "", id,
			        (long long)v.entry);
		else
			fprintf(stderr, _("%s: %svoided activity %lld\n"), uk_progname(),
			        o->dry_run ? _("dry run, nothing written: ") : "", id);
	}
	return rc;
}

static int cmd_ls(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct uk_period p;
	struct uk_db *db = NULL;
	struct uk_writer *w = NULL;
	int ncols, has = 0, rc;
	const struct uk_outcol *cols = uk_activity_outcols(a->voided, &ncols);

	(void)pos;
	if (npos)
		return uk_usage_error(usage, "ls takes options only");
	if ((rc = uk_cli_period(usage, a->year, a->month, a->from, a->to, &p, &has)) != 0)
		return rc;
	if (a->kind && uk_activity_kind_index(a->kind) < 0)
		return uk_bad_value("--kind", a->kind, "unknown kind");
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0 && (rc = uk_words_writer(o, cols, ncols, UK_COLS_ACTIVITIES, &w)) == 0)
		rc = uk_activities_list(db, has ? &p : NULL, a->kind, a->voided, w);
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
	return uk_activities_import(db, r, o->rejects, o->allow_future, a->in.allow_overdraft, &n->added,
	                            &n->unchanged, &n->bad);
}

static int cmd_import(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	int ncols;
	const struct uk_colspec *cols = uk_activity_colspec(&ncols);
	return uk_store_import(o, usage, pos, npos, cols, ncols, import_records, (void *)ctx);
}

/* The options each command takes (-d, -q, -h and --version: all). */
static const int add_opts[] = {OPT_PARTICIPANTS, OPT_MEMBER, OPT_MEMBERS, OPT_PLAN_ITEM, OPT_NOTE,
                               OPT_COST, OPT_CATEGORY, OPT_FUND, OPT_ACCOUNT, OPT_ALLOW_OVERDRAFT,
                               UK_OPT_ALLOW_FUTURE, UK_OPT_DRY_RUN, UK_OPT_ENCODING,
                               UK_OPT_INPUT_FORMAT, 0};
static const int void_opts[] = {OPT_REASON, UK_OPT_DRY_RUN, 0};
static const int ls_opts[] = {'f', UK_OPT_EXCEL, OPT_YEAR, OPT_MONTH, OPT_FROM, OPT_TO, OPT_KIND,
                              OPT_VOIDED, 0};
static const int import_opts[] = {OPT_ALLOW_OVERDRAFT, UK_OPT_ALLOW_FUTURE, UK_OPT_DRY_RUN,
                                  UK_OPT_SKIP_BAD, UK_OPT_STRICT, UK_OPT_REJECTS, UK_OPT_ENCODING,
                                  UK_OPT_INPUT_FORMAT, UK_OPT_MAP, UK_OPT_IGNORE, UK_OPT_EXCEL, 0};

static const struct uk_subcmd commands[] = {
	{"add", add_usage, add_opts, cmd_add},
	{"void", void_usage, void_opts, cmd_void},
	{"ls", ls_usage, ls_opts, cmd_ls},
	{"import", import_usage, import_opts, cmd_import},
	{NULL, NULL, NULL, NULL},
};

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		UK_LONGOPTS_COMMON, UK_LONGOPTS_WRITE, UK_LONGOPTS_IMPORT, UK_LONGOPTS_FUTURE,
		{"participants", required_argument, 0, OPT_PARTICIPANTS},
		{"member", required_argument, 0, OPT_MEMBER}, {"members", required_argument, 0, OPT_MEMBERS},
		{"plan-item", required_argument, 0, OPT_PLAN_ITEM}, {"note", required_argument, 0, OPT_NOTE},
		{"cost", required_argument, 0, OPT_COST}, {"category", required_argument, 0, OPT_CATEGORY},
		{"fund", required_argument, 0, OPT_FUND}, {"account", required_argument, 0, OPT_ACCOUNT},
		{"year", required_argument, 0, OPT_YEAR}, {"month", required_argument, 0, OPT_MONTH},
		{"from", required_argument, 0, OPT_FROM}, {"to", required_argument, 0, OPT_TO},
		{"kind", required_argument, 0, OPT_KIND},
		{"allow-overdraft", no_argument, 0, OPT_ALLOW_OVERDRAFT},
		{"reason", required_argument, 0, OPT_REASON}, {"voided", no_argument, 0, OPT_VOIDED},
		{0, 0, 0, 0},
	};
	struct uk_opts o = {0};
	struct uk_optseen seen = {0};
	struct args a;
	const struct uk_subcmd *cmd;
	int c, rc = 0, done = 0;

	memset(&a, 0, sizeof a);
	/* getopt names argv[0] in its messages: the same name as ours. */
	argv[0] = (char *)uk_cli_start(argc, argv);
	/* The command first, so that CMD -h is its own usage. */
	cmd = uk_subcmd_find(commands, uk_subcmd_name(argc, argv, longopts, UK_SHORTOPTS_COMMON));
	while ((c = getopt_long(argc, argv, UK_SHORTOPTS_COMMON, longopts, NULL)) != -1) {
		uk_optseen_add(&seen, c);
		switch (c) {
		case OPT_PARTICIPANTS: a.in.participants = optarg; break;
		case OPT_MEMBER:
			if (uk_strv_push(&a.in.members, &a.in.nmembers, optarg)) {
				rc = uk_err_nomem();
				goto out;
			}
			break;
		case OPT_MEMBERS: a.members_path = optarg; break;
		case OPT_PLAN_ITEM: a.in.plan_item = optarg; break;
		case OPT_NOTE: a.in.note = optarg; break;
		case OPT_COST: a.in.cost = optarg; break;
		case OPT_CATEGORY: a.in.category = optarg; break;
		case OPT_FUND: a.in.fund = optarg; break;
		case OPT_ACCOUNT: a.in.account = optarg; break;
		case OPT_YEAR: a.year = optarg; break;
		case OPT_MONTH: a.month = optarg; break;
		case OPT_FROM: a.from = optarg; break;
		case OPT_TO: a.to = optarg; break;
		case OPT_KIND: a.kind = optarg; break;
		case OPT_ALLOW_OVERDRAFT: a.in.allow_overdraft = 1; break;
		case OPT_REASON: a.reason = optarg; break;
		case OPT_VOIDED: a.voided = 1; break;
		default:
			if ((rc = uk_opts_handle(&o, c, optarg, cmd ? cmd->usage : usage, &done)) != 0 || done)
				goto out;
		}
	}
	rc = uk_subcmd_run(commands, cmd, usage, &seen, longopts, &o, &a, argc, argv, optind);
out:
	free(a.in.members);
	uk_opts_free(&o);
	return uk_finish_stdout(rc);
}
