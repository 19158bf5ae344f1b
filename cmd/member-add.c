/* member-add - add or update members, one from options or many from HR
 * records (CSV/JSON). */
#include "uk_cli.h"
#include "uk_columns.h"
#include "uk_i18n.h"
#include "uk_members.h"
#include "uk_rec.h"
#include "uk_store.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
	N_("usage: member-add --name NAME (--id-card ID | --employee-no NO) [field options]\n"
	"       member-add [FILE|-]\n"
	"Add members, or update them when the key is known.\n"
	"\n"
	"Fields (one member):\n"
	"  --name NAME  --id-card ID  --employee-no NO  --member-no NO  --gender G\n"
	"  --birth-date DATE  --phone PHONE  --unit UNIT  --group GROUP  --position POS\n"
	"  --hire-date DATE  --join-date DATE  --wage-base AMOUNT  --hardship LEVEL\n"
	"  --ethnicity E  --education E  --political-status P  --migrant-worker yes|no\n"
	"  --note TEXT\n"
	"Records:\n"
	"  --key employee_no|id_card|member_no   how a known member is found\n"
	"  --no-update          a known key is an error\n"
	"  --list-missing       print the active members the file does not mention\n"
	"  --allow-future       a join_date or status_date after today is meant (else refused)\n"
	"  --map HEADER=COLUMN  --encoding ENC  --input-format csv|json  --strict\n"
	"  --ignore COLUMN  --skip-bad  --rejects FILE  --dry-run\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel  --mask  -q, --quiet\n"
	"  -h, --help  --lang zh|en  --version\n");

enum { OPT_NAME = UK_OPT_TOOL, OPT_ID_CARD, OPT_EMPLOYEE_NO, OPT_MEMBER_NO, OPT_GENDER,
       OPT_BIRTH_DATE, OPT_PHONE, OPT_UNIT, OPT_GROUP, OPT_POSITION, OPT_HIRE_DATE,
       OPT_JOIN_DATE, OPT_WAGE_BASE, OPT_HARDSHIP, OPT_ETHNICITY, OPT_EDUCATION,
       OPT_POLITICAL, OPT_MIGRANT, OPT_NOTE, OPT_KEY, OPT_NO_UPDATE, OPT_LIST_MISSING };

/* Which member field each field option sets. */
static const struct { int opt; enum uk_member_field field; } field_opts[] = {
	{OPT_NAME, UK_MF_NAME}, {OPT_ID_CARD, UK_MF_ID_CARD}, {OPT_EMPLOYEE_NO, UK_MF_EMPLOYEE_NO},
	{OPT_MEMBER_NO, UK_MF_MEMBER_NO}, {OPT_GENDER, UK_MF_GENDER}, {OPT_BIRTH_DATE, UK_MF_BIRTH_DATE},
	{OPT_PHONE, UK_MF_PHONE}, {OPT_UNIT, UK_MF_UNIT}, {OPT_GROUP, UK_MF_UNION_GROUP},
	{OPT_POSITION, UK_MF_POSITION}, {OPT_HIRE_DATE, UK_MF_HIRE_DATE}, {OPT_JOIN_DATE, UK_MF_JOIN_DATE},
	{OPT_WAGE_BASE, UK_MF_WAGE_BASE}, {OPT_HARDSHIP, UK_MF_HARDSHIP}, {OPT_ETHNICITY, UK_MF_ETHNICITY},
	{OPT_EDUCATION, UK_MF_EDUCATION}, {OPT_POLITICAL, UK_MF_POLITICAL_STATUS},
	{OPT_MIGRANT, UK_MF_MIGRANT_WORKER}, {OPT_NOTE, UK_MF_NOTE},
};

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		UK_LONGOPTS_COMMON, UK_LONGOPTS_MASK, UK_LONGOPTS_WRITE, UK_LONGOPTS_IMPORT,
		UK_LONGOPTS_FUTURE,
		{"name", required_argument, 0, OPT_NAME}, {"id-card", required_argument, 0, OPT_ID_CARD},
		{"employee-no", required_argument, 0, OPT_EMPLOYEE_NO},
		{"member-no", required_argument, 0, OPT_MEMBER_NO}, {"gender", required_argument, 0, OPT_GENDER},
		{"birth-date", required_argument, 0, OPT_BIRTH_DATE}, {"phone", required_argument, 0, OPT_PHONE},
		{"unit", required_argument, 0, OPT_UNIT}, {"group", required_argument, 0, OPT_GROUP},
		{"position", required_argument, 0, OPT_POSITION},
		{"hire-date", required_argument, 0, OPT_HIRE_DATE},
		{"join-date", required_argument, 0, OPT_JOIN_DATE},
		{"wage-base", required_argument, 0, OPT_WAGE_BASE},
		{"hardship", required_argument, 0, OPT_HARDSHIP},
		{"ethnicity", required_argument, 0, OPT_ETHNICITY},
		{"education", required_argument, 0, OPT_EDUCATION},
		{"political-status", required_argument, 0, OPT_POLITICAL},
		{"migrant-worker", required_argument, 0, OPT_MIGRANT}, {"note", required_argument, 0, OPT_NOTE},
		{"key", required_argument, 0, OPT_KEY}, {"no-update", no_argument, 0, OPT_NO_UPDATE},
		{"list-missing", no_argument, 0, OPT_LIST_MISSING},
		{0, 0, 0, 0},
	};
	struct uk_opts o = {0};
	struct uk_member_import_opts io = {0};
	struct uk_member_source src = {0};
	struct uk_import_stats stats;
	struct uk_db *db = NULL;
	struct uk_writer *w = NULL;
	char *single[UK_MF_COUNT] = {0};
	const char *input = NULL;
	int nfields = 0, c, rc, done = 0, toomany;

	/* getopt names argv[0] in its messages: the same name as ours. */
	argv[0] = (char *)uk_cli_start(argc, argv);
	while ((c = getopt_long(argc, argv, UK_SHORTOPTS_COMMON, longopts, NULL)) != -1) {
		int handled = 0;
		for (size_t i = 0; i < sizeof field_opts / sizeof field_opts[0]; i++)
			if (field_opts[i].opt == c) {
				single[field_opts[i].field] = optarg;
				nfields++;
				handled = 1;
			}
		if (handled)
			continue;
		switch (c) {
		case OPT_KEY:
			if (uk_member_key_parse(optarg, &io.key) != 0)
				return uk_usage_error(usage, "--key must be employee_no, id_card or member_no");
			break;
		case OPT_NO_UPDATE: io.no_update = 1; break;
		case OPT_LIST_MISSING: io.list_missing = 1; break;
		default:
			if ((rc = uk_opts_handle(&o, c, optarg, usage, &done)) != 0 || done) {
				uk_opts_free(&o);
				return done ? uk_finish_stdout(rc) : rc;
			}
		}
	}
	if (nfields && optind < argc) {
		uk_opts_free(&o);
		return uk_usage_error(usage, "give either field options or a FILE, not both");
	}
	if (!nfields) {
		input = uk_cli_input(argc, argv, optind, &toomany);
		if (toomany || !input) {
			uk_opts_free(&o);
			return toomany ? uk_usage_error(usage, "one FILE at a time") :
			       uk_usage_error(usage, "nothing to add: give field options or a FILE (- for stdin)");
		}
	} else if (io.list_missing) {
		uk_opts_free(&o);
		return uk_usage_error(usage, "--list-missing needs a FILE of the whole staff");
	}

	if (input) {
		int ncols;
		const struct uk_colspec *cols = uk_member_colspec(&ncols);
		if ((rc = uk_cli_reader(&o, input, cols, ncols, &src.reader)) != 0)
			goto out;
	}
	src.single = single;
	if ((rc = uk_store_open(&o, UK_DB_WRITE, &db)) != 0)
		goto out;
	if (o.format != UK_FMT_DEFAULT || io.list_missing) {
		int ncols;
		const struct uk_outcol *cols = uk_member_outcols(&ncols);
		if ((rc = uk_words_writer(&o, cols, ncols, UK_COLS_MEMBERS, &w)) != 0)
			goto out;
	}
	io.dry_run = o.dry_run;
	io.skip_bad = o.skip_bad;
	io.quiet = o.quiet;
	io.rejects = o.rejects;
	io.member_no = NULL;
	io.out = w;
	io.mask = o.mask;
	io.allow_future = o.allow_future;
	rc = uk_members_import(db, &src, &io, &stats);
out:
	rc = uk_writer_close(w, rc);
	uk_db_close(db);
	uk_reader_close(src.reader);
	uk_opts_free(&o);
	return uk_finish_stdout(rc);
}
