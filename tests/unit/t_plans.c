/* t_plans.c - unit tests for the work plan (lib/uk_plans.h): uk_plan_parse
 * on strings (the customary outline, its loose numbering and notes, JSON,
 * every error with its file:line and exit 65), item numbers kept as
 * written, the canonical Markdown of uk_plan_write_md, the skeleton's
 * title, item references (uk_plan_item_ref, uk_plan_item_find), the metric
 * table (uk_metric_find, uk_metric_value_parse in each unit,
 * uk_metric_format), and store / load / replace on a temporary database,
 * a load that fails part way returning no plan. */
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include "uk_metrics.h"
#include "uk_plans.h"
#include "uk_store.h"
#include "tap.h"
#include "capture.h"

/* ---- helpers ---- */

/* The canonical Markdown of a plan, in a static buffer. */
static const char *md(const struct uk_plan *p)
{
	static char *buf;
	size_t n = 0;
	FILE *f;
	free(buf);
	buf = NULL;
	if (!(f = open_memstream(&buf, &n)))
		return "(no memstream)";
	uk_plan_write_md(p, f);
	fclose(f);
	return buf;
}

static int parse(const char *text, struct uk_plan **p)
{
	return uk_plan_parse(text, strlen(text), "s.md", NULL, p);
}

static char msg[2048];

/* Parses text (how: NULL or as given) with stderr captured into msg:
 * the exit code, and the plan in *p. */
static int parse_saying(const char *text, const struct uk_plan_read *how, struct uk_plan **p)
{
	const char *said;
	size_t k;
	int rc;
	cap_start();
	rc = uk_plan_parse(text, strlen(text), "s.md", how, p);
	said = cap_end_trimmed();
	k = strlen(said);
	if (k >= sizeof msg)
		k = sizeof msg - 1;
	memcpy(msg, said, k);
	msg[k] = '\0';
	return rc;
}

/* Parses text that must be refused: the exit code, and the message in msg. */
static int refuse(const char *text)
{
	struct uk_plan *p = NULL;
	int rc = parse_saying(text, NULL, &p);
	if (p) {
		printf("#   a refused plan was returned\n");
		uk_plan_free(p);
		return -1;
	}
	return rc;
}

/* Parses text that must be read: the plan, and what was said on stderr
 * (the notes) in msg. */
static struct uk_plan *read_noting(const char *text, const struct uk_plan_read *how)
{
	struct uk_plan *p = NULL;
	int rc = parse_saying(text, how, &p);
	if (rc)
		printf("#   refused (%d): %s\n", rc, msg);
	return p;
}

static int has(const char *hay, const char *needle)
{
	int yes = hay && strstr(hay, needle) != NULL;
	if (!yes)
		printf("#   '%s' does not contain '%s'\n", hay ? hay : "(null)", needle);
	return yes;
}

/* The head of a small plan: title, 指导思想, section 一 from line 7; the
 * item given comes on line 9. */
static const char *with_item(const char *item)
{
	static char buf[1024];
	snprintf(buf, sizeof buf, "# 2030年工会工作计划\n\n## 指导思想\n\n服务职工。\n\n## 一、甲\n\n%s\n", item);
	return buf;
}

/* ---- parsing ---- */

static const char canonical[] =
	"# 2026年某某工会工作计划\n"
	"\n"
	"## 指导思想\n"
	"\n"
	"以职工为中心，竭诚服务职工群众。\n"
	"\n"
	"## 一、思想引领\n"
	"\n"
	"1、组织理论学习。〔目标: study >= 4〕〔负责: 宣教委员〕\n"
	"2、开展师德教育。\n"
	"\n"
	"## 二、维护权益\n"
	"\n"
	"### (一)帮扶\n"
	"\n"
	"1、困难帮扶。〔目标: hardship_paid >= 40000〕〔时间: 春节前〕\n"
	"\n"
	"### (二)调解\n"
	"\n"
	"2、依法调解。〔目标: dispute_success_rate >= 95%〕\n"
	"3、调处及时。〔目标: dispute_handled_rate >= 90.5%〕〔负责: 调委会〕〔时间: 全年〕\n"
	"\n"
	"## 三、文体\n"
	"\n"
	"1、文体活动。〔目标: culture_sports >= 6〕\n";

static void test_parse_canonical(void)
{
	struct uk_plan *p = NULL;
	const struct uk_plan_item *it;

	is_int(parse(canonical, &p), 0, "canonical: parsed");
	if (!p)
		return;
	is_str(p->title, "2026年某某工会工作计划", "canonical: title");
	is_str(p->guiding, "以职工为中心，竭诚服务职工群众。", "canonical: 指导思想");
	is_int(p->nsections, 5, "canonical: 3 sections and 2 sub-sections");
	is_int(p->nitems, 6, "canonical: 6 items");
	if (p->nsections == 5) {
		is_int(p->sections[1].number * 10 + p->sections[1].sub, 20, "section 二");
		is_int(p->sections[2].number * 10 + p->sections[2].sub, 21, "sub-section (一) of 二");
		is_str(p->sections[2].title, "帮扶", "sub-section title without its number");
		is_int(p->sections[3].number * 10 + p->sections[3].sub, 22, "sub-section (二) of 二");
		is_int(p->sections[4].number * 10 + p->sections[4].sub, 30, "section 三");
	}
	if (p->nitems == 6) {
		it = &p->items[0];
		is_str(it->text, "组织理论学习。", "item 1: text without its number and notes");
		is_str(it->metric, "study", "item 1: metric");
		is_str(it->op, ">=", "item 1: operator");
		is_str(it->target, "4", "item 1: value");
		is_str(it->owner, "宣教委员", "item 1: owner");
		ok(it->due == NULL, "item 1: no due month");
		ok(p->items[1].metric == NULL && p->items[1].owner == NULL, "item 2: no notes");
		it = &p->items[4];
		is_int(it->section * 100 + it->sub * 10 + it->number, 223, "二/(二)/3: running on across sub-sections, as written");
		is_str(it->target, "90.5%", "a percentage kept as written");
		is_str(it->owner, "调委会", "owner");
		is_str(it->due, "全年", "due");
		is_int(p->items[5].section * 100 + p->items[5].number, 301, "三/1: numbering starts again in a new section");
	}
	is_str(md(p), canonical, "canonical: written back byte for byte");
	uk_plan_free(p);
}

static void test_parse_loose(void)
{
	static const char loose[] =
		"#  2026年某某工会工作计划  \n"
		"## 指导思想\n"
		"以职工为中心，\n"
		"竭诚服务职工群众。\n"
		"## 一、思想引领\n"
		"1. 组织理论学习 [目标: study>=4]\n"
		"2) 开展培训 [target: training >= 2]\n"
		"(3) 召开会议〔负责：工会主席〕\n"
		"（4）节日走访〔时间：春节前〕〔目标：visit >= 2〕\n"
		"5．普法 [owner: 法律顾问] [due: 6月]\n"
		"## 二、维护权益\n"
		"### （一）帮扶\n"
		"1、困难帮扶〔目标: hardship-paid >= 40000〕\n"
		"2、建档\n"
		"### (二)文体\n"
		"7、文体活动〔目标: culture-sports >= 6〕\n";
	static const char want[] =
		"# 2026年某某工会工作计划\n"
		"\n"
		"## 指导思想\n"
		"\n"
		"以职工为中心，\n"
		"竭诚服务职工群众。\n"
		"\n"
		"## 一、思想引领\n"
		"\n"
		"1、组织理论学习〔目标: study >= 4〕\n"
		"2、开展培训〔目标: training >= 2〕\n"
		"3、召开会议〔负责: 工会主席〕\n"
		"4、节日走访〔目标: visit >= 2〕〔时间: 春节前〕\n"
		"5、普法〔负责: 法律顾问〕〔时间: 6月〕\n"
		"\n"
		"## 二、维护权益\n"
		"\n"
		"### (一)帮扶\n"
		"\n"
		"1、困难帮扶〔目标: hardship_paid >= 40000〕\n"
		"2、建档\n"
		"\n"
		"### (二)文体\n"
		"\n"
		"7、文体活动〔目标: culture_sports >= 6〕\n";
	struct uk_plan *p = NULL;

	is_int(parse(loose, &p), 0, "loose: parsed");
	if (!p)
		return;
	is_str(md(p), want, "loose: written in the canonical form");
	uk_plan_free(p);
}

static void test_parse_twelve(void)
{
	char text[4096];
	size_t n;
	struct uk_plan *p = NULL;
	const char *nums[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};

	n = (size_t)snprintf(text, sizeof text, "# T\n\n## 指导思想\n\n g\n");
	for (int i = 0; i < 12; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "\n## %s、第%d节\n\n1、事项%d\n", nums[i], i + 1, i + 1);
	is_int(parse(text, &p), 0, "twelve sections: parsed");
	if (!p)
		return;
	is_int(p->nsections, 12, "twelve sections");
	is_int(p->nitems, 12, "one item each");
	if (p->nitems == 12) {
		is_int(p->items[10].section, 11, "十一 is section 11");
		is_int(p->items[11].section, 12, "十二 is section 12");
		is_str(p->sections[11].title, "第12节", "十二、: the title after the numeral");
	}
	ok(has(md(p), "\n## 十一、第11节\n\n1、事项11\n\n## 十二、第12节\n\n1、事项12\n"), "十一 and 十二 written back");
	uk_plan_free(p);
}

static void test_parse_json(void)
{
	static const char json[] =
		"{\"year\": 2026, \"title\": \"2026年计划\", \"guiding\": \"服务职工。\","
		" \"sections\": [{\"section\": 1, \"sub\": 0, \"title\": \"甲\"}, {\"section\": 1, \"sub\": 1, \"title\": \"乙\"}],"
		" \"items\": [{\"section\": 1, \"sub\": 0, \"number\": 1, \"text\": \"学习\","
		"   \"target\": {\"metric\": \"study\", \"op\": \">=\", \"value\": \"4\"}, \"owner\": null, \"due\": \"3月\"},"
		"  {\"section\": 1, \"sub\": 1, \"number\": 2, \"text\": \"帮扶\", \"target\": null, \"owner\": \"女工委\", \"due\": null}]}";
	static const char want[] =
		"# 2026年计划\n\n## 指导思想\n\n服务职工。\n\n## 一、甲\n\n1、学习〔目标: study >= 4〕〔时间: 3月〕\n"
		"\n### (一)乙\n\n2、帮扶〔负责: 女工委〕\n";
	struct uk_plan *p = NULL, *q = NULL;
	char *buf = NULL;
	size_t n = 0;
	FILE *f;

	is_int(uk_plan_parse(json, strlen(json), "p.json", NULL, &p), 0, "JSON: parsed");
	if (!p)
		return;
	is_str(md(p), want, "JSON: the same plan as Markdown");
	/* JSON out, JSON in: the same plan. */
	p->year = 2026;
	if ((f = open_memstream(&buf, &n)) != NULL) {
		is_int(uk_plan_write_json(p, f), 0, "JSON: written");
		fclose(f);
		is_int(uk_plan_parse(buf, n, "p.json", NULL, &q), 0, "JSON: its own output parsed");
		if (q)
			is_str(md(q), want, "JSON: round trip");
		uk_plan_free(q);
		free(buf);
	}
	uk_plan_free(p);

	is_int(refuse("{\"title\": \"T\", \"guiding\": \"g\", \"sections\": [{\"section\": 1, \"sub\": 0, \"title\": \"A\"}],"
	              " \"items\": [{\"section\": 1, \"sub\": 0, \"text\": \"x\", \"target\": {\"metric\": \"nope\", \"op\": \">=\","
	              " \"value\": \"1\"}}]}"), 65, "JSON: an unknown metric is 65");
	ok(has(msg, "s.md") && has(msg, "unknown metric 'nope'"), "JSON: the message names the file and the metric");
	is_int(refuse("{\"title\": \"T\"}"), 65, "JSON: no sections nor items is 65");
	is_int(refuse("{\"title\": "), 65, "JSON: broken JSON is 65");
	is_int(refuse("{\"title\": \"T\", \"guiding\": \"g\", \"sections\": [{\"section\": 1, \"sub\": 0, \"title\": \"A\"}],"
	              " \"items\": [{\"section\": 4, \"sub\": 0, \"text\": \"x\"}]}"), 65,
	       "JSON: an item in a section the plan does not have is 65 (not dropped)");
}

static void test_parse_errors(void)
{
	struct { const char *item, *message; } bad[] = {
		{"1、x〔目标: parties >= 4〕", "s.md:9: unknown metric 'parties'"},
		{"1、x〔目标: training 4〕", "s.md:9: a target is"},
		{"1、x〔目标: training >=〕", "s.md:9: a target is"},
		{"1、x〔目标: training => 4〕", "s.md:9: unknown operator '=>'"},
		{"1、x〔目标: training >= 1.5〕", "s.md:9: not a whole number"},
		{"1、x〔目标: dispute_success_rate >= 95.55%〕", "s.md:9: more than one decimal"},
		{"1、x〔目标: female_share >= 101%〕", "s.md:9: "},
		{"1、x〔目标: hardship_paid >= 1.234〕", "s.md:9: "},
		{"1、x〔备注: 全年〕", "s.md:9: unknown note '备注'"},
		{"1、x〔全年〕", "s.md:9: "},
		{"1、〔目标: study >= 1〕", "s.md:9: an item without text"},
		{"0、开展", "s.md:9: an item is numbered 1 to 999"},
		{"1000、开展", "s.md:9: an item is numbered 1 to 999"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		is_int(refuse(with_item(bad[i].item)), 65, "refused (65): %s", bad[i].item);
		ok(has(msg, bad[i].message), "message names file and line: %s", bad[i].item);
		ok(strchr(msg, '\n') == NULL, "one line: %s", bad[i].item);
	}

	is_int(refuse("# T\n\n## 指导思想\n\ng\n1、学习\n\n## 一、甲\n\n1、a\n"), 65, "an item in 指导思想");
	ok(has(msg, "s.md:6: an item outside any section"), "... named with its line");
	is_int(refuse("# T\n\n1、学习\n\n## 指导思想\n\ng\n\n## 一、甲\n\n1、a\n"), 65, "an item after the title");
	ok(has(msg, "s.md:3: an item outside any section"), "... named with its line");
	/* "第一部分" is no numbering the outline knows: prose of the
	 * preamble, and the item under it stands before any section. */
	is_int(refuse("# T\n\n## 指导思想\n\ng\n\n## 第一部分\n\n1、a\n"), 65, "## 第一部分");
	ok(has(msg, "s.md:9: an item outside any section") && has(msg, "'1、a'"), "... the item named");
	is_int(refuse("# T\n\n## 指导思想\n\ng\n\n### (一)甲\n\n1、a\n"), 65, "a sub-section before any section");
	ok(has(msg, "s.md:7: "), "... named with its line");
	is_int(refuse(""), 65, "an empty text");
	ok(has(msg, "s.md") && has(msg, "no section"), "... says a section is missing");
	is_int(refuse("# T\n\n## 指导思想\n\ng\n"), 65, "no section");
	ok(has(msg, "s.md") && has(msg, "section"), "... says so");
	is_int(refuse("# T\n\n## 指导思想\n\n\xff\xfe\n\n## 一、甲\n\n1、a\n"), 65, "not UTF-8");
	ok(has(msg, "UTF-8"), "... says so");
}

/* The customary numbering: 1、 again under each sub-section, or running
 * on; a gap kept; items directly under a section before its sub-sections. */
static const char restarting[] =
	"# 2027年某某中学工会工作计划\n"
	"\n"
	"## 指导思想\n"
	"\n"
	"服务教职工。\n"
	"\n"
	"## 一、思想引领\n"
	"\n"
	"2、学习。〔目标: study >= 4〕\n"
	"3、教育。\n"
	"\n"
	"## 二、民主管理\n"
	"\n"
	"### (一)教代会\n"
	"\n"
	"1、召开教代会。〔目标: congress >= 1〕\n"
	"2、提案办理。\n"
	"\n"
	"### (二)校务公开\n"
	"\n"
	"1、每月公开。〔目标: disclosure >= 12〕\n"
	"\n"
	"## 三、维护权益\n"
	"\n"
	"### (一)帮扶\n"
	"\n"
	"1、建档。\n"
	"2、帮扶。\n"
	"\n"
	"### (二)调解\n"
	"\n"
	"3、调解。〔目标: dispute_success_rate >= 95%〕\n"
	"\n"
	"## 四、自身建设\n"
	"\n"
	"1、会员发展。\n"
	"\n"
	"### (一)经审\n"
	"\n"
	"1、经费审查。\n";

static void test_numbering(void)
{
	struct uk_plan *p = NULL;
	static const int want[][3] = {
		{1, 0, 2}, {1, 0, 3}, {2, 1, 1}, {2, 1, 2}, {2, 2, 1}, {3, 1, 1}, {3, 1, 2}, {3, 2, 3}, {4, 0, 1}, {4, 1, 1},
	};
	int all = 1;

	is_int(parse(restarting, &p), 0, "numbering: a plan restarting at 1、 under each sub-section parses");
	if (!p)
		return;
	is_int(p->nitems, 10, "numbering: ten items");
	for (int i = 0; i < p->nitems && i < 10; i++)
		if (p->items[i].section != want[i][0] || p->items[i].sub != want[i][1] || p->items[i].number != want[i][2]) {
			printf("#   item %d is %d/%d/%d\n", i, p->items[i].section, p->items[i].sub, p->items[i].number);
			all = 0;
		}
	ok(all, "numbering: every item keeps its written number (restart, run on, a gap)");
	is_str(md(p), restarting, "numbering: written back byte for byte");
	uk_plan_free(p);

	/* Irregular numbers are kept and said, never refused. */
	p = read_noting(with_item("1、a\n1、b"), NULL);
	ok(p && p->nitems == 2 && p->items[1].number == 1, "numbering: 1、 twice in one section is kept");
	ok(has(msg, "s.md:10: item 1、 again (line 9 has it)"), "... and said, naming both lines");
	uk_plan_free(p);
	p = read_noting(with_item("1、a\n3、b\n2、c"), NULL);
	ok(p && p->nitems == 3 && p->items[2].number == 2, "numbering: a gap and 2、 after 3、 are kept");
	ok(has(msg, "s.md:10: item 3、 after 1、 (line 9): item 2、 is missing"), "... the gap said");
	ok(has(msg, "s.md:11: item 2、 after 3、 (line 10): the numbers go back"), "... going back said");
	if (p)
		ok(has(md(p), "1、a\n3、b\n2、c\n"), "... and written back in the order written");
	uk_plan_free(p);
	p = read_noting(with_item("5、a\n6、b"), NULL);
	ok(has(msg, "s.md:9: item 5、 is the first of 一: items 1、 to 4、 are missing"), "numbering: a first item 5、");
	uk_plan_free(p);
	p = read_noting(with_item("### (一)乙\n\n1、a\n(1) b\n(2) c\n2、d"), NULL);
	ok(p && p->nitems == 2, "numbering: (1) (2) under an item 1、 are its sub-points, not items");
	if (p && p->nitems == 2)
		is_str(p->items[0].paragraphs, "(1) b\n(2) c", "... kept as its paragraphs");
	ok(!*msg, "... and nothing said (%s)", msg);
	uk_plan_free(p);
	/* The item's text goes on unpunctuated: (1) still starts its own line,
	 * or read back (3) would be an item of its own (found by fuzz_plan). */
	p = read_noting(with_item("1、做好以下几项工作并且认真落实各项具体措施要求\n(1)组织全体会员认真学习工会章程和有关文件精神。\n(3)第三点"), NULL);
	ok(p && p->nitems == 1, "numbering: a sub-point (1) after an unfinished sentence is not joined to it");
	if (p && p->nitems == 1) {
		is_str(p->items[0].text, "做好以下几项工作并且认真落实各项具体措施要求", "... the item's text stays its own");
		is_str(p->items[0].paragraphs, "(1)组织全体会员认真学习工会章程和有关文件精神。\n(3)第三点", "... the sub-points its paragraphs");
	}
	uk_plan_free(p);
	is_int(refuse(with_item("0、a")), 65, "numbering: 0、 is refused");
	ok(has(msg, "s.md:9: an item is numbered 1 to 999"), "... and says so");
	is_int(refuse(with_item("1000、a")), 65, "numbering: 1000、 is refused");
	ok(has(msg, "s.md:9: an item is numbered 1 to 999"), "... and says so");
	is_int(refuse(with_item("99999999999999999999、a")), 65, "numbering: a number too long for an int is refused");
	is_int(refuse("{\"title\": \"T\", \"guiding\": \"g\", \"sections\": [{\"section\": 1, \"sub\": 0, \"title\": \"A\"}],"
	              " \"items\": [{\"section\": 1, \"sub\": 0, \"number\": 0, \"text\": \"x\"}]}"), 65,
	       "numbering: JSON number 0 is refused");
	ok(has(msg, "item 1: number 0 is not 1 to 999"), "... and says so");
	{
		static const char json[] =
			"{\"title\": \"T\", \"guiding\": \"g\", \"sections\": [{\"section\": 1, \"sub\": 0, \"title\": \"S\"},"
			" {\"section\": 1, \"sub\": 1, \"title\": \"A\"},"
			" {\"section\": 1, \"sub\": 2, \"title\": \"B\"}], \"items\": [{\"section\": 1, \"sub\": 1, \"text\": \"a\"},"
			" {\"section\": 1, \"sub\": 1, \"text\": \"b\"}, {\"section\": 1, \"sub\": 2, \"text\": \"c\"}]}";
		is_int(uk_plan_parse(json, strlen(json), "p.json", NULL, &p), 0, "numbering: JSON items without numbers");
		if (p)
			ok(has(md(p), "### (一)A\n\n1、a\n2、b\n\n### (二)B\n\n1、c\n"),
			   "... counted from 1、 in each sub-section");
		uk_plan_free(p);
	}
}

/* A plan as pasted from Word: no title, no marks, a preamble, headings
 * with their first sentences, prose between items, a broken sentence,
 * numbers running on across sections. */
static const char pasted[] =
	"\xE3\x80\x80\xE3\x80\x80指导思想和总体要求：以服务职工为中心，围绕学校中心工作开展工会工作。\r\n"
	"\r\n"
	"一、加强思想引领\r\n"
	"（一）深入学习工会工作精神 根据学校党总支的安排，组织教职工学习。\r\n"
	"1、每月组织一次集中学习，每次不少于两个小时，由工会主席主持\r\n"
	"并做好学习记录。\r\n"
	"学习内容由工会委员会商定。\r\n"
	"2、开展师德教育。\r\n"
	"#### 二、推进民主管理\r\n"
	"坚持教代会制度。\r\n"
	"3、召开教代会。\r\n"
	"## **三、关心教职工生活**\r\n"
	"4、走访慰问困难教职工，发放慰问金3.5万元。\r\n"
	"3.5万元由工会经费列支。\r\n";

/* A heading under many pairs of stars: read once, the core classified
 * once (it was asked again for every pair inside every pair, which took
 * minutes at 30; found by fuzz_plan). */
static void test_deep_bold(void)
{
	char text[512];
	struct uk_plan *p = NULL;
	int n = snprintf(text, sizeof text, "# 计划\n\n");
	for (int i = 0; i < 40; i++)
		n += snprintf(text + n, sizeof text - (size_t)n, "**");
	n += snprintf(text + n, sizeof text - (size_t)n, "一、加强思想引领");
	for (int i = 0; i < 40; i++)
		n += snprintf(text + n, sizeof text - (size_t)n, "**");
	snprintf(text + n, sizeof text - (size_t)n, "\n1、学习。\n");
	ok(parse_saying(text, NULL, &p) == 0 && p && p->nsections == 1 &&
	   strcmp(p->sections[0].title, "加强思想引领") == 0,
	   "forty pairs of stars round a heading: the section, read in one pass");
	uk_plan_free(p);
}

static void test_read_as_written(void)
{
	const struct uk_plan_read how = {2027, "某某中学工会", 0, NULL};
	struct uk_plan *p = read_noting(pasted, &how);
	static const char want[] =
		"# 2027年某某中学工会工作计划\n"
		"\n"
		"## 指导思想\n"
		"\n"
		"指导思想和总体要求：以服务职工为中心，围绕学校中心工作开展工会工作。\n"
		"\n"
		"## 一、加强思想引领\n"
		"\n"
		"### (一)深入学习工会工作精神\n"
		"\n"
		"根据学校党总支的安排，组织教职工学习。\n"
		"\n"
		"1、每月组织一次集中学习，每次不少于两个小时，由工会主席主持并做好学习记录。\n"
		"学习内容由工会委员会商定。\n"
		"2、开展师德教育。\n"
		"\n"
		"## 二、推进民主管理\n"
		"\n"
		"坚持教代会制度。\n"
		"\n"
		"3、召开教代会。\n"
		"\n"
		"## 三、关心教职工生活\n"
		"\n"
		"4、走访慰问困难教职工，发放慰问金3.5万元。\n"
		"3.5万元由工会经费列支。\n";

	ok(p != NULL, "pasted: a plan from Word is read");
	if (!p)
		return;
	is_str(p->title, "2027年某某中学工会工作计划", "pasted: no title line, one made from union.name and the year");
	is_int(p->nsections, 4, "pasted: three sections and a sub-section, whatever their marks");
	is_int(p->nitems, 4, "pasted: four items, running on across sections");
	is_str(md(p), want, "pasted: every sentence kept, in order, under what it stood under");
	ok(has(msg, "s.md:6: joined to line 5: the sentence went on"), "pasted: the join said");
	ok(strstr(msg, "missing") == NULL && strstr(msg, "again") == NULL,
	   "pasted: numbers running on across sections are regular: no note");
	{
		const char *again = md(p);
		struct uk_plan *q = read_noting(again, &how);
		ok(q && !*msg, "pasted: the canonical form reads back without a note");
		if (q)
			is_str(md(q), want, "pasted: ... and writes back byte for byte");
		uk_plan_free(q);
	}
	uk_plan_free(p);

	p = read_noting("一、甲\n1、a\n", &how);
	ok(p && has(msg, "s.md:1: no preamble (指导思想) before the first section"), "no preamble: read, and said");
	if (p)
		is_str(md(p), "# 2027年某某中学工会工作计划\n\n## 一、甲\n\n1、a\n", "... written without 指导思想");
	uk_plan_free(p);

	p = read_noting("# T\n二、甲\n1、a\n四、乙\n1、b\n四、丙\n(二)丁\n1、c\n", NULL);
	ok(p && p->nsections == 4, "sections as written: 二 四 四 and (二)");
	ok(has(msg, "s.md:2: section 二、 is the first: section 一、 is missing"), "... the first not 一 said");
	ok(has(msg, "s.md:4: section 四、 after 二、 (line 2): section 三、 is missing"), "... a gap said");
	ok(has(msg, "s.md:6: section 四、 again (line 4 has it)"), "... a repeat said");
	ok(has(msg, "s.md:7: sub-section (二) is the first of 四: sub-section (一) is missing"),
	   "... a sub-section's gap said");
	if (p) {
		is_int(p->sections[2].number, 4, "... the repeated number kept");
		is_int(p->items[2].group, 3, "... each item in its own (sub-)section");
	}
	uk_plan_free(p);

	/* What is kept reads back the same (cases the fuzzer found). */
	p = read_noting("# T\n## #一、甲\n1、a\n", NULL);
	ok(p && p->nsections == 1 && !strcmp(p->sections[0].title, "甲"), "marks twice (## #一、) are all taken off");
	uk_plan_free(p);
	p = read_noting("# T\n一、甲 二、乙\n1、a\n", NULL);
	ok(p && p->nsections == 1 && !strcmp(p->sections[0].title, "甲 二、乙") && !p->sections[0].paragraphs,
	   "a heading is not split where the rest would read as a heading");
	uk_plan_free(p);
	p = read_noting("八、", NULL);
	ok(p && p->nsections == 1 && !*p->sections[0].title, "a section with no title");
	uk_plan_free(p);
	p = read_noting("前言。\n指导思想\n后一段。\n一、甲\n1、a\n", NULL);
	ok(p && p->guiding && !strcmp(p->guiding, "前言。\n指导思想\n后一段。"),
	   "a 指导思想 label after preamble text is kept as text (dropped, it would join what it kept apart)");
	uk_plan_free(p);
	is_int(refuse("{\"title\": \"T\", \"guiding\": \"g\", \"sections\": [{\"section\": 1, \"sub\": 0,"
	              " \"title\": \"A\", \"paragraphs\": [\"二、乙\"]}], \"items\": []}"), 65,
	       "JSON: a paragraph that would read as a heading is refused");
	ok(has(msg, "section 1: paragraph 1 would read as a heading or an item"), "... and says so");

	/* What secretaries paste (a trial as a user found these). */
	p = read_noting("# T\n第一、甲\n１、走访。\n（２）体检。\n二 、乙\n1、a\n", NULL);
	ok(p && p->nsections == 2 && p->nitems == 3, "第一、, 二 、 and full-width １、 （２） are read by their numbers");
	if (p && p->nitems == 3)
		ok(p->items[0].number == 1 && !strcmp(p->items[0].text, "走访。") && p->items[1].number == 2 &&
		   p->sections[1].number == 2, "... as 1、 and 2、 under 一, section 二");
	uk_plan_free(p);
	p = read_noting("# T\n一、甲\n3、做好工会经费审查工作，确保经费使用规范\n某某公司工会\n2027年1月10日\n"
	                "4、开展活动包括三个方面内容和具体要求如下\n①职称评聘方案；\n"
	                "附件：1.2027年工会重点工作任务分解表\n", NULL);
	ok(p && p->nitems == 2 && !strcmp(p->items[0].text, "做好工会经费审查工作，确保经费使用规范") &&
	   !strcmp(p->items[0].paragraphs, "某某公司工会\n2027年1月10日") &&
	   !strcmp(p->items[1].paragraphs, "①职称评聘方案；\n附件：1.2027年工会重点工作任务分解表") &&
	   strstr(msg, "joined") == NULL,
	   "no join into a signature, a date, a ① line or 附件: each kept as its own paragraph");
	uk_plan_free(p);
	p = read_noting("# T\n一、关爱职工 暖心服务\n二、围绕中心 建功立业 深入开展劳动竞赛。\n", NULL);
	ok(p && p->nsections == 2 && !strcmp(p->sections[0].title, "关爱职工 暖心服务") &&
	   !p->sections[0].paragraphs && !strcmp(p->sections[1].title, "围绕中心 建功立业") &&
	   p->sections[1].paragraphs && !strcmp(p->sections[1].paragraphs, "深入开展劳动竞赛。"),
	   "a heading of two phrases stays whole; one with a sentence after it is split at the last space");
	uk_plan_free(p);
	p = read_noting("一、指导思想\n以服务职工为中心。\n二、甲\n1、a\n", NULL);
	ok(p && strstr(msg, "no preamble") == NULL, "一、指导思想 as the first section: no note of a missing preamble");
	uk_plan_free(p);
	{
		static const char json[] =
			"{\"title\": \"T\", \"guiding\": \"g\", \"sections\": [{\"section\": 1, \"sub\": 0, \"title\": \"A\"}],"
			" \"items\": [{\"section\": 1, \"sub\": 0, \"text\": \"x：\", \"paragraphs\": [\"（1）甲；\", \"（2）乙。\"]}]}";
		p = read_noting(json, NULL);
		ok(p && p->nitems == 1 && !strcmp(p->items[0].paragraphs, "（1）甲；\n（2）乙。"),
		   "JSON: an item's sub-points (1) (2) read back as its paragraphs");
		uk_plan_free(p);
	}

	p = read_noting("# T\n一、甲\n1、召开职代会【目标：congress >= 1】【负责：主席】\n2、创建【省级示范点】\n", NULL);
	ok(p && p->nitems == 2 && p->items[0].metric && !strcmp(p->items[0].metric, "congress") &&
	   !strcmp(p->items[0].owner, "主席") && !strcmp(p->items[1].text, "创建【省级示范点】"),
	   "【目标：…】 is a note as 〔〕 is; 【省级示范点】 stays text");
	uk_plan_free(p);
	is_int(refuse("\xff\xfe#\x00 \x00"), 65, "UTF-16 refused");
	ok(has(msg, "s.md:1: UTF-16 text"), "... and named as such, not as GB18030");
	p = read_noting("# T\r一、甲\r1、a\r", NULL);
	ok(p && p->nitems == 1, "line ends of CR alone are line ends");
	uk_plan_free(p);
	p = read_noting("# T\n\xe2\x80\x8b一、甲\xe2\x80\x8b\n1、a\n", NULL);
	ok(p && p->nsections == 1 && !strcmp(p->sections[0].title, "甲"), "zero-width spaces around a line are space");
	uk_plan_free(p);
	{
		const struct uk_plan_read y2027 = {2027, NULL, 0, NULL};
		p = read_noting("浙江某某电子科技有限公司工会\n\n2026年度工作计划\n全年工作。\n一、甲\n1、a\n", &y2027);
		ok(p && !strcmp(p->title, "浙江某某电子科技有限公司工会2026年度工作计划") && !strcmp(p->guiding, "全年工作。"),
		   "a title over two lines: the union's name, then the plan's");
		ok(has(msg, "s.md:3: the title names 2026, the plan is stored for 2027"), "... its year said when not the plan's");
		uk_plan_free(p);
	}

	p = read_noting("# 计划\n一、甲\n1、组织职工参加市总工会举办的各类培训活动\n二、乙\n", NULL);
	ok(p && p->nitems == 1 && strstr(msg, "joined") == NULL,
	   "a line stopping in mid-sentence before a heading is not joined to it");
	uk_plan_free(p);
}

static void test_quote_cut(void)
{
	char buf[128];
	const char *s = "教代会和职代会";
	is_int((int)uk_utf8_fit(s, 10), 9, "fit: 10 bytes of 3-byte characters end at 9");
	is_int((int)uk_utf8_fit(s, 9), 9, "fit: 9 bytes end at 9");
	is_int((int)uk_utf8_fit(s, 100), (int)strlen(s), "fit: all of a short text");
	is_str(uk_utf8_quote(s, 7, buf, sizeof buf), "教代…", "quote: cut on a character, marked");
	is_str(uk_utf8_quote("ab", 7, buf, sizeof buf), "ab", "quote: a short text as it is");
	is_int(refuse(with_item("0、开展教职工思想政治学习和师德师风建设，组织全体教职工参加教代会和职代会")), 65,
	       "a long line quoted in a message");
	ok(uk_utf8_is_valid(msg, strlen(msg)) && has(msg, "…'"), "... cut on a character, marked with …");
}

static void test_item_ref(void)
{
	char buf[64];
	uk_plan_item_ref(2026, 3, 2, 1, buf, sizeof buf);
	is_str(buf, "2026/三/(二)/1", "ref: an item of a sub-section");
	uk_plan_item_ref(2026, 2, 0, 5, buf, sizeof buf);
	is_str(buf, "2026/二/5", "ref: an item directly under its section");
	uk_plan_item_ref(2026, 12, 11, 999, buf, sizeof buf);
	is_str(buf, "2026/十二/(十一)/999", "ref: two-figure numerals");
}

/* ---- writing ---- */

static void test_write_md(void)
{
	struct uk_plan_section secs[] = {{1, 0, "思想引领", NULL}, {2, 0, "维护权益", NULL},
	                                 {2, 1, "帮扶", NULL}, {11, 0, "经审", NULL}};
	struct uk_plan_item items[] = {
		{1, 0, 1, 0, "学习", NULL, "study", ">=", "4", NULL, NULL, 0},
		{1, 0, 2, 0, "教育", NULL, NULL, NULL, NULL, "宣教委员", "3月", 0},
		{2, 1, 1, 2, "帮扶", NULL, "hardship_paid", ">=", "40000", "女工委", NULL, 0},
		{11, 0, 1, 3, "审查", NULL, "disclosure", "=", "12", NULL, "全年", 0},
	};
	struct uk_plan p = {2027, "2027年工会工作计划", "服务职工。", secs, 4, items, 4};
	static const char want[] =
		"# 2027年工会工作计划\n"
		"\n"
		"## 指导思想\n"
		"\n"
		"服务职工。\n"
		"\n"
		"## 一、思想引领\n"
		"\n"
		"1、学习〔目标: study >= 4〕\n"
		"2、教育〔负责: 宣教委员〕〔时间: 3月〕\n"
		"\n"
		"## 二、维护权益\n"
		"\n"
		"### (一)帮扶\n"
		"\n"
		"1、帮扶〔目标: hardship_paid >= 40000〕〔负责: 女工委〕\n"
		"\n"
		"## 十一、经审\n"
		"\n"
		"1、审查〔目标: disclosure = 12〕〔时间: 全年〕\n";
	struct uk_plan *q = NULL;

	is_str(md(&p), want, "write_md: the canonical text of plan-new(1)");
	is_int(parse(want, &q), 0, "write_md: its text parses");
	if (q) {
		/* Read back, sections keep their numbers as written: 十一 after 二
		 * stays 十一 (a note says 三 to 十 are missing). */
		is_int(q->nsections, 4, "write_md: four sections read back");
		if (q->nsections == 4)
			is_int(q->sections[3].number, 11, "write_md: 十一 after 二 is kept as written");
		is_str(md(q), want, "write_md: and written back the same");
		uk_plan_free(q);
	}
}

/* uk_plan_template_write into a static buffer. */
static const char *template_text(int year, const char *name)
{
	static char *buf;
	size_t n = 0;
	FILE *f;
	free(buf);
	buf = NULL;
	if (!(f = open_memstream(&buf, &n)))
		return "(no memstream)";
	uk_plan_template_write(f, year, name);
	fclose(f);
	return buf;
}

static void test_template(void)
{
	struct uk_plan *p = NULL;
	const char *t = uk_plan_template(), *w;
	is_int(uk_plan_parse(t, strlen(t), "template", NULL, &p), 0, "the template parses");
	if (!p)
		return;
	is_str(md(p), t, "the template is in canonical form");
	ok(p->nsections >= 5 && p->nitems >= 8, "the template has sections and items");
	ok(has(t, "### (二)劳动争议调解\n\n1、"), "the template restarts at 1、 under a sub-section");
	uk_plan_free(p);

	w = template_text(2031, NULL);
	ok(strncmp(w, "# 2031年某某工会工作计划\n\n## 指导思想\n", 44) == 0, "template: without a name, the generic title");
	is_str(strchr(w, '\n'), strchr(t, '\n'), "template: the body is the skeleton's");
	{
		/* template_text reuses its buffer: keep the first text apart. */
		char *generic = strdup(w);
		is_str(template_text(2031, ""), generic, "template: an empty name is no name");
		free(generic);
	}
	w = template_text(2027, "某某中学工会");
	ok(strncmp(w, "# 2027年某某中学工会工作计划\n\n", 40) == 0, "template: the union's name in the title");
	is_int(uk_plan_parse(w, strlen(w), "template", NULL, &p), 0, "template: with the name, it parses");
	if (p) {
		is_str(p->title, "2027年某某中学工会工作计划", "template: ... the title read back");
		is_str(md(p), w, "template: ... in canonical form");
	}
	uk_plan_free(p);
}

/* ---- metrics ---- */

static void test_metric_find(void)
{
	static const char *const names[] = {
		"members_total", "members_joined", "members_left", "female_share", "hardship_members",
		"hardship_paid", "hardship_recipients", "dues_collected", "income", "expense", "disclosure",
		"disputes_received", "dispute_success_rate", "dispute_handled_rate", "overdue_disputes",
	};
	static const char *const kinds[] = {
		"congress", "meeting", "study", "training", "competition", "culture_sports", "visit",
		"health_check", "rest", "aid", "legal", "other",
	};
	const struct uk_metric *m;
	int n = 0, all = 1;

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		ok(uk_metric_find(names[i]) != NULL, "metric %s", names[i]);
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		char part[64];
		snprintf(part, sizeof part, "%s_participants", kinds[i]);
		ok(uk_metric_find(kinds[i]) != NULL && uk_metric_find(part) != NULL, "metrics %s and %s", kinds[i], part);
	}
	/* One spelling family: the kind's slug, its Chinese name, its words. */
	ok(uk_metric_find("culture-sports") == uk_metric_find("culture_sports"), "metric: the kind's slug names it");
	ok(uk_metric_find("文体活动") == uk_metric_find("culture_sports"), "metric: the kind's Chinese name");
	ok(uk_metric_find("文体活动人次") == uk_metric_find("culture_sports_participants"), "metric: 人次 its participants");
	ok(uk_metric_find("技能比武") == uk_metric_find("competition"), "metric: any word of the kind");
	ok(uk_metric_find("会员总数") == uk_metric_find("members_total"), "metric: a fixed one's Chinese name");
	ok(uk_metric_find("Culture_sports") == NULL && uk_metric_find("人次") == NULL, "metric: no other spelling");
	ok(uk_metric_find("parties") == NULL, "an unknown name is NULL");
	ok(uk_metric_find("") == NULL, "the empty name is NULL");
	ok(uk_metric_find("Training") == NULL, "names are lower case");

	is_int(uk_metric_find("members_total")->unit, UK_UNIT_COUNT, "members_total counts");
	is_int(uk_metric_find("female_share")->unit, UK_UNIT_PERMILLE, "female_share is a percentage");
	is_int(uk_metric_find("dispute_success_rate")->unit, UK_UNIT_PERMILLE, "dispute_success_rate is a percentage");
	is_int(uk_metric_find("dispute_handled_rate")->unit, UK_UNIT_PERMILLE, "dispute_handled_rate is a percentage");
	is_int(uk_metric_find("hardship_paid")->unit, UK_UNIT_FEN, "hardship_paid is money");
	is_int(uk_metric_find("dues_collected")->unit, UK_UNIT_FEN, "dues_collected is money");
	is_int(uk_metric_find("income")->unit, UK_UNIT_FEN, "income is money");
	is_int(uk_metric_find("expense")->unit, UK_UNIT_FEN, "expense is money");
	is_int(uk_metric_find("training_participants")->unit, UK_UNIT_COUNT, "participants are counted");

	m = uk_metrics(&n);
	is_int(n, 47 + 24, "uk_metrics: 47 metrics and two for each of 12 kinds");
	is_int(uk_metric_find("hardship_fund_share")->unit, UK_UNIT_PERMILLE, "hardship_fund_share is a percentage");
	for (int i = 0; i < n; i++)
		if (!m[i].name || uk_metric_find(m[i].name) != &m[i] || !m[i].help || !*m[i].help)
			all = 0;
	ok(all, "uk_metrics: every entry found by its name, with a help text");
	ok(m[n].name == NULL, "uk_metrics: NULL-terminated");
}

/* The value of text for metric name, or a note of the refusal. */
static long long value_of(const char *name, const char *text, int *refused)
{
	int64_t v = -12345;
	const char *why = NULL;
	*refused = uk_metric_value_parse(uk_metric_find(name), text, &v, &why) != 0;
	if (*refused && (!why || !*why))
		printf("#   '%s' refused without a reason\n", text);
	return v;
}

static void test_metric_value(void)
{
	static const struct { const char *metric, *text; long long want; } good[] = {
		{"training", "4", 4}, {"training", "0", 0}, {"members_joined", "150", 150},
		{"female_share", "50%", 500}, {"female_share", "45.5%", 455}, {"female_share", "95", 950},
		{"dispute_success_rate", "100%", 1000}, {"dispute_success_rate", "0%", 0},
		{"dispute_handled_rate", "66.7%", 667},
		{"hardship_paid", "40000", 4000000}, {"hardship_paid", "40000.5", 4000050},
		{"hardship_paid", "1,234.50", 123450}, {"hardship_paid", "¥1234.5", 123450},
		{"dues_collected", "1234.5元", 123450}, {"expense", "0.01", 1},
	};
	static const struct { const char *metric, *text; } bad[] = {
		{"training", "1.5"}, {"training", "-1"}, {"training", ""}, {"training", "4次"}, {"training", "abc"},
		{"training", "99999999999999999999"},
		{"female_share", "95.55%"}, {"female_share", "101%"}, {"female_share", "-5%"}, {"female_share", "abc%"},
		{"female_share", "%"},
		{"hardship_paid", "1.234"}, {"hardship_paid", "abc"}, {"hardship_paid", ""},
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		int refused;
		long long v = value_of(good[i].metric, good[i].text, &refused);
		ok(!refused, "%s: '%s' accepted", good[i].metric, good[i].text);
		is_int(v, good[i].want, "%s: '%s' is %lld", good[i].metric, good[i].text, good[i].want);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int refused;
		value_of(bad[i].metric, bad[i].text, &refused);
		ok(refused, "%s: '%s' refused", bad[i].metric, bad[i].text);
	}
}

static void test_metric_format(void)
{
	char buf[64];
	uk_metric_format(uk_metric_find("training"), 4, buf, sizeof buf);
	is_str(buf, "4", "a count");
	uk_metric_format(uk_metric_find("members_total"), 0, buf, sizeof buf);
	is_str(buf, "0", "a count of zero");
	uk_metric_format(uk_metric_find("female_share"), 500, buf, sizeof buf);
	is_str(buf, "50.0%", "50.0%");
	uk_metric_format(uk_metric_find("dispute_success_rate"), 667, buf, sizeof buf);
	is_str(buf, "66.7%", "66.7%");
	uk_metric_format(uk_metric_find("dispute_success_rate"), 1000, buf, sizeof buf);
	is_str(buf, "100.0%", "100.0%");
	uk_metric_format(uk_metric_find("dispute_success_rate"), 0, buf, sizeof buf);
	is_str(buf, "0.0%", "0.0%");
	uk_metric_format(uk_metric_find("dispute_handled_rate"), -1, buf, sizeof buf);
	is_str(buf, "–", "a rate with no denominator is –");
	uk_metric_format(uk_metric_find("hardship_paid"), 150000, buf, sizeof buf);
	is_str(buf, "1500.00", "money in yuan, two decimals");
	uk_metric_format(uk_metric_find("dues_collected"), 5, buf, sizeof buf);
	is_str(buf, "0.05", "five fen");
	uk_metric_format(uk_metric_find("income"), 0, buf, sizeof buf);
	is_str(buf, "0.00", "no money");
}

/* A plan row's target and actual as the year's summary words them. */
static void is_words(const char *target, const char *actual, const char *want, const char *what)
{
	char *got = NULL;
	size_t n;
	FILE *f = open_memstream(&got, &n);
	if (actual)
		uk_metric_actual_words(target, actual, f);
	else
		uk_metric_target_text(target, f);
	fclose(f);
	is_str(got, want, "%s", what);
	free(got);
}

static void test_plan_words(void)
{
	is_words("study >= 4", NULL, "学习不少于4次", "a target in words, with its measure word");
	is_words("dispute_success_rate >= 95%", NULL, "调解成功率不低于95%", "a rate's target: 不低于");
	is_words("hardship_paid >= 2000", NULL, "帮扶金额不少于2000元", "a target in money: 元");
	is_words("nosuch >= 4", NULL, "nosuch >= 4", "an unknown metric: as given");
	is_words("study >= 4", "5", "5次", "an activity counted in 次");
	is_words("training >= 3", "2", "2期", "training in 期, as the summary counts it");
	is_words("rest >= 1", "1", "1批", "疗休养 in 批");
	is_words("culture_sports_participants >= 300", "343", "343人次", "participants in 人次");
	is_words("members_joined >= 2", "2", "2人", "members in 人");
	is_words("disputes_received >= 7", "7", "7起", "disputes in 起");
	is_words("hardship_new >= 1", "0", "0户", "hardship files in 户");
	is_words("hardship_paid >= 2000", "3200.00", "3200元", "whole money without .00, with 元");
	is_words("dues_collected >= 5000", "5571.45", "5571.45元", "money with fen keeps them");
	is_words("dispute_success_rate >= 95%", "73.7%", "73.7%", "a rate as it is");
	is_words("dispute_success_rate >= 60%", "50.0%", "50%", "a whole rate without .0");
	is_words("dispute_success_rate >= 60%", "–", "–", "a rate with no denominator");
	is_words("nosuch >= 4", "5", "5", "an unknown metric: the actual as given");
	is_words("培训 >= 3", "2", "2期", "a target naming its metric in Chinese");
	{
		int n, all = 1;
		const struct uk_metric *m = uk_metrics(&n);
		for (int i = 0; i < n; i++)
			if ((m[i].unit == UK_UNIT_COUNT) != (m[i].measure != NULL)) {
				fprintf(stderr, "# %s: measure %s\n", m[i].name, m[i].measure ? m[i].measure : "none");
				all = 0;
			}
		ok(all, "every count has its word, money and rates none");
	}
}

/* ---- storage ---- */

/* uk_plan_item_find: the text of the item ref names, or "-" and the reason in msg. */
static const char *found(struct uk_db *db, const char *ref)
{
	static char text[200];
	sqlite3_stmt *st;
	int64_t id = 0;
	int rc = uk_plan_item_find(db, ref, &id, msg, sizeof msg);
	if (rc != 0)
		return rc == -1 ? "-" : "(error)";
	snprintf(text, sizeof text, "(no item %lld)", (long long)id);
	if ((st = uk_db_prepare(db, "SELECT text FROM plan_items WHERE id = ?1")) != NULL) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(text, sizeof text, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	return text;
}

/* References to the restarting plan of 2027, stored in db. */
static void test_find(struct uk_db *db)
{
	struct uk_plan *p = NULL, *q = NULL;
	char id[24];

	is_int(parse(restarting, &p), 0, "find: the restarting plan parses");
	if (!p)
		return;
	p->year = 2027;
	is_int(uk_plan_store(db, p, 0), 0, "find: stored");
	is_int(uk_plan_load(db, 2027, &q), 0, "find: loaded");
	if (q)
		is_str(md(q), restarting, "find: loaded in its order, numbers as written");
	uk_plan_free(q);
	is_str(found(db, "2027/二/(二)/1"), "每月公开。", "find: 2027/二/(二)/1");
	is_str(found(db, "2027/二/（二）/1"), "每月公开。", "find: full-width brackets");
	is_str(found(db, "2027/2/(2)/1"), "每月公开。", "find: Arabic figures");
	is_str(found(db, "2027/二/(一)/2"), "提案办理。", "find: 2027/二/(一)/2");
	is_str(found(db, "2027/一/3"), "教育。", "find: no sub-section, the number as written");
	is_str(found(db, "2027/二/2"), "提案办理。", "find: old form, one item of the section written 2、");
	is_str(found(db, "2027/三/3"), "调解。", "find: old form, numbers running on across sub-sections");
	is_str(found(db, "2027/三/1"), "建档。", "find: old form, only one 1、 in the section");
	is_str(found(db, "2027/四/1"), "会员发展。", "find: the item directly under the section before those of (一)");
	is_str(found(db, "2027/四/(一)/1"), "经费审查。", "find: ... and (一)/1 by its sub-section");
	is_str(found(db, "2027/二/1"), "-", "find: two items written 1、 in 二: refused");
	ok(has(msg, "plan item '2027/二/1' is ambiguous: 2027/二/(一)/1, 2027/二/(二)/1"), "... listing both");
	is_str(found(db, "2027/一/1"), "-", "find: no item written 1、 in 一 (it starts at 2、)");
	ok(has(msg, "no plan item '2027/一/1'"), "... says so");
	is_str(found(db, "2027/二/(三)/1"), "-", "find: no sub-section (三)");
	is_str(found(db, "2027/一/(一)/2"), "-", "find: a section without sub-sections has no (一)");
	is_str(found(db, "2025/一/2"), "-", "find: a year without a plan");
	static const char *const bad[] = {"2027/二/(二)", "2027/二/(二)/", "2027/二/(二/1", "2027/二/二)/1", "2027/二/0",
	                                  "2027/二/1000", "2027/二/+1", "2027/二/1 ", "2027//1", "2027/二", "/二/1", "第一项", ""};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		is_str(found(db, bad[i]), "-", "find: '%s' refused", bad[i]);
		ok(has(msg, "YEAR/SECTION/(SUB)/ITEM"), "... naming the forms");
	}
	snprintf(id, sizeof id, "%lld", (long long)p->items[4].id);
	is_str(found(db, id), "每月公开。", "find: an item id");
	uk_plan_free(p);
}

/* A plan is whole or not at all: a query failing part way (the items,
 * read here through a view that fails on its first row) is an error and
 * no plan, never the plan without its items. */
static void test_load_fails(struct uk_db *db)
{
	struct uk_plan *q = NULL;
	const char *said;
	int rc;

	cap_start();
	rc = uk_plan_current(db, 2025, &q);
	said = cap_end();
	is_int(rc, 0, "current: a year without a plan is no error");
	ok(q == NULL, "current: ... and no plan");
	is_str(said, "", "current: ... and nothing said");
	is_int(uk_db_exec(db, "ALTER TABLE plan_items RENAME TO plan_items_kept;"
	                      " CREATE VIEW plan_items AS SELECT id, plan_id, section_id, section, number,"
	                      " text || abs(-9223372036854775807 - 1 + 0 * id) AS text, metric, op, target,"
	                      " owner, due, paragraphs FROM plan_items_kept"), 0,
	       "load fails: the items replaced by a view that fails when read");
	cap_start();
	rc = uk_plan_load(db, 2026, &q);
	said = cap_end();
	is_int(rc, 70, "load fails: a query failing part way is 70");
	ok(q == NULL, "load fails: ... and no plan is returned, not one without its items");
	ok(has(said, "cannot read the plan: integer overflow"), "load fails: ... and it is said");
	uk_plan_free(q);
	q = NULL;
	cap_start();
	rc = uk_plan_current(db, 2026, &q);
	cap_end();
	is_int(rc, 70, "current fails: the same");
	ok(q == NULL, "current fails: ... no plan");
	uk_plan_free(q);
}

static void test_store(const char *path)
{
	struct uk_opts opts;
	struct uk_db *db = NULL;
	struct uk_plan *p = NULL, *q = NULL;
	struct uk_period y2026 = {{2026, 1, 1}, {2026, 12, 31}};
	int64_t v = -99;

	memset(&opts, 0, sizeof opts);
	opts.db_path = path;
	is_int(uk_store_open(&opts, UK_DB_CREATE, &db), 0, "store: creates the database");
	if (!db)
		return;
	is_int(parse(canonical, &p), 0, "store: the plan parses");
	if (!p) {
		uk_db_close(db);
		return;
	}
	p->year = 2026;
	is_int(uk_plan_store(db, p, 0), 0, "store: stored");
	ok(p->nitems > 0 && p->items[0].id > 0, "store: items get their ids");
	is_int(uk_plan_load(db, 2026, &q), 0, "store: loaded");
	if (q) {
		is_str(md(q), canonical, "store: loaded as written");
		is_int(q->items[0].id, p->items[0].id, "store: with the same ids");
		uk_plan_free(q);
		q = NULL;
	}
	test_find(db);
	cap_start();
	is_int(uk_plan_store(db, p, 0), 65, "store: a second plan for the year is 65");
	ok(has(cap_end(), "2026 already has a plan"), "store: ... and says so");
	is_int(uk_plan_store(db, p, 1), 0, "store: --replace stores it");
	cap_start();
	is_int(uk_plan_load(db, 2025, &q), 65, "load: a year without a plan is 65");
	ok(has(cap_end(), "no plan for 2025"), "load: ... and says so");
	ok(q == NULL, "load: no plan returned");
	uk_plan_free(p);

	is_int(uk_metric_compute(db, "members_total", y2026, &v), 0, "compute: members_total on no members");
	is_int(v, 0, "compute: 0 members");
	is_int(uk_metric_compute(db, "dispute_success_rate", y2026, &v), 0, "compute: a rate with no dispute");
	is_int(v, -1, "compute: no denominator is -1");
	is_int(uk_metric_compute(db, "culture_sports", y2026, &v), 0, "compute: an activity kind");
	is_int(v, 0, "compute: no activities");
	cap_start();
	is_int(uk_metric_compute(db, "parties", y2026, &v), 65, "compute: an unknown metric is 65");
	cap_end();
	test_load_fails(db);
	uk_db_close(db);
}

static void remove_db(const char *path)
{
	static const char *const sfx[] = {"", "-wal", "-shm", "-journal", NULL};
	char tmp[128];
	for (int i = 0; sfx[i]; i++) {
		snprintf(tmp, sizeof tmp, "%s%s", path, sfx[i]);
		unlink(tmp);
	}
}

int main(void)
{
	char dir[] = "/tmp/t_plans.XXXXXX";
	char path[80];

	uk_cli_init("t_plans");
	test_parse_canonical();
	test_parse_loose();
	test_parse_twelve();
	test_parse_json();
	test_parse_errors();
	test_read_as_written();
	test_deep_bold();
	test_quote_cut();
	test_write_md();
	test_numbering();
	test_item_ref();
	test_template();
	test_metric_find();
	test_metric_value();
	test_metric_format();
	test_plan_words();
	if (!mkdtemp(dir)) {
		printf("# cannot make a temp directory\n");
		return 1;
	}
	snprintf(path, sizeof path, "%s/plans.db", dir);
	test_store(path);
	remove_db(path);
	ok(rmdir(dir) == 0, "temp directory left clean");
	return done_testing();
}
