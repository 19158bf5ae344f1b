/* rec_write.c - writing records: csv (RFC 4180, optionally for Excel),
 * json, ndjson, and a table aligned by display width. */
#include "uk_rec.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct uk_writer {
	FILE *f;
	enum uk_format fmt;
	int excel;
	int ncols;
	struct uk_outcol *cols;
	char **names;
	long rows;
	int started;          /* header written: deferred so a failed command prints nothing */
	int follows;          /* a later table of the same output: no second BOM */
	int failed;
	int error;            /* errno of the first failed write */
	/* table: every cell kept until the widths are known */
	char **cells;
	size_t ncells, capcells;
	/* uk_writer_values: each value given to value() with its column's
	 * name (orig: the header may be renamed), the words in tvals */
	uk_value_words_fn value;
	char **orig;
	const char **tvals;
	char *tbuf;
};
enum { TBUF = 256 }; /* room per column for a value's words */

static int put(struct uk_writer *w, const char *s, size_t n)
{
	if (w->failed)
		return -1;
	if (n && fwrite(s, 1, n, w->f) != n) {
		w->failed = 1;
		w->error = errno;
		return -1;
	}
	return 0;
}

static int puts_(struct uk_writer *w, const char *s) { return put(w, s, strlen(s)); }

struct uk_writer *uk_writer_new(FILE *f, enum uk_format fmt, int excel,
                                const struct uk_outcol *cols, int ncols)
{
	struct uk_writer *w = calloc(1, sizeof *w);
	if (!w)
		return NULL;
	w->f = f;
	w->fmt = fmt == UK_FMT_DEFAULT ? UK_FMT_CSV : fmt;
	w->excel = excel && w->fmt == UK_FMT_CSV;
	w->ncols = ncols;
	w->cols = calloc((size_t)ncols, sizeof *w->cols);
	w->names = calloc((size_t)ncols, sizeof *w->names);
	if (!w->cols || !w->names)
		goto fail;
	for (int i = 0; i < ncols; i++) {
		w->cols[i] = cols[i];
		if (!(w->names[i] = strdup(cols[i].name)))
			goto fail;
		w->cols[i].name = w->names[i];
	}
	return w;
fail:
	for (int i = 0; w->names && i < ncols; i++)
		free(w->names[i]);
	free(w->names);
	free(w->cols);
	free(w);
	return NULL;
}

/* The BOM, the CSV header or the JSON array's opening. */
static void start(struct uk_writer *w)
{
	if (w->started)
		return;
	w->started = 1;
	if (w->excel && !w->follows)
		puts_(w, "\xEF\xBB\xBF");
	if (w->fmt == UK_FMT_CSV) {
		for (int i = 0; i < w->ncols; i++) {
			if (i)
				puts_(w, ",");
			puts_(w, w->names[i]);
		}
		puts_(w, w->excel ? "\r\n" : "\n");
	} else if (w->fmt == UK_FMT_JSON) {
		puts_(w, "[");
	}
}

void uk_writer_follows(struct uk_writer *w, int blank_line)
{
	w->follows = 1;
	if (blank_line)
		puts_(w, w->excel ? "\r\n" : "\n");
}

/* Excel takes a cell of digits for a number: it drops the leading zeros
 * (000001 becomes 1) and shows, then saves, 12 digits or more in
 * scientific form (4.40103E+17). Those are the only digit strings it
 * damages (an 11-digit phone or a member number 123 come back as they
 * went), and the rule looks at the value, not at the column, so that it
 * holds in every table, a --rejects file included, whatever its columns. */
static int excel_mangles(const char *s)
{
	size_t n = strspn(s, "0123456789");
	return n > 0 && !s[n] && ((s[0] == '0' && n > 1) || n >= 12);
}

static void csv_cell(struct uk_writer *w, const char *s, enum uk_coltype type)
{
	/* Such a cell goes out as the formula ="000001", whose value Excel
	 * shows and saves as the text 000001; quoted, as RFC 4180 wants a
	 * field holding quotes. The readers take it back (rec_read.c). */
	if (w->excel && type == UK_COL_TEXT && excel_mangles(s)) {
		puts_(w, "\"=\"\"");
		puts_(w, s);
		puts_(w, "\"\"\"");
		return;
	}
	/* Excel runs a cell that starts with = + - @ as a formula, and one
	 * that starts with a tab or a carriage return once it has trimmed
	 * them (OWASP's CSV injection list). The reader drops the apostrophe
	 * again; a value that already starts with apostrophes before such a
	 * character gets one more, so that it too comes back as it was. */
	char lead = s[strspn(s, "'")];
	int guard = w->excel && type == UK_COL_TEXT && lead && strchr("=+-@\t\r", lead);
	int quote = guard ? 0 : 0;
	for (const char *p = s; *p && !quote; p++)
		quote = *p == ',' || *p == '"' || *p == '\n' || *p == '\r';
	if (!quote && !guard && (s[0] == ' ' || (s[0] && s[strlen(s) - 1] == ' ')))
		quote = 1;
	if (!quote) {
		if (guard)
			puts_(w, "'");
		puts_(w, s);
		return;
	}
	puts_(w, "\"");
	if (guard)
		puts_(w, "'");
	for (const char *p = s; *p; ) {
		const char *q = strchr(p, '"');
		size_t n = q ? (size_t)(q - p) : strlen(p);
		put(w, p, n);
		if (!q)
			break;
		puts_(w, "\"\"");
		p = q + 1;
	}
	puts_(w, "\"");
}

static void json_string(struct uk_writer *w, const char *s)
{
	puts_(w, "\"");
	for (const char *p = s; *p; ) {
		size_t n = strcspn(p, "\"\\\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
		                      "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f");
		char esc[8];
		put(w, p, n);
		p += n;
		if (!*p)
			break;
		switch (*p) {
		case '"': puts_(w, "\\\""); break;
		case '\\': puts_(w, "\\\\"); break;
		case '\n': puts_(w, "\\n"); break;
		case '\r': puts_(w, "\\r"); break;
		case '\t': puts_(w, "\\t"); break;
		default:
			snprintf(esc, sizeof esc, "\\u%04x", (unsigned char)*p);
			puts_(w, esc);
		}
		p++;
	}
	puts_(w, "\"");
}

static void json_object(struct uk_writer *w, const char *const *vals)
{
	puts_(w, "{");
	for (int i = 0; i < w->ncols; i++) {
		if (i)
			puts_(w, ",");
		json_string(w, w->names[i]);
		puts_(w, ":");
		/* "–" stands for "no value" (a rate with no denominator): null. */
		if (!vals[i] || (w->cols[i].type != UK_COL_TEXT && !vals[i][0]) ||
		    strcmp(vals[i], "\xE2\x80\x93") == 0)
			puts_(w, "null");
		else if (w->cols[i].type == UK_COL_INT)
			puts_(w, vals[i]);
		else
			json_string(w, vals[i]);
	}
	puts_(w, "}");
}

static int table_keep(struct uk_writer *w, const char *s)
{
	if (w->ncells == w->capcells) {
		size_t cap = w->capcells ? w->capcells * 2 : 256;
		char **c = realloc(w->cells, cap * sizeof *c);
		if (!c)
			return -1;
		w->cells = c;
		w->capcells = cap;
	}
	/* Input data must not drive the terminal (escape sequences). */
	if (!(w->cells[w->ncells] = uk_text_for_terminal(s ? s : "")))
		return -1;
	w->ncells++;
	return 0;
}

int uk_writer_row(struct uk_writer *w, const char *const *vals)
{
	if (w->value) {
		for (int i = 0; i < w->ncols; i++) {
			const char *t = vals[i] ? w->value(w->orig[i], vals[i], w->tbuf + (size_t)i * TBUF, TBUF) : NULL;
			w->tvals[i] = t ? t : vals[i];
		}
		vals = w->tvals;
	}
	start(w);
	switch (w->fmt) {
	case UK_FMT_JSON:
		puts_(w, w->rows ? ",\n" : "\n");
		json_object(w, vals);
		break;
	case UK_FMT_NDJSON:
		json_object(w, vals);
		puts_(w, "\n");
		break;
	case UK_FMT_TABLE:
		for (int i = 0; i < w->ncols; i++)
			if (table_keep(w, vals[i]) != 0) {
				w->failed = 1;
				return -1;
			}
		break;
	default:
		for (int i = 0; i < w->ncols; i++) {
			if (i)
				puts_(w, ",");
			csv_cell(w, vals[i] ? vals[i] : "", w->cols[i].type);
		}
		puts_(w, w->excel ? "\r\n" : "\n");
	}
	w->rows++;
	return w->failed ? -1 : 0;
}

static void pad(struct uk_writer *w, size_t n)
{
	static const char spaces[] = "                                ";
	while (n > 0) {
		size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
		put(w, spaces, k);
		n -= k;
	}
}

static void table_layout(struct uk_writer *w)
{
	size_t *width = calloc((size_t)w->ncols, sizeof *width);
	size_t rows = w->ncells / (size_t)(w->ncols ? w->ncols : 1);
	if (!width) {
		w->failed = 1;
		return;
	}
	int *shown = calloc((size_t)w->ncols, sizeof *shown);
	int first = -1, last = -1;
	if (!shown) {
		free(width);
		w->failed = 1;
		return;
	}
	for (int c = 0; c < w->ncols; c++)
		width[c] = uk_display_width(w->names[c]);
	for (size_t i = 0; i < w->ncells; i++) {
		size_t dw = uk_display_width(w->cells[i]);
		int c = (int)(i % (size_t)w->ncols);
		if (dw > width[c])
			width[c] = dw;
		shown[c] |= dw > 0;
	}
	/* A table is for reading: columns empty in every row are left out
	 * (all shown when there are no rows, so the header still says what
	 * would be there). */
	for (int c = 0; c < w->ncols; c++) {
		if (!rows)
			shown[c] = 1;
		if (shown[c] && first < 0)
			first = c;
		if (shown[c])
			last = c;
	}
	for (size_t r = 0; r <= rows; r++) {
		for (int c = 0; c < w->ncols; c++) {
			if (!shown[c])
				continue;
			const char *s = r == 0 ? w->names[c] : w->cells[(r - 1) * (size_t)w->ncols + (size_t)c];
			size_t dw = uk_display_width(s);
			int right = r > 0 && w->cols[c].type != UK_COL_TEXT;
			int is_last = c == last;
			if (c != first)
				puts_(w, "  ");
			if (right)
				pad(w, width[c] - dw);
			puts_(w, s);
			if (!right && !is_last)
				pad(w, width[c] - dw);
		}
		puts_(w, "\n");
	}
	free(shown);
	free(width);
}

static void writer_free(struct uk_writer *w)
{
	for (size_t i = 0; i < w->ncells; i++)
		free(w->cells[i]);
	free(w->cells);
	for (int i = 0; i < w->ncols; i++) {
		free(w->names[i]);
		if (w->orig)
			free(w->orig[i]);
	}
	free(w->names);
	free(w->orig);
	free(w->tvals);
	free(w->tbuf);
	free(w->cols);
	free(w);
}

int uk_writer_header(struct uk_writer *w, int col, const char *name)
{
	char *s = strdup(name);
	if (!s)
		return -1;
	free(w->names[col]);
	w->names[col] = s;
	w->cols[col].name = s;
	return 0;
}

int uk_writer_values(struct uk_writer *w, uk_value_words_fn fn)
{
	w->orig = calloc((size_t)w->ncols, sizeof *w->orig);
	w->tvals = calloc((size_t)w->ncols, sizeof *w->tvals);
	w->tbuf = malloc((size_t)w->ncols * TBUF);
	if (!w->orig || !w->tvals || !w->tbuf)
		return -1;
	for (int i = 0; i < w->ncols; i++)
		if (!(w->orig[i] = strdup(w->names[i])))
			return -1;
	w->value = fn;
	return 0;
}

int uk_writer_end(struct uk_writer *w)
{
	int failed;
	if (!w)
		return 0;
	start(w);
	if (w->fmt == UK_FMT_JSON)
		puts_(w, w->rows ? "\n]\n" : "]\n");
	else if (w->fmt == UK_FMT_TABLE)
		table_layout(w);
	if (fflush(w->f) != 0 && !w->failed) {
		w->failed = 1;
		w->error = errno;
	}
	failed = w->failed;
	if (failed && w->f == stdout && w->error) {
		/* Said here, where the cause is known; the final check of
		 * stdout then has nothing more to report. */
		uk_err("write error on standard output: %s", strerror(w->error));
		clearerr(stdout);
	}
	writer_free(w);
	return failed ? -1 : 0;
}

void uk_writer_abandon(struct uk_writer *w)
{
	if (w)
		writer_free(w);
}

int uk_writer_close(struct uk_writer *w, int status)
{
	if (!w)
		return status;
	if (status > UK_EX_SKIPPED) {
		uk_writer_abandon(w);
		return status;
	}
	return uk_writer_end(w) != 0 ? UK_EX_IOERR : status;
}

int uk_cli_writer(const struct uk_opts *o, const struct uk_outcol *cols, int ncols,
                  struct uk_writer **w)
{
	if (!(*w = uk_writer_new(stdout, uk_format_resolve(o, 0), o->excel, cols, ncols)))
		return uk_err_nomem();
	return 0;
}
