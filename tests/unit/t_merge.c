/* t_merge.c - a federation's sum one report at a time: JSON documents read
 * one after another from a file (uk_docs), and the merge's accumulator
 * (uk_report_merge_*): what it tells its caller of each union, what it
 * refuses, and that the reports given to it are left as they were. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "uk_cli.h"
#include "uk_rec.h"
#include "uk_report.h"
#include "tap.h"
#include "capture.h"
#include "tmpfiles.h"


static void test_docs(void)
{
	struct uk_docs *d;
	json_t *j;
	const char *path;
	char *big, msg[256];
	size_t n = 300 * 1024;
	int rc;

	/* Brackets and quotes inside strings do not end a document. */
	path = TMP("{\"a\": \"}{[\\\"\\\\\"}\n\n[1, 2]  {\"b\": {\"c\": [{}]}}\n\n");
	is_int(uk_docs_open(path, 1, &d), 0, "docs: opened");
	is_int(uk_docs_next(d, &j), 1, "docs: the first document");
	is_str(json_string_value(json_object_get(j, "a")), "}{[\"\\", "docs: a string with brackets, quotes and a backslash");
	json_decref(j);
	is_int(uk_docs_next(d, &j), 1, "docs: the second, on the same line as the third");
	is_int(json_array_size(j), 2, "docs: the array read whole");
	json_decref(j);
	is_int(uk_docs_next(d, &j), 1, "docs: the third");
	ok(json_is_object(json_object_get(j, "b")), "docs: nested objects");
	json_decref(j);
	is_int(uk_docs_next(d, &j), 0, "docs: white space, then the end");
	ok(j == NULL, "docs: nothing at the end");
	uk_docs_close(d);

	/* A document longer than the buffer grows it, across reads. */
	big = malloc(n + 64);
	strcpy(big, "{\"s\": \"");
	memset(big + 7, 'x', n);
	strcpy(big + 7 + n, "\"}\n{\"t\": 1}");
	path = tmp_with(big, strlen(big));
	uk_docs_open(path, 1, &d);
	is_int(uk_docs_next(d, &j), 1, "docs: a document of 300 KB");
	is_int(strlen(json_string_value(json_object_get(j, "s"))), n, "docs: all of it");
	json_decref(j);
	is_int(uk_docs_next(d, &j), 1, "docs: and the one after it");
	is_int(json_integer_value(json_object_get(j, "t")), 1, "docs: read whole");
	json_decref(j);
	uk_docs_close(d);
	free(big);

	/* A fault named by the line of the file, not of the document. */
	path = TMP("{\"a\": 1,\n \"b\": 2\n}\n{\"c\": 1,\n \"d\": nope}\n");
	uk_docs_open(path, 1, &d);
	is_int(uk_docs_next(d, &j), 1, "docs: a good document first");
	json_decref(j);
	cap_start();
	rc = uk_docs_next(d, &j);
	snprintf(msg, sizeof msg, "t_merge: %s:5: bad JSON: ", path);
	ok(strncmp(cap_end(), msg, strlen(msg)) == 0, "docs: the bad one named at line 5 of the file: %s", cap_buf);
	is_int(rc, 65, "docs: bad JSON is bad data");
	uk_docs_close(d);

	path = TMP("{\"a\": 1}\n{\"b\": [1, 2");
	uk_docs_open(path, 1, &d);
	uk_docs_next(d, &j);
	json_decref(j);
	cap_start();
	rc = uk_docs_next(d, &j);
	cap_end();
	is_int(rc, 65, "docs: a document cut short: 65");
	ok(strstr(cap_buf, ":2: bad JSON") != NULL, "docs: named at its line: %s", cap_buf);
	uk_docs_close(d);

	path = TMP("union,members\n甲,1\n");
	uk_docs_open(path, 1, &d);
	cap_start();
	rc = uk_docs_next(d, &j);
	cap_end();
	is_int(rc, 65, "docs: CSV is not JSON: 65");
	ok(strstr(cap_buf, ":1: bad JSON") != NULL, "docs: said: %s", cap_buf);
	uk_docs_close(d);

	path = TMP("");
	uk_docs_open(path, 1, &d);
	is_int(uk_docs_next(d, &j), 0, "docs: an empty file holds none");
	uk_docs_close(d);

	cap_start();
	rc = uk_docs_open("/tmp/t_merge-does-not-exist.json", 1, &d);
	cap_end();
	is_int(rc, 66, "docs: a missing file: 66");
	ok(d == NULL, "docs: nothing opened");
}

/* A union's year report of 2025 with a code (or none), its members in one
 * unit and its disputes. */
static json_t *union_report(const char *name, const char *code, int members, int received, int resolved)
{
	return json_pack("{s:i, s:s, s:i, s:b, s:s, s:{s:s, s:s?}, s:{s:i, s:i, s:[{s:s, s:i}]},"
	                 " s:{s:s, s:s}, s:{s:i, s:i, s:i, s:i, s:n, s:n}, s:[], s:[]}",
	                 "schema_version", 1, "kind", "year", "year", 2025, "partial", 0, "as_of", "2025-12-31",
	                 "union", "name", name, "code", code,
	                 "members", "total", members, "female", members / 2, "by_unit", "unit", "办公室",
	                 "members", members,
	                 "funds", "income", "100.50", "expense", "0.25",
	                 "disputes", "received", received, "concluded", resolved, "resolved", resolved,
	                 "collective_threshold", 10, "handled_rate", "success_rate",
	                 "activities", "plan");
}

struct seen { char text[512]; int refuse_at, calls; };

/* Notes each union it is told of; refuses the refuse_at-th. */
static int note(void *ctx, const char *code, const char *name, const char *file, int merged)
{
	struct seen *s = ctx;
	(void)merged;
	size_t n = strlen(s->text);
	snprintf(s->text + n, sizeof s->text - n, "%s/%s/%s;", code ? code : "-", name ? name : "-", file);
	if (++s->calls == s->refuse_at) {
		uk_err("%s: %s is not in the register", file, name);
		return 65;
	}
	return 0;
}

static void test_merge(void)
{
	struct uk_report_merge *m;
	struct seen s = {"", 0, 0};
	json_t *a = union_report("甲工会", "81110000MC0000001A", 3, 4, 1);
	json_t *b = union_report("乙工会", NULL, 2, 1, 1);
	json_t *c = union_report("丙工会", "81110000MC0000003C", 5, 0, 0);
	json_t *a_copy = json_deep_copy(a), *street = NULL, *city = NULL;
	int rc;

	is_int(uk_report_merge_new(note, &s, &m), 0, "merge: a new sum");
	is_int(uk_report_merge_add(m, a, "a.json"), 0, "merge: a union's report");
	is_int(uk_report_merge_add(m, b, "b.json"), 0, "merge: another");
	ok(json_equal(a, a_copy), "merge: the report added is left as it was");
	is_int(uk_report_merge_finish(m, "某街道总工会", &street), 0, "merge: the street's report");
	uk_report_merge_free(m);
	is_str(s.text, "81110000MC0000001A/甲工会/a.json;-/乙工会/b.json;",
	       "merge: told of each union: code (none: NULL), name, file");
	is_int(json_integer_value(json_object_get(json_object_get(street, "members"), "total")), 5, "merge: members summed");
	is_str(json_string_value(json_object_get(json_object_get(street, "funds"), "income")), "201.00", "merge: money summed");
	ok(json_real_value(json_object_get(json_object_get(street, "disputes"), "handled_rate")) == 40.0,
	   "merge: 调处率 from the sums (2 of 5: 40.0, not the average 62.5)");

	/* The street's report, merged beside a union: each union it sums is
	 * told, by the street's file. */
	s.text[0] = '\0';
	uk_report_merge_new(note, &s, &m);
	is_int(uk_report_merge_add(m, street, "street.json"), 0, "merge: a merged report");
	is_int(uk_report_merge_add(m, c, "c.json"), 0, "merge: and a union beside it");
	is_int(uk_report_merge_finish(m, NULL, &city), 0, "merge: the district's report");
	uk_report_merge_free(m);
	is_str(s.text, "81110000MC0000001A/甲工会/street.json;-/乙工会/street.json;81110000MC0000003C/丙工会/c.json;",
	       "merge: a merged report's unions told one by one");
	is_int(json_array_size(json_object_get(city, "unions")), 3, "merge: a row for every union, not for the street");
	is_str(json_string_value(json_object_get(json_array_get(json_object_get(json_object_get(city, "members"), "by_unit"), 1), "unit")),
	       "乙工会·办公室", "merge: the street's units keep their unions' names");
	json_decref(city);
	city = NULL;

	/* A refusal by the caller stops the add. */
	s.text[0] = '\0';
	s.calls = 0;
	s.refuse_at = 2;
	uk_report_merge_new(note, &s, &m);
	cap_start();
	rc = uk_report_merge_add(m, street, "street.json");
	cap_end_trimmed();
	is_int(rc, 65, "merge: the callback's exit code");
	is_str(cap_buf, "t_merge: street.json: 乙工会 is not in the register", "merge: the callback's message");
	uk_report_merge_free(m);

	/* Twice the same union, once inside a merged report. */
	uk_report_merge_new(NULL, NULL, &m);
	uk_report_merge_add(m, street, "street.json");
	cap_start();
	rc = uk_report_merge_add(m, b, "b.json");
	cap_end_trimmed();
	is_int(rc, 65, "merge: a union counted twice");
	is_str(cap_buf, "t_merge: b.json: a second report of 乙工会 (the first is street.json): merge each union once",
	       "merge: named with the report that has it");
	uk_report_merge_free(m);

	uk_report_merge_new(NULL, NULL, &m);
	cap_start();
	rc = uk_report_merge_finish(m, NULL, &city);
	cap_end_trimmed();
	is_int(rc, 65, "merge: nothing added: 65");
	is_str(cap_buf, "t_merge: no report to merge", "merge: said");
	ok(city == NULL, "merge: no report");
	uk_report_merge_free(m);
	uk_report_merge_free(NULL);

	json_decref(a);
	json_decref(a_copy);
	json_decref(b);
	json_decref(c);
	json_decref(street);
}

int main(void)
{
	uk_cli_init("t_merge");
	test_docs();
	test_merge();
	tmp_remove_all();
	return done_testing();
}
