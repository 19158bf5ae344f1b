/* money.c - money as int64 fen: exact parsing and printing, no floats. */
#include "uk_money.h"
#include "uk_text.h"
#include "uk_i18n.h"

#include <string.h>

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Skips a UTF-8 literal at *p when present. */
static int eat(const char **p, const char *end, const char *lit)
{
	size_t n = strlen(lit);
	if ((size_t)(end - *p) >= n && memcmp(*p, lit, n) == 0) {
		*p += n;
		return 1;
	}
	return 0;
}

static int fail(const char **why, const char *reason)
{
	if (why)
		*why = reason;
	return -1;
}

int uk_money_parse(const char *s, int64_t *fen, const char **why)
{
	static const char yen_half[] = "\xC2\xA5", yen_full[] = "\xEF\xBF\xA5",
	                  yuan[] = "\xE5\x85\x83";
	const char *p, *end;
	int neg = 0, sign_seen = 0, over = 0, ndigits = 0, nfrac = 0;
	uint64_t whole = 0, frac = 0;
	char folded[96];

	if (!s)
		return fail(why, _("empty"));
	/* Full-width digits and signs, as a Chinese input method types
	 * them (１，２３４．５０), are the same amount. */
	if (!(s = uk_fold_fullwidth_copy(s, folded, sizeof folded)))
		return fail(why, _("not a number"));
	p = s;
	end = s + strlen(s);
	while (p < end && is_blank(*p))
		p++;
	while (end > p && is_blank(end[-1]))
		end--;
	if (p == end)
		return fail(why, _("empty"));

	/* Sign and currency sign in either order: "-¥5" and "¥-5" both occur. */
	if (*p == '-' || *p == '+') {
		neg = *p++ == '-';
		sign_seen = 1;
	}
	if (eat(&p, end, yen_half) || eat(&p, end, yen_full)) {
		while (p < end && is_blank(*p))
			p++;
		if (!sign_seen && p < end && (*p == '-' || *p == '+'))
			neg = *p++ == '-';
	}
	/* Trailing 元, spaces allowed before it ("100 元"). */
	if ((size_t)(end - p) >= 3 && memcmp(end - 3, yuan, 3) == 0) {
		end -= 3;
		while (end > p && is_blank(end[-1]))
			end--;
	}

	/* Whole part: plain digits, or groups "1,234,567" where every group
	 * after a comma has exactly three digits and the first at most three. */
	{
		int group = 0, commas = 0;
		while (p < end && (is_digit(*p) || *p == ',')) {
			if (*p == ',') {
				if (group == 0 || (commas ? group != 3 : group > 3))
					return fail(why, _("misplaced thousands separator"));
				commas++;
				group = 0;
			} else {
				/* Keep validating after overflow; report syntax first. */
				if (whole > (uint64_t)INT64_MAX / 100)
					over = 1;
				else
					whole = whole * 10 + (uint64_t)(*p - '0');
				group++;
				ndigits++;
			}
			p++;
		}
		if (commas && group != 3)
			return fail(why, _("misplaced thousands separator"));
	}
	if (p < end && *p == '.') {
		p++;
		while (p < end && is_digit(*p)) {
			if (nfrac < 2)
				frac = frac * 10 + (uint64_t)(*p - '0');
			nfrac++;
			p++;
		}
		if (p == end && nfrac == 0) {
			if (ndigits == 0)
				return fail(why, _("not a number"));
			return fail(why, _("no digits after the decimal point"));
		}
	}
	if (p != end || ndigits + nfrac == 0)
		return fail(why, _("not a number"));
	if (nfrac > 2)
		return fail(why, _("more than two decimals"));
	if (nfrac == 1)
		frac *= 10;
	/* |fen| <= INT64_MAX, so the negation below never yields INT64_MIN. */
	if (over || whole > ((uint64_t)INT64_MAX - frac) / 100)
		return fail(why, _("too large"));
	{
		int64_t v = (int64_t)(whole * 100 + frac);
		if (fen)
			*fen = neg ? -v : v;
	}
	return 0;
}

char *uk_money_format(int64_t fen, char *buf)
{
	char tmp[UK_MONEY_BUFSZ];
	char *t = tmp + sizeof tmp, *o = buf;
	/* Magnitude in unsigned arithmetic so INT64_MIN prints without UB. */
	uint64_t mag = fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;
	int n = 0;

	*--t = '\0';
	do {
		*--t = (char)('0' + mag % 10);
		mag /= 10;
		if (++n == 2)
			*--t = '.';
	} while (mag || n < 3);
	if (fen < 0)
		*o++ = '-';
	memcpy(o, t, (size_t)(tmp + sizeof tmp - t));
	return buf;
}

int uk_money_add(int64_t a, int64_t b, int64_t *sum)
{
	/* INT64_MIN is refused as a result: its negation would overflow. */
	if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a <= INT64_MIN - b) ||
	    (b == 0 && a == INT64_MIN))
		return -1;
	if (sum)
		*sum = a + b;
	return 0;
}
