/* members_fields.c - the member fields: names, HR header aliases, and the
 * rules each value must meet (doc/domain.md "Members", GB 11643). */
#include "members_priv.h"
#include "uk_ids.h"
#include "uk_money.h"
#include "uk_text.h"
#include "uk_i18n.h"
#include "uk_vocabs.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define A(...) (const char *const[]){__VA_ARGS__, NULL}

/* The fields, then "roles": printed by member-ls, read back and ignored
 * (roles change through member-set). Aliases run from the most specific:
 * when a file has two columns of one field (手机号码 and 联系电话, 部门
 * and 单位), the earlier alias is named first when their values differ. */
static const struct uk_colspec colspec[UK_MF_COUNT + 1] = {
	{"member_no", A("会员编号", "会员卡号", "会员号")},
	{"employee_no", A("工号", "员工编号", "职工编号", "员工号")},
	{"name", A("姓名")},
	{"gender", A("性别")},
	{"id_card", A("身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证")},
	{"birth_date", A("出生日期", "出生年月")},
	{"ethnicity", A("民族")},
	{"education", A("学历", "文化程度")},
	{"political_status", A("政治面貌")},
	{"phone", A("手机号", "手机号码", "手机", "联系电话")},
	{"unit", A("部门", "所在部门", "工作单位", "单位")},
	{"union_group", A("工会小组")},
	{"position", A("岗位", "职务")},
	{"hire_date", A("入职日期", "参加工作时间")},
	{"join_date", A("入会日期", "入会时间")},
	{"wage_base", A("基本工资", "月工资", "工资")},
	{"hardship", A("困难类别")},
	{"migrant_worker", A("是否农民工")},
	{"status", A("状态")},
	{"status_date", A("状态日期")},
	{"note", A("备注")},
	{"id_type", A("证件类型")},
	{"skill_level", A("技能等级")},
	{"household_type", A("户籍类型")},
	{"household_place", A("户籍所在地")},
	{"employment_status", A("就业状态")},
	{"roles", A("工会职务")},
};

const struct uk_colspec *uk_member_colspec(int *n)
{
	*n = UK_MF_COUNT + 1;
	return colspec;
}
const char *uk_member_field_name(enum uk_member_field f) { return colspec[f].name; }

/* A field as a message names it: its Chinese header under a Chinese
 * locale (身份证号), else its name (id_card). */
static const char *label(int f)
{
	if (uk_lang_of_locale() == UK_LANG_ZH && colspec[f].aliases)
		return colspec[f].aliases[0];
	return colspec[f].name;
}

int uk_member_field_find(const char *name, size_t len)
{
	for (int f = 0; f < UK_MF_COUNT; f++)
		if (strlen(colspec[f].name) == len && strncmp(colspec[f].name, name, len) == 0)
			return f;
	return -1;
}

static const struct uk_outcol outcols[UK_MF_COUNT + 1] = {
	{"member_no", UK_COL_TEXT}, {"employee_no", UK_COL_TEXT}, {"name", UK_COL_TEXT},
	{"gender", UK_COL_TEXT}, {"id_card", UK_COL_TEXT}, {"birth_date", UK_COL_TEXT},
	{"ethnicity", UK_COL_TEXT}, {"education", UK_COL_TEXT}, {"political_status", UK_COL_TEXT},
	{"phone", UK_COL_TEXT}, {"unit", UK_COL_TEXT}, {"union_group", UK_COL_TEXT},
	{"position", UK_COL_TEXT}, {"hire_date", UK_COL_TEXT}, {"join_date", UK_COL_TEXT},
	{"wage_base", UK_COL_MONEY}, {"hardship", UK_COL_TEXT}, {"migrant_worker", UK_COL_TEXT},
	{"status", UK_COL_TEXT}, {"status_date", UK_COL_TEXT}, {"roles", UK_COL_TEXT},
	{"note", UK_COL_TEXT}, {"id_type", UK_COL_TEXT}, {"skill_level", UK_COL_TEXT},
	{"household_type", UK_COL_TEXT}, {"household_place", UK_COL_TEXT},
	{"employment_status", UK_COL_TEXT},
};

const struct uk_outcol *uk_member_outcols(int *n)
{
	*n = UK_MF_COUNT + 1;
	return outcols;
}

int uk_member_key_parse(const char *s, enum uk_member_key *k)
{
	if (strcmp(s, "employee_no") == 0) *k = UK_KEY_EMPLOYEE_NO;
	else if (strcmp(s, "id_card") == 0) *k = UK_KEY_ID_CARD;
	else if (strcmp(s, "member_no") == 0) *k = UK_KEY_MEMBER_NO;
	else return -1;
	return 0;
}

/* The vocabulary of a field (lib/vocabs.c), or NULL. */
static const struct uk_vocab *vocabulary(enum uk_member_field f)
{
	switch (f) {
	case UK_MF_STATUS: return uk_vocab_of(UK_V_MEMBER_STATUS);
	case UK_MF_HARDSHIP: return uk_vocab_of(UK_V_HARDSHIP);
	case UK_MF_MIGRANT_WORKER: return uk_vocab_of(UK_V_YESNO);
	default: return NULL;
	}
}

const char *uk_member_word(enum uk_member_field f, const char *s)
{
	const struct uk_vocab *v = vocabulary(f);
	return v ? uk_vocab_slug(v, s) : NULL;
}

const char *uk_member_words_text(enum uk_member_field f, const char *more, char *buf, size_t bufsz)
{
	const struct uk_vocab *v = vocabulary(f);
	int n = v ? v->n : 0, zh = uk_lang_of_locale() == UK_LANG_ZH;
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < n && used < bufsz; i++) {
		const char *sep = i == 0 ? "" : i + 1 < n || more ? ", " : _(" or ");
		/* Under zh both languages: 在职 (active). */
		int k = zh ? snprintf(buf + used, bufsz - used, "%s%s (%s)", sep, v->words[i].zh, v->words[i].slug)
		           : snprintf(buf + used, bufsz - used, "%s%s", sep, v->words[i].slug);
		used += k > 0 ? (size_t)k : 0;
	}
	if (more && used < bufsz)
		snprintf(buf + used, bufsz - used, "%s%s", _(" or "), more);
	return buf;
}

int uk_member_filter_status(struct uk_member_filter *f, const char *s, char *err, size_t errsz)
{
	char words[240];
	const char *slug = strcmp(s, "all") == 0 || strcmp(s, "全部") == 0 || strcmp(s, "所有") == 0
	                   ? "all" : uk_member_word(UK_MF_STATUS, s);
	if (!slug)
		return uk_errf(err, errsz, "--status must be %s",
		               uk_member_words_text(UK_MF_STATUS, "all", words, sizeof words));
	f->status = slug;
	return 0;
}

int uk_member_filter_hardship(struct uk_member_filter *f, const char *s, char *err, size_t errsz)
{
	char words[240];
	const char *slug = s ? uk_member_word(UK_MF_HARDSHIP, s) : "any";
	if (!slug)
		return uk_errf(err, errsz, "--hardship must be %s",
		               uk_member_words_text(UK_MF_HARDSHIP, NULL, words, sizeof words));
	f->hardship = slug;
	return 0;
}

int uk_member_text_ok(const char *s, char *err, size_t errsz, const char *field)
{
	if (uk_text_has_control(s, 0))
		return uk_errf(err, errsz, "control character in %s", gettext(field));
	if (strlen(s) > 200)
		return uk_errf(err, errsz, "%s longer than 200 bytes", gettext(field));
	return 0;
}

static char *keep(struct uk_member *m, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p;
	if (m->used + n > sizeof m->scratch)
		return NULL;
	p = m->scratch + m->used;
	memcpy(p, s, n);
	m->used += n;
	return p;
}

/* Shortens an over-long value for a message. */
static const char *shown(const char *s, char *buf, size_t n)
{
	if (strlen(s) < n)
		return s;
	snprintf(buf, n, "%.*s...", (int)(n - 4), s);
	return buf;
}

static int norm_date(struct uk_member *m, int f, char *s, char *err, size_t errsz)
{
	struct uk_date d;
	char out[UK_DATE_BUFSZ], sh[48];
	const char *why;
	if (uk_date_parse(s, &d, &why) != 0)
		return uk_errf(err, errsz, "%s in %s '%s'", why, label(f), shown(s, sh, sizeof sh));
	m->v[f] = keep(m, uk_date_format(d, out));
	return 0;
}

static int norm_code(struct uk_member *m, int f, char *s, char *err, size_t errsz)
{
	char sh[48];
	uk_fold_fullwidth(s);
	uk_trim(s);
	if (strlen(s) > 32 || uk_text_has_control(s, 0) || strchr(s, ' '))
		return uk_errf(err, errsz, "bad %s '%s' (at most 32 characters, no spaces)",
		            label(f), shown(s, sh, sizeof sh));
	m->v[f] = s;
	return 0;
}

static int norm_phone(struct uk_member *m, char *s, char *err, size_t errsz)
{
	char digits[32], sh[48];
	size_t n = 0;
	const char *p = s;
	uk_fold_fullwidth(s);
	if (strncmp(p, "+86", 3) == 0)
		p += 3;
	for (; *p; p++) {
		if (*p == '-' || *p == ' ')
			continue;
		if (!isdigit((unsigned char)*p) || n >= sizeof digits - 1)
			return uk_errf(err, errsz, "phone must be 11 digits, not '%s'", shown(s, sh, sizeof sh));
		digits[n++] = *p;
	}
	digits[n] = '\0';
	if (n != 11 || digits[0] != '1')
		return uk_errf(err, errsz, "phone must be 11 digits starting with 1, not '%s'",
		            shown(s, sh, sizeof sh));
	m->v[UK_MF_PHONE] = keep(m, digits);
	return 0;
}

static int norm_id(struct uk_member *m, char *s, struct uk_date today, struct uk_date *birth,
                   enum uk_gender *gender, char *err, size_t errsz)
{
	char canon[19], sh[48];
	enum uk_id_status st;
	uk_fold_fullwidth(s);
	st = uk_id_check(s, today, canon, birth, gender);
	if (st == UK_ID_EXCEL_SCIENTIFIC || st == UK_ID_EXCEL_TRUNCATED)
		return uk_errf(err, errsz, "id_card '%s' was %s: format the column "
		            "as text in Excel and export again", shown(s, sh, sizeof sh), uk_id_status_text(st));
	if (st != UK_ID_OK)
		return uk_errf(err, errsz, "%s in id_card '%s'", uk_id_status_text(st), shown(s, sh, sizeof sh));
	m->v[UK_MF_ID_CARD] = keep(m, canon);
	return 0;
}

int uk_member_keys(char *const in[UK_MF_COUNT], struct uk_member *m, struct uk_date today)
{
	static const int keys[] = {UK_MF_MEMBER_NO, UK_MF_EMPLOYEE_NO, UK_MF_ID_CARD};
	struct uk_date birth;
	enum uk_gender gender;
	char err[200];
	int n = 0;

	memset(m->v, 0, sizeof m->v);
	m->used = 0;
	m->id = 0;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		int f = keys[i], bad;
		if (!in[f] || !*in[f])
			continue;
		bad = f == UK_MF_ID_CARD ? norm_id(m, in[f], today, &birth, &gender, err, sizeof err)
		                         : norm_code(m, f, in[f], err, sizeof err);
		if (bad)
			m->v[f] = NULL;  /* unreadable: names no one */
		else
			n++;
	}
	return n;
}

int uk_member_normalize(char *const in[UK_MF_COUNT], struct uk_member *m,
                        struct uk_date today, char *err, size_t errsz)
{
	struct uk_date id_birth = {0, 0, 0}, birth_month = {0, 0, 0};
	char birth_text[48] = "";
	enum uk_gender id_gender = UK_GENDER_UNKNOWN;
	int have_id = 0;
	char sh[48], words[240];

	memset(m->v, 0, sizeof m->v);
	m->used = 0;
	m->id = 0;
	for (int f = 0; f < UK_MF_COUNT; f++) {
		char *s = in[f];
		const char *w;
		if (!s || !*s)
			continue;
		switch (f) {
		case UK_MF_MEMBER_NO:
		case UK_MF_EMPLOYEE_NO:
			if (norm_code(m, f, s, err, errsz))
				return -1;
			break;
		case UK_MF_ID_CARD:
			if (norm_id(m, s, today, &id_birth, &id_gender, err, errsz))
				return -1;
			have_id = 1;
			break;
		case UK_MF_BIRTH_DATE: case UK_MF_HIRE_DATE: case UK_MF_JOIN_DATE:
		case UK_MF_STATUS_DATE: {
			struct uk_period ym;
			if (!norm_date(m, f, s, err, errsz))
				break;
			/* 出生年月 and 入会时间 are often a month (1985.06, 2008年7月).
			 * A birth month is checked against the ID number, which
			 * gives the day; any other date needs its day. */
			if (uk_period_parse_month(s, &ym, NULL) != 0)
				return -1;
			if (f != UK_MF_BIRTH_DATE)
				return uk_errf(err, errsz, "%s '%s' is a month, not a day (give the day, or --ignore the column)",
				               label(f), shown(s, sh, sizeof sh));
			birth_month = ym.from;
			snprintf(birth_text, sizeof birth_text, "%s", shown(s, sh, sizeof sh));
			continue;  /* the day is the ID's, below */
		}
		case UK_MF_PHONE:
			if (norm_phone(m, s, err, errsz))
				return -1;
			break;
		case UK_MF_GENDER: {
			enum uk_gender g;
			if (uk_gender_parse(s, &g) != 0)
				return uk_errf(err, errsz, "gender must be 男, 女, male or female, not '%s'",
				            shown(s, sh, sizeof sh));
			m->v[f] = (char *)uk_gender_name(g);
			break;
		}
		case UK_MF_WAGE_BASE: {
			int64_t fen;
			const char *why;
			char out[UK_MONEY_BUFSZ];
			if (uk_money_parse(s, &fen, &why) != 0)
				return uk_errf(err, errsz, "%s in wage_base '%s'", why, shown(s, sh, sizeof sh));
			if (fen < 0)
				return uk_errf(err, errsz, "negative wage_base '%s'", s);
			m->v[f] = keep(m, uk_money_format(fen, out));
			break;
		}
		case UK_MF_HARDSHIP:
		case UK_MF_STATUS:
			if (!(w = uk_member_word(f, s)))
				return uk_errf(err, errsz, "%s must be %s, not '%s'", label(f),
				               uk_member_words_text(f, NULL, words, sizeof words),
				               shown(s, sh, sizeof sh));
			m->v[f] = (char *)w;
			break;
		case UK_MF_MIGRANT_WORKER:
			uk_fold_fullwidth(s);
			if (!(w = uk_member_word(UK_MF_MIGRANT_WORKER, s)))
				return uk_errf(err, errsz, "migrant_worker must be yes or no (是/否), not '%s'",
				            shown(s, sh, sizeof sh));
			m->v[f] = (char *)w;
			break;
		default:
			if (f == UK_MF_NAME)
				uk_close_han_spaces(s);
			if (uk_text_has_control(s, f == UK_MF_NOTE))
				return uk_errf(err, errsz, "control character in %s", label(f));
			if (strlen(s) > (f == UK_MF_NOTE ? 2000u : 200u))
				return uk_errf(err, errsz, "%s longer than %u bytes", label(f),
				            f == UK_MF_NOTE ? 2000u : 200u);
			m->v[f] = s;
		}
		if (!m->v[f])
			return uk_errf(err, errsz, "%s too long", label(f));
	}
	if (birth_month.y && !have_id)
		return uk_errf(err, errsz, "birth_date '%s' is a month: the day comes from an id_card, and the record has none",
		               birth_text);
	if (birth_month.y && (birth_month.y != id_birth.y || birth_month.m != id_birth.m)) {
		char bd[UK_DATE_BUFSZ];
		return uk_errf(err, errsz, "birth_date '%s' disagrees with id_card '%s' (born %s)", birth_text,
		               m->v[UK_MF_ID_CARD], uk_date_format(id_birth, bd));
	}
	if (have_id) {
		char bd[UK_DATE_BUFSZ];
		const char *g = uk_gender_name(id_gender);
		uk_date_format(id_birth, bd);
		if (m->v[UK_MF_BIRTH_DATE] && strcmp(m->v[UK_MF_BIRTH_DATE], bd) != 0)
			return uk_errf(err, errsz, "birth_date '%s' disagrees with id_card '%s' (born %s)",
			            m->v[UK_MF_BIRTH_DATE], m->v[UK_MF_ID_CARD], bd);
		if (m->v[UK_MF_GENDER] && strcmp(m->v[UK_MF_GENDER], g) != 0)
			return uk_errf(err, errsz, "gender '%s' disagrees with id_card '%s' (%s)",
			            m->v[UK_MF_GENDER], m->v[UK_MF_ID_CARD], g);
		if (!m->v[UK_MF_BIRTH_DATE])
			m->v[UK_MF_BIRTH_DATE] = keep(m, bd);
		if (!m->v[UK_MF_GENDER])
			m->v[UK_MF_GENDER] = (char *)g;
	}
	return 0;
}
