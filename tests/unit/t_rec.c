/* t_rec.c - unit tests for rec_read.c and rec_write.c: encodings, headers,
 * aliases and maps, CSV faults and physical line numbers, JSON/NDJSON, and
 * the csv/excel/json/ndjson/table writers. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>

#include "uk_rec.h"
#include "tap.h"
#include "capture.h"
#include "tmpfiles.h"

#define A(...) (const char *const[]){__VA_ARGS__, NULL}

/* The columns this test knows. */
enum { C_NAME, C_ID, C_AMOUNT, C_NOTE, NC };
static const struct uk_colspec cols[NC] = {
	{"name", A("姓名")},
	{"id_card", A("身份证号", "公民身份号码")},
	{"amount", A("金额")},
	{"note", NULL},
};

/* ---- reading a whole file ---- */

#define MAXROWS 16
struct got {
	int open_rc, end_rc, n;
	long line[MAXROWS];
	char *err[MAXROWS];
	char *val[MAXROWS][NC];
	int has[NC];
	enum uk_encoding enc;
	char stderr_text[2048];
};

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static struct uk_read_opts opts_plain(void)
{
	struct uk_read_opts o;
	memset(&o, 0, sizeof o);
	return o;
}

/* Opens and reads path to the end, keeping every row; stderr is captured. */
static void read_all(const char *path, const struct uk_read_opts *o, struct got *g)
{
	struct uk_reader *r = NULL;
	struct uk_row *row;
	int rc;

	memset(g, 0, sizeof *g);
	g->end_rc = -1;
	cap_start();
	g->open_rc = uk_reader_open(path, cols, NC, o, &r);
	if (g->open_rc == 0 && r) {
		for (int c = 0; c < NC; c++)
			g->has[c] = uk_reader_has(r, c);
		g->enc = uk_reader_encoding(r);
		while ((rc = uk_reader_next(r, &row)) == 1 && g->n < MAXROWS) {
			g->line[g->n] = uk_row_line(row);
			g->err[g->n] = dup_or_null(uk_row_error(row));
			for (int c = 0; c < NC; c++)
				g->val[g->n][c] = dup_or_null(uk_row_get(row, c));
			g->n++;
		}
		g->end_rc = rc;
		uk_reader_close(r);
	}
	snprintf(g->stderr_text, sizeof g->stderr_text, "%s", cap_end());
}

/* uk_reader_open's exit code, run in a child process so that a sanitizer
 * abort inside the library fails one assertion instead of the whole test. */
static int open_rc_in_child(const char *path, const struct uk_read_opts *o)
{
	pid_t pid;
	int st;
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		struct uk_reader *r = NULL;
		int rc = uk_reader_open(path, cols, NC, o, &r);
		uk_reader_close(r);
		fflush(stderr);
		_exit(rc);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void got_free(struct got *g)
{
	for (int i = 0; i < g->n; i++) {
		free(g->err[i]);
		for (int c = 0; c < NC; c++)
			free(g->val[i][c]);
	}
}

static int contains(const char *hay, const char *needle)
{
	return hay && strstr(hay, needle) != NULL;
}

/* ---- writer output ---- */

static char *wbuf;
static size_t wlen;

static struct uk_writer *wopen(FILE **f, enum uk_format fmt, int excel,
                               const struct uk_outcol *oc, int n)
{
	free(wbuf);
	wbuf = NULL;
	wlen = 0;
	*f = open_memstream(&wbuf, &wlen);
	return uk_writer_new(*f, fmt, excel, oc, n);
}

static int wclose(FILE *f, struct uk_writer *w)
{
	int rc = uk_writer_end(w);
	fclose(f);
	return rc;
}

/* Display column at which the n-th (0-based) occurrence of needle starts
 * in line; -1 when absent. */
static long col_of(const char *line, const char *needle)
{
	const char *p = strstr(line, needle);
	char pre[512];
	size_t n;
	if (!p)
		return -1;
	n = (size_t)(p - line);
	if (n >= sizeof pre)
		return -1;
	memcpy(pre, line, n);
	pre[n] = '\0';
	return (long)uk_display_width(pre);
}

/* Copies line i (0-based) of text into buf. */
static const char *line_of(const char *text, int i, char *buf, size_t n)
{
	const char *p = text, *e;
	for (; i > 0 && p; i--) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (!p)
		return "";
	e = strchr(p, '\n');
	if (!e)
		e = p + strlen(p);
	snprintf(buf, n, "%.*s", (int)(e - p), p);
	return buf;
}

static void test_reader_encodings(void)
{
	struct uk_read_opts o = opts_plain();
	struct got g;

	/* UTF-8. */
	read_all(TMP("name,id_card,amount\n张三,11010519491231002X,12.50\n李四,,3\n"), &o, &g);
	is_int(g.open_rc, 0, "utf-8: opens");
	is_int(g.enc, UK_ENC_UTF8, "utf-8: detected as UTF-8");
	is_int(g.n, 2, "utf-8: two records");
	is_str(g.val[0][C_NAME], "张三", "utf-8: name");
	is_str(g.val[0][C_ID], "11010519491231002X", "utf-8: id_card");
	is_str(g.val[0][C_AMOUNT], "12.50", "utf-8: amount");
	ok(g.val[0][C_NOTE] == NULL, "utf-8: column absent from the header is NULL");
	ok(g.has[C_NAME] && g.has[C_AMOUNT] && !g.has[C_NOTE], "utf-8: uk_reader_has");
	is_str(g.val[1][C_ID], "", "utf-8: empty field is empty, not NULL");
	is_int(g.line[0], 2, "utf-8: first record is line 2");
	is_int(g.line[1], 3, "utf-8: second record is line 3");
	ok(g.err[0] == NULL && g.err[1] == NULL, "utf-8: no row errors");
	is_int(g.end_rc, 0, "utf-8: end of input is 0");
	got_free(&g);

	/* UTF-8 with a byte-order mark: the BOM is not part of the first header. */
	read_all(TMP("\xEF\xBB\xBF" "name,amount\n王五,1\n"), &o, &g);
	is_int(g.open_rc, 0, "bom: opens");
	ok(g.has[C_NAME], "bom: first header recognised despite the BOM");
	is_int(g.n, 1, "bom: one record");
	is_str(g.val[0][C_NAME], "王五", "bom: value");
	is_int(g.enc, UK_ENC_UTF8, "bom: UTF-8");
	ok(!contains(g.stderr_text, "unknown"), "bom: no unknown-column warning");
	got_free(&g);

	/* GB18030 bytes: 姓名 = D0D5 C3FB, 张三 = D5C5 C8FD, 金额 = BDF0 B6EE. */
	read_all(TMP("\xD0\xD5\xC3\xFB,\xBD\xF0\xB6\xEE\r\n\xD5\xC5\xC8\xFD,100\r\n"), &o, &g);
	is_int(g.open_rc, 0, "gb18030: opens");
	is_int(g.enc, UK_ENC_GB18030, "gb18030: detected");
	ok(g.has[C_NAME] && g.has[C_AMOUNT], "gb18030: Chinese headers matched after conversion");
	is_int(g.n, 1, "gb18030: one record");
	is_str(g.val[0][C_NAME], "张三", "gb18030: value converted to UTF-8");
	is_str(g.val[0][C_AMOUNT], "100", "gb18030: ASCII value with CRLF");
	is_int(g.line[0], 2, "gb18030: line 2");
	ok(g.err[0] == NULL, "gb18030: no row error");
	got_free(&g);

	/* GB18030 with an invalid byte in one record: that record only. */
	read_all(TMP("name,amount\n\xD5\xC5\xC8\xFD,1\n\xFF,2\nok,3\n"), &o, &g);
	is_int(g.open_rc, 0, "gb18030 bad byte: opens");
	is_int(g.n, 3, "gb18030 bad byte: three records");
	ok(g.err[0] == NULL, "gb18030 bad byte: record before is fine");
	ok(contains(g.err[1], "GB18030"), "gb18030 bad byte: record named (%s)", g.err[1] ? g.err[1] : "none");
	is_int(g.line[1], 3, "gb18030 bad byte: on line 3");
	ok(g.err[2] == NULL, "gb18030 bad byte: reading goes on");
	is_str(g.val[2][C_NAME], "ok", "gb18030 bad byte: next value");
	got_free(&g);

	/* --encoding utf-8 on GB18030 bytes: invalid UTF-8 in a field. */
	o.encoding = UK_ENC_UTF8;
	read_all(TMP("name,amount\n\xD5\xC5\xC8\xFD,1\nok,2\n"), &o, &g);
	is_int(g.open_rc, 0, "forced utf-8: opens");
	is_int(g.enc, UK_ENC_UTF8, "forced utf-8: encoding kept");
	is_int(g.n, 2, "forced utf-8: two records");
	ok(contains(g.err[0], "invalid UTF-8"), "forced utf-8: invalid UTF-8 field is a row error (%s)",
	   g.err[0] ? g.err[0] : "none");
	is_int(g.line[0], 2, "forced utf-8: error on line 2");
	ok(g.err[1] == NULL, "forced utf-8: next record fine");
	got_free(&g);

	/* --encoding gb18030 on pure ASCII works as well. */
	o.encoding = UK_ENC_GB18030;
	read_all(TMP("name\nabc\n"), &o, &g);
	is_int(g.enc, UK_ENC_GB18030, "forced gb18030: kept");
	is_str(g.n ? g.val[0][C_NAME] : NULL, "abc", "forced gb18030: ASCII unchanged");
	got_free(&g);

	/* CRLF line ends: no CR in values or in the last header. */
	o = opts_plain();
	read_all(TMP("name,amount\r\nA,1\r\nB,2\r\n"), &o, &g);
	ok(g.has[C_AMOUNT], "crlf: last header matched without its CR");
	is_int(g.n, 2, "crlf: two records");
	is_str(g.val[0][C_AMOUNT], "1", "crlf: no CR in the last value");
	is_str(g.val[1][C_NAME], "B", "crlf: second record");
	is_int(g.line[1], 3, "crlf: line numbers");
	got_free(&g);
}

static void test_reader_headers(void)
{
	struct uk_read_opts o = opts_plain();
	struct got g;
	struct uk_reader *r = NULL;
	int rc;
	const char *p;

	/* Aliases of the colspec, case and spaces ignored. */
	read_all(TMP("姓名,公民身份号码, 金额 ,NOTE\n张三,11010519491231002X,5,x\n"), &o, &g);
	is_int(g.open_rc, 0, "aliases: opens");
	ok(g.has[C_NAME] && g.has[C_ID] && g.has[C_AMOUNT] && g.has[C_NOTE], "aliases: all four columns");
	is_str(g.val[0][C_NAME], "张三", "aliases: 姓名 is name");
	is_str(g.val[0][C_ID], "11010519491231002X", "aliases: 公民身份号码 is id_card");
	is_str(g.val[0][C_AMOUNT], "5", "aliases: ' 金额 ' (spaces) is amount");
	is_str(g.val[0][C_NOTE], "x", "aliases: NOTE (case) is note");
	got_free(&g);

	/* --map */
	{
		const char *maps[] = {"HR列=name", "工资总额=AMOUNT"};
		o.maps = maps;
		o.nmaps = 2;
		read_all(TMP("HR列,工资总额\n赵六,9\n"), &o, &g);
		is_int(g.open_rc, 0, "map: opens");
		is_str(g.n ? g.val[0][C_NAME] : NULL, "赵六", "map: HR列=name");
		is_str(g.n ? g.val[0][C_AMOUNT] : NULL, "9", "map: column name case-insensitive");
		ok(!contains(g.stderr_text, "unknown"), "map: mapped columns are not unknown");
		got_free(&g);
	}
	{
		const char *maps[] = {"姓名=name"};
		o.maps = maps;
		o.nmaps = 1;
		read_all(TMP("姓名\nA\n"), &o, &g);
		is_int(g.open_rc, 0, "map repeating a built-in alias is harmless");
		got_free(&g);
	}
	{
		const char *maps[] = {"HR列=nosuch"};
		o.maps = maps;
		o.nmaps = 1;
		read_all(TMP("HR列\nA\n"), &o, &g);
		is_int(g.open_rc, 64, "map to an unknown column: 64");
		ok(contains(g.stderr_text, "nosuch"), "map to an unknown column: named");
		got_free(&g);
	}
	{
		const char *maps[] = {"HR列=name"};
		o.maps = maps;
		o.nmaps = 1;
		read_all(TMP("HR列,name\nA,B\n"), &o, &g);
		is_int(g.open_rc, 0, "a mapped column is its column's only one: opens");
		is_str(g.val[0][C_NAME], "A", "a mapped column is its column's only one: its value");
		ok(contains(g.stderr_text, "ignoring column 'name'"),
		   "a mapped column is its column's only one: the other named");
		got_free(&g);
	}
	o = opts_plain();

	/* Two input columns meaning the same column: one value per record. */
	read_all(TMP("name,姓名\nA,B\nC,\n,D\nE,E\n"), &o, &g);
	is_int(g.open_rc, 0, "two columns of one meaning: opens");
	is_int(g.n, 4, "two columns of one meaning: records read");
	ok(g.err[0] && contains(g.err[0], "'name' ('A') and '姓名' ('B') differ"),
	   "two columns of one meaning, two values: refused, both named");
	ok(!g.err[1] && !g.err[2] && !g.err[3], "two columns of one meaning: one value, or equal ones");
	is_str(g.val[1][C_NAME], "C", "two columns of one meaning: the first holds it");
	is_str(g.val[2][C_NAME], "D", "two columns of one meaning: the second holds it");
	is_str(g.val[3][C_NAME], "E", "two columns of one meaning: the same in both");
	got_free(&g);
	read_all(TMP("公民身份号码,身份证号\n1,2\n"), &o, &g);
	ok(g.err[0] && contains(g.err[0], "'身份证号' ('2') and '公民身份号码' ('1')"),
	   "two columns of one meaning: the more specific alias named first");
	got_free(&g);
	read_all(TMP("姓名,姓名\nA,B\n"), &o, &g);
	is_int(g.open_rc, 65, "the same header twice: 65");
	ok(contains(g.stderr_text, ":1:") && contains(g.stderr_text, "both mean 'name'"),
	   "the same header twice: named at line 1");
	got_free(&g);

	/* Unknown column: named once, ignored. */
	read_all(TMP("name,colour,amount\nA,red,1\nB,blue,2\n"), &o, &g);
	is_int(g.open_rc, 0, "unknown column: opens");
	is_int(g.n, 2, "unknown column: records read");
	is_str(g.val[0][C_AMOUNT], "1", "unknown column: columns after it still right");
	ok(g.err[0] == NULL, "unknown column: no row error");
	ok(contains(g.stderr_text, "colour"), "unknown column: named on stderr");
	p = strstr(g.stderr_text, "colour");
	ok(p && !strstr(strchr(p, '\n') ? strchr(p, '\n') : p + 1, "colour"),
	   "unknown column: named once only");
	got_free(&g);

	/* Strict. */
	o.strict = 1;
	read_all(TMP("name,colour\nA,red\n"), &o, &g);
	is_int(g.open_rc, 65, "strict: unknown column refused with 65");
	ok(contains(g.stderr_text, "colour"), "strict: column named");
	got_free(&g);
	read_all(TMP("name,amount\nA,1\n"), &o, &g);
	is_int(g.open_rc, 0, "strict: known columns only is fine");
	got_free(&g);
	o = opts_plain();

	/* Empty and header-only files, a missing file. */
	printf("# an empty file (its message, or a sanitizer's, follows on stderr)\n");
	is_int(open_rc_in_child(TMP(""), &o), 65, "empty file: 65");
	read_all(TMP("\n\n"), &o, &g);
	is_int(g.open_rc, 65, "blank lines only: no header, 65");
	got_free(&g);
	read_all(TMP("name,amount\n"), &o, &g);
	is_int(g.open_rc, 0, "header only: opens");
	is_int(g.n, 0, "header only: no records");
	is_int(g.end_rc, 0, "header only: end");
	got_free(&g);
	read_all(TMP("name,amount"), &o, &g);
	is_int(g.open_rc, 0, "header without newline: opens");
	is_int(g.n, 0, "header without newline: no records");
	ok(g.has[C_AMOUNT], "header without newline: last column");
	got_free(&g);
	cap_start();
	rc = uk_reader_open("/tmp/t_rec-does-not-exist.csv", cols, NC, &o, &r);
	cap_end();
	is_int(rc, 66, "missing file: 66");
	ok(r == NULL, "missing file: no reader");

	/* The reader's name. */
	cap_start();
	p = TMP("name\nA\n");
	rc = uk_reader_open(p, cols, NC, &o, &r);
	cap_end();
	is_int(rc, 0, "reader name: opens");
	if (r) {
		is_str(uk_reader_name(r), p, "reader name is the path");
		uk_reader_close(r);
	} else {
		ok(0, "reader name is the path");
	}
}

/* CR-ended lines over many read chunks: a CR at the end of one chunk is
 * decided by the first byte of the next. */
static void test_cr_lines_across_chunks(void)
{
	struct uk_read_opts o = opts_plain();
	struct uk_reader *r = NULL;
	struct uk_row *row;
	char *text;
	size_t len = 0;
	long n = 0, bad = 0, last_line = 0;
	int rc;
	enum { RECORDS = 20000 };

	text = malloc(32 + (size_t)RECORDS * 24);
	len += (size_t)sprintf(text, "name,note\r\n");
	for (int i = 0; i < RECORDS; i++)
		len += (size_t)sprintf(text + len, i % 3 ? "n%d,v%d\r" : "n%d,v%d\r\n", i, i);
	rc = uk_reader_open(tmp_with(text, len), cols, NC, &o, &r);
	is_int(rc, 0, "CR lines, large: opens");
	if (rc == 0) {
		while ((rc = uk_reader_next(r, &row)) == 1) {
			n++;
			bad += uk_row_error(row) != NULL;
			last_line = uk_row_line(row);
		}
	}
	is_int(rc, 0, "CR lines, large: read to the end");
	is_int(n, RECORDS, "CR lines, large: every record");
	is_int(bad, 0, "CR lines, large: no record in error");
	is_int(last_line, RECORDS + 1, "CR lines, large: the last on its line");
	uk_reader_close(r);
	free(text);
}

static void test_reader_csv_faults(void)
{
	struct uk_read_opts o = opts_plain();
	struct got g;

	/* Quoted commas, quotes and line breaks; lines of records. */
	read_all(TMP("name,note\n"
	             "\"a,b\",\"say \"\"hi\"\"\"\n"         /* line 2 */
	             "\"multi\nline\",x\n"                  /* lines 3-4 */
	             "next,\"three\r\nline\nvalue\"\n"      /* lines 5-7 */
	             "last,y\n"), &o, &g);                  /* line 8 */
	is_int(g.n, 4, "quoted: four records");
	is_str(g.val[0][C_NAME], "a,b", "quoted: comma inside quotes");
	is_str(g.val[0][C_NOTE], "say \"hi\"", "quoted: doubled quotes");
	is_str(g.val[1][C_NAME], "multi\nline", "quoted: line break kept");
	is_int(g.line[0], 2, "quoted: record 1 on line 2");
	is_int(g.line[1], 3, "quoted: multi-line record named by its first line");
	is_int(g.line[2], 5, "quoted: record after a two-line record on line 5");
	is_str(g.val[2][C_NOTE], "three\r\nline\nvalue", "quoted: CRLF inside quotes kept");
	is_int(g.line[3], 8, "quoted: record after a three-line record on line 8");
	ok(!g.err[0] && !g.err[1] && !g.err[2] && !g.err[3], "quoted: no errors");
	got_free(&g);

	/* Blank lines count. */
	read_all(TMP("name,note\n\nA,1\n\n\nB,2\n\n"), &o, &g);
	is_int(g.n, 2, "blank lines: two records");
	is_int(g.line[0], 3, "blank lines: A on line 3");
	is_int(g.line[1], 6, "blank lines: B on line 6");
	got_free(&g);

	/* Lines ended by a lone CR (Excel's "CSV (Macintosh)"): each is a
	 * line of its own; a CR inside quotes stays in the value. */
	read_all(TMP("name,note\rA,1\rB,\"x\ry\"\r\rC,3\r\nD,4"), &o, &g);
	is_int(g.n, 4, "CR lines: four records");
	is_str(g.val[0][C_NAME], "A", "CR lines: first record");
	is_str(g.val[1][C_NOTE], "x\ry", "CR lines: CR inside quotes kept");
	is_int(g.line[1], 3, "CR lines: B on line 3");
	is_int(g.line[2], 6, "CR lines: C on line 6, after a blank line");
	is_str(g.val[3][C_NAME], "D", "CR lines: a last line without an end");
	ok(!g.err[0] && !g.err[1] && !g.err[2] && !g.err[3], "CR lines: no errors");
	got_free(&g);
	test_cr_lines_across_chunks();

	/* Ragged rows. */
	read_all(TMP("name,amount\nA\nB,2,3\nC,3\n"), &o, &g);
	is_int(g.n, 3, "ragged: three records");
	ok(contains(g.err[0], "expected 2 fields"), "ragged: short record is an error (%s)",
	   g.err[0] ? g.err[0] : "none");
	ok(contains(g.err[1], "found 3"), "ragged: long record is an error (%s)",
	   g.err[1] ? g.err[1] : "none");
	is_int(g.line[1], 3, "ragged: long record line 3");
	ok(g.err[2] == NULL, "ragged: reading continues");
	is_str(g.val[2][C_NAME], "C", "ragged: next record read");
	is_int(g.line[2], 4, "ragged: next record line 4");
	got_free(&g);

	/* Bad quoting. */
	read_all(TMP("name,amount\na\"b,1\nC,2\n\"d\"e,3\nF,4\n"), &o, &g);
	is_int(g.n, 4, "bad quoting: four records");
	ok(contains(g.err[0], "quot"), "bad quoting: quote inside unquoted field (%s)",
	   g.err[0] ? g.err[0] : "none");
	is_int(g.line[0], 2, "bad quoting: line 2");
	ok(g.err[1] == NULL, "bad quoting: next line read afresh");
	is_str(g.val[1][C_NAME], "C", "bad quoting: next value");
	is_int(g.line[1], 3, "bad quoting: next line 3");
	ok(contains(g.err[2], "quot"), "bad quoting: text after closing quote (%s)",
	   g.err[2] ? g.err[2] : "none");
	is_int(g.line[2], 4, "bad quoting: line 4");
	ok(g.err[3] == NULL, "bad quoting: then fine again");
	is_str(g.val[3][C_AMOUNT], "4", "bad quoting: last value");
	is_int(g.line[3], 5, "bad quoting: last line 5");
	got_free(&g);

	/* Unterminated quote at the end of the file. */
	read_all(TMP("name,amount\nA,1\n\"B,2\nC,3\n"), &o, &g);
	is_int(g.n, 2, "unterminated: two records");
	ok(g.err[0] == NULL, "unterminated: first fine");
	ok(contains(g.err[1], "unterminated"), "unterminated: named (%s)", g.err[1] ? g.err[1] : "none");
	is_int(g.line[1], 3, "unterminated: on the line it starts");
	is_int(g.end_rc, 0, "unterminated: then the end");
	got_free(&g);

	/* A NUL byte. */
	read_all(TMP("name,amount\nA\0B,1\nC,2\n"), &o, &g);
	is_int(g.n, 2, "nul: two records");
	ok(contains(g.err[0], "NUL"), "nul: row error (%s)", g.err[0] ? g.err[0] : "none");
	is_int(g.line[0], 2, "nul: line 2");
	ok(g.err[1] == NULL, "nul: next record fine");
	got_free(&g);

	/* Trimming. */
	read_all(TMP("name,amount,note\n  A b \t, 1 ,\xE3\x80\x80张三\xE3\x80\x80\n\" q \",2,\n"), &o, &g);
	is_str(g.val[0][C_NAME], "A b", "trim: ASCII blanks and tab, inner space kept");
	is_str(g.val[0][C_AMOUNT], "1", "trim: number");
	is_str(g.val[0][C_NOTE], "张三", "trim: ideographic spaces");
	is_str(g.val[1][C_NAME], "q", "trim: quoted value trimmed too");
	is_str(g.val[1][C_NOTE], "", "trim: empty last field");
	got_free(&g);
}

static void test_reader_json(void)
{
	struct uk_read_opts o = opts_plain();
	struct got g;

	read_all(TMP("[\n"
	             "  {\"name\": \"A\", \"amount\": 12},\n"                 /* line 2 */
	             "  {\"name\": \" B \",\n"                                 /* line 3 */
	             "   \"amount\": 1.5, \"note\": true},\n"
	             "  {\"姓名\": null, \"amount\": false, \"note\": \"x\\ny\"}\n" /* line 5 */
	             "]\n"), &o, &g);
	is_int(g.open_rc, 0, "json array: opens");
	is_int(g.n, 3, "json array: three records");
	is_int(g.line[0], 2, "json array: record 1 on line 2");
	is_int(g.line[1], 3, "json array: record 2 on line 3");
	is_int(g.line[2], 5, "json array: record 3 on line 5");
	is_str(g.val[0][C_NAME], "A", "json: string");
	is_str(g.val[0][C_AMOUNT], "12", "json: integer as text");
	ok(g.val[0][C_NOTE] == NULL, "json: absent key is NULL");
	is_str(g.val[1][C_NAME], "B", "json: string trimmed");
	is_str(g.val[1][C_AMOUNT], "1.5", "json: real as text");
	is_str(g.val[1][C_NOTE], "true", "json: true");
	ok(g.val[2][C_NAME] == NULL, "json: null is NULL (alias key)");
	is_str(g.val[2][C_AMOUNT], "false", "json: false");
	is_str(g.val[2][C_NOTE], "x\ny", "json: escaped newline");
	ok(!g.err[0] && !g.err[1] && !g.err[2], "json array: no errors");
	ok(g.has[C_NOTE], "json: uk_reader_has is true");
	is_int(g.end_rc, 0, "json array: end");
	got_free(&g);

	/* A nested value is a row error; reading goes on. */
	read_all(TMP("[{\"name\": {\"x\": 1}},\n {\"name\": [1]},\n {\"name\": \"ok\"}, 7]"), &o, &g);
	is_int(g.n, 4, "json nested: four records");
	ok(contains(g.err[0], "object or array"), "json nested: object is a row error (%s)",
	   g.err[0] ? g.err[0] : "none");
	ok(contains(g.err[1], "object or array"), "json nested: array is a row error");
	is_int(g.line[1], 2, "json nested: line 2");
	ok(g.err[2] == NULL, "json nested: next record fine");
	is_str(g.val[2][C_NAME], "ok", "json nested: next value");
	ok(g.err[3] != NULL, "json: a number is not a record (%s)", g.err[3] ? g.err[3] : "none");
	got_free(&g);

	/* Bad JSON: a row error, then the end. */
	read_all(TMP("[{\"name\": \"A\"},\n {\"name\": }\n]"), &o, &g);
	is_int(g.n, 2, "bad json: two records");
	ok(g.err[0] == NULL, "bad json: record before is fine");
	ok(contains(g.err[1], "bad JSON"), "bad json: row error (%s)", g.err[1] ? g.err[1] : "none");
	is_int(g.line[1], 2, "bad json: on line 2");
	is_int(g.end_rc, 0, "bad json: reading stops cleanly");
	got_free(&g);

	/* An array never closed. */
	read_all(TMP("[{\"name\": \"A\"},\n"), &o, &g);
	ok(g.n == 2 && g.err[0] == NULL && contains(g.err[1], "not closed"), "json: unclosed array named");
	got_free(&g);

	/* A BOM before JSON; an empty array. */
	read_all(TMP("\xEF\xBB\xBF[{\"name\": \"A\"}]"), &o, &g);
	ok(g.open_rc == 0 && g.n == 1 && g.err[0] == NULL, "json after a BOM: read");
	is_str(g.n ? g.val[0][C_NAME] : NULL, "A", "json after a BOM: value");
	got_free(&g);
	read_all(TMP("  [ ]\n"), &o, &g);
	ok(g.open_rc == 0 && g.n == 0 && g.end_rc == 0, "json: empty array is no records");
	got_free(&g);

	/* NDJSON with a blank line. */
	read_all(TMP("{\"name\":\"A\",\"amount\":1}\n{\"name\":\"B\"}\n\n{\"name\":\"C\",\"amount\":null}\n"),
	         &o, &g);
	is_int(g.open_rc, 0, "ndjson: opens");
	is_int(g.n, 3, "ndjson: three records");
	is_int(g.line[0], 1, "ndjson: line 1 (no header)");
	is_int(g.line[1], 2, "ndjson: line 2");
	is_int(g.line[2], 4, "ndjson: line 4 after a blank line");
	is_str(g.val[1][C_NAME], "B", "ndjson: value");
	ok(g.val[2][C_AMOUNT] == NULL, "ndjson: null");
	ok(!g.err[0] && !g.err[1] && !g.err[2], "ndjson: no errors");
	got_free(&g);

	/* NDJSON with a bad line. */
	read_all(TMP("{\"name\":\"A\"}\n{\"name\" \"B\"}\n"), &o, &g);
	is_int(g.n, 2, "ndjson bad: two records");
	ok(g.err[0] == NULL, "ndjson bad: first fine");
	ok(contains(g.err[1], "bad JSON"), "ndjson bad: row error");
	is_int(g.line[1], 2, "ndjson bad: line 2");
	got_free(&g);
	/* A record cut short by the end of the file: named by its first line,
	 * not by the line after the last newline. */
	read_all(TMP("{\"name\":\"A\"}\n{\"name\":\n"), &o, &g);
	is_int(g.n, 2, "ndjson cut: two records");
	ok(contains(g.err[1], "bad JSON"), "ndjson cut: row error");
	is_int(g.line[1], 2, "ndjson cut: record starting on line 2 (of 2) named line 2");
	got_free(&g);

	/* Unknown key: named once; strict makes it a row error. */
	read_all(TMP("{\"name\":\"A\",\"colour\":\"red\"}\n{\"name\":\"B\",\"colour\":\"blue\"}\n"), &o, &g);
	is_int(g.n, 2, "json unknown key: records read");
	ok(!g.err[0] && !g.err[1], "json unknown key: no row error");
	ok(contains(g.stderr_text, "colour") &&
	   !strstr(strstr(g.stderr_text, "colour") + 6, "colour'"), "json unknown key: named once");
	got_free(&g);
	o.strict = 1;
	read_all(TMP("{\"name\":\"A\",\"colour\":\"red\"}\n"), &o, &g);
	ok(g.n == 1 && contains(g.err[0], "colour"), "json strict: unknown key is a row error");
	got_free(&g);
	o = opts_plain();

	/* Two keys meaning the same column. */
	read_all(TMP("{\"name\":\"A\",\"姓名\":\"B\"}\n"), &o, &g);
	ok(g.n == 1 && contains(g.err[0], "name"), "json: two keys meaning one column is a row error");
	got_free(&g);

	/* --input-format json on a file that would look like CSV. */
	o.format = UK_IN_CSV;
	read_all(TMP("[x]\n1\n"), &o, &g);
	ok(g.open_rc == 0 && g.n == 1 && !g.has[C_NAME], "input-format csv: '[' read as a CSV header");
	got_free(&g);
}

static void test_writer_csv(void)
{
	static const struct uk_outcol oc[] = {
		{"name", UK_COL_TEXT}, {"n", UK_COL_INT}, {"amount", UK_COL_MONEY},
	};
	FILE *f;
	struct uk_writer *w;

	w = wopen(&f, UK_FMT_CSV, 0, oc, 3);
	ok(w != NULL, "csv: writer");
	uk_writer_row(w, (const char *const[]){"a,b", "3", "12.50"});
	uk_writer_row(w, (const char *const[]){"say \"hi\"", "0", "-1.00"});
	uk_writer_row(w, (const char *const[]){"two\nlines", NULL, NULL});
	uk_writer_row(w, (const char *const[]){" lead", "1", "0.05"});
	uk_writer_row(w, (const char *const[]){"=plain", "2", "1"});
	is_int(wclose(f, w), 0, "csv: end ok");
	is_str(wbuf, "name,n,amount\n"
	             "\"a,b\",3,12.50\n"
	             "\"say \"\"hi\"\"\",0,-1.00\n"
	             "\"two\nlines\",,\n"
	             "\" lead\",1,0.05\n"
	             "=plain,2,1\n", "csv: RFC 4180 quoting, no guard without --excel");

	w = wopen(&f, UK_FMT_CSV, 1, oc, 3);
	uk_writer_row(w, (const char *const[]){"=SUM(A1)", "-3", "-12.50"});
	uk_writer_row(w, (const char *const[]){"+1", "1", "1.00"});
	uk_writer_row(w, (const char *const[]){"-x", "1", "1.00"});
	uk_writer_row(w, (const char *const[]){"@cmd", "1", "1.00"});
	uk_writer_row(w, (const char *const[]){"=a,b", "1", "1.00"});
	uk_writer_row(w, (const char *const[]){"a=b", "1", "1.00"});
	wclose(f, w);
	ok(wlen >= 3 && memcmp(wbuf, "\xEF\xBB\xBF", 3) == 0, "excel: BOM first");
	is_str(wbuf, "\xEF\xBB\xBF" "name,n,amount\r\n"
	             "'=SUM(A1),-3,-12.50\r\n"
	             "'+1,1,1.00\r\n"
	             "'-x,1,1.00\r\n"
	             "'@cmd,1,1.00\r\n"
	             "\"'=a,b\",1,1.00\r\n"
	             "a=b,1,1.00\r\n",
	       "excel: CRLF, guard on text only, quoted guard, money negative unguarded");

	/* --excel means nothing to json. */
	w = wopen(&f, UK_FMT_JSON, 1, oc, 3);
	uk_writer_row(w, (const char *const[]){"=x", "1", "1.00"});
	wclose(f, w);
	ok(wbuf && wbuf[0] == '[' && !strstr(wbuf, "'=x"), "excel ignored by json");
}

/* What --excel writes reads back as it was with --excel: digits Excel
 * would damage, formula-guarded text, and the forms that must stay text.
 * A plain CSV keeps its apostrophes. */
static void test_excel_text_cells(void)
{
	static const struct uk_outcol oc[] = {
		{"name", UK_COL_TEXT}, {"id_card", UK_COL_TEXT}, {"amount", UK_COL_MONEY},
		{"note", UK_COL_TEXT},
	};
	static const char *const vals[][NC] = {
		{"000001", "440103199004074654", "0.50", "13800138000"},
		{"123", "123456789012", "12.00", "0"},
		{"=SUM(A1)", "'=x", "-3.00", "''+1"},
		{"'plain", "-", "1", "@"},
	};
	struct uk_read_opts o = opts_plain();
	struct got g;
	FILE *f;
	struct uk_writer *w = wopen(&f, UK_FMT_CSV, 1, oc, NC);
	int same = 1;

	for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++)
		uk_writer_row(w, vals[i]);
	wclose(f, w);
	is_str(strchr(wbuf, '\n') + 1,
	       "\"=\"\"000001\"\"\",\"=\"\"440103199004074654\"\"\",0.50,13800138000\r\n"
	       "123,\"=\"\"123456789012\"\"\",12.00,0\r\n"
	       "'=SUM(A1),''=x,-3.00,'''+1\r\n"
	       "'plain,'-,1,'@\r\n",
	       "excel: leading zeros and 12+ digits as =\"...\", money and short numbers as they are");
	o.excel = 1;
	read_all(tmp_with(wbuf, wlen), &o, &g);
	is_int(g.n, 4, "excel round trip: four records");
	for (int i = 0; i < g.n && i < 4; i++)
		for (int c = 0; c < NC; c++)
			if (!g.val[i][c] || strcmp(g.val[i][c], vals[i][c]) != 0) {
				printf("# row %d column %d: '%s', want '%s'\n", i, c,
				       g.val[i][c] ? g.val[i][c] : "(null)", vals[i][c]);
				same = 0;
			}
	ok(same, "excel round trip: every value read back as it was written");
	got_free(&g);

	/* Without --excel an apostrophe is data: only ="digits" is read. */
	o.excel = 0;
	read_all(tmp_with(wbuf, wlen), &o, &g);
	is_int(g.n, 4, "plain read of --excel output: four records");
	is_str(g.val[0][C_NOTE], "13800138000", "plain: a number as it is");
	is_str(g.val[0][C_NAME], "000001", "plain: =\"000001\" is still the text 000001");
	is_str(g.val[2][C_NAME], "'=SUM(A1)", "plain: the apostrophe before = stays");
	is_str(g.val[2][C_ID], "''=x", "plain: doubled apostrophes stay");
	is_str(g.val[3][C_NOTE], "'@", "plain: the apostrophe before @ stays");
	got_free(&g);
	read_all(TMP("name,note\n'=1+2,'-x\n"), &o, &g);
	is_str(g.val[0][C_NAME], "'=1+2", "plain CSV: '=1+2 is read as it is");
	is_str(g.val[0][C_NOTE], "'-x", "plain CSV: '-x is read as it is");
	got_free(&g);

	/* Only ="digits" is text: other formulas stay what they are. */
	read_all(TMP("name,id_card,amount,note\n"
	             "\"=\"\"1+1\"\"\",\"=\"\"\"\"\",\"=\"\"12\"\"3\",\"=\"\"0012\"\"\"\n"
	             "'1,'',\"=\"\"x\"\"\",='-'\n"), &o, &g);
	is_int(g.n, 2, "formulas: two records");
	is_str(g.val[0][C_NAME], "=\"1+1\"", "=\"1+1\" is read as it is");
	is_str(g.val[0][C_ID], "=\"\"", "=\"\" is read as it is");
	is_str(g.val[0][C_AMOUNT], "=\"12\"3", "text after the closing quote: as it is");
	is_str(g.val[0][C_NOTE], "0012", "=\"0012\" is the text 0012");
	is_str(g.val[1][C_NAME], "'1", "an apostrophe before a digit stays");
	is_str(g.val[1][C_ID], "''", "apostrophes alone stay");
	is_str(g.val[1][C_AMOUNT], "=\"x\"", "=\"x\" is read as it is");
	is_str(g.val[1][C_NOTE], "='-'", "a formula keeps its quotes");
	got_free(&g);
}

/* In JSON an --ignore that names no key of any record is a usage error,
 * said at the end of the input. */
static void test_json_ignore_unknown(void)
{
	static const char *const typo[] = {"nmae"}, *const right[] = {"note"};
	struct uk_read_opts o = opts_plain();
	struct got g;

	o.ignores = typo;
	o.nignores = 1;
	read_all(TMP("[{\"name\": \"a\", \"note\": \"x\"}, {\"name\": \"b\"}]"), &o, &g);
	is_int(g.n, 2, "json --ignore typo: the records are read");
	is_int(g.end_rc, UK_EX_USAGE, "json --ignore typo: 64 at the end");
	ok(strstr(g.stderr_text, "--ignore 'nmae': ") && strstr(g.stderr_text, "has no such column"),
	   "json --ignore typo: said as for CSV");
	got_free(&g);
	read_all(TMP("{\"name\": \"a\"}\n"), &o, &g);
	is_int(g.end_rc, UK_EX_USAGE, "ndjson --ignore typo: 64 at the end");
	got_free(&g);
	o.ignores = right;
	read_all(TMP("[{\"name\": \"a\"}, {\"name\": \"b\", \"note\": \"x\"}]"), &o, &g);
	is_int(g.end_rc, 0, "json --ignore of a key one record has: 0");
	ok(g.n == 2 && !g.val[1][C_NOTE], "json --ignore: the key is left out");
	got_free(&g);
}

static void test_writer_json(void)
{
	static const struct uk_outcol oc[] = {
		{"name", UK_COL_TEXT}, {"n", UK_COL_INT}, {"amount", UK_COL_MONEY}, {"note", UK_COL_TEXT},
	};
	const char *tricky = "say \"hi\" \\ tab\tnl\nctl\x01\x1f end 张三";
	FILE *f;
	struct uk_writer *w;
	json_t *root, *o0, *o1;
	json_error_t jerr;

	w = wopen(&f, UK_FMT_JSON, 0, oc, 4);
	uk_writer_row(w, (const char *const[]){"张三", "3", "1234.50", tricky});
	uk_writer_row(w, (const char *const[]){NULL, NULL, "", ""});
	is_int(wclose(f, w), 0, "json: end ok");
	root = json_loads(wbuf, 0, &jerr);
	ok(root != NULL, "json: output parses (%s)", root ? "ok" : jerr.text);
	ok(json_is_array(root) && json_array_size(root) == 2, "json: array of two");
	o0 = json_array_get(root, 0);
	o1 = json_array_get(root, 1);
	ok(json_is_string(json_object_get(o0, "amount")), "json: money is a string");
	is_str(json_string_value(json_object_get(o0, "amount")), "1234.50", "json: money exact");
	ok(json_is_integer(json_object_get(o0, "n")), "json: INT is a number");
	is_int(json_integer_value(json_object_get(o0, "n")), 3, "json: INT value");
	is_str(json_string_value(json_object_get(o0, "name")), "张三", "json: UTF-8 text");
	is_str(json_string_value(json_object_get(o0, "note")), tricky, "json: quotes and controls round trip");
	ok(json_is_null(json_object_get(o1, "name")), "json: NULL text is null");
	ok(json_is_null(json_object_get(o1, "n")), "json: NULL INT is null");
	ok(json_is_null(json_object_get(o1, "amount")), "json: empty money is null");
	ok(json_is_string(json_object_get(o1, "note")) &&
	   !strcmp(json_string_value(json_object_get(o1, "note")), ""), "json: empty text is \"\"");
	is_int(json_object_size(o0), 4, "json: all keys present");
	json_decref(root);
	ok(!strchr(wbuf, '\x01') && !strchr(wbuf, '\t'), "json: no raw control characters");

	w = wopen(&f, UK_FMT_JSON, 0, oc, 4);
	wclose(f, w);
	root = json_loads(wbuf, 0, &jerr);
	ok(json_is_array(root) && json_array_size(root) == 0, "json: no rows is []");
	json_decref(root);

	/* ndjson: one object a line. */
	w = wopen(&f, UK_FMT_NDJSON, 0, oc, 4);
	uk_writer_row(w, (const char *const[]){"a", "1", "1.00", "x\ny"});
	uk_writer_row(w, (const char *const[]){"b", "2", "2.00", NULL});
	wclose(f, w);
	{
		char l[512];
		json_t *a = json_loads(line_of(wbuf, 0, l, sizeof l), 0, &jerr);
		json_t *b = json_loads(line_of(wbuf, 1, l, sizeof l), 0, &jerr);
		ok(json_is_object(a) && json_is_object(b), "ndjson: each line an object");
		is_str(json_string_value(json_object_get(a, "note")), "x\ny", "ndjson: newline escaped");
		is_str(json_string_value(json_object_get(b, "amount")), "2.00", "ndjson: money string");
		is_int(json_integer_value(json_object_get(b, "n")), 2, "ndjson: INT number");
		ok(json_is_null(json_object_get(b, "note")), "ndjson: null");
		json_decref(a);
		json_decref(b);
		is_str(line_of(wbuf, 2, l, sizeof l), "", "ndjson: two lines only");
		ok(wlen > 0 && wbuf[wlen - 1] == '\n', "ndjson: ends with newline");
	}
}

static void test_writer_table(void)
{
	static const struct uk_outcol oc[] = {
		{"name", UK_COL_TEXT}, {"unit", UK_COL_TEXT}, {"amount", UK_COL_MONEY},
	};
	FILE *f;
	struct uk_writer *w;
	char l0[512], l1[512], l2[512], l3[512];

	w = wopen(&f, UK_FMT_TABLE, 0, oc, 3);
	uk_writer_row(w, (const char *const[]){"张三丰", "教务处", "12.50"});
	uk_writer_row(w, (const char *const[]){"Bob", "IT", "1234.50"});
	uk_writer_row(w, (const char *const[]){"esc\x1b[31mred", "a\nb", NULL});
	is_int(wclose(f, w), 0, "table: end ok");
	line_of(wbuf, 0, l0, sizeof l0);
	line_of(wbuf, 1, l1, sizeof l1);
	line_of(wbuf, 2, l2, sizeof l2);
	line_of(wbuf, 3, l3, sizeof l3);
	ok(col_of(l1, "教务处") > 0, "table: CJK row present");
	is_int(col_of(l1, "教务处"), col_of(l2, "IT"), "table: second column aligned by display width");
	is_int(col_of(l0, "unit"), col_of(l2, "IT"), "table: header aligned with rows");
	is_int((long)uk_display_width(l1), (long)uk_display_width(l2), "table: money right-aligned (row ends)");
	is_int(col_of(l1, "12.50") + 5, col_of(l2, "1234.50") + 7, "table: money right edge");
	ok(!strchr(wbuf, '\x1b'), "table: ESC replaced");
	ok(strstr(l3, "\xEF\xBF\xBD[31mred") != NULL, "table: replaced by U+FFFD");
	ok(strstr(l3, "a b") != NULL, "table: newline in a cell becomes a space");
	is_str(line_of(wbuf, 4, l0, sizeof l0), "", "table: header + three rows, no more");
	is_int(col_of(l3, "a b"), col_of(l2, "IT"), "table: row with replaced characters aligned");
}

int main(void)
{
	uk_cli_init("t_rec");
	test_reader_encodings();
	test_reader_headers();
	test_reader_csv_faults();
	test_reader_json();
	test_writer_csv();
	test_excel_text_cells();
	test_json_ignore_unknown();
	test_writer_json();
	test_writer_table();
	free(wbuf);
	tmp_remove_all();
	return done_testing();
}
