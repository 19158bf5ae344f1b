/* member-ls - list and export members. */
#include "uk_care.h"
#include "uk_cli.h"
#include "uk_columns.h"
#include "uk_i18n.h"
#include "uk_members.h"
#include "uk_rec.h"
#include "uk_store.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
	N_("usage: member-ls [--status STATUS] [--unit UNIT] [--group GROUP] [--hardship[=LEVEL]]\n"
	"                 [--female] [--joined YEAR] [--left YEAR] [--where-key VALUE]\n"
	"                 [--where COLUMN=VALUE] [--by KEY] [--count] [--mask] [-f FORMAT]\n"
	"       member-ls --hardship-review-due [--at DATE] | --never-aided\n"
	"       member-ls --history MEMBER [--by KEY]\n"
	"List members (active ones unless --status says otherwise).\n"
	"\n"
	"  --status active|retired|transferred|left|deceased|all\n"
	"  --unit UNIT  --group GROUP  --hardship[=none|relative|deep|accident]  --female\n"
	"  --joined YEAR  --left YEAR  --where-key VALUE  --where COLUMN=VALUE\n"
	"  --by member_no|employee_no|id_card   what --where-key and MEMBER name\n"
	"  --count              print the number of members only\n"
	"  --hardship-review-due [--at DATE]  members whose hardship file went a year\n"
	"                       unreviewed by DATE (default today)\n"
	"  --never-aided        members with a hardship file never aided\n"
	"  --history MEMBER     the member's dated changes\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel  --mask  -q, --quiet\n"
	"  -h, --help  --lang zh|en  --version\n");

enum { OPT_STATUS = UK_OPT_TOOL, OPT_UNIT, OPT_GROUP, OPT_HARDSHIP, OPT_FEMALE, OPT_JOINED,
       OPT_LEFT, OPT_WHERE_KEY, OPT_WHERE, OPT_BY, OPT_COUNT, OPT_HISTORY, OPT_REVIEW_DUE, OPT_NEVER_AIDED,
       OPT_AT };

static int year_arg(const char *s, int *out)
{
	char *end;
	long y = strtol(s, &end, 10);
	if (*end || y < 1900 || y > 9999)
		return -1;
	*out = (int)y;
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		UK_LONGOPTS_COMMON, UK_LONGOPTS_MASK,
		{"status", required_argument, 0, OPT_STATUS}, {"unit", required_argument, 0, OPT_UNIT},
		{"group", required_argument, 0, OPT_GROUP}, {"hardship", optional_argument, 0, OPT_HARDSHIP},
		{"female", no_argument, 0, OPT_FEMALE}, {"joined", required_argument, 0, OPT_JOINED},
		{"left", required_argument, 0, OPT_LEFT}, {"where-key", required_argument, 0, OPT_WHERE_KEY},
		{"where", required_argument, 0, OPT_WHERE}, {"by", required_argument, 0, OPT_BY},
		{"count", no_argument, 0, OPT_COUNT}, {"history", required_argument, 0, OPT_HISTORY},
		{"hardship-review-due", no_argument, 0, OPT_REVIEW_DUE},
		{"at", required_argument, 0, OPT_AT},
		{"never-aided", no_argument, 0, OPT_NEVER_AIDED},
		{0, 0, 0, 0},
	};
	struct uk_opts o = {0};
	struct uk_member_filter f = {0};
	struct uk_db *db = NULL;
	struct uk_writer *w = NULL;
	const char *history = NULL, *at_s = NULL, *why;
	struct uk_date at = uk_date_today();
	const char **where = NULL;
	char err[200];
	int count = 0, review_due = 0, never_aided = 0, c, rc = 0, done = 0;
	long n = 0;

	/* getopt names argv[0] in its messages: the same name as ours. */
	argv[0] = (char *)uk_cli_start(argc, argv);
	while ((c = getopt_long(argc, argv, UK_SHORTOPTS_COMMON, longopts, NULL)) != -1) {
		switch (c) {
		case OPT_STATUS:
		case OPT_HARDSHIP:
			if ((c == OPT_STATUS ? uk_member_filter_status(&f, optarg, err, sizeof err) :
			     uk_member_filter_hardship(&f, optarg, err, sizeof err)) != 0) {
				rc = uk_usage_error(usage, "%s", err);
				goto out;
			}
			break;
		case OPT_UNIT: f.unit = optarg; break;
		case OPT_GROUP: f.group = optarg; break;
		case OPT_FEMALE: f.female = 1; break;
		case OPT_JOINED:
		case OPT_LEFT:
			if (year_arg(optarg, c == OPT_JOINED ? &f.joined : &f.left) != 0) {
				rc = uk_usage_error(usage, "%s wants a year, not '%s'",
				                    c == OPT_JOINED ? "--joined" : "--left", optarg);
				goto out;
			}
			break;
		case OPT_WHERE_KEY: f.where_key = optarg; break;
		case OPT_WHERE: {
			const char **nw;
			if (!strchr(optarg, '=') ||
			    uk_member_field_find(optarg, (size_t)(strchr(optarg, '=') - optarg)) < 0) {
				rc = uk_usage_error(usage, "--where wants COLUMN=VALUE with a member column, "
				                    "not '%s'", optarg);
				goto out;
			}
			if (!(nw = realloc(where, (size_t)(f.nwhere + 1) * sizeof *nw))) {
				rc = uk_err_nomem();
				goto out;
			}
			where = nw;
			where[f.nwhere++] = optarg;
			break;
		}
		case OPT_BY:
			if (uk_member_key_parse(optarg, &f.by) != 0) {
				rc = uk_usage_error(usage, "--by must be member_no, employee_no or id_card");
				goto out;
			}
			break;
		case OPT_COUNT: count = 1; break;
		case OPT_HISTORY: history = optarg; break;
		case OPT_REVIEW_DUE: review_due = 1; break;
		case OPT_AT: at_s = optarg; break;
		case OPT_NEVER_AIDED: never_aided = 1; break;
		default:
			if ((rc = uk_opts_handle(&o, c, optarg, usage, &done)) != 0 || done)
				goto out;
		}
	}
	f.where = where;
	if (optind < argc) {
		rc = uk_usage_error(usage, "unexpected argument '%s'", argv[optind]);
		goto out;
	}
	if (history && count) {
		rc = uk_usage_error(usage, "use just one of --history and --count");
		goto out;
	}
	if ((review_due || never_aided) && (history || review_due + never_aided > 1 || f.status || f.unit ||
	                                    f.group || f.hardship || f.female || f.joined || f.left ||
	                                    f.where_key || f.nwhere)) {
		rc = uk_usage_error(usage, "--hardship-review-due and --never-aided go alone (with --count, --mask, -f)");
		goto out;
	}
	if (at_s && !review_due) {
		rc = uk_usage_error(usage, "--at goes with --hardship-review-due");
		goto out;
	}
	if (at_s && uk_date_parse(at_s, &at, &why) != 0) {
		rc = uk_bad_value("--at", at_s, why);
		goto out;
	}
	if ((rc = uk_store_open(&o, UK_DB_READ, &db)) != 0)
		goto out;
	if (history) {
		int64_t id;
		int ncols;
		const struct uk_outcol *cols = uk_member_history_cols(&ncols);
		if ((rc = uk_member_find(db, history, f.by, &id)) == 0 &&
		    (rc = uk_words_writer(&o, cols, ncols, UK_COLS_OWN, &w)) == 0)
			rc = uk_members_history(db, id, w, o.mask);
	} else if (review_due || never_aided) {
		/* The hardship files' two follow-ups, as member-ls lists members. */
		int64_t *ids = NULL;
		int ncols;
		const struct uk_outcol *cols = uk_member_outcols(&ncols);
		rc = review_due ? uk_members_review_due(db, at, &ids, &n) : uk_care_never_aided(db, &ids, &n);
		if (!rc && count)
			printf("%ld\n", n);
		else if (!rc && (rc = uk_words_writer(&o, cols, ncols, UK_COLS_MEMBERS, &w)) == 0)
			rc = uk_members_write_ids(db, ids, n, w, o.mask);
		free(ids);
	} else if (count) {
		if ((rc = uk_members_list(db, &f, NULL, 0, &n)) == 0)
			printf("%ld\n", n);
	} else {
		int ncols;
		const struct uk_outcol *cols = uk_member_outcols(&ncols);
		if ((rc = uk_words_writer(&o, cols, ncols, UK_COLS_MEMBERS, &w)) == 0)
			rc = uk_members_list(db, &f, w, o.mask, &n);
	}
out:
	rc = uk_writer_close(w, rc);
	uk_db_close(db);
	free(where);
	uk_opts_free(&o);
	return uk_finish_stdout(rc);
}
