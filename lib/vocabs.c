/* vocabs.c - the vocabularies of the domain: members, books, disputes,
 * activities, plans. Slugs are what the database and scripts hold; the
 * Chinese name is what a document and a zh table show; the aliases are the
 * other words HR's files and secretaries write for the same value. */
#include "uk_vocabs.h"
#include "uk_ids.h"

#include <string.h>

#define WORDS(...) ((const char *const[]){__VA_ARGS__, NULL})
#define N(a) ((int)(sizeof a / sizeof a[0]))

static const struct uk_vocab_word member_status_words[] = {
	{"active", "在职", WORDS("在职会员", "在岗")},
	{"retired", "退休", WORDS("退休会员")},
	{"transferred", "调出", WORDS("转出", "调离")},
	{"left", "退会", WORDS("离职", "离开")},
	{"deceased", "去世", WORDS("已故", "死亡")},
};
static const struct uk_vocab_word hardship_words[] = {
	{"none", "无", WORDS("否", "非困难")},
	{"relative", "相对困难", WORDS("相对困难职工", "一般困难")},
	{"deep", "深度困难", WORDS("深度困难职工", "特困")},
	{"accident", "意外致困", WORDS("意外困难")},
};
static const struct uk_vocab_word role_words[] = {
	{"chair", "主席", WORDS("工会主席")},
	{"vice-chair", "副主席", WORDS("工会副主席")},
	{"committee", "委员", WORDS("工会委员", "委员会委员")},
	{"audit-committee", "经审委员", WORDS("经审会委员", "经费审查委员", "经审会主任", "经审主任")},
	{"group-leader", "工会小组长", WORDS("小组长")},
	{"women-committee", "女工委员", WORDS("女职工委员")},
};
static const struct uk_vocab_word yesno_words[] = {
	{"yes", "是", WORDS("y", "true", "1")},
	{"no", "否", WORDS("n", "false", "0")},
};
/* The funds and accounts a new database has (union-config init); a fund
 * a union adds is read by its name or its title (ledger). */
static const struct uk_vocab_word fund_words[] = {
	{"general", "工会经费", WORDS("经费")},
	{"hardship", "帮困基金", WORDS("困难帮扶基金", "帮扶基金", "帮困资金")},
	{"mutual-aid", "职工医疗互助", WORDS("医疗互助", "医疗互助基金")},
};
static const struct uk_vocab_word account_words[] = {
	{"bank", "银行存款", WORDS("银行")},
	{"cash", "库存现金", WORDS("现金")},
};
static const struct uk_vocab_word direction_words[] = {
	{"in", "收入", WORDS("income", "收")},
	{"out", "支出", WORDS("expense", "支")},
};
/* The ledger's own categories, beside the chart's codes. */
static const struct uk_vocab_word system_category_words[] = {
	{"opening", "期初余额", WORDS("期初")},
	{"transfer-in", "转入", NULL},
	{"transfer-out", "转出", NULL},
};
/* The categories of Art. 2 of the mediation rules, in report order; a
 * word that could mean two (加班: wages or hours?) is none of them. */
static const struct uk_vocab_word dispute_category_words[] = {
	{"relationship", "确认劳动关系", WORDS("劳动关系", "劳动关系纠纷")},
	{"contract", "劳动合同", WORDS("合同", "劳动合同纠纷", "合同纠纷")},
	{"termination", "解除终止劳动合同", WORDS("辞退", "解除劳动合同", "终止劳动合同", "开除", "除名")},
	{"hours-leave", "工作时间休息休假", WORDS("休息休假", "工作时间")},
	{"social-insurance", "社会保险福利", WORDS("社会保险", "社保")},
	{"wages", "劳动报酬", WORDS("工资纠纷", "工资", "欠薪", "拖欠工资")},
	{"injury", "工伤医疗费", WORDS("工伤纠纷", "工伤")},
	{"other", "其他", WORDS("其它")},
};
static const struct uk_vocab_word outcome_words[] = {
	{"resolved", "调解成功", WORDS("成功", "达成协议", "调解结案")},
	{"failed", "调解不成", WORDS("调解不成功", "调解失败", "未达成协议")},
	{"referred", "移送", WORDS("移送仲裁", "转仲裁", "移交")},
	{"withdrawn", "撤回", WORDS("撤诉", "申请人撤回")},
};
static const struct uk_vocab_word dispute_kind_words[] = {
	{"dispute", "劳动争议", WORDS("劳动纠纷", "争议", "纠纷")},
	{"petition", "信访", WORDS("来信来访", "上访")},
};
static const struct uk_vocab_word dispute_source_words[] = {
	{"visit", "来访", WORDS("走访", "上门")},
	{"phone", "来电", WORDS("电话", "热线")},
	{"letter", "来信", WORDS("信件", "网上", "网络", "邮件")},
	{"referral", "转办", WORDS("转来", "交办", "上级转办")},
};
static const struct uk_vocab_word dispute_status_words[] = {
	{"open", "受理", WORDS("已受理", "受理中", "立案", "未结", "待调解")},
	{"mediating", "调解中", WORDS("正在调解", "在调解")},
	{"closed", "结案", WORDS("已结案", "已结", "办结")},
};
/* What a case's timeline records. */
static const struct uk_vocab_word dispute_action_words[] = {
	{"open", "受理", NULL},
	{"mediating", "调解", NULL},
	{"note", "记事", NULL},
	{"reopen", "重新受理", NULL},
	{"close", "结案", NULL},
	{"void", "作废", NULL},
};
/* The one list of activity kinds: each also names two plan metrics, the
 * slug with '_' for '-' (culture_sports) or the Chinese name (文体活动),
 * and the same with _participants (文体活动人次). */
static const struct uk_vocab_word activity_kind_words[] = {
	{"congress", "职代会", WORDS("教代会", "职工代表大会", "教职工代表大会", "会员代表大会", "教代会/职代会")},
	{"meeting", "会议", WORDS("工会会议", "委员会会议", "座谈会")},
	{"study", "学习", WORDS("政治学习", "理论学习", "讲座", "读书活动", "参观学习")},
	{"training", "培训", WORDS("业务培训", "技能培训")},
	{"competition", "竞赛", WORDS("技能比武", "劳动竞赛", "技能竞赛", "比武", "演讲比赛", "知识竞赛")},
	{"culture-sports", "文体活动", WORDS("文体", "文艺活动", "体育活动", "运动会", "联欢会", "春游", "文艺演出")},
	{"visit", "走访慰问", WORDS("慰问", "走访", "送温暖")},
	{"health-check", "体检", WORDS("健康体检")},
	{"rest", "疗休养", WORDS("疗养", "休养")},
	{"aid", "帮扶", WORDS("帮困", "困难帮扶")},
	{"legal", "普法", WORDS("法律援助", "普法宣传", "法律宣传")},
	{"other", "其他", WORDS("其它")},
};
/* The one list of care kinds (lib/care.c says what each calls for in the
 * books, in this order). */
static const struct uk_vocab_word care_kind_words[] = {
	{"sick", "生病住院", WORDS("住院", "生病", "病困", "探病")},
	{"birth", "生育", WORDS("生小孩", "添丁")},
	{"wedding", "结婚", WORDS("婚庆", "新婚")},
	{"retirement", "退休", WORDS("退休慰问")},
	{"bereavement", "丧事", WORDS("去世", "丧葬", "吊唁", "直系亲属去世")},
	{"birthday", "生日", WORDS("生日慰问", "生日蛋糕")},
	{"holiday", "节日", WORDS("节日慰问", "春节慰问", "中秋慰问", "节日福利")},
	{"winter", "送温暖", WORDS("冬送温暖", "元旦春节送温暖")},
	{"summer", "夏送清凉", WORDS("送清凉", "高温慰问", "防暑降温")},
	{"hardship", "困难帮扶", WORDS("帮扶", "帮困", "困难职工帮扶")},
	{"school-aid", "金秋助学", WORDS("助学", "金秋助学金")},
	{"accident", "意外", WORDS("意外慰问", "意外伤害")},
	{"other", "其他", WORDS("其它")},
};
/* 职工医疗互助's categories of insured. */
static const struct uk_vocab_word mutual_aid_category_words[] = {
	{"active", "在职", WORDS("在职职工", "在职参保")},
	{"retired", "退休", WORDS("退休职工", "退休参保")},
	{"ankang", "安康", WORDS("安康参保", "安康保障")},
	{"special", "特种", WORDS("特种参保", "特种保障")},
};
/* The register of a federation: a union for one employer or a joint one
 * (community, village, trade) for several; the kinds of collective
 * contract; whether a union has an internal hardship fund (帮困基金), n/a
 * for one not required to. */
static const struct uk_vocab_word union_type_words[] = {
	{"single", "单建", WORDS("单建工会", "独立建会", "单独建会")},
	{"joint", "联合", WORDS("联合工会", "联合建会", "联合基层工会", "社区联合工会", "村联合工会")},
};
static const struct uk_vocab_word contract_kind_words[] = {
	{"collective", "集体合同", WORDS("综合集体合同")},
	{"wage", "工资专项", WORDS("工资专项集体合同", "工资集体协商")},
	{"women", "女职工专项", WORDS("女职工权益保护专项集体合同", "女职工专项集体合同")},
};
static const struct uk_vocab_word hardship_fund_words[] = {
	{"yes", "已建", WORDS("是", "有", "已建立")},
	{"no", "未建", WORDS("否", "无", "未建立")},
	{"n/a", "不适用", WORDS("na", "无需", "不需")},
};
static const struct uk_vocab_word plan_result_words[] = {
	{"met", "已完成", WORDS("完成", "达成")},
	{"not yet", "未完成", WORDS("not-yet", "未达成")},
	{"no target", "无目标", WORDS("no-target")},
	{"bad target", "目标有误", WORDS("bad-target")},
};

static const struct uk_vocab_word union_level_words[] = {
	{"grassroots", "基层工会", WORDS("基层")},
	{"federation", "上级工会", WORDS("总工会", "街道总工会", "乡镇总工会")},
};
static const struct uk_vocab_word disclosure_frequency_words[] = {
	{"monthly", "每月", WORDS("按月", "月度")},
	{"quarterly", "每季度", WORDS("按季", "季度")},
	{"half-year", "每半年", WORDS("半年", "半年度")},
};

#define VOCAB(what_, zh, words_) {.what = what_, .what_zh = zh, .words = words_, .n = N(words_)}
static const struct uk_vocab vocabs[UK_V_COUNT] = {
	/* [UK_V_GENDER]: in lib/core/ids.c, which reads ID numbers */
	[UK_V_MEMBER_STATUS] = VOCAB("status", "会员状态", member_status_words),
	[UK_V_HARDSHIP] = VOCAB("hardship", "困难类别", hardship_words),
	[UK_V_ROLE] = VOCAB("role", "工会职务", role_words),
	[UK_V_YESNO] = VOCAB("yes/no", "是否", yesno_words),
	[UK_V_FUND] = VOCAB("fund", "基金", fund_words),
	[UK_V_ACCOUNT] = VOCAB("account", "账户", account_words),
	[UK_V_DIRECTION] = VOCAB("direction", "收支方向", direction_words),
	[UK_V_SYSTEM_CATEGORY] = VOCAB("category", "科目", system_category_words),
	[UK_V_DISPUTE_KIND] = VOCAB("kind", "案件类型", dispute_kind_words),
	[UK_V_DISPUTE_CATEGORY] = VOCAB("category", "争议类别", dispute_category_words),
	[UK_V_DISPUTE_SOURCE] = VOCAB("source", "来源", dispute_source_words),
	[UK_V_DISPUTE_STATUS] = VOCAB("status", "案件状态", dispute_status_words),
	[UK_V_OUTCOME] = VOCAB("outcome", "结案方式", outcome_words),
	[UK_V_DISPUTE_ACTION] = VOCAB("action", "操作", dispute_action_words),
	[UK_V_ACTIVITY_KIND] = {.what = "kind", .what_zh = "活动类型", .words = activity_kind_words,
	                        .n = N(activity_kind_words), .slug_case = 1},
	[UK_V_PLAN_RESULT] = VOCAB("result", "完成情况", plan_result_words),
	[UK_V_UNION_LEVEL] = VOCAB("union.level", "工会层级", union_level_words),
	[UK_V_DISCLOSURE_FREQUENCY] = VOCAB("disclosure.frequency", "财务公开频次",
	                                    disclosure_frequency_words),
	[UK_V_CARE_KIND] = VOCAB("kind", "慰问类别", care_kind_words),
	[UK_V_MUTUAL_AID_CATEGORY] = VOCAB("category", "参保类别", mutual_aid_category_words),
	[UK_V_UNION_TYPE] = VOCAB("type", "建会形式", union_type_words),
	[UK_V_CONTRACT_KIND] = VOCAB("kind", "合同类别", contract_kind_words),
	[UK_V_HARDSHIP_FUND] = VOCAB("hardship fund", "帮困基金", hardship_fund_words),
};

static const struct uk_vocab_entry registry[UK_V_COUNT] = {
	{"gender", "member-add:--gender", UK_V_GENDER},
	{"member-status", "member-set:--status member-ls:--status",
	 UK_V_MEMBER_STATUS},
	{"hardship", "member-add:--hardship member-set:--hardship member-ls:--hardship",
	 UK_V_HARDSHIP},
	{"role", "member-set:--role",
	 UK_V_ROLE},
	{"yes-no", "member-add:--migrant-worker", UK_V_YESNO},
	{"fund", "fund-ledger:--fund activity-log:--fund",
	 UK_V_FUND},
	{"account", "fund-ledger:--account activity-log:--account", UK_V_ACCOUNT},
	{"direction", "", UK_V_DIRECTION},
	{"system-category", "", UK_V_SYSTEM_CATEGORY},
	{"dispute-kind", "dispute-log:--kind", UK_V_DISPUTE_KIND},
	{"dispute-category", "dispute-log:--category", UK_V_DISPUTE_CATEGORY},
	{"dispute-source", "dispute-log:--source", UK_V_DISPUTE_SOURCE},
	{"dispute-status", "dispute-log:--status", UK_V_DISPUTE_STATUS},
	{"outcome", "dispute-log:--outcome", UK_V_OUTCOME},
	{"dispute-action", "", UK_V_DISPUTE_ACTION},
	{"activity-kind", "activity-log:add:2 activity-log:--kind", UK_V_ACTIVITY_KIND},
	{"plan-result", "", UK_V_PLAN_RESULT},
	{"union-level", "union-config:union.level", UK_V_UNION_LEVEL},
	{"disclosure-frequency", "union-config:disclosure.frequency", UK_V_DISCLOSURE_FREQUENCY},
	{"care-kind", "care-log:add:2 care-log:roll:1 care-log:--kind", UK_V_CARE_KIND},
	{"mutual-aid-category", "mutual-aid:--category", UK_V_MUTUAL_AID_CATEGORY},
	{"union-type", "union-register:--type", UK_V_UNION_TYPE},
	{"contract-kind", "union-register:--kind", UK_V_CONTRACT_KIND},
	{"hardship-fund", "union-register:--hardship-fund", UK_V_HARDSHIP_FUND},
};

const struct uk_vocab *uk_vocab_of(enum uk_vocab_id id)
{
	return id == UK_V_GENDER ? uk_gender_vocab() : &vocabs[id];
}

const struct uk_vocab_entry *uk_vocab_registry(int *n)
{
	*n = UK_V_COUNT;
	return registry;
}

const struct uk_vocab_entry *uk_vocab_named(const char *name)
{
	for (int i = 0; name && i < UK_V_COUNT; i++)
		if (strcmp(registry[i].name, name) == 0)
			return &registry[i];
	return NULL;
}

const char *uk_vocab_slug_of(enum uk_vocab_id id, const char *s)
{
	return uk_vocab_slug(uk_vocab_of(id), s);
}

const char *uk_vocab_show(enum uk_vocab_id id, const char *slug, int zh)
{
	return zh ? uk_vocab_zh(uk_vocab_of(id), slug) : slug;
}

int uk_vocab_print(FILE *f, const char *name)
{
	const struct uk_vocab_entry *e;
	if (!name) {
		for (int i = 0; i < UK_V_COUNT; i++)
			fprintf(f, "%s\t%s\t%s\n", registry[i].name, uk_vocab_of(registry[i].id)->what_zh,
			        registry[i].uses);
		return 0;
	}
	if (!(e = uk_vocab_named(name)))
		return -1;
	for (int i = 0; i < uk_vocab_of(e->id)->n; i++) {
		const struct uk_vocab_word *w = &uk_vocab_of(e->id)->words[i];
		fprintf(f, "%s\t%s\t", w->slug, w->zh);
		for (const char *const *a = w->aliases; a && *a; a++)
			fprintf(f, "%s%s", a == w->aliases ? "" : ",", *a);
		fputc('\n', f);
	}
	return 0;
}
