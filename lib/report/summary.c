/* summary.c - the year's work summary in sentences. A template holds the
 * wording with placeholders ({{name}}), blocks kept when their figure is
 * not zero ({{#name}}...{{/name}}) or when it is ({{^name}}...{{/name}}),
 * and comments ({{! ...}}); the figures come from the year report's JSON,
 * so a federation's merged report reads as a union's does. */
#include "uk_summary.h"
#include "uk_activities.h"
#include "uk_cli.h"
#include "uk_date.h"
#include "uk_metrics.h"
#include "uk_money.h"
#include "uk_text.h"
#include "uk_vocabs.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum fig_kind { FIG_COUNT, FIG_MONEY, FIG_RATE, FIG_DATE, FIG_TEXT, FIG_LIST };

/* The placeholders of the report's figures: a plan's metrics by their
 * names (unionkit(7)), and beside them what a summary also says. A path
 * to an object sums its numbers; to an array, counts its rows. */
static const struct {
	const char *name, *path;
	enum fig_kind kind;
} figures[] = {
	{"union_name", "union.name", FIG_TEXT},
	{"year", "year", FIG_COUNT},
	{"as_of", "as_of", FIG_DATE},
	{"partial", "partial", FIG_COUNT},
	{"unions", "unions", FIG_COUNT},
	{"members_total", "members.total", FIG_COUNT},
	{"members_active", "members.active", FIG_COUNT},
	{"members_retired", "members.retired", FIG_COUNT},
	{"members_joined", "members.joined", FIG_COUNT},
	{"members_left", "members.left", FIG_COUNT},
	{"female", "members.female", FIG_COUNT},
	{"female_share", "members.female_share", FIG_RATE},
	{"hardship_members", "members.hardship", FIG_COUNT},
	{"hardship_new", "members.hardship_files.new", FIG_COUNT},
	{"hardship_out", "members.hardship_files.out", FIG_COUNT},
	{"hardship_paid", "funds.hardship_paid", FIG_MONEY},
	{"hardship_recipients", "funds.hardship_recipients", FIG_COUNT},
	{"dues_collected", "funds.dues", FIG_MONEY},
	{"income", "funds.income", FIG_MONEY},
	{"expense", "funds.expense", FIG_MONEY},
	{"disclosure", "funds.disclosures", FIG_COUNT},
	{"disclosure_missed", NULL, FIG_COUNT},
	{"disclosure_monthly", NULL, FIG_COUNT},
	{"disputes_received", "disputes.received", FIG_COUNT},
	{"dispute_handled_rate", "disputes.handled_rate", FIG_RATE},
	{"dispute_success_rate", "disputes.success_rate", FIG_RATE},
	{"overdue_disputes", "disputes.overdue", FIG_COUNT},
	{"dispute_workers", "disputes.workers", FIG_COUNT},
	{"dispute_claimed", "disputes.claimed", FIG_MONEY},
	{"dispute_recovered", "disputes.recovered", FIG_MONEY},
	{"petitions", "disputes.petitions", FIG_COUNT},
	{"visit_persons", "care.persons", FIG_COUNT},
	{"care_times", "care.times", FIG_COUNT},
	{"care_amount", "care.cash+care.goods", FIG_MONEY},
	{"hardship_visited", "care.hardship.persons", FIG_COUNT},
	{"hardship_care_amount", "care.hardship.amount", FIG_MONEY},
	{"summer_units", "care.summer.units", FIG_COUNT},
	{"summer_workers", "care.summer.workers", FIG_COUNT},
	{"summer_amount", "care.summer.amount", FIG_MONEY},
	{"school_aid_students", "care.school_aid.students", FIG_COUNT},
	{"school_aid_amount", "care.school_aid.amount", FIG_MONEY},
	{"mutual_aid_insured", "mutual_aid.insured.total", FIG_COUNT},
	{"mutual_aid_active", "mutual_aid.insured.active", FIG_COUNT},
	{"mutual_aid_retired", "mutual_aid.insured.retired", FIG_COUNT},
	{"mutual_aid_ankang", "mutual_aid.insured.ankang", FIG_COUNT},
	{"mutual_aid_special", "mutual_aid.insured.special", FIG_COUNT},
	{"mutual_aid_units", "mutual_aid.units", FIG_COUNT},
	{"mutual_aid_full_units", "mutual_aid.full_units", FIG_COUNT},
	{"mutual_aid_paid", "mutual_aid.paid", FIG_MONEY},
	{"unions_total", "register.unions", FIG_COUNT},
	{"unions_single", "register.single", FIG_COUNT},
	{"unions_joint", "register.joint", FIG_COUNT},
	{"unions_founded", "register.founded", FIG_COUNT},
	{"unions_dissolved", "register.dissolved", FIG_COUNT},
	{"firms_covered", "register.firms", FIG_COUNT},
	{"hardship_fund_unions", "register.hardship_fund.unions", FIG_COUNT},
	{"hardship_fund_required", "register.hardship_fund.required", FIG_COUNT},
	{"hardship_fund_share", "register.hardship_fund.share", FIG_RATE},
	{"hardship_fund_size", "register.hardship_fund.size", FIG_MONEY},
	{"mediation_committees", "register.mediation.committees", FIG_COUNT},
	{"mediators", "register.mediation.mediators", FIG_COUNT},
	{"congress_unions", "register.congress", FIG_COUNT},
	{"contracts_in_force", "register.contracts", FIG_COUNT},
	{"contracts_collective", "register.contracts.collective", FIG_COUNT},
	{"contracts_wage", "register.contracts.wage", FIG_COUNT},
	{"contracts_women", "register.contracts.women", FIG_COUNT},
	{"contract_workers", "register.contract_workers", FIG_COUNT},
	{"contracts_expiring", "register.contracts_expiring", FIG_COUNT},
	{"audits_done", "register.audits.done", FIG_COUNT},
	{"audit_findings_open", "register.audits.open", FIG_COUNT},
	{"not_reported", "not_reported", FIG_COUNT},
	{"unregistered", "unregistered", FIG_COUNT},
	{"activities", NULL, FIG_COUNT},
	{"plan", "plan", FIG_LIST},
	{"plan_targets", NULL, FIG_COUNT},
	{"plan_met", NULL, FIG_COUNT},
};
#define NFIGURES (sizeof figures / sizeof figures[0])

/* The fields of a plan row, inside {{#plan}}. */
static const char *const item_fields[] = {"item", "text", "target", "actual", "result", NULL};

struct fig {
	enum fig_kind kind;
	long long n;        /* count, fen, or per mille (-1: no denominator) */
	const char *text;   /* FIG_TEXT, FIG_DATE */
	json_t *list;       /* FIG_LIST */
	json_t *item;       /* the plan row of an item field */
};

static const char *str_or_empty(json_t *v)
{
	return json_is_string(v) ? json_string_value(v) : "";
}

static int is_item_field(const char *name)
{
	for (const char *const *f = item_fields; *f; f++)
		if (!strcmp(*f, name))
			return 1;
	return 0;
}

/* An activity kind's metric (training, training_participants): the kind's
 * index, *part set for participants; -1 when name is none. */
static int activity_metric(const char *name, int *part)
{
	const struct uk_metric *m = uk_metric_find(name);
	for (int k = 0; m && k < UK_ACTIVITY_NKINDS; k++) {
		char slug[48];
		snprintf(slug, sizeof slug, "%s", uk_activity_kind(k));
		for (char *c = slug; *c; c++)
			if (*c == '-')
				*c = '_';
		if (!strcmp(m->name, slug) || (!strncmp(m->name, slug, strlen(slug)) &&
		    !strcmp(m->name + strlen(slug), "_participants"))) {
			*part = m->name[strlen(slug)] != '\0';
			return strcmp(m->name, name) ? -1 : k;
		}
	}
	return -1;
}

int uk_summary_knows(const char *name)
{
	int part;
	for (size_t i = 0; i < NFIGURES; i++)
		if (!strcmp(figures[i].name, name))
			return 1;
	return activity_metric(name, &part) >= 0;
}

static json_t *at_path(json_t *r, const char *path)
{
	char key[64];
	while (r && path) {
		const char *dot = strchr(path, '.');
		size_t n = dot ? (size_t)(dot - path) : strlen(path);
		snprintf(key, sizeof key, "%.*s", (int)n, path);
		r = json_object_get(r, key);
		path = dot ? dot + 1 : NULL;
	}
	return r;
}

/* A JSON value as a number of its kind: money strings in fen, rates in per
 * mille, objects as the sum of their numbers, arrays as their length. */
static long long number_of(json_t *v, enum fig_kind kind)
{
	int64_t fen;
	const char *why;
	if (json_is_integer(v))
		return json_integer_value(v);
	if (json_is_real(v))
		return (long long)(json_real_value(v) * 10 + 0.5);
	if (json_is_true(v))
		return 1;
	if (json_is_string(v) && uk_money_parse(json_string_value(v), &fen, &why) == 0)
		return fen;
	if (json_is_array(v))
		return (long long)json_array_size(v);
	if (json_is_object(v)) {
		const char *k;
		json_t *x;
		long long sum = 0;
		json_object_foreach(v, k, x)
			sum += number_of(x, kind);
		return sum;
	}
	return kind == FIG_RATE ? -1 : 0;
}

/* The months due a disclosure that had none, in *missed (0 when not
 * known), and whether every month due had one: 1 lets the summary say
 * 坚持每月一公开. A union's months due are those ended by its report's
 * day (a month is recorded on its last day). A merge counts only when
 * no report is partial: twelve a union, at most one disclosure a month
 * each; reports drawn on different days cannot be told month by month. */
static int disclosure_counts(json_t *r, long long *missed)
{
	const char *as_of = str_or_empty(json_object_get(r, "as_of"));
	long long made = number_of(at_path(r, "funds.disclosures"), FIG_COUNT);
	long long unions = number_of(json_object_get(r, "unions"), FIG_COUNT);
	int partial = json_is_true(json_object_get(r, "partial"));
	long long due = 12;
	*missed = 0;
	if (unions > 0) {
		if (partial)
			return 0;
		due *= unions;
	} else if (partial && strlen(as_of) == 10) {
		struct uk_date d;
		const char *why;
		if (uk_date_parse(as_of, &d, &why) != 0)
			return 0;
		due = d.m - 1 + (d.d == uk_date_days_in_month(d.y, d.m));
	}
	*missed = due > made ? due - made : 0;
	return due > 0 && !*missed;
}

/* The figure called name, from the report r or from the plan row item. */
static void figure(json_t *r, json_t *item, const char *name, struct fig *f)
{
	int part, k;
	memset(f, 0, sizeof *f);
	f->kind = FIG_COUNT;
	if (item && is_item_field(name)) {
		f->kind = FIG_TEXT;
		f->text = json_string_value(json_object_get(item, name));
		f->item = item;
		return;
	}
	if ((k = activity_metric(name, &part)) >= 0) {
		size_t i;
		json_t *row;
		json_array_foreach(json_object_get(r, "activities"), i, row)
			if (!strcmp(str_or_empty(json_object_get(row, "kind")), uk_activity_kind(k)))
				f->n = number_of(json_object_get(row, part ? "participants" : "count"), FIG_COUNT);
		return;
	}
	for (size_t i = 0; i < NFIGURES; i++) {
		size_t j;
		json_t *row, *v;
		if (strcmp(figures[i].name, name))
			continue;
		f->kind = figures[i].kind;
		if (!strcmp(name, "disclosure_missed") || !strcmp(name, "disclosure_monthly")) {
			long long missed;
			int monthly = disclosure_counts(r, &missed);
			f->n = !strcmp(name, "disclosure_missed") ? missed : monthly;
		} else if (!strcmp(name, "activities")) {
			json_array_foreach(json_object_get(r, "activities"), j, row)
				f->n += number_of(json_object_get(row, "count"), FIG_COUNT);
		} else if (!strcmp(name, "plan_targets") || !strcmp(name, "plan_met")) {
			json_array_foreach(json_object_get(r, "plan"), j, row)
				f->n += name[5] == 't' ? json_is_string(json_object_get(row, "target")) :
				        !strcmp(str_or_empty(json_object_get(row, "result")), "met");
		} else if (strchr(figures[i].path, '+')) {
			/* A sum of two figures: care.cash+care.goods. */
			char one[64];
			for (const char *p = figures[i].path; p; p = strchr(p, '+') ? strchr(p, '+') + 1 : NULL) {
				snprintf(one, sizeof one, "%.*s", (int)strcspn(p, "+"), p);
				f->n += number_of(at_path(r, one), f->kind);
			}
		} else {
			v = at_path(r, figures[i].path);
			if (f->kind == FIG_TEXT || f->kind == FIG_DATE)
				f->text = json_string_value(v);
			else if (f->kind == FIG_LIST)
				f->list = v, f->n = (long long)json_array_size(v);
			else
				f->n = number_of(v, f->kind);
		}
		return;
	}
}

static int truthy(const struct fig *f)
{
	if (f->kind == FIG_TEXT || f->kind == FIG_DATE)
		return f->text && *f->text;
	return f->kind == FIG_RATE ? f->n >= 0 : f->n != 0;
}

static void put_figure(const struct fig *f, const char *name, FILE *out)
{
	long long n = f->n;
	if (f->kind == FIG_TEXT) {
		if (f->text && !strcmp(name, "result"))
			fputs(uk_vocab_zh(uk_vocab_of(UK_V_PLAN_RESULT), f->text), out);
		else if (f->text && !strcmp(name, "target"))
			uk_metric_target_text(f->text, out);
		else if (f->text && !strcmp(name, "actual"))
			uk_metric_actual_words(json_string_value(json_object_get(f->item, "target")), f->text, out);
		else
			fputs(f->text ? f->text : "\xE2\x80\x93", out);
	} else if (f->kind == FIG_DATE) {
		struct uk_date d;
		const char *why;
		if (f->text && uk_date_parse(f->text, &d, &why) == 0)
			fprintf(out, "%d年%d月%d日", d.y, d.m, d.d);
	} else if (f->kind == FIG_MONEY) {
		/* 1329770元, 2400.50元: whole yuan without decimals. */
		const char *sign = n < 0 ? "-" : "";
		n = n < 0 ? -n : n;
		if (n % 100)
			fprintf(out, "%s%lld.%02lld", sign, n / 100, n % 100);
		else
			fprintf(out, "%s%lld", sign, n / 100);
	} else if (f->kind == FIG_RATE) {
		if (n < 0)
			fputs("\xE2\x80\x93", out);
		else if (n % 10)
			fprintf(out, "%lld.%lld%%", n / 10, n % 10);
		else
			fprintf(out, "%lld%%", n / 10);
	} else {
		fprintf(out, "%lld", n);
	}
}

/* A tag of the template: {{name}}, {{#name}}, {{^name}}, {{/name}} or a
 * comment; lead..tail is what it takes of the text, its whole line when
 * it stands alone on one (so a block's tags leave no empty lines). */
struct tag {
	char type;            /* 0, '#', '^', '/', '!' */
	char name[64];
	const char *at, *end; /* "{{" and after "}}" */
	const char *lead, *tail;
	long line;
};

static long line_of(const char *base, const char *p)
{
	long line = 1;
	for (; base < p; base++)
		line += *base == '\n';
	return line;
}

/* The next tag at or after p; 0, 1 when there is none, -1 when a "{{" has
 * no "}}" (t->at says where). */
static int next_tag(const char *base, const char *p, struct tag *t)
{
	const char *s, *e, *q;
	size_t n;
	int depth = 1;
	if (!(t->at = strstr(p, "{{")))
		return 1;
	s = t->at + 2;
	t->type = strchr("#^/!", *s) && *s ? *s++ : 0;
	/* A comment may quote tags: it ends where its braces balance. */
	for (e = s; *e; e++) {
		if (t->type == '!' && !strncmp(e, "{{", 2))
			depth++, e++;
		else if (!strncmp(e, "}}", 2) && --depth == 0)
			break;
		else if (!strncmp(e, "}}", 2))
			e++;
	}
	if (!*e)
		return -1;
	t->end = e + 2;
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	n = (size_t)(e - s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	snprintf(t->name, sizeof t->name, "%.*s", t->type == '!' ? 0 : (int)(n < 63 ? n : 63), s);
	if (n >= sizeof t->name && t->type != '!')
		t->name[0] = '\0';  /* too long to be any name: unknown */
	t->lead = t->at;
	t->tail = t->end;
	if (t->type) {
		for (q = t->at; q > base && (q[-1] == ' ' || q[-1] == '\t'); q--)
			;
		if (q == base || q[-1] == '\n') {
			const char *r = t->end;
			while (*r == ' ' || *r == '\t' || *r == '\r')
				r++;
			if (*r == '\n' || !*r) {
				t->lead = q;
				t->tail = *r ? r + 1 : r;
			}
		}
	}
	return 0;
}

int uk_summary_check(const char *text, const char *name)
{
	struct tag t;
	struct { char name[64]; long line; } open[32];
	int depth = 0, in_plan = 0, rc;
	const char *p = text;
	while ((rc = next_tag(text, p, &t)) == 0) {
		t.line = line_of(text, t.at);
		p = t.tail;
		if (t.type == '!')
			continue;
		if (t.type == '/') {
			if (!depth || strcmp(open[depth - 1].name, t.name)) {
				if (depth)
					uk_err_at(name, t.line, "'{{/%s}}' closes no block: '{{#%s}}' of line %ld is open",
					          t.name, open[depth - 1].name, open[depth - 1].line);
				else
					uk_err_at(name, t.line, "'{{/%s}}' closes no block", t.name);
				return UK_EX_DATAERR;
			}
			in_plan -= !strcmp(t.name, "plan");
			depth--;
			continue;
		}
		if (!uk_summary_knows(t.name) && !(in_plan && is_item_field(t.name))) {
			uk_err_at(name, t.line, "unknown placeholder '{{%s}}' (report-year(1) lists them)", t.name);
			return UK_EX_DATAERR;
		}
		if (!t.type && !strcmp(t.name, "plan")) {
			uk_err_at(name, t.line, "'{{plan}}' is a list: write '{{#plan}}...{{/plan}}' around its items");
			return UK_EX_DATAERR;
		}
		if (t.type) {
			if (depth == (int)(sizeof open / sizeof open[0])) {
				uk_err_at(name, t.line, "blocks nested more than %d deep", depth);
				return UK_EX_DATAERR;
			}
			snprintf(open[depth].name, sizeof open[depth].name, "%s", t.name);
			open[depth++].line = t.line;
			in_plan += !strcmp(t.name, "plan");
		}
	}
	if (rc < 0) {
		uk_err_at(name, line_of(text, t.at), "'{{' without '}}'");
		return UK_EX_DATAERR;
	}
	if (depth) {
		uk_err_at(name, open[depth - 1].line, "'{{#%s}}' is not closed by '{{/%s}}'", open[depth - 1].name,
		          open[depth - 1].name);
		return UK_EX_DATAERR;
	}
	return 0;
}

/* The close of the block whose open tag ends at p. */
static void block_end(const char *base, const char *p, struct tag *close)
{
	int depth = 1;
	while (next_tag(base, p, close) == 0) {
		p = close->tail;
		if (close->type == '#' || close->type == '^')
			depth++;
		else if (close->type == '/' && --depth == 0)
			return;
	}
}

/* Writes text[from..to) filled in; the template is checked. */
static void expand(const char *base, const char *from, const char *to, json_t *r, json_t *item, FILE *out)
{
	struct tag t, close;
	const char *p = from;
	while (p < to && next_tag(base, p, &t) == 0 && t.at < to) {
		struct fig f;
		if (t.lead < p)
			t.lead = p;
		fwrite(p, 1, (size_t)(t.lead - p), out);
		p = t.tail;
		if (t.type == '!')
			continue;
		figure(r, item, t.name, &f);
		if (!t.type) {
			put_figure(&f, t.name, out);
			continue;
		}
		block_end(base, t.tail, &close);
		if (f.kind == FIG_LIST && t.type == '#') {
			size_t i;
			json_t *row;
			json_array_foreach(f.list, i, row)
				expand(base, t.tail, close.lead, r, row, out);
		} else if (truthy(&f) == (t.type == '#')) {
			expand(base, t.tail, close.lead, r, item, out);
		}
		p = close.tail;
	}
	if (p < to)
		fwrite(p, 1, (size_t)(to - p), out);
}

/* The outline numbered anew: "## 一、" headings in turn, "1、" paragraphs
 * from 1 under each heading; runs of empty lines made one. */
static void renumber(const char *md, FILE *out)
{
	int section = 0, para = 0, blank = 1;
	for (const char *line = md; *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		const char *rest = line;
		int value;
		size_t n;
		if (len == 0) {
			if (!blank)
				fputc('\n', out);
			blank = 1;
		} else if (!strncmp(line, "## ", 3) && uk_cn_numeral_parse(line + 3, &value, &n) == 0 &&
		           !strncmp(line + 3 + n, "、", strlen("、"))) {
			char num[32];
			uk_cn_numeral_format(++section, num, sizeof num);
			rest = line + 3 + n;
			fprintf(out, "## %s%.*s\n", num, (int)(len - (size_t)(rest - line)), rest);
			para = 0;
			blank = 0;
		} else {
			while (rest < line + len && *rest >= '0' && *rest <= '9')
				rest++;
			if (rest > line && !strncmp(rest, "、", strlen("、")))
				fprintf(out, "%d", ++para);
			else
				rest = line;
			if (!strncmp(line, "## ", 3))
				para = 0;
			fprintf(out, "%.*s\n", (int)(len - (size_t)(rest - line)), rest);
			blank = 0;
		}
		line += len + (nl != NULL);
	}
}

int uk_summary_expand(json_t *r, const char *text, char **out)
{
	char *raw = NULL, *done = NULL;
	size_t n;
	FILE *f = open_memstream(&raw, &n);
	if (!f)
		return uk_err_nomem();
	expand(text, text, text + strlen(text), r, NULL, f);
	if (fclose(f) != 0 || !raw) {
		free(raw);
		return uk_err_nomem();
	}
	if (!(f = open_memstream(&done, &n))) {
		free(raw);
		return uk_err_nomem();
	}
	renumber(raw + strspn(raw, "\n"), f);
	free(raw);
	if (fclose(f) != 0 || !done) {
		free(done);
		return uk_err_nomem();
	}
	/* No line break at the end: the caller places the text. */
	while (n && done[n - 1] == '\n')
		done[--n] = '\0';
	*out = done;
	return 0;
}

void uk_summary_html(const char *md, FILE *f)
{
	for (const char *line = md; *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		char *one = strndup(line, len);
		if (one && *one) {
			int h = !strncmp(one, "### ", 4) ? 3 : !strncmp(one, "## ", 3) ? 2 : !strncmp(one, "# ", 2) ? 1 : 0;
			fprintf(f, h ? "<h%d>" : "<p>", h);
			uk_html_escape(one + (h ? h + 1 : 0), f);
			fprintf(f, h ? "</h%d>\n" : "</p>\n", h);
		}
		free(one);
		line += len + (nl != NULL);
	}
}
