/* care.c - care for members: visits, gifts, 送温暖, 夏送清凉, 金秋助学. A
 * record names a member (or a unit with its workers); its cash and its
 * goods are ledger entries posted in the same transaction, under the
 * class and from the fund its kind calls for. */
#include "uk_care.h"
#include "uk_batch.h"
#include "uk_cli.h"
#include "uk_config.h"
#include "uk_i18n.h"
#include "uk_ids.h"
#include "uk_ledger.h"
#include "uk_members.h"
#include "uk_money.h"
#include "uk_text.h"
#include "uk_vocabs.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What each kind of the vocabulary (lib/vocabs.c, in the same order) calls
 * for in the books. Gifts for holidays, birthdays and condolences are
 * member activities (50104 from the union's funds); 送温暖 and aid to
 * members in hardship are 维权支出 from the hardship fund (50205, 50204);
 * 夏送清凉 is labour protection (50202). cap: the kind has a per-person cap
 * of the year (care.cap.KIND), as provinces set them. */
static const struct kind_rule {
	const char *slug, *category, *fund;
	int hardship;      /* 先建档、后帮扶: a member with a hardship file */
	int member_only;   /* never to a unit */
	int cap;
} rules[UK_CARE_NKINDS] = {
	{"sick", "50104", "general", 0, 1, 1},
	{"birth", "50104", "general", 0, 1, 1},
	{"wedding", "50104", "general", 0, 1, 1},
	{"retirement", "50104", "general", 0, 1, 1},
	{"bereavement", "50104", "general", 0, 1, 1},
	{"birthday", "50104", "general", 0, 1, 1},
	{"holiday", "50104", "general", 0, 1, 1},
	{"winter", "50205", "hardship", 1, 0, 0},
	{"summer", "50202", "general", 0, 0, 0},
	{"hardship", "50204", "hardship", 1, 1, 0},
	{"school-aid", "50204", "hardship", 1, 1, 0},
	{"accident", "50104", "general", 0, 1, 0},
	{"other", "50104", "general", 0, 0, 0},
};

const char *uk_care_kind(int i) { return uk_vocab_of(UK_V_CARE_KIND)->words[i].slug; }

int uk_care_kind_index(const char *kind)
{
	const char *slug = kind ? uk_vocab_slug_of(UK_V_CARE_KIND, kind) : NULL;
	for (int i = 0; slug && i < UK_CARE_NKINDS; i++)
		if (strcmp(slug, rules[i].slug) == 0)
			return i;
	return -1;
}

static int write_step(struct uk_db *db, sqlite3_stmt *st, const char *what)
{
	int rc = uk_db_each(db, st, NULL, NULL, what);
	sqlite3_finalize(st);
	return rc;
}

/* An amount given (cash, goods value): > 0, in fen. */
static int money_of(const char *s, const char *what, int64_t *fen, char *err, size_t errsz)
{
	const char *why;
	*fen = 0;
	if (!s || !*s)
		return 0;
	if (uk_money_parse(s, fen, &why) != 0)
		return uk_errf(err, errsz, "%s in %s '%s'", why, what, s);
	if (*fen <= 0)
		return uk_errf(err, errsz, "%s must be more than zero, not '%s'", what, s);
	return 0;
}

static int text_ok(const char *s, const char *field, char *err, size_t errsz)
{
	if (s && *s && (strlen(s) > 500 || uk_text_has_control(s, 0)))
		return uk_errf(err, errsz, "%s: control characters or longer than 500 bytes", field);
	return 0;
}

static int count_of(const char *s, const char *what, long *n, char *err, size_t errsz)
{
	char *end;
	*n = strtol(s, &end, 10);
	if (!*s || *end || *n < 0 || *n > 100000000)
		return uk_errf(err, errsz, "%s must be a whole number, not '%s'", what, s);
	return 0;
}

/* The year's cash and goods of kind already given to a member. */
static int year_total(struct uk_db *db, int64_t member, const char *kind, int year, int64_t *total)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT coalesce(sum(coalesce(amount, 0) + coalesce(goods_value, 0)), 0) FROM care"
		" WHERE member_id = ?1 AND kind = ?2 AND substr(date, 1, 4) = printf('%04d', ?3)"
		" AND voided_at IS NULL");
	int rc, found;
	*total = 0;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, member);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, year);
	rc = uk_db_ints(db, st, total, 1, &found, N_("cannot read the year's care"));
	sqlite3_finalize(st);
	return rc;
}

/* A per-person cap of the year: the gift and what the year has given
 * already stay within it, unless --over-cap --reason says why not. */
static int check_cap(struct uk_db *db, const struct kind_rule *k, int64_t member, const char *member_no,
                     int year, int64_t gift, const char *over, char *err, size_t errsz)
{
	char key[48], *cap_s = NULL, a[UK_MONEY_BUFSZ], b[UK_MONEY_BUFSZ];
	int64_t cap, total;
	const char *why;
	int rc;
	if (!k->cap || !gift)
		return 0;
	snprintf(key, sizeof key, "care.cap.%s", k->slug);
	if ((rc = uk_config_get(db, key, &cap_s)) != 0 || !cap_s)
		return rc;
	rc = uk_money_parse(cap_s, &cap, &why);
	free(cap_s);
	if (rc != 0)
		return 0;  /* union-config checks the value it stores */
	if ((rc = year_total(db, member, k->slug, year, &total)) != 0)
		return rc;
	if (total + gift <= cap || (over && *over))
		return 0;
	return uk_errf(err, errsz, "member %s: %s of %d would come to %s, over the cap of %s (%s); "
	               "--over-cap --reason to give it anyway", member_no,
	               uk_vocab_zh(uk_vocab_of(UK_V_CARE_KIND), k->slug), year,
	               uk_money_format(total + gift, a), uk_money_format(cap, b), key);
}

/* 金秋助学: one grant per student a year. */
static int check_student(struct uk_db *db, int64_t member, const char *student, int year, char *err, size_t errsz)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT id FROM care WHERE kind = 'school-aid' AND member_id = ?1 AND student = ?2"
		" AND substr(date, 1, 4) = printf('%04d', ?3) AND voided_at IS NULL");
	int64_t id = 0;
	int rc, found;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, member);
	sqlite3_bind_text(st, 2, student, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, year);
	rc = uk_db_ints(db, st, &id, 1, &found, N_("cannot read the year's care"));
	sqlite3_finalize(st);
	if (!rc && found)
		return uk_errf(err, errsz, "%s has a grant of %d already (care record %lld): one a year",
		               student, year, (long long)id);
	return rc;
}

/* An entry for the cash or the goods; its id into *entry. */
static int post(struct uk_db *db, const struct uk_care_in *in, const struct kind_rule *k, const char *date,
                const char *member_no, const char *amount, const char *memo, int64_t *entry,
                char *err, size_t errsz)
{
	struct uk_ledger *lg;
	struct uk_entry_in e;
	int rc;
	memset(&e, 0, sizeof e);
	e.date = date;
	e.amount = amount;
	e.category = in->category && *in->category ? in->category : k->category;
	/* A unit's 送温暖 is no member's aid: from the union's funds. */
	e.fund = in->fund && *in->fund ? in->fund : member_no || !k->hardship ? k->fund : "general";
	e.account = in->account;
	e.member = member_no;
	e.memo = memo;
	e.force_reason = in->force_reason;
	e.allow_overdraft = in->allow_overdraft;
	if ((rc = uk_ledger_open(db, &lg)) != 0)
		return rc;
	uk_ledger_allow_future(lg, in->allow_future);
	rc = uk_ledger_add_checked(lg, &e, "out", entry, err, errsz);
	if (!rc)
		rc = uk_ledger_flush(lg);
	uk_ledger_close(lg);
	return rc;
}

/* The fields that need no database, checked first. */
static int care_check(const struct uk_care_in *in, const struct kind_rule *k, char *err, size_t errsz)
{
	int has_member = in->member && *in->member, has_unit = in->unit && *in->unit;
	if (has_member == has_unit)
		return uk_errf(err, errsz, "a care record names a member (--member) or a unit (--unit), one of them");
	if (has_unit && k->member_only)
		return uk_errf(err, errsz, "%s goes to a member (--member), not a unit",
		               uk_vocab_zh(uk_vocab_of(UK_V_CARE_KIND), k->slug));
	if (in->workers && *in->workers && !has_unit)
		return uk_errf(err, errsz, "--workers goes with --unit");
	if ((in->goods && *in->goods) != (in->goods_value && *in->goods_value))
		return uk_errf(err, errsz, "goods are given with their value: --goods TEXT --value AMOUNT");
	if (!strcmp(k->slug, "school-aid") && (!in->student || !*in->student || !in->school || !*in->school))
		return uk_errf(err, errsz, "金秋助学 names the student and the school: --student NAME --school NAME");
	if (strcmp(k->slug, "school-aid") && ((in->student && *in->student) || (in->school && *in->school)))
		return uk_errf(err, errsz, "--student and --school go with 金秋助学 (school-aid)");
	if (text_ok(in->unit, "unit", err, errsz) || text_ok(in->goods, "goods", err, errsz) ||
	    text_ok(in->occasion, "occasion", err, errsz) || text_ok(in->student, "student", err, errsz) ||
	    text_ok(in->school, "school", err, errsz))
		return -1;
	if (in->note && (strlen(in->note) > 2000 || uk_text_has_control(in->note, 1)))
		return uk_errf(err, errsz, "note: control characters or longer than 2000 bytes");
	return 0;
}

int uk_care_add(struct uk_db *db, const struct uk_care_in *in, int64_t *id, char *err, size_t errsz)
{
	const struct kind_rule *k;
	struct uk_date d;
	const char *why;
	char date[UK_DATE_BUFSZ], stamp[20], no[64] = "", level[16] = "", memo[600];
	int64_t member = 0, cash = 0, goods = 0, entry = 0;
	long workers = -1, entry_year = 0;
	int kind, rc, found;
	sqlite3_stmt *st;

	*id = 0;
	if (uk_date_parse(in->date ? in->date : "", &d, &why) != 0)
		return uk_errf(err, errsz, "%s in date '%s'", why, in->date ? in->date : "");
	uk_date_format(d, date);
	if (uk_future_check(d, in->allow_future, err, errsz) != 0)
		return -1;
	if ((kind = uk_care_kind_index(in->kind)) < 0)
		return uk_errf(err, errsz, "unknown kind '%s' (union-config vocab care-kind lists them)",
		               in->kind ? in->kind : "");
	k = &rules[kind];
	if ((rc = care_check(in, k, err, errsz)) != 0 ||
	    (rc = money_of(in->amount, "amount", &cash, err, errsz)) != 0 ||
	    (rc = money_of(in->goods_value, "value", &goods, err, errsz)) != 0 ||
	    (in->workers && *in->workers && (rc = count_of(in->workers, "workers", &workers, err, errsz)) != 0))
		return rc;
	entry_year = d.y;
	if (in->entry_year && *in->entry_year &&
	    ((rc = count_of(in->entry_year, "entry year", &entry_year, err, errsz)) != 0 ||
	     entry_year < 1900 || entry_year > d.y + 1))
		return rc ? rc : uk_errf(err, errsz, "entry year '%s' is not a year of school", in->entry_year);
	if (in->member && *in->member) {
		if ((rc = uk_member_resolve(db, in->member, UK_KEY_MEMBER_NO, &member, no, sizeof no, &found,
		                            err, errsz)) != 0)
			return rc;
		if (!found)
			return uk_errf(err, errsz, "no member '%s'", in->member);
		/* 先建档、后帮扶: a hardship file on record at the date. */
		if (k->hardship && !(in->force_reason && *in->force_reason)) {
			if ((rc = uk_member_value_at(db, no, UK_KEY_MEMBER_NO, "hardship", date, &member, level,
			                             &found)) != 0)
				return rc;
			if (!strcmp(level, "none"))
				return uk_errf(err, errsz, "member %s has no hardship file on %s: %s goes to members "
				               "with one (member-set --hardship), or --force --reason", no, date,
				               uk_vocab_zh(uk_vocab_of(UK_V_CARE_KIND), k->slug));
		}
		if ((rc = check_cap(db, k, member, no, d.y, cash + goods, in->over_cap_reason, err, errsz)) != 0)
			return rc;
		if (!strcmp(k->slug, "school-aid") && (rc = check_student(db, member, in->student, d.y, err, errsz)) != 0)
			return rc;
	}
	uk_timestamp(stamp);
	if (!(st = uk_db_prepare(db, "INSERT INTO care(date, kind, member_id, unit, workers, amount, goods,"
	                             " goods_value, occasion, student, school, entry_year, note, over_cap_reason,"
	                             " force_reason, allow_future, recorded_at)"
	                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, k->slug, -1, SQLITE_STATIC);
	if (member)
		sqlite3_bind_int64(st, 3, member);
	else
		sqlite3_bind_text(st, 4, in->unit, -1, SQLITE_STATIC);
	if (workers >= 0)
		sqlite3_bind_int64(st, 5, workers);
	if (cash)
		sqlite3_bind_int64(st, 6, cash);
	if (goods) {
		sqlite3_bind_text(st, 7, in->goods, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 8, goods);
	}
	if (in->occasion && *in->occasion)
		sqlite3_bind_text(st, 9, in->occasion, -1, SQLITE_STATIC);
	if (!strcmp(k->slug, "school-aid")) {
		sqlite3_bind_text(st, 10, in->student, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 11, in->school, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 12, entry_year);
	}
	if (in->note && *in->note)
		sqlite3_bind_text(st, 13, in->note, -1, SQLITE_STATIC);
	if (in->over_cap_reason && *in->over_cap_reason)
		sqlite3_bind_text(st, 14, in->over_cap_reason, -1, SQLITE_STATIC);
	if (in->force_reason && *in->force_reason)
		sqlite3_bind_text(st, 15, in->force_reason, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 16, uk_date_cmp(d, uk_date_today()) > 0);
	sqlite3_bind_text(st, 17, stamp, -1, SQLITE_STATIC);
	if ((rc = write_step(db, st, N_("cannot add the care record"))) != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(uk_db_sqlite(db));
	/* The memo says what the entry paid: 节日 2027春节, 慰问品 月饼. */
	snprintf(memo, sizeof memo, "%s%s%s", uk_vocab_zh(uk_vocab_of(UK_V_CARE_KIND), k->slug),
	         in->occasion && *in->occasion ? " " : "", in->occasion ? in->occasion : "");
	if (cash) {
		if ((rc = post(db, in, k, date, member ? no : NULL, in->amount, memo, &entry, err, errsz)) != 0)
			return rc;
		if (!(st = uk_db_prepare(db, "UPDATE care SET cash_entry_id = ?2 WHERE id = ?1")))
			return UK_EX_SOFTWARE;
		sqlite3_bind_int64(st, 1, *id);
		sqlite3_bind_int64(st, 2, entry);
		if ((rc = write_step(db, st, N_("cannot link the care record's entry"))) != 0)
			return rc;
	}
	if (goods) {
		snprintf(memo, sizeof memo, "%s %s %.500s", uk_vocab_zh(uk_vocab_of(UK_V_CARE_KIND), k->slug),
		         "慰问品", in->goods);
		if ((rc = post(db, in, k, date, member ? no : NULL, in->goods_value, memo, &entry, err, errsz)) != 0)
			return rc;
		if (!(st = uk_db_prepare(db, "UPDATE care SET goods_entry_id = ?2 WHERE id = ?1")))
			return UK_EX_SOFTWARE;
		sqlite3_bind_int64(st, 1, *id);
		sqlite3_bind_int64(st, 2, entry);
		if ((rc = write_step(db, st, N_("cannot link the care record's entry"))) != 0)
			return rc;
	}
	return 0;
}

/* Whether a member has a record of the kind and occasion. */
static int has_occasion(struct uk_db *db, const char *member_no, const char *kind, const char *occasion,
                        int *has)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT count(*) FROM care c JOIN members m ON m.id = c.member_id"
		" WHERE m.member_no = ?1 AND c.kind = ?2 AND c.occasion = ?3 AND c.voided_at IS NULL");
	int64_t n = 0;
	int rc, found;
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, member_no, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, occasion, -1, SQLITE_STATIC);
	rc = uk_db_ints(db, st, &n, 1, &found, N_("cannot read the year's care"));
	sqlite3_finalize(st);
	*has = n > 0;
	return rc;
}

struct roll_ctx {
	char **nos;
	int n, cap;
};

static int collect_active(void *ctx, const char *member_no, const char *name, const char *unit,
                          const char *wage_base)
{
	struct roll_ctx *r = ctx;
	(void)name, (void)unit, (void)wage_base;
	if (r->n == r->cap) {
		char **g = realloc(r->nos, (size_t)(r->cap = r->cap * 2 + 64) * sizeof *g);
		if (!g)
			return uk_err_nomem();
		r->nos = g;
	}
	if (!(r->nos[r->n] = strdup(member_no)))
		return uk_err_nomem();
	r->n++;
	return 0;
}

int uk_care_roll(struct uk_db *db, const struct uk_care_in *in, const char *const *members, int n,
                 long *added, long *already, char *err, size_t errsz)
{
	struct roll_ctx all = {NULL, 0, 0};
	struct uk_care_in one = *in;
	int rc = 0, kind = uk_care_kind_index(in->kind);
	*added = *already = 0;
	if (kind < 0)
		return uk_errf(err, errsz, "unknown kind '%s' (union-config vocab care-kind lists them)",
		               in->kind ? in->kind : "");
	if (!in->occasion || !*in->occasion)
		return uk_errf(err, errsz, "a roll names its occasion (--occasion 2027春节): a second roll of it gives nothing");
	if (!members) {
		char date[UK_DATE_BUFSZ];
		struct uk_date d;
		const char *why;
		if (uk_date_parse(in->date ? in->date : "", &d, &why) != 0)
			return uk_errf(err, errsz, "%s in date '%s'", why, in->date ? in->date : "");
		uk_date_format(d, date);
		if ((rc = uk_members_each_active(db, date, date, collect_active, &all)) != 0)
			goto out;
		members = (const char *const *)all.nos;
		n = all.n;
	}
	one.unit = NULL;
	one.workers = NULL;
	for (int i = 0; i < n && !rc; i++) {
		int64_t id;
		int has;
		if ((rc = has_occasion(db, members[i], rules[kind].slug, in->occasion, &has)) != 0)
			break;
		if (has) {
			(*already)++;
			continue;
		}
		one.member = members[i];
		if ((rc = uk_care_add(db, &one, &id, err, errsz)) == 0)
			(*added)++;
	}
out:
	for (int i = 0; i < all.n; i++)
		free(all.nos[i]);
	free(all.nos);
	return rc;
}

/* What void needs to know of a record. */
struct to_void { int64_t entry[2]; char voided[24]; int future; };

static int to_void_row(sqlite3_stmt *st, void *ctx)
{
	struct to_void *v = ctx;
	v->entry[0] = sqlite3_column_int64(st, 0);
	v->entry[1] = sqlite3_column_int64(st, 1);
	snprintf(v->voided, sizeof v->voided, "%s", uk_db_text(st, 2));
	v->future = sqlite3_column_int(st, 3);
	return 0;
}

int uk_care_void(struct uk_db *db, int64_t id, const char *reason, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	struct to_void v = {{0, 0}, "", 0};
	char stamp[20];
	int rc, found;

	if (uk_void_reason_check(reason, err, errsz) != 0)
		return -1;
	/* An entry voided already by hand is left as it is. */
	if (!(st = uk_db_prepare(db, "SELECT CASE WHEN EXISTS (SELECT 1 FROM ledger_entries x WHERE x.void_of = c.cash_entry_id)"
	                             "  THEN 0 ELSE coalesce(c.cash_entry_id, 0) END,"
	                             " CASE WHEN EXISTS (SELECT 1 FROM ledger_entries x WHERE x.void_of = c.goods_entry_id)"
	                             "  THEN 0 ELSE coalesce(c.goods_entry_id, 0) END,"
	                             " coalesce(c.voided_at, ''), c.allow_future FROM care c WHERE c.id = ?1")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, id);
	rc = uk_db_one(db, st, to_void_row, &v, &found, N_("cannot read the care record"));
	sqlite3_finalize(st);
	if (rc)
		return rc;
	if (!found)
		return uk_errf(err, errsz, "no care record %lld", (long long)id);
	if (*v.voided)
		return uk_errf(err, errsz, "care record %lld is already voided (on %.10s)", (long long)id, v.voided);
	uk_timestamp(stamp);
	if (!(st = uk_db_prepare(db, "UPDATE care SET voided_at = ?2, void_reason = ?3 WHERE id = ?1")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, stamp, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, reason, -1, SQLITE_STATIC);
	if ((rc = write_step(db, st, N_("cannot void the care record"))) != 0)
		return rc;
	for (int i = 0; i < 2 && !rc; i++) {
		struct uk_ledger *lg;
		int64_t reversal;
		if (!v.entry[i])
			continue;
		if ((rc = uk_ledger_open(db, &lg)) != 0)
			return rc;
		uk_ledger_allow_future(lg, v.future);
		rc = uk_ledger_void(lg, v.entry[i], reason, NULL, 0, &reversal, err, errsz);
		if (!rc)
			rc = uk_ledger_flush(lg);
		uk_ledger_close(lg);
	}
	return rc;
}

enum { CC_ID, CC_DATE, CC_KIND, CC_MEMBER_NO, CC_NAME, CC_UNIT, CC_WORKERS, CC_AMOUNT, CC_GOODS,
       CC_GOODS_VALUE, CC_OCCASION, CC_STUDENT, CC_SCHOOL, CC_ENTRY_YEAR, CC_CASH_ENTRY,
       CC_GOODS_ENTRY, CC_NOTE, CC_COUNT };

static const struct uk_outcol outcols[CC_COUNT + 2] = {
	{"id", UK_COL_INT}, {"date", UK_COL_TEXT}, {"kind", UK_COL_TEXT}, {"member_no", UK_COL_TEXT},
	{"member_name", UK_COL_TEXT}, {"unit", UK_COL_TEXT}, {"workers", UK_COL_INT},
	{"amount", UK_COL_MONEY}, {"goods", UK_COL_TEXT}, {"goods_value", UK_COL_MONEY},
	{"occasion", UK_COL_TEXT}, {"student", UK_COL_TEXT}, {"school", UK_COL_TEXT},
	{"entry_year", UK_COL_INT}, {"cash_entry_id", UK_COL_INT}, {"goods_entry_id", UK_COL_INT},
	{"note", UK_COL_TEXT}, {"voided_at", UK_COL_TEXT}, {"void_reason", UK_COL_TEXT},
};

const struct uk_outcol *uk_care_outcols(int voided, int *n)
{
	*n = CC_COUNT + (voided ? 2 : 0);
	return outcols;
}

static int rows(struct uk_db *db, sqlite3_stmt *st, const struct uk_outcol *cols, int n, int mask,
                struct uk_writer *w)
{
	/* The names of the listing: the member's, the student's. */
	static const int names[] = {CC_NAME, CC_STUDENT, -1};
	return uk_db_write_rows(db, st, cols, n, mask ? names : NULL, w, N_("cannot read care records"));
}

int uk_care_list(struct uk_db *db, const struct uk_period *p, const char *kind, const char *member,
                 int voided, int mask, struct uk_writer *w)
{
	int n, k = kind ? uk_care_kind_index(kind) : -1;
	const struct uk_outcol *cols = uk_care_outcols(voided, &n);
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT c.id, c.date, c.kind, m.member_no, m.name, coalesce(c.unit, m.unit), c.workers, c.amount,"
		" c.goods, c.goods_value, c.occasion, c.student, c.school, c.entry_year, c.cash_entry_id,"
		" c.goods_entry_id, c.note, c.voided_at, c.void_reason"
		" FROM care c LEFT JOIN members m ON m.id = c.member_id"
		" WHERE (?1 IS NULL OR c.date BETWEEN ?1 AND ?2) AND (?3 IS NULL OR c.kind = ?3)"
		" AND (?4 IS NULL OR m.member_no = ?4) AND ((?5 = 0) = (c.voided_at IS NULL))"
		" ORDER BY c.date, c.id");
	if (!st)
		return UK_EX_SOFTWARE;
	if (p)
		uk_db_bind_period(st, 1, *p);
	if (k >= 0)
		sqlite3_bind_text(st, 3, rules[k].slug, -1, SQLITE_STATIC);
	if (member)
		sqlite3_bind_text(st, 4, member, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, voided);
	return rows(db, st, cols, n, mask, w);
}

static const struct uk_outcol stats_cols[] = {
	{"kind", UK_COL_TEXT}, {"persons", UK_COL_INT}, {"times", UK_COL_INT}, {"amount", UK_COL_MONEY},
	{"goods_value", UK_COL_MONEY}, {"units", UK_COL_INT}, {"workers", UK_COL_INT},
};
static const struct uk_outcol unit_stats_cols[] = {
	{"unit", UK_COL_TEXT}, {"persons", UK_COL_INT}, {"times", UK_COL_INT}, {"amount", UK_COL_MONEY},
	{"goods_value", UK_COL_MONEY}, {"units", UK_COL_INT}, {"workers", UK_COL_INT},
};

const struct uk_outcol *uk_care_stats_outcols(int by_unit, int *n)
{
	*n = (int)(sizeof stats_cols / sizeof stats_cols[0]);
	return by_unit ? unit_stats_cols : stats_cols;
}

int uk_care_stats(struct uk_db *db, struct uk_period p, int by_unit, struct uk_writer *w)
{
	int n;
	const struct uk_outcol *cols = uk_care_stats_outcols(by_unit, &n);
	/* persons: members cared for (each once), times: records; units and
	 * their workers for care given to a unit. By kind in the
	 * vocabulary's order (a last column, not written, sorts), then the
	 * total. */
	sqlite3_stmt *st = uk_db_prepare(db, by_unit ?
		"WITH c AS (SELECT c.*, coalesce(c.unit, m.unit, '') AS u FROM care c"
		"  LEFT JOIN members m ON m.id = c.member_id"
		"  WHERE c.date BETWEEN ?1 AND ?2 AND c.voided_at IS NULL)"
		" SELECT u, count(DISTINCT member_id), count(*), sum(coalesce(amount, 0)),"
		"  sum(coalesce(goods_value, 0)), count(DISTINCT unit), coalesce(sum(workers), 0), 0, u"
		" FROM c GROUP BY u"
		" UNION ALL SELECT 'total', count(DISTINCT member_id), count(*), coalesce(sum(coalesce(amount, 0)), 0),"
		"  coalesce(sum(coalesce(goods_value, 0)), 0), count(DISTINCT unit), coalesce(sum(workers), 0), 1, ''"
		" FROM c ORDER BY 8, 9" :
		"WITH c AS (SELECT * FROM care WHERE date BETWEEN ?1 AND ?2 AND voided_at IS NULL)"
		" SELECT kind, count(DISTINCT member_id), count(*), sum(coalesce(amount, 0)),"
		"  sum(coalesce(goods_value, 0)), count(DISTINCT unit), coalesce(sum(workers), 0),"
		"  instr(?3, ',' || kind || ',')"
		" FROM c GROUP BY kind"
		" UNION ALL SELECT 'total', count(DISTINCT member_id), count(*), coalesce(sum(coalesce(amount, 0)), 0),"
		"  coalesce(sum(coalesce(goods_value, 0)), 0), count(DISTINCT unit), coalesce(sum(workers), 0), 10000"
		" FROM c ORDER BY 8");
	char order[400] = ",";
	if (!st)
		return UK_EX_SOFTWARE;
	uk_db_bind_period(st, 1, p);
	if (!by_unit) {
		for (int i = 0; i < UK_CARE_NKINDS; i++)
			snprintf(order + strlen(order), sizeof order - strlen(order), "%s,", rules[i].slug);
		sqlite3_bind_text(st, 3, order, -1, SQLITE_TRANSIENT);
	}
	return rows(db, st, cols, n, 0, w);
}

int uk_care_figures(struct uk_db *db, struct uk_period p, struct uk_care_figures *f)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"WITH c AS (SELECT *, coalesce(amount, 0) + coalesce(goods_value, 0) AS v FROM care"
		"  WHERE date BETWEEN ?1 AND ?2 AND voided_at IS NULL)"
		" SELECT count(DISTINCT member_id), count(*), count(DISTINCT unit), coalesce(sum(workers), 0),"
		"  coalesce(sum(amount), 0), coalesce(sum(goods_value), 0),"
		"  (SELECT count(DISTINCT member_id) FROM c WHERE kind IN ('winter', 'hardship')),"
		"  (SELECT coalesce(sum(v), 0) FROM c WHERE kind IN ('winter', 'hardship') AND member_id IS NOT NULL),"
		"  (SELECT count(DISTINCT unit) FROM c WHERE kind = 'summer'),"
		"  (SELECT count(DISTINCT member_id) + coalesce(sum(workers), 0) FROM c WHERE kind = 'summer'),"
		"  (SELECT coalesce(sum(v), 0) FROM c WHERE kind = 'summer'),"
		"  (SELECT count(DISTINCT member_id || ':' || student) FROM c WHERE kind = 'school-aid'),"
		"  (SELECT coalesce(sum(v), 0) FROM c WHERE kind = 'school-aid')"
		" FROM c");
	int64_t v[13] = {0};
	int rc, found;
	memset(f, 0, sizeof *f);
	if (!st)
		return UK_EX_SOFTWARE;
	uk_db_bind_period(st, 1, p);
	rc = uk_db_ints(db, st, v, 13, &found, N_("cannot count care records"));
	sqlite3_finalize(st);
	if (rc)
		return rc;
	f->persons = (long)v[0], f->times = (long)v[1], f->units = (long)v[2], f->workers = (long)v[3];
	f->cash = v[4], f->goods = v[5];
	f->hardship_persons = (long)v[6], f->hardship_amount = v[7];
	f->summer_units = (long)v[8], f->summer_workers = (long)v[9], f->summer_amount = v[10];
	f->students = (long)v[11], f->school_aid = v[12];
	return 0;
}

static const struct uk_outcol due_cols[] = {
	{"member_no", UK_COL_TEXT}, {"member_name", UK_COL_TEXT}, {"unit", UK_COL_TEXT},
	{"event", UK_COL_TEXT}, {"date", UK_COL_TEXT}, {"days", UK_COL_INT},
};

const struct uk_outcol *uk_care_due_outcols(int *n)
{
	*n = (int)(sizeof due_cols / sizeof due_cols[0]);
	return due_cols;
}

int uk_care_due(struct uk_db *db, struct uk_date at, long days, struct uk_writer *w)
{
	int n;
	const struct uk_outcol *cols = uk_care_due_outcols(&n);
	char atd[UK_DATE_BUFSZ];
	/* The events that call for a visit, each member's latest of a kind;
	 * a care record of the member on or after it answers it. */
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT m.member_no, m.name, m.unit, e.ev, e.date,"
		" CAST(julianday(?1) - julianday(e.date) AS INTEGER)"
		" FROM (SELECT member_id, CASE WHEN field = 'hardship' THEN 'hardship' ELSE new_value END AS ev,"
		"        max(date) AS date FROM member_events"
		"       WHERE ((field = 'status' AND new_value IN ('retired', 'deceased'))"
		"          OR (field = 'hardship' AND new_value <> 'none'))"
		"         AND date <= ?1 AND julianday(?1) - julianday(date) <= ?2"
		"       GROUP BY member_id, ev) e"
		" JOIN members m ON m.id = e.member_id"
		" WHERE NOT EXISTS (SELECT 1 FROM care c WHERE c.member_id = e.member_id AND c.date >= e.date"
		"                   AND c.voided_at IS NULL)"
		" ORDER BY e.date, m.member_no");
	if (!st)
		return UK_EX_SOFTWARE;
	sqlite3_bind_text(st, 1, uk_date_format(at, atd), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, days);
	return rows(db, st, cols, n, 0, w);
}

int uk_care_never_aided(struct uk_db *db, int64_t **ids, long *n)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT m.id FROM members m WHERE m.hardship <> 'none' AND m.status IN ('active', 'retired')"
		" AND NOT EXISTS (SELECT 1 FROM care c WHERE c.member_id = m.id AND c.voided_at IS NULL"
		"   AND c.kind IN ('winter', 'hardship', 'school-aid'))"
		" AND NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.member_id = m.id AND e.fund = 'hardship'"
		"   AND substr(e.category, 1, 3) = '502' AND e.direction = 'out' AND e.void_of IS NULL"
		"   AND NOT EXISTS (SELECT 1 FROM ledger_entries v WHERE v.void_of = e.id))"
		" ORDER BY m.member_no");
	*ids = NULL;
	*n = 0;
	if (!st)
		return UK_EX_SOFTWARE;
	return uk_db_collect_ids(db, st, ids, n);
}

enum { CI_DATE, CI_KIND, CI_MEMBER_NO, CI_UNIT, CI_WORKERS, CI_AMOUNT, CI_GOODS, CI_GOODS_VALUE, CI_OCCASION,
       CI_STUDENT, CI_SCHOOL, CI_ENTRY_YEAR, CI_NOTE, CI_ID, CI_MEMBER_NAME, CI_CASH_ENTRY, CI_GOODS_ENTRY,
       CI_NCOLS };

#define A(...) (const char *const[]){__VA_ARGS__, NULL}
static const struct uk_colspec colspec[CI_NCOLS] = {
	{"date", A("日期", "慰问日期")}, {"kind", A("类型", "慰问类别", "类别")},
	{"member_no", A("会员编号")}, {"unit", A("部门", "单位")}, {"workers", A("涉及人数", "职工人数")},
	{"amount", A("金额", "慰问金")}, {"goods", A("慰问品")}, {"goods_value", A("物品价值")},
	{"occasion", A("事由")}, {"student", A("学生")}, {"school", A("学校")},
	{"entry_year", A("入学年份")}, {"note", A("备注")},
	/* What ls writes beside them: read, and left to the record's own. */
	{"id", A("编号")}, {"member_name", A("姓名")}, {"cash_entry_id", A("现金分录")},
	{"goods_entry_id", A("物品分录")},
};

const struct uk_colspec *uk_care_colspec(int *n)
{
	*n = CI_NCOLS;
	return colspec;
}

struct import_ctx {
	struct uk_db *db;
	int allow_future, allow_overdraft;
	struct uk_matched matched;
};

static const char *field(struct uk_row *row, int c)
{
	const char *s = uk_row_get(row, c);
	return s && *s ? s : NULL;
}


/* The stored record in repeats (0: none), looked for before anything is
 * written. A record that does not read repeats nothing: adding it says
 * what is wrong. */
static int same_care(struct import_ctx *c, const struct uk_care_in *in, int64_t *same)
{
	struct uk_date d;
	const char *why;
	char date[UK_DATE_BUFSZ];
	int64_t cash = 0, goods = 0;
	int kind = uk_care_kind_index(in->kind);
	sqlite3_stmt *st;
	*same = 0;
	if (kind < 0 || uk_date_parse(in->date ? in->date : "", &d, &why) != 0 ||
	    (in->amount && uk_money_parse(in->amount, &cash, &why) != 0) ||
	    (in->goods_value && uk_money_parse(in->goods_value, &goods, &why) != 0))
		return 0;
	if (!(st = uk_db_prepare(c->db,
		"SELECT c.id FROM care c LEFT JOIN members m ON m.id = c.member_id"
		" WHERE c.id <= ?1 AND c.date = ?2 AND c.kind = ?3"
		" AND (CASE WHEN ?4 IS NULL THEN c.unit IS ?5 ELSE m.member_no = ?4 END)"
		" AND c.amount IS ?6 AND c.goods_value IS ?7 AND c.occasion IS ?8"
		" ORDER BY c.voided_at IS NOT NULL, c.id")))
		return UK_EX_SOFTWARE;
	sqlite3_bind_int64(st, 1, c->matched.before);
	sqlite3_bind_text(st, 2, uk_date_format(d, date), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, rules[kind].slug, -1, SQLITE_STATIC);
	if (in->member)
		sqlite3_bind_text(st, 4, in->member, -1, SQLITE_STATIC);
	if (in->unit)
		sqlite3_bind_text(st, 5, in->unit, -1, SQLITE_STATIC);
	if (cash)
		sqlite3_bind_int64(st, 6, cash);
	if (goods)
		sqlite3_bind_int64(st, 7, goods);
	if (in->occasion)
		sqlite3_bind_text(st, 8, in->occasion, -1, SQLITE_STATIC);
	return uk_matched_take(c->db, st, &c->matched, N_("cannot read care records"), same);
}

static int import_care(void *ctx, struct uk_row *row, char *err, size_t errsz)
{
	struct import_ctx *c = ctx;
	struct uk_care_in in;
	int64_t id, same = 0;
	int rc;
	memset(&in, 0, sizeof in);
	in.date = field(row, CI_DATE);
	in.kind = field(row, CI_KIND);
	in.member = field(row, CI_MEMBER_NO);
	/* ls names a member's unit too: a member's record is the member's. */
	in.unit = in.member ? NULL : field(row, CI_UNIT);
	in.workers = in.member ? NULL : field(row, CI_WORKERS);
	in.amount = field(row, CI_AMOUNT);
	in.goods = field(row, CI_GOODS);
	in.goods_value = field(row, CI_GOODS_VALUE);
	in.occasion = field(row, CI_OCCASION);
	in.student = field(row, CI_STUDENT);
	in.school = field(row, CI_SCHOOL);
	in.entry_year = field(row, CI_ENTRY_YEAR);
	in.note = field(row, CI_NOTE);
	in.allow_future = c->allow_future;
	in.allow_overdraft = c->allow_overdraft;
	if ((rc = same_care(c, &in, &same)) != 0)
		return rc;
	if (same) {
		c->matched.found++;
		return 0;
	}
	return uk_care_add(c->db, &in, &id, err, errsz);
}

int uk_care_import(struct uk_db *db, struct uk_reader *r, const char *rejects, int allow_future,
                   int allow_overdraft, long *added, long *unchanged, long *bad)
{
	struct import_ctx c = {db, allow_future, allow_overdraft, UK_MATCHED_INIT};
	return uk_batch_records_again(db, r, rejects, "SELECT coalesce(max(id), 0) FROM care",
	                              import_care, &c, &c.matched, added, unchanged, bad);
}
