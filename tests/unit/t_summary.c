/* t_summary.c - the summary's template: what it checks, what it fills in,
 * which blocks it keeps, how it numbers. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "uk_cli.h"
#include "uk_metrics.h"
#include "uk_summary.h"
#include "tap.h"
#include "capture.h"

/* A year report's figures, as report-year gives them (the seed's disputes). */
static const char report_json[] =
	"{\"year\": 2025, \"as_of\": \"2025-12-31\", \"partial\": false,"
	" \"union\": {\"name\": \"某区总工会\"},"
	" \"members\": {\"total\": 120, \"active\": 100, \"retired\": 20, \"joined\": 0,"
	"   \"left\": {\"left\": 1, \"transferred\": 2, \"deceased\": 0}, \"female\": 48,"
	"   \"female_share\": 40.0, \"hardship\": {\"relative\": 2, \"deep\": 1, \"accident\": 0}},"
	" \"funds\": {\"income\": \"1000.50\", \"expense\": \"0.00\", \"dues\": \"300.00\","
	"   \"hardship_paid\": \"0.00\", \"hardship_recipients\": 0, \"disclosures\": 12},"
	" \"disputes\": {\"received\": 27, \"workers\": 120, \"claimed\": \"1329770.00\","
	"   \"recovered\": \"0.00\", \"petitions\": 0, \"overdue\": 0,"
	"   \"handled_rate\": 100.0, \"success_rate\": 97.3},"
	" \"activities\": [{\"kind\": \"training\", \"count\": 4, \"participants\": 95},"
	"   {\"kind\": \"culture-sports\", \"count\": 0, \"participants\": 0}],"
	" \"plan\": [{\"item\": \"2025/一/1\", \"text\": \"学习。\", \"target\": \"study >= 4\","
	"   \"actual\": \"4\", \"result\": \"met\"},"
	"  {\"item\": \"2025/一/2\", \"text\": \"评选。\", \"target\": null, \"actual\": null,"
	"   \"result\": \"no target\"},"
	"  {\"item\": \"2025/一/3\", \"text\": \"成功率。\", \"target\": \"dispute_success_rate >= 98%\","
	"   \"actual\": \"97.3%\", \"result\": \"not yet\"}]}";

static json_t *report;

/* The prose of template text, or the message its check gave. */
static char *filled(const char *text)
{
	char *out = NULL;
	if (uk_summary_check(text, "t.md") != 0)
		return NULL;
	if (uk_summary_expand(report, text, &out) != 0)
		return NULL;
	return out;
}

static void is_prose(const char *text, const char *want, const char *what)
{
	char *got = filled(text);
	is_str(got ? got : "(refused)", want, "%s", what);
	free(got);
}

/* A template refused: 65, and the message names the line. */
static void refused(const char *text, const char *msg, const char *what)
{
	int rc;
	const char *err;
	cap_start();
	rc = uk_summary_check(text, "t.md");
	err = cap_end_trimmed();
	is_int(rc, UK_EX_DATAERR, "%s: 65", what);
	ok(strstr(err, msg) != NULL, "%s: says '%s' (got: %s)", what, msg, err);
}

static void test_metrics_known(void)
{
	int n, all = 1;
	const struct uk_metric *m = uk_metrics(&n);
	for (int i = 0; i < n; i++)
		if (!uk_summary_knows(m[i].name)) {
			fprintf(stderr, "# not a placeholder: %s\n", m[i].name);
			all = 0;
		}
	ok(all, "every metric of a plan is a placeholder of the summary");
	ok(!uk_summary_knows("federation") && !uk_summary_knows("item"), "other names are not");
}

static void test_fill(void)
{
	is_prose("全年共调处劳动纠纷{{disputes_received}}起，涉及职工{{dispute_workers}}人，"
	         "涉及金额{{dispute_claimed}}元，调处率{{dispute_handled_rate}}，成功率{{dispute_success_rate}}。",
	         "全年共调处劳动纠纷27起，涉及职工120人，涉及金额1329770元，调处率100%，成功率97.3%。",
	         "counts, whole yuan without decimals, a whole rate without .0");
	is_prose("{{income}}/{{expense}}/{{union_name}}/{{year}}/{{as_of}}",
	         "1000.50/0/某区总工会/2025/2025年12月31日", "money with fen, text, the year, a date");
	is_prose("{{members_left}} {{hardship_members}} {{training}} {{training_participants}} {{activities}}",
	         "3 3 4 95 4", "objects summed, an activity kind and its participants");
	is_prose("{{ female_share }}", "40%", "spaces inside the braces");
}

static void test_blocks(void)
{
	is_prose("a{{#income}}收入{{income}}元{{/income}}{{^income}}无收入{{/income}}b", "a收入1000.50元b",
	         "a block kept when its figure is not zero");
	is_prose("a{{#expense}}支出{{/expense}}{{^expense}}没有支出{{/expense}}b", "a没有支出b",
	         "a zero figure: the ^ block instead");
	is_prose("{{#petitions}}0件{{/petitions}}", "", "a zero figure never written as 0");
	is_prose("1、x\n{{#members_joined}}\n1、入会{{members_joined}}\n{{/members_joined}}\n1、y\n",
	         "1、x\n2、y", "a block left out leaves no line and no gap in the numbers");
	is_prose("## 一、甲\n1、a\n{{#members_joined}}\n## 二、乙\n1、b\n{{/members_joined}}\n## 三、丙\n1、c\n1、d\n",
	         "## 一、甲\n1、a\n## 二、丙\n1、c\n2、d", "sections numbered anew, paragraphs from 1 under each");
	is_prose("{{! a comment may quote {{income}} and {{#x}} }}x", "x", "a comment, quoting tags, is dropped");
	is_prose("{{#plan}}\n{{#target}}\n1、{{text}}{{target}}，{{result}}。\n{{/target}}\n{{/plan}}\n",
	         "1、学习。学习不少于4次，已完成。\n2、成功率。调解成功率不低于98%，未完成。",
	         "the plan's rows with a target, in words");
	is_prose("{{#plan}}\n{{#target}}\n1、目标：{{target}}；实际：{{actual}}。\n{{/target}}\n{{/plan}}\n",
	         "1、目标：学习不少于4次；实际：4次。\n2、目标：调解成功率不低于98%；实际：97.3%。",
	         "the plan's actuals as their targets are written: a count with its word");
	is_prose("{{#plan_targets}}{{plan_targets}}项{{plan_met}}项{{/plan_targets}}", "2项1项", "the plan's counts");
	is_prose("{{#disclosure_monthly}}每月一公开{{/disclosure_monthly}}", "每月一公开",
	         "twelve disclosures in a whole year: every month");
	{
		json_t *saved = json_deep_copy(report), *unions = json_array();
		json_object_set_new(json_object_get(report, "funds"), "disclosures", json_integer(1));
		is_prose("{{disclosure}}次，{{disclosure_missed}}个月未公开{{^disclosure_monthly}}，不称每月一公开{{/disclosure_monthly}}",
		         "1次，11个月未公开，不称每月一公开", "one in a whole year");
		json_object_set_new(report, "partial", json_true());
		json_object_set_new(report, "as_of", json_string("2025-06-10"));
		is_prose("{{disclosure_missed}}", "4", "by 10 June, five months ended, one disclosed");
		json_object_set_new(report, "as_of", json_string("2025-03-31"));
		json_object_set_new(json_object_get(report, "funds"), "disclosures", json_integer(2));
		is_prose("{{disclosure_missed}}{{^disclosure_monthly}}，不称每月一公开{{/disclosure_monthly}}",
		         "1，不称每月一公开", "on 31 March its month has ended too: three due, two made");
		json_object_set_new(report, "as_of", json_string("2025-01-20"));
		json_object_set_new(json_object_get(report, "funds"), "disclosures", json_integer(0));
		is_prose("[{{disclosure_missed}}{{#disclosure_monthly}}每月一公开{{/disclosure_monthly}}]", "[0]",
		         "in January no month has ended: nothing missed, nothing claimed");
		/* A merge of three unions. */
		for (int i = 0; i < 3; i++)
			json_array_append_new(unions, json_pack("{s:s}", "union", "x"));
		json_object_set_new(report, "unions", unions);
		json_object_set_new(json_object_get(report, "funds"), "disclosures", json_integer(15));
		is_prose("[{{disclosure_missed}}{{#disclosure_monthly}}每月一公开{{/disclosure_monthly}}]", "[0]",
		         "a partial merge: reports of different days are not told month by month, nothing claimed");
		json_object_set_new(report, "partial", json_false());
		is_prose("{{disclosure_missed}}{{^disclosure_monthly}}，不称每月一公开{{/disclosure_monthly}}",
		         "21，不称每月一公开", "a whole year's merge: thirty-six due, fifteen made");
		json_object_set_new(json_object_get(report, "funds"), "disclosures", json_integer(36));
		is_prose("{{#disclosure_monthly}}每月一公开{{/disclosure_monthly}}", "每月一公开",
		         "a whole year's merge with thirty-six: every union every month");
		json_decref(report);
		report = saved;
	}
}

static void test_refused(void)
{
	refused("一\n二{{memebers_total}}\n", "t.md:2: unknown placeholder '{{memebers_total}}'",
	        "a misspelt placeholder, named with its line");
	refused("一\n{{#income}}\n\n三{{^disputes_received}}x{{/disputes_received}}\n", "t.md:2: '{{#income}}' is not closed",
	        "a block not closed");
	refused("{{#income}}a{{/expense}}", "t.md:1: '{{/expense}}' closes no block: '{{#income}}' of line 1 is open",
	        "a block closed by another name");
	refused("a\nb{{/income}}", "t.md:2: '{{/income}}' closes no block", "a close without its block");
	refused("a\n\nb {{income\n", "t.md:3: '{{' without '}}'", "braces not closed");
	refused("{{plan}}", "t.md:1: '{{plan}}' is a list", "the plan outside a block");
	refused("{{text}}", "t.md:1: unknown placeholder '{{text}}'", "a plan row's field outside the plan");
	refused("{{#income}}{{nope}}{{/income}}", "unknown placeholder '{{nope}}'",
	        "a bad placeholder in a block left out is still found");
}

/* Whether text writes a zero as a figure: a 0 not after a digit or a
 * point, followed by a unit (0人, 0次, 0元, 0起). */
static int zero_written(const char *text)
{
	static const char *const units[] = {"人", "次", "元", "起", "件", "项", "期", "批", "户", NULL};
	for (const char *p = strchr(text, '0'); p; p = strchr(p + 1, '0')) {
		if (p > text && ((p[-1] >= '0' && p[-1] <= '9') || p[-1] == '.'))
			continue;
		for (const char *const *u = units; *u; u++)
			if (!strncmp(p + 1, *u, strlen(*u)))
				return 1;
	}
	return 0;
}

static void test_default(void)
{
	char *out = NULL;
	is_int(uk_summary_check(uk_summary_default, "year-summary.md"), 0, "the installed template passes its check");
	is_int(uk_summary_expand(report, uk_summary_default, &out), 0, "and fills in");
	ok(out && strstr(out, "全年共调处劳动纠纷27起，涉及职工120人，涉及金额1329770元，调处率100%，成功率97.3%"),
	   "the disputes' sentence");
	if (getenv("T_SUMMARY_SHOW")) puts(out);
	ok(out && strstr(out, "本年度没有新入会会员") && !zero_written(out), "zero figures as sentences, never 0人 or 0次");
	ok(out && !strstr(out, "{{") && !strstr(out, "\n\n\n"), "no tag left, no run of empty lines");
	free(out);
}

int main(void)
{
	json_error_t e;
	uk_cli_init("t_summary");
	report = json_loads(report_json, 0, &e);
	ok(report != NULL, "the test's report parses (%s)", report ? "" : e.text);
	if (!report)
		return done_testing();
	test_metrics_known();
	test_fill();
	test_blocks();
	test_refused();
	test_default();
	json_decref(report);
	return done_testing();
}
