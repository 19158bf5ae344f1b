/* rec_docs.c - JSON documents one after another in a file (or on a pipe),
 * read one at a time: the file is never held whole, only the document
 * being read. */
#include "uk_rec.h"

#include <jansson.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK (64 * 1024)

struct uk_docs {
	FILE *f;
	const char *name;     /* for messages: the path, or "stdin" */
	char *buf;
	size_t cap, len, pos; /* unread text is buf[pos, len) */
	size_t max;           /* the longest document taken */
	long line;            /* the line of buf[pos] */
	int eof;
};

int uk_docs_open(const char *path, size_t max_mb, struct uk_docs **out)
{
	struct uk_docs *d = calloc(1, sizeof *d);
	*out = NULL;
	if (!d)
		return uk_err_nomem();
	d->f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	d->name = d->f == stdin ? "stdin" : path;
	if (!d->f) {
		uk_err("cannot open '%s': %s", path, strerror(errno));
		free(d);
		return UK_EX_NOINPUT;
	}
	d->max = max_mb * 1024 * 1024;
	d->line = 1;
	*out = d;
	return 0;
}

/* More text after buf[len): the unread part moved to the front first, the
 * buffer grown when it is full of one document. 0 (d->eof set at the
 * end), or an exit code (said). */
static int fill(struct uk_docs *d)
{
	size_t k;
	if (d->pos > 0) {
		memmove(d->buf, d->buf + d->pos, d->len - d->pos);
		d->len -= d->pos;
		d->pos = 0;
	}
	if (d->len + CHUNK > d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 2 * CHUNK;
		char *b;
		if (d->len > d->max) {
			uk_err("%s: larger than %zu MB", d->name, d->max / (1024 * 1024));
			return UK_EX_DATAERR;
		}
		if (!(b = realloc(d->buf, cap)))
			return uk_err_nomem();
		d->buf = b;
		d->cap = cap;
	}
	k = fread(d->buf + d->len, 1, d->cap - d->len, d->f);
	d->len += k;
	if (k == 0) {
		if (ferror(d->f)) {
			uk_err("cannot read '%s': %s", d->name, strerror(errno));
			return UK_EX_IOERR;
		}
		d->eof = 1;
	}
	return 0;
}

int uk_docs_next(struct uk_docs *d, json_t **out)
{
	size_t end, i;
	int depth = 0, in_str = 0, esc = 0, rc;
	json_error_t e;
	json_t *j;

	*out = NULL;
	/* White space between documents. */
	for (;;) {
		while (d->pos < d->len && strchr(" \t\r\n", d->buf[d->pos])) {
			if (d->buf[d->pos] == '\n')
				d->line++;
			d->pos++;
		}
		if (d->pos < d->len)
			break;
		if (d->eof)
			return 0;
		if ((rc = fill(d)) != 0)
			return rc;
	}
	/* The document's end: its first bracket closed, strings skipped. Text
	 * that is not an object or an array, or one cut short, goes to
	 * jansson as it is, to be named there. */
	i = d->pos;
	end = 0;
	if (d->buf[i] == '{' || d->buf[i] == '[') {
		for (;;) {
			for (; i < d->len && !end; i++) {
				char c = d->buf[i];
				if (in_str) {
					if (esc)
						esc = 0;
					else if (c == '\\')
						esc = 1;
					else if (c == '"')
						in_str = 0;
				} else if (c == '"') {
					in_str = 1;
				} else if (c == '{' || c == '[') {
					depth++;
				} else if ((c == '}' || c == ']') && --depth == 0) {
					end = i + 1;
				}
			}
			if (end || d->eof)
				break;
			i -= d->pos;  /* fill moves the text to the front */
			if ((rc = fill(d)) != 0)
				return rc;
			i += d->pos;
		}
	}
	if (!end)
		end = d->len;
	if (!(j = json_loadb(d->buf + d->pos, end - d->pos, 0, &e))) {
		uk_err_at(d->name, d->line + e.line - 1, "bad JSON: %s", e.text);
		return UK_EX_DATAERR;
	}
	for (i = d->pos; i < end; i++)
		if (d->buf[i] == '\n')
			d->line++;
	d->pos = end;
	*out = j;
	return 1;
}

const char *uk_docs_name(const struct uk_docs *d)
{
	return d->name;
}

void uk_docs_close(struct uk_docs *d)
{
	if (!d)
		return;
	if (d->f && d->f != stdin)
		fclose(d->f);
	free(d->buf);
	free(d);
}
