/* t_members.c - unit tests for the member register: the rules of every
 * field (uk_member_normalize), keys and roles, and uk_members_import on a
 * temporary database (add, unchanged re-import, update with history,
 * --no-update, bad records, dry run). */
#include <stdlib.h>
#include <unistd.h>

#include <sqlite3.h>

#include "uk_ids.h"
#include "uk_members.h"
#include "uk_store.h"
#include "tap.h"
#include "capture.h"

static const struct uk_date today = { 2026, 6, 15 };

/* Writable input values: normalize may fold them in place. */
static char bufs[UK_MF_COUNT][2100];
static char *in[UK_MF_COUNT];
static struct uk_member m;
static char err[400];

static void clear(void)
{
	for (int f = 0; f < UK_MF_COUNT; f++)
		in[f] = NULL;
	err[0] = '\0';
}

static void set(int f, const char *v)
{
	snprintf(bufs[f], sizeof bufs[f], "%s", v);
	in[f] = bufs[f];
}

static int norm(void)
{
	err[0] = '\0';
	return uk_member_normalize(in, &m, today, err, sizeof err);
}

/* The canonical form of one field given alone, or "!" + the message. */
static const char *one(int f, const char *v)
{
	static char out[600];
	clear();
	set(f, v);
	if (norm() != 0) {
		snprintf(out, sizeof out, "!%s", err);
		return out;
	}
	snprintf(out, sizeof out, "%s", m.v[f] ? m.v[f] : "(null)");
	return out;
}

/* The message for a refused value of one field ("" when accepted). */
static const char *why(int f, const char *v)
{
	const char *r = one(f, v);
	return r[0] == '!' ? r + 1 : "";
}

static int has(const char *hay, const char *needle)
{
	int yes = hay && strstr(hay, needle) != NULL;
	if (!yes)
		printf("#   '%s' does not contain '%s'\n", hay ? hay : "(null)", needle);
	return yes;
}

/* Full-width form of ASCII s (U+FF01..U+FF5E), static buffer. */
static const char *fullwidth(const char *s)
{
	static char buf[256];
	size_t o = 0;
	for (; *s && o + 4 < sizeof buf; s++) {
		unsigned c = 0xFF00 + (unsigned char)*s - 0x20;
		buf[o++] = (char)(0xE0 | (c >> 12));
		buf[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
		buf[o++] = (char)(0x80 | (c & 0x3F));
	}
	buf[o] = '\0';
	return buf;
}

static const char *with_check(const char *first17)
{
	static char buf[19];
	memcpy(buf, first17, 17);
	buf[17] = uk_id_check_char(first17);
	buf[18] = '\0';
	return buf;
}

static void test_canonical(void)
{
	/* The IDs used below are valid. */
	is_int(uk_id_check("11010519491231002X", today, NULL, NULL, NULL), UK_ID_OK, "ID 11010519491231002X valid");
	is_int(uk_id_check("440524188001010014", today, NULL, NULL, NULL), UK_ID_OK, "ID 440524188001010014 valid");
	is_int(uk_id_check("34052419800101001X", today, NULL, NULL, NULL), UK_ID_OK, "ID 34052419800101001X valid");

	/* Dates in every accepted form. */
	is_str(one(UK_MF_JOIN_DATE, "2019-03-05"), "2019-03-05", "date ISO");
	is_str(one(UK_MF_JOIN_DATE, "2019-3-5"), "2019-03-05", "date 2019-3-5");
	is_str(one(UK_MF_JOIN_DATE, "2019/3/5"), "2019-03-05", "date 2019/3/5");
	is_str(one(UK_MF_JOIN_DATE, "2019.3.5"), "2019-03-05", "date 2019.3.5");
	is_str(one(UK_MF_JOIN_DATE, "2019年3月5日"), "2019-03-05", "date 2019年3月5日");
	is_str(one(UK_MF_JOIN_DATE, "20190305"), "2019-03-05", "date 20190305");
	is_str(one(UK_MF_HIRE_DATE, fullwidth("2019-03-05")), "2019-03-05", "date full-width folded");
	is_str(one(UK_MF_BIRTH_DATE, "1980/1/1"), "1980-01-01", "birth_date without an ID");
	is_str(one(UK_MF_STATUS_DATE, "2026.6.1"), "2026-06-01", "status_date");
	ok(has(why(UK_MF_JOIN_DATE, "2019-02-30"), "join_date"), "date 2019-02-30 refused, field named");
	ok(has(why(UK_MF_HIRE_DATE, "yesterday"), "hire_date"), "date 'yesterday' refused");
	ok(has(why(UK_MF_JOIN_DATE, "2019-02-30"), "2019-02-30"), "date refused, value shown");

	/* ID: full-width folded, lower-case x upper-cased. */
	is_str(one(UK_MF_ID_CARD, fullwidth("11010519491231002X")), "11010519491231002X", "id full-width folded");
	is_str(one(UK_MF_ID_CARD, "11010519491231002x"), "11010519491231002X", "id lower-case x");

	/* Phone. */
	is_str(one(UK_MF_PHONE, "13812345678"), "13812345678", "phone plain");
	is_str(one(UK_MF_PHONE, fullwidth("13812345678")), "13812345678", "phone full-width");
	is_str(one(UK_MF_PHONE, "+86 138-1234-5678"), "13812345678", "phone +86 and dashes stripped");
	is_str(one(UK_MF_PHONE, "+8613812345678"), "13812345678", "phone +86 glued");
	is_str(one(UK_MF_PHONE, "138 1234 5678"), "13812345678", "phone spaces");
	ok(has(why(UK_MF_PHONE, "1381234567"), "11 digits"), "phone 10 digits refused");
	ok(has(why(UK_MF_PHONE, "138123456789"), "11 digits"), "phone 12 digits refused");
	ok(has(why(UK_MF_PHONE, "23812345678"), "phone"), "phone not starting with 1 refused");
	ok(has(why(UK_MF_PHONE, "138abcd5678"), "phone"), "phone letters refused");
	ok(has(why(UK_MF_PHONE, "010-12345678"), "phone"), "landline refused");

	/* Wage base. */
	is_str(one(UK_MF_WAGE_BASE, "5,234.5"), "5234.50", "wage 5,234.5");
	is_str(one(UK_MF_WAGE_BASE, "5234"), "5234.00", "wage integer");
	is_str(one(UK_MF_WAGE_BASE, fullwidth("5234.5")), "5234.50", "wage full-width");
	is_str(one(UK_MF_WAGE_BASE, "\xC2\xA5" "5234.5"), "5234.50", "wage with yen sign");
	is_str(one(UK_MF_WAGE_BASE, "5234.5元"), "5234.50", "wage with yuan");
	ok(has(why(UK_MF_WAGE_BASE, "5234.555"), "wage_base"), "wage three decimals refused");
	ok(has(why(UK_MF_WAGE_BASE, "5234.555"), "decimals"), "wage three decimals: says decimals");
	ok(has(why(UK_MF_WAGE_BASE, "-100"), "wage_base"), "wage negative refused");
	ok(has(why(UK_MF_WAGE_BASE, "abc"), "wage_base"), "wage letters refused");

	/* Gender, hardship, status, migrant worker. */
	is_str(one(UK_MF_GENDER, "男"), "male", "gender 男");
	is_str(one(UK_MF_GENDER, "女"), "female", "gender 女");
	is_str(one(UK_MF_GENDER, "F"), "female", "gender F");
	is_str(one(UK_MF_GENDER, "male"), "male", "gender male");
	ok(has(why(UK_MF_GENDER, "未知"), "gender"), "gender 未知 refused");
	is_str(one(UK_MF_HARDSHIP, "深度困难"), "deep", "hardship 深度困难");
	is_str(one(UK_MF_HARDSHIP, "相对困难"), "relative", "hardship 相对困难");
	is_str(one(UK_MF_HARDSHIP, "意外致困"), "accident", "hardship 意外致困");
	is_str(one(UK_MF_HARDSHIP, "无"), "none", "hardship 无");
	is_str(one(UK_MF_HARDSHIP, "deep"), "deep", "hardship deep");
	ok(has(why(UK_MF_HARDSHIP, "很困难"), "hardship"), "hardship 很困难 refused");
	is_str(one(UK_MF_STATUS, "退休"), "retired", "status 退休");
	is_str(one(UK_MF_STATUS, "在职"), "active", "status 在职");
	is_str(one(UK_MF_STATUS, "调出"), "transferred", "status 调出");
	is_str(one(UK_MF_STATUS, "退会"), "left", "status 退会");
	is_str(one(UK_MF_STATUS, "retired"), "retired", "status retired");
	ok(has(why(UK_MF_STATUS, "休假"), "status"), "status 休假 refused");
	is_str(one(UK_MF_MIGRANT_WORKER, "是"), "yes", "migrant 是");
	is_str(one(UK_MF_MIGRANT_WORKER, "否"), "no", "migrant 否");
	is_str(one(UK_MF_MIGRANT_WORKER, "１"), "yes", "migrant full-width 1");
	ok(has(why(UK_MF_MIGRANT_WORKER, "maybe"), "migrant_worker"), "migrant maybe refused");

	/* Codes. */
	is_str(one(UK_MF_EMPLOYEE_NO, fullwidth("E001")), "E001", "employee_no full-width folded");
	is_str(one(UK_MF_MEMBER_NO, " 000123 "), "000123", "member_no trimmed");
	ok(has(why(UK_MF_EMPLOYEE_NO, "E 001"), "employee_no"), "employee_no with a space refused");
	ok(has(why(UK_MF_EMPLOYEE_NO, "E0000000000000000000000000000000001"), "employee_no"),
	   "employee_no over 32 characters refused");

	/* Free text: control characters, lengths. */
	is_str(one(UK_MF_NAME, "张三"), "张三", "name");
	ok(has(why(UK_MF_NAME, "张\x01三"), "control character"), "name with \\x01 refused");
	ok(has(why(UK_MF_NAME, "张三\x1b[31m"), "control character"), "name with ESC refused");
	ok(has(why(UK_MF_NAME, "张\n三"), "control character"), "name with a newline refused");
	ok(has(why(UK_MF_NAME, "张\x7f三"), "control character"), "name with DEL refused");
	ok(has(why(UK_MF_UNIT, "教\t务处"), "control character"), "unit with a tab refused");
	is_str(one(UK_MF_NOTE, "line one\nline two"), "line one\nline two", "note keeps a newline");
	ok(has(why(UK_MF_NOTE, "bell\x07"), "control character"), "note with BEL refused");
	{
		char longname[260];
		memset(longname, 'a', 201);
		longname[201] = '\0';
		ok(has(why(UK_MF_NAME, longname), "name"), "name over 200 bytes refused");
	}

	/* Empty values are absent. */
	clear();
	set(UK_MF_NAME, "张三");
	set(UK_MF_PHONE, "");
	set(UK_MF_WAGE_BASE, "");
	is_int(norm(), 0, "empty values accepted");
	ok(m.v[UK_MF_PHONE] == NULL && m.v[UK_MF_WAGE_BASE] == NULL, "empty values are NULL");
	ok(m.v[UK_MF_GENDER] == NULL && m.v[UK_MF_BIRTH_DATE] == NULL, "nothing derived without an ID");
}

static void test_ids(void)
{
	char bad_date[19], future[19];

	/* Check digit errors. */
	ok(has(why(UK_MF_ID_CARD, "110105194912310021"), "check"), "id wrong check digit: message says check");
	ok(has(why(UK_MF_ID_CARD, "110105194912310021"), "110105194912310021"), "id wrong check: value shown");
	ok(has(why(UK_MF_ID_CARD, "440524188001010015"), "check"), "id 440524188001010015: bad check");
	ok(*why(UK_MF_ID_CARD, "11010519491231002"), "id 17 characters refused");
	ok(*why(UK_MF_ID_CARD, "1101051949123100AX"), "id with a letter refused");
	snprintf(bad_date, sizeof bad_date, "%s", with_check("11010519490231002"));
	ok(has(why(UK_MF_ID_CARD, bad_date), "id_card"), "id with 1949-02-31 refused (%s)", bad_date);
	snprintf(future, sizeof future, "%s", with_check("11010520300101001"));
	ok(*why(UK_MF_ID_CARD, future), "id born after today refused (%s)", future);

	/* Excel. */
	ok(has(why(UK_MF_ID_CARD, "1.10105E+17"), "Excel"), "id in scientific notation: message mentions Excel");
	ok(uk_id_check_char("11010519491231000") != '0', "precondition: ...000 has a bad check");
	ok(has(why(UK_MF_ID_CARD, "110105194912310000"), "Excel"), "id cut to 15 digits: message mentions Excel");
	ok(has(why(UK_MF_ID_CARD, "110105194912310000"), "text"), "id cut: says to format as text");

	/* Derived from the ID. */
	clear();
	set(UK_MF_ID_CARD, "11010519491231002X");
	is_int(norm(), 0, "derive: accepted");
	is_str(m.v[UK_MF_BIRTH_DATE], "1949-12-31", "derive: birth_date");
	is_str(m.v[UK_MF_GENDER], "female", "derive: gender female (17th digit 2)");
	clear();
	set(UK_MF_ID_CARD, "440524188001010014");
	norm();
	is_str(m.v[UK_MF_BIRTH_DATE], "1880-01-01", "derive: birth_date 1880");
	is_str(m.v[UK_MF_GENDER], "male", "derive: gender male (17th digit 1)");
	clear();
	set(UK_MF_ID_CARD, "34052419800101001X");
	norm();
	is_str(m.v[UK_MF_BIRTH_DATE], "1980-01-01", "derive: birth_date 1980");
	is_str(m.v[UK_MF_GENDER], "male", "derive: 34052419800101001X is male");

	/* Agreement with the ID. */
	clear();
	set(UK_MF_ID_CARD, "11010519491231002X");
	set(UK_MF_BIRTH_DATE, "1949/12/31");
	set(UK_MF_GENDER, "女");
	is_int(norm(), 0, "agree: same birth date in another form and same gender");
	is_str(m.v[UK_MF_BIRTH_DATE], "1949-12-31", "agree: canonical birth date");
	clear();
	set(UK_MF_ID_CARD, "11010519491231002X");
	set(UK_MF_BIRTH_DATE, "1949-12-30");
	is_int(norm(), -1, "disagree: birth_date refused");
	ok(has(err, "birth_date") && has(err, "disagrees"), "disagree: birth_date message");
	clear();
	set(UK_MF_ID_CARD, "11010519491231002X");
	set(UK_MF_GENDER, "男");
	is_int(norm(), -1, "disagree: gender refused");
	ok(has(err, "gender") && has(err, "disagrees"), "disagree: gender message");
	clear();
	set(UK_MF_ID_CARD, "440524188001010014");
	set(UK_MF_GENDER, "female");
	is_int(norm(), -1, "disagree: female with a male ID refused");
}

static void test_keys_roles(void)
{
	enum uk_member_key k = UK_KEY_DEFAULT;
	static const char *const roles[] = {
		"chair", "vice-chair", "committee", "audit-committee", "group-leader", "women-committee", NULL,
	};

	is_int(uk_member_key_parse("employee_no", &k), 0, "key employee_no");
	is_int(k, UK_KEY_EMPLOYEE_NO, "key employee_no value");
	is_int(uk_member_key_parse("id_card", &k), 0, "key id_card");
	is_int(k, UK_KEY_ID_CARD, "key id_card value");
	is_int(uk_member_key_parse("member_no", &k), 0, "key member_no");
	is_int(k, UK_KEY_MEMBER_NO, "key member_no value");
	is_int(uk_member_key_parse("name", &k), -1, "key name refused");
	is_int(uk_member_key_parse("", &k), -1, "key empty refused");
	is_int(uk_member_key_parse("id", &k), -1, "key id refused");
	is_int(k, UK_KEY_MEMBER_NO, "a refused key leaves the value");

	for (int i = 0; roles[i]; i++)
		is_str(uk_role_slug(roles[i]), roles[i], "role %s valid", roles[i]);
	ok(!uk_role_slug("president"), "role president invalid");
	ok(!uk_role_slug(""), "role empty invalid");
	is_str(uk_role_slug("chair "), "chair", "role 'chair ': white space around ignored, as in every vocabulary");
	is_str(uk_role_slug("主席"), "chair", "role 主席 is chair");
	is_str(uk_role_slug("经审委员"), "audit-committee", "role 经审委员 is audit-committee");
	ok(!uk_role_slug("vice_chair"), "role vice_chair invalid");
}

/* ---- import ---- */


static long long q_int(struct uk_db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long v = -999;
	if (sqlite3_prepare_v2(uk_db_sqlite(db), sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static const char *q_text(struct uk_db *db, const char *sql)
{
	static char buf[256];
	sqlite3_stmt *st = NULL;
	snprintf(buf, sizeof buf, "(none)");
	if (sqlite3_prepare_v2(uk_db_sqlite(db), sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, sizeof buf, "%s", sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "(null)");
	sqlite3_finalize(st);
	return buf;
}

/* The record of 张三 on the command line. */
static void zhang(const char *unit)
{
	clear();
	set(UK_MF_NAME, "张三");
	set(UK_MF_ID_CARD, "11010519491231002X");
	set(UK_MF_EMPLOYEE_NO, "E001");
	set(UK_MF_WAGE_BASE, "5,234.5");
	set(UK_MF_UNIT, unit);
	set(UK_MF_MIGRANT_WORKER, "是");
	set(UK_MF_JOIN_DATE, "2015/9/1");
}

/* Runs the import of the record in in[], stderr kept in cap_buf. */
static int import(struct uk_db *db, const struct uk_member_import_opts *o, struct uk_import_stats *st)
{
	struct uk_member_source src = { NULL, in };
	int rc;
	cap_start();
	memset(st, 0x55, sizeof *st);  /* must be reset by the import */
	rc = uk_members_import(db, &src, o, st);
	cap_end();
	return rc;
}

/* Not found is an output, never exit code 1; ambiguous is -1. */
static void test_lookup(struct uk_db *db)
{
	char no[40] = "", lerr[200] = "", value[16] = "";
	int64_t id = -7;
	int found = -7;

	is_int(uk_member_resolve(db, "E002", UK_KEY_EMPLOYEE_NO, &id, no, sizeof no, &found, lerr, sizeof lerr),
	       0, "resolve: by employee_no");
	is_int(found, 1, "resolve: found");
	is_str(no, "M-77", "resolve: the member_no as stored");
	is_int(uk_member_resolve(db, "E404", UK_KEY_EMPLOYEE_NO, &id, no, sizeof no, &found, lerr, sizeof lerr),
	       0, "resolve: no such employee_no is 0, not 1");
	is_int(found, 0, "resolve: not found");
	ok(has(lerr, "no member with employee_no 'E404'"), "resolve: not found said in err");
	is_int(uk_member_resolve(db, "M-404", UK_KEY_MEMBER_NO, &id, NULL, 0, &found, lerr, sizeof lerr),
	       0, "resolve: no such member_no is 0");
	is_int(found, 0, "resolve: member_no not found");

	/* 000001 and 0000001 are both what Excel makes 1. */
	clear();
	set(UK_MF_NAME, "赵六");
	set(UK_MF_ID_CARD, "34052419800101001X");
	set(UK_MF_MEMBER_NO, "0000001");
	{
		struct uk_member_import_opts io;
		struct uk_import_stats st;
		memset(&io, 0, sizeof io);
		io.quiet = 1;
		is_int(import(db, &io, &st), 0, "resolve: a second member_no of 1 added");
	}
	found = -7;
	is_int(uk_member_resolve(db, "1", UK_KEY_MEMBER_NO, &id, NULL, 0, &found, lerr, sizeof lerr), -1,
	       "resolve: a number that fits two is -1");
	ok(has(lerr, "could be"), "resolve: the two named");
	is_int(found, 0, "resolve: ambiguous is not found");

	is_int(uk_member_value_at(db, "M-77", UK_KEY_MEMBER_NO, "status", "2026-01-01", &id, value, &found), 0,
	       "value_at: a member");
	is_int(found, 1, "value_at: found");
	is_str(value, "active", "value_at: status");
	is_int(uk_member_value_at(db, "M-404", UK_KEY_MEMBER_NO, "status", "2026-01-01", &id, value, &found), 0,
	       "value_at: no such member is 0");
	is_int(found, 0, "value_at: not found");
}

static void test_filters(void)
{
	struct uk_member_filter f;
	char buf[120], ferr[200];
	memset(&f, 0, sizeof f);
	is_str(uk_member_words_text(UK_MF_STATUS, NULL, buf, sizeof buf),
	       "active, retired, transferred, left or deceased", "words: status");
	is_str(uk_member_words_text(UK_MF_STATUS, "all", buf, sizeof buf),
	       "active, retired, transferred, left, deceased or all", "words: status or all");
	is_str(uk_member_words_text(UK_MF_HARDSHIP, NULL, buf, sizeof buf),
	       "none, relative, deep or accident", "words: hardship");
	is_int(uk_member_filter_status(&f, "retired", ferr, sizeof ferr), 0, "filter: --status retired");
	is_str(f.status, "retired", "filter: status kept");
	is_int(uk_member_filter_status(&f, "all", ferr, sizeof ferr), 0, "filter: --status all");
	is_int(uk_member_filter_status(&f, "退休", ferr, sizeof ferr), 0, "filter: --status 退休, either language");
	is_str(f.status, "retired", "filter: stored as the slug");
	is_int(uk_member_filter_status(&f, "all", ferr, sizeof ferr), 0, "filter: --status all again");
	is_int(uk_member_filter_status(&f, "在册", ferr, sizeof ferr), -1, "filter: a word of no status refused");
	is_str(ferr, "--status must be active, retired, transferred, left, deceased or all", "filter: status said");
	is_str(f.status, "all", "filter: a refused status leaves the filter");
	is_int(uk_member_filter_hardship(&f, NULL, ferr, sizeof ferr), 0, "filter: --hardship alone");
	is_str(f.hardship, "any", "filter: any level");
	is_int(uk_member_filter_hardship(&f, "deep", ferr, sizeof ferr), 0, "filter: --hardship=deep");
	is_int(uk_member_filter_hardship(&f, "all", ferr, sizeof ferr), -1, "filter: --hardship=all refused");
	is_str(ferr, "--hardship must be none, relative, deep or accident", "filter: hardship said");
}

static void test_import(const char *path)
{
	struct uk_opts opts;
	struct uk_member_import_opts io;
	struct uk_import_stats st;
	struct uk_db *db = NULL;
	int rc;

	memset(&opts, 0, sizeof opts);
	opts.db_path = path;
	rc = uk_store_open(&opts, UK_DB_CREATE, &db);
	is_int(rc, 0, "import: store opens");
	if (!db)
		return;
	memset(&io, 0, sizeof io);
	io.key = UK_KEY_DEFAULT;
	io.quiet = 1;

	/* Add one. */
	zhang("教务处");
	rc = import(db, &io, &st);
	is_int(rc, 0, "add: exit 0");
	is_int(st.added, 1, "add: added 1");
	is_int(st.updated, 0, "add: updated 0");
	is_int(st.unchanged, 0, "add: unchanged 0");
	is_int(q_int(db, "SELECT count(*) FROM members"), 1, "add: one row");
	is_str(q_text(db, "SELECT name FROM members"), "张三", "add: name stored");
	is_int(q_int(db, "SELECT wage_base FROM members"), 523450, "add: wage_base in fen");
	is_str(q_text(db, "SELECT gender FROM members"), "female", "add: gender derived");
	is_str(q_text(db, "SELECT birth_date FROM members"), "1949-12-31", "add: birth_date derived");
	is_str(q_text(db, "SELECT join_date FROM members"), "2015-09-01", "add: join_date canonical");
	is_int(q_int(db, "SELECT migrant_worker FROM members"), 1, "add: migrant_worker 1");
	is_str(q_text(db, "SELECT status FROM members"), "active", "add: status active");
	is_str(q_text(db, "SELECT hardship FROM members"), "none", "add: hardship none");
	ok(strlen(q_text(db, "SELECT member_no FROM members")) > 0 &&
	   strcmp(q_text(db, "SELECT member_no FROM members"), "(null)") != 0, "add: member_no assigned (%s)",
	   q_text(db, "SELECT member_no FROM members"));
	is_int(q_int(db, "SELECT n FROM member_counts WHERE status = 'active'"), 1, "add: member_counts active 1");
	is_int(q_int(db, "SELECT count(*) FROM member_events"), 0, "add: no events");
	is_str(cap_buf, "", "add: quiet, nothing on stderr");

	/* The same record again: nothing written. */
	zhang("教务处");
	io.quiet = 0;
	rc = import(db, &io, &st);
	io.quiet = 1;
	ok(has(cap_buf, "added 0, updated 0, unchanged 1"), "re-import: summary on stderr");
	is_int(rc, 0, "re-import: exit 0");
	is_int(st.unchanged, 1, "re-import: unchanged 1");
	is_int(st.added, 0, "re-import: added 0");
	is_int(st.updated, 0, "re-import: updated 0");
	is_int(q_int(db, "SELECT count(*) FROM members"), 1, "re-import: still one row");
	is_int(q_int(db, "SELECT count(*) FROM member_events"), 0, "re-import: no history");
	is_str(q_text(db, "SELECT updated_at FROM members"), "(null)", "re-import: updated_at untouched");

	/* A changed unit: an update with a dated event. */
	zhang("办公室");
	rc = import(db, &io, &st);
	is_int(rc, 0, "update: exit 0");
	is_int(st.updated, 1, "update: updated 1");
	is_int(st.added, 0, "update: added 0");
	is_int(st.unchanged, 0, "update: unchanged 0");
	is_str(q_text(db, "SELECT unit FROM members"), "办公室", "update: unit changed");
	is_int(q_int(db, "SELECT count(*) FROM member_events"), 1, "update: one event");
	is_str(q_text(db, "SELECT field FROM member_events"), "unit", "update: event field");
	is_str(q_text(db, "SELECT old_value FROM member_events"), "教务处", "update: event old value");
	is_str(q_text(db, "SELECT new_value FROM member_events"), "办公室", "update: event new value");
	is_int(q_int(db, "SELECT count(*) FROM member_events e JOIN members m ON m.id = e.member_id"), 1,
	       "update: event belongs to the member");
	is_int(q_int(db, "SELECT length(date) FROM member_events"), 10, "update: event dated");
	ok(strcmp(q_text(db, "SELECT updated_at FROM members"), "(null)") != 0, "update: updated_at set");

	/* A partial record (by employee_no only) changes only what it gives. */
	clear();
	set(UK_MF_EMPLOYEE_NO, "E001");
	set(UK_MF_PHONE, "+86 139-0000-1111");
	rc = import(db, &io, &st);
	is_int(rc, 0, "partial: exit 0");
	is_int(st.updated, 1, "partial: updated 1");
	is_str(q_text(db, "SELECT phone FROM members"), "13900001111", "partial: phone set");
	is_str(q_text(db, "SELECT unit FROM members"), "办公室", "partial: unit kept");
	is_int(q_int(db, "SELECT wage_base FROM members"), 523450, "partial: wage kept");

	/* --no-update: a known key is an error, nothing written. */
	io.no_update = 1;
	zhang("工会办");
	rc = import(db, &io, &st);
	is_int(rc, 65, "no-update: exit 65");
	ok(has(cap_buf, "--no-update"), "no-update: message names the option");
	is_int(st.bad, 1, "no-update: one bad record");
	is_int(st.updated, 0, "no-update: updated 0");
	is_str(q_text(db, "SELECT unit FROM members"), "办公室", "no-update: unit unchanged");
	is_int(q_int(db, "SELECT count(*) FROM member_events"), 2, "no-update: no new event");
	io.no_update = 0;

	/* A bad record: 65, nothing written. */
	clear();
	set(UK_MF_NAME, "李四");
	set(UK_MF_ID_CARD, "440524188001010015");
	rc = import(db, &io, &st);
	is_int(rc, 65, "bad id: exit 65");
	ok(has(cap_buf, "check") && has(cap_buf, "nothing written"), "bad id: messages");
	is_int(st.bad, 1, "bad id: counted");
	is_int(q_int(db, "SELECT count(*) FROM members"), 1, "bad id: nothing added");

	/* A new member needs a name and a key. */
	clear();
	set(UK_MF_ID_CARD, "440524188001010014");
	rc = import(db, &io, &st);
	is_int(rc, 65, "no name: exit 65");
	is_int(q_int(db, "SELECT count(*) FROM members"), 1, "no name: nothing added");

	/* Dry run: counted, not written. */
	io.dry_run = 1;
	clear();
	set(UK_MF_NAME, "王五");
	set(UK_MF_ID_CARD, "440524188001010014");
	rc = import(db, &io, &st);
	is_int(rc, 0, "dry run: exit 0");
	is_int(st.added, 1, "dry run: would add 1");
	is_int(q_int(db, "SELECT count(*) FROM members"), 1, "dry run: nothing written");
	io.dry_run = 0;

	/* A second member, then a key clash: id of one, employee_no of the other. */
	clear();
	set(UK_MF_NAME, "王五");
	set(UK_MF_ID_CARD, "440524188001010014");
	set(UK_MF_EMPLOYEE_NO, "E002");
	set(UK_MF_MEMBER_NO, "M-77");
	rc = import(db, &io, &st);
	is_int(rc, 0, "second: exit 0");
	is_int(st.added, 1, "second: added");
	is_str(q_text(db, "SELECT member_no FROM members WHERE employee_no = 'E002'"), "M-77",
	       "second: member_no given is kept");
	is_int(q_int(db, "SELECT n FROM member_counts WHERE status = 'active'"), 2, "second: member_counts 2");
	clear();
	set(UK_MF_ID_CARD, "440524188001010014");
	set(UK_MF_EMPLOYEE_NO, "E001");
	rc = import(db, &io, &st);
	is_int(rc, 65, "clash: two keys naming two members refused");
	is_str(q_text(db, "SELECT employee_no FROM members WHERE id_card = '440524188001010014'"), "E002",
	       "clash: nothing changed");

	/* --key member_no without a member_no. */
	io.key = UK_KEY_MEMBER_NO;
	clear();
	set(UK_MF_NAME, "赵六");
	set(UK_MF_ID_CARD, "34052419800101001X");
	rc = import(db, &io, &st);
	is_int(rc, 65, "key member_no: a record without one refused");
	io.key = UK_KEY_DEFAULT;
	is_int(q_int(db, "SELECT count(*) FROM members"), 2, "two members at the end");
	test_lookup(db);
	uk_db_close(db);
}

int main(void)
{
	char dir[] = "/tmp/t_members.XXXXXX";
	char path[64], tmp[80];
	static const char *const sfx[] = {"", "-wal", "-shm", "-journal", NULL};

	uk_cli_init("t_members");
	test_canonical();
	test_ids();
	test_keys_roles();
	test_filters();
	if (!mkdtemp(dir)) {
		printf("# cannot make a temp directory\n");
		return 1;
	}
	snprintf(path, sizeof path, "%s/union.db", dir);
	test_import(path);
	for (int i = 0; sfx[i]; i++) {
		snprintf(tmp, sizeof tmp, "%s%s", path, sfx[i]);
		unlink(tmp);
	}
	ok(rmdir(dir) == 0, "temp directory left clean");
	return done_testing();
}
