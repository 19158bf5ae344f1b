/* register_check.c - a federation's roll-up against its register: each
 * union a report brings is looked up in the register (by code, else by
 * name); one not in it is named (refused with strict); the unions of the
 * register that sent no report are listed in the merged report
 * (not_reported, 未报送). */
#include "uk_register_check.h"
#include "uk_batch.h"
#include "uk_cli.h"
#include "uk_i18n.h"
#include "uk_unions.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

struct uk_register_check {
	struct uk_db *db;
	int strict;
	struct uk_matched reported;   /* the register's unions reported */
	json_t *unregistered;
};

int uk_register_check_new(struct uk_db *db, int strict, struct uk_register_check **out)
{
	struct uk_register_check *c = calloc(1, sizeof *c);
	*out = NULL;
	if (!c || !(c->unregistered = json_array())) {
		free(c);
		return uk_err_nomem();
	}
	c->db = db;
	c->strict = strict;
	*out = c;
	return 0;
}

void uk_register_check_free(struct uk_register_check *c)
{
	if (!c)
		return;
	uk_matched_free(&c->reported);
	json_decref(c->unregistered);
	free(c);
}

int uk_register_check_union(void *ctx, const char *code, const char *name, const char *file, int merged)
{
	struct uk_register_check *c = ctx;
	int64_t id;
	int rc;
	if (merged)
		return 0;
	if ((rc = uk_union_lookup(c->db, code, name, &id)) != 0)
		return rc;
	if (!id) {
		const char *who = name ? name : code ? code : "?";
		if (c->strict) {
			uk_err(_("%s: %s is not in the register of %s (union-register add it, or merge without --strict)"),
			       file, who, uk_db_path(c->db));
			return UK_EX_DATAERR;
		}
		uk_err(_("warning: %s: %s is not in the register of %s"), file, who, uk_db_path(c->db));
		if (json_array_append_new(c->unregistered, json_pack("{s:s?, s:s?}", "union", name, "code", code)))
			return uk_err_nomem();
		return 0;
	}
	return uk_matched_add(&c->reported, id);
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

struct missing_ctx { const struct uk_register_check *c; json_t *rows; };

static int add_missing(void *ctx, int64_t id, const char *name, const char *code)
{
	struct missing_ctx *m = ctx;
	if (m->c->reported.n && bsearch(&id, m->c->reported.ids, m->c->reported.n, sizeof id, cmp_id))
		return 0;
	return json_array_append_new(m->rows, json_pack("{s:s, s:s?}", "union", name, "code", code)) ?
	       uk_err_nomem() : 0;
}

/* The list key of the merged report, with rows after those it has. */
static int append_list(json_t *merged, const char *key, json_t *rows)
{
	json_t *a = json_object_get(merged, key);
	if (!json_is_array(a)) {
		if (!(a = json_array()) || json_object_set_new(merged, key, a) != 0)
			return uk_err_nomem();
	}
	return json_array_extend(a, rows) ? uk_err_nomem() : 0;
}

int uk_register_check_finish(struct uk_register_check *c, json_t *merged)
{
	json_t *year = json_object_get(merged, "year"), *rows = json_array();
	struct uk_date today = uk_date_today(), at = {(int)json_integer_value(year), 12, 31};
	struct missing_ctx m = {c, rows};
	int rc;
	if (!rows)
		return uk_err_nomem();
	/* The register as the year ended, or as it stands while it runs. */
	if (uk_date_cmp(today, at) < 0)
		at = today;
	if (c->reported.n)
		qsort(c->reported.ids, c->reported.n, sizeof *c->reported.ids, cmp_id);
	if ((rc = uk_union_each(c->db, at, add_missing, &m)) != 0) {
		json_decref(rows);
		return rc;
	}
	rc = append_list(merged, "not_reported", rows);
	json_decref(rows);
	return rc ? rc : append_list(merged, "unregistered", c->unregistered);
}
