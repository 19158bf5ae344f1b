/* t_text.c - unit tests for lib/core/text.c. */
#include "uk_text.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

#define S(lit) (lit), (sizeof(lit) - 1)

static void test_utf8(void)
{
	ok(uk_utf8_is_valid(S("")), "empty is valid");
	ok(uk_utf8_is_valid(S("abc")), "ASCII is valid");
	ok(uk_utf8_is_valid(S("\xE5\xBC\xA0\xE4\xB8\x89")), "张三 is valid");
	ok(uk_utf8_is_valid(S("\xF0\x9F\x98\x80")), "4-byte emoji is valid");
	ok(uk_utf8_is_valid(S("\xF4\x8F\xBF\xBF")), "U+10FFFF is valid");
	ok(!uk_utf8_is_valid(S("\xC0\x80")), "overlong C0 80 invalid");
	ok(!uk_utf8_is_valid(S("\xE0\x80\xAF")), "overlong E0 80 AF invalid");
	ok(!uk_utf8_is_valid(S("\xED\xA0\x80")), "surrogate ED A0 80 invalid");
	ok(!uk_utf8_is_valid(S("\xF5\x80\x80\x80")), "F5 invalid");
	ok(!uk_utf8_is_valid(S("\xF4\x90\x80\x80")), "above U+10FFFF invalid");
	ok(!uk_utf8_is_valid(S("\x80")), "lone continuation invalid");
	ok(!uk_utf8_is_valid(S("ab\xE5\xBC")), "truncated sequence invalid");
	is_int(uk_utf8_valid_prefix(S("ab\xE5\xBC")), 2, "prefix stops before truncation");
	is_int(uk_utf8_valid_prefix(S("x\xC0\x80y")), 1, "prefix stops at overlong");
	is_int(uk_utf8_valid_prefix(S("\xE5\xBC\xA0\xFF")), 3, "prefix stops at FF");
}

static void test_encoding(void)
{
	enum uk_encoding e = UK_ENC_AUTO;

	ok(uk_encoding_parse("UTF-8", &e) == 0 && e == UK_ENC_UTF8, "parse UTF-8");
	ok(uk_encoding_parse("utf8", &e) == 0 && e == UK_ENC_UTF8, "parse utf8");
	ok(uk_encoding_parse("GBK", &e) == 0 && e == UK_ENC_GB18030, "parse GBK");
	ok(uk_encoding_parse("gb2312", &e) == 0 && e == UK_ENC_GB18030, "parse gb2312");
	ok(uk_encoding_parse("Gb18030", &e) == 0 && e == UK_ENC_GB18030, "parse Gb18030");
	ok(uk_encoding_parse("Auto", &e) == 0 && e == UK_ENC_AUTO, "parse Auto");
	is_int(uk_encoding_parse("latin1", &e), -1, "unknown name rejected");

	is_int(uk_encoding_detect(S("name,id\n")), UK_ENC_UTF8, "ASCII detected as UTF-8");
	is_int(uk_encoding_detect(S("\xE5\xA7\x93\xE5\x90\x8D")), UK_ENC_UTF8,
	       "UTF-8 姓名 detected");
	is_int(uk_encoding_detect(S("\xE5\xA7\x93\xE5\x90")), UK_ENC_UTF8,
	       "UTF-8 cut at end of sample still UTF-8");
	is_int(uk_encoding_detect(S("\xD0\xD5\xC3\xFB")), UK_ENC_GB18030,
	       "GB18030 姓名 detected");
	is_int(uk_encoding_detect(S("\xE5\xA7\x93\xE5\x90" "a")), UK_ENC_GB18030,
	       "cut sequence mid-sample is not UTF-8");
	is_int(uk_encoding_detect(S("")), UK_ENC_UTF8, "empty sample is UTF-8");

	{
		long gb = -1;
		/* 张三,教务处 in UTF-8 on line 2, 李四 in GB18030 on line 3. */
		const char mixed[] = "a,b\n\xE5\xBC\xA0\xE4\xB8\x89,\xE6\x95\x99\xE5\x8A\xA1\xE5\xA4\x84\n"
		                     "\xC0\xEE\xCB\xC4,x\n";
		const char gb_only[] = "a,b\n\xD5\xC5\xC8\xFD,\xBD\xCC\xCE\xF1\xB4\xA6\n\xC0\xEE\xCB\xC4,x\n";
		is_int(uk_encoding_mixed_line(S(mixed), 1, &gb), 2, "mixed: the UTF-8 line named");
		is_int(gb, 3, "mixed: the GB18030 line named");
		is_int(uk_encoding_mixed_line(S(gb_only), 1, &gb), 0, "GB18030 only: not mixed");
		/* The GB18030 line last, without a line end: in a whole file it
		 * counts; in a sample cut there it may be cut mid-character. */
		const char tail[] = "\xE5\xBC\xA0\xE4\xB8\x89\xE6\x95\x99\xE5\x8A\xA1,x\n\xC0\xEE\xCB\xC4,2";
		is_int(uk_encoding_mixed_line(S(tail), 1, &gb), 1, "mixed, last line unended: found in a whole file");
		is_int(gb, 2, "mixed, last line unended: its line named");
		is_int(uk_encoding_mixed_line(S(tail), 0, &gb), 0, "mixed, last line unended: not judged in a cut sample");
		/* Lines ended by a CR alone. */
		const char cr[] = "a\r\xE5\xBC\xA0\xE4\xB8\x89\xE6\x95\x99\xE5\x8A\xA1\r\xC0\xEE\xCB\xC4,x\r";
		is_int(uk_encoding_mixed_line(S(cr), 1, &gb), 2, "mixed, CR line ends: the UTF-8 line");
		is_int(gb, 3, "mixed, CR line ends: the GB18030 line");
		is_int(uk_encoding_mixed_line(S("a\n\xE5\xBC\xA0\xE4\xB8\x89\n"), 1, &gb), 0,
		       "UTF-8 only: not mixed");
	}
}

static void test_iconv(void)
{
	struct uk_iconv *cv = uk_iconv_open_gb18030();
	char *out = NULL, *s;
	size_t outlen = 0, cap = 0, n;
	/* "A" + U+0080 (4-byte form) + 姓名, split inside the 4-byte sequence. */
	static const char in[] = "A\x81\x30\x81\x30\xD0\xD5\xC3\xFB";

	ok(cv != NULL, "iconv opens");
	if (!cv)
		return;
	n = 3;
	is_int(uk_iconv_convert(cv, in, &n, &out, &outlen, &cap), 0, "first chunk ok");
	is_int(n, 1, "cut 4-byte sequence left unconsumed");
	is_int(outlen, 1, "one byte out so far");
	n = sizeof in - 1 - 1;
	is_int(uk_iconv_convert(cv, in + 1, &n, &out, &outlen, &cap), 0,
	       "resent remainder ok");
	is_int(n, sizeof in - 2, "remainder fully consumed");
	ok(outlen == 9 && memcmp(out, "A\xC2\x80\xE5\xA7\x93\xE5\x90\x8D", 9) == 0,
	   "streamed output is A U+0080 姓名");

	/* An invalid byte reports its offset. */
	outlen = 0;
	n = 3;
	is_int(uk_iconv_convert(cv, "AB\xFF", &n, &out, &outlen, &cap), -1,
	       "invalid GB18030 byte fails");
	is_int(n, 2, "offset of bad byte");
	free(out);

	/* Growth from an empty buffer over many doublings. */
	{
		size_t reps = 5000, len = reps * 4, i;
		char *big = malloc(len);
		out = NULL;
		outlen = cap = 0;
		ok(big != NULL, "alloc big input");
		if (big) {
			for (i = 0; i < reps; i++)
				memcpy(big + i * 4, "\xD0\xD5\xC3\xFB", 4);
			n = len;
			is_int(uk_iconv_convert(cv, big, &n, &out, &outlen, &cap), 0,
			       "large input converts");
			ok(n == len && outlen == reps * 6 && cap >= outlen,
			   "large output length %zu", outlen);
			ok(out && memcmp(out + outlen - 6, "\xE5\xA7\x93\xE5\x90\x8D", 6) == 0,
			   "large output tail");
		}
		free(big);
		free(out);
	}
	uk_iconv_close(cv);

	s = uk_gb18030_to_utf8(S("\xD5\xC5\xC8\xFD\x95\x32\x82\x36"));
	is_str(s, "\xE5\xBC\xA0\xE4\xB8\x89\xF0\xA0\x80\x80",
	       "whole-string 张三 + U+20000");
	free(s);
	s = uk_gb18030_to_utf8(S("ab\xD5"));
	ok(s == NULL, "truncated whole string rejected");
	free(s);
	s = uk_gb18030_to_utf8(S(""));
	is_str(s, "", "empty converts to empty");
	free(s);
}

static void test_width(void)
{
	is_int(uk_display_width("\xE5\xBC\xA0\xE4\xB8\x89" "abc"), 7, "width 张三abc");
	is_int(uk_display_width(""), 0, "width empty");
	is_int(uk_display_width("e\xCC\x81"), 1, "combining acute is zero width");
	is_int(uk_display_width("\xEF\xBC\x91"), 2, "fullwidth digit is wide");
	is_int(uk_display_width("\xE3\x80\xBF"), 1, "U+303F is narrow");
	is_int(uk_display_width("\xF0\x9F\x98\x80"), 2, "emoji is wide");
	is_int(uk_display_width("a\xFF" "b"), 3, "invalid byte counts 1");
	is_int(uk_display_width("\xE2\x80\x8B"), 0, "ZWSP is zero width");
}

static void test_terminal(void)
{
	char *s = uk_text_for_terminal("\x1b[31mred");
	is_str(s, "\xEF\xBF\xBD[31mred", "ESC replaced");
	free(s);
	s = uk_text_for_terminal("a\tb\nc\rd\x7f");
	is_str(s, "a b c\xEF\xBF\xBD" "d\xEF\xBF\xBD", "tab/newline space, CR/DEL replaced");
	free(s);
	s = uk_text_for_terminal("\xC2\x9B" "1m");
	is_str(s, "\xEF\xBF\xBD" "1m", "C1 CSI replaced");
	free(s);
	s = uk_text_for_terminal("x\xC0\x80\xE5\xBC\xA0");
	is_str(s, "x\xEF\xBF\xBD\xEF\xBF\xBD\xE5\xBC\xA0", "invalid bytes replaced, CJK kept");
	free(s);
}

static void test_fold_trim(void)
{
	char a[] = "\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\xA1";
	char b[] = "1\xE3\x80\x80" "2\xE5\xBC\xA0\xEF\xBD\x9E";
	char c[] = "\xE3\x80\x80 x \t";
	char d[] = "\xC2\xA0\xE5\xBC\xA0\xE4\xB8\x89\xE3\x80\x80\r\n";
	char e[] = " \xE3\x80\x80\t";
	char f[] = "a b";

	uk_fold_fullwidth(a);
	is_str(a, "123A", "fold １２３Ａ");
	uk_fold_fullwidth(b);
	is_str(b, "1 2\xE5\xBC\xA0~", "fold ideographic space and tilde, CJK kept");
	is_str(uk_trim(c), "x", "trim ideographic space, space, tab");
	is_str(uk_trim(d), "\xE5\xBC\xA0\xE4\xB8\x89", "trim NBSP and trailing U+3000 CRLF");
	is_str(uk_trim(e), "", "trim all-space string");
	is_str(uk_trim(f), "a b", "inner space kept");
	{
		char n1[] = "\xE6\x9D\x8E\xE3\x80\x80\xE5\x9B\x9B";          /* 李　四 */
		char n2[] = "\xE6\xAC\xA7\xE9\x98\xB3 \xE3\x80\x80 \xE6\x98\x8E"; /* 欧阳 　 明 */
		char n3[] = "John Smith";
		char n4[] = "\xE6\x9D\x8E Lee";                                  /* 李 Lee */
		char n5[] = "\xE3\x80\x80\xE6\x9D\x8E";                           /* 　李 */
		uk_close_han_spaces(n1);
		is_str(n1, "\xE6\x9D\x8E\xE5\x9B\x9B", "a space padding a two-character name closed up");
		uk_close_han_spaces(n2);
		is_str(n2, "\xE6\xAC\xA7\xE9\x98\xB3\xE6\x98\x8E", "a run of mixed spaces between Han closed up");
		uk_close_han_spaces(n3);
		is_str(n3, "John Smith", "a Latin name keeps its space");
		uk_close_han_spaces(n4);
		is_str(n4, "\xE6\x9D\x8E Lee", "a space between Han and Latin stays");
		{
			char n6[] = "\xF0\xA0\xAE\xB7 \xE5\x9B\x9B";   /* 𠮷 四: a character of plane 2 */
			uk_close_han_spaces(n6);
			is_str(n6, "\xF0\xA0\xAE\xB7\xE5\x9B\x9B", "a rare character (U+20BB7) closed up too");
		}
		uk_close_han_spaces(n5);
		is_str(n5, "\xE3\x80\x80\xE6\x9D\x8E", "a leading space is trim's, not this");
	}
	ok(uk_streq_ci("GB18030", "gb18030"), "streq_ci equal");
	ok(!uk_streq_ci("gbk", "gbk2"), "streq_ci length differs");
}

static void test_void_reason(void)
{
	char err[100], long_reason[2002];
	memset(long_reason, 'x', 2001);
	long_reason[2001] = '\0';
	is_int(uk_void_reason_check("录入错误", err, sizeof err), 0, "void reason: one line is a reason");
	is_int(uk_void_reason_check(NULL, err, sizeof err), -1, "void reason: none refused");
	is_str(err, "a void needs its reason (--reason)", "void reason: none says --reason");
	is_int(uk_void_reason_check("", err, sizeof err), -1, "void reason: empty refused");
	is_int(uk_void_reason_check("  \xE3\x80\x80 ", err, sizeof err), -1, "void reason: only spaces refused");
	is_int(uk_void_reason_check("a\nb", err, sizeof err), -1, "void reason: two lines refused");
	is_int(uk_void_reason_check(long_reason, err, sizeof err), -1, "void reason: 2001 bytes refused");
	long_reason[2000] = '\0';
	is_int(uk_void_reason_check(long_reason, err, sizeof err), 0, "void reason: 2000 bytes taken");
}

static void test_html_escape(void)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	if (!f) {
		ok(0, "html: open_memstream");
		return;
	}
	uk_html_escape("<a href=\"x\">A&B</a> 张三 'q'", f);
	fclose(f);
	is_str(buf, "&lt;a href=&quot;x&quot;&gt;A&amp;B&lt;/a&gt; 张三 'q'",
	       "html: < > & \" escaped, the rest as it is");
	free(buf);
}

/* Chinese numerals 一 … 九十九 both ways. */
static void test_numerals(void)
{
	static const struct { int v; const char *s; } known[] = {
		{1, "一"}, {2, "二"}, {9, "九"}, {10, "十"}, {11, "十一"}, {12, "十二"}, {19, "十九"},
		{20, "二十"}, {21, "二十一"}, {30, "三十"}, {55, "五十五"}, {90, "九十"}, {99, "九十九"},
	};
	char buf[32];
	int all = 1;

	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		int v = -1;
		size_t len = 0;
		uk_cn_numeral_format(known[i].v, buf, sizeof buf);
		is_str(buf, known[i].s, "format %d is %s", known[i].v, known[i].s);
		is_int(uk_cn_numeral_parse(known[i].s, &v, &len), 0, "parse %s", known[i].s);
		is_int(v, known[i].v, "%s is %d", known[i].s, known[i].v);
		is_int((long long)len, (long long)strlen(known[i].s), "%s: its whole length is read", known[i].s);
	}
	/* Every value 1..99 formats and parses back, the whole text read. */
	for (int v = 1; v <= 99; v++) {
		int back = -1;
		size_t len = 0;
		uk_cn_numeral_format(v, buf, sizeof buf);
		if (uk_cn_numeral_parse(buf, &back, &len) != 0 || back != v || len != strlen(buf)) {
			printf("#   %d -> '%s' -> %d (%zu bytes)\n", v, buf, back, len);
			all = 0;
		}
	}
	ok(all, "1..99: format then parse gives the number back");

	{
		int v = -1;
		size_t len = 0;
		is_int(uk_cn_numeral_parse("十二、自身建设", &v, &len), 0, "十二、 followed by a title");
		is_int(v, 12, "十二、 is 12, not 10 (the longest numeral is read)");
		is_int((long long)len, 6, "十二 is 6 bytes");
		is_int(uk_cn_numeral_parse("二十一、", &v, &len), 0, "二十一、");
		is_int(v, 21, "二十一 is 21");
		is_int(uk_cn_numeral_parse("十、", &v, &len), 0, "十、");
		is_int(v, 10, "十 is 10");
		ok(uk_cn_numeral_parse("第一", &v, &len) != 0, "第一 is not a numeral");
		ok(uk_cn_numeral_parse("1、", &v, &len) != 0, "1 is not a Chinese numeral");
		ok(uk_cn_numeral_parse("", &v, &len) != 0, "the empty text is no numeral");
	}
}

int main(void)
{
	test_utf8();
	test_encoding();
	test_iconv();
	test_width();
	test_terminal();
	test_fold_trim();
	test_void_reason();
	test_html_escape();
	test_numerals();
	return done_testing();
}
