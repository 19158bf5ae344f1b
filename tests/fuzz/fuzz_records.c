/* fuzz_records.c - the record reader on any file: encoding detection,
 * GB18030, CSV quoting, JSON and NDJSON, header aliases and --map, then the
 * writer in every format. The first byte chooses the options, the rest is
 * the file. Every record is read or refused with a reason, and reading a
 * file again gives the same records. */
#include "fuzz.h"
#include "uk_members.h"
#include "uk_rec.h"

static FILE *devnull;

/* Reads every record, writes it out, and returns how many there were. */
static long read_all(struct uk_reader *r, int ncols, struct uk_writer *w)
{
	struct uk_row *row;
	const char *vals[64];
	long n = 0, line = 0;
	int rc;

	while ((rc = uk_reader_next(r, &row)) == 1) {
		/* JSON can hold many records on one line: never backwards. */
		FUZZ_ASSERT(uk_row_line(row) >= line && uk_row_line(row) >= 1);
		line = uk_row_line(row);
		n++;
		if (uk_row_error(row)) {
			FUZZ_ASSERT(uk_row_error(row)[0] != '\0');
			continue;
		}
		for (int c = 0; c < ncols; c++) {
			vals[c] = uk_row_get(row, c);
			FUZZ_ASSERT(!vals[c] || !uk_reader_has(r, c) || strlen(vals[c]) < (size_t)1 << 30);
		}
		if (w)
			uk_writer_row(w, vals);
	}
	FUZZ_ASSERT(rc == 0 || rc > 1);
	return rc == 0 ? n : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const maps[] = { "工号=employee_no", "Name=name" };
	static const enum uk_format fmts[] = { UK_FMT_CSV, UK_FMT_JSON, UK_FMT_NDJSON, UK_FMT_TABLE };
	struct uk_outcol outcols[64];
	struct uk_read_opts ro;
	struct uk_reader *r = NULL;
	struct uk_writer *w;
	const struct uk_colspec *cols;
	int ncols;
	long first, again;
	unsigned b;

	if (size < 1)
		return 0;
	if (!devnull && !(devnull = fopen("/dev/null", "w")))
		abort();
	b = data[0];
	memset(&ro, 0, sizeof ro);
	ro.encoding = (enum uk_encoding)(b % 3);
	ro.format = (enum uk_input_format)((b >> 2) % 3);
#ifdef FUZZ_JSON_ONLY
	ro.format = UK_IN_JSON;
#endif
	ro.strict = (b >> 4) & 1;
	ro.maps = maps;
	ro.nmaps = (b >> 5) & 1 ? 2 : 0;
	cols = uk_member_colspec(&ncols);
	FUZZ_ASSERT(ncols <= 64);
	for (int c = 0; c < ncols; c++)
		outcols[c] = (struct uk_outcol){ cols[c].name, UK_COL_TEXT };

	if (uk_reader_open(fuzz_file(data + 1, size - 1), cols, ncols, &ro, &r) != 0) {
		FUZZ_ASSERT(r == NULL);
		return 0;
	}
	w = uk_writer_new(devnull, fmts[(b >> 6) & 3], (b >> 3) & 1, outcols, ncols);
	first = read_all(r, ncols, w);
	uk_writer_end(w);
	if (first >= 0 && uk_reader_rewindable(r) && uk_reader_rewind(r) == 0) {
		again = read_all(r, ncols, NULL);
		FUZZ_ASSERT(again == first);
	}
	uk_reader_close(r);
	return 0;
}
