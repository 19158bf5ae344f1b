/* uk_rec.h - records in and out: CSV (libcsv), JSON and NDJSON (jansson) in;
 * csv, json, ndjson and a display-width-aligned table out. */
#ifndef UK_REC_H
#define UK_REC_H

#include <stdio.h>
#include "uk_cli.h"
#include "uk_text.h"

/* A column the caller knows, with the other header names it goes by, the
 * most specific first: of two columns of a file that mean the same one,
 * the earlier name is the more specific (手机号码 before 联系电话). */
struct uk_colspec {
	const char *name;               /* english snake_case */
	const char *const *aliases;     /* NULL-terminated, may be NULL */
};

struct uk_read_opts {
	enum uk_encoding encoding;
	enum uk_input_format format;
	const char *const *maps;        /* "HEADER=column" */
	int nmaps;
	int strict;                     /* unknown columns are an error */
	int excel;                      /* --excel: the formula guard is read, and
	                                 * a --rejects file is for Excel */
	const char *const *ignores;     /* --ignore: headers or column names */
	int nignores;
};

/* The reading options of the shared ones (--encoding, --input-format,
 * --map, --strict, --ignore, --excel). */
struct uk_read_opts uk_read_opts_of(const struct uk_opts *o);

struct uk_reader;
struct uk_row;

/* Opens path ("-" is stdin) and reads the header. Messages are printed;
 * returns an exit code (66 missing file, 65 bad header, 64 bad --map). */
int uk_reader_open(const char *path, const struct uk_colspec *cols, int ncols,
                   const struct uk_read_opts *opts, struct uk_reader **out);
/* uk_reader_open with the reading options the command line gave
 * (uk_read_opts_of): how a tool opens its input. */
int uk_cli_reader(const struct uk_opts *o, const char *path, const struct uk_colspec *cols,
                  int ncols, struct uk_reader **out);
/* The next record: 1 and *row set (valid until the next call), 0 at the
 * end, or an exit code > 1 on an error that stops reading (I/O; at the end
 * of JSON input, 64 when an --ignore named no key of any record: write
 * nothing). A record may carry an error of its own (uk_row_error): report
 * it and go on. */
int uk_reader_next(struct uk_reader *r, struct uk_row **row);
void uk_reader_close(struct uk_reader *r);
/* Whether the input is a regular file that can be read again. */
int uk_reader_rewindable(const struct uk_reader *r);
/* Starts again from the first record (a regular file only): 0, or -1. */
int uk_reader_rewind(struct uk_reader *r);
/* The name for messages: the path, or "stdin". */
const char *uk_reader_name(const struct uk_reader *r);
/* Whether the input has a column for spec column i. */
int uk_reader_has(const struct uk_reader *r, int col);
enum uk_encoding uk_reader_encoding(const struct uk_reader *r);

/* The value of spec column col: trimmed, NUL-terminated, writable in place;
 * NULL when the input has no such column (JSON: key absent or null). */
char *uk_row_get(struct uk_row *row, int col);
long uk_row_line(const struct uk_row *row);
/* Why the record itself is unreadable (ragged, bad quoting, bad text), or
 * NULL. */
const char *uk_row_error(const struct uk_row *row);
/* Whether the input is JSON (read whole; its warnings come as records are
 * read) rather than CSV. */
int uk_reader_json(const struct uk_reader *r);
/* A record of r's kept past the next read: another thread works on it
 * while r reads on. New (NULL on no memory), copy (0, or -1 on no memory;
 * dst's buffers are reused), free. */
struct uk_row *uk_row_new(const struct uk_reader *r);
int uk_row_copy(const struct uk_reader *r, struct uk_row *dst, const struct uk_row *src);
void uk_row_free(struct uk_row *row);

/* Output. */
enum uk_coltype { UK_COL_TEXT, UK_COL_INT, UK_COL_MONEY };
struct uk_outcol { const char *name; enum uk_coltype type; };

struct uk_writer;
/* A writer of rows of the given columns to f in format fmt (csv, json,
 * ndjson, table). excel: BOM, CRLF and the formula guard (csv only). */
struct uk_writer *uk_writer_new(FILE *f, enum uk_format fmt, int excel,
                                const struct uk_outcol *cols, int ncols);
/* The writer to stdout a command's -f and --excel ask for (a list's
 * format: uk_format_resolve(o, 0)). 0, or 70 out of memory, said. */
int uk_cli_writer(const struct uk_opts *o, const struct uk_outcol *cols, int ncols,
                  struct uk_writer **w);
/* A column's header in other words (a Chinese one): 0, or -1 out of
 * memory. */
int uk_writer_header(struct uk_writer *w, int col, const char *name);
/* Each value written from now on is first given to fn with its column's
 * name (as created, before uk_writer_header): fn returns the words to
 * write (static, or put in buf of n bytes), or NULL for the value as it
 * is. 0, or -1 out of memory (the writer is then freed by its end). */
typedef const char *(*uk_value_words_fn)(const char *col, const char *val, char *buf, size_t n);
int uk_writer_values(struct uk_writer *w, uk_value_words_fn fn);
/* vals[i] NULL is an empty cell (JSON null). Returns 0, or -1 when the
 * output failed (a closed pipe): stop producing rows. */
int uk_writer_row(struct uk_writer *w, const char *const *vals);
/* Finishes (the header, when no row came, and the table are written here)
 * and frees. Returns 0 or -1. */
int uk_writer_end(struct uk_writer *w);
/* Frees without writing what is pending: a command that failed prints no
 * header. */
void uk_writer_abandon(struct uk_writer *w);
/* A table that follows other output in the same stream (dispute-log show:
 * the case, then its timeline; a report's sections): no second byte-order
 * mark, and with blank_line the blank line between them, in the output's
 * line end. */
void uk_writer_follows(struct uk_writer *w, int blank_line);
/* The end of a command's output: abandons it when status is an error
 * (over 1: exit 1 is "done, records skipped"), else ends it; returns
 * status, or 74 when the output failed. */
int uk_writer_close(struct uk_writer *w, int status);

/* Rejected records back out as CSV with an extra "error" column. */
struct uk_rejects;
int uk_rejects_open(const char *path, struct uk_reader *r, struct uk_rejects **out);
int uk_rejects_add(struct uk_rejects *rj, struct uk_row *row, const char *error);
int uk_rejects_close(struct uk_rejects *rj); /* exit code */

/* JSON documents (objects or arrays) one after another in a file, read
 * one at a time, so that a stream of any length is never held whole. */
typedef struct json_t json_t;
struct uk_docs;
/* Opens path ("-" is stdin); a document may be up to max_mb megabytes.
 * 0, or 66 when it cannot be opened (said). */
int uk_docs_open(const char *path, size_t max_mb, struct uk_docs **out);
/* The next document: 1 with *out (the caller's), 0 at the end, or an exit
 * code: 65 bad JSON (said with the file and the line), 74 I/O. */
int uk_docs_next(struct uk_docs *d, json_t **out);
/* The name for messages: the path, or "stdin". */
const char *uk_docs_name(const struct uk_docs *d);
void uk_docs_close(struct uk_docs *d);
#endif
