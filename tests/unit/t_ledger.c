/* t_ledger.c - unit tests for the union's books (lib/uk_ledger.h): the dues
 * rule, categories by code, name and slug, amounts, default fund and
 * account, the overdraft and month-end rules, opening balances, transfers,
 * voids, vouchers, hardship aid (先建档、后帮扶), the dues run, verify against
 * rows changed behind the library's back, and the text of balance, ls and
 * the ledger-cli journal. Two temporary databases: one for the rules, one
 * small set of books whose reports are checked to the byte. */
#include <stdlib.h>
#include <unistd.h>

#include <sqlite3.h>

#include "uk_ledger.h"
#include "uk_members.h"
#include "uk_money.h"
#include "uk_store.h"
#include "tap.h"
#include "dbquery.h"

#define q_int(...) tq_int(uk_db_sqlite(db), __VA_ARGS__)
#define q_text(...) tq_text(uk_db_sqlite(db), __VA_ARGS__)
#include "capture.h"

static const struct uk_date today = { 2026, 6, 15 };

static struct uk_db *db;
static struct uk_ledger *lg;
static char err[600];

static int has(const char *hay, const char *needle)
{
	int yes = hay && strstr(hay, needle) != NULL;
	if (!yes)
		printf("#   '%s' does not contain '%s'\n", hay ? hay : "(null)", needle);
	return yes;
}

/* ---- queries on the database under test ---- */

/* One entry's columns joined with '|' (NULL as "~"). */
static const char *row_of(long long id)
{
	return q_text("SELECT date || '|' || fund || '|' || account || '|' || direction || '|' || category"
	              " || '|' || coalesce(subcategory, '~') || '|' || amount || '|' || coalesce(void_of, '~')"
	              " || '|' || coalesce(transfer_of, '~') || '|' || overdraft"
	              " FROM ledger_entries WHERE id = %lld", id);
}

static long long n_entries(void)
{
	return q_int("SELECT count(*) FROM ledger_entries");
}

/* The balance of fund:account in fen, from the entries. */
static long long bal(const char *fund, const char *account)
{
	char sql[300];
	snprintf(sql, sizeof sql, "SELECT coalesce(sum(CASE direction WHEN 'in' THEN amount ELSE -amount END), 0)"
	         " FROM ledger_entries WHERE fund = '%s' AND account = '%s'", fund, account);
	return q_int("%s", sql);
}

/* ---- a write session: transaction, ledger, flush, commit ---- */

static int begin(void)
{
	int rc = uk_db_begin(db);
	if (rc)
		return rc;
	if ((rc = uk_ledger_open(db, &lg)) != 0)
		uk_db_rollback(db);
	return rc;
}

static int commit(void)
{
	int rc = uk_ledger_flush(lg);
	uk_ledger_close(lg);
	lg = NULL;
	if (!rc)
		rc = uk_db_commit(db);
	uk_db_rollback(db);
	return rc;
}

static int add(struct uk_entry_in in, int64_t *id)
{
	err[0] = '\0';
	*id = 0;
	return uk_ledger_add(lg, &in, id, err, sizeof err);
}
#define ADD(id, ...) add((struct uk_entry_in){__VA_ARGS__}, id)

static int opening(const char *date, const char *amount, const char *fund, const char *account, int64_t *id)
{
	err[0] = '\0';
	*id = 0;
	return uk_ledger_opening(lg, date, amount, fund, account, NULL, id, err, sizeof err);
}

static int transfer(const char *date, const char *amount, const char *from, const char *to,
                    const char *voucher, int allow, int64_t *id)
{
	err[0] = '\0';
	*id = 0;
	return uk_ledger_transfer(lg, date, amount, from, to, voucher, "划拨", allow, id, err, sizeof err);
}

static int void_allow(int64_t id, const char *reason, const char *date, int allow, int64_t *new_id)
{
	err[0] = '\0';
	*new_id = 0;
	return uk_ledger_void(lg, id, reason, date, allow, new_id, err, sizeof err);
}

static int void_entry(int64_t id, const char *reason, const char *date, int64_t *new_id)
{
	return void_allow(id, reason, date, 0, new_id);
}

/* ---- members ---- */

static char mbuf[UK_MF_COUNT][128];
static char *min[UK_MF_COUNT];
static char zhang_no[32], li_no[32];
static long long zhang_id, li_id;

static int add_member(const char *name, const char *employee_no, const char *wage)
{
	struct uk_member_source src = { NULL, min };
	struct uk_member_import_opts io;
	struct uk_import_stats st;
	for (int f = 0; f < UK_MF_COUNT; f++)
		min[f] = NULL;
	snprintf(mbuf[UK_MF_NAME], sizeof mbuf[0], "%s", name);
	min[UK_MF_NAME] = mbuf[UK_MF_NAME];
	snprintf(mbuf[UK_MF_EMPLOYEE_NO], sizeof mbuf[0], "%s", employee_no);
	min[UK_MF_EMPLOYEE_NO] = mbuf[UK_MF_EMPLOYEE_NO];
	snprintf(mbuf[UK_MF_UNIT], sizeof mbuf[0], "教务处");
	min[UK_MF_UNIT] = mbuf[UK_MF_UNIT];
	if (wage) {
		snprintf(mbuf[UK_MF_WAGE_BASE], sizeof mbuf[0], "%s", wage);
		min[UK_MF_WAGE_BASE] = mbuf[UK_MF_WAGE_BASE];
	}
	memset(&io, 0, sizeof io);
	io.key = UK_KEY_DEFAULT;
	io.quiet = 1;
	return uk_members_import(db, &src, &io, &st);
}

/* ---- output through a writer into memory ---- */

struct mem { char *buf; size_t n; FILE *f; struct uk_writer *w; };

static int mem_open(struct mem *m, const struct uk_outcol *cols, int ncols)
{
	m->buf = NULL;
	m->n = 0;
	m->w = NULL;
	if (!(m->f = open_memstream(&m->buf, &m->n)))
		return -1;
	if (cols && !(m->w = uk_writer_new(m->f, UK_FMT_CSV, 0, cols, ncols)))
		return -1;
	return 0;
}

/* Ends the writer, closes the stream; the text in a ring of static
 * buffers. */
static const char *mem_text(struct mem *m)
{
	static char ring[3][8192];
	static int k;
	char *out = ring[k = (k + 1) % 3];
	if (m->w)
		uk_writer_end(m->w);
	fclose(m->f);
	snprintf(out, 8192, "%s", m->buf ? m->buf : "");
	free(m->buf);
	return out;
}

static const char *balance_text(enum uk_balance_by by, const char *at, int *rc)
{
	struct mem m;
	int ncols;
	const struct uk_outcol *cols = uk_ledger_balance_cols(by, &ncols);
	if (mem_open(&m, cols, ncols) != 0)
		return "(no memstream)";
	*rc = uk_ledger_balance(db, by, at, m.w);
	return mem_text(&m);
}

static const char *list_text(const struct uk_ledger_filter *f, int *rc)
{
	struct mem m;
	int ncols;
	const struct uk_outcol *cols = uk_ledger_outcols(&ncols);
	if (mem_open(&m, cols, ncols) != 0)
		return "(no memstream)";
	*rc = uk_ledger_list(db, f, m.w, 0);
	return mem_text(&m);
}

/* ---- a second connection, changing rows behind the library's back ---- */

static int behind(sqlite3 *h, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(h, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		printf("#   %s: %s\n", sql, msg ? msg : "?");
	sqlite3_free(msg);
	return rc;
}

static int verify(long *entries, const char **msg)
{
	int rc;
	cap_start();
	rc = uk_ledger_verify(db, entries);
	*msg = cap_end();
	return rc;
}

/* ================================================================== */

static void test_dues_of_wage(void)
{
	is_int(uk_dues_of_wage(523450), 2615, "dues of 5234.50 yuan: base 5230, 26.15");
	is_int(uk_dues_of_wage(999), 0, "dues of 9.99 yuan: 0");
	is_int(uk_dues_of_wage(1000), 5, "dues of 10.00 yuan: 0.05");
	is_int(uk_dues_of_wage(1009999), (1009999 / 1000) * 5, "dues of 10099.99 yuan by the rule");
	is_int(uk_dues_of_wage(1009999), 5045, "dues of 10099.99 yuan: 50.45");
	is_int(uk_dues_of_wage(0), 0, "dues of 0: 0");
	is_int(uk_dues_of_wage(1999), 5, "dues of 19.99 yuan: base 10, 0.05");
	is_int(uk_dues_of_wage(2000), 10, "dues of 20.00 yuan: 0.10");
	is_int(uk_dues_of_wage(800000), 4000, "dues of 8000.00 yuan: 40.00");
	is_int(uk_dues_of_wage(100000000), 500000, "dues of 1,000,000.00 yuan: 5000.00");
	{
		long long bad = -1;
		for (int64_t w = 0; w < 30000 && bad < 0; w += 7)
			if (uk_dues_of_wage(w) != (w / 1000) * 5)
				bad = w;
		if (!ok(bad < 0, "dues by the rule for every 7th fen up to 300 yuan"))
			printf("#   wrong for %lld fen: %lld\n", bad, (long long)uk_dues_of_wage(bad));
	}
}

/* Categories, amounts, defaults, unknown names. */
static void test_add(void)
{
	int64_t id;
	long long n;

	is_int(begin(), 0, "add: session opens");
	is_int(opening("2026-01-01", "1000", "general", "bank", &id), 0, "opening general:bank");
	is_int(id, 1, "opening: first entry is id 1");
	is_str(row_of(1), "2026-01-01|general|bank|in|opening|~|100000|~|~|0", "opening: stored");
	is_int(opening("2026-01-02", "5", "general", "bank", &id), -1, "opening: a second one refused");
	ok(has(err, "already has its opening balance"), "opening: second one says why");

	is_int(ADD(&id, .date = "2026-01-10", .amount = "100", .category = "401", .memo = "一月会费"), 0,
	       "add by code 401");
	is_int(id, 2, "add: id 2");
	is_str(row_of(2), "2026-01-10|general|bank|in|401|~|10000|~|~|0",
	       "add 401: income, default fund general and account bank");
	is_str(q_text("SELECT memo FROM ledger_entries WHERE id = 2"), "一月会费", "add: memo stored");
	is_int(ADD(&id, .date = "2026-01-11", .amount = "50.5", .category = "会费收入"), 0,
	       "add by Chinese name 会费收入");
	is_str(row_of(id), "2026-01-11|general|bank|in|401|~|5050|~|~|0", "会费收入 is 401, 50.5 is 5050 fen");
	is_int(ADD(&id, .date = "2026-01-11", .amount = "25", .category = "dues"), 0, "add by slug dues");
	is_str(q_text("SELECT category FROM ledger_entries WHERE id = %lld", (long long)id), "401", "slug dues is 401");
	is_int(ADD(&id, .date = "2026-01-12", .amount = "30", .category = "rights/送温暖"), 0,
	       "add rights/送温暖");
	is_str(row_of(id), "2026-01-12|general|bank|out|502|送温暖|3000|~|~|0",
	       "rights/送温暖: expense 502, subcategory stored");
	is_int(ADD(&id, .date = "2026-01-12", .amount = "20", .category = "维权支出/困难职工帮扶"), 0,
	       "add 维权支出/困难职工帮扶");
	is_str(row_of(id), "2026-01-12|general|bank|out|502|困难职工帮扶|2000|~|~|0",
	       "维权支出/困难职工帮扶: 502 with its subcategory");
	is_int(ADD(&id, .date = "2026-01-13", .amount = "10", .category = "50102"), 0, "add by detail code 50102");
	is_str(row_of(id), "2026-01-13|general|bank|out|50102|~|1000|~|~|0", "50102: expense, its own code");
	is_int(ADD(&id, .date = "2026-01-13", .amount = "5", .category = "408", .fund = "general", .account = "cash"),
	       0, "add to general:cash");
	is_str(row_of(id), "2026-01-13|general|cash|in|408|~|500|~|~|0", "fund and account as given");

	n = n_entries();
	is_int(ADD(&id, .date = "2026-01-14", .amount = "1", .category = "nosuch"), -1, "unknown category refused");
	ok(has(err, "unknown category") && has(err, "nosuch"), "unknown category: message names it");
	is_int(ADD(&id, .date = "2026-01-14", .amount = "1", .category = "nosuch/送温暖"), -1,
	       "unknown category with a subcategory refused");
	is_int(ADD(&id, .date = "2026-01-14", .amount = "1", .category = ""), -1, "no category refused");
	is_int(ADD(&id, .date = "2026-01-14", .amount = "1", .category = "opening"), -1,
	       "system category opening refused by add");
	is_int(ADD(&id, .date = "2026-01-14", .amount = "1.234", .category = "401"), -1, "amount 1.234 refused");
	ok(has(err, "1.234"), "amount 1.234: message shows it");
	is_int(ADD(&id, .date = "2026-01-14", .amount = "-5", .category = "401"), -1, "amount -5 refused");
	ok(err[0] != '\0', "amount -5: a message");
	is_int(ADD(&id, .date = "2026-01-14", .amount = "0", .category = "401"), -1, "amount 0 refused");
	ok(has(err, "positive"), "amount 0: must be positive");
	is_int(ADD(&id, .date = "2026-01-14", .amount = "0.00", .category = "401"), -1, "amount 0.00 refused");
	is_int(ADD(&id, .date = "2026-01-14", .amount = "", .category = "401"), -1, "empty amount refused");
	is_int(ADD(&id, .date = "2026-01-14", .amount = "12块", .category = "401"), -1, "amount 12块 refused");
	is_int(ADD(&id, .date = "2026-01-14", .amount = "1.2.3", .category = "401"), -1, "amount 1.2.3 refused");
	is_int(ADD(&id, .date = "2026-02-30", .amount = "1", .category = "401"), -1, "date 2026-02-30 refused");
	is_int(ADD(&id, .date = "2026-01-14", .amount = "1", .category = "401", .fund = "nofund"), -1,
	       "unknown fund refused");
	ok(has(err, "nofund"), "unknown fund: named");
	is_int(ADD(&id, .date = "2026-01-14", .amount = "1", .category = "401", .account = "safe"), -1,
	       "unknown account refused");
	is_int(ADD(&id, .date = "2026-01-14", .amount = "1", .category = "401", .memo = "a\001b"), -1,
	       "memo with a control character refused");
	is_int(ADD(&id, .date = "2026-01-14", .amount = "1", .category = "rights/a\001b"), -1,
	       "subcategory with a control character refused");
	is_int(ADD(&id, .date = "2026-01-14", .amount = "1", .category = "401", .member = "NOBODY"), -1,
	       "unknown member refused");
	ok(has(err, "NOBODY"), "unknown member: named");
	is_int(n_entries(), n, "nothing written by the refusals");
	is_int(commit(), 0, "add: commit");
	is_int(q_int("SELECT count(*) FROM ledger_entries"), 8, "add: 8 entries stored");
}

/* A fund never goes below zero, at any day's end (an expense is checked
 * against every later day's end too). */
static void test_overdraft(void)
{
	int64_t id;
	long long n;

	/* Money put into a fund:account in the same session as the expense
	 * counts once. */
	is_int(begin(), 0, "overdraft in one session: session opens");
	cap_start();
	is_int(uk_ledger_fund_add(db, "od-test", "透支测试"), 0, "fund od-test added");
	cap_end();
	is_int(opening("2026-01-01", "100", "od-test", "bank", &id), 0, "opening od-test:bank 100");
	n = n_entries();
	is_int(ADD(&id, .date = "2026-01-20", .amount = "150", .category = "508", .fund = "od-test"), -1,
	       "same session: expense 150 after an opening of 100 refused");
	ok(has(err, "overdraft"), "same session, after an opening: overdraft message");
	is_int(ADD(&id, .date = "2026-01-05", .amount = "100", .category = "408", .fund = "od-test",
	           .account = "cash"), 0, "income 100 into od-test:cash");
	is_int(ADD(&id, .date = "2026-01-20", .amount = "150", .category = "508", .fund = "od-test",
	           .account = "cash"), -1, "same session: expense 150 after an income of 100 refused");
	is_int(n_entries(), n + 1, "same session: only the income written");
	is_int(bal("od-test", "bank"), 10000, "od-test:bank stays at 100.00");
	is_int(bal("od-test", "cash"), 10000, "od-test:cash stays at 100.00");
	is_int(commit(), 0, "overdraft in one session: commit");

	is_int(begin(), 0, "overdraft: session opens");
	is_int(opening("2026-01-01", "100", "mutual-aid", "bank", &id), 0, "opening mutual-aid:bank 100");
	is_int(commit(), 0, "overdraft: opening committed");
	is_int(begin(), 0, "overdraft: second session opens");
	n = n_entries();
	is_int(ADD(&id, .date = "2026-01-20", .amount = "150", .category = "508", .fund = "mutual-aid"), -1,
	       "expense 150 from a balance of 100 refused");
	ok(has(err, "overdraft"), "overdraft: message says overdraft");
	is_int(n_entries(), n, "overdraft: nothing written");
	is_int(ADD(&id, .date = "2026-01-20", .amount = "150", .category = "508", .fund = "mutual-aid",
	           .allow_overdraft = 1), 0, "the same with allow_overdraft accepted");
	is_int(q_int("SELECT overdraft FROM ledger_entries ORDER BY id DESC LIMIT 1"), 1, "overdraft column 1");
	is_int(bal("mutual-aid", "bank"), -5000, "mutual-aid:bank at -50.00");
	is_int(ADD(&id, .date = "2026-01-21", .amount = "10", .category = "508", .allow_overdraft = 1), 0,
	       "allow_overdraft on an expense that does not need it");
	is_int(q_int("SELECT overdraft FROM ledger_entries ORDER BY id DESC LIMIT 1"), 0,
	       "overdraft column 0 when the balance covers it");
	is_int(ADD(&id, .date = "2026-01-21", .amount = "10", .category = "408", .fund = "mutual-aid"), 0,
	       "income into an overdrawn fund accepted");
	is_int(ADD(&id, .date = "2026-01-22", .amount = "0.01", .category = "508", .fund = "mutual-aid"), -1,
	       "an overdrawn fund refuses any expense");
	is_int(commit(), 0, "overdraft: commit");

	/* Back-dated expenses, mutual-aid:cash, no opening. */
	is_int(begin(), 0, "back-dated: session opens");
	is_int(ADD(&id, .date = "2026-03-10", .amount = "100", .category = "408", .fund = "mutual-aid",
	           .account = "cash"), 0, "income 100 on 2026-03-10");
	is_int(commit(), 0, "back-dated: income committed");
	is_int(begin(), 0, "back-dated: second session opens");
	n = n_entries();
	is_int(ADD(&id, .date = "2026-02-15", .amount = "50", .category = "508", .fund = "mutual-aid",
	           .account = "cash"), -1, "expense back-dated to February refused");
	ok(has(err, "overdraft"), "back-dated: overdraft message");
	is_int(ADD(&id, .date = "2026-03-01", .amount = "30", .category = "508", .fund = "mutual-aid",
	           .account = "cash"), -1, "expense on 2026-03-01, before the income's day, refused");
	is_int(n_entries(), n, "back-dated: nothing written");
	is_int(ADD(&id, .date = "2026-03-10", .amount = "30", .category = "508", .fund = "mutual-aid",
	           .account = "cash"), 0, "expense on the income's day accepted");
	is_int(ADD(&id, .date = "2026-04-05", .amount = "70", .category = "508", .fund = "mutual-aid",
	           .account = "cash"), 0, "April expense to zero accepted");
	is_int(ADD(&id, .date = "2026-03-20", .amount = "10", .category = "508", .fund = "mutual-aid",
	           .account = "cash"), -1, "March expense refused: April would end below zero");
	is_int(bal("mutual-aid", "cash"), 0, "mutual-aid:cash at 0.00");
	is_int(q_int("SELECT count(*) FROM ledger_entries WHERE overdraft = 1"), 1, "one overdraft entry so far");
	is_int(commit(), 0, "back-dated: commit");

	/* The rule from the stored entries, in a new session. */
	is_int(begin(), 0, "stored: session opens");
	n = n_entries();
	is_int(ADD(&id, .date = "2026-02-15", .amount = "50", .category = "508", .fund = "mutual-aid",
	           .account = "cash"), -1, "back-dated expense still refused in a new session");
	is_int(ADD(&id, .date = "2026-05-01", .amount = "0.01", .category = "508", .fund = "mutual-aid",
	           .account = "cash"), -1, "an empty fund:account refuses 0.01");
	is_int(ADD(&id, .date = "2026-01-25", .amount = "100", .category = "508", .fund = "hardship"), -1,
	       "a fund with no entries refuses an expense");
	is_int(n_entries(), n, "stored: nothing written");
	is_int(commit(), 0, "stored: commit");
}

/* Opening balances: once per fund:account, not after its first entry. */
static void test_opening(void)
{
	int64_t id;

	is_int(begin(), 0, "opening: session opens");
	is_int(opening("2026-02-01", "5", "general", "cash", &id), -1,
	       "opening general:cash after its first entry (2026-01-13) refused");
	ok(has(err, "first entry"), "opening after: message");
	is_int(opening("2025-12-31", "5", "general", "cash", &id), 0, "opening general:cash before its first entry");
	is_int(opening("2025-12-30", "5", "general", "cash", &id), -1, "opening general:cash twice refused");
	is_int(opening("2026-01-01", "500", "hardship", "bank", &id), 0, "opening hardship:bank (own fund)");
	is_int(opening("2026-01-01", "5", "nofund", "bank", &id), -1, "opening of an unknown fund refused");
	is_int(opening("2026-01-01", "0", "hardship", "cash", &id), -1, "opening of 0 refused");
	is_int(commit(), 0, "opening: commit");
	is_int(q_int("SELECT count(*) FROM ledger_entries WHERE category = 'opening' AND fund <> 'od-test'"), 4,
	       "four openings stored (besides od-test)");
}

static long long t_out;

static void test_transfer(void)
{
	int64_t id;
	long long gb = bal("general", "bank"), hb = bal("hardship", "bank"), n;

	is_int(begin(), 0, "transfer: session opens");
	n = n_entries();
	is_int(transfer("2026-01-15", "200", "general", "hardship:bank", "T-1", 0, &id), 0, "transfer 200 general -> hardship");
	t_out = id;
	is_int(n_entries(), n + 2, "transfer: two entries");
	is_str(row_of(id), "2026-01-15|general|bank|out|transfer-out|~|20000|~|~|0", "transfer: the outgoing half");
	is_str(row_of(id + 1), q_text("SELECT '2026-01-15|hardship|bank|in|transfer-in|~|20000|~|' || %lld || '|0'",
	                              (long long)id), "transfer: the incoming half names the outgoing one");
	is_str(q_text("SELECT voucher FROM ledger_entries WHERE id = %lld", (long long)id), "T-1",
	       "transfer: voucher on the outgoing half");
	is_int(bal("general", "bank"), gb - 20000, "transfer: general:bank down 200");
	is_int(bal("hardship", "bank"), hb + 20000, "transfer: hardship:bank up 200");
	is_int(transfer("2026-01-16", "1", "general:cash", "general", NULL, 0, &id), 0, "transfer cash -> bank in one fund");
	is_str(row_of(id + 1), q_text("SELECT '2026-01-16|general|bank|in|transfer-in|~|100|~|' || %lld || '|0'",
	                              (long long)id), "transfer: account to account");
	n = n_entries();
	is_int(transfer("2026-01-16", "1", "general", "general:bank", NULL, 0, &id), -1, "transfer to itself refused");
	is_int(transfer("2026-01-16", "1", "mutual-aid:cash", "general", NULL, 0, &id), -1,
	       "transfer out of an empty fund:account refused");
	ok(has(err, "overdraft"), "transfer: overdraft message");
	is_int(transfer("2026-01-16", "1", "nofund", "general", NULL, 0, &id), -1, "transfer from an unknown fund refused");
	is_int(transfer("2026-01-16", "1.001", "general", "hardship", NULL, 0, &id), -1, "transfer of 1.001 refused");
	is_int(n_entries(), n, "transfer: nothing written by the refusals");
	is_int(commit(), 0, "transfer: commit");
}

static void test_void(void)
{
	int64_t id, nid, vid;
	long long orig = q_int("SELECT id FROM ledger_entries WHERE subcategory = '送温暖'");
	long long gb, hb, n;

	is_int(begin(), 0, "void: session opens");
	gb = bal("general", "bank");
	is_int(void_entry(orig, "录入错误", NULL, &nid), 0, "void of the 送温暖 expense");
	vid = nid;
	is_str(row_of(nid), q_text("SELECT '2026-01-12|general|bank|in|502|送温暖|3000|' || %lld || '|~|0'", orig),
	       "void: direction flipped, same category and amount, void_of set");
	ok(has(q_text("SELECT memo FROM ledger_entries WHERE id = %lld", (long long)nid), "录入错误"),
	   "void: the reason is in the memo");
	is_str(uk_ledger_void_reason(q_text("SELECT memo FROM ledger_entries WHERE id = %lld", (long long)nid),
	                             orig), "录入错误", "void: the reason read back from its memo");
	is_str(uk_ledger_void_reason("void of 12: 录入错误", 1), "void of 12: 录入错误",
	       "void reason: a memo naming another entry is kept whole");
	is_str(uk_ledger_void_reason("退款", 12), "退款", "void reason: any other memo is kept whole");
	ok(uk_ledger_void_reason(NULL, 12) == NULL, "void reason: no memo, none");
	is_int(bal("general", "bank"), gb + 3000, "void: the expense is given back");
	n = n_entries();
	is_int(void_entry(nid, "again", NULL, &id), -1, "void of a void refused");
	ok(has(err, "itself a void"), "void of a void: message");
	is_int(void_entry(orig, "twice", NULL, &id), -1, "second void refused");
	ok(has(err, "already voided"), "second void: message");
	is_int(void_entry(99999, "none", NULL, &id), -1, "void of no entry refused");
	is_int(void_entry(2, "", NULL, &id), -1, "void without a reason refused");
	is_int(void_entry(2, "early", "2026-01-01", &id), -1, "void dated before its entry refused");
	is_int(void_entry(q_int("SELECT id FROM ledger_entries WHERE fund = 'mutual-aid' AND account = 'cash'"
	                        " AND direction = 'in'"), "wrong", NULL, &id), -1,
	       "void of an income already spent refused (overdraft)");
	ok(has(err, "overdraft"), "void of a spent income: overdraft message");
	is_int(n_entries(), n, "void of a spent income: nothing written");
	is_int(void_allow(q_int("SELECT id FROM ledger_entries WHERE fund = 'mutual-aid' AND account = 'cash'"
	                        " AND direction = 'in'"), "wrong", NULL, 1, &id), 0,
	       "the same void with allow_overdraft accepted");
	is_str(row_of(id), q_text("SELECT '2026-03-10|mutual-aid|cash|out|408|~|10000|' || id || '|~|1'"
	                          " FROM ledger_entries WHERE fund = 'mutual-aid' AND account = 'cash'"
	                          " AND direction = 'in'"), "void with allow_overdraft: overdraft column 1");
	is_int(n_entries(), n + 1, "void with allow_overdraft: one entry written");
	n = n_entries();

	/* A transfer is voided whole. */
	gb = bal("general", "bank");
	hb = bal("hardship", "bank");
	is_int(void_entry(t_out + 1, "划错", "2026-01-16", &nid), 0, "void of a transfer's incoming half");
	is_int(n_entries(), n + 2, "void of a transfer: two reversing entries");
	is_int(q_int("SELECT count(*) FROM ledger_entries WHERE void_of IN (SELECT id FROM ledger_entries"
	             " WHERE category LIKE 'transfer-%%' AND void_of IS NULL AND date = '2026-01-15')"), 2,
	       "void of a transfer: both halves reversed");
	is_int(bal("general", "bank"), gb + 20000, "void of a transfer: general:bank back up");
	is_int(bal("hardship", "bank"), hb - 20000, "void of a transfer: hardship:bank back down");
	is_int(void_entry(t_out, "again", NULL, &id), -1, "the other half cannot be voided again");
	is_int(commit(), 0, "void: commit");
	(void)vid;
}

static void test_voucher(void)
{
	int64_t id;
	long long n;

	is_int(begin(), 0, "voucher: session opens");
	is_int(ADD(&id, .date = "2026-02-01", .amount = "1", .category = "401", .voucher = "V-001"), 0, "voucher V-001 in 2026");
	is_str(q_text("SELECT voucher FROM ledger_entries WHERE id = %lld", (long long)id), "V-001", "voucher stored");
	n = n_entries();
	is_int(ADD(&id, .date = "2026-06-01", .amount = "1", .category = "401", .voucher = "V-001"), -1,
	       "V-001 again in 2026 refused");
	ok(has(err, "V-001"), "duplicate voucher: named");
	is_int(ADD(&id, .date = "2026-07-01", .amount = "1", .category = "401", .voucher = " V-001 "), -1,
	       "' V-001 ' (spaces) again in 2026 refused");
	is_int(transfer("2026-03-01", "1", "general", "hardship", "V-001", 0, &id), -1,
	       "a transfer with V-001 in 2026 refused");
	is_int(n_entries(), n, "duplicate voucher: nothing written");
	uk_ledger_allow_future(lg, 1);  /* the next year, whatever the day of the run */
	is_int(ADD(&id, .date = "2027-01-03", .amount = "1", .category = "401", .voucher = "V-001"), 0,
	       "V-001 in 2027 accepted");
	uk_ledger_allow_future(lg, 0);
	is_int(ADD(&id, .date = "2026-06-01", .amount = "1", .category = "401", .voucher = "V-002"), 0,
	       "another voucher in 2026 accepted");
	is_int(commit(), 0, "voucher: commit");
}

/* 先建档、后帮扶. */
static void test_hardship(void)
{
	struct uk_member_change ch;
	int64_t id;
	long long n;
	int changed = 0, rc;

	is_int(begin(), 0, "hardship: session opens");
	n = n_entries();
	is_int(ADD(&id, .date = "2026-02-20", .amount = "50", .category = "50204", .fund = "hardship",
	           .member = zhang_no), -1, "aid from hardship to a member with no hardship level refused");
	ok(has(err, "hardship"), "aid refused: message");
	is_int(ADD(&id, .date = "2026-02-20", .amount = "50", .category = "rights", .fund = "hardship",
	           .member = li_no), -1, "aid of class 502 from hardship to a member with none refused");
	is_int(n_entries(), n, "aid refused: nothing written");
	is_int(ADD(&id, .date = "2026-02-20", .amount = "50", .category = "50204", .fund = "hardship",
	           .member = zhang_no, .force_reason = "火灾急难"), 0, "the same with force_reason accepted");
	is_str(q_text("SELECT force_reason FROM ledger_entries WHERE id = %lld", (long long)id), "火灾急难",
	       "force_reason kept in the entry");
	is_int(q_int("SELECT member_id FROM ledger_entries ORDER BY id DESC LIMIT 1"), zhang_id, "aid: member stored");
	is_int(ADD(&id, .date = "2026-02-20", .amount = "50", .category = "50204", .fund = "general",
	           .member = zhang_no), 0, "the same class from general to the member accepted");
	n = n_entries();
	is_int(ADD(&id, .date = "2026-02-20", .amount = "10", .category = "50204", .fund = "hardship"), -1,
	       "aid from hardship naming no member refused");
	ok(has(err, "member"), "aid without a member: message");
	is_int(n_entries(), n, "aid without a member: nothing written");
	is_int(ADD(&id, .date = "2026-02-20", .amount = "10", .category = "50204", .fund = "hardship",
	           .force_reason = "集体慰问"), 0, "aid from hardship naming no member, with force_reason");
	is_int(ADD(&id, .date = "2026-02-20", .amount = "10", .category = "50102", .fund = "hardship"), 0,
	       "another class (501) from hardship needs no hardship file");
	is_int(commit(), 0, "hardship: commit");

	memset(&ch, 0, sizeof ch);
	ch.hardship = "relative";
	ch.date = "2026-03-01";
	is_int(uk_db_begin(db), 0, "member change: transaction");
	err[0] = '\0';
	rc = uk_member_change_apply(db, zhang_id, &ch, today, err, sizeof err, &changed);
	is_int(rc, 0, "member set to relative from 2026-03-01");
	if (rc)
		printf("#   %s\n", err);
	is_int(changed, 1, "member change: one change");
	is_int(uk_db_commit(db), 0, "member change: commit");

	is_int(begin(), 0, "hardship after the file: session opens");
	is_int(ADD(&id, .date = "2026-03-05", .amount = "50", .category = "50204", .fund = "hardship",
	           .member = zhang_no), 0, "aid on 2026-03-05 to a relative-hardship member accepted");
	is_int(q_int("SELECT force_reason IS NULL FROM ledger_entries ORDER BY id DESC LIMIT 1"), 1,
	       "aid on record: no force_reason");
	n = n_entries();
	is_int(ADD(&id, .date = "2026-02-20", .amount = "50", .category = "50204", .fund = "hardship",
	           .member = zhang_no), -1, "aid on 2026-02-20, before the file, refused");
	is_int(ADD(&id, .date = "2026-02-28", .amount = "50", .category = "50204", .fund = "hardship",
	           .member = zhang_no), -1, "aid on 2026-02-28, the day before, refused");
	is_int(n_entries(), n, "aid before the file: nothing written");
	is_int(ADD(&id, .date = "2026-03-01", .amount = "50", .category = "50204", .fund = "hardship",
	           .member = zhang_no), 0, "aid on 2026-03-01, the day of the file, accepted");
	is_int(commit(), 0, "hardship after the file: commit");

	/* The file closed on 2026-05-01: aid before is fine, after is not. */
	memset(&ch, 0, sizeof ch);
	ch.hardship = "none";
	ch.date = "2026-05-01";
	changed = 0;
	is_int(uk_db_begin(db), 0, "member change back: transaction");
	is_int(uk_member_change_apply(db, zhang_id, &ch, today, err, sizeof err, &changed), 0,
	       "member back to none from 2026-05-01");
	is_int(uk_db_commit(db), 0, "member change back: commit");
	is_int(begin(), 0, "hardship closed: session opens");
	is_int(ADD(&id, .date = "2026-05-10", .amount = "50", .category = "50204", .fund = "hardship",
	           .member = zhang_no), -1, "aid on 2026-05-10, after the file closed, refused");
	is_int(ADD(&id, .date = "2026-04-15", .amount = "50", .category = "50204", .fund = "hardship",
	           .member = zhang_no), 0, "aid on 2026-04-15, while on file, accepted");
	is_int(commit(), 0, "hardship closed: commit");
}

static void test_dues(void)
{
	struct uk_dues *d = NULL;
	struct uk_dues_stats st;
	struct mem m;
	int ncols, rc;
	const struct uk_outcol *cols = uk_dues_cols(&ncols);
	const char *roll, *msg;
	char want[800];
	long long id, n;
	int64_t vid;

	is_int(begin(), 0, "dues: session opens");
	if (mem_open(&m, cols, ncols) != 0) {
		ok(0, "dues: memstream");
		return;
	}
	is_int(uk_dues_begin(lg, "2026-11", NULL, m.w, 0, &d), 0, "dues 2026-11: begin");
	if (!d) {
		mem_text(&m);
		commit();
		return;
	}
	is_str(uk_dues_month_start(d), "2026-11-01", "dues: the month starts 2026-11-01");
	err[0] = '\0';
	is_int(uk_dues_member(d, zhang_no, "张三", "教务处", "5234.50", err, sizeof err), 0, "dues: 张三 5234.50");
	is_int(uk_dues_member(d, li_no, "李四", "教务处", NULL, err, sizeof err), 0, "dues: 李四 without a wage");
	is_int(uk_dues_member(d, "M-X", "王五", "教务处", "abc", err, sizeof err), -1, "dues: bad wage refused");
	ok(has(err, "abc"), "dues: bad wage named");
	uk_dues_skip(d, "M-R", "赵六", "教务处", "retired");
	is_int(uk_dues_member(d, zhang_no, "张三", "教务处", "5234.50", err, sizeof err), 0,
	       "dues: 张三 twice in one run");
	memset(&st, 0x55, sizeof st);
	uk_dues_end(d, &st);
	is_int(st.posted, 1, "dues: posted 1");
	is_int(st.missing, 1, "dues: missing 1");
	is_int(st.total, 2615, "dues: total 26.15");
	is_int(st.not_active, 1, "dues: not active 1");
	is_int(st.already, 1, "dues: the second 张三 is already posted");
	roll = mem_text(&m);
	id = q_int("SELECT id FROM ledger_entries WHERE dues_month = '2026-11'");
	snprintf(want, sizeof want, "member_no,name,unit,wage_base,dues,entry_id,note\n"
	         "%s,张三,教务处,5234.50,26.15,%lld,\n"
	         "%s,李四,教务处,,,,no wage base: not charged\n"
	         "M-R,赵六,教务处,,,,retired\n"
	         "%s,张三,教务处,,,,already posted for the month\n", zhang_no, id, li_no, zhang_no);
	is_str(roll, want, "dues: the roll");
	is_int(q_int("SELECT count(*) FROM ledger_entries WHERE dues_month = '2026-11'"), 1, "dues: one entry");
	is_str(row_of(id), "2026-11-30|general|bank|in|401|~|2615|~|~|0",
	       "dues: 26.15 as 401 into general:bank, dated the month's last day");
	is_int(q_int("SELECT member_id FROM ledger_entries WHERE dues_month = '2026-11'"), zhang_id,
	       "dues: the member on the entry");
	is_int(commit(), 0, "dues: commit");

	/* A second run for the month posts nothing. */
	is_int(begin(), 0, "dues again: session opens");
	n = n_entries();
	d = NULL;
	is_int(uk_dues_begin(lg, "2026-11", NULL, NULL, 0, &d), 0, "dues 2026-11 again: begin");
	err[0] = '\0';
	if (d)
		is_int(uk_dues_member(d, zhang_no, "张三", "教务处", "5234.50", err, sizeof err), 0,
		       "dues again: 张三");
	uk_dues_end(d, &st);
	ok(st.already > 0, "dues 2026-11 again: already > 0 (%ld)", st.already);
	is_int(st.posted, 0, "dues again: posted 0");
	is_int(st.total, 0, "dues again: total 0");
	is_int(n_entries(), n, "dues again: nothing written");

	/* Voided dues are due again. */
	is_int(void_entry(id, "工资基数有误", NULL, &vid), 0, "dues entry voided");
	d = NULL;
	is_int(uk_dues_begin(lg, "2026-11", NULL, NULL, 0, &d), 0, "dues after the void: begin");
	if (d)
		is_int(uk_dues_member(d, zhang_no, "张三", "教务处", "5300", err, sizeof err), 0,
		       "dues after the void: 张三 at 5300");
	uk_dues_end(d, &st);
	is_int(st.posted, 1, "dues after the void: posted again");
	is_int(st.total, 2650, "dues after the void: 26.50");
	is_int(st.already, 0, "dues after the void: not counted as already posted");

	d = NULL;
	if (mem_open(&m, cols, ncols) != 0)
		return;
	uk_ledger_allow_future(lg, 1);  /* dated 2026-12-31, whatever the day of the run */
	is_int(uk_dues_begin(lg, "2026-12", "cash", m.w, 0, &d), 0, "dues 2026-12: begin");
	if (d)
		is_int(uk_dues_member(d, li_no, "李四", "教务处", "9.99", err, sizeof err), 0, "dues: wage 9.99");
	uk_dues_end(d, &st);
	is_int(st.posted, 0, "dues 9.99: nothing posted");
	is_int(st.missing, 0, "dues 9.99: not missing");
	snprintf(want, sizeof want, "member_no,name,unit,wage_base,dues,entry_id,note\n"
	         "%s,李四,教务处,9.99,0.00,,wage base under 10 yuan: nothing due\n", li_no);
	is_str(mem_text(&m), want, "dues 9.99: roll line");

	d = NULL;
	cap_start();
	rc = uk_dues_begin(lg, "2026-13", NULL, NULL, 0, &d);
	msg = cap_end();
	is_int(rc, 65, "dues: month 2026-13 refused (bad data)");
	ok(has(msg, "2026-13"), "dues: bad month named");
	ok(d == NULL, "dues: nothing begun for a bad month");
	uk_dues_end(d, &st);
	is_int(st.posted, 0, "dues: end of nothing counts nothing");
	is_int(commit(), 0, "dues again: commit");
	is_int(q_int("SELECT count(*) FROM ledger_entries WHERE dues_month = '2026-11'"), 2,
	       "dues: two entries for 2026-11 (one voided)");
}

static void test_verify(const char *path)
{
	long entries = -1;
	const char *msg;
	sqlite3 *h = NULL;
	long long n = n_entries();
	int rc;

	rc = verify(&entries, &msg);
	is_int(rc, 0, "verify: clean ledger");
	is_int(entries, n, "verify: counts every entry (%lld)", n);
	is_str(msg, "", "verify: silent when clean");

	if (sqlite3_open(path, &h) != SQLITE_OK) {
		ok(0, "a second connection opens");
		sqlite3_close(h);
		return;
	}
	sqlite3_busy_timeout(h, 5000);
	behind(h, "CREATE TEMP TABLE keep AS SELECT * FROM ledger_entries");

	is_int(behind(h, "UPDATE ledger_entries SET memo = 'x' WHERE id = 2"), SQLITE_OK, "memo of entry 2 changed");
	rc = verify(&entries, &msg);
	is_int(rc, 65, "verify: a changed memo found");
	ok(has(msg, "entry 2"), "verify: names entry 2");
	behind(h, "UPDATE ledger_entries SET memo = (SELECT memo FROM keep WHERE id = 2) WHERE id = 2");
	is_int(verify(&entries, &msg), 0, "verify: clean again once the memo is back");

	is_int(behind(h, "UPDATE ledger_entries SET amount = amount + 1 WHERE id = 3"), SQLITE_OK,
	       "amount of entry 3 changed");
	is_int(verify(&entries, &msg), 65, "verify: a changed amount found");
	ok(has(msg, "entry 3"), "verify: names entry 3");
	behind(h, "UPDATE ledger_entries SET amount = amount - 1 WHERE id = 3");

	is_int(behind(h, "UPDATE ledger_entries SET overdraft = 0 WHERE overdraft = 1"), SQLITE_OK,
	       "overdraft flags cleared");
	is_int(verify(&entries, &msg), 65, "verify: a cleared overdraft flag found");
	behind(h, "UPDATE ledger_entries SET overdraft = 1 WHERE id IN (SELECT id FROM keep WHERE overdraft = 1)");
	is_int(behind(h, "UPDATE ledger_entries SET force_reason = NULL WHERE force_reason IS NOT NULL"), SQLITE_OK,
	       "force reasons removed");
	is_int(verify(&entries, &msg), 65, "verify: a removed force_reason found");
	behind(h, "UPDATE ledger_entries SET force_reason = (SELECT force_reason FROM keep k"
	          " WHERE k.id = ledger_entries.id)");
	is_int(verify(&entries, &msg), 0, "verify: clean again once flags and reasons are back");

	is_int(behind(h, "DELETE FROM ledger_entries WHERE id = 3"), SQLITE_OK, "entry 3 deleted");
	is_int(verify(&entries, &msg), 65, "verify: a deleted middle entry found");
	ok(has(msg, "entry 4"), "verify: names the entry after the gap");
	behind(h, "INSERT INTO ledger_entries SELECT * FROM keep WHERE id = 3");
	is_int(verify(&entries, &msg), 0, "verify: clean again once entry 3 is back");

	is_int(behind(h, "DELETE FROM ledger_entries WHERE id = (SELECT max(id) FROM ledger_entries)"), SQLITE_OK,
	       "the last entry deleted");
	is_int(verify(&entries, &msg), 65, "verify: a deleted last entry found (by the totals)");
	ok(has(msg, "do not match"), "verify: the totals named");
	behind(h, "INSERT INTO ledger_entries SELECT * FROM keep WHERE id = (SELECT max(id) FROM keep)");
	is_int(verify(&entries, &msg), 0, "verify: clean again once the last entry is back");

	is_int(behind(h, "UPDATE ledger_totals SET amount_in = amount_in + 1 WHERE fund = 'general'"
	              " AND account = 'bank' AND category = '401' AND month = '2026-01'"), SQLITE_OK,
	       "a ledger_totals amount changed");
	is_int(sqlite3_changes(h), 1, "one totals row changed");
	is_int(verify(&entries, &msg), 65, "verify: a changed total found");
	ok(has(msg, "general:bank") && has(msg, "2026-01"), "verify: names the fund, account and month");
	behind(h, "UPDATE ledger_totals SET amount_in = amount_in - 1 WHERE fund = 'general'"
	          " AND account = 'bank' AND category = '401' AND month = '2026-01'");

	is_int(behind(h, "DELETE FROM ledger_totals WHERE fund = 'mutual-aid' AND account = 'cash' AND month = '2026-04'"),
	       SQLITE_OK, "a ledger_totals row deleted");
	is_int(verify(&entries, &msg), 65, "verify: a missing total found");
	is_int(behind(h, "INSERT INTO ledger_totals VALUES ('mutual-aid', 'cash', '508', '2026-04', 0, 7000)"),
	       SQLITE_OK, "the totals row put back");
	is_int(verify(&entries, &msg), 0, "verify: clean at the end");
	is_int(entries, n, "verify: the same count at the end");
	sqlite3_close(h);
}

/* A small set of books, its reports checked to the byte. */
static void test_reports(void)
{
	struct uk_ledger_filter f;
	struct mem m;
	int64_t id;
	int rc = -1;
	long entries;
	const char *text, *msg;
	char want[2000];

	is_int(begin(), 0, "reports: session opens");
	is_int(opening("2026-01-01", "1000", "general", "bank", &id), 0, "reports: opening");
	is_int(ADD(&id, .date = "2026-01-10", .amount = "26.15", .category = "401", .memo = "会费"), 0, "reports: dues");
	is_int(ADD(&id, .date = "2026-02-03", .amount = "100", .category = "activities", .voucher = "V-1",
	           .memo = "春游"), 0, "reports: activities");
	is_int(transfer("2026-02-10", "200", "general", "hardship", "T-1", 0, &id), 0, "reports: transfer");
	is_int(commit(), 0, "reports: commit");

	text = balance_text(UK_BY_FUND, NULL, &rc);
	is_int(rc, 0, "balance by fund: exit 0");
	is_str(text, "fund,fund_title,in,out,balance\n"
	       "general,工会经费,1026.15,300.00,726.15\n"
	       "hardship,帮困基金,200.00,0.00,200.00\n"
	       "mutual-aid,职工医疗互助,0.00,0.00,0.00\n"
	       "total,,1226.15,300.00,926.15\n", "balance by fund");
	text = balance_text(UK_BY_ACCOUNT, NULL, &rc);
	is_int(rc, 0, "balance by account: exit 0");
	is_str(text, "fund,account,in,out,balance\n"
	       "general,bank,1026.15,300.00,726.15\n"
	       "hardship,bank,200.00,0.00,200.00\n"
	       "total,,1226.15,300.00,926.15\n", "balance by account");
	text = balance_text(UK_BY_MONTH, NULL, &rc);
	is_int(rc, 0, "balance by month: exit 0");
	is_str(text, "month,in,out,balance\n"
	       "2026-01,1026.15,0.00,1026.15\n"
	       "2026-02,200.00,300.00,926.15\n", "balance by month: running balance");
	text = balance_text(UK_BY_CATEGORY, NULL, &rc);
	is_int(rc, 0, "balance by category: exit 0");
	is_str(text, "category,category_name,kind,in,out\n"
	       "401,会费收入,income,26.15,0.00\n"
	       "501,职工活动支出,expense,0.00,100.00\n"
	       "opening,期初余额,system,1000.00,0.00\n"
	       "transfer-in,转入,system,200.00,0.00\n"
	       "transfer-out,转出,system,0.00,200.00\n", "balance by category");
	text = balance_text(UK_BY_FUND, "2026-01-31", &rc);
	is_int(rc, 0, "balance at 2026-01-31: exit 0");
	is_str(text, "fund,fund_title,in,out,balance\n"
	       "general,工会经费,1026.15,0.00,1026.15\n"
	       "hardship,帮困基金,0.00,0.00,0.00\n"
	       "mutual-aid,职工医疗互助,0.00,0.00,0.00\n"
	       "total,,1026.15,0.00,1026.15\n", "balance by fund at 2026-01-31");
	text = balance_text(UK_BY_FUND, "2026-02-03", &rc);
	is_str(text, "fund,fund_title,in,out,balance\n"
	       "general,工会经费,1026.15,100.00,926.15\n"
	       "hardship,帮困基金,0.00,0.00,0.00\n"
	       "mutual-aid,职工医疗互助,0.00,0.00,0.00\n"
	       "total,,1026.15,100.00,926.15\n", "balance at 2026-02-03 takes that day in");

	memset(&f, 0, sizeof f);
	text = list_text(&f, &rc);
	is_int(rc, 0, "ls: exit 0");
	snprintf(want, sizeof want,
	         "id,date,fund,account,direction,category,category_name,subcategory,amount,member_no,"
	         "activity_id,voucher,memo,void_of,hash\n"
	         "1,2026-01-01,general,bank,in,opening,期初余额,,1000.00,,,,,,%s\n"
	         "2,2026-01-10,general,bank,in,401,会费收入,,26.15,,,,会费,,%s\n"
	         "3,2026-02-03,general,bank,out,501,职工活动支出,,100.00,,,V-1,春游,,%s\n"
	         "4,2026-02-10,general,bank,out,transfer-out,转出,,200.00,,,T-1,划拨,,%s\n"
	         "5,2026-02-10,hardship,bank,in,transfer-in,转入,,200.00,,,,划拨,,%s\n",
	         q_text("SELECT hash FROM ledger_entries WHERE id = 1"), q_text("SELECT hash FROM ledger_entries WHERE id = 2"),
	         q_text("SELECT hash FROM ledger_entries WHERE id = 3"), q_text("SELECT hash FROM ledger_entries WHERE id = 4"),
	         q_text("SELECT hash FROM ledger_entries WHERE id = 5"));
	is_str(text, want, "ls: every entry");
	is_int(strlen(q_text("SELECT hash FROM ledger_entries WHERE id = 5")), 64, "hash is 64 hex digits");

	memset(&f, 0, sizeof f);
	f.fund = "general";
	f.has_period = 1;
	f.period.from = (struct uk_date){2026, 2, 1};
	f.period.to = (struct uk_date){2026, 2, 28};
	text = list_text(&f, &rc);
	snprintf(want, sizeof want,
	         "id,date,fund,account,direction,category,category_name,subcategory,amount,member_no,"
	         "activity_id,voucher,memo,void_of,hash\n"
	         "3,2026-02-03,general,bank,out,501,职工活动支出,,100.00,,,V-1,春游,,%s\n"
	         "4,2026-02-10,general,bank,out,transfer-out,转出,,200.00,,,T-1,划拨,,%s\n",
	         q_text("SELECT hash FROM ledger_entries WHERE id = 3"), q_text("SELECT hash FROM ledger_entries WHERE id = 4"));
	is_str(text, want, "ls: fund general in February");

	memset(&f, 0, sizeof f);
	f.category = "会费收入";
	text = list_text(&f, &rc);
	ok(has(text, "\n2,2026-01-10,") && strstr(text, "\n3,") == NULL && strstr(text, "\n1,") == NULL,
	   "ls: by category name, only the dues");
	memset(&f, 0, sizeof f);
	f.category = "nosuch";
	cap_start();
	text = list_text(&f, &rc);
	msg = cap_end();
	is_int(rc, 65, "ls: unknown category refused");
	ok(has(msg, "nosuch"), "ls: unknown category named");

	if (mem_open(&m, NULL, 0) != 0) {
		ok(0, "journal: memstream");
		return;
	}
	rc = uk_ledger_export_journal(db, m.f);
	text = mem_text(&m);
	is_int(rc, 0, "journal: exit 0");
	ok(has(text, "资产:银行存款:工会经费"), "journal: 资产:银行存款:工会经费");
	ok(has(text, "    资产:银行存款:工会经费  1000.00 CNY\n    权益:期初余额\n"), "journal: the opening");
	ok(has(text, "2026/01/10 会费\n"), "journal: the dues header");
	ok(has(text, "    资产:银行存款:工会经费  26.15 CNY\n    收入:会费收入\n"), "journal: the dues");
	ok(has(text, "2026/02/03 (V-1) 春游\n"), "journal: voucher in the header");
	ok(has(text, "    支出:职工活动支出  100.00 CNY\n    资产:银行存款:工会经费\n"), "journal: the expense");
	ok(has(text, "    资产:银行存款:工会经费  -200.00 CNY\n"), "journal: the transfer out");
	ok(has(text, "    资产:银行存款:帮困基金  200.00 CNY\n"), "journal: the transfer in");
	{
		int tx = 0;
		for (const char *p = text; (p = strstr(p, "2026/")) != NULL; p++)
			tx++;
		is_int(tx, 4, "journal: four transactions (the transfer is one)");
	}

	is_int(verify(&entries, &msg), 0, "reports: verify clean");
	is_int(entries, 5, "reports: verify counts 5");
}

/* A SQL function that fails on the dates after 2027-01-05: a read of the
 * entries made to fail part way. */
static void ok_until_jan5(sqlite3_context *cx, int n, sqlite3_value **v)
{
	const unsigned char *d = sqlite3_value_text(v[0]);
	(void)n;
	if (d && strcmp((const char *)d, "2027-01-05") > 0)
		sqlite3_result_error(cx, "made to fail", -1);
	else
		sqlite3_result_int(cx, 1);
}

/* The overdraft rule reads a fund and account's day-end history once a
 * session; a read that fails part way is an error, and leaves nothing
 * cached that a later check would take for the whole history. */
static void test_history_failure(void)
{
	sqlite3 *h = uk_db_sqlite(db);
	const char *msg;
	int64_t id;
	int rc;

	is_int(begin(), 0, "history: session opens");
	uk_ledger_allow_future(lg, 1);
	is_int(uk_ledger_fund_add(db, "t-history", "历史测试"), 0, "history: a fund of its own");
	is_int(ADD(&id, .date = "2027-01-01", .amount = "100", .category = "402", .fund = "t-history",
	           .account = "cash"), 0, "history: 100 in on 2027-01-01");
	is_int(ADD(&id, .date = "2027-01-02", .amount = "1", .category = "402", .fund = "t-history",
	           .account = "cash"), 0, "history: 1 in on 2027-01-02");
	is_int(ADD(&id, .date = "2027-01-10", .amount = "80", .category = "50101", .fund = "t-history",
	           .account = "cash"), 0, "history: 80 out on 2027-01-10, 21 left");
	is_int(commit(), 0, "history: commit");

	is_int(begin(), 0, "history: a new session");
	uk_ledger_allow_future(lg, 1);
	/* The entries seen through a view whose rows after 2027-01-05 fail. */
	is_int(sqlite3_create_function(h, "ok_until_jan5", 1, SQLITE_UTF8, NULL, ok_until_jan5, NULL, NULL),
	       SQLITE_OK, "history: the failing function");
	is_int(behind(h, "CREATE TEMP VIEW ledger_entries AS SELECT * FROM main.ledger_entries"
	                 " WHERE ok_until_jan5(date)"), SQLITE_OK, "history: the failing view");
	cap_start();
	rc = ADD(&id, .date = "2027-01-20", .amount = "15", .category = "50101", .fund = "t-history",
	         .account = "cash");
	msg = cap_end();
	ok(rc > 1, "history: a failed read is an exit code (%d), not a refusal", rc);
	ok(has(msg, "made to fail"), "history: the failure said");
	is_int(behind(h, "DROP VIEW temp.ledger_entries"), SQLITE_OK, "history: the view gone");
	/* Read again whole: 21 in the account. */
	is_int(ADD(&id, .date = "2027-01-20", .amount = "15", .category = "50101", .fund = "t-history",
	           .account = "cash"), 0, "history: 15 of 21 out, accepted");
	is_int(ADD(&id, .date = "2027-01-21", .amount = "10", .category = "50101", .fund = "t-history",
	           .account = "cash"), -1, "history: 10 of the 6 left refused");
	ok(has(err, "overdraft"), "history: as an overdraft");
	uk_ledger_close(lg);
	lg = NULL;
	uk_db_rollback(db);
}

static void test_books(const char *path)
{
	struct uk_opts opts;

	memset(&opts, 0, sizeof opts);
	opts.db_path = path;
	is_int(uk_store_open(&opts, UK_DB_CREATE, &db), 0, "store opens");
	if (!db)
		return;
	is_int(add_member("张三", "E001", "5234.50"), 0, "member 张三");
	is_int(add_member("李四", "E002", NULL), 0, "member 李四");
	snprintf(zhang_no, sizeof zhang_no, "%s", q_text("SELECT member_no FROM members WHERE employee_no = 'E001'"));
	snprintf(li_no, sizeof li_no, "%s", q_text("SELECT member_no FROM members WHERE employee_no = 'E002'"));
	zhang_id = q_int("SELECT id FROM members WHERE employee_no = 'E001'");
	li_id = q_int("SELECT id FROM members WHERE employee_no = 'E002'");
	is_str(q_text("SELECT hardship FROM members WHERE id = %lld", zhang_id), "none", "张三 has no hardship level");

	test_add();
	test_overdraft();
	test_opening();
	test_transfer();
	test_void();
	test_voucher();
	test_hardship();
	test_dues();
	test_verify(path);
	test_history_failure();
	uk_db_close(db);
	db = NULL;
	(void)li_id;
}

static void test_small(const char *path)
{
	struct uk_opts opts;

	memset(&opts, 0, sizeof opts);
	opts.db_path = path;
	is_int(uk_store_open(&opts, UK_DB_CREATE, &db), 0, "small books: store opens");
	if (!db)
		return;
	test_reports();
	uk_db_close(db);
	db = NULL;
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
	char dir[] = "/tmp/t_ledger.XXXXXX";
	char a[80], b[80];

	uk_cli_init("t_ledger");
	test_dues_of_wage();
	if (!mkdtemp(dir)) {
		printf("# cannot make a temp directory\n");
		return 1;
	}
	snprintf(a, sizeof a, "%s/books.db", dir);
	snprintf(b, sizeof b, "%s/small.db", dir);
	test_books(a);
	test_small(b);
	remove_db(a);
	remove_db(b);
	ok(rmdir(dir) == 0, "temp directory left clean");
	return done_testing();
}
