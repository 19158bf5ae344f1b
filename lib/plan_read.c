/* plan_read.c - a work plan read as unions write it: the customary outline
 * (一、 (一) 1、) in Markdown or in plain text pasted from Word, its
 * structure known by the numbering, not by marks; every sentence kept
 * under the section or item it stood under, a sentence broken over two
 * lines joined, numbers kept as written with a note where they skip,
 * repeat or go back; targets 〔目标: metric >= n〕 read from the items.
 * Or the JSON form, read through the canonical Markdown. */
#include "plans_priv.h"
#include "uk_cli.h"
#include "uk_i18n.h"
#include "uk_metrics.h"
#include "uk_text.h"

#include <ctype.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static int perr(const char *name, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int perr(const char *name, long line, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof msg)  /* cut short: never inside a character */
		msg[uk_utf8_fit(msg, sizeof msg - 1)] = '\0';
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

/* A target's "METRIC OP VALUE", checked. */
static int parse_target(struct uk_plan_item *it, const char *s, const char *name, long line)
{
	char metric[64], op[4], value[64], q[80];
	const struct uk_metric *m;
	const char *why;
	int64_t v;
	size_t i = 0, k;

	while (*s == ' ')
		s++;
	/* The metric as written, English (training) or Chinese (培训), up to
	 * the space or operator after it. */
	for (k = 0; s[i] && s[i] != ' ' && !strchr("<>=", s[i]) && k < sizeof metric - 1; i++)
		metric[k++] = s[i];
	metric[k] = '\0';
	metric[uk_utf8_fit(metric, k)] = '\0';
	while (s[i] == ' ')
		i++;
	for (k = 0; s[i] && strchr("<>=", s[i]) && k < sizeof op - 1; i++)
		op[k++] = s[i];
	op[k] = '\0';
	while (s[i] == ' ')
		i++;
	snprintf(value, sizeof value, "%.*s", (int)uk_utf8_fit(s + i, sizeof value - 1), s + i);
	uk_trim(value);
	if (!*metric || !*op || !*value)
		return perr(name, line, _("a target is 〔目标: METRIC OP VALUE〕, not '%s'"), uk_utf8_quote(s, 60, q, sizeof q));
	if (!(m = uk_metric_find(metric)))
		return perr(name, line, _("unknown metric '%s' in a target (unionkit(7) lists them)"), metric);
	if (strcmp(op, ">=") && strcmp(op, "<=") && strcmp(op, "=") && strcmp(op, ">") && strcmp(op, "<"))
		return perr(name, line, _("unknown operator '%s' in a target (>= <= = > <)"), op);
	if (uk_metric_value_parse(m, value, &v, &why) != 0)
		return perr(name, line, _("%s in the target value '%s' of %s"), why, value, metric);
	/* Stored by its name, whatever words named it. */
	if (!(it->metric = strdup(m->name)) || !(it->op = strdup(op)) || !(it->target = strdup(value)))
		return uk_err_nomem();
	return 0;
}

/* The bracketed notes at an item's end: 〔目标: …〕〔负责: …〕〔时间: …〕,
 * or the same in [ ]. Removes them from text. */
/* Whether s starts with a note's key and its colon: 目标: 负责： due: … */
static int note_key(const char *s)
{
	static const char *const keys[] = {"目标", "负责", "时间", "target", "owner", "due"};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		size_t k = strlen(keys[i]);
		if (strncmp(s, keys[i], k) == 0) {
			const char *c = s + k;
			while (*c == ' ')
				c++;
			return *c == ':' || strncmp(c, "：", 3) == 0;
		}
	}
	return 0;
}

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
		} else if (n >= 3 && strcmp(text + n - 3, "】") == 0) {
			/* 【】, what most input methods give: a note only when it
			 * reads as one (【目标：…】); 【省级示范点】 stays text. */
			for (char *q = strstr(text, "【"); q; q = strstr(q + 3, "【"))
				open = q;
			if (open && !note_key(open + 3))
				return 0;
			close_len = 3;
		}
		if (!open) {
			/* A note left in the text (not closed, or not at the end)
			 * would silently lose its target. */
			static const char *const starts[] = { "〔目标", "〔负责", "〔时间", "[目标", "[负责", "[时间",
			                                      "【目标", "【负责", "【时间",
			                                      "〔target", "〔owner", "〔due", "[target", "[owner", "[due" };
			for (size_t i = 0; i < sizeof starts / sizeof *starts; i++)
				for (const char *at = strstr(text, starts[i]); at; at = strstr(at + 1, starts[i])) {
					/* A note is KEY then a colon: "[due diligence]"
					 * and "〔时间管理〕" are only words. */
					const char *c = at + strlen(starts[i]);
					while (*c == ' ')
						c++;
					if (*c == ':' || strncmp(c, "：", 3) == 0)
						return perr(name, line, _("a note ('%s…') not closed, or not at the "
						                          "item's end"), starts[i]);
				}
			return 0;
		}
		text[n - close_len] = '\0';
		body = open + (open[0] == '[' ? 1 : 3);
		{
			char key[32], q[80];
			char *colon = strstr(body, ":"), *fcolon = strstr(body, "：");
			size_t klen;
			if (fcolon && (!colon || fcolon < colon)) {
				klen = (size_t)(fcolon - body);
				colon = fcolon + 2;  /* 3 bytes, then +1 below */
			} else if (colon) {
				klen = (size_t)(colon - body);
			} else {
				return perr(name, line, _("a note at an item's end is 〔KEY: VALUE〕 (目标, 负责, 时间)"));
			}
			if (klen >= sizeof key)
				klen = uk_utf8_fit(body, sizeof key - 1);
			snprintf(key, sizeof key, "%.*s", (int)klen, body);
			uk_trim(key);
			colon++;
			if (strcmp(key, "目标") == 0 || strcmp(key, "target") == 0) {
				int rc;
				if (it->metric)
					return perr(name, line, _("two targets on one item: give each its own item"));
				rc = parse_target(it, colon, name, line);
				if (rc)
					return rc;
			} else if (strstr(colon, "〔") || strstr(colon, "〕") || strchr(colon, '[') || strchr(colon, ']')) {
				/* It would not read back from the canonical form. */
				return perr(name, line, _("a note's value holds a bracket (〔 〕 [ ]): '%s'"),
				            uk_utf8_quote(colon, 60, q, sizeof q));
			} else if (strcmp(key, "负责") == 0 || strcmp(key, "owner") == 0) {
				if (it->owner)
					return perr(name, line, _("two owners (负责) on one item: name them in one note"));
				if (!(it->owner = strdup(colon)))
					return uk_err_nomem();
				uk_trim(it->owner);
			} else if (strcmp(key, "时间") == 0 || strcmp(key, "due") == 0) {
				if (it->due)
					return perr(name, line, _("two times (时间) on one item: give one"));
				if (!(it->due = strdup(colon)))
					return uk_err_nomem();
				uk_trim(it->due);
			} else {
				return perr(name, line, _("unknown note '%s' at an item's end (目标, 负责, 时间)"), key);
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
	/* 3.5万元: a decimal, not item 3. */
	if ((*p == '.' && p[1] >= '0' && p[1] <= '9') ||
	    (strncmp(p, "．", 3) == 0 && p[3] >= '0' && p[3] <= '9'))
		return NULL;
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

/* A plan read from JSON is written as Markdown and read back, so that it
 * meets every rule of the Markdown (no line breaks in a title, no bracket
 * in a note, ...) and its canonical form reads back the same. Frees p. */
static int plan_via_markdown(struct uk_plan *p, const char *name, const struct uk_plan_read *how,
                             struct uk_plan **out)
{
	char *md = NULL, *as_md;
	size_t len = 0, nlen = strlen(name) + strlen(_("%s (as Markdown)"));
	FILE *f = open_memstream(&md, &len);
	int rc = f ? uk_plan_write_md(p, f) : -1;

	if (f && fclose(f) != 0)
		rc = -1;
	uk_plan_free(p);
	if (rc != 0 || !(as_md = malloc(nlen))) {
		free(md);
		return uk_err_nomem();
	}
	snprintf(as_md, nlen, _("%s (as Markdown)"), name);
	rc = uk_plan_parse(md, len, as_md, how, out);
	free(md);
	free(as_md);
	return rc;
}

static const char *jstr(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static int reads_as_text(const char *s);
static int reads_as_subpoint(const char *s, int *number);

/* "paragraphs": an array of strings (or absent, or null) into one text,
 * '\n' between: 0, or an exit code. */
static int json_paragraphs(json_t *a, char **out, const char *name, const char *what, size_t i)
{
	size_t k, len = 0;
	json_t *v;
	int sublist = 0, number, item = *what == 'i';
	if (!a || json_is_null(a))
		return 0;
	if (!json_is_array(a))
		return item ? perr(name, 1, _("item %zu: paragraphs is an array of texts"), i + 1)
		            : perr(name, 1, _("section %zu: paragraphs is an array of texts"), i + 1);
	json_array_foreach(a, k, v) {
		const char *s = json_string_value(v);
		size_t n;
		char *t;
		if (!s || strchr(s, '\n'))
			return item ? perr(name, 1, _("item %zu: paragraph %zu is one line of text"), i + 1, k + 1)
			            : perr(name, 1, _("section %zu: paragraph %zu is one line of text"), i + 1,
			                   k + 1);
		/* It would come back a heading or an item from the Markdown; but
		 * an item's sub-points (1) (2) … come back as they are. */
		if (item && reads_as_subpoint(s, &number) && (sublist || number == 1))
			sublist = 1;
		else if (!reads_as_text(s))
			return item ? perr(name, 1, _("item %zu: paragraph %zu would read as a heading or an "
			                              "item, not text"), i + 1, k + 1)
			            : perr(name, 1, _("section %zu: paragraph %zu would read as a heading or an "
			                              "item, not text"), i + 1, k + 1);
		n = strlen(s);
		if (!(t = realloc(*out, len + n + 2)))
			return uk_err_nomem();
		*out = t;
		if (len)
			t[len++] = '\n';
		memcpy(t + len, s, n + 1);
		len += n;
	}
	return 0;
}

/* The number of the last item added (it), as written; without one, the
 * next after the item before it in its (sub-)section, else 1. */
static int json_item_number(const struct uk_plan *p, struct uk_plan_item *it, json_t *n,
                            const char *name, size_t i)
{
	if (json_is_integer(n)) {
		json_int_t v = json_integer_value(n);
		if (v < 1 || v > UK_PLAN_ITEM_MAX)
			return perr(name, 1, _("item %zu: number %lld is not 1 to %d"), i + 1, (long long)v,
			            UK_PLAN_ITEM_MAX);
		it->number = (int)v;
		return 0;
	}
	if (n && !json_is_null(n))
		return perr(name, 1, _("item %zu: number is a whole number"), i + 1);
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
		return perr(name, e.line, _("bad JSON: %s"), e.text);
	if (!jstr(root, "title") || !jstr(root, "guiding") || !json_is_array(json_object_get(root, "sections")) ||
	    !json_is_array(json_object_get(root, "items"))) {
		json_decref(root);
		return perr(name, 1, _("a JSON plan has title, guiding, sections and items"));
	}
	p->title = strdup(jstr(root, "title"));
	p->guiding = strdup(jstr(root, "guiding"));
	json_array_foreach(json_object_get(root, "sections"), i, v) {
		if (!jstr(v, "title") || uk_plan_add_section(p, (int)json_integer_value(json_object_get(v, "section")),
		                                             (int)json_integer_value(json_object_get(v, "sub")),
		                                             jstr(v, "title"))) {
			rc = perr(name, 1, _("section %zu: needs section, sub and title"), i + 1);
			break;
		}
		if ((rc = json_paragraphs(json_object_get(v, "paragraphs"), &p->sections[p->nsections - 1].paragraphs,
		                          name, "section", i)) != 0)
			break;
	}
	json_array_foreach(json_object_get(root, "items"), i, v) {
		struct uk_plan_item *it;
		json_t *t = json_object_get(v, "target");
		if (rc)
			break;
		if (!jstr(v, "text") || !(it = uk_plan_add_item(p))) {
			rc = perr(name, 1, _("item %zu: needs text"), i + 1);
			break;
		}
		it->section = (int)json_integer_value(json_object_get(v, "section"));
		it->sub = (int)json_integer_value(json_object_get(v, "sub"));
		if ((it->group = uk_plan_group_of(p, it->section, it->sub)) < 0) {
			rc = perr(name, 1, _("item %zu: section %d.%d is not in the plan's sections"),
			          i + 1, it->section, it->sub);
			break;
		}
		if ((rc = json_paragraphs(json_object_get(v, "paragraphs"), &it->paragraphs, name, "item", i)) != 0)
			break;
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
/* ---- the outline, as unions write it ---- */

enum kind { K_TEXT, K_SECTION, K_SUB, K_ITEM };

/* One line that is not blank. */
struct line {
	long no;                         /* in the file */
	char *s;                         /* trimmed, Markdown marks off */
	int marked;                      /* it had '#' marks */
	enum kind kind;
	int number;                      /* its numbering, as written */
	int paren;                       /* an item written (1) */
	char *body;                      /* what follows the numbering */
};

/* Where the paragraph being read goes. */
enum dest { D_NONE, D_GUIDING, D_SECTION, D_ITEM_TEXT, D_ITEM_MORE };

struct reader {
	const char *name;
	const struct uk_plan_read *how;
	struct uk_plan *p;
	long prev_line;                  /* the line before this one that was not blank */
	/* the paragraph being read */
	enum dest dest;
	char *para;
	size_t plen;
	long para_line;
	/* where the reading stands */
	int group;                       /* the (sub-)section, -1 before the first */
	int item;                        /* the item under it, -1 before its first */
	int item_paren;                  /* that item written (1) */
	int sublist;                     /* (1) lines under it are its sub-points */
	int para_alone;                  /* the paragraph began with a line that
	                                  * stands alone: nothing is joined to it */
	int section;                     /* the number of the section the group is in */
	int sec_last, sub_last;          /* the numbers before, 0 none */
	long sec_line, sub_line;
	int item_last;                   /* the item before in the group, 0 none */
	long item_line;
	long any_item_line;              /* the line of the last item of all */
};

/* Spaces at both ends: ASCII, tab, CR, the ideographic space (U+3000),
 * and what Word leaves: no-break space (U+00A0), zero-width space
 * (U+200B), a byte-order mark inside the text (U+FEFF). */
static size_t blank_at(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\r')
		return 1;
	if (strncmp(s, "\xC2\xA0", 2) == 0)
		return 2;
	if (strncmp(s, "\xE3\x80\x80", 3) == 0 || strncmp(s, "\xE2\x80\x8B", 3) == 0 ||
	    strncmp(s, "\xEF\xBB\xBF", 3) == 0)
		return 3;
	return 0;
}

static char *trim_all(char *s)
{
	size_t n, k;
	while ((k = blank_at(s)) != 0)
		s += k;
	n = strlen(s);
	for (;;) {
		if (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
			n--;
		else if (n >= 2 && blank_at(s + n - 2) == 2)
			n -= 2;
		else if (n >= 3 && blank_at(s + n - 3) == 3)
			n -= 3;
		else
			break;
	}
	s[n] = '\0';
	return s;
}

/* "１、" "（２）": an item numbered in full-width digits, as Word often
 * writes them; the number read as item_start reads ASCII ones. */
static const char *item_start_fullwidth(const char *s, int *number)
{
	char ascii[64];
	size_t i = 0, k = 0, folded = 0;
	const char *body;
	if (*s == '(')
		ascii[k++] = s[i++];
	else if (strncmp(s, "（", 3) == 0) {
		memcpy(ascii, s, 3);
		k = i = 3;
	}
	/* The digits ０ to ９ are EF BC 90 to EF BC 99. */
	while (k < 20 && (unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xBC &&
	       (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x99) {
		ascii[k++] = (char)('0' + ((unsigned char)s[i + 2] - 0x90));
		i += 3;
		folded++;
	}
	if (!folded)
		return NULL;
	/* The mark after the number, as it is. */
	snprintf(ascii + k, sizeof ascii - k, "%.6s", s + i);
	if (!(body = item_start(ascii, number)))
		return NULL;
	return s + (size_t)(body - ascii) + 2 * folded;
}

static void classify(struct line *l);

/* **一、…**: bold taken off a heading or an item only; a prose line
 * keeps its stars, so that text joined to it never turns into a
 * bold line when read again. */
static int bold_heading(const char *s)
{
	char *copy = dupn(s, strlen(s)), *c = copy;
	struct line t = {0};
	int yes;
	if (!copy)
		return 0;
	/* The core under every pair of stars and every mark, peeled here in
	 * the order classify peels them: asking classify of each inner line
	 * in turn would ask again of every line inside it, which is
	 * exponential in the pairs (a line of 30 took minutes). */
	for (;;) {
		size_t k = strlen(c);
		if (*c == '#') {
			while (*c == '#')
				c++;
			c = trim_all(c);
		} else if (k > 4 && strncmp(c, "**", 2) == 0 && strcmp(c + k - 2, "**") == 0) {
			c[k - 2] = '\0';
			c = trim_all(c + 2);
		} else {
			break;
		}
	}
	t.s = c;
	classify(&t);
	yes = t.kind != K_TEXT;
	free(copy);
	return yes;
}

/* The kind of a line, from its numbering alone. */
static void classify(struct line *l)
{
	char *s = l->s;
	int v;
	size_t k;
	const char *body;

	/* Marks of any level, and **一、…** as a bold line: a section is
	 * known by its number. Taken off until none is left, so that what is
	 * kept reads back as it was read. */
	for (;;) {
		k = strlen(s);
		if (*s == '#') {
			while (*s == '#')
				s++;
			l->marked = 1;
			s = trim_all(s);
		} else if (k > 4 && strncmp(s, "**", 2) == 0 && strcmp(s + k - 2, "**") == 0 &&
		           bold_heading(s)) {
			s[k - 2] = '\0';
			s = trim_all(s + 2);
		} else {
			break;
		}
	}
	l->s = s;
	l->kind = K_TEXT;
	{
		/* 一、 and 第一、, a space before the comma allowed (二 、). */
		char *q = strncmp(s, "第", 3) == 0 ? s + 3 : s;
		if (uk_cn_numeral_parse(q, &v, &k) == 0) {
			char *c = q + k;
			while (*c == ' ')
				c++;
			if (strncmp(c, "、", 3) == 0 || strncmp(c, "．", 3) == 0 || (*c == '.' && q == s)) {
				l->kind = K_SECTION;
				l->number = v;
				l->body = trim_all(c + (*c == '.' ? 1 : 3));
				return;
			}
		}
	}
	if (*s == '(' || strncmp(s, "（", 3) == 0) {
		const char *q = s + (*s == '(' ? 1 : 3);
		if (uk_cn_numeral_parse(q, &v, &k) == 0 && (q[k] == ')' || strncmp(q + k, "）", 3) == 0)) {
			q += k + (q[k] == ')' ? 1 : 3);
			if (strncmp(q, "、", 3) == 0)
				q += 3;
			l->kind = K_SUB;
			l->number = v;
			l->body = trim_all((char *)q);
			return;
		}
	}
	if ((body = item_start(s, &v)) != NULL || (body = item_start_fullwidth(s, &v)) != NULL) {
		l->kind = K_ITEM;
		l->number = v;
		l->paren = *s == '(' || strncmp(s, "（", 3) == 0;
		l->body = trim_all((char *)body);
	}
}

/* How s reads back as a line of its own: its kind (K_TEXT, …), -1 when
 * it does not read back as itself (marks or space around it, or empty);
 * *paren and *number as classify says. */
static int reads_back_as(const char *s, int *paren, int *number)
{
	char *copy = strdup(s);
	struct line l = {0};
	int kind;
	if (!copy)
		return -1;
	l.s = trim_all(copy);
	classify(&l);
	kind = !l.marked && *l.s && strcmp(l.s, s) == 0 ? (int)l.kind : -1;
	*paren = l.paren;
	*number = l.number;
	free(copy);
	return kind;
}

/* Whether s, as a line of its own, is read back as that same text. */
static int reads_as_text(const char *s)
{
	int paren, number;
	return reads_back_as(s, &paren, &number) == K_TEXT;
}

/* Whether s, as a line of its own, is an item written (1), itself and
 * nothing around it: a sub-point when under an item written 1、. */
static int reads_as_subpoint(const char *s, int *number)
{
	int paren;
	return reads_back_as(s, &paren, number) == K_ITEM && paren;
}

/* The code points of s, at most max counted. */
static size_t chars_of(const char *s, size_t max)
{
	size_t n = 0;
	for (; *s && n < max; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* A paragraph that stops in mid-sentence: long enough to be one (a short
 * unpunctuated line is a heading or a label) and no punctuation at its
 * end. */
static int ends_punctuated(const char *s)
{
	static const char *const ends[] = {
		"。", "！", "？", "；", "：", "，", "、", "…", "—", "”", "’", "」", "』", "）", "】", "〕",
		"》", ".", "!", "?", ";", ":", ",", ")", "]", "\"", "'",
	};
	size_t n = strlen(s);
	for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
		size_t k = strlen(ends[i]);
		if (n >= k && strcmp(s + n - k, ends[i]) == 0)
			return 1;
	}
	return 0;
}

static int stops_mid_sentence(const char *s)
{
	return chars_of(s, 16) >= 16 && !ends_punctuated(s);
}

/* "三", "三/(二)", "三/(二)/1": where the reading stands; "-" before
 * the first section. */
static void where_of(const struct reader *r, char *buf, size_t n)
{
	const struct uk_plan_section *g;
	char sec[16], sub[16];
	size_t k;
	if (r->group < 0) {
		snprintf(buf, n, "-");
		return;
	}
	g = &r->p->sections[r->group];
	uk_cn_numeral_format(g->number, sec, sizeof sec);
	uk_cn_numeral_format(g->sub, sub, sizeof sub);
	k = (size_t)snprintf(buf, n, g->sub ? "%s/(%s)" : "%s", sec, sub);
	if (r->item >= 0 && k < n)
		snprintf(buf + k, n - k, "/%d", r->p->items[r->item].number);
}

/* One line of --explain: LINE KIND WHERE TEXT, the text's start. */
static void explain(const struct reader *r, long line, const char *kind, const char *text)
{
	char where[64], quoted[160];
	size_t n = 0, k = 0;
	if (!r->how || !r->how->explain)
		return;
	where_of(r, where, sizeof where);
	/* 30 characters, cut on one. */
	while (text[n] && k < 30) {
		n++;
		while (((unsigned char)text[n] & 0xC0) == 0x80)
			n++;
		k++;
	}
	snprintf(quoted, sizeof quoted, "%.*s%s", (int)n, text, text[n] ? "…" : "");
	fprintf(r->how->explain, "%ld\t%s\t%s\t%s\n", line, _(kind), where, quoted);
}

/* A note: the plan is read all the same. In --explain's listing, else on
 * stderr (not with -q). */
static void note(const struct reader *r, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void note(const struct reader *r, long line, const char *fmt, ...)
{
	char msg[400], where[64];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (r->how && r->how->explain) {
		where_of(r, where, sizeof where);
		fprintf(r->how->explain, "%ld\t%s\t%s\t%s\n", line, _("note"), where, msg);
	} else if (!r->how || !r->how->quiet) {
		uk_err_at(r->name, line, "%s", msg);
	}
}

/* s appended to *text as a paragraph of its own ('\n' between). */
static int add_paragraph(char **text, const char *s)
{
	size_t len = *text ? strlen(*text) : 0, n = strlen(s);
	char *t = realloc(*text, len + n + 2);
	if (!t)
		return uk_err_nomem();
	*text = t;
	if (len)
		t[len++] = '\n';
	memcpy(t + len, s, n + 1);
	return 0;
}

/* The paragraph read so far goes where it belongs: an item's takes its
 * notes (〔目标: …〕) off first. */
static int finish_paragraph(struct reader *r)
{
	struct uk_plan_item *it = r->item >= 0 ? &r->p->items[r->item] : NULL;
	char *s;
	int rc = 0;

	if (r->dest == D_NONE)
		return 0;
	if ((r->dest == D_ITEM_TEXT || r->dest == D_ITEM_MORE) &&
	    (rc = parse_notes(it, r->para, r->name, r->para_line)) != 0)
		goto out;
	s = trim_all(r->para);
	switch (r->dest) {
	case D_GUIDING: rc = add_paragraph(&r->p->guiding, s); break;
	case D_SECTION: rc = add_paragraph(&r->p->sections[r->group].paragraphs, s); break;
	case D_ITEM_TEXT:
		if (!*s)
			rc = perr(r->name, r->para_line, _("an item without text"));
		else if (!(it->text = strdup(s)))
			rc = uk_err_nomem();
		break;
	case D_ITEM_MORE: rc = *s ? add_paragraph(&it->paragraphs, s) : 0; break;
	case D_NONE: break;
	}
out:
	free(r->para);
	r->para = NULL;
	r->plen = 0;
	r->dest = D_NONE;
	return rc;
}

static int begin_paragraph(struct reader *r, enum dest d, const char *s, long line)
{
	int rc = finish_paragraph(r);
	if (rc)
		return rc;
	if (!(r->para = strdup(s)))
		return uk_err_nomem();
	r->plen = strlen(s);
	r->dest = d;
	r->para_line = line;
	r->para_alone = 0;
	return 0;
}

/* A line that goes on with the sentence before it. */
static int join_line(struct reader *r, const char *s, long line)
{
	size_t n = strlen(s);
	int space = isalnum((unsigned char)r->para[r->plen - 1]) && isalnum((unsigned char)*s);
	char *t = realloc(r->para, r->plen + n + 2);
	if (!t)
		return uk_err_nomem();
	r->para = t;
	if (space)
		t[r->plen++] = ' ';
	memcpy(t + r->plen, s, n + 1);
	r->plen += n;
	explain(r, line, N_("joined"), s);
	note(r, line, _("joined to line %ld: the sentence went on"), r->prev_line);
	return 0;
}

/* How a number is written in its list. */
enum style { S_ITEM, S_SECTION, S_SUB };

static void written(char *buf, size_t n, enum style st, int v)
{
	char cn[16];
	uk_cn_numeral_format(v, cn, sizeof cn);
	if (st == S_ITEM)
		snprintf(buf, n, "%d、", v);
	else if (st == S_SECTION)
		snprintf(buf, n, "%s、", cn);
	else
		snprintf(buf, n, "(%s)", cn);
}

/* What the numbers of a list number, one and more, in the notes. */
static const char *const nouns[][2] = {
	[S_ITEM] = {N_("item"), N_("items")},
	[S_SECTION] = {N_("section"), N_("sections")},
	[S_SUB] = {N_("sub-section"), N_("sub-sections")},
};

/* "item 2、 is missing", "items 2、 to 4、 are missing". */
static void missing(char *buf, size_t n, enum style st, int from, int to)
{
	char a[32], b[32];
	written(a, sizeof a, st, from);
	written(b, sizeof b, st, to);
	if (from == to)
		snprintf(buf, n, _("%s %s is missing"), _(nouns[st][0]), a);
	else
		snprintf(buf, n, _("%s %s to %s are missing"), _(nouns[st][1]), a, b);
}

/* A number against the one before it in its list (last 0: the first):
 * notes for a gap, a repeat, numbers going back. run_on: a first number
 * that is regular besides 1 (an item list running on from the group
 * before), 0 none; group names the list in a note on its first number. */
static void numbering_note(const struct reader *r, long line, enum style st, int v, int last,
                           long last_line, int run_on, long run_on_line, const char *group)
{
	const char *what = _(nouns[st][0]);
	char gap[160], fv[32], fl[32];
	written(fv, sizeof fv, st, v);
	written(fl, sizeof fl, st, last);
	if (!last) {
		if (v == 1 || v == run_on)
			return;
		if (run_on > 1) {
			/* Restarting or running on: either way a gap. */
			written(fl, sizeof fl, st, run_on - 1);
			note(r, line, _("%s %s is the first of %s: it neither starts at 1、 nor follows %s "
			                 "(line %ld)"), what, fv, group, fl, run_on_line);
		} else {
			missing(gap, sizeof gap, st, 1, v - 1);
			if (*group)
				note(r, line, _("%s %s is the first of %s: %s"), what, fv, group, gap);
			else
				note(r, line, _("%s %s is the first: %s"), what, fv, gap);
		}
	} else if (v == last) {
		note(r, line, _("%s %s again (line %ld has it)"), what, fv, last_line);
	} else if (v < last) {
		note(r, line, _("%s %s after %s (line %ld): the numbers go back"), what, fv, fl, last_line);
	} else if (v > last + 1) {
		missing(gap, sizeof gap, st, last + 1, v - 1);
		note(r, line, _("%s %s after %s (line %ld): %s"), what, fv, fl, last_line, gap);
	}
}

/* "(一)深入学习…建设 根据学校党总支…": the title ends at a space between
 * two Chinese characters, or after a 。 with more after it; the rest is
 * the (sub-)section's first paragraph, the title cut before it. Returns
 * where the rest starts in t (NULL: none); *cut where the title ends. */
/* The bytes of a space at s (ASCII, tab, U+3000), 0 when none. */
static size_t space_at(const char *s)
{
	return *s == ' ' || *s == '\t' ? 1 : strncmp(s, "\xE3\x80\x80", 3) == 0 ? 3 : 0;
}

/* Whether t[from..end) holds a sentence's punctuation. */
static int sentence_mark_in(const char *t, size_t from, size_t end)
{
	static const char *const marks[] = {"。", "，", "；", "！", "？"};
	for (size_t i = from; i + 3 <= end; i++)
		for (size_t m = 0; m < sizeof marks / sizeof *marks; m++)
			if (memcmp(t + i, marks[m], 3) == 0)
				return 1;
	return 0;
}

/* The last space before `before`, between two Chinese characters, with a
 * sentence after it up to `end`: its offset, 0 when none. */
static size_t space_split_at(const char *t, size_t end, size_t before)
{
	size_t found = 0;
	for (size_t i = 1; i < before; i++) {
		size_t k = space_at(t + i), r;
		if (!k || (unsigned char)t[i - 1] < 0x80)
			continue;
		for (r = i + k; r < end && space_at(t + r); r += space_at(t + r))
			;
		if (r < end && (unsigned char)t[r] >= 0x80 && sentence_mark_in(t, r, end))
			found = i;
	}
	return found;
}

/* Whether t[0..end) holds a 。 with more than space after it: a title
 * that would be split after it when read again. */
static int period_split_in(const char *t, size_t end)
{
	for (size_t i = 1; i + 3 <= end; i++)
		if (memcmp(t + i, "。", 3) == 0)
			for (size_t r = i + 3; r < end; r += space_at(t + r) ? space_at(t + r) : end)
				if (!space_at(t + r))
					return 1;
	return 0;
}

static char *split_heading(char *t, char **cut)
{
	size_t n = strlen(t), at, before;
	if (!*t)
		return NULL;
	/* A space between two Chinese characters with a sentence after it:
	 * the last such, so that a heading of two phrases (围绕中心 建功立业)
	 * stays whole and one with no sentence after it is not split; and
	 * one that leaves no such space in the title, which would be split
	 * again when read back. A long line is no heading to split. */
	for (before = n; n <= 600 && (at = space_split_at(t, n, before)) != 0; before = at) {
		if (space_split_at(t, at, at) == 0 && !period_split_in(t, at)) {
			char *rest = t + at;
			while (space_at(rest))
				rest += space_at(rest);
			*cut = t + at;
			return rest;
		}
	}
	for (size_t i = 1; t[i]; i++) {
		/* ... and only where the title left would not be split at a space
		 * when read back (found by fuzz_plan). */
		if (strncmp(t + i, "。", 3) == 0 && t[i + 3] && space_split_at(t, i + 3, i + 3) == 0) {
			char *rest = t + i + 3;
			while (*rest == ' ' || *rest == '\t' || strncmp(rest, "\xE3\x80\x80", 3) == 0)
				rest += *rest == ' ' || *rest == '\t' ? 1 : 3;
			*cut = t + i + 3;
			return *rest ? rest : NULL;
		}
	}
	return NULL;
}

static int read_heading(struct reader *r, const struct line *l)
{
	char *cut = NULL, *rest = split_heading(l->body, &cut), *title, sec[16];
	/* Split only where the rest reads back as text on a line of its own. */
	if (rest && !reads_as_text(rest))
		rest = NULL;
	int rc = finish_paragraph(r), first = r->group < 0;
	int last = l->kind == K_SECTION ? r->sec_last : r->sub_last;
	long last_line = l->kind == K_SECTION ? r->sec_line : r->sub_line;
	if (rc)
		return rc;
	if (l->kind == K_SECTION) {
		r->section = r->sec_last = l->number;
		r->sec_line = l->no;
		r->sub_last = 0;
	} else {
		r->sub_last = l->number;
		r->sub_line = l->no;
	}
	title = rest ? strndup(l->body, (size_t)(cut - l->body)) : l->body;
	/* The title cut before the text, trimmed as a line is read. */
	rc = !title || uk_plan_add_section(r->p, r->section, l->kind == K_SUB ? l->number : 0,
	                                   rest ? trim_all(title) : title);
	if (rest)
		free(title);
	if (rc)
		return uk_err_nomem();
	/* The items of a group run on from the group before, or restart. */
	r->group = r->p->nsections - 1;
	r->item = -1;
	r->item_last = 0;
	r->sublist = 0;
	/* Notes after the line they are about, as --explain lists them. */
	explain(r, l->no, l->kind == K_SECTION ? N_("section") : N_("sub-section"), r->p->sections[r->group].title);
	if (l->kind == K_SECTION) {
		/* 一、指导思想 is a preamble of its own: no note. */
		if (first && !r->p->guiding && strncmp(r->p->sections[r->group].title, "指导思想", 12) != 0)
			note(r, l->no, _("no preamble (指导思想) before the first section"));
		numbering_note(r, l->no, S_SECTION, l->number, last, last_line, 0, 0, "");
	} else {
		uk_cn_numeral_format(r->section, sec, sizeof sec);
		numbering_note(r, l->no, S_SUB, l->number, last, last_line, 0, 0, sec);
	}
	if (rest) {
		explain(r, l->no, N_("text"), rest);
		return begin_paragraph(r, D_SECTION, rest, l->no);
	}
	return 0;
}

static int read_item(struct reader *r, const struct line *l)
{
	struct uk_plan_item *it;
	char group[64];
	int before = r->p->nitems ? r->p->items[r->p->nitems - 1].number : 0, rc;
	if (r->group < 0)
		return perr(r->name, l->no, _("an item outside any section ('一、…' first): '%s'"),
		            uk_utf8_quote(l->s, 40, group, sizeof group));
	if (!l->number)
		return perr(r->name, l->no, _("an item is numbered 1 to %d: '%s'"), UK_PLAN_ITEM_MAX,
		            uk_utf8_quote(l->s, 40, group, sizeof group));
	if ((rc = finish_paragraph(r)) != 0)
		return rc;
	{
		int saved = r->item;
		r->item = -1;
		where_of(r, group, sizeof group);
		r->item = saved;
	}
	if (!(it = uk_plan_add_item(r->p)))
		return uk_err_nomem();
	it->group = r->group;
	it->section = r->p->sections[r->group].number;
	it->sub = r->p->sections[r->group].sub;
	it->number = l->number;
	r->item = r->p->nitems - 1;
	explain(r, l->no, N_("item"), l->body);
	numbering_note(r, l->no, S_ITEM, l->number, r->item_last, r->item_line,
	               r->item_last ? 0 : before + 1, r->any_item_line, group);
	r->item_last = l->number;
	r->item_line = r->any_item_line = l->no;
	r->item_paren = l->paren;
	r->sublist = 0;
	return begin_paragraph(r, D_ITEM_TEXT, l->body, l->no);
}

/* 指导思想 as a heading of its own: the canonical form's label. */
static int is_guiding_heading(const char *s)
{
	return strcmp(s, "指导思想") == 0 || strcmp(s, "指导思想：") == 0 || strcmp(s, "指导思想:") == 0;
}

/* A line that starts something of its own, never the end of a sentence
 * broken before it: a short line without punctuation (a heading word, a
 * signature, a date), a line that ends as a signature or a date does
 * (…工会, …委员会, …日), ① … ⑳, 附件. */
static int stands_alone(const char *s)
{
	static const char *const ends[] = {"工会", "委员会", "办公室", "日"};
	size_t n = strlen(s);
	/* ① to ⑳: E2 91 A0 to E2 91 B3. */
	if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x91 &&
	    (unsigned char)s[2] >= 0xA0 && (unsigned char)s[2] <= 0xB3)
		return 1;
	if (strncmp(s, "附件", 6) == 0 || strncmp(s, "附：", 6) == 0)
		return 1;
	for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
		size_t k = strlen(ends[i]);
		if (n >= k && strcmp(s + n - k, ends[i]) == 0)
			return 1;
	}
	/* Short, and no punctuation at its end. */
	return chars_of(s, 16) < 16 && !ends_punctuated(s);
}

/* Whether the paragraph with s joined to it reads back as the paragraph
 * it is: a prose paragraph that would turn into a heading, an item or a
 * bold line (**…** joined from two lines) is not joined. */
static int joined_reads_back(const struct reader *r, const char *s)
{
	size_t a = r->plen, b = strlen(s);
	char *t;
	int yes, number;
	if (r->dest == D_ITEM_TEXT)
		return 1;  /* written after its number: read back as the item's text */
	if (!(t = malloc(a + b + 2)))
		return 0;
	memcpy(t, r->para, a);
	/* The space join_line puts between two ASCII words. */
	if (a && isalnum((unsigned char)r->para[a - 1]) && isalnum((unsigned char)*s))
		t[a++] = ' ';
	memcpy(t + a, s, b + 1);
	yes = reads_as_text(t) || (reads_as_subpoint(r->para, &number) && reads_as_subpoint(t, &number));
	free(t);
	return yes;
}

static int read_text(struct reader *r, const struct line *l)
{
	/* Dropped only at the preamble's start: elsewhere it stays, so that
	 * the canonical form holds what kept two paragraphs apart. */
	if (r->group < 0 && !r->p->guiding && r->dest == D_NONE && is_guiding_heading(l->s)) {
		explain(r, l->no, N_("preamble"), l->s);  /* its label, not kept */
		return finish_paragraph(r);
	}
	int rc, unjoined = r->dest != D_NONE && r->para && stops_mid_sentence(r->para);
	if (unjoined && !r->para_alone && !stands_alone(l->s) && joined_reads_back(r, l->s))
		return join_line(r, l->s, l->no);
	explain(r, l->no, r->group < 0 ? N_("preamble") : N_("text"), l->s);
	rc = begin_paragraph(r, r->group < 0 ? D_GUIDING : r->item >= 0 ? D_ITEM_MORE : D_SECTION, l->s, l->no);
	/* A line that stands alone, or one not joined to an unfinished
	 * sentence before it, stays as it was: a join onto it could make it
	 * read otherwise when read back (found by fuzz_plan). */
	r->para_alone = !rc && (unjoined || stands_alone(l->s));
	return rc;
}

static int read_line(struct reader *r, struct line *l)
{
	switch (l->kind) {
	case K_SECTION:
		return read_heading(r, l);
	case K_SUB:
		if (r->group < 0)
			return perr(r->name, l->no, _("a sub-section outside any section ('一、…' first)"));
		return read_heading(r, l);
	case K_ITEM:
		/* (1) (2) under an item written 1、: its sub-points. */
		if (l->paren && r->item >= 0 && !r->item_paren && (r->sublist || l->number == 1)) {
			/* Never joined to the line before: (1) at a line's start is
			 * what makes the (2) (3) after it sub-points when read back
			 * (found by fuzz_plan). */
			r->sublist = 1;
			explain(r, l->no, N_("text"), l->s);
			return begin_paragraph(r, D_ITEM_MORE, l->s, l->no);
		}
		return read_item(r, l);
	case K_TEXT:
		return read_text(r, l);
	}
	return 0;
}

/* The first line is the title when it is not numbered and is marked as
 * one, or reads as one: 计划, 要点 or 安排 in it, no sentence end. */
static int is_title(const struct line *l)
{
	size_t n = strlen(l->s);
	if (l->kind != K_TEXT || is_guiding_heading(l->s))
		return 0;
	if (l->marked)
		return 1;
	if (!strstr(l->s, "计划") && !strstr(l->s, "要点") && !strstr(l->s, "安排"))
		return 0;
	if (chars_of(l->s, 61) > 60)
		return 0;
	return !(n >= 3 && (strcmp(l->s + n - 3, "。") == 0 || strcmp(l->s + n - 3, "；") == 0 ||
	                    strcmp(l->s + n - 3, "：") == 0));
}

/* The line after l, when the two are one title written over two lines:
 * the union's name alone, then 2027年度工作计划. The second line's text
 * (allocated) and how many lines on it is; NULL when they are not. */
static char *title_second_line(const struct line *l, const char *next, long *lines)
{
	struct line t = {0};
	char *copy = NULL;
	*lines = 0;
	if (l->marked || l->kind != K_TEXT || is_guiding_heading(l->s) || chars_of(l->s, 41) > 40 ||
	    ends_punctuated(l->s))
		return NULL;
	while (next) {
		const char *e = strchr(next, '\n');
		size_t n = e ? (size_t)(e - next) : strlen(next);
		free(copy);
		if (!(copy = dupn(next, n)))
			return NULL;
		++*lines;
		t.s = trim_all(copy);
		if (*t.s)
			break;
		next = e ? e + 1 : NULL;
	}
	if (!copy || !*t.s)
		goto no;
	classify(&t);
	if (!t.marked && is_title(&t)) {
		memmove(copy, t.s, strlen(t.s) + 1);
		return copy;
	}
no:
	free(copy);
	return NULL;
}

/* A title naming another year than the plan's is said, not changed. */
static void title_year_note(const struct reader *r, long line)
{
	const char *t = r->p->title;
	for (const char *y = strstr(t, "年"); y; y = strstr(y + 3, "年")) {
		int v = 0, k = 0;
		while (y - k > t && k < 4 && y[-k - 1] >= '0' && y[-k - 1] <= '9')
			k++;
		if (k != 4 || (y - k > t && y[-k - 1] >= '0' && y[-k - 1] <= '9'))
			continue;
		for (int i = k; i > 0; i--)
			v = v * 10 + (y[-i] - '0');
		if (r->how && r->how->year && v != r->how->year)
			note(r, line, _("the title names %d, the plan is stored for %d"), v, r->how->year);
		return;
	}
}

static int read_outline(struct reader *r, char *buf)
{
	char *line, *next;
	long no = 0, last = 0;
	int rc = 0, first = 1;

	for (line = buf; line && !rc; line = next) {
		struct line l = {0};
		if ((next = strchr(line, '\n')) != NULL) {
			*next++ = '\0';
			if (!*next)  /* the final line end ends the text */
				next = NULL;
		}
		l.no = ++no;
		l.s = trim_all(line);
		if (!*l.s)
			continue;
		classify(&l);
		if (!*l.s)
			continue;
		if (first && is_title(&l)) {
			first = 0;
			if (!(r->p->title = strdup(l.s)))
				return uk_err_nomem();
			explain(r, l.no, N_("title"), l.s);
			title_year_note(r, l.no);
			r->prev_line = last = l.no;
			continue;
		}
		if (first) {
			long lines;
			char *second = title_second_line(&l, next, &lines);
			if (second) {
				size_t a = strlen(l.s), b = strlen(second);
				first = 0;
				if (!(r->p->title = malloc(a + b + 1))) {
					free(second);
					return uk_err_nomem();
				}
				memcpy(r->p->title, l.s, a);
				memcpy(r->p->title + a, second, b + 1);
				explain(r, l.no, N_("title"), l.s);
				/* Past the second line. */
				for (long i = 0; i < lines && next; i++) {
					char *e = strchr(next, '\n');
					next = e && e[1] ? e + 1 : NULL;
				}
				no += lines;
				explain(r, no, N_("title"), second);
				title_year_note(r, no);
				free(second);
				r->prev_line = last = no;
				continue;
			}
		}
		first = 0;
		rc = read_line(r, &l);
		r->prev_line = last = l.no;
	}
	if (!rc)
		rc = finish_paragraph(r);
	if (!rc && !r->p->nsections)
		rc = !last ? perr(r->name, no ? no : 1, _("empty plan: no title, no section ('一、…')"))
		           : perr(r->name, last, _("no section ('一、…'): a plan is read by its numbered "
		                                   "sections"));
	return rc;
}

int uk_plan_parse(const char *text, size_t len, const char *name, const struct uk_plan_read *how,
                  struct uk_plan **out)
{
	struct uk_plan *p = calloc(1, sizeof *p);
	struct reader r = {0};
	char *buf;
	int rc;

	*out = NULL;
	if (!p)
		return uk_err_nomem();
	/* A byte-order mark (Windows Notepad) is not text. */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	/* Notepad's "Unicode": say what it is, not "not UTF-8". */
	if (len >= 2 && ((unsigned char)text[0] == 0xFF && (unsigned char)text[1] == 0xFE)) {
		uk_plan_free(p);
		return perr(name, 1, _("UTF-16 text (Notepad's \"Unicode\"): save it as UTF-8"));
	}
	if (len >= 2 && ((unsigned char)text[0] == 0xFE && (unsigned char)text[1] == 0xFF)) {
		uk_plan_free(p);
		return perr(name, 1, _("UTF-16 text (big-endian): save it as UTF-8"));
	}
	if (!uk_utf8_is_valid(text, len)) {
		/* Named by the line of the first bad byte, like every other fault. */
		size_t bad = uk_utf8_valid_prefix(text, len);
		long l = 1;
		for (size_t i = 0; i < bad; i++)
			l += text[i] == '\n';
		uk_plan_free(p);
		return perr(name, l, _("not UTF-8 text (a GB18030 file? save it as UTF-8)"));
	}
	/* A NUL would cut a line short and a control character would reach
	 * the terminal and the published plan: neither is plan text. */
	for (size_t i = 0, l = 1; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == '\n')
			l++;
		else if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f) {
			uk_plan_free(p);
			return perr(name, (long)l, _("a control character (byte 0x%02X) in the text"), c);
		} else if (c == 0xc2 && i + 1 < len && (unsigned char)text[i + 1] <= 0x9f) {
			/* A C1 control (U+0080..U+009F, valid UTF-8 here): a CSI too. */
			uk_plan_free(p);
			return perr(name, (long)l, _("a control character (U+%04X) in the text"),
			            (unsigned char)text[i + 1]);
		}
	}
	{
		size_t i = 0;
		while (i < len && strchr(" \t\r\n", text[i]) && text[i])
			i++;
		if (i < len && text[i] == '{') {
			if ((rc = parse_json(text, len, name, p)) == 0)
				return plan_via_markdown(p, name, how, out);
			uk_plan_free(p);
			return rc;
		}
	}
	if (!(buf = dupn(text, len))) {
		uk_plan_free(p);
		return uk_err_nomem();
	}
	/* Line ends of CR alone (old Mac files): lines all the same. */
	if (!memchr(buf, '\n', len))
		for (char *c = buf; (c = strchr(c, '\r')) != NULL; c++)
			*c = '\n';
	r.name = name;
	r.how = how;
	r.p = p;
	r.group = r.item = -1;
	rc = read_outline(&r, buf);
	free(r.para);
	free(buf);
	if (!rc && !p->guiding && !(p->guiding = strdup("")))
		rc = uk_err_nomem();
	if (!rc && !p->title) {
		if (!(p->title = uk_plan_made_title(how ? how->year : 0, how ? how->union_name : NULL)))
			rc = uk_err_nomem();
	}
	if (rc) {
		uk_plan_free(p);
		return rc;
	}
	*out = p;
	return 0;
}
