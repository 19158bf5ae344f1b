/* plan_refs.c - how an activity names the plan item it carries out:
 * 2026/三/(二)/1, 2026/二/5 or the item's id; written, read, and resolved
 * to the item of the year's current plan. */
#include "uk_plans.h"
#include "uk_cli.h"
#include "uk_i18n.h"
#include "uk_text.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void uk_plan_item_ref(int year, int section, int sub, int number, char *buf, size_t n)
{
	char sec[16], sb[16];
	uk_cn_numeral_format(section, sec, sizeof sec);
	if (sub) {
		uk_cn_numeral_format(sub, sb, sizeof sb);
		snprintf(buf, n, "%d/%s/(%s)/%d", year, sec, sb, number);
	} else {
		snprintf(buf, n, "%d/%s/%d", year, sec, number);
	}
}

/* Digits at *s, 1 to max, *s moved past them; -1 when none or too many. */
static int ref_digits(const char **s, int max)
{
	int v = 0;
	if (**s < '0' || **s > '9')
		return -1;
	for (; **s >= '0' && **s <= '9'; (*s)++)
		if ((v = v * 10 + (**s - '0')) > max)
			return -1;
	return v ? v : -1;
}

/* A section or sub-section number: 三 or 3. */
static int ref_numeral(const char **s)
{
	int v;
	size_t k;
	if (uk_cn_numeral_parse(*s, &v, &k) == 0) {
		*s += k;
		return v;
	}
	return ref_digits(s, 99);
}

/* YEAR/SECTION/ITEM or YEAR/SECTION/(SUB)/ITEM; *sub -1 when not given. */
static int ref_parse(const char *s, int *year, int *section, int *sub, int *number)
{
	if ((*year = ref_digits(&s, 9999)) < 0 || *s++ != '/' || (*section = ref_numeral(&s)) < 0 ||
	    *s++ != '/')
		return -1;
	*sub = -1;
	if (*s == '(' || strncmp(s, "（", 3) == 0) {
		s += *s == '(' ? 1 : 3;
		if ((*sub = ref_numeral(&s)) < 0)
			return -1;
		if (*s == ')')
			s += 1;
		else if (strncmp(s, "）", 3) == 0)
			s += 3;
		else
			return -1;
		if (*s++ != '/')
			return -1;
	}
	return (*number = ref_digits(&s, UK_PLAN_ITEM_MAX)) < 0 || *s ? -1 : 0;
}

/* The items a reference's query finds: the first, and the references of
 * all when they are in several sub-sections. A number written twice in
 * one (sub-)section (plan-new notes it) names the first of the two. */
struct found {
	int year, section, number, n, first_sub;
	int64_t id;
	char cands[200];
	size_t clen;
};

static int found_row(sqlite3_stmt *st, void *ctx)
{
	struct found *f = ctx;
	int item_sub = sqlite3_column_int(st, 1);
	if (f->n && item_sub == f->first_sub)
		return 0;
	if (f->n++ == 0) {
		f->id = sqlite3_column_int64(st, 0);
		f->first_sub = item_sub;
	}
	/* The item directly under the section is what its own
	 * reference names, whatever its sub-sections hold. */
	if (f->n == 1 && item_sub == 0)
		return UK_DB_STOP;
	if (f->clen < sizeof f->cands) {
		char one[64];
		uk_plan_item_ref(f->year, f->section, item_sub, f->number, one, sizeof one);
		f->clen += (size_t)snprintf(f->cands + f->clen, sizeof f->cands - f->clen, "%s%s",
		                            f->n > 1 ? ", " : "", one);
	}
	return 0;
}

int uk_plan_item_find(struct uk_db *db, const char *ref, int64_t *id, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	struct found f = {0, 0, 0, 0, 0, 0, "", 0};
	int sub, rc;
	char *end = NULL;
	long long direct = ref[0] >= '0' && ref[0] <= '9' ? strtoll(ref, &end, 10) : 0;

	if (direct > 0 && !*end) {
		if (!(st = uk_db_prepare(db, "SELECT id, 0 FROM plan_items WHERE id = ?1")))
			return UK_EX_SOFTWARE;
		sqlite3_bind_int64(st, 1, direct);
	} else if (ref_parse(ref, &f.year, &f.section, &sub, &f.number) != 0) {
		return uk_errf(err, errsz, "--plan-item is YEAR/SECTION/ITEM (2027/三/2), "
		               "YEAR/SECTION/(SUB)/ITEM (2027/三/(二)/1) or an item id, not '%s'", ref);
	} else {
		/* Items of the section written with that number, those directly
		 * under the section first. */
		if (!(st = uk_db_prepare(db, "SELECT i.id, s.sub FROM plan_items i JOIN plans p ON p.id = i.plan_id"
		                             " JOIN plan_sections s ON s.id = i.section_id"
		                             " WHERE p.year = ?1 AND p.current = 1 AND i.section = ?2"
		                             " AND (?3 < 0 OR s.sub = ?3) AND i.number = ?4 ORDER BY s.sub, i.id")))
			return UK_EX_SOFTWARE;
		sqlite3_bind_int(st, 1, f.year);
		sqlite3_bind_int(st, 2, f.section);
		sqlite3_bind_int(st, 3, sub);
		sqlite3_bind_int(st, 4, f.number);
	}
	rc = uk_db_each(db, st, found_row, &f, N_("cannot read the plan"));
	sqlite3_finalize(st);
	if (rc)
		return rc;
	if (f.n == 0)
		return uk_errf(err, errsz, "no plan item '%s'", ref);
	if (f.n > 1)
		return uk_errf(err, errsz, "plan item '%s' is ambiguous: %s (name the sub-section)", ref, f.cands);
	*id = f.id;
	return 0;
}
