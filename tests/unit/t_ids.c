/* t_ids.c - unit tests for ids.c: GB 11643 IDs, GB 32100 codes, masks. */
#include <stdlib.h>

#include "uk_ids.h"
#include "tap.h"

static const struct uk_date today = { 2026, 6, 15 };

static enum uk_id_status chk(const char *s)
{
	return uk_id_check(s, today, NULL, NULL, NULL);
}

/* 17 digits plus their right check character, in a static buffer. */
static const char *with_check(const char *first17)
{
	static char buf[19];
	memcpy(buf, first17, 17);
	buf[17] = uk_id_check_char(first17);
	buf[18] = '\0';
	return buf;
}

/* Compares a newly allocated mask with want, then frees it. */
static int mask_is(char *got, const char *want)
{
	int same = got && strcmp(got, want) == 0;
	if (!same)
		printf("#   got '%s', want '%s'\n", got ? got : "(null)", want);
	free(got);
	return same;
}

int main(void)
{
	char canon[19];
	struct uk_date b;
	enum uk_gender g;

	/* Valid IDs and what they encode. */
	is_int(uk_id_check("11010519491231002X", today, canon, &b, &g), UK_ID_OK, "valid with X");
	is_str(canon, "11010519491231002X", "canon");
	ok(b.y == 1949 && b.m == 12 && b.d == 31, "birth date decoded");
	is_int(g, UK_GENDER_FEMALE, "even sequence digit is female");
	is_int(uk_id_check("440524188001010014", today, canon, &b, &g), UK_ID_OK, "valid, born 1880");
	is_int(g, UK_GENDER_MALE, "odd sequence digit is male");
	is_int(b.y, 1880, "birth year before 1900");
	is_int(chk("34052419800101001X"), UK_ID_OK, "third example valid");
	is_int(uk_id_check("11010519491231002x", today, canon, NULL, NULL), UK_ID_OK, "lower-case x accepted");
	is_str(canon, "11010519491231002X", "canon upper-cased");
	is_int(uk_id_check_char("11010519491231002"), 'X', "check char X");
	is_int(uk_id_check_char("44052418800101001"), '4', "check char digit");
	is_int(uk_id_check_char("4405241880010100A"), 0, "check char of a non-digit is 0");

	/* Each failure. */
	is_int(chk("310108198403300083"), UK_ID_BAD_CHECK, "wrong check (should be X)");
	is_int(chk("1.10105E+17"), UK_ID_EXCEL_SCIENTIFIC, "Excel scientific");
	is_int(chk("1.10105e17"), UK_ID_EXCEL_SCIENTIFIC, "Excel scientific, lower e, no plus");
	is_int(chk("4.40524E+17"), UK_ID_EXCEL_SCIENTIFIC, "Excel scientific, other");
	is_int(chk("1.E+17"), UK_ID_BAD_LENGTH, "no digits after the point is no Excel form");
	is_int(chk("440524188001010000"), UK_ID_EXCEL_TRUNCATED, "Excel cut to 15 digits");
	is_int(chk("11010519491231002"), UK_ID_BAD_LENGTH, "17 characters");
	is_int(chk("110105194912310020X"), UK_ID_BAD_LENGTH, "19 characters");
	is_int(chk("110105491231002"), UK_ID_BAD_LENGTH, "old 15-digit number");
	is_int(chk(""), UK_ID_BAD_LENGTH, "empty");
	is_int(chk(NULL), UK_ID_BAD_LENGTH, "NULL");
	is_int(chk("1101051949123100XX"), UK_ID_BAD_CHAR, "X not last");
	is_int(chk("11010519491231002Y"), UK_ID_BAD_CHAR, "bad last character");
	is_int(chk("11010519491231 02X"), UK_ID_BAD_CHAR, "inner space");
	is_int(chk(with_check("11010519490230002")), UK_ID_BAD_DATE, "February 30 with a right check");
	is_int(chk("110105194902300020"), UK_ID_BAD_DATE, "bad date comes before bad check");
	is_int(chk(with_check("11010519491331002")), UK_ID_BAD_DATE, "month 13");
	is_int(chk(with_check("11010500000101002")), UK_ID_BAD_DATE, "year 0");
	is_int(chk(with_check("11010520260616002")), UK_ID_FUTURE_DATE, "born tomorrow");
	is_int(chk(with_check("11010520260615002")), UK_ID_OK, "born today");
	is_int(chk(with_check("11010519000229002")), UK_ID_BAD_DATE, "1900-02-29 does not exist");
	is_int(chk(with_check("11010520000229002")), UK_ID_OK, "2000-02-29 exists");
	memcpy(canon, "untouched", 10);
	uk_id_check("310108198403300083", today, canon, NULL, NULL);
	is_str(canon, "untouched", "canon untouched on failure");
	is_str(uk_id_status_text(UK_ID_BAD_CHECK), "bad check digit", "status text");
	ok(*uk_id_status_text(UK_ID_EXCEL_TRUNCATED) != '\0', "every status has a text");

	/* GB 32100 codes. */
	is_int(uk_uscc_check("91350200776049653A"), 0, "USCC valid, letter check");
	is_int(uk_uscc_check("913502000728319549"), 0, "USCC valid, digit check");
	is_int(uk_uscc_check("91440101MA5CJQ4N59"), 0, "USCC valid with letters");
	is_int(uk_uscc_check("123502001549897397"), 0, "USCC valid, public institution");
	is_int(uk_uscc_check("91350203M0001QAY9B"), 1, "USCC pilot code: warning");
	is_int(uk_uscc_check("91350200776049653"), -1, "USCC 17 characters");
	is_int(uk_uscc_check("91350200776049653AA"), -1, "USCC 19 characters");
	is_int(uk_uscc_check("91350200776O49653A"), -1, "USCC letter O not allowed");
	is_int(uk_uscc_check("91350200776049653I"), -1, "USCC letter I not allowed");
	is_int(uk_uscc_check("91440101ma5cjq4n59"), -1, "USCC lower case refused");
	is_int(uk_uscc_check(NULL), -1, "USCC NULL");
	is_int(uk_uscc_check_char("91350200776049653"), 'A', "USCC check char");
	is_int(uk_uscc_check_char("9135020077604965S"), 0, "USCC check char of S is 0");

	/* Masks. */
	ok(mask_is(uk_mask_id("11010519491231002X"), "110105********002X"), "mask ID");
	ok(mask_is(uk_mask_id("12345678"), "12****78"), "mask other length: quarters");
	ok(mask_is(uk_mask_id(""), ""), "mask empty ID");
	ok(mask_is(uk_mask_phone("13812345678"), "138****5678"), "mask phone");
	ok(mask_is(uk_mask_phone("1234"), "1**4"), "mask short phone still hides");
	ok(mask_is(uk_mask_name("\xE5\xBC\xA0\xE4\xB8\x89\xE6\x98\x8E"), "\xE5\xBC\xA0*\xE6\x98\x8E"),
	   "mask three-character name");
	ok(mask_is(uk_mask_name("\xE6\x9D\x8E\xE5\x9B\x9B"), "\xE6\x9D\x8E*"), "mask two-character name");
	ok(mask_is(uk_mask_name("\xE6\xAC\xA7\xE9\x98\xB3\xE5\xB0\x8F\xE6\x98\x8E"),
	           "\xE6\xAC\xA7**\xE6\x98\x8E"), "mask four-character name");
	ok(mask_is(uk_mask_name("\xE7\x8E\x8B"), "*"), "one-character name hidden");
	ok(mask_is(uk_mask_name(""), ""), "empty name");
	ok(mask_is(uk_mask_name("Tom"), "T*m"), "ASCII name");
	ok(mask_is(uk_mask_name("\xE5\xBC\xA0\xE4\xB8"), "\xE5\xBC\xA0*\xB8"), "cut UTF-8: a byte per character, no overrun");
	ok(uk_mask_name(NULL) == NULL && uk_mask_id(NULL) == NULL && uk_mask_phone(NULL) == NULL,
	   "NULL masks to NULL");

	/* Gender words. */
	g = UK_GENDER_UNKNOWN;
	ok(uk_gender_parse("\xE7\x94\xB7", &g) == 0 && g == UK_GENDER_MALE, "男");
	ok(uk_gender_parse("\xE5\xA5\xB3", &g) == 0 && g == UK_GENDER_FEMALE, "女");
	ok(uk_gender_parse("M", &g) == 0 && g == UK_GENDER_MALE, "M");
	ok(uk_gender_parse("f", &g) == 0 && g == UK_GENDER_FEMALE, "f");
	ok(uk_gender_parse("Male", &g) == 0 && g == UK_GENDER_MALE, "Male");
	ok(uk_gender_parse("FEMALE", &g) == 0 && g == UK_GENDER_FEMALE, "FEMALE");
	g = UK_GENDER_MALE;
	ok(uk_gender_parse("fem", &g) == -1 && g == UK_GENDER_MALE, "prefix refused, output untouched");
	ok(uk_gender_parse("", &g) == -1, "empty refused");
	ok(uk_gender_parse("x", &g) == -1, "unknown letter refused");
	ok(uk_gender_parse(NULL, &g) == -1, "NULL refused");
	is_str(uk_gender_name(UK_GENDER_MALE), "male", "name male");
	is_str(uk_gender_name(UK_GENDER_FEMALE), "female", "name female");
	is_str(uk_gender_name(UK_GENDER_UNKNOWN), "", "name unknown");

	return done_testing();
}
