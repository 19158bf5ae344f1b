/* union-config - get and set the union's profile and settings, like git
 * config: every key is known and every value checked. */
#include "uk_cli.h"
#include "uk_columns.h"
#include "uk_config.h"
#include "uk_i18n.h"
#include "uk_rec.h"
#include "uk_store.h"
#include "uk_vocabs.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
	N_("usage: union-config init [--name NAME]\n"
	"       union-config KEY [VALUE]\n"
	"       union-config --unset KEY\n"
	"       union-config --list [-f FORMAT]\n"
	"       union-config vocab [NAME]\n"
	"Create the union's database, or get and set its profile and settings.\n"
	"\n"
	"  init                 create the database (mode 0600); no other tool does\n"
	"  --name NAME          with init: set union.name at once\n"
	"Keys: union.name union.level union.parent union.code union.unit_type\n"
	"      funds.allocation_share disputes.limit_days disputes.collective_threshold\n"
	"      disclosure.frequency care.cap.KIND (sick birth wedding retirement\n"
	"      bereavement birthday holiday)\n"
	"  --list               every key with its value (set or default)\n"
	"  --unset KEY          remove a value (the default applies again)\n"
	"  --dry-run            check a value, write nothing\n"
	"  vocab [NAME]         the vocabularies, or the values of one, in both languages\n"
	"Each form takes only its own options: -f and --excel go with --list.\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel  -q, --quiet\n"
	"  -h, --help  --lang zh|en  --version\n");

static const char usage_init[] =
	N_("usage: union-config init [--name NAME] [--dry-run]\n"
	"Create the union's database (mode 0600); no other tool does.\n"
	"\n"
	"  --name NAME          set union.name at once\n"
	"  --dry-run            check the name and the path, create nothing\n"
	"Common:\n"
	"  -d, --db PATH  -q, --quiet  -h, --help  --lang zh|en  --version\n");

static const char usage_vocab[] =
	N_("usage: union-config vocab [NAME]\n"
	"The vocabularies: the values a field takes, each read in English or Chinese.\n"
	"Without NAME a line per vocabulary: NAME, its Chinese name, and the options\n"
	"(TOOL:--OPTION) and operands (TOOL:COMMAND:N) that read it. With NAME a line\n"
	"per value: the slug, the Chinese name, and the other words for it (a, b).\n"
	"Fields are separated by tabs. No database is needed.\n"
	"Common:\n"
	"  -h, --help  --lang zh|en  --version\n");

enum { OPT_LIST = UK_OPT_TOOL, OPT_UNSET, OPT_NAME };

struct args { const char *name, *unset; int list; };

static int run_init(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	(void)pos;
	if (npos)
		return uk_usage_error(usage_init, "init takes no other argument than --name NAME");
	return uk_store_init(o, a->name);
}

static int run_list(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct uk_outcol *cols;
	struct uk_db *db = NULL;
	struct uk_writer *w = NULL;
	int rc, ncols;
	(void)ctx, (void)pos, (void)npos;
	cols = uk_config_outcols(&ncols);
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0 && (rc = uk_words_writer(o, cols, ncols, UK_COLS_OWN, &w)) == 0)
		rc = uk_writer_close(w, uk_config_list(db, w));
	uk_db_close(db);
	return rc;
}

static int run_vocab(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	(void)o, (void)ctx;
	if (npos > 1)
		return uk_usage_error(usage_vocab, "vocab takes at most one NAME");
	if (uk_vocab_print(stdout, npos ? pos[0] : NULL) != 0) {
		uk_err("no vocabulary '%s' (union-config vocab lists them)", pos[0]);
		return UK_EX_DATAERR;
	}
	return UK_EX_OK;
}

/* The key and its value, checked before the database is opened: an
 * unknown key or a bad value is 65 whether the books exist or not. */
static int value_of(const char *key, const char *value, const struct uk_config_key **k, char **v)
{
	char err[400];
	int rc = uk_config_value(key, value, k, v, err, sizeof err);
	if (rc == -1) {
		uk_err("%s", err);
		return UK_EX_DATAERR;
	}
	return rc;
}

struct unset { const char *key; int removed; };

static int unset_key(struct uk_db *db, void *ctx, char *err, size_t errsz)
{
	struct unset *u = ctx;
	(void)err, (void)errsz;
	return uk_config_unset(db, u->key, &u->removed);
}

static int run_unset(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct args *a = ctx;
	const struct uk_config_key *k;
	struct unset u = {a->unset, 0};
	char *v;
	int rc;
	(void)pos, (void)npos;
	if ((rc = value_of(a->unset, NULL, &k, &v)) != 0 || (rc = uk_store_write(o, unset_key, &u)) != 0)
		return rc;
	if (!u.removed && !o->dry_run && !o->quiet)
		uk_err("%s was not set", a->unset);
	return UK_EX_OK;
}

struct set { const char *key, *value; };

static int set_key(struct uk_db *db, void *ctx, char *err, size_t errsz)
{
	const struct set *s = ctx;
	(void)err, (void)errsz;
	return uk_config_set(db, s->key, s->value);
}

/* KEY alone prints its value; KEY VALUE stores it. */
static int run_key(const struct uk_opts *o, const void *ctx, char **pos, int npos)
{
	const struct uk_config_key *k;
	struct uk_db *db = NULL;
	char *v = NULL;
	int rc;
	(void)ctx;
	if ((rc = value_of(pos[0], npos > 1 ? pos[1] : NULL, &k, &v)) != 0)
		return rc;
	if (npos > 1) {
		struct set s = {k->key, v};
		rc = uk_store_write(o, set_key, &s);
	} else if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0 &&
	           (rc = uk_config_get(db, k->key, &v)) == 0) {
		if (v)
			printf("%s\n", v);
		else
			rc = UK_EX_SKIPPED;  /* unset, like git config: status 1, no output */
	}
	uk_db_close(db);
	free(v);
	return rc;
}

/* The options each form takes (-h, --version, -d and -q go with every one). */
static const int opts_init[] = {OPT_NAME, UK_OPT_DRY_RUN, 0};
static const int opts_key[] = {UK_OPT_DRY_RUN, 0};
static const int opts_unset[] = {OPT_UNSET, UK_OPT_DRY_RUN, 0};
static const int opts_list[] = {OPT_LIST, 'f', UK_OPT_EXCEL, 0};
static const int opts_vocab[] = {0};

static const struct uk_subcmd commands[] = {
	{"init", usage_init, opts_init, run_init},
	{"vocab", usage_vocab, opts_vocab, run_vocab},
	{NULL, NULL, NULL, NULL},
};

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		UK_LONGOPTS_COMMON, UK_LONGOPTS_WRITE,
		{"list", no_argument, 0, OPT_LIST}, {"unset", required_argument, 0, OPT_UNSET},
		{"name", required_argument, 0, OPT_NAME},
		{0, 0, 0, 0},
	};
	struct uk_opts o = {0};
	struct uk_optseen seen = {0};
	struct args a = {NULL, NULL, 0};
	struct uk_subcmd form = {NULL, usage, NULL, NULL};
	const struct uk_subcmd *cmd;
	int c, rc = 0, done = 0, nargs;

	/* getopt names argv[0] in its messages: the same name as ours. */
	argv[0] = (char *)uk_cli_start(argc, argv);
	/* The command first, so that init -h is init's own. */
	cmd = uk_subcmd_find(commands, uk_subcmd_name(argc, argv, longopts, UK_SHORTOPTS_COMMON));
	while ((c = getopt_long(argc, argv, UK_SHORTOPTS_COMMON, longopts, NULL)) != -1) {
		uk_optseen_add(&seen, c);
		switch (c) {
		case OPT_LIST: a.list = 1; break;
		case OPT_UNSET: a.unset = optarg; break;
		case OPT_NAME: a.name = optarg; break;
		default:
			if ((rc = uk_opts_handle(&o, c, optarg, cmd ? cmd->usage : usage, &done)) != 0 || done)
				goto out;
		}
	}
	nargs = argc - optind;
	if (!(nargs && (cmd = uk_subcmd_find(commands, argv[optind])))) {
		/* The settings forms, git config's: --list, --unset KEY, KEY
		 * [VALUE]; each checked for the options it takes as a command
		 * is (the key names the form in messages). */
		if (a.name) {
			rc = uk_usage_error(usage, "--name goes with init (to change the name: union-config union.name NAME)");
			goto out;
		}
		if ((a.list && (a.unset || nargs)) || (a.unset && nargs)) {
			rc = uk_usage_error(usage, "use just one of --list, --unset KEY and KEY [VALUE]");
			goto out;
		}
		if (!a.list && !a.unset && (nargs < 1 || nargs > 2)) {
			rc = nargs ? uk_usage_error(usage, "too many arguments") :
			     uk_usage_error(usage, "no KEY given");
			goto out;
		}
		form.name = a.list ? "--list" : a.unset ? "--unset" : argv[optind];
		form.opts = a.list ? opts_list : a.unset ? opts_unset : opts_key;
		form.run = a.list ? run_list : a.unset ? run_unset : run_key;
		cmd = &form;
	} else {
		optind++;  /* the command's name */
	}
	if ((rc = uk_subcmd_check(cmd, &seen, longopts)) == 0)
		rc = cmd->run(&o, &a, argv + optind, argc - optind);
out:
	uk_opts_free(&o);
	return uk_finish_stdout(rc);
}
