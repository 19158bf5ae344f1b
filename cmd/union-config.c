/* union-config - get and set the union's profile and settings, like git
 * config: every key is known and every value checked. */
#include "uk_cli.h"
#include "uk_config.h"
#include "uk_rec.h"
#include "uk_store.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: union-config init [--name NAME]\n"
	"       union-config KEY [VALUE]\n"
	"       union-config --unset KEY\n"
	"       union-config --list [-f FORMAT]\n"
	"Create the union's database, or get and set its profile and settings.\n"
	"\n"
	"  init                 create the database (mode 0600); no other tool does\n"
	"  --name NAME          with init: set union.name at once\n"
	"Keys: union.name union.level union.parent union.code union.unit_type\n"
	"      funds.allocation_share disputes.limit_days disputes.collective_threshold\n"
	"      disclosure.frequency\n"
	"  --list               every key with its value (set or default)\n"
	"  --unset KEY          remove a value (the default applies again)\n"
	"  --dry-run            check a value, write nothing\n"
	"Common:\n"
	"  -d, --db PATH  -f, --format csv|json|ndjson|table  --excel  -q, --quiet\n"
	"  -h, --help  --version\n";

enum { OPT_LIST = UK_OPT_TOOL, OPT_UNSET, OPT_NAME };

static int unknown_key(const char *key)
{
	uk_err("unknown key '%s' (union-config --list shows the keys)", key);
	return UK_EX_DATAERR;
}

/* init: the one command that creates a database; with --name, the
 * union's name goes in the same transaction. */
static int init(const struct uk_opts *o, const char *name)
{
	const struct uk_config_key *k = uk_config_find("union.name");
	struct uk_db *db = NULL;
	char *v = NULL;
	const char *why;
	int rc;
	if (name && uk_config_check(k, name, &v, &why) != 0) {
		uk_err("bad value for %s: %s ('%s')", k->key, why, name);
		return UK_EX_DATAERR;
	}
	if ((rc = uk_store_open(o, UK_DB_CREATE, &db)) == 0 && !o->dry_run &&
	    (rc = uk_db_begin(db)) == 0 && (!v || (rc = uk_config_set(db, k->key, v)) == 0))
		rc = uk_db_commit(db);
	if (rc == 0 && !o->quiet)
		uk_err("%s '%s'", o->dry_run ? "would create" : "created", uk_db_default_path(o->db_path));
	uk_db_close(db);
	free(v);
	return rc;
}

static int list(struct uk_db *db, const struct uk_opts *o)
{
	static const struct uk_outcol cols[] = {
		{"key", UK_COL_TEXT}, {"value", UK_COL_TEXT}, {"default", UK_COL_TEXT},
		{"description", UK_COL_TEXT},
	};
	struct uk_writer *w = uk_writer_new(stdout, uk_format_resolve(o, 0), o->excel, cols, 4);
	int rc = 0;
	if (!w)
		return uk_err_nomem();
	for (const struct uk_config_key *k = uk_config_keys(); k->key && !rc; k++) {
		char *v = NULL;
		const char *vals[4];
		if ((rc = uk_config_get(db, k->key, &v)) != 0)
			break;
		vals[0] = k->key;
		vals[1] = v;
		vals[2] = k->default_value;
		vals[3] = k->help;
		if (uk_writer_row(w, vals) != 0)
			rc = UK_EX_IOERR;
		free(v);
	}
	rc = uk_writer_close(w, rc);
	return rc;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		UK_LONGOPTS_COMMON, UK_LONGOPTS_WRITE,
		{"list", no_argument, 0, OPT_LIST}, {"unset", required_argument, 0, OPT_UNSET},
		{"name", required_argument, 0, OPT_NAME},
		{0, 0, 0, 0},
	};
	struct uk_opts o = {0};
	struct uk_db *db = NULL;
	const struct uk_config_key *k;
	const char *unset = NULL, *name = NULL;
	int do_list = 0, c, rc = 0, done = 0, nargs;

	/* getopt names argv[0] in its messages: the same name as ours. */
	argv[0] = (char *)uk_cli_init(argv[0]);
	while ((c = getopt_long(argc, argv, UK_SHORTOPTS_COMMON, longopts, NULL)) != -1) {
		switch (c) {
		case OPT_LIST: do_list = 1; break;
		case OPT_UNSET: unset = optarg; break;
		case OPT_NAME: name = optarg; break;
		default:
			if ((rc = uk_opts_handle(&o, c, optarg, usage, &done)) != 0 || done)
				goto out;
		}
	}
	nargs = argc - optind;
	if (nargs >= 1 && strcmp(argv[optind], "init") == 0) {
		if (do_list || unset || nargs > 1)
			rc = uk_usage_error(usage, "init takes no other argument than --name NAME");
		else
			rc = init(&o, name);
		goto out;
	}
	if (name) {
		rc = uk_usage_error(usage, "--name goes with init (to change the name: union-config union.name NAME)");
		goto out;
	}
	if ((do_list && (unset || nargs)) || (unset && nargs)) {
		rc = uk_usage_error(usage, "use just one of --list, --unset KEY and KEY [VALUE]");
		goto out;
	}
	if (!do_list && !unset && (nargs < 1 || nargs > 2)) {
		rc = uk_usage_error(usage, nargs ? "too many arguments" : "no KEY given");
		goto out;
	}
	if (do_list) {
		if ((rc = uk_store_open(&o, UK_DB_READ, &db)) == 0)
			rc = list(db, &o);
	} else if (unset) {
		int removed = 0;
		if (!uk_config_find(unset)) {
			rc = unknown_key(unset);
			goto out;
		}
		if ((rc = uk_store_open(&o, UK_DB_WRITE, &db)) != 0 || o.dry_run)
			goto out;
		if ((rc = uk_db_begin(db)) == 0 && (rc = uk_config_unset(db, unset, &removed)) == 0)
			rc = uk_db_commit(db);
		if (!rc && !removed && !o.quiet)
			uk_err("%s was not set", unset);
	} else if (nargs == 1) {
		char *v = NULL;
		if (!(k = uk_config_find(argv[optind]))) {
			rc = unknown_key(argv[optind]);
			goto out;
		}
		if ((rc = uk_store_open(&o, UK_DB_READ, &db)) != 0 ||
		    (rc = uk_config_get(db, k->key, &v)) != 0)
			goto out;
		if (v)
			printf("%s\n", v);
		else
			rc = UK_EX_SKIPPED;  /* unset, like git config: status 1, no output */
		free(v);
	} else {
		char *v = NULL;
		const char *why;
		if (!(k = uk_config_find(argv[optind]))) {
			rc = unknown_key(argv[optind]);
			goto out;
		}
		if (uk_config_check(k, argv[optind + 1], &v, &why) != 0) {
			uk_err("bad value for %s: %s ('%s')", k->key, why, argv[optind + 1]);
			rc = UK_EX_DATAERR;
			goto out;
		}
		if ((rc = uk_store_open(&o, UK_DB_WRITE, &db)) == 0 && !o.dry_run &&
		    (rc = uk_db_begin(db)) == 0 && (rc = uk_config_set(db, k->key, v)) == 0)
			rc = uk_db_commit(db);
		free(v);
	}
out:
	uk_db_close(db);
	uk_opts_free(&o);
	return uk_finish_stdout(rc);
}
