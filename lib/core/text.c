/* text.c - UTF-8 checks, GB18030 conversion, display width, folding. */
#include "uk_text.h"
#include "uk_i18n.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Decodes one UTF-8 sequence at s[0..n). Returns its length (1..4) and sets
 * *cp; 0 when the bytes present are a valid start but the sequence is cut
 * at n; -1 when invalid. Checking the second byte's range per lead byte
 * rejects overlongs, surrogates and > U+10FFFF in one place (RFC 3629). */
static int uk_utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	int need;
	uint32_t v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 3;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;      /* overlong */
		else if (c == 0xED)
			hi = 0x9F;      /* surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;      /* overlong */
		else if (c == 0xF4)
			hi = 0x8F;      /* > U+10FFFF */
	} else {
		return -1;              /* 80-C1, F5-FF */
	}
	for (int i = 1; i < need; i++) {
		if ((size_t)i >= n)
			return 0;
		unsigned char b = s[i];
		if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF))
			return -1;
		v = (v << 6) | (b & 0x3F);
	}
	*cp = v;
	return need;
}

size_t uk_utf8_valid_prefix(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		int k;
		if (p[i] < 0x80) {  /* ASCII: most bytes of a CSV file */
			i++;
			continue;
		}
		k = uk_utf8_next(p + i, len - i, &cp);
		if (k <= 0)
			break;
		i += (size_t)k;
	}
	return i;
}

int uk_utf8_is_valid(const char *s, size_t len)
{
	return uk_utf8_valid_prefix(s, len) == len;
}

size_t uk_utf8_fit(const char *s, size_t max)
{
	size_t n = strnlen(s, max + 1);
	if (n <= max)
		return n;
	n = max;
	/* Back over continuation bytes to the start of the cut character. */
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

const char *uk_utf8_quote(const char *s, size_t max, char *buf, size_t bufsz)
{
	size_t n = uk_utf8_fit(s, max);
	if (!s[n])
		return s;
	snprintf(buf, bufsz, "%.*s…", (int)n, s);
	return buf;
}

int uk_streq_ci(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	for (;; a++, b++) {
		unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
		/* Manual ASCII folding: tolower() depends on the locale. */
		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y - 'A' + 'a');
		if (x != y)
			return 0;
		if (!x)
			return 1;
	}
}

int uk_encoding_parse(const char *name, enum uk_encoding *out)
{
	static const struct {
		const char *name;
		enum uk_encoding enc;
	} names[] = {
		{ "utf-8", UK_ENC_UTF8 },    { "utf8", UK_ENC_UTF8 },
		{ "gb18030", UK_ENC_GB18030 }, { "gbk", UK_ENC_GB18030 },
		{ "gb2312", UK_ENC_GB18030 }, { "auto", UK_ENC_AUTO },
	};

	if (!name || !out)
		return -1;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (uk_streq_ci(name, names[i].name)) {
			*out = names[i].enc;
			return 0;
		}
	}
	return -1;
}

enum uk_encoding uk_encoding_detect(const char *sample, size_t len)
{
	size_t p = uk_utf8_valid_prefix(sample, len);
	uint32_t cp;

	if (p == len)
		return UK_ENC_UTF8;
	/* The sample may end mid-character; only a cut at the very end is ok. */
	if (uk_utf8_next((const unsigned char *)sample + p, len - p, &cp) == 0)
		return UK_ENC_UTF8;
	return UK_ENC_GB18030;
}

long uk_encoding_mixed_line(const char *sample, size_t len, int complete, long *gb_line)
{
	long line = 1, utf8_line = 0;
	size_t start = 0;

	*gb_line = 0;
	while (start < len) {
		size_t i = start, next;
		int ended;
		while (i < len && sample[i] != '\n' && sample[i] != '\r')
			i++;
		ended = i < len;
		next = i + (i + 1 < len && sample[i] == '\r' && sample[i + 1] == '\n' ? 2 : 1);
		{
			const char *s = sample + start;
			size_t n = i - start, wide = 0;
			if (uk_utf8_valid_prefix(s, n) == n) {
				for (size_t k = 0; k < n; k++)
					wide += ((unsigned char)s[k] & 0xF0) == 0xE0;
				if (wide >= 4 && !utf8_line)
					utf8_line = line;
			} else if (!*gb_line && (ended || complete)) {  /* a sample may cut its last line */
				*gb_line = line;
			}
		}
		if (utf8_line && *gb_line)
			return utf8_line;
		start = next;
		line++;
	}
	return 0;
}

struct uk_iconv {
	iconv_t cd;
};

struct uk_iconv *uk_iconv_open_gb18030(void)
{
	struct uk_iconv *cv;
	iconv_t cd = iconv_open("UTF-8", "GB18030");

	if (cd == (iconv_t)-1)
		return NULL;
	cv = malloc(sizeof *cv);
	if (!cv) {
		iconv_close(cd);
		errno = ENOMEM;
		return NULL;
	}
	cv->cd = cd;
	return cv;
}

void uk_iconv_close(struct uk_iconv *cv)
{
	if (!cv)
		return;
	iconv_close(cv->cd);
	free(cv);
}

/* Ensures at least min free bytes in *out, doubling the capacity. */
static int uk_buf_reserve(char **out, size_t outlen, size_t *cap, size_t min)
{
	size_t ncap;
	char *n;

	if (*out && *cap - outlen >= min)
		return 0;
	ncap = *cap ? *cap : 64;
	while (ncap - outlen < min) {
		if (ncap > SIZE_MAX / 2) {
			errno = ENOMEM;
			return -1;
		}
		ncap *= 2;
	}
	if (*out && ncap == *cap)
		return 0;
	n = realloc(*out, ncap);
	if (!n) {
		errno = ENOMEM;
		return -1;
	}
	*out = n;
	*cap = ncap;
	return 0;
}

int uk_iconv_convert(struct uk_iconv *cv, const char *in, size_t *inlen,
                     char **out, size_t *outlen, size_t *cap)
{
	size_t total, left;
	char *ip;

	if (!cv || !inlen || !out || !outlen || !cap || (*inlen && !in)) {
		errno = EINVAL;
		return -1;
	}
	total = left = *inlen;
	ip = (char *)in;        /* iconv's prototype lacks const; not written */
	while (left > 0) {
		/* 16 bytes fits any single UTF-8 output character with room. */
		if (uk_buf_reserve(out, *outlen, cap, 16) < 0) {
			*inlen = total - left;
			return -1;
		}
		char *op = *out + *outlen;
		size_t oleft = *cap - *outlen;
		size_t r = iconv(cv->cd, &ip, &left, &op, &oleft);
		int err = errno;

		*outlen = *cap - oleft;
		if (r != (size_t)-1)
			break;
		if (err == E2BIG) {
			if (uk_buf_reserve(out, *outlen, cap, *cap - *outlen + 1) < 0) {
				*inlen = total - left;
				return -1;
			}
			continue;
		}
		*inlen = total - left;
		if (err == EINVAL)
			return 0;       /* cut sequence: caller resends it */
		/* Reset the shift state so the converter stays usable. */
		iconv(cv->cd, NULL, NULL, NULL, NULL);
		errno = err;
		return -1;
	}
	*inlen = total - left;
	return 0;
}

char *uk_gb18030_to_utf8(const char *s, size_t len)
{
	struct uk_iconv *cv = uk_iconv_open_gb18030();
	char *out = NULL;
	size_t outlen = 0, cap = 0, n = len;
	int rc;

	if (!cv)
		return NULL;
	rc = uk_iconv_convert(cv, s, &n, &out, &outlen, &cap);
	uk_iconv_close(cv);
	/* A sequence cut at the end of a whole string is invalid input. */
	if (rc < 0 || n != len) {
		free(out);
		if (rc == 0)
			errno = EILSEQ;
		return NULL;
	}
	if (uk_buf_reserve(&out, outlen, &cap, 1) < 0) {
		free(out);
		return NULL;
	}
	out[outlen] = '\0';
	return out;
}

/* Terminal columns of one code point; see uk_display_width. */
static int uk_cp_width(uint32_t c)
{
	static const struct {
		uint32_t lo, hi;
	} wide[] = {
		{ 0x1100, 0x115F },   { 0x2E80, 0x303E },   { 0x3040, 0xA4CF },
		{ 0xAC00, 0xD7A3 },   { 0xF900, 0xFAFF },   { 0xFE30, 0xFE4F },
		{ 0xFF00, 0xFF60 },   { 0xFFE0, 0xFFE6 },   { 0x1F300, 0x1F64F },
		{ 0x1F900, 0x1F9FF }, { 0x20000, 0x3FFFD },
	};

	/* Own table rather than wcwidth(), which needs setlocale(). */
	if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F))
		return 0;
	if (c < 0x1100)
		return 1;
	for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
		if (c >= wide[i].lo && c <= wide[i].hi)
			return 2;
	return 1;
}

size_t uk_display_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t w = 0, n;
	uint32_t cp;

	if (!s)
		return 0;
	n = strlen(s);
	while (n > 0) {
		int k = uk_utf8_next(p, n, &cp);
		if (k <= 0) {
			w++;            /* invalid byte: one column */
			k = 1;
		} else {
			w += (size_t)uk_cp_width(cp);
		}
		p += k;
		n -= (size_t)k;
	}
	return w;
}

char *uk_text_for_terminal(const char *s)
{
	static const char repl[] = "\xEF\xBF\xBD";     /* U+FFFD */
	const unsigned char *p = (const unsigned char *)s;
	size_t n, o = 0;
	uint32_t cp;
	char *out;

	if (!s)
		return NULL;
	n = strlen(s);
	/* Worst case every byte becomes a 3-byte U+FFFD. */
	if (n > (SIZE_MAX - 1) / 3)
		return NULL;
	out = malloc(n * 3 + 1);
	if (!out)
		return NULL;
	while (n > 0) {
		int k = uk_utf8_next(p, n, &cp);
		if (k <= 0) {
			memcpy(out + o, repl, 3);
			o += 3;
			k = 1;
		} else if (cp == '\t' || cp == '\n') {
			out[o++] = ' ';
		} else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
			memcpy(out + o, repl, 3);
			o += 3;
		} else {
			memcpy(out + o, p, (size_t)k);
			o += (size_t)k;
		}
		p += k;
		n -= (size_t)k;
	}
	out[o] = '\0';
	return out;
}

void uk_fold_fullwidth(char *s)
{
	unsigned char *p = (unsigned char *)s;
	size_t r, w;

	if (!s)
		return;
	/* Only U+FF01..U+FF5E (EF BC 81..EF BD 9E) and U+3000 (E3 80 80)
	 * change: most values hold neither lead byte and are left at once. */
	r = strcspn(s, "\xEF\xE3");
	if (!p[r])
		return;
	w = r;
	while (p[r]) {
		if (p[r] == 0xEF && (p[r + 1] == 0xBC || p[r + 1] == 0xBD) &&
		    p[r + 2] >= 0x80 && p[r + 2] <= 0xBF) {
			unsigned cp = 0xF000u | ((p[r + 1] & 0x3Fu) << 6) | (p[r + 2] & 0x3Fu);
			if (cp >= 0xFF01 && cp <= 0xFF5E) {
				p[w++] = (unsigned char)(cp - 0xFEE0);
				r += 3;
				continue;
			}
		} else if (p[r] == 0xE3 && p[r + 1] == 0x80 && p[r + 2] == 0x80) {
			p[w++] = ' ';
			r += 3;
			continue;
		}
		p[w++] = p[r++];
	}
	p[w] = '\0';
}

/* Bytes of white space starting at s[0..n), 0 if none. */
static size_t uk_ws_len(const unsigned char *s, size_t n)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' ||
	               s[0] == '\n' || s[0] == '\v' || s[0] == '\f'))
		return 1;
	if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;                               /* U+00A0 */
	if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;                               /* U+3000 */
	return 0;
}

char *uk_trim(char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n, a = 0, k;

	if (!s)
		return NULL;
	n = strlen(s);
	while ((k = uk_ws_len(p + a, n - a)) > 0)
		a += k;
	/* From the end: lead bytes C2/E3 make these suffixes unambiguous. */
	while (n > a) {
		if (uk_ws_len(p + n - 1, 1) == 1)
			n -= 1;
		else if (n - a >= 2 && uk_ws_len(p + n - 2, 2) == 2)
			n -= 2;
		else if (n - a >= 3 && uk_ws_len(p + n - 3, 3) == 3)
			n -= 3;
		else
			break;
	}
	memmove(s, s + a, n - a);
	s[n - a] = '\0';
	return s;
}

int uk_text_has_control(const char *s, int allow_newline)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && !(allow_newline && (*p == '\n' || *p == '\r' || *p == '\t'))) || *p == 0x7f)
			return 1;
		else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			return 1;
	return 0;
}

/* Whether s holds nothing but white space (ideographic and no-break
 * spaces included). */
static int uk_blank(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), k;
	while (n && (k = uk_ws_len(p, n)) > 0) {
		p += k;
		n -= k;
	}
	return n == 0;
}

int uk_void_reason_check(const char *reason, char *err, size_t errsz)
{
	/* Not uk_errf: cli.c calls into this file. */
	if (!reason || uk_blank(reason))
		snprintf(err, errsz, "%s", _("a void needs its reason (--reason)"));
	else if (strlen(reason) > 2000 || uk_text_has_control(reason, 0))
		snprintf(err, errsz, "%s", _("a reason is one line of at most 2000 bytes"));
	else
		return 0;
	return -1;
}

void uk_html_escape(const char *s, FILE *f)
{
	for (; *s; s++)
		switch (*s) {
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '&': fputs("&amp;", f); break;
		case '"': fputs("&quot;", f); break;
		default: fputc(*s, f);
		}
}

static const char *const digits_cn[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

void uk_cn_numeral_format(int v, char *buf, size_t n)
{
	if (v <= 0 || v > 99) {
		snprintf(buf, n, "%d", v);
		return;
	}
	if (v < 10)
		snprintf(buf, n, "%s", digits_cn[v]);
	else
		snprintf(buf, n, "%s十%s", v >= 20 ? digits_cn[v / 10] : "", digits_cn[v % 10]);
}

int uk_cn_numeral_parse(const char *s, int *value, size_t *len)
{
	/* Longest match first: 九十九 down to 一. */
	for (int v = 99; v >= 1; v--) {
		char buf[16];
		size_t k;
		uk_cn_numeral_format(v, buf, sizeof buf);
		k = strlen(buf);
		if (strncmp(s, buf, k) == 0) {
			*value = v;
			*len = k;
			return 0;
		}
	}
	return -1;
}

/* The length in bytes of the Han character at p, else 0: the unified
 * ideographs (U+3400..U+9FFF, and U+20000..U+3134F, where the rarer
 * characters of names are), the compatibility ones (U+F900..U+FAFF) and
 * 〇 (U+3007). */
static size_t han_at(const unsigned char *p)
{
	unsigned cp;
	if (p[0] == 0xF0 && p[1] >= 0xA0 && p[1] <= 0xB4 && (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80)
		return 4;
	if (p[0] < 0xE3 || p[0] > 0xEF || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
		return 0;
	cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
	return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007 ? 3 : 0;
}

/* The length of the run of spaces (ASCII or U+3000) at p. */
static size_t spaces_at(const unsigned char *p)
{
	size_t n = 0;
	for (;;) {
		if (p[n] == ' ')
			n++;
		else if (p[n] == 0xE3 && p[n + 1] == 0x80 && p[n + 2] == 0x80)
			n += 3;
		else
			return n;
	}
}

void uk_close_han_spaces(char *s)
{
	unsigned char *p = (unsigned char *)s;
	size_t r = 0, w = 0;
	if (!s)
		return;
	while (p[r]) {
		size_t k = han_at(p + r), sp;
		if (k) {
			memmove(p + w, p + r, k);
			w += k, r += k;
			sp = spaces_at(p + r);
			if (sp && han_at(p + r + sp))
				r += sp;
			continue;
		}
		p[w++] = p[r++];
	}
	p[w] = '\0';
}

const char *uk_fold_fullwidth_copy(const char *s, char *buf, size_t n)
{
	size_t len;
	if (!strpbrk(s, "\xEF\xE3"))
		return s;
	if ((len = strlen(s)) >= n)
		return NULL;
	memcpy(buf, s, len + 1);
	uk_fold_fullwidth(buf);
	return buf;
}
