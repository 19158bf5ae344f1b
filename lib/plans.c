/* plans.c - the work plan as the customary outline: # 标题, ## 指导思想,
 * ## 一、…, ### (一)…, items 1、… with targets 〔目标: metric >= n〕. Read
 * from Markdown (numbering 1. 1) (1) written 1、, its numbers kept) or JSON,
 * written back in one canonical form, stored with its history. An item's
 * reference, 2026/三/(二)/1, is plan_refs.c's. */
#include "uk_plans.h"
#include "uk_cli.h"
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
	for (int i = 0; i < p->nsections; i++)
		free(p->sections[i].title);
	for (int i = 0; i < p->nitems; i++) {
		struct uk_plan_item *it = &p->items[i];
		free(it->text);
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

static int perr(const char *name, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int perr(const char *name, long line, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	uk_err_at(name, line, "%s", msg);
	return UK_EX_DATAERR;
}

static char *dupn(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

static int add_section(struct uk_plan *p, int number, int sub, const char *title)
{
	struct uk_plan_section *s = realloc(p->sections, (size_t)(p->nsections + 1) * sizeof *s);
	if (!s)
		return -1;
	p->sections = s;
	s[p->nsections].number = number;
	s[p->nsections].sub = sub;
	if (!(s[p->nsections].title = strdup(title)))
		return -1;
	p->nsections++;
	return 0;
}

static struct uk_plan_item *add_item(struct uk_plan *p)
{
	struct uk_plan_item *it = realloc(p->items, (size_t)(p->nitems + 1) * sizeof *it);
	if (!it)
		return NULL;
	p->items = it;
	memset(&it[p->nitems], 0, sizeof *it);
	return &it[p->nitems++];
}

/* A target's "METRIC OP VALUE", checked. */
static int parse_target(struct uk_plan_item *it, const char *s, const char *name, long line)
{
	char metric[64], op[4], value[64];
	const struct uk_metric *m;
	const char *why;
	int64_t v;
	size_t i = 0, k;

	while (*s == ' ')
		s++;
	for (k = 0; s[i] && (s[i] == '_' || s[i] == '-' || (s[i] >= 'a' && s[i] <= 'z') ||
	                     (s[i] >= '0' && s[i] <= '9')) && k < sizeof metric - 1; i++)
		metric[k++] = s[i] == '-' ? '_' : s[i];
	metric[k] = '\0';
	while (s[i] == ' ')
		i++;
	for (k = 0; s[i] && strchr("<>=", s[i]) && k < sizeof op - 1; i++)
		op[k++] = s[i];
	op[k] = '\0';
	while (s[i] == ' ')
		i++;
	snprintf(value, sizeof value, "%s", s + i);
	uk_trim(value);
	if (!*metric || !*op || !*value)
		return perr(name, line, "a target is 〔目标: METRIC OP VALUE〕, not '%s'", s);
	if (!(m = uk_metric_find(metric)))
		return perr(name, line, "unknown metric '%s' in a target (unionkit(7) lists them)", metric);
	if (strcmp(op, ">=") && strcmp(op, "<=") && strcmp(op, "=") && strcmp(op, ">") && strcmp(op, "<"))
		return perr(name, line, "unknown operator '%s' in a target (>= <= = > <)", op);
	if (uk_metric_value_parse(m, value, &v, &why) != 0)
		return perr(name, line, "%s in the target value '%s' of %s", why, value, metric);
	if (!(it->metric = strdup(metric)) || !(it->op = strdup(op)) || !(it->target = strdup(value)))
		return uk_err_nomem();
	return 0;
}

/* The bracketed notes at an item's end: 〔目标: …〕〔负责: …〕〔时间: …〕,
 * or the same in [ ]. Removes them from text. */
static int parse_notes(struct uk_plan_item *it, char *text, const char *name, long line)
{
	for (;;) {
		size_t n = strlen(text);
		char *open = NULL, *body;
		size_t close_len = 0;
		while (n > 0 && text[n - 1] == ' ')
			text[--n] = '\0';
		if (n >= 3 && strcmp(text + n - 3, "〕") == 0) {
			open = strstr(text, "〔");
			for (char *q = open; q && (q = strstr(q + 3, "〔")); )
				open = q;
			close_len = 3;
		} else if (n >= 1 && text[n - 1] == ']') {
			open = strrchr(text, '[');
			close_len = 1;
		}
		if (!open) {
			/* A note left in the text (not closed, or not at the end)
			 * would silently lose its target. */
			static const char *const starts[] = { "〔目标", "〔负责", "〔时间", "[目标", "[负责", "[时间",
			                                      "〔target", "〔owner", "〔due", "[target", "[owner", "[due" };
			for (size_t i = 0; i < sizeof starts / sizeof *starts; i++)
				for (const char *at = strstr(text, starts[i]); at; at = strstr(at + 1, starts[i])) {
					/* A note is KEY then a colon: "[due diligence]"
					 * and "〔时间管理〕" are only words. */
					const char *c = at + strlen(starts[i]);
					while (*c == ' ')
						c++;
					if (*c == ':' || strncmp(c, "：", 3) == 0)
						return perr(name, line, "a note ('%s…') not closed, or not at the "
						            "item's end", starts[i]);
				}
			return 0;
		}
		text[n - close_len] = '\0';
		body = open + (open[0] == '[' ? 1 : 3);
		{
			char key[32];
			char *colon = strstr(body, ":"), *fcolon = strstr(body, "：");
			size_t klen;
			if (fcolon && (!colon || fcolon < colon)) {
				klen = (size_t)(fcolon - body);
				colon = fcolon + 2;  /* 3 bytes, then +1 below */
			} else if (colon) {
				klen = (size_t)(colon - body);
			} else {
				return perr(name, line, "a note at an item's end is 〔KEY: VALUE〕 (目标, 负责, 时间)");
			}
			snprintf(key, sizeof key, "%.*s", (int)(klen < sizeof key ? klen : sizeof key - 1), body);
			uk_trim(key);
			colon++;
			if (strcmp(key, "目标") == 0 || strcmp(key, "target") == 0) {
				int rc;
				if (it->metric)
					return perr(name, line, "two targets on one item: give each its own item");
				rc = parse_target(it, colon, name, line);
				if (rc)
					return rc;
			} else if (strstr(colon, "〔") || strstr(colon, "〕") || strchr(colon, '[') || strchr(colon, ']')) {
				/* It would not read back from the canonical form. */
				return perr(name, line, "a note's value holds a bracket (〔 〕 [ ]): '%s'", colon);
			} else if (strcmp(key, "负责") == 0 || strcmp(key, "owner") == 0) {
				if (it->owner)
					return perr(name, line, "two owners (负责) on one item: name them in one note");
				if (!(it->owner = strdup(colon)))
					return uk_err_nomem();
				uk_trim(it->owner);
			} else if (strcmp(key, "时间") == 0 || strcmp(key, "due") == 0) {
				if (it->due)
					return perr(name, line, "two times (时间) on one item: give one");
				if (!(it->due = strdup(colon)))
					return uk_err_nomem();
				uk_trim(it->due);
			} else {
				return perr(name, line, "unknown note '%s' at an item's end (目标, 负责, 时间)", key);
			}
		}
		*open = '\0';
	}
}

/* "1、" "1." "1．" "1)" "(1)" "（1）": the item's text after its number,
 * and the number as written (*number; 0 when it is 0 or over
 * UK_PLAN_ITEM_MAX, which the caller refuses). */
static const char *item_start(const char *s, int *number)
{
	const char *p = s;
	int paren = 0, n = 0;
	if (*p == '(') {
		paren = 1;
		p++;
	} else if (strncmp(p, "（", 3) == 0) {
		paren = 3;
		p += 3;
	}
	if (*p < '0' || *p > '9')
		return NULL;
	for (; *p >= '0' && *p <= '9'; p++)
		n = n > UK_PLAN_ITEM_MAX ? n : n * 10 + (*p - '0');
	*number = n > UK_PLAN_ITEM_MAX ? 0 : n;
	if (paren == 1 && *p == ')')
		return p + 1;
	if (!paren && strncmp(p, "）", 3) == 0)
		return p + 3;
	if (paren == 3 && strncmp(p, "）", 3) == 0)
		return p + 3;
	if (paren)
		return NULL;
	if (strncmp(p, "、", 3) == 0 || strncmp(p, "．", 3) == 0)
		return p + 3;
	if (*p == '.' || *p == ')')
		return p + 1;
	return NULL;
}

static int parse_json(const char *text, size_t len, const char *name, struct uk_plan *p);

/* A plan read from JSON is written as Markdown and read back, so that it
 * meets every rule of the Markdown (no line breaks in a title, no bracket
 * in a note, ...) and its canonical form reads back the same. Frees p. */
static int plan_via_markdown(struct uk_plan *p, const char *name, struct uk_plan **out)
{
	char *md = NULL, *as_md;
	size_t len = 0, nlen = strlen(name) + sizeof " (as Markdown)";
	FILE *f = open_memstream(&md, &len);
	int rc = f ? uk_plan_write_md(p, f) : -1;

	if (f && fclose(f) != 0)
		rc = -1;
	uk_plan_free(p);
	if (rc != 0 || !(as_md = malloc(nlen))) {
		free(md);
		return uk_err_nomem();
	}
	snprintf(as_md, nlen, "%s (as Markdown)", name);
	rc = uk_plan_parse(md, len, as_md, out);
	free(md);
	free(as_md);
	return rc;
}

int uk_plan_parse(const char *text, size_t len, const char *name, struct uk_plan **out)
{
	struct uk_plan *p = calloc(1, sizeof *p);
	char *buf = NULL, *line, *next;
	long lineno = 0, prev_line = 0;  /* the line of the previous item */
	int rc = 0, section = 0, sub = 0, in_guiding = 0, num;
	size_t glen = 0;

	*out = NULL;
	if (!p)
		return uk_err_nomem();
	/* A byte-order mark (Windows Notepad) is not text. */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (!uk_utf8_is_valid(text, len)) {
		/* Named by the line of the first bad byte, like every other fault. */
		size_t bad = uk_utf8_valid_prefix(text, len);
		long l = 1;
		for (size_t i = 0; i < bad; i++)
			l += text[i] == '\n';
		uk_plan_free(p);
		return perr(name, l, "not UTF-8 text (a GB18030 file? save it as UTF-8)");
	}
	/* A NUL would cut a line short and a control character would reach
	 * the terminal and the published plan: neither is plan text. */
	for (size_t i = 0, l = 1; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == '\n')
			l++;
		else if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f) {
			uk_plan_free(p);
			return perr(name, (long)l, "a control character (byte 0x%02X) in the text", c);
		} else if (c == 0xc2 && i + 1 < len && (unsigned char)text[i + 1] <= 0x9f) {
			/* A C1 control (U+0080..U+009F, valid UTF-8 here): a CSI too. */
			uk_plan_free(p);
			return perr(name, (long)l, "a control character (U+%04X) in the text",
			            (unsigned char)text[i + 1]);
		}
	}
	{
		size_t i = 0;
		while (i < len && strchr(" \t\r\n", text[i]) && text[i])
			i++;
		if (i < len && text[i] == '{') {
			if ((rc = parse_json(text, len, name, p)) == 0)
				return plan_via_markdown(p, name, out);
			uk_plan_free(p);
			return rc;
		}
	}
	if (!(buf = dupn(text, len))) {
		uk_plan_free(p);
		return uk_err_nomem();
	}
	for (line = buf; line && !rc; line = next) {
		char *s;
		next = strchr(line, '\n');
		if (next) {
			*next++ = '\0';
			if (!*next)  /* the final line end ends the text */
				next = NULL;
		}
		lineno++;
		s = uk_trim(line);
		if (!*s)
			continue;
		if (!p->title) {
			if (strncmp(s, "# ", 2) != 0) {
				rc = perr(name, lineno, "a plan starts with its title: '# 2027年…工会工作计划'");
				break;
			}
			if (!(p->title = strdup(uk_trim(s + 2))))
				rc = uk_err_nomem();
			continue;
		}
		if (strncmp(s, "## ", 3) == 0) {
			char *h = uk_trim(s + 3);
			int v;
			size_t k;
			in_guiding = 0;
			if (strcmp(h, "指导思想") == 0) {
				if (p->guiding || section) {
					rc = perr(name, lineno, "指导思想 comes once, before the sections");
					break;
				}
				in_guiding = 1;
				if (!(p->guiding = strdup("")))
					rc = uk_err_nomem();
				continue;
			}
			if (uk_cn_numeral_parse(h, &v, &k) != 0 || strncmp(h + k, "、", 3) != 0) {
				rc = perr(name, lineno, "a section heading is '## 一、TITLE', not '%s'", h);
				break;
			}
			section++;
			sub = 0;
			if (add_section(p, section, 0, uk_trim(h + k + 3)))
				rc = uk_err_nomem();
			continue;
		}
		if (strncmp(s, "### ", 4) == 0) {
			char *h = uk_trim(s + 4);
			int v, paren = h[0] == '(' ? 1 : strncmp(h, "（", 3) == 0 ? 3 : 0;
			size_t k;
			const char *close;
			in_guiding = 0;
			if (!section) {
				rc = perr(name, lineno, "a sub-section outside any section");
				break;
			}
			if (!paren || uk_cn_numeral_parse(h + paren, &v, &k) != 0) {
				rc = perr(name, lineno, "a sub-section heading is '### (一)TITLE', not '%s'", h);
				break;
			}
			close = h + paren + k;
			if (*close == ')')
				close += 1;
			else if (strncmp(close, "）", 3) == 0)
				close += 3;
			else {
				rc = perr(name, lineno, "a sub-section heading is '### (一)TITLE', not '%s'", h);
				break;
			}
			sub++;
			if (add_section(p, section, sub, uk_trim((char *)close)))
				rc = uk_err_nomem();
			continue;
		}
		if (in_guiding && item_start(s, &num)) {
			rc = perr(name, lineno, "an item outside any section ('## 一、…' first)");
			break;
		}
		if (in_guiding) {
			/* The paragraph, its lines kept as typed. */
			size_t n = strlen(s);
			char *g = realloc(p->guiding, glen + n + 2);
			if (!g) {
				rc = uk_err_nomem();
				break;
			}
			p->guiding = g;
			if (glen)
				g[glen++] = '\n';
			memcpy(g + glen, s, n + 1);
			glen += n;
			continue;
		}
		{
			const char *body = item_start(s, &num);
			const struct uk_plan_item *prev = p->nitems ? &p->items[p->nitems - 1] : NULL;
			struct uk_plan_item *it;
			char *t;
			if (!body) {
				rc = perr(name, lineno, "not an item ('1、…') or a heading: '%.40s'", s);
				break;
			}
			if (!section) {
				rc = perr(name, lineno, "an item outside any section ('## 一、…')");
				break;
			}
			if (!num) {
				rc = perr(name, lineno, "an item is numbered 1 to %d: '%.40s'", UK_PLAN_ITEM_MAX, s);
				break;
			}
			/* Kept as written: a reference names an item by its number,
			 * so one number may not stand for two items of a group. */
			if (prev && prev->section == section && prev->sub == sub && prev->number >= num) {
				if (prev->number == num)
					rc = perr(name, lineno, "item %d、 again (line %ld has it): numbers increase "
					          "within a section or sub-section", num, prev_line);
				else
					rc = perr(name, lineno, "item %d、 after %d、 (line %ld): numbers increase "
					          "within a section or sub-section", num, prev->number, prev_line);
				break;
			}
			if (!(it = add_item(p)) || !(t = strdup(body))) {
				rc = uk_err_nomem();
				break;
			}
			it->section = section;
			it->sub = sub;
			it->number = num;
			prev_line = lineno;
			if ((rc = parse_notes(it, t, name, lineno)) == 0)
				it->text = strdup(uk_trim(t));
			free(t);
			if (!rc && (!it->text || !*it->text))
				rc = it->text ? perr(name, lineno, "an item without text") : uk_err_nomem();
		}
	}
	/* What is missing is named at the end of the text. */
	if (!rc && !p->title)
		rc = perr(name, lineno ? lineno : 1, "empty plan: no '# title'");
	if (!rc && (!p->guiding || !*p->guiding))
		rc = perr(name, lineno, "no '## 指导思想' paragraph");
	if (!rc && !p->nsections)
		rc = perr(name, lineno, "no section ('## 一、…')");
	free(buf);
	if (rc) {
		uk_plan_free(p);
		return rc;
	}
	*out = p;
	return 0;
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
}

int uk_plan_write_md(const struct uk_plan *p, FILE *f)
{
	fprintf(f, "# %s\n\n## 指导思想\n\n%s\n", p->title, p->guiding);
	for (int s = 0; s < p->nsections; s++) {
		const struct uk_plan_section *sec = &p->sections[s];
		char num[16];
		int first = 1;
		uk_cn_numeral_format(sec->sub ? sec->sub : sec->number, num, sizeof num);
		if (sec->sub)
			fprintf(f, "\n### (%s)%s\n", num, sec->title);
		else
			fprintf(f, "\n## %s、%s\n", num, sec->title);
		for (int i = 0; i < p->nitems; i++) {
			const struct uk_plan_item *it = &p->items[i];
			if (it->section != sec->number || it->sub != sec->sub)
				continue;
			if (first)
				fputc('\n', f);
			first = 0;
			item_line(it, f);
		}
	}
	return ferror(f) ? UK_EX_IOERR : 0;
}

static json_t *plan_json(const struct uk_plan *p)
{
	json_t *root = json_object(), *secs = json_array(), *items = json_array();
	json_object_set_new(root, "year", json_integer(p->year));
	json_object_set_new(root, "title", json_string(p->title));
	json_object_set_new(root, "guiding", json_string(p->guiding));
	for (int s = 0; s < p->nsections; s++)
		json_array_append_new(secs, json_pack("{s:i, s:i, s:s}", "section", p->sections[s].number,
		                                      "sub", p->sections[s].sub, "title", p->sections[s].title));
	for (int i = 0; i < p->nitems; i++) {
		const struct uk_plan_item *it = &p->items[i];
		char ref[64];
		json_t *o;
		uk_plan_item_ref(p->year, it->section, it->sub, it->number, ref, sizeof ref);
		o = json_pack("{s:i, s:i, s:i, s:s, s:s}", "section", it->section, "sub", it->sub,
		              "number", it->number, "ref", ref, "text", it->text);
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

int uk_plan_write_html(const struct uk_plan *p, FILE *f)
{
	fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>", f);
	uk_html_escape(p->title, f);
	fputs("</title><style>body{font-family:serif;max-width:42em;margin:2em auto}"
	      ".t{color:#555;font-size:90%}</style></head><body>\n<h1>", f);
	uk_html_escape(p->title, f);
	fputs("</h1>\n<h2>指导思想</h2>\n<p>", f);
	uk_html_escape(p->guiding, f);
	fputs("</p>\n", f);
	for (int s = 0; s < p->nsections; s++) {
		const struct uk_plan_section *sec = &p->sections[s];
		char num[16];
		int open = 0;
		uk_cn_numeral_format(sec->sub ? sec->sub : sec->number, num, sizeof num);
		fprintf(f, sec->sub ? "<h3>(%s)" : "<h2>%s、", num);
		uk_html_escape(sec->title, f);
		fputs(sec->sub ? "</h3>\n" : "</h2>\n", f);
		for (int i = 0; i < p->nitems; i++) {
			const struct uk_plan_item *it = &p->items[i];
			if (it->section != sec->number || it->sub != sec->sub)
				continue;
			if (!open)
				fputs("<ol>\n", f);
			open = 1;
			fprintf(f, "<li value=\"%d\">", it->number);
			uk_html_escape(it->text, f);
			if (it->metric) {
				fputs(" <span class=\"t\">〔目标: ", f);
				uk_html_escape(it->metric, f);
				fputc(' ', f);
				uk_html_escape(it->op, f);
				fputc(' ', f);
				uk_html_escape(it->target, f);
				fputs("〕</span>", f);
			}
			fputs("</li>\n", f);
		}
		if (open)
			fputs("</ol>\n", f);
	}
	fputs("</body></html>\n", f);
	return ferror(f) ? UK_EX_IOERR : 0;
}

static const char *jstr(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* The number of the last item added (it), as written; without one, the
 * next after the item before it in its (sub-)section, else 1. */
static int json_item_number(const struct uk_plan *p, struct uk_plan_item *it, json_t *n,
                            const char *name, size_t i)
{
	if (json_is_integer(n)) {
		json_int_t v = json_integer_value(n);
		if (v < 1 || v > UK_PLAN_ITEM_MAX)
			return perr(name, 1, "item %zu: number %lld is not 1 to %d", i + 1, (long long)v,
			            UK_PLAN_ITEM_MAX);
		it->number = (int)v;
		return 0;
	}
	if (n && !json_is_null(n))
		return perr(name, 1, "item %zu: number is a whole number", i + 1);
	it->number = 1;
	for (int k = p->nitems - 2; k >= 0; k--)
		if (p->items[k].section == it->section && p->items[k].sub == it->sub) {
			it->number = p->items[k].number + 1;
			break;
		}
	return 0;
}

static int parse_json(const char *text, size_t len, const char *name, struct uk_plan *p)
{
	json_error_t e;
	json_t *root = json_loadb(text, len, 0, &e), *v;
	size_t i;
	int rc = 0;
	if (!root)
		return perr(name, e.line, "bad JSON: %s", e.text);
	if (!jstr(root, "title") || !jstr(root, "guiding") || !json_is_array(json_object_get(root, "sections")) ||
	    !json_is_array(json_object_get(root, "items"))) {
		json_decref(root);
		return perr(name, 1, "a JSON plan has title, guiding, sections and items");
	}
	p->title = strdup(jstr(root, "title"));
	p->guiding = strdup(jstr(root, "guiding"));
	json_array_foreach(json_object_get(root, "sections"), i, v) {
		if (!jstr(v, "title") || add_section(p, (int)json_integer_value(json_object_get(v, "section")),
		                                     (int)json_integer_value(json_object_get(v, "sub")), jstr(v, "title"))) {
			rc = perr(name, 1, "section %zu: needs section, sub and title", i + 1);
			break;
		}
	}
	json_array_foreach(json_object_get(root, "items"), i, v) {
		struct uk_plan_item *it;
		json_t *t = json_object_get(v, "target");
		if (rc)
			break;
		if (!jstr(v, "text") || !(it = add_item(p))) {
			rc = perr(name, 1, "item %zu: needs text", i + 1);
			break;
		}
		it->section = (int)json_integer_value(json_object_get(v, "section"));
		it->sub = (int)json_integer_value(json_object_get(v, "sub"));
		{
			int known = 0;
			for (int k = 0; k < p->nsections; k++)
				known |= p->sections[k].number == it->section && p->sections[k].sub == it->sub;
			if (!known) {
				rc = perr(name, 1, "item %zu: section %d.%d is not in the plan's sections",
				          i + 1, it->section, it->sub);
				break;
			}
		}
		if ((rc = json_item_number(p, it, json_object_get(v, "number"), name, i)) != 0)
			break;
		it->text = strdup(jstr(v, "text"));
		if (jstr(v, "owner"))
			it->owner = strdup(jstr(v, "owner"));
		if (jstr(v, "due"))
			it->due = strdup(jstr(v, "due"));
		if (json_is_object(t)) {
			char tt[200];
			snprintf(tt, sizeof tt, "%s %s %s", jstr(t, "metric") ? jstr(t, "metric") : "",
			         jstr(t, "op") ? jstr(t, "op") : "", jstr(t, "value") ? jstr(t, "value") : "");
			rc = parse_target(it, tt, name, 1);
		}
	}
	json_decref(root);
	return rc;
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
	int rc = uk_db_each(db, st, NULL, NULL, "cannot store the plan");
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
		if (it->section != p->sections[s].number || it->sub != p->sections[s].sub)
			continue;
		if (!(st = uk_db_prepare(db, "INSERT INTO plan_items(plan_id, section_id, section, number,"
		                             " text, metric, op, target, owner, due)"
		                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")))
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
	rc = uk_db_ints(db, st, old, 2, &found, "cannot read the plans");
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
		if (!(st = uk_db_prepare(db, "INSERT INTO plan_sections(plan_id, number, sub, title) VALUES (?1, ?2, ?3, ?4)")))
			return UK_EX_SOFTWARE;
		sqlite3_bind_int64(st, 1, plan_id);
		sqlite3_bind_int(st, 2, p->sections[s].number);
		sqlite3_bind_int(st, 3, p->sections[s].sub);
		sqlite3_bind_text(st, 4, p->sections[s].title, -1, SQLITE_STATIC);
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

/* A plan read back: its id in plans, then its sections and items. */
struct loading { struct uk_plan *p; int64_t id; };

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
	if (!title || add_section(l->p, sqlite3_column_int(st, 0), sqlite3_column_int(st, 1), title))
		return uk_err_nomem();
	return 0;
}

static int item_row(sqlite3_stmt *st, void *ctx)
{
	struct loading *l = ctx;
	struct uk_plan_item *it = add_item(l->p);
	char **texts[6];
	int rc;
	if (!it)
		return uk_err_nomem();
	texts[0] = &it->text;
	texts[1] = &it->metric;
	texts[2] = &it->op;
	texts[3] = &it->target;
	texts[4] = &it->owner;
	texts[5] = &it->due;
	it->section = sqlite3_column_int(st, 0);
	it->sub = sqlite3_column_int(st, 1);
	it->number = sqlite3_column_int(st, 2);
	it->id = sqlite3_column_int64(st, 9);
	for (int i = 0; i < 6; i++)
		if ((rc = col_dup(st, 3 + i, texts[i])) != 0)
			return rc;
	return 0;
}

/* Runs sql with the plan's id, each row into the plan. */
static int load_rows(struct uk_db *db, struct loading *l, const char *sql, uk_db_row_fn row)
{
	sqlite3_stmt *st = uk_db_prepare(db, sql);
	int rc;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, l->id);
	rc = uk_db_each(db, st, row, l, "cannot read the plan");
	sqlite3_finalize(st);
	return rc;
}

int uk_plan_current(struct uk_db *db, int year, struct uk_plan **out)
{
	struct loading l = {calloc(1, sizeof *l.p), 0};
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
	rc = uk_db_one(db, st, plan_row, &l, &found, "cannot read the plan");
	sqlite3_finalize(st);
	/* A plan is whole or not at all: a failed query or allocation part
	 * way returns no plan. */
	if (!rc && found)
		rc = load_rows(db, &l, "SELECT number, sub, title FROM plan_sections WHERE plan_id = ?1 ORDER BY id",
		               section_row);
	if (!rc && found)
		rc = load_rows(db, &l, "SELECT i.section, s.sub, i.number, i.text, i.metric, i.op, i.target,"
		                       " i.owner, i.due, i.id FROM plan_items i JOIN plan_sections s ON s.id = i.section_id"
		                       " WHERE i.plan_id = ?1 ORDER BY s.id, i.number", item_row);
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
