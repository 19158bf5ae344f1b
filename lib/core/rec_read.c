/* rec_read.c - reading records: CSV through libcsv, JSON/NDJSON through
 * jansson, with encoding detection, header aliases and physical line numbers. */
#include "uk_rec.h"
#include "uk_i18n.h"

#include <csv.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHUNK (64 * 1024)
/* A record longer than this is refused instead of eating all memory when
 * a stray quote swallows the rest of a file. */
#define MAX_RECORD (64u * 1024 * 1024)

struct uk_row {
	long line;
	char *arena;          /* raw fields, then values, each NUL-terminated */
	size_t len, cap;
	size_t *raw_off;      /* offsets of raw fields in arena */
	int nraw, capraw;
	char **vals;          /* per spec column, into arena, or NULL */
	int *src;             /* per spec column, the header cell of its value */
	const char *error;
	char errbuf[200];
};

struct uk_reader {
	FILE *f;
	int own_f;
	char *name;
	const struct uk_colspec *cols;
	int ncols;
	const struct uk_read_opts *opts;
	struct uk_read_opts opts_copy;  /* the caller's may be gone */
	int json;
	enum uk_encoding enc;
	struct uk_iconv *cv;
	/* bytes read but not yet converted (GB18030) */
	char *raw;
	size_t rawlen;
	/* UTF-8 text, consumed from pos */
	char *buf;
	size_t buflen, bufcap, pos;
	int eof;
	long line;            /* physical lines consumed */
	/* CSV */
	struct csv_parser p;
	int parser_live;
	int at_row_start, row_done;
	size_t rec_bytes;
	int *colmap;          /* raw header index -> spec column or -1 */
	int *rank;            /* how specifically each header cell names it */
	size_t mark;          /* while the header is looked for, buf from here */
	int marked;           /* is kept to be read again */
	int nheader;
	char **header;        /* raw header names (UTF-8, trimmed) */
	/* JSON */
	int json_array, json_done;
	int quiet;            /* read again: warnings already given */
	int csv_done;         /* the end was reached and the parser finished */
	char **warned;        /* unknown JSON keys already named */
	int nwarned;
	char *ignore_used;    /* JSON: per --ignore, whether a key matched it */
	struct uk_row row;
};

const char *uk_reader_name(const struct uk_reader *r) { return r->name; }
enum uk_encoding uk_reader_encoding(const struct uk_reader *r) { return r->enc; }
long uk_row_line(const struct uk_row *row) { return row->line; }
const char *uk_row_error(const struct uk_row *row) { return row->error; }

char *uk_row_get(struct uk_row *row, int col) { return row->vals[col]; }
int uk_reader_json(const struct uk_reader *r) { return r->json; }

struct uk_row *uk_row_new(const struct uk_reader *r)
{
	struct uk_row *row = calloc(1, sizeof *row);
	if (!row)
		return NULL;
	row->vals = calloc((size_t)r->ncols, sizeof *row->vals);
	row->src = calloc((size_t)r->ncols, sizeof *row->src);
	if (!row->vals || !row->src) {
		uk_row_free(row);
		return NULL;
	}
	return row;
}

int uk_row_copy(const struct uk_reader *r, struct uk_row *dst, const struct uk_row *src)
{
	if (src->len > dst->cap) {
		char *a = realloc(dst->arena, src->len);
		if (!a)
			return -1;
		dst->arena = a;
		dst->cap = src->len;
	}
	if (src->nraw > dst->capraw) {
		size_t *o = realloc(dst->raw_off, (size_t)src->nraw * sizeof *o);
		if (!o)
			return -1;
		dst->raw_off = o;
		dst->capraw = src->nraw;
	}
	if (src->len)
		memcpy(dst->arena, src->arena, src->len);
	if (src->nraw)
		memcpy(dst->raw_off, src->raw_off, (size_t)src->nraw * sizeof *dst->raw_off);
	dst->len = src->len;
	dst->nraw = src->nraw;
	dst->line = src->line;
	/* Values point into the arena (at its offsets in the copy) or at
	 * constant text. */
	for (int c = 0; c < r->ncols; c++) {
		uintptr_t v = (uintptr_t)src->vals[c], a = (uintptr_t)src->arena;
		dst->vals[c] = v && v >= a && v < a + src->len ? dst->arena + (v - a) : src->vals[c];
		dst->src[c] = src->src[c];
	}
	dst->error = NULL;
	if (src->error == src->errbuf) {
		memcpy(dst->errbuf, src->errbuf, sizeof dst->errbuf);
		dst->error = dst->errbuf;
	} else if (src->error) {
		dst->error = src->error;
	}
	return 0;
}

void uk_row_free(struct uk_row *row)
{
	if (!row)
		return;
	free(row->arena);
	free(row->raw_off);
	free(row->vals);
	free(row->src);
	free(row);
}

int uk_reader_has(const struct uk_reader *r, int col)
{
	if (r->json)
		return 1;
	for (int i = 0; i < r->nheader; i++)
		if (r->colmap[i] == col)
			return 1;
	return 0;
}

static void row_fail(struct uk_row *row, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void row_fail(struct uk_row *row, const char *fmt, ...)
{
	va_list ap;
	int n;
	if (row->error)
		return;  /* the first fault of a record is the one named */
	va_start(ap, fmt);
	n = vsnprintf(row->errbuf, sizeof row->errbuf, fmt, ap);
	va_end(ap);
	/* Cut short: never inside a character (a translation, a value). */
	if (n >= (int)sizeof row->errbuf)
		row->errbuf[uk_utf8_fit(row->errbuf, sizeof row->errbuf - 1)] = '\0';
	row->error = row->errbuf;
}

static void row_reset(struct uk_row *row)
{
	row->len = 0;
	row->nraw = 0;
	row->error = NULL;
}

static int arena_put(struct uk_row *row, const char *s, size_t n, size_t *off)
{
	if (row->len + n + 1 > row->cap) {
		size_t cap = row->cap ? row->cap : 1024;
		char *a;
		while (cap < row->len + n + 1)
			cap *= 2;
		if (!(a = realloc(row->arena, cap)))
			return -1;
		row->arena = a;
		row->cap = cap;
	}
	if (n)
		memcpy(row->arena + row->len, s, n);
	row->arena[row->len + n] = '\0';
	*off = row->len;
	row->len += n + 1;
	return 0;
}

static int row_add_raw(struct uk_row *row, const char *s, size_t n)
{
	size_t off;
	if (row->nraw == row->capraw) {
		int cap = row->capraw ? row->capraw * 2 : 32;
		size_t *o = realloc(row->raw_off, (size_t)cap * sizeof *o);
		if (!o)
			return -1;
		row->raw_off = o;
		row->capraw = cap;
	}
	if (arena_put(row, s, n, &off))
		return -1;
	row->raw_off[row->nraw++] = off;
	return 0;
}

/* ---- input bytes ---- */

/* Reads more of the file and appends it, as UTF-8, to buf. 0, or an exit
 * code. At the end of the file sets eof. */
static int fill(struct uk_reader *r)
{
	char chunk[CHUNK];
	size_t n;

	/* Keep the unconsumed tail only, or all from the mark. */
	if ((r->marked ? r->mark : r->pos) > 0) {
		size_t from = r->marked ? r->mark : r->pos;
		memmove(r->buf, r->buf + from, r->buflen - from);
		r->buflen -= from;
		r->pos -= from;
		r->mark = 0;
	}
	n = fread(chunk, 1, sizeof chunk, r->f);
	if (n == 0) {
		if (ferror(r->f)) {
			uk_err("%s: read error: %s", r->name, strerror(errno));
			return UK_EX_IOERR;
		}
		r->eof = 1;
		if (r->cv && r->rawlen) {
			/* A GB18030 sequence cut by the end of the file. */
			r->rawlen = 0;
			n = 0;
			goto append_bad;
		}
		return 0;
	}
	if (!r->cv) {
		if (r->buflen + n > r->bufcap) {
			size_t cap = r->bufcap ? r->bufcap : CHUNK;
			char *b;
			while (cap < r->buflen + n)
				cap *= 2;
			if (!(b = realloc(r->buf, cap)))
				return uk_err_nomem();
			r->buf = b;
			r->bufcap = cap;
		}
		memcpy(r->buf + r->buflen, chunk, n);
		r->buflen += n;
		return 0;
	}
	{
		char *in = malloc(r->rawlen + n);
		size_t inlen, done = 0;
		if (!in)
			return uk_err_nomem();
		memcpy(in, r->raw, r->rawlen);
		memcpy(in + r->rawlen, chunk, n);
		inlen = r->rawlen + n;
		while (done < inlen) {
			size_t take = inlen - done;
			int rc = uk_iconv_convert(r->cv, in + done, &take, &r->buf, &r->buflen, &r->bufcap);
			done += take;
			if (rc == 0)
				break;
			/* An invalid byte: a 0xFF, never valid UTF-8, stands in for
			 * it so the record that holds it is named and refused. */
			if (r->buflen + 1 > r->bufcap) {
				char *b = realloc(r->buf, r->bufcap * 2 + 1);
				if (!b) {
					free(in);
					return uk_err_nomem();
				}
				r->buf = b;
				r->bufcap = r->bufcap * 2 + 1;
			}
			r->buf[r->buflen++] = (char)0xFF;
			done++;
		}
		r->rawlen = inlen - done;
		if (r->rawlen > 16) {  /* iconv left more than a cut character */
			free(in);
			uk_err("%s: cannot convert from GB18030", r->name);
			return UK_EX_DATAERR;
		}
		memcpy(r->raw, in + done, r->rawlen);
		free(in);
		return 0;
	}
append_bad:
	if (r->buflen + 1 > r->bufcap) {
		char *b = realloc(r->buf, r->bufcap + CHUNK);
		if (!b)
			return uk_err_nomem();
		r->buf = b;
		r->bufcap += CHUNK;
	}
	r->buf[r->buflen++] = (char)0xFF;
	return 0;
}

/* ---- header ---- */

/* The spec column header h names, or -1. *rank says how specifically:
 * 0 by --map, 1 by the column's own name, 2 + i by its i-th alias (the
 * alias lists run from the most specific). */
static int header_lookup_rank(const struct uk_reader *r, const char *h, int *rank)
{
	*rank = -1;
	for (int m = 0; m < r->opts->nmaps; m++) {
		const char *eq = strchr(r->opts->maps[m], '=');
		size_t hl = (size_t)(eq - r->opts->maps[m]);
		if (strlen(h) == hl && strncmp(h, r->opts->maps[m], hl) == 0) {
			for (int c = 0; c < r->ncols; c++)
				if (uk_streq_ci(eq + 1, r->cols[c].name)) {
					*rank = 0;
					return c;
				}
		}
	}
	for (int c = 0; c < r->ncols; c++) {
		int k = 2;
		if (uk_streq_ci(h, r->cols[c].name)) {
			*rank = 1;
			return c;
		}
		for (const char *const *a = r->cols[c].aliases; a && *a; a++, k++)
			if (uk_streq_ci(h, *a)) {
				*rank = k;
				return c;
			}
	}
	return -1;
}

static int header_lookup(const struct uk_reader *r, const char *h)
{
	int rank;
	return header_lookup_rank(r, h, &rank);
}

/* Whether --ignore drops header h, which names spec column c (or -1): by
 * the header as written, or by the column's name. */
static int ignored(const struct uk_reader *r, const char *h, int c)
{
	/* 序号, a spreadsheet's row numbers, as if --ignore named it: every
	 * HR export has one, and no tool has such a column. */
	if (c < 0 && !strcmp(h, "序号"))
		return 1;
	for (int k = 0; k < r->opts->nignores; k++)
		if (uk_streq_ci(h, r->opts->ignores[k]) ||
		    (c >= 0 && uk_streq_ci(r->opts->ignores[k], r->cols[c].name)))
			return 1;
	return 0;
}

static int check_maps(const struct uk_reader *r)
{
	for (int m = 0; m < r->opts->nmaps; m++) {
		const char *col = strchr(r->opts->maps[m], '=') + 1;
		int found = 0;
		for (int c = 0; c < r->ncols; c++)
			found |= uk_streq_ci(col, r->cols[c].name);
		if (!found) {
			uk_err("--map '%s': no column named '%s' (see unionkit-formats(5))",
			       r->opts->maps[m], col);
			return UK_EX_USAGE;
		}
		for (int k = 0; k < r->opts->nignores; k++)
			if (strncmp(r->opts->maps[m], r->opts->ignores[k], (size_t)(col - 1 - r->opts->maps[m])) == 0 &&
			    r->opts->ignores[k][col - 1 - r->opts->maps[m]] == '\0') {
				uk_err("--map '%s' and --ignore '%s' name the same column",
				       r->opts->maps[m], r->opts->ignores[k]);
				return UK_EX_USAGE;
			}
	}
	return 0;
}

/* JSON: whether --ignore drops key, which names spec column c (or -1),
 * noting which --ignore matched: its keys are known only as they come. */
static int json_ignored(struct uk_reader *r, const char *key, int c)
{
	int hit = 0;
	for (int k = 0; k < r->opts->nignores; k++)
		if (uk_streq_ci(key, r->opts->ignores[k]) ||
		    (c >= 0 && uk_streq_ci(r->opts->ignores[k], r->cols[c].name)))
			hit = r->ignore_used[k] = 1;
	return hit;
}

/* At the end of JSON input, every --ignore named a key of some record, as
 * in CSV it names a column of the header. 0, or 64. */
static int json_check_ignores(const struct uk_reader *r)
{
	for (int k = 0; k < r->opts->nignores; k++)
		if (!r->ignore_used[k]) {
			uk_err("--ignore '%s': %s has no such column", r->opts->ignores[k], r->name);
			return UK_EX_USAGE;
		}
	return 0;
}

/* Every --ignore names a column of the header: a misspelt one would
 * silently drop nothing. 0, or 64. */
static int check_ignores(const struct uk_reader *r)
{
	for (int k = 0; k < r->opts->nignores; k++) {
		int found = 0;
		for (int i = 0; i < r->nheader && !found; i++) {
			int rank, c = header_lookup_rank(r, r->header[i], &rank);
			found = uk_streq_ci(r->header[i], r->opts->ignores[k]) ||
			        (c >= 0 && uk_streq_ci(r->opts->ignores[k], r->cols[c].name));
		}
		if (!found) {
			uk_err("--ignore '%s': %s has no such column", r->opts->ignores[k], r->name);
			return UK_EX_USAGE;
		}
	}
	return 0;
}

/* Two header cells i < j name the same spec column. Different names for
 * one thing (联系电话 and 手机号码) are both read, and a record whose two
 * values differ is refused (csv_values); a --map makes its cell the only
 * one; the same name twice is an error. 0, or 65. */
static int same_meaning(struct uk_reader *r, int i, int j, long line)
{
	int c = r->colmap[j];
	if (r->rank[i] == r->rank[j]) {
		uk_err_at(r->name, line, "columns '%s' and '%s' both mean '%s'",
		          r->header[i], r->header[j], r->cols[c].name);
		return UK_EX_DATAERR;
	}
	if (r->rank[i] == 0 || r->rank[j] == 0) {
		int drop = r->rank[i] == 0 ? j : i;
		if (!r->quiet)
			uk_err_at(r->name, line, "ignoring column '%s': --map names '%s' as '%s'",
			          r->header[drop], r->header[drop == i ? j : i], r->cols[c].name);
		r->colmap[drop] = -1;
	}
	return 0;
}

static int set_header(struct uk_reader *r, struct uk_row *row)
{
	int status = 0;
	r->nheader = row->nraw;
	r->header = calloc((size_t)row->nraw, sizeof *r->header);
	r->colmap = calloc((size_t)row->nraw, sizeof *r->colmap);
	r->rank = calloc((size_t)row->nraw, sizeof *r->rank);
	if (!r->header || !r->colmap || !r->rank)
		return uk_err_nomem();
	for (int i = 0; i < row->nraw; i++) {
		char *h = strdup(row->arena + row->raw_off[i]);
		if (!h)
			return uk_err_nomem();
		r->header[i] = uk_trim(h);
		r->colmap[i] = header_lookup_rank(r, h, &r->rank[i]);
		if (ignored(r, h, r->colmap[i])) {
			r->colmap[i] = -1;
			continue;
		}
		for (int j = 0; j < i && r->colmap[i] >= 0; j++)
			if (r->colmap[j] == r->colmap[i] && same_meaning(r, j, i, row->line))
				status = UK_EX_DATAERR;
		if (r->rank[i] < 0) {
			if (r->opts->strict) {
				uk_err_at(r->name, row->line, "unknown column '%s' (--strict)", h);
				status = UK_EX_DATAERR;
			} else if (*h && !r->quiet) {
				uk_err_at(r->name, row->line, "ignoring unknown column '%s' "
				          "(--map '%s=COLUMN' names it)", h, h);
			}
		}
	}
	return status;
}

/* ---- CSV ---- */

static void csv_field_cb(void *s, size_t n, void *data)
{
	struct uk_reader *r = data;
	struct uk_row *row = &r->row;
	if (row_add_raw(row, s ? s : "", s ? n : 0)) {
		row_fail(row, "%s", _("out of memory"));
		return;
	}
	if (s && memchr(s, '\0', n))
		row_fail(row, _("NUL byte in field %d"), row->nraw);
	else if (s && !uk_utf8_is_valid(s, n))
		row_fail(row, "%s", r->enc == UK_ENC_GB18030 ? _("invalid GB18030 text") :
		         _("invalid UTF-8 text (a GB18030 file? try --encoding gb18030)"));
}

static void csv_row_cb(int c, void *data)
{
	struct uk_reader *r = data;
	(void)c;
	r->row_done = 1;
}

/* A line with no quote and no stray CR holds one whole record, and its
 * fields are the text between commas: split it here, the way libcsv
 * would, at a fraction of the cost. Returns 0 when libcsv must read it. */
static int split_plain_line(struct uk_reader *r, const char *line, size_t n)
{
	const char *p = line, *end;
	if (n && line[n - 1] == '\n')
		n--;
	if (n && line[n - 1] == '\r')
		n--;
	if (memchr(line, '"', n) || memchr(line, '\r', n))
		return 0;
	end = line + n;
	for (;;) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		const char *stop = comma ? comma : end;
		csv_field_cb((void *)p, (size_t)(stop - p), r);
		if (!comma)
			return 1;
		p = comma + 1;
	}
}

/* The length of the physical line at buf[from..len): through its LF, or
 * through a CR not followed by LF (Excel's "CSV (Macintosh)" ends lines
 * so); 0 when the buffer does not hold all of it yet. No line end lies in
 * buf[from..scan). */
static size_t line_length(const char *buf, size_t from, size_t scan, size_t len, int eof)
{
	const char *end, *nl, *cr;

	if (scan >= len)  /* nothing new (buf may be NULL) */
		return eof ? len - from : 0;
	end = buf + len;
	nl = memchr(buf + scan, '\n', len - scan);
	cr = memchr(buf + scan, '\r', (size_t)((nl ? nl : end) - (buf + scan)));
	if (cr && cr + 1 == end && !eof)
		return 0;
	if (cr && (cr + 1 == end || cr[1] != '\n'))
		return (size_t)(cr + 1 - (buf + from));
	if (nl)
		return (size_t)(nl + 1 - (buf + from));
	return eof ? len - from : 0;
}

/* Feeds the parser one physical line at a time so that each record is
 * known by the line it starts on. Returns 1 with a record, 0 at the end,
 * or an exit code. */
static int csv_next_record(struct uk_reader *r)
{
	struct uk_row *row = &r->row;
	int rc;

	row_reset(row);
	r->row_done = 0;
	r->at_row_start = 1;
	for (;;) {
		size_t n, scan;
		int blank;

		if (r->csv_done)
			return 0;
		scan = r->pos;
		while ((n = line_length(r->buf, r->pos, scan, r->buflen, r->eof)) == 0 && !r->eof) {
			size_t seen = r->buflen - r->pos;
			if ((rc = fill(r)) != 0)
				return rc;
			/* From the last byte seen: a CR there is decided by the next. */
			scan = r->pos + (seen ? seen - 1 : 0);
		}
		if (n == 0) {  /* end of input */
			r->csv_done = 1;
			if (csv_fini(&r->p, csv_field_cb, csv_row_cb, r) != 0 && !row->error) {
				row_fail(row, "%s", _("unterminated quoted field"));
				r->row_done = 1;
			}
			if (r->row_done)
				return 1;
			return 0;
		}
		if (r->at_row_start)
			row->line = r->line + 1;
		r->line++;
		blank = 1;
		for (size_t i = 0; i < n && blank; i++)
			blank = r->buf[r->pos + i] == '\n' || r->buf[r->pos + i] == '\r';
		if (r->at_row_start && !blank && split_plain_line(r, r->buf + r->pos, n)) {
			r->pos += n;
			return 1;
		}
		r->rec_bytes += n;
		if (csv_parse(&r->p, r->buf + r->pos, n, csv_field_cb, csv_row_cb, r) != n) {
			/* Bad quoting: drop what was parsed and start afresh on
			 * the next line. */
			row_fail(row, "%s", _("bad quoting (a \" inside an unquoted field, or text "
			                      "after a closing quote)"));
			csv_free(&r->p);
			csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
			r->row_done = 1;
		}
		r->pos += n;
		if (r->row_done) {
			r->rec_bytes = 0;
			return 1;
		}
		if (!blank || !r->at_row_start)
			r->at_row_start = 0;
		if (r->rec_bytes > MAX_RECORD) {
			row_fail(row, "%s", _("record longer than 64 MB (an unclosed quote?)"));
			csv_free(&r->p);
			csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
			r->rec_bytes = 0;
			return 1;
		}
	}
}

/* What --excel wrote, read back as it was, in place: a cell ="000001", as
 * digits Excel would damage are written, is its text 000001 in any CSV
 * (no stored code can be that text). Only digits inside: any other
 * formula, ="1+1" included, stays the text it is, and is checked as such.
 * The formula guard's apostrophe ('=SUM(A1) is the text =SUM(A1); the
 * writer doubled an apostrophe that was there before) is dropped only
 * when reading with --excel: in a plain CSV it may be the value itself. */
static char *excel_text(char *s, int excel)
{
	size_t n, q;
	/* Most values start with neither: no need to measure them. */
	if (s[0] != '=' && (!excel || s[0] != '\''))
		return s;
	n = strlen(s);
	q = strspn(s, "'");
	if (excel && q > 0 && s[q] && strchr("=+-@\t\r", s[q])) {
		memmove(s, s + 1, n);
		return s;
	}
	if (n < 4 || s[0] != '=' || s[1] != '"' || s[n - 1] != '"' ||
	    strspn(s + 2, "0123456789") != n - 3)
		return s;
	memmove(s, s + 2, n - 3);
	s[n - 3] = '\0';
	return s;
}

/* Header cell i gives spec column c a value, as an earlier cell of the
 * same meaning did (prev): an empty one gives way to the other, equal ones
 * are one value, and two different ones refuse the record, naming both,
 * the more specific first. */
static void merge_value(struct uk_reader *r, int c, int i, char *prev)
{
	struct uk_row *row = &r->row;
	int j = row->src[c], first;
	char *v = row->vals[c];

	if (!*v || strcmp(v, prev) == 0) {
		row->vals[c] = prev;
		return;
	}
	if (!*prev) {
		row->src[c] = i;
		return;
	}
	first = r->rank[i] < r->rank[j] ? i : j;
	row->vals[c] = first == i ? v : prev;
	row->src[c] = first;
	row_fail(row, _("columns '%s' ('%s') and '%s' ('%s') differ: --ignore one, or --map it elsewhere"),
	         r->header[first], first == i ? v : prev, r->header[first == i ? j : i],
	         first == i ? prev : v);
}

/* Points the values of spec columns at the raw fields, trimmed in place:
 * no copy, since this runs for every field of every record. A rejected
 * record is written back trimmed and folded, which imports the same. */
static void csv_values(struct uk_reader *r)
{
	struct uk_row *row = &r->row;
	if (!row->error && row->nraw != r->nheader)
		row_fail(row, _("expected %d fields as in the header, found %d"), r->nheader, row->nraw);
	for (int c = 0; c < r->ncols; c++)
		row->vals[c] = NULL;
	for (int i = 0; i < r->nheader; i++) {
		int c = r->colmap[i];
		char *prev;
		if (c < 0)
			continue;
		prev = row->vals[c];  /* from a column of the same meaning */
		/* A short record leaves the header's later columns empty. */
		row->vals[c] = i < row->nraw ?
		               excel_text(uk_trim(row->arena + row->raw_off[i]), r->opts->excel) : (char *)"";
		if (prev)
			merge_value(r, c, i, prev);
		else
			row->src[c] = i;
	}
}

/* Whether a record holds nothing: no field, or only empty ones (a row of
 * commas, as Excel writes below its data). */
static int row_is_empty(struct uk_row *row)
{
	if (row->error)
		return 0;
	for (int i = 0; i < row->nraw; i++) {
		char *f = row->arena + row->raw_off[i];
		if (*f && *uk_trim(f))
			return 0;
	}
	return 1;
}

/* The next record that is not empty: 1, 0 at the end, or an exit code. */
static int csv_next_filled(struct uk_reader *r)
{
	int rc;
	while ((rc = csv_next_record(r)) == 1 && row_is_empty(&r->row))
		;
	return rc;
}

/* Whether a record reads as a header: two of its cells name columns of the
 * tool (by name, alias, --map or --ignore), or all of them do (a file of
 * one column). */
static int header_like(const struct uk_reader *r, struct uk_row *row)
{
	int known = 0, filled = 0;
	for (int i = 0; i < row->nraw; i++) {
		char *h = uk_trim(row->arena + row->raw_off[i]);
		if (!*h)
			continue;
		filled++;
		if (header_lookup(r, h) >= 0 || ignored(r, h, -1))
			known++;
	}
	return known >= 2 || (known >= 1 && known == filled);
}

/* Records looked at for the header below a spreadsheet's title rows. */
#define MAX_TITLE_ROWS 10

/* Appends a title row's cells, quoted, to buf for the message. */
static void title_text(char *buf, size_t n, struct uk_row *row)
{
	for (int i = 0; i < row->nraw; i++) {
		const char *f = row->arena + row->raw_off[i];
		size_t len = strlen(buf);
		if (!*f)
			continue;
		if (len + strlen(f) + 8 >= n) {  /* whole cells only */
			if (!strstr(buf, "..."))
				snprintf(buf + len, n - len, "%s...", len ? ", " : "");
			return;
		}
		snprintf(buf + len, n - len, "%s'%s'", len ? ", " : "", f);
	}
}

/* Reads the header into r->row. A spreadsheet saved as CSV may have a
 * title, the union's or a department's name, or the rests of merged cells
 * above its header: the header is the first record that reads as one
 * (header_like) among the first MAX_TITLE_ROWS that are not empty, and
 * the records above it are named once and skipped. When none reads as a
 * header, the first record is the header, as in a file without titles.
 * 1, 0 for an input with no record, or an exit code. */
static int csv_find_header(struct uk_reader *r)
{
	long line = r->line, first = 0;
	char titles[160] = "";
	int rc = 0;

	r->mark = r->pos;
	r->marked = 1;
	for (int k = 0; k < MAX_TITLE_ROWS; k++) {
		if ((rc = csv_next_filled(r)) != 1 || r->row.error)
			break;
		if (header_like(r, &r->row)) {
			r->marked = 0;
			if (first && !r->quiet) {
				char lines[48];
				if (r->row.line - 1 > first) {
					snprintf(lines, sizeof lines, "%ld-%ld", first, r->row.line - 1);
					uk_err("%s:%s: title rows above the header skipped (%s)", r->name, lines, titles);
				} else {
					snprintf(lines, sizeof lines, "%ld", first);
					uk_err("%s:%s: title row above the header skipped (%s)", r->name, lines, titles);
				}
			}
			return 1;
		}
		if (!first)
			first = r->row.line;
		title_text(titles, sizeof titles, &r->row);
	}
	r->marked = 0;
	if (rc > 1)
		return rc;
	/* Read again from the first record, with a parser afresh. */
	r->pos = r->mark;
	r->line = line;
	r->csv_done = 0;
	r->rec_bytes = 0;
	csv_free(&r->p);
	csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	return csv_next_filled(r);
}

/* ---- JSON ---- */

static int json_warn_once(struct uk_reader *r, const char *key, long line)
{
	char **w;
	/* Under --strict every record with the key is refused, however
	 * often it was seen before. */
	if (r->opts->strict)
		return 1;
	for (int i = 0; i < r->nwarned; i++)
		if (strcmp(r->warned[i], key) == 0)
			return 0;
	if (!(w = realloc(r->warned, (size_t)(r->nwarned + 1) * sizeof *w)) ||
	    !(w[r->nwarned] = strdup(key))) {
		if (w)
			r->warned = w;
		return -1;
	}
	r->warned = w;
	r->nwarned++;
	if (!r->quiet)
		uk_err_at(r->name, line, "ignoring unknown key '%s' (--map '%s=COLUMN' names it)", key, key);
	return 0;
}

static void count_lines(struct uk_reader *r, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (r->buf[i] == '\n')
			r->line++;
}

static size_t skip_space(struct uk_reader *r, size_t p)
{
	while (p < r->buflen && strchr(" \t\r\n", r->buf[p]) && r->buf[p])
		p++;
	return p;
}

static int json_next_record(struct uk_reader *r)
{
	struct uk_row *row = &r->row;
	json_error_t jerr;
	json_t *obj;
	size_t p, *offs;
	const char *key;
	json_t *val;

	row_reset(row);
	/* A record refused before its values are read has none, not the
	 * last record's. */
	for (int c = 0; c < r->ncols; c++)
		row->vals[c] = NULL;
	if (r->json_done)
		return 0;
	p = skip_space(r, r->pos);
	count_lines(r, r->pos, p);
	r->pos = p;
	if (r->json_array && p < r->buflen && r->buf[p] == ']') {
		r->json_done = 1;
		p = skip_space(r, p + 1);
		count_lines(r, r->pos, p);
		if (p < r->buflen) {
			row->line = r->line + 1;
			row_fail(row, "%s", _("text after the closing ']'"));
			return 1;
		}
		return 0;
	}
	if (p >= r->buflen) {
		r->json_done = 1;
		if (r->json_array) {
			row->line = r->line + 1;
			row_fail(row, "%s", _("JSON array not closed with ']'"));
			return 1;
		}
		return 0;
	}
	row->line = r->line + 1;
	obj = json_loadb(r->buf + p, r->buflen - p, JSON_DISABLE_EOF_CHECK, &jerr);
	if (!obj) {
		/* Nothing after a syntax error can be trusted to start a record. */
		r->json_done = 1;
		snprintf(row->errbuf, sizeof row->errbuf, _("bad JSON: %s"), jerr.text);
		row->error = row->errbuf;
		return 1;
	}
	count_lines(r, p, p + (size_t)jerr.position);
	p += (size_t)jerr.position;
	r->pos = p;
	if (r->json_array) {
		p = skip_space(r, p);
		count_lines(r, r->pos, p);
		if (p < r->buflen && r->buf[p] == ',')
			p++;
		else if (!(p < r->buflen && r->buf[p] == ']')) {
			r->json_done = 1;
			row_fail(row, "%s", _("expected ',' or ']' after a record"));
		}
		r->pos = p;
	}
	if (!json_is_object(obj)) {
		json_decref(obj);
		row_fail(row, "%s", _("a record must be a JSON object"));
		return 1;
	}
	offs = calloc((size_t)r->ncols, sizeof *offs);
	if (!offs) {
		json_decref(obj);
		return uk_err_nomem();
	}
	for (int c = 0; c < r->ncols; c++)
		offs[c] = SIZE_MAX;
	json_object_foreach(obj, key, val) {
		int c = header_lookup(r, key);
		char num[64];
		const char *text = NULL;
		size_t n = 0;
		if (json_ignored(r, key, c))
			continue;
		if (c < 0) {
			int w = json_warn_once(r, key, row->line);
			if (w < 0 || (w > 0 && !row->error)) {
				snprintf(row->errbuf, sizeof row->errbuf, _("unknown key '%.100s' (--strict)"), key);
				row->error = row->errbuf;
			}
			continue;
		}
		if (offs[c] != SIZE_MAX) {
			row_fail(row, _("two keys mean '%s'"), r->cols[c].name);
			continue;
		}
		switch (json_typeof(val)) {
		case JSON_STRING:
			text = json_string_value(val);
			n = json_string_length(val);
			if (memchr(text, '\0', n))
				row_fail(row, _("NUL character in '%s'"), key);
			break;
		case JSON_INTEGER:
			n = (size_t)snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(val));
			text = num;
			break;
		case JSON_REAL:
			/* Amounts belong in strings; a number is read by its
			 * shortest exact-enough text and then parsed as usual. */
			n = (size_t)snprintf(num, sizeof num, "%.15g", json_real_value(val));
			text = num;
			break;
		case JSON_TRUE: text = "true"; n = 4; break;
		case JSON_FALSE: text = "false"; n = 5; break;
		case JSON_NULL: continue;
		default:
			row_fail(row, _("'%s' holds a JSON object or array, not a value"), key);
			continue;
		}
		if (arena_put(row, text, n, &offs[c])) {
			free(offs);
			json_decref(obj);
			return uk_err_nomem();
		}
	}
	json_decref(obj);
	for (int c = 0; c < r->ncols; c++)
		row->vals[c] = offs[c] == SIZE_MAX ? NULL : uk_trim(row->arena + offs[c]);
	free(offs);
	return 1;
}

/* ---- opening ---- */

static int start(struct uk_reader *r);

static int detect(struct uk_reader *r)
{
	int rc;
	size_t p;

	while (!r->eof && r->buflen < CHUNK)
		if ((rc = fill(r)) != 0)
			return rc;
	/* A byte-order mark settles the question and is not data. */
	if (r->buflen >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0) {
		r->pos = 3;
		if (r->enc == UK_ENC_AUTO)
			r->enc = UK_ENC_UTF8;
	} else if (r->buflen >= 4 && memcmp(r->buf, "\x84\x31\x95\x33", 4) == 0) {
		r->pos = 4;
		if (r->enc == UK_ENC_AUTO)
			r->enc = UK_ENC_GB18030;
	}
	if (r->enc == UK_ENC_AUTO)  /* an empty sample is UTF-8 */
		r->enc = uk_encoding_detect(r->buf + r->pos, r->buflen - r->pos);
	p = r->pos;
	while (p < r->buflen && strchr(" \t\r\n", r->buf[p]) && r->buf[p])
		p++;
	if (r->opts->format == UK_IN_JSON)
		r->json = 1;
	else if (r->opts->format == UK_IN_AUTO && p < r->buflen && (r->buf[p] == '[' || r->buf[p] == '{'))
		r->json = 1;
	if (r->json) {
		/* JSON is UTF-8 (RFC 8259) and read whole. */
		while (!r->eof)
			if ((rc = fill(r)) != 0)
				return rc;
		count_lines(r, 0, p);
		r->pos = p;
		if (p < r->buflen && r->buf[p] == '[') {
			r->json_array = 1;
			r->pos = p + 1;
		}
		return 0;
	}
	if (r->enc == UK_ENC_GB18030) {
		/* Convert what was read so far, then the rest as it comes. */
		size_t len = r->buflen - r->pos, take;
		char *sample;
		int bad = 0;
		long utf8_line, gb_line;

		if (r->opts->encoding == UK_ENC_AUTO &&
		    (utf8_line = uk_encoding_mixed_line(r->buf + r->pos, len, r->eof, &gb_line)) != 0) {
			uk_err_at(r->name, utf8_line, "this line is UTF-8 but line %ld is not: a file in two "
			          "encodings (save it again in one, or name it with --encoding)", gb_line);
			return UK_EX_DATAERR;
		}
		sample = malloc(len ? len : 1);
		if (!sample)
			return uk_err_nomem();
		memcpy(sample, r->buf + r->pos, len);
		if (!(r->cv = uk_iconv_open_gb18030())) {
			free(sample);
			uk_err("cannot convert from GB18030: %s", strerror(errno));
			return UK_EX_SOFTWARE;
		}
		r->buflen = r->pos = 0;
		for (size_t done = 0; done < len; ) {
			take = len - done;
			rc = uk_iconv_convert(r->cv, sample + done, &take, &r->buf, &r->buflen, &r->bufcap);
			done += take;
			if (rc == 0) {
				r->rawlen = len - done;
				if (r->rawlen > 16)
					bad = 1;
				else
					memcpy(r->raw, sample + done, r->rawlen);
				break;
			}
			if (r->buflen + 1 > r->bufcap) {
				char *b = realloc(r->buf, r->bufcap * 2 + 1);
				if (!b) {
					free(sample);
					return uk_err_nomem();
				}
				r->buf = b;
				r->bufcap = r->bufcap * 2 + 1;
			}
			r->buf[r->buflen++] = (char)0xFF;
			done++;
		}
		free(sample);
		if (bad) {
			uk_err("%s: cannot convert from GB18030", r->name);
			return UK_EX_DATAERR;
		}
	}
	return 0;
}

/* Detects the input's kind and reads the CSV header. */
static int start(struct uk_reader *r)
{
	int rc = detect(r);
	if (rc != 0 || r->json)
		return rc;
	csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	r->parser_live = 1;
	rc = csv_find_header(r);
	if (rc == 0) {
		uk_err("%s: empty input: no header row", r->name);
		return UK_EX_DATAERR;
	}
	if (rc > 1)
		return rc;
	if (r->row.error) {
		uk_err_at(r->name, r->row.line, "bad header: %s", r->row.error);
		return UK_EX_DATAERR;
	}
	if ((rc = set_header(r, &r->row)) != 0)
		return rc;
	return r->quiet ? 0 : check_ignores(r);
}

int uk_reader_open(const char *path, const struct uk_colspec *cols, int ncols,
                   const struct uk_read_opts *opts, struct uk_reader **out)
{
	struct uk_reader *r = calloc(1, sizeof *r);
	int rc;

	*out = NULL;
	if (!r)
		return uk_err_nomem();
	r->cols = cols;
	r->ncols = ncols;
	r->opts_copy = *opts;
	r->opts = &r->opts_copy;
	r->enc = opts->encoding;
	r->row.vals = calloc((size_t)ncols, sizeof *r->row.vals);
	r->row.src = calloc((size_t)ncols, sizeof *r->row.src);
	r->raw = malloc(64);
	r->ignore_used = calloc((size_t)opts->nignores + 1, 1);  /* + 1: never 0 bytes */
	/* Allocated up front, so that even an empty input has a buffer to
	 * point into. */
	r->buf = malloc(CHUNK);
	r->bufcap = CHUNK;
	if (!r->row.vals || !r->row.src || !r->raw || !r->ignore_used || !r->buf) {
		uk_reader_close(r);
		return uk_err_nomem();
	}
	if (strcmp(path, "-") == 0) {
		r->f = stdin;
		r->name = strdup("stdin");
	} else {
		r->f = fopen(path, "rb");
		r->own_f = 1;
		r->name = strdup(path);
		if (!r->f) {
			int e = errno;
			uk_err("cannot open '%s': %s", path, strerror(e));
			uk_reader_close(r);
			return e == ENOENT || e == EACCES ? UK_EX_NOINPUT : UK_EX_IOERR;
		}
	}
	if (!r->name) {
		uk_reader_close(r);
		return uk_err_nomem();
	}
	if ((rc = check_maps(r)) != 0 || (rc = start(r)) != 0) {
		uk_reader_close(r);
		return rc;
	}
	*out = r;
	return 0;
}

struct uk_read_opts uk_read_opts_of(const struct uk_opts *o)
{
	struct uk_read_opts ro = {
		.encoding = o->encoding, .format = o->input_format, .maps = o->maps,
		.nmaps = o->nmaps, .strict = o->strict, .excel = o->excel,
		.ignores = o->ignores, .nignores = o->nignores,
	};
	return ro;
}

int uk_reader_rewindable(const struct uk_reader *r)
{
	struct stat sb;
	return r->own_f && fstat(fileno(r->f), &sb) == 0 && S_ISREG(sb.st_mode);
}

int uk_reader_rewind(struct uk_reader *r)
{
	if (!uk_reader_rewindable(r) || fseek(r->f, 0, SEEK_SET) != 0)
		return -1;
	clearerr(r->f);
	if (r->parser_live)
		csv_free(&r->p);
	r->parser_live = 0;
	uk_iconv_close(r->cv);
	r->cv = NULL;
	for (int i = 0; i < r->nheader; i++)
		free(r->header[i]);
	free(r->header);
	free(r->colmap);
	free(r->rank);
	r->header = NULL;
	r->colmap = NULL;
	r->rank = NULL;
	r->nheader = 0;
	r->enc = r->opts->encoding;
	r->json = r->json_array = r->json_done = 0;
	r->rawlen = r->buflen = r->pos = 0;
	r->eof = 0;
	r->csv_done = 0;
	r->line = 0;
	r->rec_bytes = 0;
	/* The header's warnings were said the first time. */
	r->quiet = 1;
	return start(r) == 0 ? 0 : -1;
}

/* Whether a cell holds only a figure, or nothing: a summary row's sums
 * (9,000.00, ¥9000元) or the day it was signed (2026-12-01). */
static int figure_cell(const char *f)
{
	while (*f) {
		if (strchr(" \t0123456789.,-/%", *f))
			f++;
		else if (!strncmp(f, "\xC2\xA5", 2))        /* ¥ */
			f += 2;
		else if (!strncmp(f, "\xE5\x85\x83", 3))    /* 元 */
			f += 3;
		else
			return 0;
	}
	return 1;
}

/* Whether the cell f (leading blanks skipped) is a summary's or a
 * signature's label: 合计 alone (or with a colon), 制表人：… with its
 * colon, not a memo that merely starts so (负责人交通补贴). */
static int summary_label(const char *f)
{
	static const char *const sums[] = {"合计", "总计", "小计"};
	static const char *const signs[] = {"制表人", "制表", "审核人", "审核", "填表人", "填表", "负责人",
	                                    "盖章"};
	for (size_t k = 0; k < sizeof sums / sizeof sums[0]; k++) {
		size_t n = strlen(sums[k]);
		if (!strncmp(f, sums[k], n)) {
			const char *p = f + n;
			p += strspn(p, " \t");
			if (!strncmp(p, "\xEF\xBC\x9A", 3))        /* ： */
				p += 3;
			else if (*p == ':')
				p++;
			return !*(p + strspn(p, " \t"));
		}
	}
	for (size_t k = 0; k < sizeof signs / sizeof signs[0]; k++) {
		size_t n = strlen(signs[k]);
		if (!strncmp(f, signs[k], n))
			return !f[n] || f[n] == ':' || !strncmp(f + n, "\xEF\xBC\x9A", 3) ||
			       strspn(f + n, " \t") == strlen(f + n);
	}
	return 0;
}

/* Whether a record is a spreadsheet's summary or signature row below the
 * data (合计 with its sums, 制表人：…, 审核：…): its first filled cell is
 * such a label and every other cell is a figure or empty. */
static int summary_row(const struct uk_row *row)
{
	int first = -1;
	if (row->error)
		return 0;
	for (int i = 0; i < row->nraw; i++) {
		const char *f = row->arena + row->raw_off[i];
		f += strspn(f, " \t");
		if (first < 0 && *f) {
			if (!summary_label(f))
				return 0;
			first = i;
		} else if (first >= 0 && !figure_cell(f)) {
			return 0;
		}
	}
	return first >= 0;
}

int uk_reader_next(struct uk_reader *r, struct uk_row **row)
{
	int rc;
	*row = NULL;
	if (r->json) {
		rc = json_next_record(r);
		if (rc == 1)
			*row = &r->row;
		/* Said at every end reached, a second reading's too: a first
		 * one may have stopped early. */
		return rc == 0 ? json_check_ignores(r) : rc;
	}
	while ((rc = csv_next_filled(r)) == 1 && summary_row(&r->row)) {
		if (!r->quiet) {
			char cells[160] = "";
			title_text(cells, sizeof cells, &r->row);
			uk_err_at(r->name, r->row.line, "summary row skipped (%s)", cells);
		}
	}
	if (rc != 1)
		return rc;
	csv_values(r);
	*row = &r->row;
	return 1;
}

void uk_reader_close(struct uk_reader *r)
{
	if (!r)
		return;
	if (r->own_f && r->f)
		fclose(r->f);
	if (r->parser_live)
		csv_free(&r->p);
	uk_iconv_close(r->cv);
	for (int i = 0; i < r->nheader && r->header; i++)
		free(r->header[i]);
	for (int i = 0; i < r->nwarned; i++)
		free(r->warned[i]);
	free(r->warned);
	free(r->ignore_used);
	free(r->header);
	free(r->colmap);
	free(r->rank);
	free(r->name);
	free(r->raw);
	free(r->buf);
	free(r->row.arena);
	free(r->row.raw_off);
	free(r->row.vals);
	free(r->row.src);
	free(r);
}

/* ---- rejects ---- */

struct uk_rejects {
	FILE *f;
	char *path;
	struct uk_reader *r;
	struct uk_writer *w;
	int ncols;
	const char **vals;
};

/* Whether path may take the rejects (said when not): never the input
 * they come from (--rejects hr.csv hr.csv would lose the HR file), nor a
 * database (--rejects "$UNIONKIT_DB"). A regular file already there is
 * removed, so that the new one is 0600 whatever the old one's mode was:
 * rejected records carry what the register holds (ID numbers, phones). A
 * device such as /dev/stderr is written to as it is. */
static int rejects_place_ok(const char *path, const struct uk_reader *r)
{
	struct stat in, there, link;
	char magic[16] = "";
	size_t got = 0;
	FILE *f;
	/* What is there, through a link too (stat follows it). */
	if (lstat(path, &link) != 0 || stat(path, &there) != 0)
		return 1;  /* a new file */
	if (r->f && fstat(fileno(r->f), &in) == 0 && in.st_dev == there.st_dev && in.st_ino == there.st_ino) {
		uk_err("--rejects '%s' is the input file: give another file for the rejects", path);
		return 0;
	}
	if (!S_ISREG(there.st_mode))
		return 1;
	if ((f = fopen(path, "rb")) != NULL) {
		got = fread(magic, 1, sizeof magic, f);
		fclose(f);
	}
	if (got == sizeof magic && !memcmp(magic, "SQLite format 3", sizeof magic)) {
		uk_err("--rejects '%s' is a database: give another file for the rejects", path);
		return 0;
	}
	if (S_ISREG(link.st_mode))
		unlink(path);
	return 1;
}

int uk_rejects_open(const char *path, struct uk_reader *r, struct uk_rejects **out)
{
	struct uk_rejects *rj = calloc(1, sizeof *rj);
	struct uk_outcol *cols;
	int n = r->json ? r->ncols : r->nheader, fd;

	*out = NULL;
	if (!rj || !(rj->path = strdup(path)) ||
	    !(cols = calloc((size_t)n + 1, sizeof *cols)) ||
	    !(rj->vals = calloc((size_t)n + 1, sizeof *rj->vals))) {
		if (rj)
			free(rj->path);
		free(rj);
		return uk_err_nomem();
	}
	rj->r = r;
	rj->ncols = n;
	for (int i = 0; i < n; i++)
		cols[i].name = r->json ? r->cols[i].name : r->header[i];
	cols[n].name = "error";
	if (!rejects_place_ok(path, r)) {
		free(cols);
		free(rj->vals);
		free(rj->path);
		free(rj);
		return UK_EX_USAGE;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || !(rj->f = fdopen(fd, "w"))) {
		uk_err("cannot create rejects file '%s': %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		free(cols);
		free(rj->vals);
		free(rj->path);
		free(rj);
		return UK_EX_CANTCREAT;
	}
	/* With --excel the rejects are for Excel too: they are opened there
	 * to be fixed. */
	rj->w = uk_writer_new(rj->f, UK_FMT_CSV, r->opts->excel, cols, n + 1);
	free(cols);  /* the writer copies what it needs */
	if (!rj->w) {
		fclose(rj->f);
		free(rj->vals);
		free(rj->path);
		free(rj);
		return uk_err_nomem();
	}
	*out = rj;
	return 0;
}

int uk_rejects_add(struct uk_rejects *rj, struct uk_row *row, const char *error)
{
	for (int i = 0; i < rj->ncols; i++) {
		if (rj->r->json)
			rj->vals[i] = row->vals[i];
		else
			rj->vals[i] = i < row->nraw ? row->arena + row->raw_off[i] : NULL;
	}
	rj->vals[rj->ncols] = error;
	return uk_writer_row(rj->w, rj->vals);
}

int uk_rejects_close(struct uk_rejects *rj)
{
	int rc = 0;
	if (!rj)
		return 0;
	if (uk_writer_end(rj->w) != 0)
		rc = 1;
	if (fclose(rj->f) != 0)
		rc = 1;
	if (rc)
		uk_err("cannot write rejects file '%s'", rj->path);
	free(rj->vals);
	free(rj->path);
	free(rj);
	return rc ? UK_EX_IOERR : 0;
}

int uk_cli_reader(const struct uk_opts *o, const char *path, const struct uk_colspec *cols,
                  int ncols, struct uk_reader **out)
{
	struct uk_read_opts ro = uk_read_opts_of(o);
	return uk_reader_open(path, cols, ncols, &ro, out);
}
