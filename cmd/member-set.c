/* member-set - change members: status, hardship, group, unit, roles, wage
 * base; one from options or many from records. */
#include "uk_cli.h"
#include "uk_columns.h"
#include "uk_i18n.h"
#include "uk_members.h"
#include "uk_rec.h"
#include "uk_store.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
	N_("usage: member-set MEMBER [--by KEY] [--status STATUS --date DATE] [--note TEXT]\n"
	"                  [--hardship LEVEL] [--group GROUP] [--unit UNIT]\n"
	"                  [--role ROLE] [--no-role ROLE] [--wage-base AMOUNT]\n"
	"       member-set [FILE|-]\n"
	"       member-set [change options] -\n"
	"Change members; every change is a dated event in the member's history.\n"
	"With change options and -, the changes apply to every member read from stdin.\n"
	"\n"
	"  --by member_no|employee_no|id_card   what MEMBER is (default member_no)\n"
	"  --status active|retired|transferred|left|deceased  (needs --date)\n"
	"  --date DATE          when the change took effect (default today)\n"
	"  --allow-future       a date after today is meant (else refused)\n"
	"  --hardship none|relative|deep|accident  --group GROUP  --unit UNIT\n"
	"  --role ROLE, --no-role ROLE   chair, vice-chair, committee, audit-committee,\n"
	"                       group-leader, women-committee (repeatable)\n"
	"  --wage-base AMOUNT   --note TEXT\n"
	"  --hardship-reviewed DATE   the hardship file reviewed that day\n"
	"Records:\n"
	"  --map HEADER=COLUMN  --encoding ENC  --input-format csv|json  --strict\n"
	"  --ignore COLUMN  --skip-bad  --rejects FILE  --dry-run\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table   print the changed members\n"
	"  --excel  --mask  -q, --quiet  -h, --help  --lang zh|en  --version\n");

enum { OPT_BY = UK_OPT_TOOL, OPT_STATUS, OPT_DATE, OPT_NOTE, OPT_HARDSHIP, OPT_GROUP, OPT_UNIT,
       OPT_ROLE, OPT_NO_ROLE, OPT_WAGE_BASE, OPT_HARDSHIP_REVIEWED };

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		UK_LONGOPTS_COMMON, UK_LONGOPTS_MASK, UK_LONGOPTS_WRITE, UK_LONGOPTS_IMPORT,
		UK_LONGOPTS_FUTURE,
		{"by", required_argument, 0, OPT_BY}, {"status", required_argument, 0, OPT_STATUS},
		{"date", required_argument, 0, OPT_DATE}, {"note", required_argument, 0, OPT_NOTE},
		{"hardship", required_argument, 0, OPT_HARDSHIP}, {"group", required_argument, 0, OPT_GROUP},
		{"unit", required_argument, 0, OPT_UNIT}, {"role", required_argument, 0, OPT_ROLE},
		{"no-role", required_argument, 0, OPT_NO_ROLE},
		{"wage-base", required_argument, 0, OPT_WAGE_BASE},
		{"hardship-reviewed", required_argument, 0, OPT_HARDSHIP_REVIEWED},
		{0, 0, 0, 0},
	};
	struct uk_opts o = {0};
	struct uk_member_change ch = {0};
	enum uk_member_key by = UK_KEY_MEMBER_NO;
	struct uk_db *db = NULL;
	struct uk_reader *r = NULL;
	struct uk_writer *w = NULL;
	int nchanges = 0, c, rc = 0, done = 0;

	/* getopt names argv[0] in its messages: the same name as ours. */
	argv[0] = (char *)uk_cli_start(argc, argv);
	while ((c = getopt_long(argc, argv, UK_SHORTOPTS_COMMON, longopts, NULL)) != -1) {
		switch (c) {
		case OPT_BY:
			if (uk_member_key_parse(optarg, &by) != 0) {
				rc = uk_usage_error(usage, "--by must be member_no, employee_no or id_card");
				goto out;
			}
			break;
		case OPT_STATUS: ch.status = optarg; nchanges++; break;
		case OPT_DATE: ch.date = optarg; break;
		case OPT_NOTE: ch.note = optarg; break;
		case OPT_HARDSHIP: ch.hardship = optarg; nchanges++; break;
		case OPT_GROUP: ch.group = optarg; nchanges++; break;
		case OPT_UNIT: ch.unit = optarg; nchanges++; break;
		case OPT_WAGE_BASE: ch.wage_base = optarg; nchanges++; break;
		case OPT_HARDSHIP_REVIEWED: ch.hardship_reviewed = optarg; nchanges++; break;
		case OPT_ROLE:
		case OPT_NO_ROLE:
			if (c == OPT_ROLE ? uk_strv_push(&ch.roles, &ch.nroles, optarg) :
			    uk_strv_push(&ch.no_roles, &ch.nno_roles, optarg)) {
				rc = uk_err_nomem();
				goto out;
			}
			nchanges++;
			break;
		default:
			if ((rc = uk_opts_handle(&o, c, optarg, usage, &done)) != 0 || done)
				goto out;
		}
	}
	ch.allow_future = o.allow_future;
	if (!nchanges && (ch.date || ch.note) && !(argc - optind == 1 && strcmp(argv[optind], "-") == 0)) {
		rc = uk_usage_error(usage, "--date and --note go with a change (--status, --hardship, ...)");
		goto out;
	}
	if (o.format != UK_FMT_DEFAULT) {
		int ncols;
		const struct uk_outcol *cols = uk_member_outcols(&ncols);
		if ((rc = uk_words_writer(&o, cols, ncols, UK_COLS_MEMBERS, &w)) != 0)
			goto out;
	}
	if (nchanges && !(argc - optind == 1 && strcmp(argv[optind], "-") == 0)) {
		/* One member from the command line. */
		if (argc - optind != 1) {
			rc = uk_usage_error(usage, "name one MEMBER to change");
			goto out;
		}
		if (ch.status && !ch.date) {
			rc = uk_usage_error(usage, "--status needs --date (when it took effect)");
			goto out;
		}
		if ((rc = uk_store_open(&o, UK_DB_WRITE, &db)) == 0)
			rc = uk_member_set_one(db, argv[optind], by, &ch, o.dry_run, o.quiet, w, o.mask);
	} else {
		int toomany;
		const char *input = uk_cli_input(argc, argv, optind, &toomany);
		struct uk_colspec cols[UK_MEMBER_SET_NCOLS];
		int ncols = uk_member_set_colspec(cols);
		if (!input || toomany) {
			rc = toomany ? uk_usage_error(usage, "one FILE at a time") :
			     uk_usage_error(usage, "nothing to change: give MEMBER and a change, or a FILE");
			goto out;
		}
		if ((rc = uk_cli_reader(&o, input, cols, ncols, &r)) != 0 ||
		    (rc = uk_store_open(&o, UK_DB_WRITE, &db)) != 0)
			goto out;
		rc = uk_members_set_batch(db, r, &ch, o.dry_run, o.skip_bad, o.quiet, o.rejects, w, o.mask);
	}
out:
	rc = uk_writer_close(w, rc);
	uk_db_close(db);
	uk_reader_close(r);
	free(ch.roles);
	free(ch.no_roles);
	uk_opts_free(&o);
	return uk_finish_stdout(rc);
}
