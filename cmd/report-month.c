/* report-month - the monthly financial disclosure (每月一公开), for cron. */
#include "uk_cli.h"
#include "uk_i18n.h"
#include "uk_report.h"
#include "uk_store.h"

#include <jansson.h>
#include <string.h>

static const char usage[] =
	N_("usage: report-month --month YYYY-MM [-f md|html|json|csv|table] [--lang zh|en]\n"
	"                    [--table NAME] [--dry-run]\n"
	"The month's disclosure: income and expense by class (本月数, 本年累计数),\n"
	"balances of each fund, aid paid (names masked), disputes, care; records it was made.\n"
	"\n"
	"  --month YYYY-MM  the month\n"
	"  --lang zh|en     Chinese (default) or English headings\n"
	"  --table NAME     with -f csv: that table only (statement, balances, aid, disputes, care)\n"
	"  --dry-run        print it, record nothing\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format md|html|json|csv|table  --excel  -q, --quiet\n"
	"  -h, --help  --lang zh|en  --version\n");

enum { OPT_MONTH = UK_OPT_TOOL, OPT_TABLE };

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		UK_LONGOPTS_COMMON, UK_LONGOPTS_WRITE,
		{"month", required_argument, 0, OPT_MONTH},
		{"table", required_argument, 0, OPT_TABLE},
		{0, 0, 0, 0},
	};
	struct uk_opts o = {0};
	struct uk_db *db = NULL;
	json_t *report = NULL;
	const char *month_s = NULL, *table = NULL, *why;
	struct uk_period p;
	int c, rc = 0, done = 0;

	/* getopt names argv[0] in its messages: the same name as ours. */
	argv[0] = (char *)uk_cli_start(argc, argv);
	while ((c = getopt_long(argc, argv, UK_SHORTOPTS_COMMON, longopts, NULL)) != -1) {
		switch (c) {
		case OPT_MONTH: month_s = optarg; break;
		case OPT_TABLE: table = optarg; break;
		default:
			if ((rc = uk_opts_handle(&o, c, optarg, usage, &done)) != 0 || done)
				goto out;
		}
	}
	if (!month_s || optind < argc) {
		rc = month_s ? uk_usage_error(usage, "unexpected argument") :
		     uk_usage_error(usage, "--month is needed");
		goto out;
	}
	if (table && !uk_report_table_known("month", table)) {
		rc = uk_usage_error(usage, "--table '%s': no such table", table);
		goto out;
	}
	if (o.format == UK_FMT_NDJSON || (table && uk_format_resolve(&o, 1) != UK_FMT_CSV)) {
		rc = table ? uk_usage_error(usage, "--table goes with -f csv") :
		     uk_usage_error(usage, "a report is md, html, json, csv or table");
		goto out;
	}
	/* --excel shapes CSV; on any other form it would be ignored. */
	if (o.excel && uk_format_resolve(&o, 1) != UK_FMT_CSV) {
		rc = uk_usage_error(usage, "--excel goes with -f csv");
		goto out;
	}
	if (uk_period_parse_month(month_s, &p, &why) != 0) {
		rc = uk_bad_value("--month", month_s, why);
		goto out;
	}
	/* Written once a month (the disclosure metric) in its own transaction;
	 * a dry run reads only. A missing database is an error (the open
	 * refuses it), not an empty disclosure that cron would publish. */
	if ((rc = uk_store_open(&o, o.dry_run ? UK_DB_READ : UK_DB_WRITE, &db)) != 0)
		goto out;
	if (!o.dry_run && (rc = uk_db_begin(db)) != 0)
		goto out;
	rc = uk_report_month(db, p.from.y, p.from.m, !o.dry_run, &report);
	if (!rc && !o.dry_run)
		rc = uk_db_commit(db);
	uk_db_rollback(db);
	if (!rc)
		rc = uk_report_render(report, uk_format_resolve(&o, 1), &o, table, NULL, stdout);
out:
	json_decref(report);
	uk_db_close(db);
	uk_opts_free(&o);
	return uk_finish_stdout(rc);
}
