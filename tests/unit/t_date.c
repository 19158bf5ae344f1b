/* t_date.c - unit tests for date.c: parsing, calendar, day numbers, periods. */
#include "uk_date.h"
#include "tap.h"

/* Parses s and formats it back; the reason on failure. */
static const char *norm(const char *s)
{
	static char buf[UK_DATE_BUFSZ];
	struct uk_date d = { 7, 7, 7 };
	const char *why = NULL;
	if (uk_date_parse(s, &d, &why) != 0)
		return (d.y == 7 && d.m == 7 && d.d == 7) ? why : "output written on error";
	return uk_date_format(d, buf);
}

/* A period as "FROM..TO", or the reason. */
static const char *period(int month, const char *s)
{
	static char buf[2 * UK_DATE_BUFSZ + 2];
	char a[UK_DATE_BUFSZ], b[UK_DATE_BUFSZ];
	struct uk_period p;
	const char *why = NULL;
	int rc = month ? uk_period_parse_month(s, &p, &why) : uk_period_parse_year(s, &p, &why);
	if (rc != 0)
		return why;
	snprintf(buf, sizeof buf, "%s..%s", uk_date_format(p.from, a), uk_date_format(p.to, b));
	return buf;
}

static struct uk_date mk(int y, int m, int d)
{
	struct uk_date r;
	r.y = y, r.m = m, r.d = d;
	return r;
}

int main(void)
{
	/* Accepted forms. */
	is_str(norm("2019-03-05"), "2019-03-05", "ISO form");
	is_str(norm("2019-3-5"), "2019-03-05", "short fields");
	is_str(norm("2019/3/5"), "2019-03-05", "slashes");
	is_str(norm("2019.3.5"), "2019-03-05", "dots");
	is_str(norm("2019\xE5\xB9\xB4" "3\xE6\x9C\x88" "5\xE6\x97\xA5"), "2019-03-05", "Chinese form");
	is_str(norm("2019\xE5\xB9\xB4" "12\xE6\x9C\x88" "31\xE6\x97\xA5"), "2019-12-31", "Chinese two-digit fields");
	is_str(norm("20190305"), "2019-03-05", "eight digits");
	is_str(norm("  2019-03-05\t"), "2019-03-05", "blanks trimmed");
	is_str(norm("1900-01-01"), "1900-01-01", "first year allowed");
	is_str(norm("9999-12-31"), "9999-12-31", "last day allowed");
	is_str(norm("2024-02-29"), "2024-02-29", "leap day");
	is_str(norm("2000-02-29"), "2000-02-29", "leap day of a 400 year");
	is_str(norm("\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x96\xEF\xBC\x8D\xEF\xBC\x90\xEF\xBC\x93"
	            "\xEF\xBC\x8D\xEF\xBC\x91\xEF\xBC\x95"), "2026-03-15", "full-width digits and dashes");
	is_str(norm("\xE3\x80\x80" "2026/3/15" "\xE3\x80\x80"), "2026-03-15", "ideographic spaces trimmed");
	is_str(norm("\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x96\xE5\xB9\xB4" "3\xE6\x9C\x88"
	            "\xEF\xBC\x91\xEF\xBC\x95\xE6\x97\xA5"), "2026-03-15", "full-width digits in the Chinese form");
	is_str(norm("\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x96\xEF\xBC\x8D\xEF\xBC\x90"
	            "\xEF\xBC\x92\xEF\xBC\x8D\xEF\xBC\x93\xEF\xBC\x90"), "no day 30 in February 2026",
	       "full-width digits checked as the same date");
	is_str(norm("\xEF\xBC\x92\xEF\xBC\x92\xEF\xBC\x92\xEF\xBC\x92\xEF\xBC\x92\xEF\xBC\x92"
	            "\xEF\xBC\x92\xEF\xBC\x92\xEF\xBC\x92\xEF\xBC\x92\xEF\xBC\x92\xEF\xBC\x92"
	            "\xEF\xBC\x92\xEF\xBC\x92\xEF\xBC\x92\xEF\xBC\x92\xEF\xBC\x92\xEF\xBC\x92"
	            "\xEF\xBC\x92\xEF\xBC\x92\xEF\xBC\x92\xEF\xBC\x92"), "not a date", "a long full-width run");

	/* Refused forms. */
	is_str(norm("2026-02-30"), "no day 30 in February 2026", "February 30");
	is_str(norm("2023-02-29"), "no day 29 in February 2023 (not a leap year)", "leap day of a common year");
	is_str(norm("1900-02-29"), "no day 29 in February 1900 (not a leap year)", "1900 was no leap year");
	is_str(norm("2026-04-31"), "no day 31 in April 2026", "April 31");
	is_str(norm("2026-13-01"), "no month 13", "month 13");
	is_str(norm("2026/13/1"), "no month 13", "month 13 with slashes");
	is_str(norm("2026-00-10"), "no month 0", "month 0");
	is_str(norm("2026-01-00"), "no day 0", "day 0");
	is_str(norm("20260230"), "no day 30 in February 2026", "eight digits, no such day");
	is_str(norm("1880-01-01"), "1880-01-01", "1880: old ID birth dates");
	is_str(norm("1799-12-31"), "year out of range", "before 1800");
	is_str(norm("0000-01-01"), "year out of range", "year zero");
	is_str(norm(""), "not a date", "empty");
	is_str(norm("yesterday"), "not a date", "word");
	is_str(norm("2019-3/5"), "not a date", "mixed separators");
	is_str(norm("2019-03"), "not a date", "month only");
	is_str(norm("19-03-05"), "not a date", "two-digit year");
	is_str(norm("2019-003-05"), "not a date", "three-digit month");
	is_str(norm("2019-03-05x"), "not a date", "trailing junk");
	is_str(norm("2019\xE5\xB9\xB4" "3\xE6\x9C\x88" "5"), "not a date", "Chinese form without day sign");
	is_str(norm("2019031"), "not a date", "seven digits");
	is_str(norm("201903051"), "not a date", "nine digits");
	/* Excel's date cell with its time shown: midnight only. */
	is_str(norm("2026/3/15 0:00"), "2026-03-15", "Excel's date with 0:00");
	is_str(norm("2026-03-15 00:00:00"), "2026-03-15", "a date with 00:00:00");
	is_str(norm("2026-03-15 8:30"), "not a date", "a moment, not a day");
	is_str(norm("2026-03-15 0:00 x"), "not a date", "midnight then junk");
	is_str(norm("2026-03-15 0:0"), "not a date", "minutes of one digit");
	ok(uk_date_parse(NULL, NULL, NULL) == -1, "NULL input");

	/* Calendar. */
	is_int(uk_date_days_in_month(2024, 2), 29, "February of a leap year");
	is_int(uk_date_days_in_month(2100, 2), 28, "February of 2100");
	is_int(uk_date_days_in_month(2026, 12), 31, "December");
	is_int(uk_date_days_in_month(2026, 13), 0, "no month 13");
	ok(uk_date_valid(1880, 1, 1), "valid before 1900 (old ID birth dates)");
	ok(!uk_date_valid(0, 1, 1), "year 0 invalid");

	/* Day numbers. */
	is_int(uk_date_to_days(mk(1970, 1, 1)), 0, "epoch is day 0");
	is_int(uk_date_to_days(mk(2000, 3, 1)), 11017, "2000-03-01");
	is_int(uk_date_to_days(mk(1969, 12, 31)), -1, "day before epoch");
	is_int(uk_date_to_days(mk(1900, 1, 1)), -25567, "1900-01-01");
	is_int(uk_date_to_days(mk(9999, 12, 31)), 2932896, "9999-12-31");
	{
		/* Every day 1900..9999 round-trips and follows its predecessor. */
		long d, lo = uk_date_to_days(mk(1900, 1, 1)), hi = uk_date_to_days(mk(9999, 12, 31));
		struct uk_date prev = uk_date_from_days(lo - 1), cur;
		int good = 1;
		for (d = lo; d <= hi && good; d++) {
			cur = uk_date_from_days(d);
			if (!uk_date_valid(cur.y, cur.m, cur.d) || uk_date_to_days(cur) != d ||
			    uk_date_cmp(prev, cur) >= 0)
				good = 0;
			prev = cur;
		}
		ok(good, "days round-trip over 1900..9999");
	}
	{
		struct uk_date e = uk_date_from_days(-1000000000L);
		ok(e.y == 1 && e.m == 1 && e.d == 1, "far past clamps to 0001-01-01");
		e = uk_date_from_days(1000000000L);
		ok(e.y == 9999 && e.m == 12 && e.d == 31, "far future clamps to 9999-12-31");
	}

	/* Order and today. */
	is_int(uk_date_cmp(mk(2026, 1, 2), mk(2026, 1, 1)), 1, "later day");
	is_int(uk_date_cmp(mk(2025, 12, 31), mk(2026, 1, 1)), -1, "earlier year");
	is_int(uk_date_cmp(mk(2026, 3, 3), mk(2026, 3, 3)), 0, "same day");
	{
		struct uk_date t = uk_date_today();
		ok(uk_date_valid(t.y, t.m, t.d) && t.y >= 2024, "today is a real, recent date");
	}

	/* Periods. */
	is_str(period(0, "2026"), "2026-01-01..2026-12-31", "year");
	is_str(period(0, " 2026 "), "2026-01-01..2026-12-31", "year trimmed");
	is_str(period(0, "26"), "not a year", "short year");
	is_str(period(0, "2026-11"), "not a year", "month is not a year");
	is_str(period(0, "1799"), "year out of range", "year too early");
	is_str(period(1, "2026-11"), "2026-11-01..2026-11-30", "month with dash");
	is_str(period(1, "2026/11"), "2026-11-01..2026-11-30", "month with slash");
	is_str(period(1, "\xEF\xBC\x91\xEF\xBC\x99\xEF\xBC\x98\xEF\xBC\x95.\xEF\xBC\x90\xEF\xBC\x96"),
	       "1985-06-01..1985-06-30", "a month in full-width digits (１９８５.０６)");
	is_str(period(0, "\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x96"), "2026-01-01..2026-12-31",
	       "a year in full-width digits");
	is_str(period(1, "2026-1"), "2026-01-01..2026-01-31", "one-digit month");
	is_str(period(1, "2026\xE5\xB9\xB4" "11\xE6\x9C\x88"), "2026-11-01..2026-11-30", "Chinese month");
	is_str(period(1, "202611"), "2026-11-01..2026-11-30", "six digits");
	is_str(period(1, "2024-02"), "2024-02-01..2024-02-29", "leap February");
	is_str(period(1, "2026-02"), "2026-02-01..2026-02-28", "common February");
	is_str(period(1, "2026-13"), "no month 13", "month 13");
	is_str(period(1, "202600"), "no month 0", "month 0 in six digits");
	is_str(period(1, "2026"), "not a month", "year is not a month");
	is_str(period(1, "2026-11-05"), "not a month", "date is not a month");
	is_str(period(1, "2026\xE5\xB9\xB4" "11"), "not a month", "Chinese month without month sign");

	return done_testing();
}
