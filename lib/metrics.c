/* metrics.c - the one table of what a plan's target can measure, and how
 * each is computed for a period by asking the modules that own the data. */
#include "uk_metrics.h"
#include "uk_activities.h"
#include "uk_care.h"
#include "uk_mutual_aid.h"
#include "uk_unions.h"
#include "uk_disputes.h"
#include "uk_ledger.h"
#include "uk_members.h"
#include "uk_money.h"
#include "uk_config.h"
#include "uk_i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The metrics of the modules; after them, built from the activity kinds,
 * two for each kind. */
static const struct uk_metric fixed[] = {
	{"members_total", UK_UNIT_COUNT, "members active or retired at the period's end", "会员总数", "人"},
	{"members_joined", UK_UNIT_COUNT, "members who joined in the period (join_date, else hire_date)", "新入会会员", "人"},
	{"members_left", UK_UNIT_COUNT, "members who left, were transferred or died in the period", "减少会员", "人"},
	{"female_share", UK_UNIT_PERMILLE, "women among members_total, in %", "女会员占比", NULL},
	{"hardship_members", UK_UNIT_COUNT, "members with a hardship level at the period's end", "困难会员", "户"},
	{"hardship_new", UK_UNIT_COUNT, "hardship files opened in the period", "新增困难档案", "户"},
	{"hardship_out", UK_UNIT_COUNT, "hardship files closed in the period (脱困)", "脱困", "户"},
	{"hardship_paid", UK_UNIT_FEN, "aid paid from the hardship fund (维权支出), yuan", "帮扶金额", NULL},
	{"hardship_recipients", UK_UNIT_COUNT, "members who received that aid", "帮扶人数", "人"},
	{"dues_collected", UK_UNIT_FEN, "dues (会费收入) posted, yuan", "会费收入", NULL},
	{"income", UK_UNIT_FEN, "income of every class, yuan", "收入合计", NULL},
	{"expense", UK_UNIT_FEN, "expense of every class, yuan", "支出合计", NULL},
	{"disclosure", UK_UNIT_COUNT, "monthly disclosures made (report-month)", "财务公开次数", "次"},
	{"disputes_received", UK_UNIT_COUNT, "disputes received (petitions apart)", "受理劳动争议", "起"},
	{"dispute_success_rate", UK_UNIT_PERMILLE, "成功率: resolved / concluded, in %", "调解成功率", NULL},
	{"dispute_handled_rate", UK_UNIT_PERMILLE, "调处率: concluded / received, in %", "调处率", NULL},
	{"overdue_disputes", UK_UNIT_COUNT, "disputes open past the time limit at the period's end", "超期案件", "起"},
	{"dispute_workers", UK_UNIT_COUNT, "workers the disputes received concern", "涉及职工", "人"},
	{"dispute_claimed", UK_UNIT_FEN, "money the disputes received claim, yuan", "争议金额", NULL},
	{"dispute_recovered", UK_UNIT_FEN, "money recovered for the workers, yuan", "追回金额", NULL},
	{"petitions", UK_UNIT_COUNT, "petitions received (来信来访)", "信访", "件次"},
	{"visit_persons", UK_UNIT_COUNT, "members cared for (care-log), each once", "慰问人数", "人"},
	{"care_times", UK_UNIT_COUNT, "care records (visits and gifts)", "慰问人次", "人次"},
	{"care_amount", UK_UNIT_FEN, "cash and goods given in care, yuan", "慰问金额", NULL},
	{"hardship_visited", UK_UNIT_COUNT, "members in hardship visited (送温暖, 困难帮扶)", "慰问困难职工", "名"},
	{"hardship_care_amount", UK_UNIT_FEN, "cash and goods they were given, yuan", "慰问困难职工金额", NULL},
	{"summer_units", UK_UNIT_COUNT, "units given 夏送清凉", "高温慰问企业", "家"},
	{"summer_workers", UK_UNIT_COUNT, "workers given 夏送清凉", "高温慰问职工", "人"},
	{"summer_amount", UK_UNIT_FEN, "what 夏送清凉 gave, yuan", "高温慰问金额", NULL},
	{"school_aid_students", UK_UNIT_COUNT, "students given 金秋助学", "金秋助学人数", "名"},
	{"school_aid_amount", UK_UNIT_FEN, "金秋助学 grants, yuan", "金秋助学金额", NULL},
	{"mutual_aid_insured", UK_UNIT_COUNT, "insured in the medical mutual-aid scheme, every category", "医疗互助参保人数", "人"},
	{"mutual_aid_units", UK_UNIT_COUNT, "units taking part in it", "医疗互助参保单位", "家"},
	{"mutual_aid_full_units", UK_UNIT_COUNT, "units enrolled in full", "全员参保单位", "家"},
	{"unions_total", UK_UNIT_COUNT, "grassroots unions in the register (union-register)", "基层工会", "家"},
	{"unions_founded", UK_UNIT_COUNT, "unions founded in the period", "新建基层工会", "家"},
	{"firms_covered", UK_UNIT_COUNT, "firms the unions cover", "覆盖企业", "家"},
	{"hardship_fund_unions", UK_UNIT_COUNT, "unions with an internal hardship fund", "建立帮困基金", "家"},
	{"hardship_fund_share", UK_UNIT_PERMILLE, "those among the unions required to have one, in %", "帮困基金建立率", NULL},
	{"mediation_committees", UK_UNIT_COUNT, "unions with a mediation committee", "劳动争议调解委员会", "个"},
	{"mediators", UK_UNIT_COUNT, "their mediators", "调解员", "名"},
	{"congress_unions", UK_UNIT_COUNT, "unions that held a 职代会 in the period", "召开职代会单位", "家"},
	{"contracts_in_force", UK_UNIT_COUNT, "collective contracts in force, every kind", "集体合同", "份"},
	{"contract_workers", UK_UNIT_COUNT, "the workers they cover", "集体合同覆盖职工", "人次"},
	{"contracts_expiring", UK_UNIT_COUNT, "contracts ending within 90 days, not renewed", "到期未续签合同", "份"},
	{"audits_done", UK_UNIT_COUNT, "audits of unions' finances in the period", "经费审查", "次"},
	{"audit_findings_open", UK_UNIT_COUNT, "audits with findings not rectified", "审计问题未整改", "次"},
};
#define NFIXED ((int)(sizeof fixed / sizeof fixed[0]))
#define NMETRICS (NFIXED + 2 * UK_ACTIVITY_NKINDS)

/* Metric NFIXED + 2k is the count of kind k, the one after it their
 * participants. */
static struct uk_metric table[NMETRICS + 1];
static char count_names[UK_ACTIVITY_NKINDS][32], part_names[UK_ACTIVITY_NKINDS][48];
static char part_zh[UK_ACTIVITY_NKINDS][48];

static const struct uk_metric *metrics(void)
{
	if (table[0].name)
		return table;
	memcpy(table, fixed, sizeof fixed);
	for (int k = 0; k < UK_ACTIVITY_NKINDS; k++) {
		char *count = count_names[k], *part = part_names[k];
		/* The kind culture-sports is the metric culture_sports. */
		snprintf(count, sizeof count_names[k], "%s", uk_activity_kind(k));
		for (char *c = count; *c; c++)
			if (*c == '-')
				*c = '_';
		snprintf(part, sizeof part_names[k], "%.31s_participants", count);
		/* 文体活动 and 文体活动人次: the kind's Chinese name. */
		snprintf(part_zh[k], sizeof part_zh[k], "%s人次", uk_activity_kind_zh(k));
		/* 培训4期, 疗休养2批, else 学习5次, as the summary counts them. */
		table[NFIXED + 2 * k] = (struct uk_metric){count, UK_UNIT_COUNT, "activities of this kind",
		                                           uk_activity_kind_zh(k),
		                                           !strcmp(count, "training") ? "期" :
		                                           !strcmp(count, "rest") ? "批" : "次"};
		table[NFIXED + 2 * k + 1] = (struct uk_metric){part, UK_UNIT_COUNT, "their participants",
		                                               part_zh[k], "人次"};
	}
	return table;
}

const struct uk_metric *uk_metrics(int *n)
{
	*n = NMETRICS;
	return metrics();
}

const struct uk_metric *uk_metric_find(const char *name)
{
	char buf[64];
	size_t n = strlen(name);
	int k;
	const struct uk_metric *t = metrics();
	for (const struct uk_metric *m = t; m->name; m++) {
		const char *a = m->name, *b = name;
		/* culture-sports is culture_sports */
		while (*a && (*a == *b || (*a == '_' && *b == '-')))
			a++, b++;
		if ((!*a && !*b) || strcmp(m->zh, name) == 0)
			return m;
	}
	/* Shorter words plans write for a fixed one. */
	static const struct { const char *word, *name; } words[] = {
		{"新入会", "members_joined"}, {"财务公开", "disclosure"}, {"会员人数", "members_total"},
		{"成功率", "dispute_success_rate"}, {"会费", "dues_collected"},
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strcmp(words[i].word, name) == 0)
			return uk_metric_find(words[i].name);
	/* A kind in any of its words (技能比武 >= 2), and 技能比武人次. */
	if ((k = uk_activity_kind_index(name)) >= 0)
		return &t[NFIXED + 2 * k];
	if (n > strlen("人次") && n < sizeof buf && strcmp(name + n - strlen("人次"), "人次") == 0) {
		snprintf(buf, sizeof buf, "%.*s", (int)(n - strlen("人次")), name);
		if ((k = uk_activity_kind_index(buf)) >= 0)
			return &t[NFIXED + 2 * k + 1];
	}
	return NULL;
}

int uk_metric_value_parse(const struct uk_metric *m, const char *text, int64_t *value, const char **why)
{
	char buf[64], *end;
	size_t n;
	snprintf(buf, sizeof buf, "%s", text);
	n = strlen(buf);
	if (m->unit == UK_UNIT_FEN)
		return uk_money_parse(buf, value, why);
	if (m->unit == UK_UNIT_PERMILLE) {
		/* "95%", "95.5%", or a bare number of percent */
		int64_t fen;
		if (n && buf[n - 1] == '%')
			buf[--n] = '\0';
		/* percent with one decimal, parsed exactly like money */
		if (uk_money_parse(buf, &fen, why) != 0)
			return -1;
		if (fen % 10) {
			*why = _("more than one decimal in a percentage");
			return -1;
		}
		if (fen < 0 || fen > 10000) {
			*why = _("a percentage is 0 to 100");
			return -1;
		}
		*value = fen / 10;
		return 0;
	}
	errno = 0;
	*value = strtoll(buf, &end, 10);
	if (!n || *end || *value < 0 || errno == ERANGE) {
		*why = errno == ERANGE ? _("too large") : _("not a whole number");
		return -1;
	}
	return 0;
}

void uk_metric_format(const struct uk_metric *m, int64_t v, char *buf, size_t n)
{
	if (m->unit == UK_UNIT_PERMILLE) {
		if (v < 0)
			snprintf(buf, n, "\xE2\x80\x93");  /* – : no denominator */
		else
			snprintf(buf, n, "%lld.%lld%%", (long long)(v / 10), (long long)(v % 10));
	} else if (m->unit == UK_UNIT_FEN) {
		char money[UK_MONEY_BUFSZ];
		snprintf(buf, n, "%s", uk_money_format(v, money));
	} else {
		snprintf(buf, n, "%lld", (long long)v);
	}
}

void uk_metric_target_words(const char *metric, const char *op, const char *value, FILE *out)
{
	static const struct { const char *op, *zh, *rate_zh; } ops[] = {
		{">=", "不少于", "不低于"}, {"<=", "不超过", "不高于"}, {">", "多于", "高于"},
		{"<", "少于", "低于"}, {"=", "为", "为"},
	};
	const struct uk_metric *m = uk_metric_find(metric);
	for (size_t i = 0; m && i < sizeof ops / sizeof ops[0]; i++)
		if (!strcmp(op, ops[i].op)) {
			/* 帮扶金额不少于2000元, 学习不少于4次: the unit the actual has. */
			fprintf(out, "%s%s%s%s", m->zh, m->unit == UK_UNIT_PERMILLE ? ops[i].rate_zh : ops[i].zh, value,
			        m->unit == UK_UNIT_FEN ? "元" : m->unit == UK_UNIT_COUNT && m->measure ? m->measure : "");
			return;
		}
	fprintf(out, "%s %s %s", metric, op, value);
}

/* The metric a target names, its length in *n: "study" of "study >= 4". */
static const struct uk_metric *target_metric(const char *target, size_t *n)
{
	char metric[64];
	*n = strcspn(target, " <>=");
	if (*n >= sizeof metric)
		return NULL;
	snprintf(metric, sizeof metric, "%.*s", (int)*n, target);
	return uk_metric_find(metric);
}

void uk_metric_target_text(const char *target, FILE *out)
{
	char metric[64], op[4];
	size_t n = strcspn(target, " <>="), k;
	const char *rest = target + n;
	snprintf(metric, sizeof metric, "%.*s", (int)(n < 63 ? n : 63), target);
	while (*rest == ' ')
		rest++;
	k = strspn(rest, "<>=");
	snprintf(op, sizeof op, "%.*s", (int)(k < 3 ? k : 3), rest);
	rest += k;
	while (*rest == ' ')
		rest++;
	if (n >= sizeof metric || !k)
		fputs(target, out);
	else
		uk_metric_target_words(metric, op, rest, out);
}

void uk_metric_actual_words(const char *target, const char *actual, FILE *out)
{
	size_t n;
	const struct uk_metric *m = target ? target_metric(target, &n) : NULL;
	size_t len = actual ? strlen(actual) : 0;
	int64_t fen;
	const char *why;
	if (!m || !len || !strcmp(actual, "\xE2\x80\x93")) {
		fputs(len ? actual : "\xE2\x80\x93", out);
	} else if (m->unit == UK_UNIT_FEN && uk_money_parse(actual, &fen, &why) == 0) {
		/* 3200元, 2400.50元: as the summary writes money. */
		const char *sign = fen < 0 ? "-" : "";
		fen = fen < 0 ? -fen : fen;
		if (fen % 100)
			fprintf(out, "%s%lld.%02lld元", sign, (long long)(fen / 100), (long long)(fen % 100));
		else
			fprintf(out, "%s%lld元", sign, (long long)(fen / 100));
	} else if (m->unit == UK_UNIT_PERMILLE && len > 3 && !strcmp(actual + len - 3, ".0%")) {
		fprintf(out, "%.*s%%", (int)(len - 3), actual);   /* 50% for 50.0% */
	} else {
		fprintf(out, "%s%s", actual, m->unit == UK_UNIT_COUNT && m->measure ? m->measure : "");
	}
}

static int64_t permille(long a, long b)
{
	return b ? ((int64_t)a * 1000 + b / 2) / b : -1;
}

int uk_metric_disputes(struct uk_db *db, struct uk_period p, struct uk_dispute_stats *s)
{
	long threshold = 10, limit = 15;
	struct uk_date at = p.to, today = uk_date_today();
	int rc;
	if (uk_date_cmp(today, at) < 0)
		at = today;
	if ((rc = uk_config_get_int(db, "disputes.collective_threshold", &threshold)) != 0 ||
	    (rc = uk_config_get_int(db, "disputes.limit_days", &limit)) != 0)
		return rc;
	return uk_disputes_stats(db, p, at, threshold, limit, s);
}

int uk_metric_compute(struct uk_db *db, const char *name, struct uk_period p, int64_t *value)
{
	const struct uk_metric *m = uk_metric_find(name);
	int rc;
	*value = 0;
	if (!m) {
		uk_err("unknown metric '%s'", name);
		return UK_EX_DATAERR;
	}
	if (strncmp(name, "members_", 8) == 0 || !strcmp(name, "female_share") || !strcmp(name, "hardship_members") ||
	    !strcmp(name, "hardship_new") || !strcmp(name, "hardship_out")) {
		struct uk_member_figures f;
		if ((rc = uk_members_figures(db, p, &f)) != 0)
			return rc;
		*value = !strcmp(name, "members_total") ? f.total : !strcmp(name, "members_joined") ? f.joined :
		         !strcmp(name, "members_left") ? f.left : !strcmp(name, "hardship_members") ? f.hardship :
		         !strcmp(name, "hardship_new") ? f.hardship_new : !strcmp(name, "hardship_out") ? f.hardship_out :
		         permille(f.female, f.total);
		return 0;
	}
	if (!strcmp(name, "hardship_paid") || !strcmp(name, "hardship_recipients") ||
	    !strcmp(name, "dues_collected") || !strcmp(name, "income") || !strcmp(name, "expense")) {
		struct uk_ledger_figures f;
		if ((rc = uk_ledger_figures(db, p, &f)) != 0)
			return rc;
		*value = !strcmp(name, "hardship_paid") ? f.hardship_paid :
		         !strcmp(name, "hardship_recipients") ? f.hardship_recipients :
		         !strcmp(name, "dues_collected") ? f.dues : !strcmp(name, "income") ? f.income : f.expense;
		return 0;
	}
	if (!strncmp(name, "unions_", 7) || !strcmp(name, "firms_covered") || !strncmp(name, "hardship_fund_", 14) ||
	    !strncmp(name, "mediat", 6) || !strcmp(name, "congress_unions") || !strncmp(name, "contract", 8) ||
	    !strncmp(name, "audit", 5)) {
		struct uk_union_figures u;
		long in_force = 0, workers = 0;
		if ((rc = uk_union_figures(db, p, &u)) != 0)
			return rc;
		for (int k = 0; k < UK_CONTRACT_NKINDS; k++)
			in_force += u.contracts[k], workers += u.contract_workers[k];
		*value = !strcmp(name, "unions_total") ? u.unions : !strcmp(name, "unions_founded") ? u.founded :
		         !strcmp(name, "firms_covered") ? u.firms : !strcmp(name, "hardship_fund_unions") ? u.fund_unions :
		         !strcmp(name, "hardship_fund_share") ? u.fund_share :
		         !strcmp(name, "mediation_committees") ? u.committees : !strcmp(name, "mediators") ? u.mediators :
		         !strcmp(name, "congress_unions") ? u.congresses : !strcmp(name, "contracts_in_force") ? in_force :
		         !strcmp(name, "contract_workers") ? workers :
		         !strcmp(name, "contracts_expiring") ? u.contracts_expiring :
		         !strcmp(name, "audits_done") ? u.audits : u.audits_open;
		return 0;
	}
	if (strstr(name, "dispute") || !strcmp(name, "petitions")) {
		struct uk_dispute_stats s;
		if ((rc = uk_metric_disputes(db, p, &s)) != 0)
			return rc;
		*value = !strcmp(name, "disputes_received") ? s.received : !strcmp(name, "overdue_disputes") ? s.overdue :
		         !strcmp(name, "dispute_success_rate") ? s.success_permille :
		         !strcmp(name, "dispute_workers") ? s.workers : !strcmp(name, "dispute_claimed") ? s.claimed :
		         !strcmp(name, "dispute_recovered") ? s.recovered : !strcmp(name, "petitions") ? s.petitions :
		         s.handled_permille;
		return 0;
	}
	if (!strcmp(name, "visit_persons") || !strcmp(name, "care_times") || !strcmp(name, "care_amount") ||
	    !strncmp(name, "hardship_", 9) || !strncmp(name, "summer_", 7) || !strncmp(name, "school_aid_", 11)) {
		struct uk_care_figures c;
		if ((rc = uk_care_figures(db, p, &c)) != 0)
			return rc;
		*value = !strcmp(name, "visit_persons") ? c.persons : !strcmp(name, "care_times") ? c.times :
		         !strcmp(name, "care_amount") ? c.cash + c.goods :
		         !strcmp(name, "hardship_visited") ? c.hardship_persons :
		         !strcmp(name, "hardship_care_amount") ? c.hardship_amount :
		         !strcmp(name, "summer_units") ? c.summer_units : !strcmp(name, "summer_workers") ? c.summer_workers :
		         !strcmp(name, "summer_amount") ? c.summer_amount :
		         !strcmp(name, "school_aid_students") ? c.students : c.school_aid;
		return 0;
	}
	if (!strncmp(name, "mutual_aid_", 11)) {
		struct uk_mutual_aid_figures ma;
		/* The scheme's year: the period's last. */
		if ((rc = uk_mutual_aid_figures(db, p.to.y, &ma)) != 0)
			return rc;
		*value = !strcmp(name, "mutual_aid_insured") ? ma.total : !strcmp(name, "mutual_aid_units") ? ma.units :
		         ma.full_units;
		return 0;
	}
	if (!strcmp(name, "disclosure")) {
		long n;
		if ((rc = uk_disclosures_count(db, p, &n)) != 0)
			return rc;
		*value = n;
		return 0;
	}
	{
		/* An activity kind's, by its place in the table. */
		int k = (int)(m - metrics()) - NFIXED;
		long count, participants;
		if ((rc = uk_activities_figures(db, p, uk_activity_kind(k / 2), &count, &participants)) != 0)
			return rc;
		*value = k % 2 ? participants : count;
		return 0;
	}
}
