/* report-year - the year's work summary, and a federation's sum of the
 * reports of its unions. */
#include "uk_cli.h"
#include "uk_config.h"
#include "uk_i18n.h"
#include "uk_register_check.h"
#include "uk_report.h"
#include "uk_store.h"
#include "uk_summary.h"
#include "uk_unions.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	N_("usage: report-year --year Y [-f md|html|json|csv|table] [--lang zh|en] [--table NAME]\n"
	"       report-year --merge FILE... [-d FEDERATION_DB [--strict]] [--name NAME]\n"
	"                   [-f FORMAT] [--lang zh|en]\n"
	"The year's work summary: members, funds, disputes, care, activities, the plan.\n"
	"\n"
	"  --year Y         the year\n"
	"  --lang zh|en     Chinese (default) or English headings\n"
	"  --table NAME     with -f csv: that table only (members, units, funds, classes,\n"
	"                   months, balances, disputes, care, register, activities,\n"
	"                   plan, unions, not_reported)\n"
	"  --merge FILE...  add up the JSON reports of many unions (- for stdin)\n"
	"  --name NAME      the federation's name, for --merge (else union.name of -d)\n"
	"  --strict         with --merge -d: refuse a report of a union not in its register\n"
	"  --template FILE  the summary's wording (md, html); default: the one installed\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format md|html|json|csv|table  --excel  -q, --quiet\n"
	"  -h, --help  --lang zh|en  --version\n");

enum { OPT_YEAR = UK_OPT_TOOL, OPT_TABLE, OPT_MERGE, OPT_NAME, OPT_TEMPLATE };

/* The summary's wording: the template given, else the one built in, which
 * is Chinese (an English summary is a template of one's own). NULL in
 * *text: no prose. An exit code. */
static int summary_text(const char *path, enum uk_lang lang, char **text)
{
	size_t len;
	int rc;
	*text = NULL;
	if (!path)
		return lang == UK_LANG_ZH && !(*text = strdup(uk_summary_default)) ? uk_err_nomem() : 0;
	if ((rc = uk_read_file(path, 1, text, &len)) != 0)
		return rc;
	if ((rc = uk_summary_check(*text, strcmp(path, "-") ? path : "stdin")) != 0) {
		free(*text);
		*text = NULL;
	}
	return rc;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		UK_LONGOPTS_COMMON,
		{"year", required_argument, 0, OPT_YEAR},
		{"table", required_argument, 0, OPT_TABLE}, {"merge", no_argument, 0, OPT_MERGE},
		{"strict", no_argument, 0, UK_OPT_STRICT},
		{"name", required_argument, 0, OPT_NAME},
		{"template", required_argument, 0, OPT_TEMPLATE},
		{0, 0, 0, 0},
	};
	struct uk_opts o = {0};
	struct uk_db *db = NULL;
	json_t *report = NULL;
	const char *year_s = NULL, *table = NULL, *name = NULL, *template = NULL;
	char *db_name = NULL, *wording = NULL, *prose = NULL;
	enum uk_format fmt;
	int merge = 0, registered = 0, c, rc = 0, done = 0;
	struct uk_register_check *check = NULL;

	/* getopt names argv[0] in its messages: the same name as ours. */
	argv[0] = (char *)uk_cli_start(argc, argv);
	while ((c = getopt_long(argc, argv, UK_SHORTOPTS_COMMON, longopts, NULL)) != -1) {
		switch (c) {
		case OPT_YEAR: year_s = optarg; break;
		case OPT_TABLE: table = optarg; break;
		case OPT_MERGE: merge = 1; break;
		case OPT_NAME: name = optarg; break;
		case OPT_TEMPLATE: template = optarg; break;
		default:
			if ((rc = uk_opts_handle(&o, c, optarg, usage, &done)) != 0 || done)
				goto out;
		}
	}
	if (table && !uk_report_table_known("year", table)) {
		rc = uk_usage_error(usage, "--table '%s': no such table", table);
		goto out;
	}
	if (o.format == UK_FMT_NDJSON) {
		rc = uk_usage_error(usage, "a report is md, html, json, csv or table");
		goto out;
	}
	/* --excel shapes CSV; on any other form it would be ignored. */
	if (o.excel && uk_format_resolve(&o, 1) != UK_FMT_CSV) {
		rc = uk_usage_error(usage, "--excel goes with -f csv");
		goto out;
	}
	if (table && uk_format_resolve(&o, 1) != UK_FMT_CSV) {
		rc = uk_usage_error(usage, "--table goes with -f csv");
		goto out;
	}
	fmt = uk_format_resolve(&o, 1);
	if (template && fmt != UK_FMT_MD && fmt != UK_FMT_HTML) {
		rc = uk_usage_error(usage, "--template goes with -f md or -f html");
		goto out;
	}
	if (o.strict && (!merge || !o.db_path)) {
		rc = uk_usage_error(usage, "--strict goes with --merge and -d (the federation's register)");
		goto out;
	}
	if (name && !merge) {
		rc = uk_usage_error(usage, "--name goes with --merge (a union's name is union.name)");
		goto out;
	}
	if (merge) {
		if (optind >= argc || year_s) {
			rc = year_s ? uk_usage_error(usage, "--merge takes the year from the reports, not --year") :
			     uk_usage_error(usage, "--merge takes the reports' files (- for stdin)");
			goto out;
		}
		/* The federation's name: --name, else union.name of the
		 * database given with -d (the federation's own). */
		if (template && !strcmp(template, "-") && argc - optind >= 1) {
			for (int i = optind; i < argc; i++)
				if (!strcmp(argv[i], "-")) {
					rc = uk_usage_error(usage, "--template - and a report on stdin: give one of them a file");
					goto out;
				}
		}
		if (o.db_path && (rc = uk_store_open(&o, UK_DB_READ, &db)) == 0 && !name &&
		    (rc = uk_config_get(db, "union.name", &db_name)) == 0)
			name = db_name;
		/* The federation's own register, when it keeps one: each report's
		 * union looked up in it, those that sent none listed. */
		if (!rc && db && (rc = uk_union_register_used(db, &registered)) == 0 && registered)
			rc = uk_register_check_new(db, o.strict, &check);
		/* --strict against a register that is not there would check
		 * nothing: most likely the wrong database. */
		if (!rc && o.strict && !registered) {
			uk_err(_("--strict: %s has no union in its register (union-register add them)"), uk_db_path(db));
			rc = UK_EX_DATAERR;
		}
		if (!rc) {
			struct uk_report_merge *m;
			if ((rc = uk_report_merge_new(check ? uk_register_check_union : NULL, check, &m)) == 0) {
				for (int i = optind; i < argc && !rc; i++)
					rc = uk_report_merge_file(m, argv[i]);
				if (!rc)
					rc = uk_report_merge_finish(m, name, &report);
				uk_report_merge_free(m);
			}
		}
		if (!rc && check && (rc = uk_register_check_finish(check, report)) == 0)
			rc = uk_report_add_register(db, report);
		uk_register_check_free(check);
	} else {
		struct uk_period p;
		const char *why;
		if (!year_s || optind < argc) {
			rc = year_s ? uk_usage_error(usage, "unexpected argument") :
			     uk_usage_error(usage, "--year is needed");
			goto out;
		}
		if (uk_period_parse_year(year_s, &p, &why) != 0) {
			rc = uk_bad_value("--year", year_s, why);
			goto out;
		}
		if ((rc = uk_store_open(&o, UK_DB_READ, &db)) == 0)
			rc = uk_report_year(db, p.from.y, &report);
	}
	/* The prose, for the documents; read after the reports, so that a
	 * bad template is named with its line before anything is written. */
	if (!rc && (fmt == UK_FMT_MD || fmt == UK_FMT_HTML) &&
	    (rc = summary_text(template, o.lang_given ? o.lang : UK_LANG_ZH, &wording)) == 0 && wording)
		rc = uk_summary_expand(report, wording, &prose);
	if (!rc)
		rc = uk_report_render(report, fmt, &o, table, prose, stdout);
out:
	free(wording);
	free(prose);
	free(db_name);
	json_decref(report);
	uk_db_close(db);
	uk_opts_free(&o);
	return uk_finish_stdout(rc);
}
