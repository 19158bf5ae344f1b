/* uk_date.h - calendar dates (proleptic Gregorian) and periods. */
#ifndef UK_DATE_H
#define UK_DATE_H

#include <stddef.h>

/* A date as days since 1970-01-01 would do, but the fields are what rules
 * test; both forms are offered. */
struct uk_date { int y, m, d; };

#define UK_DATE_BUFSZ 11   /* "YYYY-MM-DD" + NUL */

/* Parses "2019-03-05", "2019-3-5", "2019/3/5", "2019.3.5", "2019年3月5日",
 * "20190305" (after trimming). Years 1900..9999. The date must exist
 * (2026-02-30 is refused). 0 ok, -1 with *why the reason ("no month 13",
 * "no day 30 in February 2026"): static text, valid until the next call. */
int uk_date_parse(const char *s, struct uk_date *out, const char **why);
/* "YYYY-MM-DD" into buf of UK_DATE_BUFSZ. Returns buf. */
char *uk_date_format(struct uk_date d, char *buf);
int uk_date_valid(int y, int m, int d);
int uk_date_days_in_month(int y, int m);
/* Days since 1970-01-01 and back. */
long uk_date_to_days(struct uk_date d);
struct uk_date uk_date_from_days(long days);
int uk_date_cmp(struct uk_date a, struct uk_date b);
/* Now as "YYYY-MM-DDTHH:MM:SS", local time: when a record was written. */
void uk_timestamp(char buf[20]);
/* Today in local time. */
struct uk_date uk_date_today(void);

/* A period: an inclusive range of dates. */
struct uk_period { struct uk_date from, to; };
/* "2026" -> the year; "2026-11" (also "2026/11", "2026年11月") -> the month. */
int uk_period_parse_year(const char *s, struct uk_period *out, const char **why);
int uk_period_parse_month(const char *s, struct uk_period *out, const char **why);
#endif
