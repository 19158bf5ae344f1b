/* t_disputes.c - unit tests for the mediation log (lib/uk_disputes.h):
 * case numbers per year of receipt, category words, the USCC warning, the
 * checks of open; the rules of update and close (dates never run
 * backwards, recovered only for resolved or referred, reopening); the
 * figures of a period on a hand-made set (rates in per mille, -1 for a
 * zero denominator, petitions apart, a case closed after the period's end
 * not concluded, open and overdue on the counting date); the text of the
 * figures in JSON and CSV; import. Two temporary databases: one for the
 * rules, one for the figures. */
#include <stdlib.h>
#include <unistd.h>

#include <sqlite3.h>

#include "uk_config.h"
#include "uk_disputes.h"
#include "uk_members.h"
#include "uk_store.h"
#include "tap.h"
#include "dbquery.h"

#define q_int(...) tq_int(uk_db_sqlite(db), __VA_ARGS__)
#define q_text(...) tq_text(uk_db_sqlite(db), __VA_ARGS__)
#include "capture.h"

static struct uk_db *db;
static char err[600];

static int has(const char *hay, const char *needle)
{
	int yes = hay && strstr(hay, needle) != NULL;
	if (!yes)
		printf("#   '%s' does not contain '%s'\n", hay ? hay : "(null)", needle);
	return yes;
}

/* ---- queries on the database under test ---- */

/* A case's state: status|outcome|recovered|closed ("~" for NULL). */
static const char *state(const char *case_no)
{
	return q_text("SELECT status || '|' || coalesce(outcome, '~') || '|' || coalesce(recovered, '~')"
	              " || '|' || coalesce(closed, '~') FROM disputes WHERE case_no = '%s'", case_no);
}

/* A case's timeline: date action status outcome, events joined by ';'. */
static const char *timeline(const char *case_no)
{
	return q_text("SELECT group_concat(date || ' ' || action || ' ' || status || coalesce(' ' || outcome, ''), ';')"
	              " FROM (SELECT e.* FROM dispute_events e JOIN disputes d ON d.id = e.dispute_id"
	              " WHERE d.case_no = '%s' ORDER BY e.id)", case_no);
}

static long long n_cases(void) { return q_int("SELECT count(*) FROM disputes"); }
static long long n_events(void) { return q_int("SELECT count(*) FROM dispute_events"); }

/* ---- opening, changing, closing ---- */

static struct uk_case_in in;
static char case_no[16];

static void case_reset(const char *received, const char *category)
{
	memset(&in, 0, sizeof in);
	in.received = received;
	in.category = category;
	in.employer = "某某制造有限公司";
	in.summary = "拖欠工资";
}

static int open_case(void)
{
	err[0] = '\0';
	case_no[0] = '\0';
	return uk_dispute_open(db, &in, case_no, err, sizeof err);
}

static int update(const char *no, const char *status, const char *note, const char *date, int reopen)
{
	struct uk_case_change c = { status, note, date, reopen, 0 };
	err[0] = '\0';
	return uk_dispute_update(db, no, &c, err, sizeof err);
}

static int close_case(const char *no, const char *outcome, const char *recovered, const char *date)
{
	err[0] = '\0';
	return uk_dispute_close(db, no, outcome, recovered, date, NULL, 0, err, sizeof err);
}

static void test_tables(void)
{
	is_str(uk_dispute_category(0), "relationship", "category 0 is relationship");
	is_str(uk_dispute_category(5), "wages", "category 5 is wages");
	is_str(uk_dispute_category(UK_DISPUTE_NCATEGORIES - 1), "other", "the last category is other");
	is_str(uk_dispute_category_name(6), "工伤医疗费", "injury is 工伤医疗费");
	is_str(uk_dispute_category_name(1), "劳动合同", "contract is 劳动合同");
	is_str(uk_dispute_outcome(0), "resolved", "outcome 0 is resolved");
	is_str(uk_dispute_outcome(3), "withdrawn", "outcome 3 is withdrawn");
}

static void test_numbering(void)
{
	case_reset("2025-03-01", "wages");
	is_int(open_case(), 0, "open: a 2025 case");
	is_str(case_no, "2025-0001", "open: the first of 2025 is 2025-0001");
	case_reset("2026-01-05", "wages");
	is_int(open_case(), 0, "open: a 2026 case");
	is_str(case_no, "2026-0001", "open: numbers start again each year");
	case_reset("2026/2/3", "wages");
	is_int(open_case(), 0, "open: another 2026 case (date as 2026/2/3)");
	is_str(case_no, "2026-0002", "open: 2026-0002 next");
	case_reset("2025年12月30日", "wages");
	is_int(open_case(), 0, "open: a late 2025 case entered after");
	is_str(case_no, "2025-0002", "open: numbered by the year of receipt, not of entry");
	is_str(q_text("SELECT received FROM disputes WHERE case_no = '2025-0002'"), "2025-12-30",
	       "open: the date is stored YYYY-MM-DD");

	/* Two in one transaction draw two numbers. */
	is_int(uk_db_begin(db), 0, "numbering: begin");
	case_reset("2026-03-01", "other");
	is_int(open_case(), 0, "numbering: first in one transaction");
	is_str(case_no, "2026-0003", "numbering: 2026-0003");
	case_reset("2026-03-02", "other");
	is_int(open_case(), 0, "numbering: second in the same transaction");
	is_str(case_no, "2026-0004", "numbering: 2026-0004");
	is_int(uk_db_commit(db), 0, "numbering: commit");
}

static void test_open_fields(void)
{
	case_reset("2026-04-01", "wages");
	in.claimed = "¥1,234.5";
	in.source = "visit";
	is_int(open_case(), 0, "open: claimed as ¥1,234.5");
	is_int(q_int("SELECT claimed FROM disputes WHERE case_no = '%s'", case_no), 123450, "open: claimed in fen");
	is_int(q_int("SELECT workers FROM disputes WHERE case_no = '%s'", case_no), 1, "open: workers default 1");
	is_str(q_text("SELECT kind FROM disputes WHERE case_no = '%s'", case_no), "dispute", "open: kind default dispute");
	is_str(q_text("SELECT status FROM disputes WHERE case_no = '%s'", case_no), "open", "open: status open");
	is_str(q_text("SELECT coalesce(employer_code, '(null)') FROM disputes WHERE case_no = '%s'", case_no),
	       "(null)", "open: no employer code stored as NULL");
	is_str(q_text("SELECT source FROM disputes WHERE case_no = '%s'", case_no), "visit", "open: source kept");
	is_str(timeline(case_no), "2026-04-01 open open", "open: the timeline starts with the receipt");
	is_str(q_text("SELECT note FROM dispute_events e JOIN disputes d ON d.id = e.dispute_id"
	              " WHERE d.case_no = '%s'", case_no), "拖欠工资", "open: the first event's note is the summary");

	case_reset("2026-04-02", "wages");
	in.kind = "petition";
	in.workers = "30";
	is_int(open_case(), 0, "open: a petition with 30 workers");
	is_str(q_text("SELECT kind || ' ' || workers FROM disputes WHERE case_no = '%s'", case_no), "petition 30",
	       "open: kind and workers kept");
}

static void test_categories(void)
{
	static const char *const words[][2] = {
		{"工资纠纷", "wages"}, {"工伤纠纷", "injury"}, {"劳动合同", "contract"}, {"合同", "contract"},
		{"劳动合同纠纷", "contract"}, {"工资", "wages"}, {"劳动报酬", "wages"}, {"工伤", "injury"},
		{"辞退", "termination"}, {"解除劳动合同", "termination"}, {"解除终止劳动合同", "termination"},
		{"休息休假", "hours-leave"}, {"工作时间休息休假", "hours-leave"}, {"社会保险", "social-insurance"},
		{"社会保险福利", "social-insurance"}, {"劳动关系", "relationship"}, {"确认劳动关系", "relationship"},
		{"工伤医疗费", "injury"}, {"其他", "other"}, {"WAGES", "wages"}, {"Hours-Leave", "hours-leave"},
		{"social-insurance", "social-insurance"},
	};
	long long before;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		case_reset("2026-05-01", words[i][0]);
		if (open_case() != 0) {
			ok(0, "category '%s': open failed: %s", words[i][0], err);
			continue;
		}
		is_str(q_text("SELECT category FROM disputes WHERE case_no = '%s'", case_no), words[i][1],
		       "category '%s' is stored as %s", words[i][0], words[i][1]);
	}
	before = n_cases();
	case_reset("2026-05-01", "加班");
	is_int(open_case(), -1, "category: 加班 is refused");
	ok(has(err, "unknown category '加班'"), "category: the message names it");
	case_reset("2026-05-01", "");
	is_int(open_case(), -1, "category: empty is refused");
	case_reset("2026-05-01", "petition");
	is_int(open_case(), -1, "category: 'petition' is a kind, not a category");
	is_int(n_cases(), before, "category: nothing written by the refusals");
}

static void test_uscc(void)
{
	const char *msg;
	long long before;

	case_reset("2026-05-02", "wages");
	in.employer_code = "91110106MA01DK3G62";
	cap_start();
	is_int(open_case(), 0, "uscc: a good code");
	msg = cap_end_trimmed();
	is_str(msg, "", "uscc: a good code prints nothing");
	is_str(q_text("SELECT employer_code FROM disputes WHERE case_no = '%s'", case_no), "91110106MA01DK3G62",
	       "uscc: kept");

	case_reset("2026-05-02", "wages");
	in.employer_code = " 91110112ma00f3tn5m ";
	cap_start();
	is_int(open_case(), 0, "uscc: a failing check character is not a refusal");
	msg = cap_end_trimmed();
	ok(has(msg, "warning: check character of employer_code '91110112MA00F3TN5M' is wrong"),
	   "uscc: a failing check character is a warning");
	is_str(q_text("SELECT employer_code FROM disputes WHERE case_no = '%s'", case_no), "91110112MA00F3TN5M",
	       "uscc: kept, trimmed and in capitals");

	case_reset("2026-05-02", "wages");
	in.employer_code = "９１１１０１０６ＭＡ０１ＤＫ３Ｇ６２";
	cap_start();
	is_int(open_case(), 0, "uscc: full-width characters");
	msg = cap_end_trimmed();
	is_str(msg, "", "uscc: full-width folded, no warning");
	is_str(q_text("SELECT employer_code FROM disputes WHERE case_no = '%s'", case_no), "91110106MA01DK3G62",
	       "uscc: folded to ASCII");

	before = n_cases();
	case_reset("2026-05-02", "wages");
	in.employer_code = "123";
	is_int(open_case(), -1, "uscc: too short is refused");
	ok(has(err, "not a unified social credit code"), "uscc: the message says so");
	in.employer_code = "91110106MA01DK3GZ2";
	is_int(open_case(), -1, "uscc: a Z is refused");
	in.employer_code = "91110106MA01DK3GI2";
	is_int(open_case(), -1, "uscc: an I is refused");
	is_int(n_cases(), before, "uscc: nothing written by the refusals");
}

static void test_open_refusals(void)
{
	long long before = n_cases(), events = n_events();

	case_reset("2999-01-01", "wages");
	is_int(open_case(), -1, "open: a received date in the future is refused");
	ok(has(err, "after today"), "open: the message says so");
	case_reset("2026-02-30", "wages");
	is_int(open_case(), -1, "open: 2026-02-30 is refused");
	case_reset(NULL, "wages");
	is_int(open_case(), -1, "open: no received date is refused");
	case_reset("2026-05-03", "wages");
	in.kind = "complaint";
	is_int(open_case(), -1, "open: an unknown kind is refused");
	case_reset("2026-05-03", "wages");
	in.source = "email";
	is_int(open_case(), -1, "open: an unknown source is refused");
	ok(has(err, "visit (来访), phone (来电), letter (来信), referral (转办)"),
	   "open: the message lists the sources in both languages");
	case_reset("2026-05-03", "wages");
	in.workers = "0";
	is_int(open_case(), -1, "open: 0 workers refused");
	in.workers = "1.5";
	is_int(open_case(), -1, "open: 1.5 workers refused");
	in.workers = "-3";
	is_int(open_case(), -1, "open: -3 workers refused");
	case_reset("2026-05-03", "wages");
	in.claimed = "-100";
	is_int(open_case(), -1, "open: a negative claim refused");
	ok(has(err, "negative claimed"), "open: the message says negative");
	in.claimed = "1.234";
	is_int(open_case(), -1, "open: three decimals refused");
	case_reset("2026-05-03", "wages");
	in.summary = "";
	is_int(open_case(), -1, "open: no summary refused");
	case_reset("2026-05-03", "wages");
	in.employer = "";
	is_int(open_case(), -1, "open: no employer refused");
	in.employer = "某\x01公司";
	is_int(open_case(), -1, "open: a control character in the employer refused");
	is_int(n_cases(), before, "open: nothing written by the refusals");
	is_int(n_events(), events, "open: no event written by the refusals");

	/* An unknown member: refused in the caller's transaction, which rolls
	 * back (the case row is written before the members are looked up). */
	{
		const char *members[] = {"999999"};
		is_int(uk_db_begin(db), 0, "member: begin");
		case_reset("2026-05-03", "wages");
		in.members = members;
		in.nmembers = 1;
		cap_start();
		is_int(open_case(), -1, "member: an unknown member is refused");
		cap_end();
		ok(has(err, "no member '999999'"), "member: the message names it");
		uk_db_rollback(db);
		is_int(n_cases(), before, "member: nothing left after the rollback");
	}
}

static void test_members(void)
{
	struct uk_member_source src;
	struct uk_member_import_opts io;
	struct uk_import_stats st;
	char *vals[UK_MF_COUNT];
	char name[32] = "张三明", employee_no[16] = "E001";   /* trimmed in place */
	char member_no[32];
	const char *members[2];

	for (int f = 0; f < UK_MF_COUNT; f++)
		vals[f] = NULL;
	vals[UK_MF_NAME] = name;
	vals[UK_MF_EMPLOYEE_NO] = employee_no;
	src.reader = NULL;
	src.single = vals;
	memset(&io, 0, sizeof io);
	io.key = UK_KEY_DEFAULT;
	io.quiet = 1;
	is_int(uk_members_import(db, &src, &io, &st), 0, "member: 张三明 added");
	snprintf(member_no, sizeof member_no, "%s", q_text("SELECT member_no FROM members WHERE employee_no = 'E001'"));

	case_reset("2026-05-04", "contract");
	members[0] = member_no;
	members[1] = member_no;
	in.members = members;
	in.nmembers = 2;
	in.workers = "2";
	is_int(open_case(), 0, "member: a case with a member (named twice)");
	is_int(q_int("SELECT count(*) FROM dispute_members x JOIN disputes d ON d.id = x.dispute_id"
	             " WHERE d.case_no = '%s'", case_no), 1, "member: linked once");
}

static void test_update_close(void)
{
	char no[16];
	long long events;

	case_reset("2026-06-01", "injury");
	in.claimed = "50000";
	is_int(open_case(), 0, "lifecycle: a case");
	snprintf(no, sizeof no, "%s", case_no);

	events = n_events();
	is_int(update(no, "mediating", "约谈单位", "2026-05-31", 0), -1, "update: a date before the receipt is refused");
	ok(has(err, "dates never run backwards"), "update: the message says why");
	is_int(update(no, "mediating", "约谈单位", "2999-01-01", 0), -1, "update: a date in the future is refused");
	is_int(update(no, "closed", "x", "2026-06-02", 0), -1, "update: status closed is refused");
	ok(has(err, "close closes"), "update: the message points to close");
	is_int(update(no, "pending", "x", "2026-06-02", 0), -1, "update: an unknown status is refused");
	is_int(update(no, NULL, NULL, "2026-06-02", 0), -1, "update: nothing to change is refused");
	is_int(update(no, "open", NULL, "2026-06-02", 0), -1, "update: the same status and no note is refused");
	is_int(update(no, NULL, "x", "2026-06-02", 1), -1, "update: reopening an open case is refused");
	ok(has(err, "not closed"), "update: the message says it is not closed");
	is_int(update("2026-9999", "mediating", NULL, "2026-06-02", 0), -1, "update: an unknown case is refused");
	ok(has(err, "no case '2026-9999'"), "update: the message names the case");
	is_int(n_events(), events, "update: no event written by the refusals");

	is_int(update(no, "mediating", "约谈单位", "2026-06-01", 0), 0, "update: mediating on the day received");
	is_str(state(no), "mediating|~|~|~", "update: status mediating");
	is_int(update(no, NULL, "单位同意协商", "2026-06-05", 0), 0, "update: a note alone");
	is_int(update(no, NULL, "x", "2026-06-04", 0), -1, "update: a date before the last change is refused");
	is_int(update(no, "open", "等待材料", "2026-06-05", 0), 0, "update: back to open on the same day");
	is_int(update(no, "mediating", NULL, "2026-06-06", 0), 0, "update: mediating again, no note");

	events = n_events();
	is_int(close_case(no, "settled", NULL, "2026-06-10"), -1, "close: an unknown outcome is refused");
	is_int(close_case(no, NULL, NULL, "2026-06-10"), -1, "close: no outcome is refused");
	is_int(close_case(no, "failed", "100", "2026-06-10"), -1, "close: recovered in a failed case is refused");
	ok(has(err, "no amount is recovered in a failed case"), "close: the message says so");
	is_int(close_case(no, "withdrawn", "100", "2026-06-10"), -1, "close: recovered in a withdrawn case is refused");
	is_int(close_case(no, "resolved", "-100", "2026-06-10"), -1, "close: a negative recovered is refused");
	is_int(close_case(no, "resolved", "abc", "2026-06-10"), -1, "close: a malformed recovered is refused");
	is_int(close_case(no, "resolved", "100", "2026-06-05"), -1, "close: before the last change is refused");
	is_int(close_case("2026-9999", "resolved", NULL, "2026-06-10"), -1, "close: an unknown case is refused");
	is_int(n_events(), events, "close: no event written by the refusals");
	is_str(state(no), "mediating|~|~|~", "close: the case unchanged by the refusals");

	is_int(close_case(no, "resolved", "40,000", "2026-06-10"), 0, "close: resolved with 40,000 recovered");
	is_str(state(no), "closed|resolved|4000000|2026-06-10", "close: outcome, recovered in fen, date");
	is_int(close_case(no, "failed", NULL, "2026-06-11"), -1, "close: a closed case cannot be closed again");
	ok(has(err, "already closed"), "close: the message says so");
	is_int(update(no, "mediating", "x", "2026-06-11", 0), -1, "update: a closed case needs --reopen");
	ok(has(err, "--reopen --note"), "update: the message says how to reopen");
	is_int(update(no, NULL, NULL, "2026-06-11", 1), -1, "reopen: without a note is refused");
	is_int(update(no, NULL, "x", "2026-06-09", 1), -1, "reopen: before the closing is refused");
	is_int(update(no, NULL, "单位未履行协议", "2026-06-20", 1), 0, "reopen: with a note");
	is_str(state(no), "mediating|~|~|~", "reopen: mediating, outcome, recovered and date cleared");
	is_int(close_case(no, "referred", "10000", "2026-06-30"), 0, "reopen: then referred, with money recovered");
	is_str(state(no), "closed|referred|1000000|2026-06-30", "reopen: closed again");
	is_str(timeline(no),
	       "2026-06-01 open open;2026-06-01 mediating mediating;2026-06-05 note mediating;"
	       "2026-06-05 open open;2026-06-06 mediating mediating;2026-06-10 close closed resolved;"
	       "2026-06-20 reopen mediating;2026-06-30 close closed referred",
	       "timeline: every change, the first closing and the reopening kept");
	is_str(q_text("SELECT note FROM dispute_events e JOIN disputes d ON d.id = e.dispute_id"
	              " WHERE d.case_no = '%s' AND action = 'reopen'", no), "单位未履行协议", "timeline: the reopening's note");

	/* A reopening to open, a withdrawal with no amount, a close without
	 * a date (today). */
	is_int(update(no, "open", "重新受理", "2026-07-01", 1), 0, "reopen: --status open");
	is_str(state(no), "open|~|~|~", "reopen: open");
	is_int(close_case(no, "withdrawn", NULL, "2026-07-02"), 0, "close: withdrawn");
	is_str(state(no), "closed|withdrawn|~|2026-07-02", "close: withdrawn, nothing recovered");

	case_reset("2026-06-02", "wages");
	is_int(open_case(), 0, "close: another case");
	is_int(close_case(case_no, "failed", NULL, NULL), 0, "close: failed, dated today");
	{
		char today[UK_DATE_BUFSZ];
		uk_date_format(uk_date_today(), today);
		is_str(q_text("SELECT closed FROM disputes WHERE case_no = '%s'", case_no), today, "close: the date defaults to today");
	}
	case_reset("2026-06-03", "wages");
	is_int(open_case(), 0, "close: a third case");
	is_int(close_case(case_no, "resolved", "0", "2026-06-03"), 0, "close: resolved the day received, 0 recovered");
	is_str(state(case_no), "closed|resolved|0|2026-06-03", "close: 0 recovered kept");
	is_int(close_case(case_no, "resolved", NULL, "2026-06-03"), -1, "close: a second close on the same day is refused");
}

/* ---- the figures of a period ---- */

struct hand { const char *received, *kind, *category, *workers, *claimed, *outcome, *recovered, *closed, *status; };

/* The hand-made set (doc/domain.md's definitions, worked by hand for 2025):
 * received 7 disputes; concluded 3 (D1 resolved, D2 failed, D3 referred;
 * D4 withdrawn is not; D5 closed on 2026-01-05, after the period's end, is
 * not); open on 2025-12-31 D5, D6, D7; overdue D5 (21 days) and D7; D6 has
 * 11 days; petitions P1 and P2 apart; two cases outside the year. */
static const struct hand hand[] = {
	{"2025-01-10", "dispute", "wages", "12", "10000", "resolved", "8000", "2025-01-20", NULL},      /* D1 */
	{"2025-02-01", "dispute", "wages", "3", "5000", "failed", NULL, "2025-02-20", NULL},            /* D2 */
	{"2025-03-01", "dispute", "injury", "1", "20000", "referred", "5000", "2025-03-25", NULL},      /* D3 */
	{"2025-04-01", "dispute", "contract", "10", NULL, "withdrawn", NULL, "2025-04-05", NULL},       /* D4 */
	{"2025-12-10", "dispute", "termination", "2", "3000", "resolved", "3000", "2026-01-05", NULL}, /* D5 */
	{"2025-12-20", "dispute", "other", "1", NULL, NULL, NULL, NULL, "mediating"},                 /* D6 */
	{"2025-06-01", "dispute", "hours-leave", "1", NULL, NULL, NULL, NULL, "mediating"},           /* D7 */
	{"2025-05-01", "petition", "wages", "30", "99999", "resolved", NULL, "2025-05-10", NULL},       /* P1 */
	{"2025-11-01", "petition", "other", "1", NULL, NULL, NULL, NULL, NULL},                         /* P2 */
	{"2024-12-31", "dispute", "wages", "50", "70000", "resolved", "70000", "2025-01-03", NULL},    /* before */
	{"2026-01-02", "dispute", "wages", "1", "100", NULL, NULL, NULL, NULL},                         /* after */
};

static struct uk_period period(int y1, int m1, int d1, int y2, int m2, int d2)
{
	struct uk_period p = { { y1, m1, d1 }, { y2, m2, d2 } };
	return p;
}

static int stats(struct uk_period p, struct uk_date at, long threshold, struct uk_dispute_stats *st)
{
	return uk_disputes_stats(db, p, at, threshold, 15, st);
}

static const char *stats_text(const struct uk_dispute_stats *st, enum uk_format fmt)
{
	static char ring[3][4096];
	static int k;
	char *out = ring[k = (k + 1) % 3], *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	out[0] = '\0';
	if (!f)
		return out;
	if (fmt == UK_FMT_JSON) {
		if (uk_dispute_stats_json(st, f) != 0)
			printf("#   uk_dispute_stats_json failed\n");
	} else {
		struct uk_writer *w = uk_writer_new(f, fmt, 0, uk_dispute_stats_cols, 3);
		if (!w || uk_dispute_stats_rows(st, w) != 0 || uk_writer_end(w) != 0)
			printf("#   uk_dispute_stats_rows failed\n");
	}
	fclose(f);
	snprintf(out, 4096, "%s", buf ? buf : "");
	free(buf);
	return out;
}

static void test_stats(void)
{
	struct uk_dispute_stats st;
	struct uk_period y2025 = period(2025, 1, 1, 2025, 12, 31);
	struct uk_date end2025 = { 2025, 12, 31 };

	for (size_t i = 0; i < sizeof hand / sizeof hand[0]; i++) {
		const struct hand *h = &hand[i];
		case_reset(h->received, h->category);
		in.kind = h->kind;
		in.workers = h->workers;
		in.claimed = h->claimed;
		if (open_case() != 0) {
			ok(0, "figures: case %zu: %s", i, err);
			continue;
		}
		if (h->outcome && close_case(case_no, h->outcome, h->recovered, h->closed) != 0)
			ok(0, "figures: close %zu: %s", i, err);
		if (h->status && update(case_no, h->status, NULL, h->received, 0) != 0)
			ok(0, "figures: update %zu: %s", i, err);
	}
	is_int(n_cases(), (long long)(sizeof hand / sizeof hand[0]), "figures: the hand-made set is in");

	is_int(stats(y2025, end2025, 10, &st), 0, "figures: 2025");
	is_int(st.received, 7, "figures: received 7 disputes (petitions apart, other years out)");
	is_int(st.resolved, 1, "figures: resolved 1 (D5 closed after the period's end is not)");
	is_int(st.failed, 1, "figures: failed 1");
	is_int(st.referred, 1, "figures: referred 1");
	is_int(st.withdrawn, 1, "figures: withdrawn 1");
	is_int(st.concluded, 3, "figures: concluded 3 (withdrawn excluded)");
	is_int(st.open, 3, "figures: open 3 at the period's end (D5 was still open then)");
	is_int(st.overdue, 2, "figures: overdue 2 (D6 has 11 days only)");
	is_int(st.petitions, 2, "figures: petitions 2");
	is_int(st.workers, 30, "figures: workers 30 (the petition's 30 not counted)");
	is_int(st.collective, 2, "figures: collective 2 (12 and 10 workers, threshold 10)");
	is_int(st.threshold, 10, "figures: threshold kept");
	is_int(st.limit_days, 15, "figures: limit kept");
	is_int(st.claimed, 3800000, "figures: claimed 38000.00");
	is_int(st.recovered, 1300000, "figures: recovered 13000.00 (D5's after the period's end not)");
	is_int(st.by_category[0], 0, "figures: relationship 0");
	is_int(st.by_category[1], 1, "figures: contract 1");
	is_int(st.by_category[2], 1, "figures: termination 1");
	is_int(st.by_category[3], 1, "figures: hours-leave 1");
	is_int(st.by_category[4], 0, "figures: social-insurance 0");
	is_int(st.by_category[5], 2, "figures: wages 2 (the wage petition not counted)");
	is_int(st.by_category[6], 1, "figures: injury 1");
	is_int(st.by_category[7], 1, "figures: other 1");
	is_int(st.handled_permille, 429, "figures: 调处率 3/7 = 42.9%");
	is_int(st.success_permille, 333, "figures: 成功率 1/3 = 33.3%");

	is_str(stats_text(&st, UK_FMT_JSON),
	       "{\"from\":\"2025-01-01\",\"to\":\"2025-12-31\",\"received\":7,\"concluded\":3,\"resolved\":1,"
	       "\"failed\":1,\"referred\":1,\"withdrawn\":1,\"open\":3,\"overdue\":2,\"petitions\":2,"
	       "\"workers\":30,\"collective\":2,\"collective_threshold\":10,\"claimed\":\"38000.00\","
	       "\"recovered\":\"13000.00\",\"handled_rate\":42.9,\"success_rate\":33.3,\"by_category\":{"
	       "\"relationship\":0,\"contract\":1,\"termination\":1,\"hours-leave\":1,\"social-insurance\":0,"
	       "\"wages\":2,\"injury\":1,\"other\":1}}\n",
	       "figures: the JSON object");
	is_str(stats_text(&st, UK_FMT_CSV),
	       "measure,key,value\n"
	       "period,from,2025-01-01\nperiod,to,2025-12-31\n"
	       "cases,received,7\ncases,concluded,3\ncases,open,3\ncases,overdue,2\ncases,petitions,2\n"
	       "category,relationship,0\ncategory,contract,1\ncategory,termination,1\ncategory,hours-leave,1\n"
	       "category,social-insurance,0\ncategory,wages,2\ncategory,injury,1\ncategory,other,1\n"
	       "outcome,resolved,1\noutcome,failed,1\noutcome,referred,1\noutcome,withdrawn,1\n"
	       "workers,involved,30\nworkers,collective_cases,2\n"
	       "money,claimed,38000.00\nmoney,recovered,13000.00\n"
	       "rate,handled,42.9%\nrate,success,33.3%\n",
	       "figures: the CSV rows");

	/* The collective threshold. */
	is_int(stats(y2025, end2025, 12, &st), 0, "figures: threshold 12");
	is_int(st.collective, 1, "figures: collective 1 from 12 workers");
	is_int(st.threshold, 12, "figures: threshold 12 kept");

	/* A later counting date: D5 closed by then, D6 overdue by then. */
	is_int(stats(y2025, (struct uk_date){ 2026, 1, 10 }, 10, &st), 0, "figures: 2025 counted on 2026-01-10");
	is_int(st.open, 2, "figures: open 2 on 2026-01-10 (D5 closed on the 5th)");
	is_int(st.overdue, 2, "figures: overdue 2 on 2026-01-10 (D6 and D7)");
	is_int(st.concluded, 3, "figures: concluded still 3 (by the period's end)");

	/* An earlier counting date: D6 not yet received. */
	is_int(stats(y2025, (struct uk_date){ 2025, 12, 15 }, 10, &st), 0, "figures: 2025 counted on 2025-12-15");
	is_int(st.overdue, 1, "figures: overdue 1 on 2025-12-15 (D7; D5 has 5 days)");
	is_int(st.open, 2, "figures: open 2 on 2025-12-15 (D5 and D7; D6 comes on the 20th)");

	/* The period of December: one received, none concluded by its end. */
	is_int(stats(period(2025, 12, 1, 2025, 12, 31), end2025, 10, &st), 0, "figures: December 2025");
	is_int(st.received, 2, "figures: December received 2 (D5, D6)");
	is_int(st.concluded, 0, "figures: December concluded 0 (D5 closed in January)");
	is_int(st.handled_permille, 0, "figures: December 调处率 0%");
	is_int(st.success_permille, -1, "figures: December 成功率 has no denominator: -1");
	is_int(st.recovered, 0, "figures: December recovered 0 (D5's money came in January)");
	ok(has(stats_text(&st, UK_FMT_JSON), "\"handled_rate\":0.0,\"success_rate\":null,"),
	   "figures: December in JSON: 0.0 and null");
	ok(has(stats_text(&st, UK_FMT_CSV), "rate,handled,0.0%\nrate,success,\xE2\x80\x93\n"),
	   "figures: December in CSV: 0.0% and –");

	/* January 2026: D5 closed then, but received in 2025: not in it. */
	is_int(stats(period(2026, 1, 1, 2026, 1, 31), (struct uk_date){ 2026, 1, 31 }, 10, &st), 0, "figures: January 2026");
	is_int(st.received, 1, "figures: January 2026 received 1");
	is_int(st.concluded, 0, "figures: January 2026 concluded 0 (D5 belongs to 2025)");

	/* A period with nothing: both rates undefined. */
	is_int(stats(period(2024, 6, 1, 2024, 6, 30), (struct uk_date){ 2024, 6, 30 }, 10, &st), 0, "figures: June 2024");
	is_int(st.received, 0, "figures: June 2024 received 0");
	is_int(st.handled_permille, -1, "figures: June 2024 调处率 -1");
	is_int(st.success_permille, -1, "figures: June 2024 成功率 -1");
	ok(has(stats_text(&st, UK_FMT_JSON), "\"handled_rate\":null,\"success_rate\":null,"),
	   "figures: June 2024 in JSON: null and null");
	ok(has(stats_text(&st, UK_FMT_CSV), "rate,handled,\xE2\x80\x93\nrate,success,\xE2\x80\x93\n"),
	   "figures: June 2024 in CSV: – and –");
	ok(has(stats_text(&st, UK_FMT_JSON), "\"claimed\":\"0.00\",\"recovered\":\"0.00\""),
	   "figures: June 2024 money 0.00");

	/* The figures follow the dated timeline: a case's state on a date is
	 * its last event on or before it. R1 resolved in July, reopened in
	 * August and closed failed; R2 resolved, then reopened in September. */
	{
		char r1[16], r2[16];
		case_reset("2024-07-01", "wages");
		in.claimed = "3000";
		if (open_case() != 0)
			ok(0, "reopen figures: R1: %s", err);
		snprintf(r1, sizeof r1, "%s", case_no);
		is_int(close_case(r1, "resolved", "1000", "2024-07-10"), 0, "reopen figures: R1 resolved in July");
		is_int(update(r1, NULL, "单位反悔", "2024-08-05", 1), 0, "reopen figures: R1 reopened in August");
		is_int(close_case(r1, "failed", NULL, "2024-08-20"), 0, "reopen figures: R1 failed in August");
		case_reset("2024-09-01", "injury");
		if (open_case() != 0)
			ok(0, "reopen figures: R2: %s", err);
		snprintf(r2, sizeof r2, "%s", case_no);
		is_int(close_case(r2, "resolved", "200", "2024-09-03"), 0, "reopen figures: R2 resolved on the 3rd");
		is_int(update(r2, NULL, "协议未履行", "2024-09-20", 1), 0, "reopen figures: R2 reopened on the 20th");
	}
	is_int(stats(period(2024, 7, 1, 2024, 7, 31), (struct uk_date){ 2024, 7, 31 }, 10, &st), 0, "reopen figures: July 2024");
	is_int(st.received, 1, "reopen figures: July received 1");
	is_int(st.resolved, 1, "reopen figures: July resolved 1 (reopened later, still concluded in July)");
	is_int(st.concluded, 1, "reopen figures: July concluded 1");
	is_int(st.recovered, 100000, "reopen figures: July recovered 1000.00");
	is_int(st.success_permille, 1000, "reopen figures: July 成功率 100%");
	is_int(st.open, 0, "reopen figures: July open 0");
	is_int(stats(period(2024, 9, 1, 2024, 9, 30), (struct uk_date){ 2024, 9, 30 }, 10, &st), 0, "reopen figures: September 2024");
	is_int(st.concluded, 0, "reopen figures: September concluded 0 (R2 reopened by the 30th)");
	is_int(st.recovered, 0, "reopen figures: September recovered 0");
	is_int(st.open, 1, "reopen figures: September open 1");
	is_int(st.overdue, 1, "reopen figures: September overdue 1 (29 days since receipt)");
	is_int(st.handled_permille, 0, "reopen figures: September 调处率 0%");
	is_int(stats(period(2024, 9, 1, 2024, 9, 30), (struct uk_date){ 2024, 9, 10 }, 10, &st), 0,
	       "reopen figures: September counted on the 10th");
	is_int(st.open, 0, "reopen figures: on the 10th R2 was closed");
	is_int(st.concluded, 0, "reopen figures: concluded still by the period's end");
	is_int(stats(period(2024, 1, 1, 2024, 12, 31), (struct uk_date){ 2024, 12, 31 }, 10, &st), 0, "reopen figures: 2024");
	is_int(st.received, 3, "reopen figures: 2024 received 3 (R1, R2, the case of 31 December)");
	is_int(st.resolved, 0, "reopen figures: 2024 resolved 0 (R1 ended failed)");
	is_int(st.failed, 1, "reopen figures: 2024 failed 1");
	is_int(st.concluded, 1, "reopen figures: 2024 concluded 1");
	is_int(st.open, 2, "reopen figures: 2024 open 2 (R2, and the case closed on 2025-01-03)");
	is_int(st.overdue, 1, "reopen figures: 2024 overdue 1 (R2)");
	is_int(st.handled_permille, 333, "reopen figures: 2024 调处率 1/3");
	is_int(st.success_permille, 0, "reopen figures: 2024 成功率 0/1 = 0%");
	is_int(st.recovered, 0, "reopen figures: 2024 recovered 0 (R1's 1000 undone by the failure)");

	/* Rates round to the nearest tenth, halves up: 2/3 is 66.7%. */
	st.handled_permille = 667;
	st.success_permille = 1000;
	ok(has(stats_text(&st, UK_FMT_CSV), "rate,handled,66.7%\nrate,success,100.0%\n"), "figures: 66.7% and 100.0%");
	ok(has(stats_text(&st, UK_FMT_JSON), "\"handled_rate\":66.7,\"success_rate\":100.0,"),
	   "figures: 66.7 and 100.0 in JSON");
}

/* The figures as the tools ask for them: the settings in force (their
 * defaults, then a stored value), the counting date and a threshold given
 * instead; the checks of a threshold and of a listing's filter; the text
 * of the figures into a full output. */
static void test_figures(void)
{
	struct uk_dispute_settings set;
	struct uk_dispute_stats a, b;
	struct uk_period y2025 = period(2025, 1, 1, 2025, 12, 31);
	struct uk_period ahead = period(2025, 1, 1, 2099, 12, 31);
	struct uk_date end2025 = { 2025, 12, 31 }, jan10 = { 2026, 1, 10 };
	struct uk_dispute_filter f;
	const char *opt, *value, *why;
	long n = 0;
	FILE *full;

	is_int(uk_dispute_settings(db, &set), 0, "settings: read");
	is_int(set.threshold, 10, "settings: collective threshold 10 by default");
	is_int(set.limit_days, 15, "settings: limit 15 days by default");
	is_int(uk_disputes_figures(db, y2025, NULL, 0, &a), 0, "figures of the settings: 2025");
	is_int(stats(y2025, end2025, 10, &b), 0, "figures: 2025 as asked");
	ok(memcmp(&a, &b, sizeof a) == 0, "figures of the settings: those of 10 workers, 15 days, at the year's end");
	is_int(uk_disputes_figures(db, y2025, &jan10, 12, &a), 0, "figures: --at and --collective given");
	is_int(stats(y2025, jan10, 12, &b), 0, "figures: the same asked");
	ok(memcmp(&a, &b, sizeof a) == 0, "figures: the counting date and threshold given are used");
	is_int(uk_disputes_figures(db, ahead, NULL, 0, &a), 0, "figures: a period not over");
	is_int(stats(ahead, uk_date_today(), 10, &b), 0, "figures: the same counted today");
	ok(memcmp(&a, &b, sizeof a) == 0, "figures: a period not over is counted today");

	is_int(uk_config_set(db, "disputes.limit_days", "30"), 0, "settings: limit set to 30");
	is_int(uk_config_set(db, "disputes.collective_threshold", "3"), 0, "settings: threshold set to 3");
	is_int(uk_dispute_settings(db, &set), 0, "settings: read again");
	ok(set.limit_days == 30 && set.threshold == 3, "settings: the stored values");
	is_int(uk_disputes_figures(db, y2025, NULL, 0, &a), 0, "figures of stored settings");
	is_int(uk_disputes_stats(db, y2025, end2025, 3, 30, &b), 0, "figures: 3 workers, 30 days");
	ok(memcmp(&a, &b, sizeof a) == 0, "figures of stored settings: counted by them");
	is_int(uk_config_unset(db, "disputes.limit_days", &(int){0}), 0, "settings: limit unset");
	is_int(uk_config_unset(db, "disputes.collective_threshold", &(int){0}), 0, "settings: threshold unset");

	ok(uk_dispute_threshold_of("2", &n, &why) == 0 && n == 2, "threshold: 2 taken");
	is_int(uk_dispute_threshold_of("1", &n, &why), -1, "threshold: 1 refused");
	is_str(why, "a whole number of workers from 2", "threshold: why");
	is_int(uk_dispute_threshold_of("5x", &n, &why), -1, "threshold: 5x refused");
	is_int(uk_dispute_threshold_of("", &n, &why), -1, "threshold: empty refused");

	memset(&f, 0, sizeof f);
	f.category = "工资";
	f.status = "closed";
	f.kind = "petition";
	is_int(uk_dispute_filter_check(&f, &opt, &value, &why), 0, "filter: good values");
	is_str(f.category, "wages", "filter: the category as stored");
	f.category = "工资单";
	ok(uk_dispute_filter_check(&f, &opt, &value, &why) == -1 && !strcmp(opt, "--category") &&
	   !strcmp(value, "工资单") && !strcmp(why, "unknown category"), "filter: an unknown category");
	f.category = NULL;
	f.status = "voided";
	ok(uk_dispute_filter_check(&f, &opt, &value, &why) == -1 && !strcmp(opt, "--status") &&
	   !strcmp(value, "voided") && has(why, "--voided lists"), "filter: an unknown status");
	f.status = NULL;
	f.kind = "appeal";
	ok(uk_dispute_filter_check(&f, &opt, &value, &why) == -1 && !strcmp(opt, "--kind") &&
	   !strcmp(why, "dispute (劳动争议) or petition (信访)"), "filter: an unknown kind");
	f.kind = "信访";
	f.status = "调解中";
	ok(uk_dispute_filter_check(&f, &opt, &value, &why) == 0 && !strcmp(f.kind, "petition") &&
	   !strcmp(f.status, "mediating"), "filter: Chinese kind and status read as their slugs");
	f.kind = f.status = NULL;

	/* A full output is an I/O error, never success. */
	if ((full = fopen("/dev/full", "w")) != NULL) {
		cap_start();
		struct uk_writer *w = uk_writer_new(full, UK_FMT_CSV, 0, uk_dispute_stats_cols, 3);
		int rows = w ? uk_dispute_stats_rows(&a, w) : -1, end = w ? uk_writer_end(w) : -1;
		ok(w && (rows == UK_EX_IOERR || end != 0), "figures into a full output: an error");
		cap_end();
		fclose(full);
	} else {
		ok(1, "# skip no /dev/full");
	}
}

/* A step that fails is never taken for "no rows": the number of a new
 * case drawn by a failed step is an error (70), not case 0000. */
static int interrupt_left;
static int interrupt_once(void *ctx)
{
	(void)ctx;
	return interrupt_left-- > 0;
}

static void test_failed_step(void)
{
	long long before = n_cases();
	const char *msg;
	int found = -1;
	case_reset("2025-06-01", "wages");
	interrupt_left = 1;
	sqlite3_progress_handler(uk_db_sqlite(db), 1, interrupt_once, NULL);
	cap_start();
	is_int(open_case(), UK_EX_SOFTWARE, "failed step: numbering a case is 70");
	msg = cap_end();
	ok(has(msg, "cannot number the case: interrupted"), "failed step: said");
	sqlite3_progress_handler(uk_db_sqlite(db), 0, NULL, NULL);
	is_int(n_cases(), before, "failed step: no case opened");
	is_int(q_int("SELECT count(*) FROM disputes WHERE case_no LIKE '%%-0000'"), 0, "failed step: no case 0000");

	is_int(uk_dispute_show(db, "2099-0001", NULL, NULL, 0, &found), 0, "show: an unknown case is no error");
	is_int(found, 0, "show: not found is said by found");
	interrupt_left = 1;
	sqlite3_progress_handler(uk_db_sqlite(db), 1, interrupt_once, NULL);
	cap_start();
	is_int(uk_dispute_show(db, "2025-0001", NULL, NULL, 0, &found), UK_EX_SOFTWARE, "show: a failed step is 70");
	cap_end();
	sqlite3_progress_handler(uk_db_sqlite(db), 0, NULL, NULL);
	is_int(found, 0, "show: and no case found");
	is_int(uk_dispute_show(db, "2025-0001", NULL, NULL, 0, &found), 0, "show: a stored case");
	is_int(found, 1, "show: found");
}

/* ---- import ---- */

static int import_text(const char *dir, const char *text, long *added, long *bad)
{
	char path[128];
	struct uk_read_opts ro = { .encoding = UK_ENC_AUTO, .format = UK_IN_AUTO };
	struct uk_reader *r = NULL;
	FILE *f;
	int rc, ncols;
	const struct uk_colspec *cols = uk_dispute_colspec(&ncols);

	snprintf(path, sizeof path, "%s/cases.csv", dir);
	if (!(f = fopen(path, "w")))
		return -99;
	fputs(text, f);
	fclose(f);
	if ((rc = uk_reader_open(path, cols, ncols, &ro, &r)) != 0)
		return rc;
	cap_start();
	{
		long unchanged;
		rc = uk_disputes_import(db, r, NULL, 0, added, &unchanged, bad);
	}
	cap_end();
	uk_reader_close(r);
	unlink(path);
	return rc;
}

static void test_import(const char *dir)
{
	long added = -1, bad = -1;
	long long before = n_cases();

	is_int(uk_db_begin(db), 0, "import: begin");
	is_int(import_text(dir,
		"受理日期,类型,争议类别,用人单位,涉及人数,争议金额,案情摘要,状态,结果,追回金额,结案日期\n"
		"2025-08-01,dispute,工资纠纷,某厂,3,\"12,000\",欠薪,closed,resolved,12000,2025年8月12日\n"
		"2025-08-02,petition,其他,某街道,1,,信访,,,,\n"
		"2025-08-03,dispute,工伤纠纷,某物流,1,50000,工伤,mediating,,,\n",
		&added, &bad), 0, "import: three records with Chinese headers");
	is_int(added, 3, "import: added 3");
	is_int(bad, 0, "import: bad 0");
	is_int(n_cases(), before + 3, "import: three cases");
	is_str(q_text("SELECT category || ' ' || status || ' ' || outcome || ' ' || recovered || ' ' || closed"
	              " FROM disputes WHERE received = '2025-08-01'"), "wages closed resolved 1200000 2025-08-12",
	       "import: a closed case, closed with its outcome");
	is_str(q_text("SELECT kind || ' ' || status FROM disputes WHERE received = '2025-08-02'"), "petition open",
	       "import: a petition left open");
	is_str(q_text("SELECT status FROM disputes WHERE received = '2025-08-03'"), "mediating",
	       "import: a mediating case");
	is_int(import_text(dir,
		"受理日期,类型,来源,争议类别,用人单位,案情摘要,状态,结果,追回金额,结案日期\n"
		"2025-08-04,劳动争议,来访,劳动报酬,某店,欠薪,结案,调解成功,500,2025-08-20\n"
		"2025-08-05,信访,转办,其他,某街道,来信,受理,,,\n"
		"2025-08-06,劳动争议,来电,工伤,某厂,工伤,调解中,,,\n",
		&added, &bad), 0, "import: values in Chinese (类型, 来源, 类别, 状态, 结果)");
	is_int(added, 3, "import: the three added");
	is_str(q_text("SELECT group_concat(kind || ' ' || source || ' ' || category || ' ' || status || ' ' ||"
	              " coalesce(outcome, '-'), '; ') FROM (SELECT * FROM disputes"
	              " WHERE received BETWEEN '2025-08-04' AND '2025-08-06' ORDER BY received)"),
	       "dispute visit wages closed resolved; petition referral other open -; "
	       "dispute phone injury mediating -",
	       "import: stored as their slugs");
	uk_db_rollback(db);
	is_int(n_cases(), before, "import: rolled back");

	/* With --skip-bad the caller commits the good records: a refused
	 * record must leave nothing behind. */
	is_int(uk_db_begin(db), 0, "import: begin (bad records)");
	is_int(import_text(dir,
		"received,category,employer,summary,outcome,recovered,closed\n"
		"2025-09-01,wages,某厂,欠薪,resolved,100,2025-09-05\n"
		"2025-09-01,wages,某厂,欠薪,failed,100,2025-09-05\n"
		"2025-09-01,wages,某厂,欠薪,resolved,,2025-08-01\n"
		"2025-09-01,加班,某厂,欠薪,,,\n",
		&added, &bad), 0, "import: one good record, three bad");
	is_int(added, 1, "import: added 1");
	is_int(bad, 3, "import: bad 3");
	is_int(n_cases(), before + 1, "import: only the good record's case is written");
	is_int(q_int("SELECT count(*) FROM dispute_events e JOIN disputes d ON d.id = e.dispute_id"
	             " WHERE d.received = '2025-09-01'"), 2, "import: and only its two events");
	uk_db_rollback(db);
	is_int(n_cases(), before, "import: rolled back");
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

static int open_db(const char *path)
{
	struct uk_opts opts;
	memset(&opts, 0, sizeof opts);
	opts.db_path = path;
	db = NULL;
	is_int(uk_store_open(&opts, UK_DB_CREATE, &db), 0, "store opens %s", strrchr(path, '/') + 1);
	return db != NULL;
}

int main(void)
{
	char dir[] = "/tmp/t_disputes.XXXXXX";
	char a[80], b[80];

	uk_cli_init("t_disputes");
	test_tables();
	if (!mkdtemp(dir)) {
		printf("# cannot make a temp directory\n");
		return 1;
	}
	snprintf(a, sizeof a, "%s/rules.db", dir);
	snprintf(b, sizeof b, "%s/figures.db", dir);
	if (open_db(a)) {
		test_numbering();
		test_open_fields();
		test_categories();
		test_uscc();
		test_open_refusals();
		test_members();
		test_update_close();
		test_failed_step();
		uk_db_close(db);
	}
	if (open_db(b)) {
		test_stats();
		test_figures();
		test_import(dir);
		uk_db_close(db);
	}
	db = NULL;
	remove_db(a);
	remove_db(b);
	ok(rmdir(dir) == 0, "temp directory left clean");
	return done_testing();
}
