/* union-register - a federation's register of its grassroots unions:
 * unions, their firms and dated facts, collective contracts, audits. */
#include "uk_unions.h"
#include "uk_cli.h"
#include "uk_columns.h"
#include "uk_i18n.h"
#include "uk_rec.h"
#include "uk_store.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
	N_("usage: union-register add NAME --type 单建|联合 [--code USCC] [--founded DATE]\n"
	"                [--chair NAME] [--members N] [--firm NAME[:USCC[:WORKERS]]]...\n"
	"                [--hardship-fund yes|no|n/a] [--fund-size A] [--mediators N]\n"
	"                [--congress DATE] [--date DATE]\n"
	"       union-register set UNION [--name NAME] [--firm-left NAME] [the options of add]\n"
	"       union-register dissolve UNION --date DATE --reason TEXT\n"
	"       union-register ls [--at DATE] [--type T] [--all] [--audit-open]\n"
	"       union-register show UNION\n"
	"       union-register import [FILE|-]\n"
	"       union-register contract UNION --kind K --signed DATE --term-years N\n"
	"                --workers N [--wage-increase PCT]\n"
	"       union-register contracts [--expiring DAYS | --lapsed DAYS] [--at DATE]\n"
	"       union-register audit UNION --date DATE --findings TEXT [--rectified DATE]\n"
	"       union-register rectify AUDIT_ID --date DATE\n"
	"       union-register void contract|audit ID --reason TEXT\n"
	"       union-register stats [--year Y]\n"
	"The federation's register of its grassroots unions, their contracts and audits.\n"
	"\n"
	"  UNION                a union's name or its unified social credit code\n"
	"  contract kinds: collective (集体合同) wage (工资专项) women (女职工专项)\n"
	"  --allow-future       take a date after today (refused as a typo otherwise)\n"
	"Records:\n"
	"  --map HEADER=COLUMN  --encoding ENC  --input-format csv|json  --strict\n"
	"  --ignore COLUMN  --skip-bad  --rejects FILE  --dry-run\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel  -q, --quiet\n"
	"  -h, --help  --lang zh|en  --version\n");

static const char add_usage[] =
	N_("usage: union-register add NAME --type 单建|联合 [--code USCC] [--founded DATE]\n"
	"                [--chair NAME] [--members N] [--firm NAME[:USCC[:WORKERS]]]...\n"
	"                [--hardship-fund yes|no|n/a] [--fund-size A] [--mediators N]\n"
	"                [--congress DATE] [--date DATE]\n"
	"Add a union to the register.\n"
	"\n"
	"  --type T             单建 (single: one employer) or 联合 (joint: several firms)\n"
	"  --code USCC          its unified social credit code\n"
	"  --founded DATE       the day it was founded\n"
	"  --firm SPEC          a firm it covers (again for each firm of a joint union)\n"
	"  --hardship-fund F    its internal hardship fund: yes, no, or n/a (not required)\n"
	"  --fund-size A        the fund's size, yuan\n"
	"  --mediators N        the mediators of its mediation committee (0: none)\n"
	"  --congress DATE      a 职代会 held that day\n"
	"  --date DATE          the day of these facts (default: founded, else today)\n"
	"Common:\n"
	"  -d, --db PATH  --dry-run  --allow-future  -q, --quiet  -h, --help  --lang zh|en\n");

static const char set_usage[] =
	N_("usage: union-register set UNION [--name NAME] [--type T] [--code USCC]\n"
	"                [--founded DATE] [--chair NAME] [--members N] [--firm SPEC]...\n"
	"                [--firm-left NAME] [--hardship-fund F] [--fund-size A]\n"
	"                [--mediators N] [--congress DATE] [--date DATE]\n"
	"Change a union: what differs is written, dated --date (default today);\n"
	"a firm is added, or its code and workers changed; --firm-left: a firm it\n"
	"no longer covers.\n"
	"Common:\n"
	"  -d, --db PATH  --dry-run  --allow-future  -q, --quiet  -h, --help  --lang zh|en\n");

static const char dissolve_usage[] =
	N_("usage: union-register dissolve UNION --date DATE --reason TEXT\n"
	"Record that a union was dissolved (撤销); it stays in the register's history.\n"
	"Common:\n"
	"  -d, --db PATH  --dry-run  --allow-future  -q, --quiet  -h, --help  --lang zh|en\n");

static const char ls_usage[] =
	N_("usage: union-register ls [--at DATE] [--type T] [--all] [--audit-open]\n"
	"List the unions in the register on DATE (default today), facts as of then.\n"
	"\n"
	"  --type T             单建 or 联合 only\n"
	"  --all                the dissolved and those not yet founded too\n"
	"  --audit-open         only the unions with audit findings not rectified\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel  -q, --quiet\n"
	"  -h, --help  --lang zh|en  --version\n");

static const char show_usage[] =
	N_("usage: union-register show UNION\n"
	"A union whole: its record, firms, dated facts, congresses, contracts, audits.\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel  -q, --quiet\n"
	"  -h, --help  --lang zh|en  --version\n");

static const char import_usage[] =
	N_("usage: union-register import [FILE|-]\n"
	"Add or change unions from the records ls writes (name, type, code, founded,\n"
	"chair, members, firms, hardship_fund, fund_size, mediators, congress, date).\n"
	"A union is known by its code, else its name; a record that changes nothing is\n"
	"counted unchanged. Any bad record writes nothing, unless --skip-bad.\n"
	"Records:\n"
	"  --map HEADER=COLUMN  --encoding ENC  --input-format csv|json  --strict\n"
	"  --ignore COLUMN  --skip-bad  --rejects FILE  --excel  --dry-run  --allow-future\n"
	"Common:\n"
	"  -d, --db PATH  -q, --quiet  -h, --help  --lang zh|en  --version\n");

static const char contract_usage[] =
	N_("usage: union-register contract UNION --kind K --signed DATE --term-years N\n"
	"                --workers N [--wage-increase PCT]\n"
	"Record a collective contract; it ends the day before the anniversary of its\n"
	"signing after its term. Its id is printed.\n"
	"\n"
	"  --kind K             集体合同 (collective), 工资专项 (wage), 女职工专项 (women)\n"
	"  --workers N          the workers it covers\n"
	"  --wage-increase PCT  the wage rise agreed, in % (工资专项)\n"
	"Common:\n"
	"  -d, --db PATH  --dry-run  --allow-future  -q, --quiet  -h, --help  --lang zh|en\n");

static const char contracts_usage[] =
	N_("usage: union-register contracts [--expiring DAYS | --lapsed DAYS] [--at DATE]\n"
	"The contracts in force on DATE (default today); with --expiring, those that\n"
	"end within DAYS and have not been renewed; with --lapsed, those that ended\n"
	"in the DAYS before and were not renewed.\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel  -q, --quiet\n"
	"  -h, --help  --lang zh|en  --version\n");

static const char audit_usage[] =
	N_("usage: union-register audit UNION --date DATE --findings TEXT [--rectified DATE]\n"
	"Record an audit of a union's finances (经审) and what it found; its id is\n"
	"printed. Findings stay open until rectified.\n"
	"Common:\n"
	"  -d, --db PATH  --dry-run  --allow-future  -q, --quiet  -h, --help  --lang zh|en\n");

static const char rectify_usage[] =
	N_("usage: union-register rectify AUDIT_ID --date DATE\n"
	"Record that an audit's findings were rectified (整改) that day.\n"
	"Common:\n"
	"  -d, --db PATH  --dry-run  --allow-future  -q, --quiet  -h, --help  --lang zh|en\n");

static const char void_usage[] =
	N_("usage: union-register void contract|audit ID --reason TEXT\n"
	"Void a contract or an audit entered by mistake: it leaves every list and\n"
	"figure and stays in the database with when and why.\n"
	"Common:\n"
	"  -d, --db PATH  --dry-run  -q, --quiet  -h, --help  --lang zh|en\n");

static const char stats_usage[] =
	N_("usage: union-register stats [--year Y]\n"
	"The federation's figures of the year (default this one), as of its end or\n"
	"today: unions by type, firms covered, founded, hardship funds and their share,\n"
	"mediation, congresses, contracts in force and expiring, audits.\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel  -q, --quiet\n"
	"  -h, --help  --lang zh|en  --version\n");

enum { OPT_TYPE = UK_OPT_TOOL, OPT_CODE, OPT_FOUNDED, OPT_CHAIR, OPT_MEMBERS, OPT_FIRM, OPT_HARDSHIP_FUND,
       OPT_FUND_SIZE, OPT_MEDIATORS, OPT_CONGRESS, OPT_DATE, OPT_NAME, OPT_REASON, OPT_AT, OPT_ALL,
       OPT_AUDIT_OPEN, OPT_KIND, OPT_SIGNED, OPT_TERM_YEARS, OPT_WORKERS, OPT_WAGE_INCREASE, OPT_EXPIRING,
       OPT_FINDINGS, OPT_RECTIFIED, OPT_YEAR, OPT_FIRM_LEFT, OPT_LAPSED };

struct args {
	struct uk_union_in in;
	const char **firms;
	const char *reason, *at, *kind, *signed_on, *term_years, *workers, *wage_increase, *expiring, *lapsed;
	const char *findings, *rectified, *year;
	int all, audit_open;
};

struct write_ctx {
	const struct args *a;
	const struct uk_opts *o;
	const char *which;
	int64_t id;
	int changed;
};

static struct uk_union_in union_in(const struct write_ctx *c)
{
	struct uk_union_in in = c->a->in;
	in.allow_future = c->o->allow_future;
	in.quiet = c->o->quiet;
	return in;
}

static int add_step(struct uk_db *db, void *ctx, char *err, size_t errsz)
{
	struct write_ctx *c = ctx;
	struct uk_union_in in = union_in(c);
	in.name = c->which;
	return uk_union_add(db, &in, &c->id, err, errsz);
}

static int set_step(struct uk_db *db, void *ctx, char *err, size_t errsz)
{
	struct write_ctx *c = ctx;
	struct uk_union_in in = union_in(c);
	return uk_union_set(db, c->which, &in, &c->changed, err, errsz);
}

static int dissolve_step(struct uk_db *db, void *ctx, char *err, size_t errsz)
{
	struct write_ctx *c = ctx;
	return uk_union_dissolve(db, c->which, c->a->in.date, c->a->reason, c->o->allow_future, err, errsz);
}

static int contract_step(struct uk_db *db, void *ctx, char *err, size_t errsz)
{
	struct write_ctx *c = ctx;
	struct uk_contract_in in = {c->which, c->a->kind, c->a->signed_on, c->a->term_years, c->a->workers,
	                            c->a->wage_increase, c->o->allow_future};
	return uk_union_contract(db, &in, &c->id, err, errsz);
}

static int audit_step(struct uk_db *db, void *ctx, char *err, size_t errsz)
{
	struct write_ctx *c = ctx;
	return uk_union_audit(db, c->which, c->a->in.date, c->a->findings, c->a->rectified, c->o->allow_future,
	                      &c->id, err, errsz);
}

static int rectify_step(struct uk_db *db, void *ctx, char *err, size_t errsz)
{
	struct write_ctx *c = ctx;
	return uk_union_rectify(db, c->id, c->a->in.date, c->o->allow_future, err, errsz);
}

static int void_step(struct uk_db *db, void *ctx, char *err, size_t errsz)
{
	struct write_ctx *c = ctx;
	return uk_union_void(db, c->which, c->id, c->a->reason, err, errsz);
}

static int import_records(struct uk_db *db, struct uk_reader *r, const struct uk_opts *o, void *ctx,
                          struct uk_import_counts *n)
{
	(void)ctx;
	return uk_union_import(db, r, o->rejects, o->allow_future, o->quiet, &n->added, &n->changed, &n->unchanged,
	                       &n->bad);
}

/* A command on one union: its name or code the one operand. */
static int one_union(const struct uk_opts *o, const struct args *a, char **pos, int npos, const char *what,
                     int (*step)(struct uk_db *, void *, char *, size_t), int print_id)
{
	struct write_ctx c = {a, o, NULL, 0, 0};
	int rc;
	if (npos != 1)
		return uk_usage_error(usage, "%s takes the union's name (or code)", what);
	c.which = pos[0];
	rc = uk_store_write(o, step, &c);
	if (!rc && print_id && !o->dry_run)
		printf("%lld\n", (long long)c.id);
	return rc;
}

static int cmd_add(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	return one_union(o, ctx, pos, npos, "add", add_step, 0);
}

static int cmd_set(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	return one_union(o, ctx, pos, npos, "set", set_step, 0);
}

static int cmd_dissolve(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	if (!a->in.date || !a->reason)
		return uk_usage_error(usage, "dissolve needs --date and --reason");
	return one_union(o, ctx, pos, npos, "dissolve", dissolve_step, 0);
}

static int cmd_contract(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	if (!a->kind || !a->signed_on || !a->term_years || !a->workers)
		return uk_usage_error(usage, "contract needs --kind, --signed, --term-years and --workers");
	return one_union(o, ctx, pos, npos, "contract", contract_step, 1);
}

static int cmd_audit(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	if (!a->in.date || !a->findings)
		return uk_usage_error(usage, "audit needs --date and --findings");
	return one_union(o, ctx, pos, npos, "audit", audit_step, 1);
}

static int cmd_rectify(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct write_ctx c = {a, o, NULL, 0, 0};
	char *end;
	if (npos != 1)
		return uk_usage_error(usage, "rectify takes the id of an audit");
	c.id = strtoll(pos[0], &end, 10);
	if (*end || c.id <= 0)
		return uk_usage_error(usage, "rectify takes the id of an audit, not '%s'", pos[0]);
	if (!a->in.date)
		return uk_usage_error(usage, "rectify needs --date");
	return uk_store_write(o, rectify_step, &c);
}

static int cmd_void(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct write_ctx c = {a, o, NULL, 0, 0};
	char *end;
	if (npos != 2 || (strcmp(pos[0], "contract") && strcmp(pos[0], "audit")))
		return uk_usage_error(usage, "void takes contract or audit, and its id");
	c.which = pos[0];
	c.id = strtoll(pos[1], &end, 10);
	if (*end || c.id <= 0)
		return uk_usage_error(usage, "void takes the id of a %s, not '%s'", pos[0], pos[1]);
	if (!a->reason)
		return uk_usage_error(usage, "void needs --reason");
	return uk_store_write(o, void_step, &c);
}

static int cmd_import(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	int ncols;
	const struct uk_colspec *cols = uk_union_colspec(&ncols);
	(void)ctx;
	return uk_store_import(o, usage, pos, npos, cols, ncols, import_records, NULL);
}

/* The day of a listing: --at, else today. */
static int at_of(const char *s, struct uk_date *d)
{
	const char *why;
	*d = uk_date_today();
	if (s && uk_date_parse(s, d, &why) != 0)
		return uk_bad_value("--at", s, why);
	return 0;
}

static int listing(const struct uk_opts *o, const struct uk_outcol *cols, int ncols, enum uk_columns_of of,
                   int (*list)(struct uk_db *, const struct args *, struct uk_writer *, char *, size_t),
                   const struct args *a)
{
	struct uk_db *db = NULL;
	struct uk_writer *w = NULL;
	char err[400] = "";
	int rc;
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0 &&
	    (rc = uk_words_writer(o, cols, ncols, of, &w)) == 0)
		rc = list(db, a, w, err, sizeof err);
	if (rc < 0) {
		uk_err("%s", err);
		rc = UK_EX_DATAERR;
	}
	rc = uk_writer_close(w, rc);
	uk_db_close(db);
	return rc;
}

static int list_unions(struct uk_db *db, const struct args *a, struct uk_writer *w, char *err, size_t errsz)
{
	struct uk_union_filter f = {uk_date_today(), a->in.type, a->all, a->audit_open};
	(void)err, (void)errsz;
	at_of(a->at, &f.at);
	return uk_union_list(db, &f, w);
}

static int cmd_ls(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct uk_date d;
	int ncols, rc;
	const struct uk_outcol *cols = uk_union_outcols(&ncols);
	(void)pos;
	if (npos)
		return uk_usage_error(usage, "ls takes options only");
	if ((rc = at_of(a->at, &d)) != 0)
		return rc;
	return listing(o, cols, ncols, UK_COLS_UNIONS, list_unions, a);
}

static int show_union(struct uk_db *db, const struct args *a, struct uk_writer *w, char *err, size_t errsz)
{
	return uk_union_show(db, a->in.name, w, err, errsz);
}

static int cmd_show(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	struct args a = *(const struct args *)ctx;
	int ncols;
	const struct uk_outcol *cols = uk_union_show_outcols(&ncols);
	if (npos != 1)
		return uk_usage_error(usage, "show takes the union's name (or code)");
	a.in.name = pos[0];
	return listing(o, cols, ncols, UK_COLS_OWN, show_union, &a);
}

static int list_contracts(struct uk_db *db, const struct args *a, struct uk_writer *w, char *err, size_t errsz)
{
	struct uk_date at;
	long days = -1, lapsed = -1;
	/* Checked before the database was opened; read as checked (full-width
	 * digits too). */
	at_of(a->at, &at);
	if (a->expiring && uk_whole_check(a->expiring, N_("--expiring"), 0, 3660, &days, err, errsz) != 0)
		return -1;
	if (a->lapsed && uk_whole_check(a->lapsed, N_("--lapsed"), 0, 3660, &lapsed, err, errsz) != 0)
		return -1;
	return uk_union_contracts(db, at, days, lapsed, w);
}

static int cmd_contracts(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct uk_date d;
	char err[200];
	long days;
	int ncols, rc;
	const struct uk_outcol *cols = uk_union_contract_outcols(&ncols);
	(void)pos;
	if (npos)
		return uk_usage_error(usage, "contracts takes options only");
	if ((rc = at_of(a->at, &d)) != 0)
		return rc;
	if (a->expiring && a->lapsed)
		return uk_usage_error(usage, "use just one of --expiring and --lapsed");
	if (a->expiring && uk_whole_check(a->expiring, N_("--expiring"), 0, 3660, &days, err, sizeof err) != 0)
		return uk_bad_value("--expiring", a->expiring, N_("a whole number of days from 0 to 3660"));
	if (a->lapsed && uk_whole_check(a->lapsed, N_("--lapsed"), 0, 3660, &days, err, sizeof err) != 0)
		return uk_bad_value("--lapsed", a->lapsed, N_("a whole number of days from 0 to 3660"));
	return listing(o, cols, ncols, UK_COLS_OWN, list_contracts, a);
}

static int year_stats(struct uk_db *db, const struct args *a, struct uk_writer *w, char *err, size_t errsz)
{
	struct uk_period p;
	const char *why;
	char y[8];
	(void)err, (void)errsz;
	snprintf(y, sizeof y, "%d", uk_date_today().y);
	uk_period_parse_year(a->year ? a->year : y, &p, &why);
	return uk_union_stats(db, p, w);
}

static int cmd_stats(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	struct uk_period p;
	const char *why;
	int ncols;
	const struct uk_outcol *cols = uk_union_stats_outcols(&ncols);
	(void)pos;
	if (npos)
		return uk_usage_error(usage, "stats takes options only");
	if (a->year && uk_period_parse_year(a->year, &p, &why) != 0)
		return uk_bad_value("--year", a->year, why);
	return listing(o, cols, ncols, UK_COLS_OWN, year_stats, a);
}

#define FACT_OPTS OPT_TYPE, OPT_CODE, OPT_FOUNDED, OPT_CHAIR, OPT_MEMBERS, OPT_FIRM, OPT_HARDSHIP_FUND, \
	OPT_FUND_SIZE, OPT_MEDIATORS, OPT_CONGRESS, OPT_DATE, UK_OPT_ALLOW_FUTURE, UK_OPT_DRY_RUN
static const int add_opts[] = {FACT_OPTS, 0};
static const int set_opts[] = {FACT_OPTS, OPT_NAME, OPT_FIRM_LEFT, 0};
static const int dissolve_opts[] = {OPT_DATE, OPT_REASON, UK_OPT_ALLOW_FUTURE, UK_OPT_DRY_RUN, 0};
static const int ls_opts[] = {'f', UK_OPT_EXCEL, OPT_AT, OPT_TYPE, OPT_ALL, OPT_AUDIT_OPEN, 0};
static const int show_opts[] = {'f', UK_OPT_EXCEL, 0};
static const int import_opts[] = {UK_OPT_DRY_RUN, UK_OPT_SKIP_BAD, UK_OPT_STRICT, UK_OPT_REJECTS, UK_OPT_ENCODING,
                                  UK_OPT_INPUT_FORMAT, UK_OPT_MAP, UK_OPT_IGNORE, UK_OPT_EXCEL,
                                  UK_OPT_ALLOW_FUTURE, 0};
static const int contract_opts[] = {OPT_KIND, OPT_SIGNED, OPT_TERM_YEARS, OPT_WORKERS, OPT_WAGE_INCREASE,
                                    UK_OPT_ALLOW_FUTURE, UK_OPT_DRY_RUN, 0};
static const int contracts_opts[] = {'f', UK_OPT_EXCEL, OPT_EXPIRING, OPT_LAPSED, OPT_AT, 0};
static const int audit_opts[] = {OPT_DATE, OPT_FINDINGS, OPT_RECTIFIED, UK_OPT_ALLOW_FUTURE, UK_OPT_DRY_RUN, 0};
static const int rectify_opts[] = {OPT_DATE, UK_OPT_ALLOW_FUTURE, UK_OPT_DRY_RUN, 0};
static const int stats_opts[] = {'f', UK_OPT_EXCEL, OPT_YEAR, 0};
static const int void_opts[] = {OPT_REASON, UK_OPT_DRY_RUN, 0};

static const struct uk_subcmd commands[] = {
	{"add", add_usage, add_opts, cmd_add},
	{"set", set_usage, set_opts, cmd_set},
	{"dissolve", dissolve_usage, dissolve_opts, cmd_dissolve},
	{"ls", ls_usage, ls_opts, cmd_ls},
	{"show", show_usage, show_opts, cmd_show},
	{"import", import_usage, import_opts, cmd_import},
	{"contract", contract_usage, contract_opts, cmd_contract},
	{"contracts", contracts_usage, contracts_opts, cmd_contracts},
	{"audit", audit_usage, audit_opts, cmd_audit},
	{"rectify", rectify_usage, rectify_opts, cmd_rectify},
	{"void", void_usage, void_opts, cmd_void},
	{"stats", stats_usage, stats_opts, cmd_stats},
	{NULL, NULL, NULL, NULL},
};

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		UK_LONGOPTS_COMMON, UK_LONGOPTS_WRITE, UK_LONGOPTS_IMPORT, UK_LONGOPTS_FUTURE,
		{"type", required_argument, 0, OPT_TYPE}, {"code", required_argument, 0, OPT_CODE},
		{"founded", required_argument, 0, OPT_FOUNDED}, {"chair", required_argument, 0, OPT_CHAIR},
		{"members", required_argument, 0, OPT_MEMBERS}, {"firm", required_argument, 0, OPT_FIRM},
		{"hardship-fund", required_argument, 0, OPT_HARDSHIP_FUND},
		{"fund-size", required_argument, 0, OPT_FUND_SIZE}, {"mediators", required_argument, 0, OPT_MEDIATORS},
		{"congress", required_argument, 0, OPT_CONGRESS}, {"date", required_argument, 0, OPT_DATE},
		{"name", required_argument, 0, OPT_NAME}, {"reason", required_argument, 0, OPT_REASON},
		{"at", required_argument, 0, OPT_AT}, {"all", no_argument, 0, OPT_ALL},
		{"audit-open", no_argument, 0, OPT_AUDIT_OPEN}, {"kind", required_argument, 0, OPT_KIND},
		{"signed", required_argument, 0, OPT_SIGNED}, {"term-years", required_argument, 0, OPT_TERM_YEARS},
		{"workers", required_argument, 0, OPT_WORKERS},
		{"wage-increase", required_argument, 0, OPT_WAGE_INCREASE},
		{"expiring", required_argument, 0, OPT_EXPIRING}, {"findings", required_argument, 0, OPT_FINDINGS},
		{"rectified", required_argument, 0, OPT_RECTIFIED}, {"year", required_argument, 0, OPT_YEAR},
		{"firm-left", required_argument, 0, OPT_FIRM_LEFT}, {"lapsed", required_argument, 0, OPT_LAPSED},
		{0, 0, 0, 0},
	};
	struct uk_opts o = {0};
	struct uk_optseen seen = {0};
	struct args a;
	const struct uk_subcmd *cmd;
	int c, rc = 0, done = 0, nfirms = 0;

	memset(&a, 0, sizeof a);
	argv[0] = (char *)uk_cli_start(argc, argv);
	cmd = uk_subcmd_find(commands, uk_subcmd_name(argc, argv, longopts, UK_SHORTOPTS_COMMON));
	while ((c = getopt_long(argc, argv, UK_SHORTOPTS_COMMON, longopts, NULL)) != -1) {
		uk_optseen_add(&seen, c);
		switch (c) {
		case OPT_TYPE: a.in.type = optarg; break;
		case OPT_CODE: a.in.code = optarg; break;
		case OPT_FOUNDED: a.in.founded = optarg; break;
		case OPT_CHAIR: a.in.chair = optarg; break;
		case OPT_MEMBERS: a.in.members = optarg; break;
		case OPT_FIRM:
			if (uk_strv_push(&a.firms, &nfirms, optarg) != 0) {
				rc = uk_err_nomem();
				goto out;
			}
			break;
		case OPT_HARDSHIP_FUND: a.in.hardship_fund = optarg; break;
		case OPT_FUND_SIZE: a.in.fund_size = optarg; break;
		case OPT_MEDIATORS: a.in.mediators = optarg; break;
		case OPT_CONGRESS: a.in.congress = optarg; break;
		case OPT_DATE: a.in.date = optarg; break;
		case OPT_NAME: a.in.new_name = optarg; break;
		case OPT_FIRM_LEFT: a.in.firm_left = optarg; break;
		case OPT_REASON: a.reason = optarg; break;
		case OPT_AT: a.at = optarg; break;
		case OPT_ALL: a.all = 1; break;
		case OPT_AUDIT_OPEN: a.audit_open = 1; break;
		case OPT_KIND: a.kind = optarg; break;
		case OPT_SIGNED: a.signed_on = optarg; break;
		case OPT_TERM_YEARS: a.term_years = optarg; break;
		case OPT_WORKERS: a.workers = optarg; break;
		case OPT_WAGE_INCREASE: a.wage_increase = optarg; break;
		case OPT_EXPIRING: a.expiring = optarg; break;
		case OPT_LAPSED: a.lapsed = optarg; break;
		case OPT_FINDINGS: a.findings = optarg; break;
		case OPT_RECTIFIED: a.rectified = optarg; break;
		case OPT_YEAR: a.year = optarg; break;
		default:
			if ((rc = uk_opts_handle(&o, c, optarg, cmd ? cmd->usage : usage, &done)) != 0 || done)
				goto out;
		}
	}
	a.in.firms = a.firms;
	a.in.nfirms = nfirms;
	rc = uk_subcmd_run(commands, cmd, usage, &seen, longopts, &o, &a, argc, argv, optind);
out:
	free(a.firms);
	uk_opts_free(&o);
	return uk_finish_stdout(rc);
}
