/* dbquery.h - one value from the database under test, for assertions. */
#ifndef UK_DBQUERY_H
#define UK_DBQUERY_H

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>

/* The first column of the first row as an integer: -1 for NULL, -999
 * (and a TAP comment) when the query fails. */
__attribute__((unused, format(printf, 2, 3)))
static long long tq_int(sqlite3 *h, const char *fmt, ...)
{
	sqlite3_stmt *st = NULL;
	long long v = -999;
	char sql[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_type(st, 0) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 0);
	else
		printf("#   query failed: %s: %s\n", sql, sqlite3_errmsg(h));
	sqlite3_finalize(st);
	return v;
}

/* The same as text ("(null)", "(none)" when there is no row), in a ring
 * of buffers so that a few can be used in one expression. */
__attribute__((unused, format(printf, 2, 3)))
static const char *tq_text(sqlite3 *h, const char *fmt, ...)
{
	static char ring[8][512];
	static int k;
	char sql[1024];
	char *buf = ring[k = (k + 1) % 8];
	sqlite3_stmt *st = NULL;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	snprintf(buf, 512, "(none)");
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, 512, "%s", sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "(null)");
	sqlite3_finalize(st);
	return buf;
}
#endif
