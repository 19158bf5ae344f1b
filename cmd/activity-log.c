/* activity-log - what the union did: activities by kind, with participants,
 * the plan item they carry out, and their cost posted to the books. */
#include "uk_cli.h"
#include "uk_members.h"
#include "uk_plans.h"
#include "uk_rec.h"
#include "uk_store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: activity-log add DATE KIND TITLE [--participants N] [--member M ...]\n"
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
	"  -h, --help  --version\n";

enum { OPT_PARTICIPANTS = UK_OPT_TOOL, OPT_MEMBER, OPT_MEMBERS, OPT_PLAN_ITEM, OPT_NOTE, OPT_COST,
       OPT_CATEGORY, OPT_FUND, OPT_ACCOUNT, OPT_YEAR, OPT_MONTH, OPT_FROM, OPT_TO, OPT_KIND,
       OPT_ALLOW_OVERDRAFT, OPT_REASON, OPT_VOIDED };

/* The member numbers of member records: kept in one buffer of names. */
static int read_members(const struct uk_opts *o, const char *path, struct uk_activity_in *in, char **store)
{
	/* Not strict: the other columns of member-ls output are not ours. */
	struct uk_read_opts ro = {.encoding = o->encoding, .format = o->input_format};
	struct uk_reader *r;
	struct uk_row *row;
	size_t used = 0, cap = 0;
	int rc;
	(void)o;
	int ncols;
	/* Member records as member-ls writes them: every column known. */
	const struct uk_colspec *cols = uk_member_colspec(&ncols);
	if ((rc = uk_reader_open(path, cols, ncols, &ro, &r)) != 0)
		return rc;
	while ((rc = uk_reader_next(r, &row)) == 1) {
		const char *no = uk_row_get(row, UK_MF_MEMBER_NO);
		size_t n;
		if (uk_row_error(row) || !no || !*no) {
			uk_err_at(uk_reader_name(r), uk_row_line(row), "%s", uk_row_error(row) ? uk_row_error(row) : "no member_no");
			rc = UK_EX_DATAERR;
			break;
		}
		n = strlen(no) + 1;
		if (used + n > cap) {
			char *b = realloc(*store, cap = (cap + n) * 2);
			if (!b) {
				rc = uk_err_nomem();
				break;
			}
			*store = b;
		}
		memcpy(*store + used, no, n);
		used += n;
	}
	uk_reader_close(r);
	if (rc > 1)
		return rc;
	for (size_t off = 0; off < used; off += strlen(*store + off) + 1)
		if (uk_strv_push(&in->members, &in->nmembers, *store + off))
			return uk_err_nomem();
	return 0;
}

/* void ID --reason: the activity and the ledger entry of its cost, in one
 * transaction. */
struct void_ctx { int64_t id, entry; const char *reason; };

static int void_step(struct uk_db *db, void *ctx, char *err, size_t errsz)
{
	struct void_ctx *v = ctx;
	return uk_activity_void(db, v->id, v->reason, &v->entry, err, errsz);
}

static int cmd_void(const struct uk_opts *o, char **pos, int npos, const char *reason)
{
	struct void_ctx v = {0, 0, reason};
	char *end;
	long long id;
	int rc;

	if (npos != 1)
		return uk_usage_error(usage, "void takes the ID of an activity");
	errno = 0;
	id = strtoll(pos[0], &end, 10);
	if (*end || id <= 0 || errno == ERANGE)
		return uk_usage_error(usage, "void takes the ID of an activity, not '%s'", pos[0]);
	if (!reason)
		return uk_usage_error(usage, "void needs --reason");
	v.id = id;
	rc = uk_store_write(o, void_step, &v);
	if (!rc && !o->quiet) {
		if (v.entry)
			fprintf(stderr, "%s: %svoided activity %lld; its cost reversed by ledger entry %lld\n",
			        uk_progname(), o->dry_run ? "dry run, nothing written: " : "", id, (long long)v.entry);
		else
			fprintf(stderr, "%s: %svoided activity %lld\n", uk_progname(),
			        o->dry_run ? "dry run, nothing written: " : "", id);
	}
	return rc;
}

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
	struct uk_activity_in in;
	struct uk_db *db = NULL;
	const char *members_path = NULL, *year = NULL, *month = NULL, *from = NULL, *to = NULL, *kind = NULL;
	const char *reason = NULL;
	char *store = NULL, **pos, err[400];
	int c, rc = 0, done = 0, npos, voided = 0;

	memset(&in, 0, sizeof in);
	/* getopt names argv[0] in its messages: the same name as ours. */
	argv[0] = (char *)uk_cli_init(argv[0]);
	while ((c = getopt_long(argc, argv, UK_SHORTOPTS_COMMON, longopts, NULL)) != -1) {
		switch (c) {
		case OPT_PARTICIPANTS: in.participants = optarg; break;
		case OPT_MEMBER:
			if (uk_strv_push(&in.members, &in.nmembers, optarg)) {
				rc = uk_err_nomem();
				goto out;
			}
			break;
		case OPT_MEMBERS: members_path = optarg; break;
		case OPT_PLAN_ITEM: in.plan_item = optarg; break;
		case OPT_NOTE: in.note = optarg; break;
		case OPT_COST: in.cost = optarg; break;
		case OPT_CATEGORY: in.category = optarg; break;
		case OPT_FUND: in.fund = optarg; break;
		case OPT_ACCOUNT: in.account = optarg; break;
		case OPT_YEAR: year = optarg; break;
		case OPT_MONTH: month = optarg; break;
		case OPT_FROM: from = optarg; break;
		case OPT_TO: to = optarg; break;
		case OPT_KIND: kind = optarg; break;
		case OPT_ALLOW_OVERDRAFT: in.allow_overdraft = 1; break;
		case OPT_REASON: reason = optarg; break;
		case OPT_VOIDED: voided = 1; break;
		default:
			if ((rc = uk_opts_handle(&o, c, optarg, usage, &done)) != 0 || done)
				goto out;
		}
	}
	if (optind >= argc) {
		rc = uk_usage_error(usage, "no command (add, void, ls, import)");
		goto out;
	}
	in.allow_future = o.allow_future;
	pos = argv + optind + 1;
	npos = argc - optind - 1;
	if (strcmp(argv[optind], "add") == 0) {
		int64_t id = 0;
		if (npos != 3) {
			rc = uk_usage_error(usage, "add takes DATE KIND TITLE");
			goto out;
		}
		in.date = pos[0];
		in.kind = pos[1];
		in.title = pos[2];
		if (members_path && (rc = read_members(&o, members_path, &in, &store)) != 0)
			goto out;
		if ((rc = uk_store_open(&o, UK_DB_WRITE, &db)) != 0 || (rc = uk_db_begin(db)) != 0)
			goto out;
		rc = uk_activity_add(db, &in, &id, err, sizeof err);
		if (rc == -1) {
			uk_err("%s", err);
			rc = UK_EX_DATAERR;
		}
		if (!rc && !o.dry_run)
			rc = uk_db_commit(db);
		uk_db_rollback(db);
		if (!rc && !o.dry_run)
			printf("%lld\n", (long long)id);
	} else if (strcmp(argv[optind], "void") == 0) {
		rc = cmd_void(&o, pos, npos, reason);
	} else if (strcmp(argv[optind], "ls") == 0) {
		struct uk_period p;
		struct uk_writer *w = NULL;
		int ncols, has = 0;
		const struct uk_outcol *cols = uk_activity_outcols(voided, &ncols);
		if (npos) {
			rc = uk_usage_error(usage, "ls takes options only");
			goto out;
		}
		if ((rc = uk_cli_period(usage, year, month, from, to, &p, &has)) != 0)
			goto out;
		if (kind) {
			int known = 0;
			for (int i = 0; i < UK_ACTIVITY_NKINDS; i++)
				known |= strcmp(kind, uk_activity_kind(i)) == 0;
			if (!known) {
				rc = uk_bad_value("--kind", kind, "unknown kind");
				goto out;
			}
		}
		if ((rc = uk_store_open(&o, UK_DB_READ, &db)) == 0 &&
		    !(w = uk_writer_new(stdout, uk_format_resolve(&o, 0), o.excel, cols, ncols)))
			rc = uk_err_nomem();
		if (!rc)
			rc = uk_activities_list(db, has ? &p : NULL, kind, voided, w);
		rc = uk_writer_close(w, rc);
	} else if (strcmp(argv[optind], "import") == 0) {
		struct uk_read_opts ro = uk_read_opts_of(&o);
		struct uk_reader *r = NULL;
		long added = 0, unchanged = 0, bad = 0;
		char skipped[40] = "";
		int ncols;
		const struct uk_colspec *cols = uk_activity_colspec(&ncols);
		if (npos > 1) {
			rc = uk_usage_error(usage, "import takes one FILE (or - for stdin)");
			goto out;
		}
		if ((rc = uk_reader_open(npos ? pos[0] : "-", cols, ncols, &ro, &r)) == 0 &&
		    (rc = uk_store_open(&o, UK_DB_WRITE, &db)) == 0 && (rc = uk_db_begin(db)) == 0) {
			rc = uk_activities_import(db, r, o.rejects, o.allow_future, in.allow_overdraft, &added,
			                          &unchanged, &bad);
			if (!rc && bad && !o.skip_bad) {
				uk_err("%ld bad record%s: nothing written (fix them, or --skip-bad to add the rest)",
				       bad, bad == 1 ? "" : "s");
				rc = UK_EX_DATAERR;
			}
			if (!rc && !o.dry_run)
				rc = uk_db_commit(db);
			uk_db_rollback(db);
		}
		if (bad)
			snprintf(skipped, sizeof skipped, ", skipped %ld", bad);
		if (!rc && !o.quiet)
			fprintf(stderr, "%s: %sadded %ld, unchanged %ld%s\n", uk_progname(),
			        o.dry_run ? "dry run, nothing written: " : "", added, unchanged, skipped);
		uk_reader_close(r);
		if (!rc && bad)
			rc = UK_EX_SKIPPED;
	} else {
		rc = uk_usage_error(usage, "unknown command '%s'", argv[optind]);
	}
out:
	uk_db_close(db);
	free(in.members);
	free(store);
	uk_opts_free(&o);
	return uk_finish_stdout(rc);
}
