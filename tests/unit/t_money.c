/* t_money.c - unit tests for money.c: exact fen parsing, printing, sums. */
#include "uk_money.h"
#include "tap.h"

/* Parses s expecting success; returns the fen or a sentinel on failure. */
static int64_t fen_of(const char *s)
{
	int64_t v = 0;
	const char *why = NULL;
	if (uk_money_parse(s, &v, &why) != 0) {
		printf("# '%s': %s\n", s, why ? why : "(no reason)");
		return -424242;
	}
	return v;
}

/* Parses s expecting failure; returns the reason ("" if it parsed). */
static const char *why_of(const char *s)
{
	int64_t v = 777;
	const char *why = NULL;
	if (uk_money_parse(s, &v, &why) == 0)
		return "";
	if (v != 777)
		return "output written on error";
	return why;
}

static const char *fmt(int64_t fen)
{
	static char buf[UK_MONEY_BUFSZ];
	return uk_money_format(fen, buf);
}

int main(void)
{
	int64_t s = 0;

	/* Accepted forms. */
	is_int(fen_of("1234.50"), 123450, "plain with two decimals");
	is_int(fen_of("\xEF\xBC\x91\xEF\xBC\x8C\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94\xEF\xBC\x8E"
	              "\xEF\xBC\x95"), 123450, "full-width digits, comma and point");
	is_int(fen_of("\xEF\xBF\xA5\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x90\xE5\x85\x83"), 10000,
	       "full-width yen sign and digits, with yuan");
	is_str(why_of("\xEF\xBC\x91\xEF\xBC\x8E\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94"),
	       "more than two decimals", "full-width digits checked as the same amount");
	is_int(fen_of("1234.5"), 123450, "one decimal");
	is_int(fen_of("1234"), 123400, "integer");
	is_int(fen_of("0"), 0, "zero");
	is_int(fen_of("-0"), 0, "negative zero is zero");
	is_int(fen_of("0.05"), 5, "five fen");
	is_int(fen_of(".5"), 50, "leading decimal point");
	is_int(fen_of("-.05"), -5, "negative leading decimal point");
	is_int(fen_of("1,234.5"), 123450, "thousands separator");
	is_int(fen_of("1,234,567.89"), 123456789, "two separators");
	is_int(fen_of("123,456"), 12345600, "full first group");
	is_int(fen_of("-12.3"), -1230, "negative");
	is_int(fen_of("+5"), 500, "explicit plus");
	is_int(fen_of("\xC2\xA5" "1234.5"), 123450, "half-width yen sign");
	is_int(fen_of("\xEF\xBF\xA5" "1234.5"), 123450, "full-width yen sign");
	is_int(fen_of("1234.5\xE5\x85\x83"), 123450, "trailing yuan");
	is_int(fen_of("\xC2\xA5" "1,234.50\xE5\x85\x83"), 123450, "yen, separator and yuan");
	is_int(fen_of("-\xC2\xA5" "5"), -500, "sign before yen");
	is_int(fen_of("\xC2\xA5" "-5"), -500, "sign after yen");
	is_int(fen_of("  42.10 \t"), 4210, "ASCII blanks trimmed");
	is_int(fen_of("100 \xE5\x85\x83"), 10000, "space before yuan");
	is_int(fen_of("007.00"), 700, "leading zeros");
	is_int(fen_of("92233720368547758.07"), INT64_MAX, "largest value");
	is_int(fen_of("-92233720368547758.07"), -INT64_MAX, "most negative value is -INT64_MAX");

	/* Refused forms: never rounded, never guessed. */
	is_str(why_of("1.234"), "more than two decimals", "three decimals refused, not rounded");
	is_str(why_of("0.001"), "more than two decimals", "tiny fraction refused");
	is_str(why_of("1."), "no digits after the decimal point", "trailing point");
	is_str(why_of(""), "empty", "empty string");
	is_str(why_of("   "), "empty", "blanks only");
	is_str(why_of("abc"), "not a number", "letters");
	is_str(why_of("12a"), "not a number", "stray character");
	is_str(why_of("."), "not a number", "point alone");
	is_str(why_of("-"), "not a number", "sign alone");
	is_str(why_of("\xC2\xA5"), "not a number", "yen sign alone");
	is_str(why_of("--5"), "not a number", "double sign");
	is_str(why_of("-\xC2\xA5-5"), "not a number", "sign on both sides of yen");
	is_str(why_of("1.2.3"), "not a number", "two points");
	is_str(why_of("1e5"), "not a number", "exponent");
	is_str(why_of("5\xE5\x85\x83\xE5\x85\x83"), "not a number", "yuan twice");
	is_str(why_of("12,34"), "misplaced thousands separator", "short group");
	is_str(why_of("1,2345"), "misplaced thousands separator", "long group");
	is_str(why_of("1234,567"), "misplaced thousands separator", "long first group");
	is_str(why_of(",123"), "misplaced thousands separator", "leading separator");
	is_str(why_of("1,,234"), "misplaced thousands separator", "double separator");
	is_str(why_of("1,234,"), "misplaced thousands separator", "trailing separator");
	is_str(why_of("1,234.5,6"), "not a number", "separator in the decimals");
	is_str(why_of("92233720368547758.08"), "too large", "one fen beyond int64");
	is_str(why_of("-92233720368547758.08"), "too large", "INT64_MIN never produced");
	is_str(why_of("99999999999999999999999999"), "too large", "far beyond int64");
	is_str(why_of("99999999999999999999999999.999"), "more than two decimals",
	       "syntax reported before size");
	ok(uk_money_parse(NULL, &s, NULL) == -1, "NULL input and NULL why");
	ok(uk_money_parse("12.34", NULL, NULL) == 0, "NULL output accepted");

	/* Formatting. */
	is_str(fmt(123450), "1234.50", "format two decimals");
	is_str(fmt(-123450), "-1234.50", "format negative");
	is_str(fmt(5), "0.05", "format fen only");
	is_str(fmt(-5), "-0.05", "format negative fen only");
	is_str(fmt(50), "0.50", "format tenth");
	is_str(fmt(0), "0.00", "format zero");
	is_str(fmt(100), "1.00", "format one yuan");
	is_str(fmt(INT64_MAX), "92233720368547758.07", "format INT64_MAX");
	is_str(fmt(INT64_MIN), "-92233720368547758.08", "format INT64_MIN without UB");
	{
		/* Round trip across the edges. */
		static const int64_t v[] = { 0, 1, -1, 99, 100, -101, 123456789, INT64_MAX, -INT64_MAX };
		size_t i;
		int all = 1;
		char buf[UK_MONEY_BUFSZ];
		for (i = 0; i < sizeof v / sizeof v[0]; i++) {
			int64_t back = 0;
			if (uk_money_parse(uk_money_format(v[i], buf), &back, NULL) != 0 || back != v[i])
				all = 0;
		}
		ok(all, "format then parse is the identity");
	}

	/* Overflow-checked sums. */
	ok(uk_money_add(1, 2, &s) == 0 && s == 3, "small sum");
	ok(uk_money_add(-5, 3, &s) == 0 && s == -2, "mixed signs");
	ok(uk_money_add(INT64_MAX, 0, &s) == 0 && s == INT64_MAX, "max plus zero");
	ok(uk_money_add(INT64_MAX - 1, 1, &s) == 0 && s == INT64_MAX, "up to max");
	s = 99;
	ok(uk_money_add(INT64_MAX, 1, &s) == -1 && s == 99, "overflow refused, sum untouched");
	ok(uk_money_add(-INT64_MAX, -1, &s) == -1, "INT64_MIN as a sum refused");
	ok(uk_money_add(-INT64_MAX, -2, &s) == -1, "negative overflow refused");
	ok(uk_money_add(INT64_MIN, 0, &s) == -1, "INT64_MIN operand plus zero refused");
	ok(uk_money_add(-INT64_MAX, 0, &s) == 0 && s == -INT64_MAX, "-INT64_MAX allowed");
	ok(uk_money_add(INT64_MAX, -INT64_MAX, &s) == 0 && s == 0, "extremes cancel");

	return done_testing();
}
