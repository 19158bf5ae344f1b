/* columns.c - Chinese headers and values for output columns. A column an
 * importer reads is headed by that importer's first Chinese alias, so a
 * Chinese CSV goes back in as it came out; the rest are named here. */
#include "uk_columns.h"
#include "uk_vocabs.h"
#include "uk_activities.h"
#include "uk_disputes.h"
#include "uk_ledger.h"
#include "uk_members.h"
#include "uk_metrics.h"
#include "uk_unions.h"

#include <stdio.h>
#include <string.h>

/* Columns no importer reads, and the fallback for the ones that are. */
static const struct { const char *col, *zh; } headers[] = {
	{"account", "账户"}, {"action", "操作"}, {"activity_id", "活动编号"},
	{"actual", "实际"}, {"amount", "金额"}, {"balance", "余额"},
	{"case_no", "案件编号"}, {"category", "科目"}, {"category_name", "科目名称"},
	{"claimed", "争议金额"}, {"closed", "结案日期"}, {"code", "代码"},
	{"cost", "费用"}, {"date", "日期"}, {"days", "天数"}, {"default", "默认值"},
	{"description", "说明"}, {"direction", "收支"}, {"dues", "会费"},
	{"employer", "用人单位"}, {"employer_code", "统一社会信用代码"},
	{"entry_id", "分录编号"}, {"field", "字段"}, {"fund", "基金"},
	{"fund_title", "基金名称"}, {"hash", "哈希值"}, {"id", "编号"},
	{"in", "收入"}, {"item", "计划条目"}, {"key", "项目"}, {"kind", "类型"},
	{"measure", "指标"}, {"members", "会员"}, {"memo", "摘要"}, {"month", "月份"},
	{"name", "名称"}, {"new_value", "新值"}, {"note", "备注"}, {"old_value", "原值"},
	{"out", "支出"}, {"outcome", "结案方式"}, {"parent", "上级科目"},
	{"participants", "参加人数"}, {"plan_item", "计划条目"}, {"received", "受理日期"},
	{"recorded_at", "记录时间"}, {"recovered", "追回金额"}, {"result", "完成情况"},
	{"slug", "别名"}, {"source", "来源"}, {"status", "状态"},
	{"subcategory", "子目"}, {"summary", "案情摘要"}, {"target", "目标"},
	{"text", "内容"}, {"title", "名称"}, {"unit", "部门"}, {"value", "值"},
	{"void_of", "冲销分录"}, {"void_reason", "作废原因"}, {"voided_at", "作废时间"},
	{"voucher", "凭证号"}, {"wage_base", "基本工资"}, {"workers", "涉及人数"},
	{"member_no", "会员编号"}, {"count", "人数"}, {"total", "合计"},
	{"member_name", "姓名"}, {"goods", "慰问品"}, {"goods_value", "物品价值"},
	{"occasion", "事由"}, {"student", "学生"}, {"school", "学校"}, {"entry_year", "入学年份"},
	{"cash_entry_id", "现金分录"}, {"goods_entry_id", "物品分录"}, {"persons", "人数"},
	{"times", "人次"}, {"units", "单位数"}, {"event", "事项"}, {"premium", "保费"}, {"year", "年度"},
	{"dissolved_on", "撤销日期"}, {"contracts", "集体合同"}, {"audits_open", "未整改审计"},
	{"union", "工会"}, {"signed", "签订日期"}, {"ends", "到期日期"}, {"term_years", "期限（年）"},
	{"wage_increase", "工资增幅（%）"}, {"days_left", "剩余天数"}, {"section", "类别"},
	{"detail", "内容"}, {"subject", "项目"}, {"until", "至"},
};

/* Words of the toolkit's own listings that belong to no vocabulary:
 * dispute-log stats' measures and keys, the ledger's own class kind. */
static const struct { const char *col, *word, *zh; } words[] = {
	{"measure", "period", "期间"}, {"measure", "cases", "案件"},
	{"measure", "category", "争议类别"}, {"measure", "outcome", "结案方式"},
	{"measure", "workers", "职工"}, {"measure", "money", "金额"}, {"measure", "rate", "比率"},
	{"key", "from", "起"}, {"key", "to", "止"}, {"key", "received", "受理"},
	{"key", "concluded", "结案"}, {"key", "open", "未结"}, {"key", "overdue", "超期"},
	{"key", "petitions", "信访"}, {"key", "involved", "涉及人数"},
	{"key", "collective_cases", "集体争议"}, {"key", "claimed", "争议金额"},
	{"key", "recovered", "追回金额"}, {"key", "handled", "调处率"},
	{"key", "success", "成功率"},
	{"kind", "system", "系统科目"},
	{"measure", "insured", "参保人数"}, {"measure", "units", "参保单位"}, {"measure", "claims", "补助"},
	{"key", "taking_part", "参保单位"}, {"key", "in_full", "全员参保"}, {"key", "count", "笔数"},
	{"key", "premiums", "保费"}, {"key", "paid", "补助金额"},
	{"event", "retired", "退休"}, {"event", "deceased", "去世"}, {"event", "hardship", "建档"},
	{"measure", "unions", "基层工会"}, {"measure", "hardship_fund", "帮困基金"},
	{"measure", "mediation", "劳动争议调处"}, {"measure", "congress", "职代会"},
	{"measure", "contracts", "集体合同"}, {"measure", "contract_workers", "覆盖职工"},
	{"measure", "audits", "经费审查"},
	{"key", "total", "合计"}, {"key", "single", "单建"}, {"key", "joint", "联合"},
	{"key", "founded", "本年新建"}, {"key", "dissolved", "本年撤销"}, {"key", "firms", "覆盖企业"},
	{"key", "members", "会员"}, {"key", "yes", "已建"}, {"key", "required", "应建"},
	{"key", "share", "建立率（%）"}, {"key", "size", "基金规模"}, {"key", "committees", "调解委员会"},
	{"key", "mediators", "调解员"}, {"key", "unions", "召开单位"}, {"key", "collective", "集体合同"},
	{"key", "wage", "工资专项"}, {"key", "women", "女职工专项"}, {"key", "expiring", "90天内到期"}, {"key", "lapsed", "到期未续签"},
	{"key", "done", "本年审计"},
	{"section", "union", "工会"}, {"section", "firm", "覆盖企业"}, {"section", "fact", "情况"},
	{"section", "congress", "职代会"}, {"section", "contract", "集体合同"}, {"section", "audit", "审计"},
	{"subject", "name", "名称"}, {"subject", "type", "建会形式"}, {"subject", "code", "统一社会信用代码"},
	{"subject", "dissolved", "撤销"}, {"subject", "chair", "工会主席"}, {"subject", "members", "会员人数"},
	{"subject", "hardship_fund", "帮困基金"}, {"subject", "fund_size", "基金规模"},
	{"subject", "mediators", "调解员"}, {"subject", "congress", "职代会"}, {"subject", "audit", "经费审查"},
	{"field", "member", "会员"}, {"field", "role", "工会职务"}, {"field", "hardship_review", "困难档案复核"}, {"new_value", "added", "登记入会"},
};

/* The vocabularies a column's values may come from; the first that knows
 * the value names it (a status is a member's or a case's, never both). */
static const struct { const char *col; enum uk_vocab_id v[5]; int n; } value_vocabs[] = {
	{"gender", {UK_V_GENDER}, 1},
	{"status", {UK_V_MEMBER_STATUS, UK_V_DISPUTE_STATUS}, 2},
	{"hardship", {UK_V_HARDSHIP}, 1},
	{"roles", {UK_V_ROLE}, 1},
	{"role", {UK_V_ROLE}, 1},
	{"migrant_worker", {UK_V_YESNO}, 1},
	{"fund", {UK_V_FUND}, 1},
	{"account", {UK_V_ACCOUNT}, 1},
	{"direction", {UK_V_DIRECTION}, 1},
	{"kind", {UK_V_DISPUTE_KIND, UK_V_ACTIVITY_KIND, UK_V_DIRECTION, UK_V_CARE_KIND, UK_V_CONTRACT_KIND}, 5},
	{"type", {UK_V_UNION_TYPE}, 1},
	{"hardship_fund", {UK_V_HARDSHIP_FUND}, 1},
	{"detail", {UK_V_UNION_TYPE, UK_V_HARDSHIP_FUND}, 2},
	{"subject", {UK_V_CONTRACT_KIND}, 1},
	{"category", {UK_V_DISPUTE_CATEGORY, UK_V_SYSTEM_CATEGORY, UK_V_MUTUAL_AID_CATEGORY}, 3},
	{"code", {UK_V_SYSTEM_CATEGORY}, 1},
	{"action", {UK_V_DISPUTE_ACTION}, 1},
	{"source", {UK_V_DISPUTE_SOURCE}, 1},
	{"outcome", {UK_V_OUTCOME}, 1},
	{"result", {UK_V_PLAN_RESULT}, 1},
	{"key", {UK_V_DISPUTE_CATEGORY, UK_V_OUTCOME, UK_V_MUTUAL_AID_CATEGORY}, 3},
	{"value", {UK_V_UNION_LEVEL, UK_V_DISCLOSURE_FREQUENCY}, 2},
	{"default", {UK_V_UNION_LEVEL, UK_V_DISCLOSURE_FREQUENCY}, 2},
	/* member-ls --history: the old and new values of a member's fields */
	{"old_value", {UK_V_MEMBER_STATUS, UK_V_HARDSHIP, UK_V_ROLE, UK_V_YESNO, UK_V_GENDER}, 5},
	{"new_value", {UK_V_MEMBER_STATUS, UK_V_HARDSHIP, UK_V_ROLE, UK_V_YESNO, UK_V_GENDER}, 5},
};

static int is_cjk_start(const char *s)
{
	return (unsigned char)s[0] >= 0xE0;
}

const char *uk_column_zh(const struct uk_colspec *spec, int nspec, const char *col)
{
	for (int i = 0; spec && i < nspec; i++)
		if (strcmp(spec[i].name, col) == 0 && spec[i].aliases)
			for (const char *const *a = spec[i].aliases; *a; a++)
				if (is_cjk_start(*a))
					return *a;
	for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++)
		if (strcmp(headers[i].col, col) == 0)
			return headers[i].zh;
	return col;
}

static const char *word_zh(int k, const char *val)
{
	for (int j = 0; j < value_vocabs[k].n; j++) {
		const struct uk_vocab *v = uk_vocab_of(value_vocabs[k].v[j]);
		/* The slug, or an English word for it (a class's kind income is
		 * the direction in): a Chinese word is shown as it is. */
		const char *slug = uk_vocab_slug(v, val);
		if (slug && (unsigned char)val[0] < 0x80)
			return uk_vocab_zh(v, slug);
	}
	return NULL;
}

const char *uk_column_value_zh(const char *col, const char *val, char *buf, size_t n)
{
	if (!val || !*val)
		return NULL;
	/* A plan target: its metric by its Chinese name (培训 >= 4). */
	if (strcmp(col, "target") == 0) {
		const char *sp = strchr(val, ' ');
		char metric[64];
		const struct uk_metric *m;
		if (sp && (size_t)(sp - val) < sizeof metric) {
			snprintf(metric, sizeof metric, "%.*s", (int)(sp - val), val);
			if ((m = uk_metric_find(metric)) != NULL) {
				snprintf(buf, n, "%s%s", m->zh, sp);
				return buf;
			}
		}
		return NULL;
	}
	/* A listing's last row (fund-ledger balance). */
	if (strcmp(val, "total") == 0)
		return "合计";
	for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
		if (strcmp(words[k].col, col) == 0 && strcmp(words[k].word, val) == 0)
			return words[k].zh;
	/* member-ls --history: a member's field by its header (身份证号). */
	if (strcmp(col, "field") == 0) {
		int nspec;
		const struct uk_colspec *spec = uk_member_colspec(&nspec);
		const char *zh = uk_column_zh(spec, nspec, val);
		return zh == val ? NULL : zh;
	}
	for (size_t k = 0; k < sizeof value_vocabs / sizeof value_vocabs[0]; k++) {
		const char *comma, *p = val;
		size_t used = 0;
		if (strcmp(value_vocabs[k].col, col) != 0)
			continue;
		if (!strpbrk(val, ",;"))
			return word_zh((int)k, val);
		/* A list (roles: chair;committee): each word named, 、 between. */
		for (; p; p = comma ? comma + 1 : NULL) {
			char one[64];
			const char *zh;
			int w;
			comma = strpbrk(p, ",;");
			snprintf(one, sizeof one, "%.*s", comma ? (int)(comma - p) : (int)strlen(p), p);
			zh = word_zh((int)k, one);
			w = snprintf(buf + used, n - used, "%s%s", used ? "、" : "", zh ? zh : one);
			if (w < 0 || (size_t)w >= n - used)
				return NULL;
			used += (size_t)w;
		}
		return buf;
	}
	return NULL;
}

static const char *value_hook(const char *col, const char *val, char *buf, size_t n)
{
	return uk_column_value_zh(col, val, buf, n);
}

/* A fund's name and a class's English alias are what scripts type; in a
 * Chinese table the title and the Chinese name say it, and a column empty
 * in every row is left out. */
static const char *fund_table_hook(const char *col, const char *val, char *buf, size_t n)
{
	return strcmp(col, "name") == 0 ? "" : uk_column_value_zh(col, val, buf, n);
}

static const char *category_table_hook(const char *col, const char *val, char *buf, size_t n)
{
	return strcmp(col, "slug") == 0 ? "" : uk_column_value_zh(col, val, buf, n);
}

int uk_words_writer(const struct uk_opts *o, const struct uk_outcol *cols, int ncols,
                    enum uk_columns_of of, struct uk_writer **w)
{
	const struct uk_colspec *spec = NULL;
	uk_value_words_fn hook = value_hook;
	int nspec = 0, rc = uk_cli_writer(o, cols, ncols, w);
	switch (of) {
	case UK_COLS_MEMBERS: spec = uk_member_colspec(&nspec); break;
	case UK_COLS_LEDGER: spec = uk_ledger_colspec(&nspec); break;
	case UK_COLS_DUES: spec = uk_dues_colspec(&nspec); break;
	case UK_COLS_DISPUTES: spec = uk_dispute_colspec(&nspec); break;
	case UK_COLS_ACTIVITIES: spec = uk_activity_colspec(&nspec); break;
	case UK_COLS_UNIONS: spec = uk_union_colspec(&nspec); break;
	case UK_COLS_FUNDS: case UK_COLS_CATEGORIES: case UK_COLS_OWN: break;
	}
	if (rc || uk_output_lang(o, uk_format_resolve(o, 0)) != UK_LANG_ZH)
		return rc;
	if (uk_format_resolve(o, 0) == UK_FMT_TABLE)
		hook = of == UK_COLS_FUNDS ? fund_table_hook :
		       of == UK_COLS_CATEGORIES ? category_table_hook : value_hook;
	/* The values' hook first: it keeps the columns' own names. */
	if (uk_writer_values(*w, hook) != 0)
		goto nomem;
	for (int i = 0; i < ncols; i++) {
		const char *zh = of == UK_COLS_FUNDS && strcmp(cols[i].name, "name") == 0 ? "代号" :
		                 uk_column_zh(spec, nspec, cols[i].name);
		if (uk_writer_header(*w, i, zh) != 0)
			goto nomem;
	}
	return 0;
nomem:
	uk_writer_abandon(*w);
	*w = NULL;
	return uk_err_nomem();
}
