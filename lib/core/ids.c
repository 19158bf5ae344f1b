/* ids.c - citizen ID numbers (GB 11643-1999), unified social credit codes
 * (GB 32100-2015), gender words and masking of personal data. */
#include "uk_ids.h"
#include "uk_vocab.h"
#include "uk_i18n.h"
#include "uk_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

char uk_id_check_char(const char *first17)
{
	static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	static const char map[] = "10X98765432";
	int i, sum = 0;

	for (i = 0; i < 17; i++) {
		if (!is_digit(first17[i]))
			return 0;
		sum += (first17[i] - '0') * w[i];
	}
	return map[sum % 11];
}

/* Excel's rendering of a long number: "1.10105E+17", "1.10105e17". */
static int excel_scientific(const char *s)
{
	const char *p = s;
	if (!is_digit(*p))
		return 0;
	while (is_digit(*p))
		p++;
	if (*p++ != '.' || !is_digit(*p))
		return 0;
	while (is_digit(*p))
		p++;
	if (*p != 'E' && *p != 'e')
		return 0;
	p++;
	if (*p == '+')
		p++;
	if (!is_digit(*p))
		return 0;
	while (is_digit(*p))
		p++;
	return *p == '\0';
}

static int num2(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

enum uk_id_status uk_id_check(const char *s, struct uk_date today, char canon[19],
                              struct uk_date *birth, enum uk_gender *gender)
{
	struct uk_date b;
	char check, last;
	int i;

	if (!s)
		return UK_ID_BAD_LENGTH;
	if (excel_scientific(s))
		return UK_ID_EXCEL_SCIENTIFIC;
	if (strlen(s) != 18)
		return UK_ID_BAD_LENGTH;
	for (i = 0; i < 17; i++)
		if (!is_digit(s[i]))
			return UK_ID_BAD_CHAR;
	last = s[17] == 'x' ? 'X' : s[17];
	if (!is_digit(last) && last != 'X')
		return UK_ID_BAD_CHAR;
	check = uk_id_check_char(s);
	/* Excel keeps 15 significant digits: the tail becomes "000", which
	 * almost never carries the right check digit. */
	if (last != check && memcmp(s + 15, "000", 3) == 0)
		return UK_ID_EXCEL_TRUNCATED;
	b.y = num2(s + 6) * 100 + num2(s + 8);
	b.m = num2(s + 10);
	b.d = num2(s + 12);
	if (!uk_date_valid(b.y, b.m, b.d))
		return UK_ID_BAD_DATE;
	if (uk_date_cmp(b, today) > 0)
		return UK_ID_FUTURE_DATE;
	if (last != check)
		return UK_ID_BAD_CHECK;
	if (canon) {
		memcpy(canon, s, 17);
		canon[17] = last;
		canon[18] = '\0';
	}
	if (birth)
		*birth = b;
	if (gender)
		*gender = (s[16] - '0') % 2 ? UK_GENDER_MALE : UK_GENDER_FEMALE;
	return UK_ID_OK;
}

const char *uk_id_status_text(enum uk_id_status st)
{
	switch (st) {
	case UK_ID_OK: return "ok";  /* never said: no message names a good number */
	case UK_ID_BAD_LENGTH: return _("not 18 characters");
	case UK_ID_BAD_CHAR: return _("bad character");
	case UK_ID_BAD_DATE: return _("no such birth date");
	case UK_ID_FUTURE_DATE: return _("birth date in the future");
	case UK_ID_BAD_CHECK: return _("bad check digit");
	case UK_ID_EXCEL_SCIENTIFIC: return _("turned into a number by Excel (scientific notation)");
	case UK_ID_EXCEL_TRUNCATED: return _("cut to 15 digits by Excel");
	}
	return _("unknown status");
}

/* GB 32100 alphabet: value = index (no I, O, S, V, Z). */
static const char uscc_alpha[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static int uscc_value(char c)
{
	const char *p;
	if (c == '\0' || !(p = strchr(uscc_alpha, c)))
		return -1;
	return (int)(p - uscc_alpha);
}

char uk_uscc_check_char(const char *first17)
{
	static const int w[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
	int i, v, sum = 0, c;

	for (i = 0; i < 17; i++) {
		if ((v = uscc_value(first17[i])) < 0)
			return 0;
		sum += v * w[i];
	}
	c = 31 - sum % 31;
	return uscc_alpha[c == 31 ? 0 : c];
}

int uk_uscc_canon(const char *s, char canon[UK_USCC_BUFSZ])
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s", s ? s : "");
	uk_fold_fullwidth(uk_trim(buf));
	snprintf(canon, UK_USCC_BUFSZ, "%.*s", UK_USCC_BUFSZ - 1, buf);
	for (char *p = canon; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	return strlen(buf) >= UK_USCC_BUFSZ ? -1 : uk_uscc_check(canon);
}

int uk_uscc_check(const char *s)
{
	int i;
	if (!s || strlen(s) != 18)
		return -1;
	for (i = 0; i < 18; i++)
		if (uscc_value(s[i]) < 0)
			return -1;
	/* Early pilot-region codes fail the check yet are real: a warning. */
	return uk_uscc_check_char(s) == s[17] ? 0 : 1;
}

/* Length of the UTF-8 character at s (at most n bytes); a malformed byte
 * counts as one character so masking never splits or overruns. */
static size_t u8len(const unsigned char *s, size_t n)
{
	size_t len, i;
	if (s[0] < 0x80)
		len = 1;
	else if ((s[0] & 0xE0) == 0xC0)
		len = 2;
	else if ((s[0] & 0xF0) == 0xE0)
		len = 3;
	else if ((s[0] & 0xF8) == 0xF0)
		len = 4;
	else
		return 1;
	if (len > n)
		return 1;
	for (i = 1; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 1;
	return len;
}

static size_t u8count(const char *s)
{
	size_t n = strlen(s), i = 0, count = 0;
	while (i < n) {
		i += u8len((const unsigned char *)s + i, n - i);
		count++;
	}
	return count;
}

/* Copies s keeping its first `head` and last `tail` characters, each other
 * character becoming one '*'. */
static char *mask_chars(const char *s, size_t head, size_t tail)
{
	size_t n, chars, i = 0, k = 0, o = 0, cl;
	char *out;

	if (!s)
		return NULL;
	n = strlen(s);
	chars = u8count(s);
	if (head + tail > chars)
		head = chars, tail = 0;
	/* Never longer than s: '*' replaces at least one byte. */
	if (!(out = malloc(n + 1)))
		return NULL;
	while (i < n) {
		cl = u8len((const unsigned char *)s + i, n - i);
		if (k < head || k >= chars - tail) {
			memcpy(out + o, s + i, cl);
			o += cl;
		} else {
			out[o++] = '*';
		}
		i += cl;
		k++;
	}
	out[o] = '\0';
	return out;
}

char *uk_mask_id(const char *id)
{
	size_t n;
	if (!id)
		return NULL;
	n = u8count(id);
	if (n == 18)
		return mask_chars(id, 6, 4);
	return mask_chars(id, n / 4, n / 4);
}

char *uk_mask_phone(const char *phone)
{
	size_t n;
	if (!phone)
		return NULL;
	n = u8count(phone);
	/* Too short for 3 + 4 to hide anything: fall back to the ID rule. */
	if (n < 8)
		return mask_chars(phone, n / 4, n / 4);
	return mask_chars(phone, 3, 4);
}

char *uk_mask_name(const char *name)
{
	size_t n;
	if (!name)
		return NULL;
	n = u8count(name);
	if (n <= 1)  /* a one-character name would be shown whole */
		return mask_chars(name, 0, 0);
	if (n == 2)
		return mask_chars(name, 1, 0);
	return mask_chars(name, 1, 1);
}

static const struct uk_vocab_word gender_words[] = {
	{"male", "男", (const char *const[]){"m", "男性", NULL}},
	{"female", "女", (const char *const[]){"f", "女性", NULL}},
};
static const struct uk_vocab genders = {.what = "gender", .what_zh = "性别", .words = gender_words, .n = 2};

const struct uk_vocab *uk_gender_vocab(void) { return &genders; }

int uk_gender_parse(const char *s, enum uk_gender *out)
{
	const char *slug = uk_vocab_slug(&genders, s);
	if (!slug)
		return -1;
	if (out)
		*out = strcmp(slug, "male") == 0 ? UK_GENDER_MALE : UK_GENDER_FEMALE;
	return 0;
}

const char *uk_gender_name(enum uk_gender g)
{
	switch (g) {
	case UK_GENDER_MALE: return "male";
	case UK_GENDER_FEMALE: return "female";
	case UK_GENDER_UNKNOWN: break;
	}
	return "";
}
