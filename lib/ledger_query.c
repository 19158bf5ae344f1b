/* ledger_query.c - reading the books: the ledger columns, ls, balances, the
 * journal for ledger-cli and hledger, the chart of accounts (list, and the
 * detail level replaced from records) and funds. The write side (entries,
 * the hash chain, totals, seeding the chart) is ledger.c. */
#include <sqlite3.h>
#include "uk_ledger.h"
#include "uk_batch.h"
#include "uk_i18n.h"
#include "uk_vocabs.h"
#include "uk_members.h"
#include "uk_money.h"
#include "uk_text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define A(...) (const char *const[]){__VA_ARGS__, NULL}

/* ---- Columns (unionkit-formats(5)) ---- */

/* Import reads them all; id, direction, category_name, void_of and hash are
 * known so that ls output reads back, and the importer decides what they
 * mean (nothing, for most). */
static const struct uk_colspec colspec[UK_LC_COUNT] = {
	{"id", A("分录编号")},
	{"date", A("日期")},
	{"fund", A("基金")},
	{"account", A("账户", "帐户")},
	{"direction", A("收支", "收支方向")},
	{"category", A("科目", "类别")},
	{"category_name", A("科目名称")},
	{"subcategory", A("子目")},
	{"amount", A("金额")},
	{"member_no", A("会员编号", "会员卡号")},
	{"activity_id", A("活动编号")},
	{"voucher", A("凭证号")},
	{"memo", A("摘要", "备注")},
	{"void_of", A("冲销分录")},
	{"hash", A("哈希值")},
};

static const struct uk_outcol outcols[UK_LC_COUNT] = {
	{"id", UK_COL_INT}, {"date", UK_COL_TEXT}, {"fund", UK_COL_TEXT},
	{"account", UK_COL_TEXT}, {"direction", UK_COL_TEXT}, {"category", UK_COL_TEXT},
	{"category_name", UK_COL_TEXT}, {"subcategory", UK_COL_TEXT}, {"amount", UK_COL_MONEY},
	{"member_no", UK_COL_TEXT}, {"activity_id", UK_COL_INT}, {"voucher", UK_COL_TEXT},
	{"memo", UK_COL_TEXT}, {"void_of", UK_COL_INT}, {"hash", UK_COL_TEXT},
};

const struct uk_colspec *uk_ledger_colspec(int *n)
{
	*n = UK_LC_COUNT;
	return colspec;
}

const struct uk_outcol *uk_ledger_outcols(int *n)
{
	*n = UK_LC_COUNT;
	return outcols;
}

/* ---- Shared helpers ---- */

#define N_OF(a) ((int)(sizeof (a) / sizeof (a)[0]))

/* Writes one row; -1 when the reader has gone (stop quietly). */
static int put_row(struct uk_writer *w, const char *const *vals)
{
	return uk_writer_row(w, vals);
}

/* [a-z0-9-]{1,32}: fund names and slugs. */
static int is_name(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') || s[n] == '-'))
			return 0;
	return n >= 1 && n <= 32;
}

/* A category code: [0-9A-Za-z_.-]{1,20} (ledger.c keeps codes in 24 bytes). */
static int is_code(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
		      (s[n] >= '0' && s[n] <= '9') || s[n] == '-' || s[n] == '_' || s[n] == '.'))
			return 0;
	return n >= 1 && n <= 20;
}

static int is_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ')
			return 0;
	return 1;
}

/* A title or a category name: 1..100 bytes of UTF-8 text, not only spaces,
 * no control characters. NULL when fine, else a static reason. */
static const char *title_problem(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || is_blank(s))
		return _("empty");
	if (n > 100)
		return _("longer than 100 bytes");
	if (!uk_utf8_is_valid(s, n))
		return _("not UTF-8");
	if (uk_text_has_control(s, 0))
		return _("control character");
	return NULL;
}

/* ---- ls ---- */

/* The code of a category given by code, name or slug (code first), and
 * whether it is a top class: 0 with *found, or an exit code. */
struct found_category { char *code; size_t codesz; int *top; };

static int category_row(sqlite3_stmt *st, void *ctx)
{
	struct found_category *fc = ctx;
	const char *code = uk_db_text(st, 0);
	if (!code)
		return uk_err_nomem();
	snprintf(fc->code, fc->codesz, "%s", code);
	*fc->top = sqlite3_column_int(st, 1);
	return 0;
}

static int find_category(struct uk_db *db, const char *text, char *code, size_t codesz, int *top,
                         int *found)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT code, parent IS NULL AND kind <> 'system' FROM ledger_categories"
		" WHERE code = ?1 OR name = ?1 OR slug = lower(?1)"
		" ORDER BY code = ?1 DESC, name = ?1 DESC LIMIT 1");
	struct found_category fc = {code, codesz, top};
	int rc;
	*found = 0;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	rc = uk_db_one(db, st, category_row, &fc, found, N_("cannot read the chart of accounts"));
	sqlite3_finalize(st);
	return rc;
}

/* --category: a code, name or slug; a top class takes in its detail rows;
 * "NAME/SUB" (维权支出/困难职工帮扶) also names a subcategory. */
static int resolve_category(struct uk_db *db, const char *text, char *code, size_t codesz,
                            int *top, char **sub)
{
	const char *slash = strchr(text, '/');
	int found, rc = find_category(db, text, code, codesz, top, &found);
	*sub = NULL;
	if (!rc && !found && slash && slash > text && slash[1]) {
		char *head = strndup(text, (size_t)(slash - text));
		if (!head)
			return uk_err_nomem();
		rc = find_category(db, head, code, codesz, top, &found);
		free(head);
		if (!rc && found && !(*sub = strdup(slash + 1)))
			return uk_err_nomem();
	}
	if (!rc && !found) {
		uk_err("unknown category '%s' (fund-ledger categories lists them)", text);
		return UK_EX_DATAERR;
	}
	return rc;
}

static int name_row(sqlite3_stmt *st, void *ctx)
{
	const char *name = uk_db_text(st, 0);
	if (!name)
		return uk_err_nomem();
	snprintf(ctx, 64, "%s", name);
	return 0;
}

int uk_ledger_name_of(struct uk_db *db, char kind, char name[64], int *found)
{
	sqlite3_stmt *st = uk_db_prepare(db, kind == 'f'
		? "SELECT name FROM ledger_funds WHERE name = ?1 OR title = ?1 ORDER BY name = ?1 DESC LIMIT 1"
		: "SELECT name FROM ledger_accounts WHERE name = ?1 OR title = ?1 ORDER BY name = ?1 DESC LIMIT 1");
	const char *slug = uk_vocab_slug_of(kind == 'f' ? UK_V_FUND : UK_V_ACCOUNT, name);
	int rc;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, slug ? slug : name, -1, SQLITE_TRANSIENT);
	rc = uk_db_one(db, st, name_row, name, found, N_("cannot read the ledger"));
	sqlite3_finalize(st);
	return rc;
}

/* The fund written as its name, a word for it (工会经费) or its title, into
 * name (64 bytes); else 65, said. */
static int check_fund(struct uk_db *db, const char *fund, char *name)
{
	int rc, found;
	snprintf(name, 64, "%s", fund);
	if ((rc = uk_ledger_name_of(db, 'f', name, &found)) != 0 || found)
		return rc;
	uk_err("unknown fund '%s' (fund-ledger fund ls lists them)", fund);
	return UK_EX_DATAERR;
}

struct list_ctx { const struct uk_ledger_filter *f; struct uk_writer *w; };

static int list_row(sqlite3_stmt *st, void *ctx)
{
	struct list_ctx *lc = ctx;
	const char *vals[UK_LC_COUNT];
	char money[UK_MONEY_BUFSZ];
	for (int i = 0; i < UK_LC_COUNT; i++)
		vals[i] = uk_db_text(st, i);
	vals[UK_LC_AMOUNT] = uk_money_format(sqlite3_column_int64(st, UK_LC_AMOUNT), money);
	if (lc->f->no_id)
		vals[UK_LC_ID] = vals[UK_LC_HASH] = NULL;
	return put_row(lc->w, vals) ? UK_DB_STOP : 0;  /* closed pipe: stop quietly */
}

int uk_ledger_list(struct uk_db *db, const struct uk_ledger_filter *f, struct uk_writer *w, int mask)
{
	/* The period is always bound (the widest one by default), so the date
	 * index gives both the range and the order. */
	static const char *const sql =
		"SELECT e.id, e.date, e.fund, e.account, e.direction, e.category, c.name,"
		" e.subcategory, e.amount, m.member_no, e.activity_id, e.voucher, e.memo,"
		" e.void_of, e.hash"
		" FROM ledger_entries e"
		" LEFT JOIN ledger_categories c ON c.code = e.category"
		" LEFT JOIN members m ON m.id = e.member_id"
		" WHERE e.date BETWEEN ?1 AND ?2"
		" AND (?3 IS NULL OR e.fund = ?3)"
		" AND (?4 IS NULL OR e.category = ?4 OR (?5 AND c.parent = ?4))"
		" AND (?6 IS NULL OR e.subcategory = ?6)"
		" AND (?7 IS NULL OR e.member_id = ?7)"
		" AND e.id > ?8"
		" ORDER BY e.date, e.id";
	char from[UK_DATE_BUFSZ] = "0000-00-00", to[UK_DATE_BUFSZ] = "9999-99-99";
	char code[64], fund[64];
	char *sub = NULL;
	int top = 0, status = UK_EX_OK;
	int64_t member_id = 0;
	sqlite3_stmt *st = NULL;

	(void)mask;  /* ls shows no personal data: member_no only, memo kept */
	if (f->has_period) {
		uk_date_format(f->period.from, from);
		uk_date_format(f->period.to, to);
	}
	if (f->fund && (status = check_fund(db, f->fund, fund)) != UK_EX_OK)
		return status;
	if (f->category && (status = resolve_category(db, f->category, code, sizeof code, &top, &sub)) != 0)
		return status;
	if (f->member && (status = uk_member_find(db, f->member, (enum uk_member_key)f->member_by,
	                                          &member_id)) != 0)
		goto out;
	if (!(st = uk_db_prepare(db, sql))) {
		status = UK_EX_SOFTWARE;
		goto out;
	}
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	if (f->fund) sqlite3_bind_text(st, 3, fund, -1, SQLITE_STATIC);
	if (f->category) sqlite3_bind_text(st, 4, code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, top);
	if (sub) sqlite3_bind_text(st, 6, sub, -1, SQLITE_STATIC);
	if (f->member) sqlite3_bind_int64(st, 7, member_id);
	sqlite3_bind_int64(st, 8, f->after_id);
	{
		struct list_ctx lc = {f, w};
		status = uk_db_each(db, st, list_row, &lc, N_("cannot list entries"));
	}
out:
	sqlite3_finalize(st);
	free(sub);
	return status;
}

/* ---- balance ---- */

static const struct uk_outcol bal_fund_cols[] = {
	{"fund", UK_COL_TEXT}, {"fund_title", UK_COL_TEXT}, {"in", UK_COL_MONEY},
	{"out", UK_COL_MONEY}, {"balance", UK_COL_MONEY},
};
static const struct uk_outcol bal_account_cols[] = {
	{"fund", UK_COL_TEXT}, {"account", UK_COL_TEXT}, {"in", UK_COL_MONEY},
	{"out", UK_COL_MONEY}, {"balance", UK_COL_MONEY},
};
static const struct uk_outcol bal_category_cols[] = {
	{"category", UK_COL_TEXT}, {"category_name", UK_COL_TEXT}, {"kind", UK_COL_TEXT},
	{"in", UK_COL_MONEY}, {"out", UK_COL_MONEY},
};
static const struct uk_outcol bal_month_cols[] = {
	{"month", UK_COL_TEXT}, {"in", UK_COL_MONEY}, {"out", UK_COL_MONEY},
	{"balance", UK_COL_MONEY},
};

int uk_ledger_balance_by_parse(const char *s, enum uk_balance_by *by)
{
	static const struct { const char *name; enum uk_balance_by by; } names[] = {
		{"fund", UK_BY_FUND}, {"account", UK_BY_ACCOUNT}, {"category", UK_BY_CATEGORY},
		{"month", UK_BY_MONTH},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i].name) == 0) {
			*by = names[i].by;
			return 0;
		}
	return -1;
}

const struct uk_outcol *uk_ledger_balance_cols(enum uk_balance_by by, int *n)
{
	switch (by) {
	case UK_BY_ACCOUNT: *n = N_OF(bal_account_cols); return bal_account_cols;
	case UK_BY_CATEGORY: *n = N_OF(bal_category_cols); return bal_category_cols;
	case UK_BY_MONTH: *n = N_OF(bal_month_cols); return bal_month_cols;
	case UK_BY_FUND: break;
	}
	*n = N_OF(bal_fund_cols);
	return bal_fund_cols;
}

/* The movements up to the end of day ?1: the kept totals when no entry is
 * dated later (the date index says so at once), else the entries up to that
 * day, in the same shape. */
#define BAL_SOURCE \
	"WITH late(x) AS (SELECT EXISTS (SELECT 1 FROM ledger_entries WHERE date > ?1))," \
	" t(fund, account, category, month, amount_in, amount_out) AS (" \
	" SELECT fund, account, category, month, amount_in, amount_out FROM ledger_totals" \
	"  WHERE NOT (SELECT x FROM late)" \
	" UNION ALL" \
	" SELECT fund, account, category, substr(date, 1, 7)," \
	"  sum(CASE WHEN direction = 'in' THEN amount ELSE 0 END)," \
	"  sum(CASE WHEN direction = 'out' THEN amount ELSE 0 END)" \
	"  FROM ledger_entries WHERE (SELECT x FROM late) AND date <= ?1" \
	"  GROUP BY fund, account, category, substr(date, 1, 7)) "

/* The running sums of a balance, and whether the reader went away. */
struct balance_ctx {
	int nlead;
	enum uk_balance_by by;
	int64_t total_in, total_out, running;
	int stopped;
	struct uk_writer *w;
};

static int overflow(void)
{
	uk_err("the sums of the books overflow");
	return UK_EX_DATAERR;
}

static int balance_row(sqlite3_stmt *st, void *ctx)
{
	struct balance_ctx *bc = ctx;
	const char *vals[5];
	char m_in[UK_MONEY_BUFSZ], m_out[UK_MONEY_BUFSZ], m_bal[UK_MONEY_BUFSZ];
	int nlead = bc->nlead;
	int64_t in = sqlite3_column_int64(st, nlead), out = sqlite3_column_int64(st, nlead + 1);
	int64_t bal;
	for (int i = 0; i < nlead; i++)
		vals[i] = uk_db_text(st, i);
	if (uk_money_add(bc->total_in, in, &bc->total_in) ||
	    uk_money_add(bc->total_out, out, &bc->total_out) ||
	    uk_money_add(in, -out, &bal) || uk_money_add(bc->running, bal, &bc->running))
		return overflow();
	vals[nlead] = uk_money_format(in, m_in);
	vals[nlead + 1] = uk_money_format(out, m_out);
	if (bc->by != UK_BY_CATEGORY)
		vals[nlead + 2] = uk_money_format(bc->by == UK_BY_MONTH ? bc->running : bal, m_bal);
	if (put_row(bc->w, vals) != 0) {
		bc->stopped = 1;  /* closed pipe: stop quietly */
		return UK_DB_STOP;
	}
	return 0;
}

int uk_ledger_balance(struct uk_db *db, enum uk_balance_by by, const char *at, struct uk_writer *w)
{
	static const char *const sql_fund = BAL_SOURCE
		"SELECT f.name, f.title, coalesce(sum(t.amount_in), 0), coalesce(sum(t.amount_out), 0)"
		" FROM ledger_funds f LEFT JOIN t ON t.fund = f.name GROUP BY f.name ORDER BY f.name";
	static const char *const sql_account = BAL_SOURCE
		"SELECT t.fund, t.account, sum(t.amount_in), sum(t.amount_out)"
		" FROM t GROUP BY t.fund, t.account ORDER BY t.fund, t.account";
	static const char *const sql_category = BAL_SOURCE
		"SELECT t.category, c.name, c.kind, sum(t.amount_in), sum(t.amount_out)"
		" FROM t LEFT JOIN ledger_categories c ON c.code = t.category"
		" GROUP BY t.category HAVING sum(t.amount_in) <> 0 OR sum(t.amount_out) <> 0"
		" ORDER BY c.kind = 'system', t.category";
	static const char *const sql_month = BAL_SOURCE
		"SELECT t.month, sum(t.amount_in), sum(t.amount_out)"
		" FROM t GROUP BY t.month ORDER BY t.month";
	const char *sql = by == UK_BY_ACCOUNT ? sql_account : by == UK_BY_CATEGORY ? sql_category :
	                  by == UK_BY_MONTH ? sql_month : sql_fund;
	char today[UK_DATE_BUFSZ];
	sqlite3_stmt *st = uk_db_prepare(db, sql);
	/* Where the money columns start in the select and in the output. */
	struct balance_ctx bc = {by == UK_BY_CATEGORY ? 3 : by == UK_BY_MONTH ? 1 : 2, by, 0, 0, 0, 0, w};
	int status;

	if (!st)
		return UK_EX_SOFTWARE;
	if (!at)
		at = uk_date_format(uk_date_today(), today);
	sqlite3_bind_text(st, 1, at, -1, SQLITE_STATIC);
	if ((status = uk_db_each(db, st, balance_row, &bc, N_("cannot compute the balance"))) != 0 ||
	    bc.stopped)
		goto out;
	if (by == UK_BY_FUND || by == UK_BY_ACCOUNT) {
		char m_in[UK_MONEY_BUFSZ], m_out[UK_MONEY_BUFSZ], m_bal[UK_MONEY_BUFSZ];
		const char *vals[5] = {"total", NULL, NULL, NULL, NULL};
		int64_t bal;
		if (uk_money_add(bc.total_in, -bc.total_out, &bal)) {
			status = overflow();
			goto out;
		}
		vals[2] = uk_money_format(bc.total_in, m_in);
		vals[3] = uk_money_format(bc.total_out, m_out);
		vals[4] = uk_money_format(bal, m_bal);
		put_row(w, vals);
	}
out:
	sqlite3_finalize(st);
	return status;
}

/* ---- The journal (ledger-cli, hledger) ---- */

/* One entry as the journal query selects it, from column base. */
struct jentry {
	int64_t id, amount, void_of;
	int has_void, in;
	const char *date, *category, *sub, *voucher, *memo;
	const char *cname, *kind, *slug, *pname, *atitle, *ftitle;
};

#define J_COLS(e, c, pc, a, f) \
	e ".id, " e ".date, " e ".direction, " e ".category, " e ".subcategory, " e ".amount, " \
	e ".voucher, " e ".memo, " e ".void_of, coalesce(" c ".name, " e ".category), " c ".kind, " \
	c ".slug, " pc ".name, coalesce(" a ".title, " e ".account), coalesce(" f ".title, " e ".fund)"
#define J_NCOLS 15

static void jentry_load(sqlite3_stmt *st, int base, struct jentry *e)
{
	const char *dir = uk_db_text(st, base + 2);
	e->id = sqlite3_column_int64(st, base);
	e->date = uk_db_text(st, base + 1);
	e->in = dir && strcmp(dir, "in") == 0;
	e->category = uk_db_text(st, base + 3);
	e->sub = uk_db_text(st, base + 4);
	e->amount = sqlite3_column_int64(st, base + 5);
	e->voucher = uk_db_text(st, base + 6);
	e->memo = uk_db_text(st, base + 7);
	e->has_void = sqlite3_column_type(st, base + 8) != SQLITE_NULL;
	e->void_of = sqlite3_column_int64(st, base + 8);
	e->cname = uk_db_text(st, base + 9);
	e->kind = uk_db_text(st, base + 10);
	e->slug = uk_db_text(st, base + 11);
	e->pname = uk_db_text(st, base + 12);
	e->atitle = uk_db_text(st, base + 13);
	e->ftitle = uk_db_text(st, base + 14);
}

/* Whether s has anything but white space and control characters. */
static int has_visible(const char *s)
{
	for (; s && *s; s++)
		if ((unsigned char)*s > ' ' && *s != 0x7f)
			return 1;
	return 0;
}

/* Text for one line of the journal: white space and control characters
 * become one space (two spaces or a tab end an account name), ends trimmed,
 * and with paren a ')' would end the (code) early. */
static void jtext(FILE *f, const char *s, int paren)
{
	int space = 0, any = 0;
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		int c = *p;
		if (c < 0x20 || c == 0x7f || c == ' ') {
			space = 1;
			continue;
		}
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {  /* C1 */
			p++;
			space = 1;
			continue;
		}
		if (space && any)
			fputc(' ', f);
		space = 0;
		any = 1;
		fputc(paren && c == ')' ? ']' : paren && c == '(' ? '[' : c, f);
	}
}

static void jamount(FILE *f, int64_t fen)
{
	char buf[UK_MONEY_BUFSZ];
	fprintf(f, "  %s CNY", uk_money_format(fen, buf));
}

static void jasset(FILE *f, const struct jentry *e)
{
	fputs("    资产:", f);
	jtext(f, e->atitle, 0);
	fputc(':', f);
	jtext(f, e->ftitle, 0);
}

static int is_opening(const struct jentry *e)
{
	return (e->category && strcmp(e->category, "opening") == 0) ||
	       (e->slug && strcmp(e->slug, "opening") == 0);
}

/* The other side of an entry: its income or expense class (and the top
 * class above a detail row), the opening balance, or another system
 * category as equity. */
static void jother(FILE *f, const struct jentry *e)
{
	int income = e->kind && strcmp(e->kind, "income") == 0;
	int expense = e->kind && strcmp(e->kind, "expense") == 0;
	if (!income && !expense) {
		fputs("    权益:", f);
		if (is_opening(e))
			fputs("期初余额", f);
		else
			jtext(f, e->cname, 0);
		return;
	}
	fputs(income ? "    收入:" : "    支出:", f);
	if (e->pname) {
		jtext(f, e->pname, 0);
		fputc(':', f);
	}
	jtext(f, e->cname, 0);
	if (has_visible(e->sub)) {
		fputc(':', f);
		jtext(f, e->sub, 0);
	}
}

static void jheader(FILE *f, const struct jentry *e, const char *voucher)
{
	const char *desc;
	/* YYYY-MM-DD -> YYYY/MM/DD */
	for (const char *p = e->date ? e->date : ""; *p; p++)
		fputc(*p == '-' ? '/' : *p, f);
	if (has_visible(voucher)) {
		fputs(" (", f);
		jtext(f, voucher, 1);
		fputc(')', f);
	}
	fputc(' ', f);
	desc = has_visible(e->memo) ? e->memo : e->cname;
	/* A leading '*' or '!' would be read as the cleared or pending mark. */
	while (*desc == ' ' || (*desc > 0 && *desc < 0x20))
		desc++;
	if (*desc == '*' || *desc == '!') {
		fputs(*desc == '*' ? "＊" : "！", f);
		desc++;
	}
	jtext(f, desc, 0);
	fputc('\n', f);
}

static void jnotes(FILE *f, const struct jentry *e)
{
	fprintf(f, "    ; id: %lld\n", (long long)e->id);
	if (e->has_void)
		fprintf(f, "    ; void_of: %lld\n", (long long)e->void_of);
}

/* One entry, one transaction. The sign follows the direction: money in
 * puts +amount on the asset (the other side elided), money out puts
 * +amount on the other side (the asset elided, so -amount). A void is
 * stored with the opposite direction and the same category, and so
 * reverses the original. */
static void jentry_single(FILE *f, const struct jentry *e)
{
	jheader(f, e, e->voucher);
	jnotes(f, e);
	if (e->in) {
		jasset(f, e);
		jamount(f, e->amount);
		fputc('\n', f);
		jother(f, e);
		fputc('\n', f);
	} else {
		jother(f, e);
		jamount(f, e->amount);
		fputc('\n', f);
		jasset(f, e);
		fputc('\n', f);
	}
}

/* A transfer: the entry and its linked pair in one transaction, each an
 * asset posting signed by its direction. */
static void jentry_pair(FILE *f, const struct jentry *e, const struct jentry *p)
{
	int64_t se = e->in ? e->amount : -e->amount, sp = p->in ? p->amount : -p->amount;
	jheader(f, e, has_visible(e->voucher) ? e->voucher : p->voucher);
	jasset(f, e);
	jamount(f, se);
	fputc('\n', f);
	jnotes(f, e);
	jasset(f, p);
	jamount(f, sp);
	fputc('\n', f);
	jnotes(f, p);
	if (se + sp != 0)  /* a broken pair (verify names it): keep the journal readable */
		fputs("    权益:转账差额\n", f);
}

struct journal_ctx { FILE *f; int64_t last; int first; };

static int journal_row(sqlite3_stmt *st, void *ctx)
{
	struct journal_ctx *jc = ctx;
	FILE *f = jc->f;
	struct jentry e, p;
	int paired = sqlite3_column_int(st, 2 * J_NCOLS);
	jentry_load(st, 0, &e);
	if (paired)
		jentry_load(st, J_NCOLS, &p);
	if (!jc->first)
		fputc('\n', f);
	if (!jc->first && e.id == jc->last) {
		/* A second entry naming the same first one: on its own. */
		if (paired)
			jentry_single(f, &p);
	} else if (paired) {
		jentry_pair(f, &e, &p);
	} else {
		jentry_single(f, &e);
	}
	jc->first = 0;
	jc->last = e.id;
	return ferror(f) ? UK_DB_STOP : 0;  /* said below */
}

int uk_ledger_export_journal(struct uk_db *db, FILE *f)
{
	/* A transfer's second entry names the first in transfer_of; it is
	 * written with the first and skipped at its own turn. */
	static const char *const sql =
		"SELECT " J_COLS("e", "c", "pc", "a", "fu") ", "
		J_COLS("p", "c2", "pc2", "a2", "fu2") ", p.id IS NOT NULL"
		" FROM ledger_entries e"
		" LEFT JOIN ledger_categories c ON c.code = e.category"
		" LEFT JOIN ledger_categories pc ON pc.code = c.parent"
		" LEFT JOIN ledger_accounts a ON a.name = e.account"
		" LEFT JOIN ledger_funds fu ON fu.name = e.fund"
		" LEFT JOIN ledger_entries p ON p.transfer_of = e.id AND e.transfer_of IS NULL"
		" LEFT JOIN ledger_categories c2 ON c2.code = p.category"
		" LEFT JOIN ledger_categories pc2 ON pc2.code = c2.parent"
		" LEFT JOIN ledger_accounts a2 ON a2.name = p.account"
		" LEFT JOIN ledger_funds fu2 ON fu2.name = p.fund"
		" WHERE e.transfer_of IS NULL OR NOT EXISTS (SELECT 1 FROM ledger_entries o"
		"  WHERE o.id = e.transfer_of AND o.transfer_of IS NULL)"
		" ORDER BY e.date, e.id, p.id";
	sqlite3_stmt *st = uk_db_prepare(db, sql);
	struct journal_ctx jc = {f, 0, 1};
	int status;

	if (!st)
		return UK_EX_SOFTWARE;
	status = uk_db_each(db, st, journal_row, &jc, N_("cannot read entries"));
	sqlite3_finalize(st);
	if (status == UK_EX_OK && (fflush(f) != 0 || ferror(f))) {
		if (errno != EPIPE)
			uk_err("cannot write the journal: %s", strerror(errno));
		status = UK_EX_IOERR;
	}
	return status;
}

/* ---- The chart of accounts ---- */

static const struct uk_outcol category_cols[] = {
	{"code", UK_COL_TEXT}, {"parent", UK_COL_TEXT}, {"name", UK_COL_TEXT},
	{"slug", UK_COL_TEXT}, {"kind", UK_COL_TEXT},
};

/* The listing reads back: kind is known and ignored (the parent gives it). */
static const struct uk_colspec category_spec[UK_CC_COUNT] = {
	{"code", A("代码", "科目代码", "编码")},
	{"parent", A("上级", "上级代码", "上级科目")},
	{"name", A("名称", "科目名称")},
	{"slug", A("别名")},
	{"kind", A("类型")},
};

const struct uk_outcol *uk_ledger_category_cols(int *n)
{
	*n = N_OF(category_cols);
	return category_cols;
}

const struct uk_colspec *uk_ledger_category_colspec(int *n)
{
	*n = UK_CC_COUNT;
	return category_spec;
}

/* A row of five texts, written as it is. */
static int text_row(sqlite3_stmt *st, void *ctx)
{
	const char *vals[5];
	for (int i = 0; i < 5; i++)
		vals[i] = uk_db_text(st, i);
	return put_row(ctx, vals) ? UK_DB_STOP : 0;
}

int uk_ledger_categories_list(struct uk_db *db, struct uk_writer *w)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT code, parent, name, slug, kind FROM ledger_categories"
		" ORDER BY kind = 'system', code");
	int status;
	if (!st)
		return UK_EX_SOFTWARE;
	status = uk_db_each(db, st, text_row, w, N_("cannot read the chart of accounts"));
	sqlite3_finalize(st);
	return status;
}

/* A row of the chart as stored or as loaded. */
struct cat {
	char *code, *parent, *name, *slug, *kind;
	int top;        /* a top class (parent NULL, income or expense) */
	long line;      /* loaded rows: where */
};

struct cats { struct cat *v; int n, cap; };

static void cats_free(struct cats *c)
{
	for (int i = 0; i < c->n; i++) {
		free(c->v[i].code);
		free(c->v[i].parent);
		free(c->v[i].name);
		free(c->v[i].slug);
		free(c->v[i].kind);
	}
	free(c->v);
	memset(c, 0, sizeof *c);
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* Appends a copy; -1 out of memory. */
static int cats_add(struct cats *c, const char *code, const char *parent, const char *name,
                    const char *slug, const char *kind, int top, long line)
{
	struct cat *x;
	if (c->n == c->cap) {
		int cap = c->cap ? 2 * c->cap : 64;
		struct cat *v = realloc(c->v, (size_t)cap * sizeof *v);
		if (!v)
			return -1;
		c->v = v;
		c->cap = cap;
	}
	x = &c->v[c->n];
	memset(x, 0, sizeof *x);
	x->top = top;
	x->line = line;
	if (!(x->code = dup_or_null(code)) || (parent && !(x->parent = strdup(parent))) ||
	    !(x->name = dup_or_null(name)) || (slug && !(x->slug = strdup(slug))) ||
	    (kind && !(x->kind = strdup(kind)))) {
		free(x->code);
		free(x->parent);
		free(x->name);
		free(x->slug);
		return -1;
	}
	c->n++;
	return 0;
}

static struct cat *cats_find(struct cats *c, int field, const char *s)
{
	for (int i = 0; s && i < c->n; i++) {
		const char *v = field == 0 ? c->v[i].code : field == 1 ? c->v[i].name : c->v[i].slug;
		if (v && strcmp(v, s) == 0)
			return &c->v[i];
	}
	return NULL;
}

static char *opt_value(struct uk_row *row, int col, int fold)
{
	char *s = uk_row_get(row, col);
	if (!s)
		return NULL;
	if (fold)
		uk_fold_fullwidth(s);
	uk_trim(s);
	return *s ? s : NULL;
}

/* Checks one loaded row against the fixed rows and those before it; NULL
 * when good, else the message in err. */
static const char *check_loaded(struct cats *fixed, struct cats *loaded, char *code, char *parent,
                                char *name, char *slug, const struct cat **top, char *err, size_t errsz)
{
	struct cat *x;
	const char *why;
	*top = NULL;
	if (!code)
		return _("no code");
	if (!name)
		return _("no name");
	if (!is_code(code)) {
		uk_errf(err, errsz, "bad code '%s' (letters, digits, '-', '_', '.'; up to 20)", code);
		return err;
	}
	if ((why = title_problem(name)) != NULL) {
		uk_errf(err, errsz, "name of %s: %s", code, why);
		return err;
	}
	if (strchr(name, '/') || strchr(name, ':')) {
		uk_errf(err, errsz, "name '%s' has '/' or ':' (they separate levels)", name);
		return err;
	}
	if (slug) {
		for (char *p = slug; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		if (!is_name(slug)) {
			uk_errf(err, errsz, "bad slug '%s' (a-z, 0-9 and '-', up to 32)", slug);
			return err;
		}
	}
	x = cats_find(fixed, 0, code);
	if (!parent) {
		/* The listing read back: a top class or system row as it stands is
		 * fine (it stays); anything else needs a parent. */
		if (x && strcmp(x->name, name) == 0)
			return NULL;
		if (x && x->top)
			uk_errf(err, errsz, "%s is a top class and stays '%s' (only detail rows are loaded)",
			        code, x->name);
		else if (x)
			uk_errf(err, errsz, "%s is a system category and stays '%s' (only detail rows are "
			        "loaded)", code, x->name);
		else
			uk_errf(err, errsz, "%s has no parent (a detail row belongs to a top class)", code);
		return err;
	}
	if (x) {
		if (x->top)
			uk_errf(err, errsz, "code %s is a top class", code);
		else
			uk_errf(err, errsz, "code %s is a system category", code);
		return err;
	}
	if (!(x = cats_find(fixed, 0, parent)) && !(x = cats_find(fixed, 1, parent)))
		x = cats_find(fixed, 2, parent);
	if (!x || !x->top) {
		uk_errf(err, errsz, "parent '%s' of %s is not a top class", parent, code);
		return err;
	}
	*top = x;
	if ((x = cats_find(loaded, 0, code)) != NULL) {
		uk_errf(err, errsz, "code %s again (line %ld)", code, x->line);
		return err;
	}
	if ((x = cats_find(fixed, 1, name)) != NULL) {
		uk_errf(err, errsz, "name '%s' is %s's", name, x->code);
		return err;
	}
	if ((x = cats_find(loaded, 1, name)) != NULL) {
		uk_errf(err, errsz, "name '%s' again (line %ld)", name, x->line);
		return err;
	}
	if (slug && (x = cats_find(fixed, 2, slug)) != NULL) {
		uk_errf(err, errsz, "slug '%s' is %s's", slug, x->code);
		return err;
	}
	if (slug && (x = cats_find(loaded, 2, slug)) != NULL) {
		uk_errf(err, errsz, "slug '%s' again (line %ld)", slug, x->line);
		return err;
	}
	return NULL;
}

static int fixed_row(sqlite3_stmt *st, void *ctx)
{
	if (cats_add(ctx, uk_db_text(st, 0), uk_db_text(st, 1), uk_db_text(st, 2), uk_db_text(st, 3),
	             uk_db_text(st, 4), sqlite3_column_int(st, 5) && sqlite3_column_type(st, 1) == SQLITE_NULL,
	             0) != 0)
		return uk_err_nomem();
	return 0;
}

static int load_fixed(struct uk_db *db, struct cats *fixed)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT code, parent, name, slug, kind, kind <> 'system' FROM ledger_categories"
		" WHERE parent IS NULL OR kind = 'system'");
	int rc;
	if (!st)
		return UK_EX_SOFTWARE;
	rc = uk_db_each(db, st, fixed_row, fixed, N_("cannot read the chart of accounts"));
	sqlite3_finalize(st);
	return rc;
}

/* Detail rows in use must stay, with their kind. */
struct used_ctx { const char *file; struct cats *loaded; long *bad; };

static int used_row(sqlite3_stmt *st, void *ctx)
{
	struct used_ctx *u = ctx;
	const char *code = uk_db_text(st, 0), *kind = uk_db_text(st, 2);
	struct cat *x = cats_find(u->loaded, 0, code);
	if (!code || !kind)
		return uk_err_nomem();
	if (!x) {
		uk_err_at(u->file, 0, "category %s (%s) is used by entries and cannot go", code,
		          uk_db_text(st, 1));
		(*u->bad)++;
	} else if (strcmp(x->kind, kind) != 0) {
		uk_err_at(u->file, x->line, "category %s is used by entries: it stays %s, not %s",
		          code, kind, x->kind);
		(*u->bad)++;
	}
	return 0;
}

static int check_used(struct uk_db *db, const char *file, struct cats *loaded, long *bad)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT c.code, c.name, c.kind FROM ledger_categories c"
		" WHERE c.parent IS NOT NULL AND c.kind <> 'system'"
		" AND EXISTS (SELECT 1 FROM ledger_entries e WHERE e.category = c.code)"
		" ORDER BY c.code");
	struct used_ctx u = {file, loaded, bad};
	int rc;
	if (!st)
		return UK_EX_SOFTWARE;
	rc = uk_db_each(db, st, used_row, &u, N_("cannot read entries"));
	sqlite3_finalize(st);
	return rc;
}

static int store_loaded(struct uk_db *db, struct cats *loaded)
{
	sqlite3_stmt *st;
	int rc = uk_db_exec(db, "DELETE FROM ledger_categories WHERE parent IS NOT NULL AND kind <> 'system'");
	if (rc != UK_EX_OK)
		return rc;
	if (!(st = uk_db_prepare(db,
		"INSERT INTO ledger_categories(code, parent, name, slug, kind) VALUES (?1, ?2, ?3, ?4, ?5)")))
		return UK_EX_SOFTWARE;
	for (int i = 0; i < loaded->n; i++) {
		const struct cat *x = &loaded->v[i];
		sqlite3_bind_text(st, 1, x->code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, x->parent, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, x->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, x->slug, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, x->kind, -1, SQLITE_STATIC);
		rc = uk_db_each(db, st, NULL, NULL, N_("cannot store the chart of accounts"));
		sqlite3_clear_bindings(st);
		if (rc)
			break;
	}
	sqlite3_finalize(st);
	return rc;
}

/* The rows loaded so far, checked against the fixed ones. */
struct load_ctx { struct cats *fixed, *loaded; };

static int load_record(void *ctx, struct uk_row *row, char *err, size_t errsz)
{
	struct load_ctx *lc = ctx;
	const struct cat *top;
	const char *why;
	char *code = opt_value(row, UK_CC_CODE, 1), *parent = opt_value(row, UK_CC_PARENT, 1);
	char *name = opt_value(row, UK_CC_NAME, 0), *slug = opt_value(row, UK_CC_SLUG, 1);
	if ((why = check_loaded(lc->fixed, lc->loaded, code, parent, name, slug, &top, err, errsz)))
		return why == err ? -1 : uk_errf(err, errsz, "%s", why);
	if (!top)
		return 0;  /* a fixed row as it stands */
	if (cats_add(lc->loaded, code, top->code, name, slug, top->kind, 0, uk_row_line(row)) != 0)
		return uk_err_nomem();
	return 0;
}

int uk_ledger_categories_load(struct uk_db *db, struct uk_reader *r)
{
	struct cats fixed = {0}, loaded = {0};
	struct load_ctx lc = {&fixed, &loaded};
	const char *file = uk_reader_name(r);
	long added, bad = 0;
	int status, ntop = 0;

	for (int col = UK_CC_CODE; col <= UK_CC_NAME; col++)
		if (!uk_reader_has(r, col)) {
			uk_err_at(file, 1, "no column '%s'", category_spec[col].name);
			return UK_EX_DATAERR;
		}
	if ((status = load_fixed(db, &fixed)) != UK_EX_OK)
		goto out;
	for (int i = 0; i < fixed.n; i++)
		ntop += fixed.v[i].top;
	if (ntop == 0) {
		uk_err("the chart of accounts has no top classes yet");
		status = UK_EX_SOFTWARE;
		goto out;
	}
	/* Nothing is written per row: the chart is replaced whole at the end. */
	if ((status = uk_batch_records(db, r, NULL, load_record, &lc, &added, &bad)) != 0 ||
	    (status = check_used(db, file, &loaded, &bad)) != UK_EX_OK)
		goto out;
	if (bad) {
		status = UK_EX_DATAERR;
		goto out;
	}
	status = store_loaded(db, &loaded);
out:
	cats_free(&fixed);
	cats_free(&loaded);
	return status;
}

/* ---- Funds ---- */

static const struct uk_outcol fund_cols[] = {
	{"name", UK_COL_TEXT}, {"title", UK_COL_TEXT}, {"balance", UK_COL_MONEY},
};

const struct uk_outcol *uk_ledger_fund_cols(int *n)
{
	*n = N_OF(fund_cols);
	return fund_cols;
}

/* A fund of that name, or of that title, already there: said, 65. */
struct fund_taken { const char *name, *title; };

static int fund_taken_row(sqlite3_stmt *st, void *ctx)
{
	struct fund_taken *ft = ctx;
	if (sqlite3_column_int(st, 1))
		uk_err("fund '%s' exists", ft->name);
	else
		uk_err("fund title '%s' is taken by fund '%s'", ft->title, uk_db_text(st, 0));
	return UK_EX_DATAERR;
}

int uk_ledger_fund_add(struct uk_db *db, const char *name, const char *title)
{
	sqlite3_stmt *st;
	const char *why;
	int rc, found;

	if (!is_name(name)) {
		uk_err("bad fund name '%s' (a-z, 0-9 and '-', up to 32)", name);
		return UK_EX_DATAERR;
	}
	if (strcmp(name, "total") == 0) {
		uk_err("fund name 'total' is taken by the balance's total row");
		return UK_EX_DATAERR;
	}
	if ((why = title_problem(title)) != NULL) {
		uk_err("fund title: %s", why);
		return UK_EX_DATAERR;
	}
	/* Names and titles both name a fund (the title in the journal). */
	if (!(st = uk_db_prepare(db,
		"SELECT name, name = ?1 FROM ledger_funds WHERE name = ?1 OR title = ?2 ORDER BY 2 DESC")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
	{
		struct fund_taken ft = {name, title};
		rc = uk_db_one(db, st, fund_taken_row, &ft, &found, N_("cannot read funds"));
	}
	sqlite3_finalize(st);
	if (rc || found)
		return rc;
	if (!(st = uk_db_prepare(db, "INSERT INTO ledger_funds(name, title) VALUES (?1, ?2)")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
	rc = uk_db_each(db, st, NULL, NULL, N_("cannot add the fund"));
	sqlite3_finalize(st);
	return rc;
}

static int fund_row(sqlite3_stmt *st, void *ctx)
{
	char money[UK_MONEY_BUFSZ];
	int64_t bal;
	const char *vals[3];
	if (uk_money_add(sqlite3_column_int64(st, 2), -sqlite3_column_int64(st, 3), &bal))
		return overflow();
	vals[0] = uk_db_text(st, 0);
	vals[1] = uk_db_text(st, 1);
	vals[2] = uk_money_format(bal, money);
	return put_row(ctx, vals) ? UK_DB_STOP : 0;
}

int uk_ledger_funds_list(struct uk_db *db, struct uk_writer *w)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT f.name, f.title, coalesce(sum(t.amount_in), 0), coalesce(sum(t.amount_out), 0)"
		" FROM ledger_funds f LEFT JOIN ledger_totals t ON t.fund = f.name"
		" GROUP BY f.name ORDER BY f.name");
	int status;
	if (!st)
		return UK_EX_SOFTWARE;
	status = uk_db_each(db, st, fund_row, w, N_("cannot list funds"));
	sqlite3_finalize(st);
	return status;
}

static int figures_row(sqlite3_stmt *st, void *ctx)
{
	struct uk_ledger_figures *f = ctx;
	f->income = sqlite3_column_int64(st, 0);
	f->expense = sqlite3_column_int64(st, 1);
	f->dues = sqlite3_column_int64(st, 2);
	f->hardship_paid = sqlite3_column_int64(st, 3);
	f->hardship_recipients = sqlite3_column_int64(st, 4);
	return 0;
}

int uk_ledger_figures(struct uk_db *db, struct uk_period p, struct uk_ledger_figures *f)
{
	/* Voids are entries of the other direction: sums net them out. */
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT"
		" coalesce(sum(CASE WHEN c.kind = 'income' THEN (CASE e.direction WHEN 'in' THEN e.amount ELSE -e.amount END) END), 0),"
		" coalesce(sum(CASE WHEN c.kind = 'expense' THEN (CASE e.direction WHEN 'out' THEN e.amount ELSE -e.amount END) END), 0),"
		" coalesce(sum(CASE WHEN e.category = '401' THEN (CASE e.direction WHEN 'in' THEN e.amount ELSE -e.amount END) END), 0),"
		" coalesce(sum(CASE WHEN e.fund = 'hardship' AND (c.code = '502' OR c.parent = '502')"
		"   THEN (CASE e.direction WHEN 'out' THEN e.amount ELSE -e.amount END) END), 0),"
		" (SELECT count(DISTINCT x.member_id) FROM ledger_entries x JOIN ledger_categories y ON y.code = x.category"
		"   WHERE x.fund = 'hardship' AND (y.code = '502' OR y.parent = '502') AND x.direction = 'out'"
		"   AND x.void_of IS NULL AND x.member_id IS NOT NULL AND x.date BETWEEN ?1 AND ?2"
		"   AND NOT EXISTS (SELECT 1 FROM ledger_entries v WHERE v.void_of = x.id AND v.date <= ?2))"
		" FROM ledger_entries e JOIN ledger_categories c ON c.code = e.category"
		" WHERE e.date BETWEEN ?1 AND ?2");
	int rc, found;
	memset(f, 0, sizeof *f);
	if (!st)
		return UK_EX_SOFTWARE;
	uk_db_bind_period(st, 1, p);
	rc = uk_db_one(db, st, figures_row, f, &found, N_("cannot sum the books"));
	sqlite3_finalize(st);
	return rc;
}

/* Steps st through its rows of three texts and an amount, calling fn on
 * each until it returns non-zero; finalizes st. The shape of the report
 * queries below. */
typedef int (*row4_fn)(void *ctx, const char *a, const char *b, const char *c, int64_t n);
struct row4 { row4_fn fn; void *ctx; };

static int row4_row(sqlite3_stmt *st, void *ctx)
{
	struct row4 *r = ctx;
	return r->fn(r->ctx, uk_db_text(st, 0), uk_db_text(st, 1), uk_db_text(st, 2),
	             sqlite3_column_int64(st, 3));
}

static int each_row4(struct uk_db *db, sqlite3_stmt *st, row4_fn fn, void *ctx, const char *what)
{
	struct row4 r = {fn, ctx};
	int status = uk_db_each(db, st, row4_row, &r, what);
	sqlite3_finalize(st);
	return status;
}

int uk_ledger_class_totals(struct uk_db *db, struct uk_period p, uk_class_fn fn, void *ctx)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT top.code, top.name, top.kind,"
		" sum(CASE WHEN (top.kind = 'income') = (e.direction = 'in') THEN e.amount ELSE -e.amount END)"
		" FROM ledger_entries e JOIN ledger_categories c ON c.code = e.category"
		" JOIN ledger_categories top ON top.code = coalesce(c.parent, c.code)"
		" WHERE e.date BETWEEN ?1 AND ?2 AND top.kind <> 'system'"
		" GROUP BY top.code ORDER BY top.kind = 'expense', top.code");
	if (!st)
		return UK_EX_SOFTWARE;
	uk_db_bind_period(st, 1, p);
	return each_row4(db, st, fn, ctx, N_("cannot sum the books"));
}

struct month_rows { uk_month_fn fn; void *ctx; };

static int month_row(sqlite3_stmt *st, void *ctx)
{
	struct month_rows *m = ctx;
	return m->fn(m->ctx, uk_db_text(st, 0), sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2));
}

int uk_ledger_month_totals(struct uk_db *db, struct uk_period p, uk_month_fn fn, void *ctx)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT substr(e.date, 1, 7),"
		" coalesce(sum(CASE WHEN c.kind = 'income' THEN (CASE e.direction WHEN 'in' THEN e.amount ELSE -e.amount END) END), 0),"
		" coalesce(sum(CASE WHEN c.kind = 'expense' THEN (CASE e.direction WHEN 'out' THEN e.amount ELSE -e.amount END) END), 0)"
		" FROM ledger_entries e JOIN ledger_categories c ON c.code = e.category"
		" WHERE e.date BETWEEN ?1 AND ?2 GROUP BY 1 ORDER BY 1");
	struct month_rows m = {fn, ctx};
	int status;
	if (!st)
		return UK_EX_SOFTWARE;
	uk_db_bind_period(st, 1, p);
	status = uk_db_each(db, st, month_row, &m, N_("cannot sum the books"));
	sqlite3_finalize(st);
	return status;
}

int uk_ledger_balances_at(struct uk_db *db, struct uk_date date, uk_balance_fn fn, void *ctx)
{
	/* Every fund and account that has entries, and every fund: the kept
	 * totals of the months before date's month, and the entries of that
	 * month up to date (on the date index), not the whole book. */
	sqlite3_stmt *st = uk_db_prepare(db,
		"WITH t AS (SELECT fund, account, sum(amount_in - amount_out) AS b FROM ledger_totals"
		"   WHERE month < substr(?1, 1, 7) GROUP BY fund, account"
		"  UNION ALL SELECT fund, account, sum(CASE direction WHEN 'in' THEN amount ELSE -amount END)"
		"   FROM ledger_entries WHERE date BETWEEN substr(?1, 1, 7) || '-01' AND ?1 GROUP BY fund, account)"
		" SELECT f.name, f.title, coalesce(t.account, 'bank'), coalesce(sum(t.b), 0)"
		" FROM ledger_funds f LEFT JOIN t ON t.fund = f.name"
		" GROUP BY f.name, t.account ORDER BY f.name, t.account");
	char d[UK_DATE_BUFSZ];
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, uk_date_format(date, d), -1, SQLITE_STATIC);
	return each_row4(db, st, fn, ctx, N_("cannot read balances"));
}

struct flow_rows { uk_flow_fn fn; void *ctx; };

static int flow_row(sqlite3_stmt *st, void *ctx)
{
	struct flow_rows *f = ctx;
	return f->fn(f->ctx, uk_db_text(st, 0), uk_db_text(st, 1), sqlite3_column_int64(st, 2),
	             sqlite3_column_int64(st, 3));
}

int uk_ledger_flows(struct uk_db *db, struct uk_period p, uk_flow_fn fn, void *ctx)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT fund, account,"
		" coalesce(sum(CASE WHEN void_of IS NULL AND direction = 'in' THEN amount"
		"  WHEN void_of IS NOT NULL AND direction = 'out' THEN -amount END), 0),"
		" coalesce(sum(CASE WHEN void_of IS NULL AND direction = 'out' THEN amount"
		"  WHEN void_of IS NOT NULL AND direction = 'in' THEN -amount END), 0)"
		" FROM ledger_entries WHERE category <> 'opening' AND date BETWEEN ?1 AND ?2"
		" GROUP BY fund, account ORDER BY fund, account");
	struct flow_rows f = {fn, ctx};
	int status;
	if (!st)
		return UK_EX_SOFTWARE;
	uk_db_bind_period(st, 1, p);
	status = uk_db_each(db, st, flow_row, &f, N_("cannot sum the books"));
	sqlite3_finalize(st);
	return status;
}

int uk_ledger_aid(struct uk_db *db, struct uk_period p, uk_aid_fn fn, void *ctx)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT x.date, m.member_no, m.name, x.amount FROM ledger_entries x"
		" JOIN ledger_categories y ON y.code = x.category LEFT JOIN members m ON m.id = x.member_id"
		" WHERE x.fund = 'hardship' AND (y.code = '502' OR y.parent = '502') AND x.direction = 'out'"
		" AND x.void_of IS NULL AND x.date BETWEEN ?1 AND ?2"
		" AND NOT EXISTS (SELECT 1 FROM ledger_entries v WHERE v.void_of = x.id AND v.date <= ?2)"
		" ORDER BY x.date, x.id");
	if (!st)
		return UK_EX_SOFTWARE;
	uk_db_bind_period(st, 1, p);
	return each_row4(db, st, fn, ctx, N_("cannot read aid"));
}

int uk_ledger_openings(struct uk_db *db, struct uk_period p, uk_balance_fn fn, void *ctx)
{
	/* Opening balances (期初余额) recorded within the period, net of voids:
	 * a book that starts in the period starts with them. */
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT e.fund, f.title, e.account, sum(CASE e.direction WHEN 'in' THEN e.amount ELSE -e.amount END)"
		" FROM ledger_entries e JOIN ledger_funds f ON f.name = e.fund"
		" WHERE e.category = 'opening' AND e.date BETWEEN ?1 AND ?2 GROUP BY e.fund, e.account");
	if (!st)
		return UK_EX_SOFTWARE;
	uk_db_bind_period(st, 1, p);
	return each_row4(db, st, fn, ctx, N_("cannot read balances"));
}
