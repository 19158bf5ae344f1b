/* fuzz_merge.c - report-year --merge on any text: the JSON documents of a
 * file read one at a time and added up. Where jansson reads the whole text
 * as one document, the reader gives that document and no other; what the
 * merge accepts is a merged report that, merged again alone, is itself (a
 * sum of one sum is that sum); what it refuses is refused as bad data. */
#include <jansson.h>
#include "fuzz.h"
#include "uk_cli.h"
#include "uk_rec.h"
#include "uk_report.h"

static void same_as_jansson(const uint8_t *data, size_t size, const char *path)
{
	json_error_t e;
	json_t *whole = json_loadb((const char *)data, size, 0, &e), *doc = NULL;
	struct uk_docs *d;
	if (!whole)
		return;
	FUZZ_ASSERT(uk_docs_open(path, 1, &d) == 0);
	FUZZ_ASSERT(uk_docs_next(d, &doc) == 1);
	FUZZ_ASSERT(json_equal(whole, doc));
	json_decref(doc);
	FUZZ_ASSERT(uk_docs_next(d, &doc) == 0);
	uk_docs_close(d);
	json_decref(whole);
}

static char *dump(json_t *r)
{
	char *s = json_dumps(r, JSON_INDENT(2));
	FUZZ_ASSERT(s != NULL);
	return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size);
	struct uk_report_merge *m;
	json_t *sum = NULL, *again = NULL;
	char *a, *b;
	int rc;

	same_as_jansson(data, size, path);
	FUZZ_ASSERT(uk_report_merge_new(NULL, NULL, &m) == 0);
	rc = uk_report_merge_file(m, path);
	if (!rc)
		rc = uk_report_merge_finish(m, NULL, &sum);
	uk_report_merge_free(m);
	if (rc) {
		FUZZ_ASSERT(rc == UK_EX_DATAERR && sum == NULL);
		return 0;
	}
	FUZZ_ASSERT(uk_report_merge_new(NULL, NULL, &m) == 0);
	FUZZ_ASSERT(uk_report_merge_add(m, sum, "sum.json") == 0);
	FUZZ_ASSERT(uk_report_merge_finish(m, NULL, &again) == 0);
	uk_report_merge_free(m);
	a = dump(sum);
	b = dump(again);
	FUZZ_ASSERT(strcmp(a, b) == 0);
	free(a);
	free(b);
	json_decref(sum);
	json_decref(again);
	return 0;
}
