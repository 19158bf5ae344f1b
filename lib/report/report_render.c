/* report_render.c - a report's JSON drawn as Markdown, a terminal table,
 * CSV sections, or one printable HTML page with inline SVG charts. */
#include "uk_report.h"
#include "uk_summary.h"
#include "uk_mutual_aid.h"
#include "uk_unions.h"
#include "uk_rec.h"
#include "uk_text.h"
#include "uk_columns.h"
#include "uk_metrics.h"
#include "uk_money.h"
#include "uk_vocabs.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* A table of the report: rows taken from an array of objects. */
struct column { const char *key, *zh, *en; enum uk_coltype type; };
struct table {
	const char *name, *zh, *en;
	const struct column *cols;
	int ncols;
	json_t *rows;               /* borrowed or owned (owned set) */
	int owned;
	const char *empty_zh, *empty_en;   /* said instead of a table with no rows */
};

#define NCOLS(c) ((int)(sizeof c / sizeof c[0]))

/* The values are counts, money and rates: aligned right as numbers are
 * in every other table. */
static const struct column kv_cols[] = {
	{"item", "项目", "item", UK_COL_TEXT}, {"value", "数值", "value", UK_COL_MONEY},
};
static const struct column unit_cols[] = {
	{"unit", "部门", "unit", UK_COL_TEXT}, {"members", "会员数", "members", UK_COL_INT},
};
static const struct column class_cols[] = {
	{"code", "科目代码", "code", UK_COL_TEXT}, {"name", "科目", "class", UK_COL_TEXT},
	{"kind", "类别", "kind", UK_COL_TEXT}, {"amount", "金额", "amount", UK_COL_MONEY},
};
static const struct column month_cols[] = {
	{"month", "月份", "month", UK_COL_TEXT}, {"income", "收入", "income", UK_COL_MONEY},
	{"expense", "支出", "expense", UK_COL_MONEY},
};
static const struct column balance_cols[] = {
	{"fund", "基金", "fund", UK_COL_TEXT}, {"title", "名称", "title", UK_COL_TEXT},
	{"account", "账户", "account", UK_COL_TEXT}, {"opening", "期初余额", "opening", UK_COL_MONEY},
	{"closing", "期末余额", "closing", UK_COL_MONEY},
};
/* The year's as a document shows them: accounts under their fund, as the
 * month's. */
static const struct column balance_doc_cols[] = {
	{"fund", "基金", "fund", UK_COL_TEXT}, {"account", "账户", "account", UK_COL_TEXT},
	{"opening", "期初余额", "opening", UK_COL_MONEY}, {"closing", "期末余额", "closing", UK_COL_MONEY},
};
/* The month's balances: the year's columns with the month's movements. */
static const struct column month_balance_cols[] = {
	{"fund", "基金", "fund", UK_COL_TEXT}, {"title", "名称", "title", UK_COL_TEXT},
	{"account", "账户", "account", UK_COL_TEXT}, {"opening", "期初余额", "opening", UK_COL_MONEY},
	{"income", "本月收入", "income", UK_COL_MONEY}, {"expense", "本月支出", "expense", UK_COL_MONEY},
	{"closing", "期末余额", "closing", UK_COL_MONEY},
};
/* The same as the notice board reads it: accounts under their fund. */
static const struct column month_balance_doc_cols[] = {
	{"fund", "基金", "fund", UK_COL_TEXT}, {"account", "账户", "account", UK_COL_TEXT},
	{"opening", "期初余额", "opening", UK_COL_MONEY},
	{"income", "本月收入", "in this month", UK_COL_MONEY},
	{"expense", "本月支出", "out this month", UK_COL_MONEY},
	{"closing", "期末余额", "closing", UK_COL_MONEY},
};
static const struct column activity_cols[] = {
	{"kind", "活动类型", "kind", UK_COL_TEXT}, {"count", "次数", "count", UK_COL_INT},
	{"participants", "参加人次", "participants", UK_COL_INT},
};
static const struct column plan_cols[] = {
	{"item", "条目", "item", UK_COL_TEXT}, {"text", "内容", "text", UK_COL_TEXT},
	{"target", "目标", "target", UK_COL_TEXT}, {"actual", "实际", "actual", UK_COL_TEXT},
	{"result", "完成情况", "result", UK_COL_TEXT},
};
static const struct column statement_cols[] = {
	{"code", "科目代码", "code", UK_COL_TEXT}, {"name", "科目", "class", UK_COL_TEXT},
	{"kind", "类别", "kind", UK_COL_TEXT}, {"month", "本月数", "this month", UK_COL_MONEY},
	{"year_to_date", "本年累计数", "year to date", UK_COL_MONEY},
};
/* 收入支出表 (工会02表): classes under their totals, no kind column. */
static const struct column statement_doc_cols[] = {
	{"code", "科目代码", "code", UK_COL_TEXT}, {"name", "项目", "item", UK_COL_TEXT},
	{"month", "本月数", "this month", UK_COL_MONEY},
	{"year_to_date", "本年累计数", "year to date", UK_COL_MONEY},
};
static const struct column aid_cols[] = {
	{"date", "日期", "date", UK_COL_TEXT}, {"member", "受助会员", "member", UK_COL_TEXT},
	{"amount", "金额", "amount", UK_COL_MONEY},
};
static const struct column union_cols[] = {
	{"union", "工会", "union", UK_COL_TEXT}, {"members", "会员数", "members", UK_COL_INT},
	{"income", "收入", "income", UK_COL_MONEY}, {"expense", "支出", "expense", UK_COL_MONEY},
	{"disputes", "受理劳动争议", "disputes", UK_COL_INT},
	{"handled_rate", "调处率", "handled rate", UK_COL_INT},
	{"success_rate", "成功率", "success rate", UK_COL_INT},
};

/* The text of a value: money and text as they are, numbers, "–" for
 * null (a rate with no denominator). */
static const char *text_of(json_t *v, char *buf, size_t n)
{
	if (!v || json_is_null(v))
		return "\xE2\x80\x93";
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v))
		snprintf(buf, n, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		snprintf(buf, n, "%.1f%%", json_real_value(v));
	else
		snprintf(buf, n, "?");
	return buf;
}

/* A cell of column key: under zh a vocabulary value by its Chinese name
 * (工会经费, 银行存款, 文体活动, 未完成) and a target by its metric's. */
static const char *cell(const char *key, json_t *v, enum uk_lang lang, char *buf, size_t n)
{
	const char *s = text_of(v, buf, n), *zh;
	char words[64];
	if (lang != UK_LANG_ZH || !json_is_string(v) ||
	    !(zh = uk_column_value_zh(key, s, words, sizeof words)))
		return s;
	snprintf(buf, n, "%s", zh);
	return buf;
}

static void kv(json_t *rows, const char *item, json_t *v)
{
	char buf[64];
	json_array_append_new(rows, json_pack("{s:s, s:s}", "item", item, "value", text_of(v, buf, sizeof buf)));
}

static const char *L(enum uk_lang lang, const char *zh, const char *en)
{
	return lang == UK_LANG_EN ? en : zh;
}

static json_t *money_row(json_t *o, const char *k1, json_t *from, const char *k2)
{
	json_t *v = json_object_get(from, k2);
	json_object_set_new(o, k1, v ? json_incref(v) : json_string("0.00"));
	return o;
}

/* 收入支出表 as the rules lay it out: the income classes and 本期收入合计,
 * the expense classes and 本期支出合计, then 本期收支结余. No rows when
 * no class has an entry in the year so far: the section says 本月无, not
 * three totals of 0.00 under an empty table. */
static json_t *statement_doc_rows(json_t *r, enum uk_lang lang)
{
	json_t *rows = json_array(), *row;
	static const char *const kinds[] = {"income", "expense"};
	static const char *const total[][2] = {{"本期收入合计", "total income"},
	                                       {"本期支出合计", "total expense"}};
	static const char *const key[] = {"income_total", "expense_total"};
	if (!json_array_size(json_object_get(r, "statement")))
		return rows;
	for (int k = 0; k < 2; k++) {
		size_t i;
		json_t *t = json_object_get(r, key[k]);
		json_array_foreach(json_object_get(r, "statement"), i, row)
			if (!strcmp(json_string_value(json_object_get(row, "kind")), kinds[k]))
				json_array_append(rows, row);
		row = json_pack("{s:s, s:s}", "code", "", "name", L(lang, total[k][0], total[k][1]));
		money_row(money_row(row, "month", t, "month"), "year_to_date", t, "year_to_date");
		json_array_append_new(rows, row);
	}
	row = json_pack("{s:s, s:s}", "code", "", "name", L(lang, "本期收支结余", "surplus"));
	money_row(money_row(row, "month", json_object_get(r, "surplus"), "month"), "year_to_date",
	          json_object_get(r, "surplus"), "year_to_date");
	json_array_append_new(rows, row);
	return rows;
}

static json_t *flow_row(const char *fund, const char *account, json_t *from)
{
	json_t *row = json_pack("{s:s, s:s}", "fund", fund, "account", account);
	static const char *const k[] = {"opening", "income", "expense", "closing"};
	for (int i = 0; i < 4; i++)
		money_row(row, k[i], from, k[i]);
	return row;
}

/* 各项基金余额: each fund's accounts under it, its 小计, and the 合计 of
 * all; the fund named once, by its title. */
static json_t *balance_doc_rows(json_t *r, enum uk_lang lang)
{
	json_t *rows = json_array(), *fund, *row;
	size_t i, k;
	json_array_foreach(json_object_get(r, "funds"), i, fund) {
		const char *name = json_string_value(json_object_get(fund, "fund"));
		int first = 1;
		json_array_foreach(json_object_get(r, "balances"), k, row) {
			if (strcmp(json_string_value(json_object_get(row, "fund")), name))
				continue;
			json_array_append_new(rows, flow_row(!first ? "" : lang == UK_LANG_ZH ?
			                      json_string_value(json_object_get(fund, "title")) : name,
			                      json_string_value(json_object_get(row, "account")), row));
			first = 0;
		}
		json_array_append_new(rows, flow_row("", L(lang, "小计", "subtotal"), fund));
	}
	json_array_append_new(rows, flow_row(L(lang, "合计", "total"), "", json_object_get(r, "balances_total")));
	return rows;
}

/* A year's 各项基金余额: each fund once, by its title, its accounts under
 * it and its 小计, then the 合计 of all, the books' balance at the year's
 * end. The report has no totals of its own: they are added here. */
static json_t *year_balance_doc_rows(json_t *balances, enum uk_lang lang)
{
	static const char *const k[] = {"opening", "closing"};
	json_t *rows = json_array(), *funds = json_array(), *fund, *row;
	int64_t all[2] = {0, 0};
	size_t i, j;
	json_array_foreach(balances, i, row) {
		int seen = 0;
		json_array_foreach(funds, j, fund)
			seen |= json_equal(fund, json_object_get(row, "fund"));
		if (!seen)
			json_array_append(funds, json_object_get(row, "fund"));
	}
	json_array_foreach(funds, j, fund) {
		int64_t sub[2] = {0, 0};
		int first = 1;
		json_array_foreach(balances, i, row) {
			json_t *out;
			if (!json_equal(fund, json_object_get(row, "fund")))
				continue;
			out = json_pack("{s:s, s:O}", "fund", "", "account", json_object_get(row, "account"));
			if (first)
				json_object_set(out, "fund", json_object_get(row, lang == UK_LANG_ZH ? "title" : "fund"));
			for (int c = 0; c < 2; c++) {
				int64_t fen = 0;
				const char *why;
				json_t *v = json_object_get(row, k[c]);
				if (json_is_string(v))
					uk_money_parse(json_string_value(v), &fen, &why);
				sub[c] += fen;
				json_object_set(out, k[c], v);
			}
			json_array_append_new(rows, out);
			first = 0;
		}
		row = json_pack("{s:s, s:s}", "fund", "", "account", L(lang, "小计", "subtotal"));
		for (int c = 0; c < 2; c++) {
			char buf[UK_MONEY_BUFSZ];
			json_object_set_new(row, k[c], json_string(uk_money_format(sub[c], buf)));
			all[c] += sub[c];
		}
		json_array_append_new(rows, row);
	}
	row = json_pack("{s:s, s:s}", "fund", L(lang, "合计", "total"), "account", "");
	for (int c = 0; c < 2; c++) {
		char buf[UK_MONEY_BUFSZ];
		json_object_set_new(row, k[c], json_string(uk_money_format(all[c], buf)));
	}
	json_array_append_new(rows, row);
	json_decref(funds);
	return rows;
}

/* A plan row's field as the summary words it: the target 学习不少于4,
 * the actual 5次. */
static json_t *plan_words(json_t *row, const char *key)
{
	char *buf = NULL;
	size_t n;
	json_t *v = json_object_get(row, key), *words;
	FILE *f;
	if (!json_is_string(v) || !(f = open_memstream(&buf, &n)))
		return json_incref(v ? v : json_null());
	if (!strcmp(key, "target"))
		uk_metric_target_text(json_string_value(v), f);
	else
		uk_metric_actual_words(json_string_value(json_object_get(row, "target")), json_string_value(v), f);
	fclose(f);
	words = buf ? json_string(buf) : NULL;
	free(buf);
	return words ? words : json_incref(v);
}

/* The plan's rows as the Chinese document has them: targets and actuals
 * in words, not "study >= 4". */
static json_t *plan_doc_rows(json_t *plan)
{
	json_t *rows = json_array(), *row;
	size_t i;
	json_array_foreach(plan, i, row) {
		json_t *out = json_copy(row);
		json_object_set_new(out, "target", plan_words(row, "target"));
		json_object_set_new(out, "actual", plan_words(row, "actual"));
		json_array_append_new(rows, out);
	}
	return rows;
}

/* 帮扶支出 and its 合计; no rows when none was paid. */
static json_t *aid_doc_rows(json_t *r, enum uk_lang lang)
{
	json_t *rows = json_deep_copy(json_object_get(r, "aid"));
	if (!rows)
		rows = json_array();
	if (json_array_size(rows))
		json_array_append_new(rows, money_row(json_pack("{s:s, s:s}", "date", L(lang, "合计", "total"),
		                                                "member", ""), "amount", r, "aid_total"));
	return rows;
}

/* A figure of the care table; in a month's document only the figures
 * the month has, so that the disclosure stays short. */
static void care_kv(json_t *rows, int nonzero, const char *item, json_t *v)
{
	if (nonzero && ((json_is_integer(v) && !json_integer_value(v)) ||
	                (json_is_string(v) && !strcmp(json_string_value(v), "0.00"))))
		return;
	kv(rows, item, v);
}

/* 关心关爱: the care of the period, and the year's mutual aid. */
static json_t *care_rows(json_t *r, enum uk_lang lang, int nonzero)
{
	json_t *c = json_object_get(r, "care"), *crows = json_array();
	json_t *ch = json_object_get(c, "hardship"), *cs = json_object_get(c, "summer");
	json_t *ca = json_object_get(c, "school_aid"), *ma = json_object_get(r, "mutual_aid");
	care_kv(crows, nonzero, L(lang, "慰问人数", "members cared for"), json_object_get(c, "persons"));
	care_kv(crows, nonzero, L(lang, "慰问人次", "visits and gifts"), json_object_get(c, "times"));
	care_kv(crows, nonzero, L(lang, "慰问金", "cash"), json_object_get(c, "cash"));
	care_kv(crows, nonzero, L(lang, "慰问品价值", "goods"), json_object_get(c, "goods"));
	care_kv(crows, nonzero, L(lang, "慰问困难职工", "members in hardship visited"), json_object_get(ch, "persons"));
	care_kv(crows, nonzero, L(lang, "困难职工慰问金额", "given them"), json_object_get(ch, "amount"));
	care_kv(crows, nonzero, L(lang, "高温慰问企业", "units given 夏送清凉"), json_object_get(cs, "units"));
	care_kv(crows, nonzero, L(lang, "高温慰问职工", "workers given 夏送清凉"), json_object_get(cs, "workers"));
	care_kv(crows, nonzero, L(lang, "高温慰问金额", "夏送清凉 given"), json_object_get(cs, "amount"));
	care_kv(crows, nonzero, L(lang, "金秋助学人数", "students given 金秋助学"), json_object_get(ca, "students"));
	care_kv(crows, nonzero, L(lang, "金秋助学金额", "金秋助学 grants"), json_object_get(ca, "amount"));
	if (ma) {
		json_t *ins = json_object_get(ma, "insured");
		kv(crows, L(lang, "医疗互助参保人数", "insured in mutual aid"), json_object_get(ins, "total"));
		for (int i = 0; i < UK_MUTUAL_AID_NCATEGORIES; i++) {
			char label[64];
			snprintf(label, sizeof label, lang == UK_LANG_ZH ? "　其中%s参保" : "  of them %s",
			         lang == UK_LANG_ZH ? uk_vocab_zh(uk_vocab_of(UK_V_MUTUAL_AID_CATEGORY),
			                                          uk_mutual_aid_category(i)) :
			         uk_mutual_aid_category(i));
			kv(crows, label, json_object_get(ins, uk_mutual_aid_category(i)));
		}
		kv(crows, L(lang, "参保单位", "units taking part"), json_object_get(ma, "units"));
		kv(crows, L(lang, "全员参保单位", "units enrolled in full"), json_object_get(ma, "full_units"));
		kv(crows, L(lang, "医疗互助补助", "mutual aid paid"), json_object_get(ma, "paid"));
	}
	return crows;
}

/* The unions a roll-up against the register names. */
static const struct column register_union_cols[] = {
	{"union", "工会", "union", UK_COL_TEXT}, {"code", "统一社会信用代码", "code", UK_COL_TEXT},
};

/* 基层工会组织: a federation's register, its figures of the year. */
static json_t *register_rows(json_t *r, enum uk_lang lang)
{
	json_t *g = json_object_get(r, "register"), *rows = json_array();
	json_t *hf = json_object_get(g, "hardship_fund"), *me = json_object_get(g, "mediation");
	json_t *c = json_object_get(g, "contracts"), *cw = json_object_get(g, "contract_workers");
	json_t *au = json_object_get(g, "audits");
	kv(rows, L(lang, "基层工会", "unions"), json_object_get(g, "unions"));
	kv(rows, L(lang, "　其中单建", "  single-employer"), json_object_get(g, "single"));
	kv(rows, L(lang, "　其中联合", "  joint"), json_object_get(g, "joint"));
	kv(rows, L(lang, "覆盖企业", "firms covered"), json_object_get(g, "firms"));
	kv(rows, L(lang, "本年新建", "founded in the year"), json_object_get(g, "founded"));
	kv(rows, L(lang, "本年撤销", "dissolved in the year"), json_object_get(g, "dissolved"));
	/* The register's own figures, as each union last declared them: named
	 * so beside the reports' sums (the members counted at the year's end,
	 * the congresses each union logged) that may differ from them. */
	kv(rows, L(lang, "名册登记会员", "members as registered"), json_object_get(g, "members"));
	kv(rows, L(lang, "建立帮困基金", "with a hardship fund"), json_object_get(hf, "unions"));
	kv(rows, L(lang, "应建帮困基金", "required to have one"), json_object_get(hf, "required"));
	kv(rows, L(lang, "帮困基金建立率", "share"), json_object_get(hf, "share"));
	kv(rows, L(lang, "帮困基金规模", "funds' size"), json_object_get(hf, "size"));
	kv(rows, L(lang, "劳动争议调解委员会", "mediation committees"), json_object_get(me, "committees"));
	kv(rows, L(lang, "调解员", "mediators"), json_object_get(me, "mediators"));
	kv(rows, L(lang, "名册登记召开职代会", "held a workers' congress, as registered"), json_object_get(g, "congress"));
	for (int k = 0; k < UK_CONTRACT_NKINDS; k++) {
		const char *kind = uk_contract_kind(k);
		char label[96];
		snprintf(label, sizeof label, lang == UK_LANG_ZH ? "%s（份）" : "contracts: %s",
		         uk_vocab_show(UK_V_CONTRACT_KIND, kind, lang == UK_LANG_ZH));
		kv(rows, label, json_object_get(c, kind));
		snprintf(label, sizeof label, lang == UK_LANG_ZH ? "%s覆盖职工" : "  workers covered",
		         uk_vocab_show(UK_V_CONTRACT_KIND, kind, 1));
		kv(rows, label, json_object_get(cw, kind));
	}
	kv(rows, L(lang, "90天内到期未续签", "ending within 90 days, not renewed"), json_object_get(g, "contracts_expiring"));
	kv(rows, L(lang, "本年到期未续签", "lapsed in the year, not renewed"), json_object_get(g, "contracts_lapsed"));
	kv(rows, L(lang, "本年经费审查", "audits in the year"), json_object_get(au, "done"));
	kv(rows, L(lang, "审计问题未整改", "findings open"), json_object_get(au, "open"));
	return rows;
}

/* The tables of a report, in reading order; doc: as a document shows them
 * (the month's totals and subtotals among the rows), else the data. */
static int tables_of(json_t *r, enum uk_lang lang, int doc, struct table *t, int max)
{
	int n = 0;
	const char *kind = json_string_value(json_object_get(r, "kind"));
#define TABLE(nm, zh_, en_, cols_, rows_, own_) do { if (n < max) { \
	t[n] = (struct table){nm, zh_, en_, cols_, NCOLS(cols_), rows_, own_, \
	                      month ? "本月无" : "本年无", month ? "None this month." : "None this year."}; \
	n++; } } while (0)
	int month = kind && !strcmp(kind, "month");
	if (month && doc) {
		json_t *d = json_object_get(r, "disputes"), *rows = json_array();
		TABLE("statement", "收入支出表", "Income and expense", statement_doc_cols,
		      statement_doc_rows(r, lang), 1);
		TABLE("balances", "各项基金余额", "Balances", month_balance_doc_cols, balance_doc_rows(r, lang), 1);
		TABLE("aid", "帮扶支出", "Aid paid", aid_cols, aid_doc_rows(r, lang), 1);
		kv(rows, L(lang, "受理劳动争议", "disputes received"), json_object_get(d, "received"));
		kv(rows, L(lang, "本月结案", "closed in the month"), json_object_get(d, "closed"));
		kv(rows, L(lang, "信访", "petitions"), json_object_get(d, "petitions"));
		TABLE("disputes", "劳动争议", "Labour disputes", kv_cols, rows, 1);
		TABLE("care", "关心关爱", "Care for members", kv_cols, care_rows(r, lang, 1), 1);
		return n;
	}
	if (month) {
		json_t *d = json_object_get(r, "disputes"), *rows = json_array();
		TABLE("statement", "收入支出表", "Income and expense", statement_cols, json_object_get(r, "statement"), 0);
		TABLE("balances", "各项基金余额", "Balances", month_balance_cols, json_object_get(r, "balances"), 0);
		TABLE("aid", "帮扶支出", "Aid paid", aid_cols, json_object_get(r, "aid"), 0);
		kv(rows, L(lang, "受理劳动争议", "disputes received"), json_object_get(d, "received"));
		kv(rows, L(lang, "本月结案", "closed in the month"), json_object_get(d, "closed"));
		kv(rows, L(lang, "信访", "petitions"), json_object_get(d, "petitions"));
		TABLE("disputes", "劳动争议", "Labour disputes", kv_cols, rows, 1);
		TABLE("care", "关心关爱", "Care for members", kv_cols, care_rows(r, lang, 0), 1);
		return n;
	}
	{
		json_t *m = json_object_get(r, "members"), *f = json_object_get(r, "funds");
		json_t *d = json_object_get(r, "disputes"), *rows = json_array(), *frows = json_array();
		json_t *drows = json_array(), *cat = json_object_get(d, "by_category");
		const char *k;
		json_t *v;
		if (json_array_size(json_object_get(r, "unions")))
			TABLE("unions", "各基层工会", "Unions", union_cols, json_object_get(r, "unions"), 0);
		kv(rows, L(lang, "会员总数(在职及退休)", "members (active and retired)"), json_object_get(m, "total"));
		kv(rows, L(lang, "在职会员", "active"), json_object_get(m, "active"));
		kv(rows, L(lang, "退休会员", "retired"), json_object_get(m, "retired"));
		kv(rows, L(lang, "新入会", "joined"), json_object_get(m, "joined"));
		kv(rows, L(lang, "退会", "left the union"), json_object_get(json_object_get(m, "left"), "left"));
		kv(rows, L(lang, "调出", "transferred to another employer"), json_object_get(json_object_get(m, "left"), "transferred"));
		kv(rows, L(lang, "去世", "deceased"), json_object_get(json_object_get(m, "left"), "deceased"));
		kv(rows, L(lang, "女会员", "women"), json_object_get(m, "female"));
		kv(rows, L(lang, "女会员占比", "share of women"), json_object_get(m, "female_share"));
		kv(rows, L(lang, "相对困难会员", "hardship: relative"), json_object_get(json_object_get(m, "hardship"), "relative"));
		kv(rows, L(lang, "深度困难会员", "hardship: deep"), json_object_get(json_object_get(m, "hardship"), "deep"));
		kv(rows, L(lang, "意外致困会员", "hardship: accident"), json_object_get(json_object_get(m, "hardship"), "accident"));
		kv(rows, L(lang, "新增困难档案", "hardship files opened"), json_object_get(json_object_get(m, "hardship_files"), "new"));
		kv(rows, L(lang, "脱困", "hardship files closed"), json_object_get(json_object_get(m, "hardship_files"), "out"));
		TABLE("members", "会员", "Members", kv_cols, rows, 1);
		TABLE("units", "会员按部门", "Members by unit", unit_cols, json_object_get(m, "by_unit"), 0);
		kv(frows, L(lang, "收入合计", "income"), json_object_get(f, "income"));
		kv(frows, L(lang, "支出合计", "expense"), json_object_get(f, "expense"));
		kv(frows, L(lang, "会费收入", "dues"), json_object_get(f, "dues"));
		kv(frows, L(lang, "困难帮扶支出", "hardship aid paid"), json_object_get(f, "hardship_paid"));
		kv(frows, L(lang, "受助会员人数", "aid recipients"), json_object_get(f, "hardship_recipients"));
		kv(frows, L(lang, "财务公开次数", "disclosures made"), json_object_get(f, "disclosures"));
		TABLE("funds", "经费", "Funds", kv_cols, frows, 1);
		TABLE("classes", "收支按科目", "Income and expense by class", class_cols, json_object_get(f, "by_class"), 0);
		TABLE("months", "收支按月", "Income and expense by month", month_cols, json_object_get(f, "by_month"), 0);
		if (doc)
			TABLE("balances", "各项基金余额", "Balances", balance_doc_cols,
			      year_balance_doc_rows(json_object_get(f, "balances"), lang), 1);
		else
			TABLE("balances", "各项基金余额", "Balances", balance_cols, json_object_get(f, "balances"), 0);
		kv(drows, L(lang, "受理", "received"), json_object_get(d, "received"));
		kv(drows, L(lang, "调处结案", "concluded"), json_object_get(d, "concluded"));
		kv(drows, L(lang, "调解成功", "resolved"), json_object_get(d, "resolved"));
		kv(drows, L(lang, "调解不成", "failed"), json_object_get(d, "failed"));
		kv(drows, L(lang, "转仲裁/法院", "referred"), json_object_get(d, "referred"));
		kv(drows, L(lang, "撤回", "withdrawn"), json_object_get(d, "withdrawn"));
		kv(drows, L(lang, "涉及职工", "workers involved"), json_object_get(d, "workers"));
		kv(drows, L(lang, "集体争议", "collective"), json_object_get(d, "collective"));
		kv(drows, L(lang, "争议金额", "claimed"), json_object_get(d, "claimed"));
		kv(drows, L(lang, "追回金额", "recovered"), json_object_get(d, "recovered"));
		kv(drows, L(lang, "调处率", "handled rate"), json_object_get(d, "handled_rate"));
		kv(drows, L(lang, "成功率", "success rate"), json_object_get(d, "success_rate"));
		kv(drows, L(lang, "超期未结", "overdue"), json_object_get(d, "overdue"));
		kv(drows, L(lang, "信访", "petitions"), json_object_get(d, "petitions"));
		json_object_foreach(cat, k, v)
			kv(drows, lang == UK_LANG_ZH ? uk_vocab_zh(uk_vocab_of(UK_V_DISPUTE_CATEGORY), k) : k, v);
		TABLE("disputes", "劳动争议调处", "Labour disputes", kv_cols, drows, 1);
		TABLE("care", "关心关爱", "Care for members", kv_cols, care_rows(r, lang, 0), 1);
		if (json_object_get(r, "register"))
			TABLE("register", "基层工会组织", "The register of unions", kv_cols, register_rows(r, lang), 1);
		if (json_array_size(json_object_get(r, "not_reported")))
			TABLE("not_reported", "未报送年度报告的基层工会", "Unions of the register that sent no report",
			      register_union_cols, json_object_get(r, "not_reported"), 0);
		if (json_array_size(json_object_get(r, "unregistered")))
			TABLE("unregistered", "报告单位不在名册", "Reports of unions not in the register",
			      register_union_cols, json_object_get(r, "unregistered"), 0);
		TABLE("activities", "活动", "Activities", activity_cols, json_object_get(r, "activities"), 0);
		/* A merged report carries no plan: each union's is its own. */
		if (!json_object_get(r, "unions") && doc && lang == UK_LANG_ZH)
			TABLE("plan", "工作计划完成情况", "The plan against what was done", plan_cols,
			      plan_doc_rows(json_object_get(r, "plan")), 1);
		else if (!json_object_get(r, "unions"))
			TABLE("plan", "工作计划完成情况", "The plan against what was done", plan_cols,
			      json_object_get(r, "plan"), 0);
	}
#undef TABLE
	return n;
}

static void free_tables(struct table *t, int n)
{
	for (int i = 0; i < n; i++)
		if (t[i].owned)
			json_decref(t[i].rows);
}

static const char *title_of(json_t *r, enum uk_lang lang, char *buf, size_t n)
{
	json_t *name = json_object_get(json_object_get(r, "union"), "name");
	/* A merge is named by --name (or the federation's own database): its
	 * unions' union.name is not what to set. */
	const char *u = json_is_string(name) ? json_string_value(name) :
		json_array_size(json_object_get(r, "unions")) > 0 ?
		L(lang, "(未设名称: report-year --merge --name 名称 …)", "(no name: report-year --merge --name NAME …)") :
		L(lang, "(未设工会名称: union-config union.name …)", "(no union name: union-config union.name …)");
	const char *mon = json_string_value(json_object_get(r, "month"));
	int y = 0, m = 0;
	/* 某某中学工会2026年11月财务公开, as the board has it. */
	if (!strcmp(json_string_value(json_object_get(r, "kind")), "month") && lang == UK_LANG_ZH &&
	    mon && sscanf(mon, "%d-%d", &y, &m) == 2)
		snprintf(buf, n, "%s%d年%d月财务公开", u, y, m);
	else if (!strcmp(json_string_value(json_object_get(r, "kind")), "month"))
		snprintf(buf, n, "%s %s %s", u, mon ? mon : "", L(lang, "财务公开", "financial disclosure"));
	else if (lang == UK_LANG_ZH)
		snprintf(buf, n, "%s%lld年度工作总结", u, (long long)json_integer_value(json_object_get(r, "year")));
	else
		snprintf(buf, n, "%s %lld annual report", u, (long long)json_integer_value(json_object_get(r, "year")));
	return buf;
}

/* A period in progress says in the document that it runs to today
 * ("截至2026年12月4日"); NULL for one that is over. */
static const char *as_of_of(json_t *r, enum uk_lang lang, char *buf, size_t n)
{
	struct uk_date d;
	const char *why, *s = json_string_value(json_object_get(r, "as_of"));
	if (!json_is_true(json_object_get(r, "partial")) || !s || uk_date_parse(s, &d, &why) != 0)
		return NULL;
	if (lang == UK_LANG_EN)
		snprintf(buf, n, "As of %s (the period is not over)", s);
	else
		snprintf(buf, n, "截至%d年%d月%d日", d.y, d.m, d.d);
	return buf;
}

/* Rows through the toolkit's writer: csv, table. excel: for Excel (CSV
 * only); follows: after other output, so no byte-order mark of its own. */
static int write_rows(const struct table *t, enum uk_format fmt, enum uk_lang lang,
                      int keys, int excel, int follows, FILE *f)
{
	struct uk_outcol cols[8];
	struct uk_writer *w;
	size_t i;
	json_t *row;
	for (int c = 0; c < t->ncols; c++) {
		cols[c].name = keys ? t->cols[c].key : L(lang, t->cols[c].zh, t->cols[c].en);
		cols[c].type = t->cols[c].type;
	}
	if (!(w = uk_writer_new(f, fmt, excel, cols, t->ncols)))
		return -1;
	if (follows)
		uk_writer_follows(w, 0);
	json_array_foreach(t->rows, i, row) {
		const char *vals[8];
		char bufs[8][64];
		for (int c = 0; c < t->ncols; c++) {
			json_t *v = json_object_get(row, t->cols[c].key);
			/* An empty cell in CSV, as the tools write one. */
			vals[c] = fmt == UK_FMT_CSV && (!v || json_is_null(v)) ? "" :
			          keys ? text_of(v, bufs[c], sizeof bufs[c]) :
			          cell(t->cols[c].key, v, lang, bufs[c], sizeof bufs[c]);
		}
		uk_writer_row(w, vals);
	}
	return uk_writer_end(w);
}

static void md_cell(const char *s, FILE *f)
{
	for (; *s; s++) {
		if (*s == '|')
			fputs("\\|", f);
		else if (*s == '\n')
			fputc(' ', f);
		else
			fputc(*s, f);
	}
}

/* The date the disclosure was drawn up (编制日期), or NULL. */
static const char *drawn_up_of(json_t *r, enum uk_lang lang, char *buf, size_t n)
{
	struct uk_date d;
	const char *why, *s = json_string_value(json_object_get(r, "drawn_up"));
	if (!s || uk_date_parse(s, &d, &why) != 0)
		return NULL;
	if (lang == UK_LANG_EN)
		snprintf(buf, n, "Drawn up on %s", s);
	else
		snprintf(buf, n, "编制日期：%d年%d月%d日", d.y, d.m, d.d);
	return buf;
}

/* What a table needs said under it: the month's balances move with the
 * transfers between funds and accounts too, which the statement leaves
 * out, so their income and expense differ from its totals. */
static const char *note_of(json_t *r, const struct table *t, enum uk_lang lang)
{
	json_t *bt = json_object_get(r, "balances_total"), *it = json_object_get(r, "income_total");
	if (strcmp(t->name, "balances") || !bt || !it || t->cols != month_balance_doc_cols ||
	    !strcmp(json_string_value(json_object_get(bt, "income")),
	            json_string_value(json_object_get(it, "month"))))
		return NULL;
	return L(lang, "注：本月收入、本月支出含基金、账户之间的调拨。",
	         "Note: the movements include transfers between funds and accounts.");
}

/* A section with nothing in it says so (本月无), with no bare header. */
static const char *empty_of(const struct table *t, enum uk_lang lang)
{
	return json_array_size(t->rows) ? NULL : L(lang, t->empty_zh, t->empty_en);
}

static void md_table(const struct table *t, enum uk_lang lang, FILE *f)
{
	size_t i;
	json_t *row;
	if (empty_of(t, lang)) {
		fprintf(f, "%s\n", empty_of(t, lang));
		return;
	}
	fputc('|', f);
	for (int c = 0; c < t->ncols; c++)
		fprintf(f, " %s |", L(lang, t->cols[c].zh, t->cols[c].en));
	fputs("\n|", f);
	for (int c = 0; c < t->ncols; c++)
		fputs(t->cols[c].type == UK_COL_TEXT ? " --- |" : " ---: |", f);
	fputc('\n', f);
	json_array_foreach(t->rows, i, row) {
		fputc('|', f);
		for (int c = 0; c < t->ncols; c++) {
			char buf[64];
			fputc(' ', f);
			md_cell(cell(t->cols[c].key, json_object_get(row, t->cols[c].key), lang, buf, sizeof buf), f);
			fputs(" |", f);
		}
		fputc('\n', f);
	}
}

static double num_of(json_t *v)
{
	if (json_is_string(v))
		return atof(json_string_value(v));
	if (json_is_integer(v))
		return (double)json_integer_value(v);
	return json_is_real(v) ? json_real_value(v) : 0;
}

/* A bar chart in inline SVG, for print: a row per item, labelled, each
 * bar with its value; two series (key and key2, or income and expense
 * told by kind_key) in two colours that stay apart in greyscale, with a
 * legend; an axis in unit (元, 件). No script, no external file. */
static void svg_bars(json_t *rows, const char *label, const char *key, const char *key2,
                     const char *kind_key, const char *unit, enum uk_lang lang, FILE *f)
{
	static const char *const colour[] = {"#1f4e79", "#f4b183"};
	size_t n = json_array_size(rows), i;
	int bars = key2 ? 2 : 1, left = 130, right = 90, w = 640, plot = w - left - right;
	int bh = 14, top = (key2 || kind_key) ? 24 : 6, h, step_px;
	double max = 0, step;
	json_t *row;
	if (!n)
		return;
	json_array_foreach(rows, i, row) {
		if (num_of(json_object_get(row, key)) > max)
			max = num_of(json_object_get(row, key));
		if (key2 && num_of(json_object_get(row, key2)) > max)
			max = num_of(json_object_get(row, key2));
	}
	/* Four ticks at a round step: 1, 2 or 5 times a power of ten. */
	{
		double raw = max / 4, p10 = 1;
		while (p10 * 10 <= raw)
			p10 *= 10;
		step = raw <= p10 ? p10 : raw <= 2 * p10 ? 2 * p10 : raw <= 5 * p10 ? 5 * p10 : 10 * p10;
	}
	max = step * 4;
	step_px = plot / 4;
	h = top + (int)n * (bars * bh + 8) + 28;
	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
	        "font-size=\"10\" role=\"img\">\n", w, h);
	if (key2 || kind_key)
		for (int s = 0; s < 2; s++) {
			fprintf(f, "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"10\" fill=\"%s\" "
			        "stroke=\"#000\" stroke-width=\"0.5\"/>", left + s * 90, colour[s]);
			fprintf(f, "<text x=\"%d\" y=\"15\">%s</text>\n", left + s * 90 + 16,
			        s ? L(lang, "支出", "expense") : L(lang, "收入", "income"));
		}
	json_array_foreach(rows, i, row) {
		char buf[64];
		int y = top + (int)i * (bars * bh + 8);
		fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", left - 6, y + bh * bars / 2 + 4);
		uk_html_escape(text_of(json_object_get(row, label), buf, sizeof buf), f);
		fputs("</text>\n", f);
		for (int b = 0; b < bars; b++) {
			json_t *v = json_object_get(row, b ? key2 : key);
			double x = num_of(v);
			int len = x > 0 ? (int)(x / max * plot) : 0, c = b;
			const char *kind = kind_key ? json_string_value(json_object_get(row, kind_key)) : NULL;
			if (kind)
				c = strcmp(kind, "expense") == 0;
			fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
			        "stroke=\"#000\" stroke-width=\"0.5\"/>", left, y + b * bh, len, bh - 2, colour[c]);
			fprintf(f, "<text x=\"%d\" y=\"%d\">", left + len + 4, y + b * bh + bh - 4);
			uk_html_escape(text_of(v, buf, sizeof buf), f);
			fputs("</text>\n", f);
		}
	}
	{
		int y = h - 24;
		fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>\n",
		        left, y, left + 4 * step_px, y);
		for (int t = 0; t <= 4; t++)
			fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>"
			        "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%.0f</text>\n",
			        left + t * step_px, y, left + t * step_px, y + 4, left + t * step_px, y + 14, step * t);
		fprintf(f, "<text x=\"%d\" y=\"%d\">%s</text>\n", left + 4 * step_px + 26, y + 14, unit);
	}
	fputs("</svg>\n", f);
}

static void html_page(json_t *r, struct table *t, int n, enum uk_lang lang, const char *prose, FILE *f)
{
	/* After the prose, the tables are its appendix, a level down. */
	const char *h = prose ? "h3" : "h2";
	char title[300], as_of[80], drawn[80];
	title_of(r, lang, title, sizeof title);
	fputs("<!DOCTYPE html>\n<html lang=\"", f);
	fputs(lang == UK_LANG_EN ? "en" : "zh-CN", f);
	fputs("\"><head><meta charset=\"utf-8\"><title>", f);
	uk_html_escape(title, f);
	/* A note never starts a page: the break is taken between the rows of
	 * its table above (whose header prints again) instead. Nor do the
	 * signatures, kept in one block with the date and the seal, each
	 * label with its blank. */
	fputs("</title>\n<style>@page{size:A4;margin:18mm}body{font-family:serif;max-width:180mm;"
	      "margin:auto}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #999;"
	      "padding:2px 6px;font-size:10pt}td.n{text-align:right}h2,h3{break-after:avoid}svg{break-inside:avoid;break-before:avoid}"
	      "p.note,.signoff{break-before:avoid}.signoff{break-inside:avoid}"
	      ".signoff{margin-top:3em}.sign{display:flex;flex-wrap:wrap;justify-content:space-between;gap:1em;font-size:11pt}.sign span{white-space:nowrap}"
	      ".seal{display:flex;gap:12em;margin:2em 0 0}"
	      "tr{break-inside:avoid}.summary p{text-indent:2em;line-height:1.7;margin:.3em 0}"
	      "h2.appendix{break-before:page}table.plan{width:100%}"
	      "table.plan th,table.plan td:nth-child(1),table.plan td:nth-child(4),table.plan td:nth-child(5)"
	      "{white-space:nowrap}</style></head>\n<body>\n<h1>", f);
	uk_html_escape(title, f);
	fputs("</h1>\n", f);
	if (as_of_of(r, lang, as_of, sizeof as_of))
		fprintf(f, "<p>%s</p>\n", as_of);
	if (prose) {
		fputs("<div class=\"summary\">\n", f);
		uk_summary_html(prose, f);
		fputs("</div>\n", f);
		fprintf(f, "<h2 class=\"appendix\">%s</h2>\n", L(lang, "附表", "Tables"));
	}
	for (int i = 0; i < n; i++) {
		size_t k;
		json_t *row;
		fprintf(f, "<%s>", h);
		uk_html_escape(L(lang, t[i].zh, t[i].en), f);
		fprintf(f, "</%s>\n", h);
		if (!strcmp(t[i].name, "months"))
			svg_bars(t[i].rows, "month", "income", "expense", NULL, L(lang, "元", "yuan"), lang, f);
		else if (!strcmp(t[i].name, "classes"))
			svg_bars(t[i].rows, "name", "amount", NULL, "kind", L(lang, "元", "yuan"), lang, f);
		else if (!strcmp(t[i].name, "statement"))
			svg_bars(json_object_get(r, "statement"), "name", "month", NULL, "kind",
			         L(lang, "元（本月数）", "yuan (this month)"), lang, f);
		else if (!strcmp(t[i].name, "disputes") && json_is_object(json_object_get(json_object_get(r, "disputes"), "by_category"))) {
			/* Disputes by category, a bar each. */
			json_t *rows = json_array(), *v;
			const char *k2;
			json_object_foreach(json_object_get(json_object_get(r, "disputes"), "by_category"), k2, v)
				json_array_append_new(rows, json_pack("{s:s, s:O}", "category", lang == UK_LANG_ZH ?
				                      uk_vocab_zh(uk_vocab_of(UK_V_DISPUTE_CATEGORY), k2) : k2, "n", v));
			svg_bars(rows, "category", "n", NULL, NULL, L(lang, "件", "cases"), lang, f);
			json_decref(rows);
		}
		if (empty_of(&t[i], lang)) {
			fputs("<p>", f);
			uk_html_escape(empty_of(&t[i], lang), f);
			fputs("</p>\n", f);
			continue;
		}
		if (!strcmp(t[i].name, "plan")) {
			/* Widths that hold 2026/三/(二)/4, a target in words, 35868.25元
			 * and 已完成 on a line (all but the target never broken); the
			 * item's text takes the rest. */
			static const char *const width[] = {"30mm", NULL, "38mm", "22mm", "18mm"};
			fputs("<table class=\"plan\"><colgroup>", f);
			for (int c = 0; c < t[i].ncols && c < 5; c++)
				if (width[c])
					fprintf(f, "<col style=\"width:%s\">", width[c]);
				else
					fputs("<col>", f);
			fputs("</colgroup>", f);
		} else {
			fputs("<table>", f);
		}
		/* The header row in <thead>: a browser prints it again on each
		 * page a long table runs onto. */
		fputs("<thead><tr>", f);
		for (int c = 0; c < t[i].ncols; c++) {
			fputs("<th>", f);
			uk_html_escape(L(lang, t[i].cols[c].zh, t[i].cols[c].en), f);
			fputs("</th>", f);
		}
		fputs("</tr></thead>\n<tbody>\n", f);
		json_array_foreach(t[i].rows, k, row) {
			fputs("<tr>", f);
			for (int c = 0; c < t[i].ncols; c++) {
				char buf[64];
				fputs(t[i].cols[c].type == UK_COL_TEXT ? "<td>" : "<td class=\"n\">", f);
				uk_html_escape(cell(t[i].cols[c].key, json_object_get(row, t[i].cols[c].key), lang,
				                    buf, sizeof buf), f);
				fputs("</td>", f);
			}
			fputs("</tr>\n", f);
		}
		fputs("</tbody></table>\n", f);
		if (note_of(r, &t[i], lang)) {
			fputs("<p class=\"note\">", f);
			uk_html_escape(note_of(r, &t[i], lang), f);
			fputs("</p>\n", f);
		}
	}
	if (json_is_array(json_object_get(r, "signatures"))) {
		size_t k;
		json_t *s;
		fputs("<div class=\"signoff\"><div class=\"sign\">", f);
		json_array_foreach(json_object_get(r, "signatures"), k, s) {
			fputs("<span>", f);
			uk_html_escape(json_string_value(s), f);
			fputs("：________</span>", f);
		}
		fputs("</div>\n", f);
		if (drawn_up_of(r, lang, drawn, sizeof drawn)) {
			fputs("<p class=\"seal\"><span>", f);
			uk_html_escape(drawn, f);
			fprintf(f, "</span><span>%s</span></p>", L(lang, "（盖章）", "(seal)"));
		}
		fputs("</div>\n", f);
	}
	fputs("</body></html>\n", f);
}

/* The statement's signature lines (report-month(1)), in text forms. */
static void signatures(json_t *r, enum uk_lang lang, FILE *f)
{
	size_t k;
	json_t *s;
	char drawn[80];
	if (!json_is_array(json_object_get(r, "signatures")))
		return;
	fputc('\n', f);
	json_array_foreach(json_object_get(r, "signatures"), k, s)
		fprintf(f, "%s：________　", json_string_value(s));
	fputc('\n', f);
	if (drawn_up_of(r, lang, drawn, sizeof drawn))
		fprintf(f, "\n%s　　　　%s\n", drawn, L(lang, "（盖章）", "(seal)"));
}


int uk_report_table_known(const char *kind, const char *name)
{
	static const char *const year[] = {"unions", "members", "units", "funds", "classes", "months", "register",
	                                   "not_reported", "unregistered",
	                                   "balances", "disputes", "care", "activities", "plan", NULL};
	static const char *const month[] = {"statement", "balances", "aid", "disputes", "care", NULL};
	for (const char *const *t = strcmp(kind, "month") ? year : month; *t; t++)
		if (!strcmp(*t, name))
			return 1;
	return 0;
}

int uk_report_render(json_t *r, enum uk_format fmt, const struct uk_opts *o, const char *only,
                     const char *prose, FILE *f)
{
	struct table t[16];
	int n, rc = 0, found = 0, excel = o->excel;
	/* A document is for the notice board: Chinese unless --lang en. */
	enum uk_lang lang = o->lang_given ? o->lang : UK_LANG_ZH;
	/* CSV is for scripts: the column keys and stored values, unless
	 * --lang zh asks for the document's words. */
	int keys = !(o->lang_given && o->lang == UK_LANG_ZH);
	char title[300], as_of[80];

	if (fmt == UK_FMT_JSON) {
		/* Rates have one decimal: six significant digits print them so. */
		rc = json_dumpf(r, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
		fputc('\n', f);
		return rc || ferror(f) ? UK_EX_IOERR : 0;
	}
	n = tables_of(r, lang, !(fmt == UK_FMT_CSV && keys), t, 16);
	title_of(r, lang, title, sizeof title);
	if (fmt == UK_FMT_HTML) {
		html_page(r, t, n, lang, prose, f);
	} else if (fmt == UK_FMT_CSV) {
		/* Every table as a section ("# name" first), or the one asked.
		 * For Excel: one byte-order mark at the top, CRLF throughout. */
		const char *nl = excel ? "\r\n" : "\n";
		if (excel && !only)
			fputs("\xEF\xBB\xBF", f);
		for (int i = 0; i < n && !rc; i++) {
			if (only && strcmp(only, t[i].name))
				continue;
			found = 1;
			if (!only)
				fprintf(f, "%s# %s%s", i ? nl : "", t[i].name, nl);
			rc = write_rows(&t[i], UK_FMT_CSV, lang, keys, excel, !only, f);
		}
		if (only && !found) {
			free_tables(t, n);
			uk_err("--table '%s': no such table in this report", only);
			return UK_EX_USAGE;
		}
	} else if (fmt == UK_FMT_TABLE) {
		/* The title holds union.name: on a terminal, shown but never sent
		 * raw (an escape in it must not drive the terminal). */
		char *shown = uk_text_for_terminal(title);
		fprintf(f, "%s\n", shown ? shown : "");
		free(shown);
		if (as_of_of(r, lang, as_of, sizeof as_of))
			fprintf(f, "%s\n", as_of);
		for (int i = 0; i < n && !rc; i++) {
			fprintf(f, "\n%s\n", L(lang, t[i].zh, t[i].en));
			if (empty_of(&t[i], lang))
				fprintf(f, "%s\n", empty_of(&t[i], lang));
			else
				rc = write_rows(&t[i], UK_FMT_TABLE, lang, 0, 0, 0, f);
			if (note_of(r, &t[i], lang))
				fprintf(f, "%s\n", note_of(r, &t[i], lang));
		}
		signatures(r, lang, f);
	} else {
		fprintf(f, "# %s\n", title);
		if (as_of_of(r, lang, as_of, sizeof as_of))
			fprintf(f, "\n%s\n", as_of);
		if (prose)
			fprintf(f, "\n%s\n\n## %s\n", prose, L(lang, "附表", "Tables"));
		for (int i = 0; i < n; i++) {
			fprintf(f, "\n%s %s\n\n", prose ? "###" : "##", L(lang, t[i].zh, t[i].en));
			md_table(&t[i], lang, f);
			if (note_of(r, &t[i], lang))
				fprintf(f, "\n%s\n", note_of(r, &t[i], lang));
		}
		signatures(r, lang, f);
	}
	free_tables(t, n);
	return rc || ferror(f) ? UK_EX_IOERR : 0;
}
