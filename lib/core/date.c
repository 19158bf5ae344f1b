/* date.c - proleptic Gregorian dates, their text forms, and periods. */
#include "uk_date.h"
#include "uk_text.h"
#include "uk_i18n.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define NIAN "\xE5\xB9\xB4" /* 年 */
#define YUE  "\xE6\x9C\x88" /* 月 */
#define RI   "\xE6\x97\xA5" /* 日 */

/* Parse limits; uk_date_valid itself allows years 1..9999. 1800: ID
 * numbers carry birth dates before 1900 (440524188001010014), and a
 * member record read back must import again. */
#define UK_YEAR_MIN 1800
#define UK_YEAR_MAX 9999

static int fail(const char **why, const char *reason)
{
	if (why)
		*why = reason;
	return -1;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A cursor over the trimmed text [p, end). */
struct cur { const char *p, *end; };

static struct cur trimmed(const char *s)
{
	struct cur c;
	c.p = s;
	c.end = s + strlen(s);
	while (c.p < c.end && is_blank(*c.p))
		c.p++;
	while (c.end > c.p && is_blank(c.end[-1]))
		c.end--;
	return c;
}

/* Reads between min and max digits; -1 when the count is outside. */
static int digits(struct cur *c, int min, int max)
{
	int v = 0, n = 0;
	while (c->p < c->end && is_digit(*c->p) && n < max) {
		v = v * 10 + (*c->p++ - '0');
		n++;
	}
	if (n < min || (c->p < c->end && is_digit(*c->p)))
		return -1;
	return v;
}

static int lit(struct cur *c, const char *s)
{
	size_t n = strlen(s);
	if ((size_t)(c->end - c->p) >= n && memcmp(c->p, s, n) == 0) {
		c->p += n;
		return 1;
	}
	return 0;
}

static size_t run_of_digits(struct cur c)
{
	size_t n = 0;
	while (c.p + n < c.end && is_digit(c.p[n]))
		n++;
	return n;
}

/* "YYYY" then a separator ('-', '/', '.', 年); returns the separator kind
 * (0 for 年) or -1. */
static int year_sep(struct cur *c, int *y)
{
	if ((*y = digits(c, 4, 4)) < 0)
		return -1;
	if (c->p < c->end && (*c->p == '-' || *c->p == '/' || *c->p == '.'))
		return *c->p++;
	if (lit(c, NIAN))
		return 0;
	return -1;
}

int uk_date_days_in_month(int y, int m)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

int uk_date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && d >= 1 && d <= uk_date_days_in_month(y, m);
}

/* Why y-m-d is no day: the month, else the day, named ("no day 30 in
 * February 2026"), so a typo is found at once. Static text, valid until the
 * next call: the tools are single-threaded. */
static int no_such_day(const char **why, int y, int m, int d)
{
	static const char *const names[] = {N_("January"), N_("February"), N_("March"), N_("April"),
	                                    N_("May"), N_("June"), N_("July"), N_("August"),
	                                    N_("September"), N_("October"), N_("November"),
	                                    N_("December")};
	static char buf[128];
	if (m < 1 || m > 12)
		snprintf(buf, sizeof buf, _("no month %d"), m);
	else if (d < 1)
		snprintf(buf, sizeof buf, _("no day %d"), d);
	else if (m == 2 && d == 29)
		snprintf(buf, sizeof buf, _("no day %d in %s %d (not a leap year)"), d, _(names[m - 1]), y);
	else
		snprintf(buf, sizeof buf, _("no day %d in %s %d"), d, _(names[m - 1]), y);
	return fail(why, buf);
}

/* Excel's date cell shown with its time, always midnight for a date:
 * " 0:00", " 00:00:00". Consumed when it is there; another time is no
 * date (a moment, not a day). */
static void skip_midnight(struct cur *c)
{
	struct cur t = *c;
	if (t.p >= t.end || *t.p++ != ' ' || digits(&t, 1, 2) != 0 || !lit(&t, ":") || digits(&t, 2, 2) != 0)
		return;
	if (t.p < t.end && (!lit(&t, ":") || digits(&t, 2, 2) != 0))
		return;
	*c = t;
}

int uk_date_parse(const char *s, struct uk_date *out, const char **why)
{
	struct cur c;
	int y, m, d, sep;
	char folded[64];

	/* Full-width digits and signs, as a Chinese input method types
	 * them (２０２６－０３－１５), are the same date; so in a year or a
	 * month below. */
	if (!s || !(s = uk_fold_fullwidth_copy(s, folded, sizeof folded)))
		return fail(why, _("not a date"));
	c = trimmed(s);
	if (run_of_digits(c) == 8 && c.p + 8 == c.end) {
		y = digits(&(struct cur){ c.p, c.p + 4 }, 4, 4);
		m = digits(&(struct cur){ c.p + 4, c.p + 6 }, 2, 2);
		d = digits(&(struct cur){ c.p + 6, c.p + 8 }, 2, 2);
	} else {
		if ((sep = year_sep(&c, &y)) < 0 || (m = digits(&c, 1, 2)) < 0)
			return fail(why, _("not a date"));
		/* The same separator twice: "2019-3/5" is a typo, not a date. */
		if (sep ? !(c.p < c.end && *c.p++ == sep) : !lit(&c, YUE))
			return fail(why, _("not a date"));
		if ((d = digits(&c, 1, 2)) < 0 || (sep == 0 && !lit(&c, RI)))
			return fail(why, _("not a date"));
		skip_midnight(&c);
		if (c.p != c.end)
			return fail(why, _("not a date"));
	}
	if (y < UK_YEAR_MIN || y > UK_YEAR_MAX)
		return fail(why, _("year out of range"));
	if (!uk_date_valid(y, m, d))
		return no_such_day(why, y, m, d);
	if (out) {
		out->y = y;
		out->m = m;
		out->d = d;
	}
	return 0;
}

char *uk_date_format(struct uk_date d, char *buf)
{
	/* By hand: this runs for several fields of every imported record. */
	if (d.y < 0 || d.y > 9999 || d.m < 0 || d.m > 99 || d.d < 0 || d.d > 99) {
		snprintf(buf, UK_DATE_BUFSZ, "%04d-%02d-%02d", d.y, d.m, d.d);
		return buf;
	}
	buf[0] = (char)('0' + d.y / 1000);
	buf[1] = (char)('0' + d.y / 100 % 10);
	buf[2] = (char)('0' + d.y / 10 % 10);
	buf[3] = (char)('0' + d.y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + d.m / 10);
	buf[6] = (char)('0' + d.m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d.d / 10);
	buf[9] = (char)('0' + d.d % 10);
	buf[10] = '\0';
	return buf;
}

/* Howard Hinnant's days_from_civil / civil_from_days (public domain),
 * in long long so no intermediate overflows for any int fields. */
long uk_date_to_days(struct uk_date d)
{
	long long y = (long long)d.y - (d.m <= 2);
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long mp = d.m > 2 ? (long long)d.m - 3 : (long long)d.m + 9;
	long long doy = (153 * mp + 2) / 5 + d.d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (long)(era * 146097 + doe - 719468);
}

struct uk_date uk_date_from_days(long days)
{
	/* Clamped to 0001-01-01..9999-12-31: outside, no date has a text form
	 * and the year might not fit an int. */
	const long lo = -719162, hi = 2932896;
	long long z, era, doe, yoe, doy, mp, y;
	struct uk_date r;

	if (days < lo)
		days = lo;
	if (days > hi)
		days = hi;
	z = (long long)days + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(y + (r.m <= 2));
	return r;
}

int uk_date_cmp(struct uk_date a, struct uk_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

struct uk_date uk_date_today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	struct uk_date r = { 1970, 1, 1 };
	if (t != (time_t)-1 && localtime_r(&t, &tm)) {
		r.y = tm.tm_year + 1900;
		r.m = tm.tm_mon + 1;
		r.d = tm.tm_mday;
	}
	return r;
}

static void month_period(int y, int m, struct uk_period *out)
{
	out->from.y = out->to.y = y;
	out->from.m = out->to.m = m;
	out->from.d = 1;
	out->to.d = uk_date_days_in_month(y, m);
}

int uk_period_parse_year(const char *s, struct uk_period *out, const char **why)
{
	struct cur c;
	int y;
	char folded[64];

	if (!s || !(s = uk_fold_fullwidth_copy(s, folded, sizeof folded)))
		return fail(why, _("not a year"));
	c = trimmed(s);
	if ((y = digits(&c, 4, 4)) < 0 || c.p != c.end)
		return fail(why, _("not a year"));
	if (y < UK_YEAR_MIN || y > UK_YEAR_MAX)
		return fail(why, _("year out of range"));
	if (out) {
		out->from.y = out->to.y = y;
		out->from.m = out->from.d = 1;
		out->to.m = 12;
		out->to.d = 31;
	}
	return 0;
}

int uk_period_parse_month(const char *s, struct uk_period *out, const char **why)
{
	struct cur c;
	int y, m, sep;
	char folded[64];

	if (!s || !(s = uk_fold_fullwidth_copy(s, folded, sizeof folded)))
		return fail(why, _("not a month"));
	c = trimmed(s);
	if (run_of_digits(c) == 6 && c.p + 6 == c.end) {
		y = digits(&(struct cur){ c.p, c.p + 4 }, 4, 4);
		m = digits(&(struct cur){ c.p + 4, c.p + 6 }, 2, 2);
	} else if ((sep = year_sep(&c, &y)) < 0 || (m = digits(&c, 1, 2)) < 0 ||
	           (sep == 0 && !lit(&c, YUE)) || c.p != c.end) {
		return fail(why, _("not a month"));
	}
	if (y < UK_YEAR_MIN || y > UK_YEAR_MAX)
		return fail(why, _("year out of range"));
	if (m < 1 || m > 12)
		return no_such_day(why, y, m, 1);
	if (out)
		month_period(y, m, out);
	return 0;
}

void uk_timestamp(char buf[20])
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(buf, 20, "%Y-%m-%dT%H:%M:%S", &tm);
}
