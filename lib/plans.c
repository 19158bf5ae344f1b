/* plans.c - the work plan as the customary outline: # 标题, ## 指导思想,
 * ## 一、…, ### (一)…, items 1、… with targets 〔目标: metric >= n〕. Read
 * from Markdown (numbering 1. 1) (1) written 1、, its numbers kept) or JSON,
 * written back in one canonical form, stored with its history. An item's
 * reference, 2026/三/(二)/1, is plan_refs.c's. */
#include "plans_priv.h"
#include "uk_cli.h"
#include "uk_i18n.h"
#include "uk_metrics.h"
#include "uk_text.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void uk_plan_free(struct uk_plan *p)
{
	if (!p)
		return;
	for (int i = 0; i < p->nsections; i++) {
		free(p->sections[i].title);
		free(p->sections[i].paragraphs);
	}
	for (int i = 0; i < p->nitems; i++) {
		struct uk_plan_item *it = &p->items[i];
		free(it->text);
		free(it->paragraphs);
		free(it->metric);
		free(it->op);
		free(it->target);
		free(it->owner);
		free(it->due);
	}
	free(p->sections);
	free(p->items);
	free(p->title);
	free(p->guiding);
	free(p);
}


int uk_plan_add_section(struct uk_plan *p, int number, int sub, const char *title)
{
	struct uk_plan_section *s = realloc(p->sections, (size_t)(p->nsections + 1) * sizeof *s);
	char *t = strdup(title);
	if (s)
		p->sections = s;
	if (!s || !t) {
		free(t);
		return -1;
	}
	s[p->nsections] = (struct uk_plan_section){number, sub, t, NULL};
	p->nsections++;
	return 0;
}

int uk_plan_group_of(const struct uk_plan *p, int number, int sub)
{
	for (int k = 0; k < p->nsections; k++)
		if (p->sections[k].number == number && p->sections[k].sub == sub)
			return k;
	return -1;
}

char *uk_plan_made_title(int year, const char *union_name)
{
	const char *name = union_name && *union_name ? union_name : "工会";
	int n = snprintf(NULL, 0, "%d年%s工作计划", year, name);
	char *t = n < 0 ? NULL : malloc((size_t)n + 1);
	if (t)
		snprintf(t, (size_t)n + 1, "%d年%s工作计划", year, name);
	return t;
}

struct uk_plan_item *uk_plan_add_item(struct uk_plan *p)
{
	struct uk_plan_item *it = realloc(p->items, (size_t)(p->nitems + 1) * sizeof *it);
	if (!it)
		return NULL;
	p->items = it;
	memset(&it[p->nitems], 0, sizeof *it);
	return &it[p->nitems++];
}

static void item_line(const struct uk_plan_item *it, FILE *f)
{
	fprintf(f, "%d、%s", it->number, it->text);
	if (it->metric)
		fprintf(f, "〔目标: %s %s %s〕", it->metric, it->op, it->target);
	if (it->owner)
		fprintf(f, "〔负责: %s〕", it->owner);
	if (it->due)
		fprintf(f, "〔时间: %s〕", it->due);
	fputc('\n', f);
	if (it->paragraphs && *it->paragraphs)
		fprintf(f, "%s\n", it->paragraphs);
}

/* The canonical form: what plan_read.c reads back the same. A preamble,
 * a section's prose and an item's later paragraphs are one paragraph a
 * line, as stored. */
int uk_plan_write_md(const struct uk_plan *p, FILE *f)
{
	fprintf(f, "# %s\n", p->title);
	if (p->guiding && *p->guiding)
		fprintf(f, "\n## 指导思想\n\n%s\n", p->guiding);
	for (int s = 0; s < p->nsections; s++) {
		const struct uk_plan_section *sec = &p->sections[s];
		char num[16];
		int first = 1;
		uk_cn_numeral_format(sec->sub ? sec->sub : sec->number, num, sizeof num);
		if (sec->sub)
			fprintf(f, "\n### (%s)%s\n", num, sec->title);
		else
			fprintf(f, "\n## %s、%s\n", num, sec->title);
		if (sec->paragraphs && *sec->paragraphs)
			fprintf(f, "\n%s\n", sec->paragraphs);
		for (int i = 0; i < p->nitems; i++) {
			const struct uk_plan_item *it = &p->items[i];
			if (it->group != s)
				continue;
			if (first)
				fputc('\n', f);
			first = 0;
			item_line(it, f);
		}
	}
	return ferror(f) ? UK_EX_IOERR : 0;
}

/* Paragraphs kept one a line: a JSON array of them. */
static json_t *paragraphs_json(const char *s)
{
	json_t *a = json_array();
	while (s && *s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		json_array_append_new(a, json_stringn(s, n));
		s += n + (nl != NULL);
	}
	return a;
}

static json_t *plan_json(const struct uk_plan *p)
{
	json_t *root = json_object(), *secs = json_array(), *items = json_array();
	json_object_set_new(root, "year", json_integer(p->year));
	json_object_set_new(root, "title", json_string(p->title));
	json_object_set_new(root, "guiding", json_string(p->guiding));
	for (int s = 0; s < p->nsections; s++)
		json_array_append_new(secs, json_pack("{s:i, s:i, s:s, s:o}", "section", p->sections[s].number,
		                                      "sub", p->sections[s].sub, "title", p->sections[s].title,
		                                      "paragraphs", paragraphs_json(p->sections[s].paragraphs)));
	for (int i = 0; i < p->nitems; i++) {
		const struct uk_plan_item *it = &p->items[i];
		char ref[64];
		json_t *o;
		uk_plan_item_ref(p->year, it->section, it->sub, it->number, ref, sizeof ref);
		o = json_pack("{s:i, s:i, s:i, s:s, s:s, s:o}", "section", it->section, "sub", it->sub,
		              "number", it->number, "ref", ref, "text", it->text,
		              "paragraphs", paragraphs_json(it->paragraphs));
		json_object_set_new(o, "target", it->metric ? json_pack("{s:s, s:s, s:s}", "metric",
		                    it->metric, "op", it->op, "value", it->target) : json_null());
		json_object_set_new(o, "owner", it->owner ? json_string(it->owner) : json_null());
		json_object_set_new(o, "due", it->due ? json_string(it->due) : json_null());
		json_array_append_new(items, o);
	}
	json_object_set_new(root, "sections", secs);
	json_object_set_new(root, "items", items);
	return root;
}

int uk_plan_write_json(const struct uk_plan *p, FILE *f)
{
	json_t *root = plan_json(p);
	int rc = json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	fputc('\n', f);
	return rc == 0 && !ferror(f) ? 0 : UK_EX_IOERR;
}

/* Each stored line a <p>. */
static void html_paragraphs(const char *s, FILE *f)
{
	while (s && *s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		char *one = strndup(s, n);
		fputs("<p>", f);
		uk_html_escape(one ? one : "", f);
		fputs("</p>\n", f);
		free(one);
		s += n + (nl != NULL);
	}
}

int uk_plan_write_html(const struct uk_plan *p, FILE *f)
{
	fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>", f);
	uk_html_escape(p->title, f);
	fputs("</title><style>@page{size:A4;margin:18mm}body{font-family:serif;max-width:42em;margin:2em auto}"
	      ".t{color:#555;font-size:90%}</style></head><body>\n<h1>", f);
	uk_html_escape(p->title, f);
	fputs("</h1>\n", f);
	if (p->guiding && *p->guiding) {
		fputs("<h2>指导思想</h2>\n", f);
		html_paragraphs(p->guiding, f);
	}
	for (int s = 0; s < p->nsections; s++) {
		const struct uk_plan_section *sec = &p->sections[s];
		char num[16];
		int open = 0;
		uk_cn_numeral_format(sec->sub ? sec->sub : sec->number, num, sizeof num);
		fprintf(f, sec->sub ? "<h3>(%s)" : "<h2>%s、", num);
		uk_html_escape(sec->title, f);
		fputs(sec->sub ? "</h3>\n" : "</h2>\n", f);
		html_paragraphs(sec->paragraphs, f);
		for (int i = 0; i < p->nitems; i++) {
			const struct uk_plan_item *it = &p->items[i];
			if (it->group != s)
				continue;
			if (!open)
				fputs("<ol>\n", f);
			open = 1;
			fprintf(f, "<li value=\"%d\">", it->number);
			uk_html_escape(it->text, f);
			if (it->metric) {
				/* On paper the target in words (学习不少于4); the
				 * Markdown keeps the form a plan is written in. */
				char *words = NULL;
				size_t n;
				FILE *w = open_memstream(&words, &n);
				if (w) {
					uk_metric_target_words(it->metric, it->op, it->target, w);
					fclose(w);
				}
				fputs(" <span class=\"t\">〔目标：", f);
				uk_html_escape(words ? words : it->target, f);
				fputs("〕</span>", f);
				free(words);
			}
			if (it->paragraphs && *it->paragraphs) {
				fputc('\n', f);
				html_paragraphs(it->paragraphs, f);
			}
			fputs("</li>\n", f);
		}
		if (open)
			fputs("</ol>\n", f);
	}
	fputs("</body></html>\n", f);
	return ferror(f) ? UK_EX_IOERR : 0;
}


const char *uk_plan_template(void)
{
	return
	"# 2027年某某工会工作计划\n\n"
	"## 指导思想\n\n"
	"以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，坚持以职工为中心，"
	"履行维护职工合法权益、竭诚服务职工群众的基本职责，推动工会工作高质量发展。\n\n"
	"## 一、加强思想政治引领\n\n"
	"1、组织职工政治理论学习，每季度不少于一次。〔目标: study >= 4〕\n"
	"2、开展职工技能培训。〔目标: training >= 4〕〔负责: 宣教委员〕\n\n"
	"## 二、推进民主管理\n\n"
	"1、召开职工代表大会，审议单位重大事项。〔目标: congress >= 1〕〔时间: 3月〕\n"
	"2、坚持财务公开，每月一公开。〔目标: disclosure >= 12〕\n\n"
	"## 三、维护职工合法权益\n\n"
	"### (一)困难职工帮扶\n\n"
	"1、完善困难职工档案，先建档、后帮扶。\n"
	"2、做好困难职工帮扶和送温暖工作。〔目标: hardship_paid >= 40000〕\n\n"
	"### (二)劳动争议调解\n\n"
	"1、依法调处劳动争议。〔目标: dispute_success_rate >= 95%〕\n\n"
	"## 四、丰富职工文化生活\n\n"
	"1、开展职工文体活动。〔目标: culture_sports >= 6〕\n"
	"2、组织职工健康体检。〔目标: health_check >= 1〕\n\n"
	"## 五、加强工会自身建设\n\n"
	"1、做好会员发展和会员档案管理。〔目标: members_joined >= 50〕\n"
	"2、经费审查委员会按期审查经费。〔负责: 经审委员会〕\n";
}

int uk_plan_template_write(FILE *f, int year, const char *union_name)
{
	/* The skeleton's own title is its first line. */
	const char *body = strchr(uk_plan_template(), '\n');
	if (union_name && *union_name)
		fprintf(f, "# %d年%s工作计划%s", year, union_name, body);
	else
		fprintf(f, "# %d年某某工会工作计划%s", year, body);
	return ferror(f) ? UK_EX_IOERR : 0;
}

/* ---- storage ---- */

/* Runs a statement that returns no rows, then finalizes it. */
static int store_step(struct uk_db *db, sqlite3_stmt *st)
{
	int rc = uk_db_each(db, st, NULL, NULL, N_("cannot store the plan"));
	sqlite3_finalize(st);
	return rc;
}

static int store_items(struct uk_db *db, struct uk_plan *p, int64_t plan_id, int s, int64_t sid)
{
	sqlite3 *h = uk_db_sqlite(db);
	for (int i = 0; i < p->nitems; i++) {
		struct uk_plan_item *it = &p->items[i];
		sqlite3_stmt *st;
		int rc;
		if (it->group != s)
			continue;
		if (!(st = uk_db_prepare(db, "INSERT INTO plan_items(plan_id, section_id, section, number,"
		                             " text, metric, op, target, owner, due, paragraphs)"
		                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, coalesce(?11, ''))")))
			return UK_EX_SOFTWARE;
		sqlite3_bind_int64(st, 1, plan_id);
		sqlite3_bind_int64(st, 2, sid);
		sqlite3_bind_int(st, 3, it->section);
		sqlite3_bind_int(st, 4, it->number);
		sqlite3_bind_text(st, 5, it->text, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, it->metric, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, it->op, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, it->target, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 9, it->owner, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 10, it->due, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 11, it->paragraphs, -1, SQLITE_STATIC);
		if ((rc = store_step(db, st)) != 0)
			return rc;
		it->id = sqlite3_last_insert_rowid(h);
	}
	return 0;
}

int uk_plan_store(struct uk_db *db, struct uk_plan *p, int replace)
{
	sqlite3 *h = uk_db_sqlite(db);
	sqlite3_stmt *st = uk_db_prepare(db, "SELECT coalesce(max(version), 0), count(*) FILTER (WHERE current = 1)"
	                                     " FROM plans WHERE year = ?1");
	int64_t old[2] = {0, 0}; /* the last version, whether one is current */
	int64_t plan_id;
	int rc, found;
	char stamp[20];

	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_int(st, 1, p->year);
	rc = uk_db_ints(db, st, old, 2, &found, N_("cannot read the plans"));
	sqlite3_finalize(st);
	if (rc)
		return rc;
	if (old[1] && !replace) {
		uk_err("%d already has a plan (plan-new --show --year %d); --replace stores a new one "
		       "and keeps the old in history", p->year, p->year);
		return UK_EX_DATAERR;
	}
	uk_timestamp(stamp);
	if (!(st = uk_db_prepare(db, "UPDATE plans SET current = 0 WHERE year = ?1")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int(st, 1, p->year);
	if ((rc = store_step(db, st)) != 0)
		return rc;
	if (!(st = uk_db_prepare(db, "INSERT INTO plans(year, version, title, guiding, current, recorded_at)"
	                             " VALUES (?1, ?2, ?3, ?4, 1, ?5)")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int(st, 1, p->year);
	sqlite3_bind_int64(st, 2, old[0] + 1);
	sqlite3_bind_text(st, 3, p->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, p->guiding, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, stamp, -1, SQLITE_STATIC);
	if ((rc = store_step(db, st)) != 0)
		return rc;
	plan_id = sqlite3_last_insert_rowid(h);
	for (int s = 0; s < p->nsections; s++) {
		if (!(st = uk_db_prepare(db, "INSERT INTO plan_sections(plan_id, number, sub, title, paragraphs)"
		                             " VALUES (?1, ?2, ?3, ?4, coalesce(?5, ''))")))
			return UK_EX_SOFTWARE;
		sqlite3_bind_int64(st, 1, plan_id);
		sqlite3_bind_int(st, 2, p->sections[s].number);
		sqlite3_bind_int(st, 3, p->sections[s].sub);
		sqlite3_bind_text(st, 4, p->sections[s].title, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, p->sections[s].paragraphs, -1, SQLITE_STATIC);
		if ((rc = store_step(db, st)) != 0 ||
		    (rc = store_items(db, p, plan_id, s, sqlite3_last_insert_rowid(h))) != 0)
			return rc;
	}
	return UK_EX_OK;
}

/* Column i copied into *out (NULL for SQL NULL): 0, or 70 out of memory. */
static int col_dup(sqlite3_stmt *st, int i, char **out)
{
	const char *s = uk_db_text(st, i);
	if (s && !(*out = strdup(s)))
		return uk_err_nomem();
	return 0;
}

/* A plan read back: its id in plans, then its sections (their ids kept
 * to place each item in its own) and items. */
struct loading { struct uk_plan *p; int64_t id; int64_t *section_ids; };

static int plan_row(sqlite3_stmt *st, void *ctx)
{
	struct loading *l = ctx;
	int rc;
	l->id = sqlite3_column_int64(st, 0);
	if ((rc = col_dup(st, 1, &l->p->title)) != 0 || (rc = col_dup(st, 2, &l->p->guiding)) != 0)
		return rc;
	return 0;
}

static int section_row(sqlite3_stmt *st, void *ctx)
{
	struct loading *l = ctx;
	const char *title = uk_db_text(st, 2);
	int64_t *ids = realloc(l->section_ids, (size_t)(l->p->nsections + 1) * sizeof *ids);
	if (ids)
		l->section_ids = ids;
	if (!ids || !title || uk_plan_add_section(l->p, sqlite3_column_int(st, 0), sqlite3_column_int(st, 1), title))
		return uk_err_nomem();
	ids[l->p->nsections - 1] = sqlite3_column_int64(st, 3);
	return col_dup(st, 4, &l->p->sections[l->p->nsections - 1].paragraphs);
}

static int item_row(sqlite3_stmt *st, void *ctx)
{
	struct loading *l = ctx;
	struct uk_plan_item *it = uk_plan_add_item(l->p);
	int64_t sid = sqlite3_column_int64(st, 10);
	char **texts[7];
	int rc;
	if (!it)
		return uk_err_nomem();
	texts[0] = &it->text;
	texts[1] = &it->metric;
	texts[2] = &it->op;
	texts[3] = &it->target;
	texts[4] = &it->owner;
	texts[5] = &it->due;
	texts[6] = &it->paragraphs;
	it->group = -1;
	for (int k = 0; k < l->p->nsections; k++)
		if (l->section_ids[k] == sid)
			it->group = k;
	it->section = sqlite3_column_int(st, 0);
	it->sub = sqlite3_column_int(st, 1);
	it->number = sqlite3_column_int(st, 2);
	it->id = sqlite3_column_int64(st, 9);
	for (int i = 0; i < 6; i++)
		if ((rc = col_dup(st, 3 + i, texts[i])) != 0)
			return rc;
	return col_dup(st, 11, texts[6]);
}

/* Runs sql with the plan's id, each row into the plan. */
static int load_rows(struct uk_db *db, struct loading *l, const char *sql, uk_db_row_fn row)
{
	sqlite3_stmt *st = uk_db_prepare(db, sql);
	int rc;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, l->id);
	rc = uk_db_each(db, st, row, l, N_("cannot read the plan"));
	sqlite3_finalize(st);
	return rc;
}

int uk_plan_current(struct uk_db *db, int year, struct uk_plan **out)
{
	struct loading l = {calloc(1, sizeof *l.p), 0, NULL};
	sqlite3_stmt *st = uk_db_prepare(db, "SELECT id, title, guiding FROM plans WHERE year = ?1 AND current = 1");
	int rc, found = 0;

	*out = NULL;
	if (!l.p || !st) {
		free(l.p);
		sqlite3_finalize(st);
		return l.p ? UK_EX_SOFTWARE : uk_err_nomem();
	}
	l.p->year = year;
	sqlite3_bind_int(st, 1, year);
	rc = uk_db_one(db, st, plan_row, &l, &found, N_("cannot read the plan"));
	sqlite3_finalize(st);
	/* A plan is whole or not at all: a failed query or allocation part
	 * way returns no plan. */
	if (!rc && found)
		rc = load_rows(db, &l, "SELECT number, sub, title, id, nullif(paragraphs, '') FROM plan_sections"
		                       " WHERE plan_id = ?1 ORDER BY id", section_row);
	/* Items in the order written, which may not be their numbers'. */
	if (!rc && found)
		rc = load_rows(db, &l, "SELECT i.section, s.sub, i.number, i.text, i.metric, i.op, i.target,"
		                       " i.owner, i.due, i.id, s.id, nullif(i.paragraphs, '')"
		                       " FROM plan_items i JOIN plan_sections s ON s.id = i.section_id"
		                       " WHERE i.plan_id = ?1 ORDER BY s.id, i.id", item_row);
	free(l.section_ids);
	if (rc || !found) {
		uk_plan_free(l.p);
		return rc;
	}
	*out = l.p;
	return UK_EX_OK;
}

int uk_plan_load(struct uk_db *db, int year, struct uk_plan **out)
{
	int rc = uk_plan_current(db, year, out);
	if (!rc && !*out) {
		uk_err("no plan for %d (plan-new --year %d FILE stores one)", year, year);
		return UK_EX_DATAERR;
	}
	return rc;
}
