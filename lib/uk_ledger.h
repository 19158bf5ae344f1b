/* uk_ledger.h - the union's books (fund-ledger): chart of accounts, funds,
 * entries in a hash chain, balances, dues. */
#ifndef UK_LEDGER_H
#define UK_LEDGER_H

#include <stdint.h>
#include "uk_cli.h"
#include "uk_date.h"
#include "uk_db.h"
#include "uk_hash.h"
#include "uk_rec.h"

/* The chart is data (doc/domain.md): seeded here with the 2009 codes of the
 * trade-union accounting rules, replaceable below the top classes with
 * `fund-ledger categories --load`. kind: income, expense, or system
 * (opening balances and transfers, which are neither). 职工服务支出 has no
 * 2009 code: 509 and its details are unionkit's. */
#define UK_LEDGER_SCHEMA_V2 \
	"CREATE TABLE ledger_categories(" \
	" code TEXT PRIMARY KEY, parent TEXT, name TEXT NOT NULL UNIQUE, slug TEXT UNIQUE," \
	" kind TEXT NOT NULL CHECK (kind = 'income' OR kind = 'expense' OR kind = 'system')) WITHOUT ROWID;" \
	"INSERT INTO ledger_categories(code, parent, name, slug, kind) VALUES" \
	" ('401', NULL, '会费收入', 'dues', 'income')," \
	" ('402', NULL, '拨缴经费收入', 'allocation', 'income')," \
	" ('403', NULL, '上级补助收入', 'upper-subsidy', 'income')," \
	" ('40304', '403', '帮扶补助', NULL, 'income')," \
	" ('40305', '403', '送温暖补助', NULL, 'income')," \
	" ('40306', '403', '救灾补助', NULL, 'income')," \
	" ('40307', '403', '其他补助', NULL, 'income')," \
	" ('404', NULL, '政府补助收入', 'government-subsidy', 'income')," \
	" ('405', NULL, '行政补助收入', 'admin-subsidy', 'income')," \
	" ('406', NULL, '事业收入', 'business-income', 'income')," \
	" ('407', NULL, '投资收益', 'investment-income', 'income')," \
	" ('408', NULL, '其他收入', 'other-income', 'income')," \
	" ('501', NULL, '职工活动支出', 'activities', 'expense')," \
	" ('50101', '501', '职工教育费', NULL, 'expense')," \
	" ('50102', '501', '文体活动费', NULL, 'expense')," \
	" ('50103', '501', '宣传活动费', NULL, 'expense')," \
	" ('50104', '501', '其他活动支出', NULL, 'expense')," \
	" ('502', NULL, '维权支出', 'rights', 'expense')," \
	" ('50201', '502', '劳动关系协调费', NULL, 'expense')," \
	" ('50202', '502', '劳动保护费', NULL, 'expense')," \
	" ('50203', '502', '法律援助费', NULL, 'expense')," \
	" ('50204', '502', '困难职工帮扶费', NULL, 'expense')," \
	" ('50205', '502', '送温暖费', NULL, 'expense')," \
	" ('50206', '502', '其他维权支出', NULL, 'expense')," \
	" ('503', NULL, '业务支出', 'operations', 'expense')," \
	" ('50301', '503', '培训费', NULL, 'expense')," \
	" ('50302', '503', '会议费', NULL, 'expense')," \
	" ('50304', '503', '专项业务费', NULL, 'expense')," \
	" ('50305', '503', '其他业务支出', NULL, 'expense')," \
	" ('505', NULL, '资本性支出', 'capital', 'expense')," \
	" ('506', NULL, '对附属单位的支出', 'subsidiary', 'expense')," \
	" ('508', NULL, '其他支出', 'other-expense', 'expense')," \
	" ('509', NULL, '职工服务支出', 'services', 'expense')," \
	" ('50901', '509', '疗休养费', NULL, 'expense')," \
	" ('50902', '509', '体检费', NULL, 'expense')," \
	" ('50903', '509', '服务阵地费', NULL, 'expense')," \
	" ('opening', NULL, '期初余额', 'opening', 'system')," \
	" ('transfer-in', NULL, '转入', 'transfer-in', 'system')," \
	" ('transfer-out', NULL, '转出', 'transfer-out', 'system');" \
	"CREATE TABLE ledger_funds(name TEXT PRIMARY KEY, title TEXT NOT NULL) WITHOUT ROWID;" \
	"INSERT INTO ledger_funds VALUES ('general', '工会经费'), ('hardship', '帮困基金')," \
	" ('mutual-aid', '职工医疗互助');" \
	"CREATE TABLE ledger_accounts(name TEXT PRIMARY KEY, code TEXT NOT NULL, title TEXT NOT NULL) WITHOUT ROWID;" \
	"INSERT INTO ledger_accounts VALUES ('cash', '101', '库存现金'), ('bank', '102', '银行存款');" \
	"CREATE TABLE ledger_entries(" \
	" id INTEGER PRIMARY KEY, date TEXT NOT NULL," \
	" fund TEXT NOT NULL REFERENCES ledger_funds(name)," \
	" account TEXT NOT NULL REFERENCES ledger_accounts(name)," \
	" direction TEXT NOT NULL CHECK (direction = 'in' OR direction = 'out')," \
	" category TEXT NOT NULL, subcategory TEXT," \
	" amount INTEGER NOT NULL CHECK (amount > 0)," \
	" member_id INTEGER REFERENCES members(id), activity_id INTEGER, voucher TEXT, memo TEXT," \
	" void_of INTEGER REFERENCES ledger_entries(id), transfer_of INTEGER," \
	" overdraft INTEGER NOT NULL DEFAULT 0, force_reason TEXT, dues_month TEXT," \
	" recorded_at TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);" \
	"CREATE INDEX ledger_entries_date ON ledger_entries(date);" \
	"CREATE INDEX ledger_entries_member ON ledger_entries(member_id) WHERE member_id IS NOT NULL;" \
	"CREATE UNIQUE INDEX ledger_entries_voucher ON ledger_entries(substr(date, 1, 4), voucher)" \
	" WHERE voucher IS NOT NULL AND void_of IS NULL;" \
	"CREATE UNIQUE INDEX ledger_entries_voided ON ledger_entries(void_of) WHERE void_of IS NOT NULL;" \
	"CREATE INDEX ledger_entries_dues ON ledger_entries(member_id, dues_month)" \
	" WHERE dues_month IS NOT NULL;" \
	"CREATE TABLE ledger_totals(" \
	" fund TEXT NOT NULL, account TEXT NOT NULL, category TEXT NOT NULL, month TEXT NOT NULL," \
	" amount_in INTEGER NOT NULL, amount_out INTEGER NOT NULL," \
	" PRIMARY KEY (fund, account, category, month)) WITHOUT ROWID;"
/* v5: an entry dated after the day it was recorded says it was meant. */
#define UK_LEDGER_SCHEMA_V5 \
	"ALTER TABLE ledger_entries ADD COLUMN allow_future INTEGER NOT NULL DEFAULT 0;"
/* v10: a transfer's incoming half found by its outgoing one without
 * reading the books through (an import run again looks up each transfer). */
#define UK_LEDGER_SCHEMA_V10 \
	"CREATE INDEX ledger_entries_transfer ON ledger_entries(transfer_of) WHERE transfer_of IS NOT NULL;"

struct uk_ledger;
/* A session on the books inside the caller's write transaction: holds the statements of a batch and the chain's last
 * hash. Exit code. */
int uk_ledger_open(struct uk_db *db, struct uk_ledger **out);
/* Writes the totals kept during the session; call before commit. */
int uk_ledger_flush(struct uk_ledger *lg);
void uk_ledger_close(struct uk_ledger *lg);
struct uk_db *uk_ledger_db(struct uk_ledger *lg);
/* Lets the session write entries dated after today (--allow-future); each
 * such entry is marked allow_future, and the mark is part of its hash. */
void uk_ledger_allow_future(struct uk_ledger *lg, int allow);
/* 0 when an entry may be dated d in this session, else -1 with err. */
int uk_ledger_future_check(const struct uk_ledger *lg, struct uk_date d, char *err, size_t errsz);
/* The id of the last entry before the session: what it wrote is above. */
int64_t uk_ledger_start_id(const struct uk_ledger *lg);
/* A point in the session a batch can come back to: a record refused after
 * it wrote entries (its savepoint undoes their rows) takes them out of
 * what the session keeps in memory with uk_ledger_undo, before the
 * rollback, so the chain and the totals go on from the mark. */
struct uk_ledger_mark { int64_t last_id; char last_hash[UK_SHA256_HEX]; };
void uk_ledger_mark(const struct uk_ledger *lg, struct uk_ledger_mark *m);
/* 0 or an exit code. */
int uk_ledger_undo(struct uk_ledger *lg, const struct uk_ledger_mark *m);

/* One entry as given (text, not yet checked). */
struct uk_entry_in {
	const char *date, *amount, *category, *fund, *account;
	const char *member;          /* member_no (or by key, see member_by) */
	const char *activity, *voucher, *memo;
	int allow_overdraft;
	const char *force_reason;    /* --force --reason: aid without a hardship file */
	const char *dues_month;      /* set by dues */
	int member_by;               /* enum uk_member_key */
};

/* Checks and writes one entry: 0 with *id, -1 with err for a bad entry,
 * or an exit code > 1. */
int uk_ledger_add(struct uk_ledger *lg, const struct uk_entry_in *in, int64_t *id,
                  char *err, size_t errsz);
/* The same, where the record also states a direction ("in"/"out"), which
 * must agree with the category's. */
int uk_ledger_add_checked(struct uk_ledger *lg, const struct uk_entry_in *in, const char *direction,
                          int64_t *id, char *err, size_t errsz);

/* An entry as add would store it, read without the rules that look at
 * the books (a date after today, the balance, a voucher or opening
 * already there, a hardship file): what an import compares with the
 * stored entries. With no category, only the date, amount, fund, account
 * and voucher are read (an opening, a transfer's half). direction, when
 * given, must agree with the category. 0; -1 with err for a value that
 * does not read, which add would refuse for the same reason; or an exit
 * code. */
struct uk_entry_key {
	char date[UK_DATE_BUFSZ], fund[64], account[64], category[24], sub[200], voucher[64];
	const char *direction;
	int64_t amount, member_id, activity_id;
};
int uk_ledger_entry_key(struct uk_ledger *lg, const struct uk_entry_in *in, const char *direction,
                        struct uk_entry_key *k, char *err, size_t errsz);

/* Import: every record checked like add; bad ones reported (FILE:LINE) and
 * written to rejects; a record of an entry stored before (a transfer's
 * two records, of a transfer) counted unchanged and not written again; the
 * caller commits or not. Returns an exit code for a failure that stops
 * reading, else 0 with the counts. */
struct uk_import_ledger_opts { int allow_overdraft; const char *rejects; };
int uk_ledger_import(struct uk_ledger *lg, struct uk_reader *r, const struct uk_import_ledger_opts *o,
                     long *added, long *unchanged, long *bad);

/* An opening balance: once per fund and account, before its other entries. */
int uk_ledger_opening(struct uk_ledger *lg, const char *date, const char *amount,
                      const char *fund, const char *account, const char *memo,
                      int64_t *id, char *err, size_t errsz);
/* A transfer between funds or accounts: two linked entries. */
int uk_ledger_transfer(struct uk_ledger *lg, const char *date, const char *amount,
                       const char *from, const char *to, const char *voucher, const char *memo,
                       int allow_overdraft, int64_t *id, char *err, size_t errsz);
/* The other half of a transfer entry in *pair, 0 when it is none; 0 or an
 * exit code. */
int uk_ledger_transfer_pair(struct uk_ledger *lg, int64_t id, int64_t *pair);
/* The reason in the memo of a void of entry id, as void writes it
 * ("void of ID: reason"), for a listing's void read back; memo itself when
 * it is not such a memo. */
const char *uk_ledger_void_reason(const char *memo, long long id);
/* A reversing entry for entry id (and its pair, for a transfer). */
int uk_ledger_void(struct uk_ledger *lg, int64_t id, const char *reason, const char *date,
                   int allow_overdraft, int64_t *new_id, char *err, size_t errsz);

/* Columns of ls and import (unionkit-formats(5)). */
const struct uk_colspec *uk_ledger_colspec(int *n);
/* A fund ('f') or account ('a') as written in name (its name, a word of
 * its vocabulary: 工会经费, 现金; or its title) to its name, in place (64
 * bytes): 0 with *found, or an exit code. */
int uk_ledger_name_of(struct uk_db *db, char kind, char name[64], int *found);
const struct uk_outcol *uk_ledger_outcols(int *n);

struct uk_ledger_filter {
	struct uk_period period;
	int has_period;
	const char *fund, *category, *member;
	int member_by;               /* enum uk_member_key */
	int64_t after_id;            /* only entries with a greater id (0: all) */
	int no_id;                   /* id and hash left empty: a dry run's entries */
};
int uk_ledger_list(struct uk_db *db, const struct uk_ledger_filter *f, struct uk_writer *w, int mask);

enum uk_balance_by { UK_BY_FUND, UK_BY_ACCOUNT, UK_BY_CATEGORY, UK_BY_MONTH };
/* "fund", "account", "category" or "month": 0, else -1. */
int uk_ledger_balance_by_parse(const char *s, enum uk_balance_by *by);
const struct uk_outcol *uk_ledger_balance_cols(enum uk_balance_by by, int *n);
/* At the end of day at ("YYYY-MM-DD"); NULL is today: an entry dated
 * later counts from its day on. */
int uk_ledger_balance(struct uk_db *db, enum uk_balance_by by, const char *at, struct uk_writer *w);

/* Recomputes the chain and every total; names the first entry that does
 * not match. 0 when all is well, 65 on a break. */
int uk_ledger_verify(struct uk_db *db, long *entries);

/* A journal that ledger-cli and hledger read. */
int uk_ledger_export_journal(struct uk_db *db, FILE *f);

/* The categories: list, and replace the detail level from records. */
const struct uk_outcol *uk_ledger_category_cols(int *n);
int uk_ledger_categories_list(struct uk_db *db, struct uk_writer *w);
int uk_ledger_categories_load(struct uk_db *db, struct uk_reader *r);

/* Funds. */
int uk_ledger_fund_add(struct uk_db *db, const char *name, const char *title);
const struct uk_outcol *uk_ledger_fund_cols(int *n);
int uk_ledger_funds_list(struct uk_db *db, struct uk_writer *w);

/* The books' figures for a period, in fen, voids netted: income and
 * expense by the chart's kinds, dues collected (401), hardship aid paid
 * (class 502 from the hardship fund) and its recipients. */
struct uk_ledger_figures { int64_t income, expense, dues, hardship_paid; long hardship_recipients; };
int uk_ledger_figures(struct uk_db *db, struct uk_period p, struct uk_ledger_figures *f);

/* Report data, by callbacks. Top classes (a detail counts in its parent),
 * net of voids: income in minus out, expense out minus in. */
typedef int (*uk_class_fn)(void *ctx, const char *code, const char *name, const char *kind, int64_t amount);
int uk_ledger_class_totals(struct uk_db *db, struct uk_period p, uk_class_fn fn, void *ctx);
/* Income and expense of each month with entries. */
typedef int (*uk_month_fn)(void *ctx, const char *month, int64_t income, int64_t expense);
int uk_ledger_month_totals(struct uk_db *db, struct uk_period p, uk_month_fn fn, void *ctx);
/* The balance of every fund and account at the end of date. */
typedef int (*uk_balance_fn)(void *ctx, const char *fund, const char *title, const char *account, int64_t balance);
int uk_ledger_balances_at(struct uk_db *db, struct uk_date date, uk_balance_fn fn, void *ctx);
/* Opening balances (category opening) recorded within the period. */
int uk_ledger_openings(struct uk_db *db, struct uk_period p, uk_balance_fn fn, void *ctx);
/* Money into and out of every fund and account with entries in the
 * period, opening balances left out (uk_ledger_openings has them) and a
 * void taken from its entry's side, so that balance before + in - out =
 * balance after. */
typedef int (*uk_flow_fn)(void *ctx, const char *fund, const char *account, int64_t in, int64_t out);
int uk_ledger_flows(struct uk_db *db, struct uk_period p, uk_flow_fn fn, void *ctx);
/* Hardship aid paid in the period (not voided by its end). */
typedef int (*uk_aid_fn)(void *ctx, const char *date, const char *member_no, const char *name, int64_t amount);
int uk_ledger_aid(struct uk_db *db, struct uk_period p, uk_aid_fn fn, void *ctx);

/* Dues (doc/domain.md): 0.5% of the wage base cut to whole 10 yuan, in fen. */
int64_t uk_dues_of_wage(int64_t wage_fen);

/* A month's dues run: one entry per member (class 401, fund general),
 * the roll written to roll. A member whose dues for the month are posted
 * (and not voided) is skipped, so a month may be run unit by unit and a
 * second run posts nothing. */
struct uk_dues;
int uk_dues_begin(struct uk_ledger *lg, const char *month, const char *account,
                  struct uk_writer *roll, int mask, struct uk_dues **out);
/* The month's first day, "YYYY-MM-01": members active then pay. */
const char *uk_dues_month_start(const struct uk_dues *d);
/* Its last day: the entries' date; members who joined later pay none. */
const char *uk_dues_month_end(const struct uk_dues *d);
/* One member: wage_base as text ("" or NULL when none). -1 with err for
 * a bad value, else an exit code. */
int uk_dues_member(struct uk_dues *d, const char *member_no, const char *name,
                   const char *unit, const char *wage_base, char *err, size_t errsz);
/* One member of the register: the wage base is the one in force on the
 * month's first day, by the member's dated wage_base changes (wage_now,
 * the stored base, when there are none). */
int uk_dues_member_registered(struct uk_dues *d, const char *member_no, const char *name,
                              const char *unit, const char *wage_now, char *err, size_t errsz);
/* What a run did. */
struct uk_dues_stats { long posted, missing, already, not_active; int64_t total; };
/* Counts a member the run leaves out (retired, left): a line in the roll.
 * 0, or 70 out of memory (said). */
int uk_dues_skip(struct uk_dues *d, const char *member_no, const char *name, const char *unit,
                 const char *why);
/* The run over the members who pay: with r, the member records it reads
 * (member-ls output, an HR list), each looked up in the register, a bad
 * one named by FILE:LINE and counted in *bad (the caller posts nothing
 * then); without, every member of the register active on the month's first
 * day who had joined by its end. An exit code; a bad member of the
 * register is said, 65. */
int uk_dues_run(struct uk_dues *d, struct uk_reader *r, long *bad);
/* Frees; *st says what was done. */
void uk_dues_end(struct uk_dues *d, struct uk_dues_stats *st);
const struct uk_outcol *uk_dues_cols(int *n);
/* Columns read from member records: member_no, name, unit, wage_base, status. */
const struct uk_colspec *uk_dues_colspec(int *n);

/* Positions of the ledger columns in uk_ledger_colspec and uk_ledger_outcols
 * (unionkit-formats(5)), for the importer's uk_row_get. */
enum uk_ledger_col {
	UK_LC_ID, UK_LC_DATE, UK_LC_FUND, UK_LC_ACCOUNT, UK_LC_DIRECTION, UK_LC_CATEGORY,
	UK_LC_CATEGORY_NAME, UK_LC_SUBCATEGORY, UK_LC_AMOUNT, UK_LC_MEMBER_NO,
	UK_LC_ACTIVITY_ID, UK_LC_VOUCHER, UK_LC_MEMO, UK_LC_VOID_OF, UK_LC_HASH, UK_LC_COUNT
};
/* The input columns of categories --load (open its reader with these):
 * code, parent, name, slug, and kind (read back from the listing, ignored:
 * the parent gives it). */
enum uk_category_col { UK_CC_CODE, UK_CC_PARENT, UK_CC_NAME, UK_CC_SLUG, UK_CC_KIND, UK_CC_COUNT };
const struct uk_colspec *uk_ledger_category_colspec(int *n);
#endif
