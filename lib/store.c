/* store.c - unionkit's schema, version by version. Each domain module owns
 * its tables; this file lists the steps in order. A step is never edited
 * once released: a change is a new step. */
#include "uk_store.h"
#include "uk_rec.h"
#include "uk_care.h"
#include "uk_config.h"
#include "uk_disputes.h"
#include "uk_ledger.h"
#include "uk_members.h"
#include "uk_mutual_aid.h"
#include "uk_plans.h"
#include "uk_unions.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>


static const struct uk_migration migrations[] = {
	{1, UK_CONFIG_SCHEMA_V1 UK_MEMBERS_SCHEMA_V1},
	{2, UK_LEDGER_SCHEMA_V2},
	{3, UK_DISPUTES_SCHEMA_V3},
	{4, UK_PLANS_SCHEMA_V4},
	{5, UK_MEMBERS_SCHEMA_V5 UK_LEDGER_SCHEMA_V5 UK_DISPUTES_SCHEMA_V5 UK_PLANS_SCHEMA_V5},
	{6, UK_PLANS_SCHEMA_V6},
	{7, UK_CARE_SCHEMA_V7},
	{8, UK_MUTUAL_AID_SCHEMA_V8},
	{9, UK_UNIONS_SCHEMA_V9},
	{10, UK_LEDGER_SCHEMA_V10},
};

int uk_store_schema_version(void)
{
	return migrations[sizeof migrations / sizeof migrations[0] - 1].version;
}

int uk_store_open(const struct uk_opts *o, enum uk_db_mode mode, struct uk_db **out)
{
	return uk_db_open(uk_db_default_path(o->db_path), mode, o->dry_run, migrations,
	                  (int)(sizeof migrations / sizeof migrations[0]), out);
}

int uk_store_setting(const struct uk_opts *o, const char *key, char **out)
{
	struct stat sb;
	struct uk_db *db = NULL;
	int rc;

	*out = NULL;
	if (stat(uk_db_default_path(o->db_path), &sb) != 0 && errno == ENOENT)
		return UK_EX_OK;
	if ((rc = uk_store_open(o, UK_DB_READ, &db)) == 0)
		rc = uk_config_get(db, key, out);
	uk_db_close(db);
	return rc;
}

int uk_store_init(const struct uk_opts *o, const char *name)
{
	const struct uk_config_key *k;
	struct uk_db *db = NULL;
	char *v = NULL, err[400];
	int rc = uk_config_value("union.name", name, &k, &v, err, sizeof err);
	if (rc == -1) {
		uk_err("%s", err);
		return UK_EX_DATAERR;
	}
	if (rc == 0 && (rc = uk_store_open(o, UK_DB_CREATE, &db)) == 0 && !o->dry_run &&
	    (rc = uk_db_begin(db)) == 0 && (!v || (rc = uk_config_set(db, k->key, v)) == 0))
		rc = uk_db_commit(db);
	if (rc == 0 && !o->quiet && o->dry_run)
		uk_err("would create '%s'", uk_db_default_path(o->db_path));
	else if (rc == 0 && !o->quiet)
		uk_err("created '%s'", uk_db_default_path(o->db_path));
	uk_db_close(db);
	free(v);
	return rc;
}

struct import_run {
	const struct uk_opts *o;
	struct uk_reader *r;
	uk_store_import_fn fn;
	void *ctx;
	struct uk_import_counts n;
};

static int import_step(struct uk_db *db, void *ctx, char *err, size_t errsz)
{
	struct import_run *run = ctx;
	int rc;
	run->n = (struct uk_import_counts){0, -1, 0, 0};
	if ((rc = run->fn(db, run->r, run->o, run->ctx, &run->n)) != 0)
		return rc;
	return uk_import_bad(run->o, run->n.bad, err, errsz);
}

int uk_store_import(const struct uk_opts *o, const char *usage, char **pos, int npos,
                    const struct uk_colspec *cols, int ncols, uk_store_import_fn fn, void *ctx)
{
	struct import_run run = {o, NULL, fn, ctx, {0, -1, 0, 0}};
	int rc;
	if (npos > 1)
		return uk_usage_error(usage, "import takes one FILE (or - for stdin)");
	if ((rc = uk_cli_reader(o, npos ? pos[0] : "-", cols, ncols, &run.r)) == 0)
		rc = uk_store_write(o, import_step, &run);
	if (!rc)
		uk_import_said_changed(o, run.n.added, run.n.changed, run.n.unchanged, run.n.bad);
	uk_reader_close(run.r);
	return !rc && run.n.bad ? UK_EX_SKIPPED : rc;
}

int uk_store_write(const struct uk_opts *o, uk_store_write_fn fn, void *ctx)
{
	struct uk_db *db = NULL;
	char err[400];
	int rc;
	if ((rc = uk_store_open(o, UK_DB_WRITE, &db)) == 0 && (rc = uk_db_begin(db)) == 0) {
		rc = fn(db, ctx, err, sizeof err);
		if (rc == -1) {
			uk_err("%s", err);
			rc = UK_EX_DATAERR;
		}
		if (!rc && !o->dry_run)
			rc = uk_db_commit(db);
		uk_db_rollback(db);
	}
	uk_db_close(db);
	return rc;
}
