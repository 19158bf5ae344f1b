/* plan-new - the year's work plan: a skeleton, storing a plan written in
 * the customary outline, showing it, and its progress. */
#include "uk_cli.h"
#include "uk_columns.h"
#include "uk_config.h"
#include "uk_i18n.h"
#include "uk_plans.h"
#include "uk_progress.h"
#include "uk_rec.h"
#include "uk_store.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
	N_("usage: plan-new --year Y --template\n"
	"       plan-new --year Y [--replace] [FILE|-]\n"
	"       plan-new [--year Y] --explain [FILE|-]\n"
	"       plan-new --year Y --copy-from Y0 [--replace]\n"
	"       plan-new --year Y --show\n"
	"       plan-new --year Y --progress [--at DATE]\n"
	"Write, store and follow the year's work plan (一、(一) 1、 with 〔目标: …〕 targets),\n"
	"read as the union wrote it: Markdown or text pasted from Word.\n"
	"\n"
	"  --year Y        the plan's year\n"
	"  --template      print a skeleton plan in the customary structure, titled\n"
	"                  with union.name when the database has one\n"
	"  --copy-from Y0  start from the plan of year Y0 (targets kept)\n"
	"  --replace       replace the year's plan; the old one stays in history\n"
	"  --explain       how each line of FILE is read (title, preamble, section,\n"
	"                  sub-section, item, text, joined, note); stores nothing\n"
	"  --show          print the stored plan\n"
	"  --progress      each item: target, actual so far, met / not yet\n"
	"  --at DATE       the day --progress counts to (default today)\n"
	"  --dry-run       check the plan, store nothing\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format md|html|json (progress: csv|json|ndjson|table)\n"
	"  --excel  -q, --quiet  -h, --help  --lang zh|en  --version\n");

enum { OPT_YEAR = UK_OPT_TOOL, OPT_TEMPLATE, OPT_COPY_FROM, OPT_REPLACE, OPT_SHOW, OPT_PROGRESS, OPT_AT,
       OPT_EXPLAIN };

static int year_of(const char *s, int *y)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (*end || v < 1900 || v > 9999)
		return -1;
	*y = (int)v;
	return 0;
}

static int render(const struct uk_opts *o, const struct uk_plan *p)
{
	enum uk_format f = o->format == UK_FMT_DEFAULT || o->format == UK_FMT_TABLE ? UK_FMT_MD : o->format;
	return f == UK_FMT_JSON ? uk_plan_write_json(p, stdout) :
	       f == UK_FMT_HTML ? uk_plan_write_html(p, stdout) : uk_plan_write_md(p, stdout);
}

/* The text of FILE (- stdin), and the name messages give it: read before
 * the database is opened, so that a pipe from another plan-new never
 * waits on a lock that its reader holds. An exit code. */
static int plan_text(int argc, char **argv, char **text, size_t *len, const char **name)
{
	const char *input;
	int toomany;
	if (!(input = uk_cli_input(argc, argv, optind, &toomany)))
		return uk_usage_error(usage, "no plan: give FILE (- for stdin), --template or --copy-from");
	*name = strcmp(input, "-") ? input : "stdin";
	return uk_read_file(input, 16, text, len);
}

/* "2026年…" in a copied plan's title becomes the new year. */
static void retitle(struct uk_plan *p, int from, int to)
{
	char old[8], new[8], *at;
	snprintf(old, sizeof old, "%d", from);
	snprintf(new, sizeof new, "%d", to);
	if ((at = strstr(p->title, old)) != NULL)
		memcpy(at, new, 4);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		UK_LONGOPTS_COMMON, UK_LONGOPTS_WRITE,
		{"year", required_argument, 0, OPT_YEAR}, {"template", no_argument, 0, OPT_TEMPLATE},
		{"copy-from", required_argument, 0, OPT_COPY_FROM}, {"replace", no_argument, 0, OPT_REPLACE},
		{"show", no_argument, 0, OPT_SHOW}, {"progress", no_argument, 0, OPT_PROGRESS},
		{"at", required_argument, 0, OPT_AT}, {"explain", no_argument, 0, OPT_EXPLAIN},
		{0, 0, 0, 0},
	};
	struct uk_opts o = {0};
	struct uk_db *db = NULL;
	struct uk_plan *p = NULL;
	const char *year_s = NULL, *copy_s = NULL, *at_s = NULL;
	int year = 0, copy = 0, template = 0, replace = 0, show = 0, progress = 0, explain = 0;
	char *union_name = NULL;
	int c, rc = 0, done = 0, modes;
	char *text = NULL;
	size_t len = 0;
	const char *name = NULL;

	/* getopt names argv[0] in its messages: the same name as ours. */
	argv[0] = (char *)uk_cli_start(argc, argv);
	while ((c = getopt_long(argc, argv, UK_SHORTOPTS_COMMON, longopts, NULL)) != -1) {
		switch (c) {
		case OPT_YEAR: year_s = optarg; break;
		case OPT_TEMPLATE: template = 1; break;
		case OPT_COPY_FROM: copy_s = optarg; break;
		case OPT_REPLACE: replace = 1; break;
		case OPT_SHOW: show = 1; break;
		case OPT_PROGRESS: progress = 1; break;
		case OPT_AT: at_s = optarg; break;
		case OPT_EXPLAIN: explain = 1; break;
		default:
			if ((rc = uk_opts_handle(&o, c, optarg, usage, &done)) != 0 || done)
				goto out;
		}
	}
	modes = template + show + progress + explain + (copy_s != NULL);
	/* A plan is a document (md, html, json); progress is records. */
	if (progress ? o.format == UK_FMT_MD || o.format == UK_FMT_HTML :
	    o.format == UK_FMT_CSV || o.format == UK_FMT_NDJSON) {
		rc = uk_usage_error(usage, "-f %s does not apply here (a plan: md, html, json; "
		                    "--progress: csv, json, ndjson, table)", uk_format_name(o.format));
		goto out;
	}
	if (!year_s && !explain) {
		rc = uk_usage_error(usage, "--year is needed");
		goto out;
	}
	if (modes > 1 || (modes && !explain && optind < argc) || argc - optind > 1) {
		rc = uk_usage_error(usage, "use just one of --template, --show, --progress, --copy-from, "
		                    "--explain and FILE");
		goto out;
	}
	if (!year_s)  /* --explain: a made title says this year */
		year = uk_date_today().y;
	else if (year_of(year_s, &year) != 0 || (copy_s && year_of(copy_s, &copy) != 0)) {
		uk_err("a year is 1900 to 9999, not '%s'", year_of(year_s, &year) ? year_s : copy_s);
		rc = UK_EX_DATAERR;
		goto out;
	}
	if (template) {
		if ((rc = uk_store_setting(&o, "union.name", &union_name)) == 0)
			rc = uk_plan_template_write(stdout, year, union_name);
		goto out;
	}
	if (progress) {
		struct uk_date at = uk_date_today();
		const char *why;
		struct uk_writer *w = NULL;
		int ncols;
		const struct uk_outcol *cols = uk_plan_progress_cols(&ncols);
		if (at_s && uk_date_parse(at_s, &at, &why) != 0) {
			rc = uk_bad_value("--at", at_s, why);
			goto out;
		}
		if ((rc = uk_store_open(&o, UK_DB_READ, &db)) == 0)
			rc = uk_words_writer(&o, cols, ncols, UK_COLS_OWN, &w);
		if (!rc)
			rc = uk_plan_progress(db, year, at, w);
		rc = uk_writer_close(w, rc);
		goto out;
	}
	if (explain) {
		struct uk_plan_read how = {year, NULL, 0, stdout};
		if ((rc = plan_text(argc, argv, &text, &len, &name)) == 0 &&
		    (rc = uk_store_setting(&o, "union.name", &union_name)) == 0) {
			how.union_name = union_name;
			rc = uk_plan_parse(text, len, name, &how, &p);
		}
		goto out;
	}
	if (show) {
		if ((rc = uk_store_open(&o, UK_DB_READ, &db)) == 0 && (rc = uk_plan_load(db, year, &p)) == 0)
			rc = render(&o, p);
		goto out;
	}
	if (!copy_s && (rc = plan_text(argc, argv, &text, &len, &name)) != 0)
		goto out;
	if ((rc = uk_store_open(&o, UK_DB_WRITE, &db)) != 0 || (rc = uk_db_begin(db)) != 0)
		goto out;
	if (copy_s) {
		if ((rc = uk_plan_load(db, copy, &p)) == 0)
			retitle(p, copy, year);
	} else if ((rc = uk_config_get(db, "union.name", &union_name)) == 0) {
		struct uk_plan_read how = {year, union_name, o.quiet, NULL};
		rc = uk_plan_parse(text, len, name, &how, &p);
	}
	if (!rc) {
		p->year = year;
		rc = uk_plan_store(db, p, replace);
	}
	if (!rc && !o.dry_run)
		rc = uk_db_commit(db);
	uk_db_rollback(db);
	if (!rc)
		rc = render(&o, p);
out:
	free(text);
	free(union_name);
	uk_plan_free(p);
	uk_db_close(db);
	uk_opts_free(&o);
	return uk_finish_stdout(rc);
}
