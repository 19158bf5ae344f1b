/* fuzz_date.c - dates and periods from any text: refused with a reason, or
 * a real date that formats, parses and counts days back to itself. */
#include "fuzz.h"
#include "uk_date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	char buf[UK_DATE_BUFSZ];
	const char *why = NULL;
	struct uk_date d, again;
	struct uk_period p;

	if (uk_date_parse(s, &d, &why) == 0) {
		FUZZ_ASSERT(uk_date_valid(d.y, d.m, d.d));
		uk_date_format(d, buf);
		FUZZ_ASSERT(uk_date_parse(buf, &again, &why) == 0);
		FUZZ_ASSERT(uk_date_cmp(d, again) == 0);
		again = uk_date_from_days(uk_date_to_days(d));
		FUZZ_ASSERT(uk_date_cmp(d, again) == 0);
	} else {
		FUZZ_ASSERT(why && why[0]);
	}
	if (uk_period_parse_year(s, &p, &why) == 0)
		FUZZ_ASSERT(uk_date_cmp(p.from, p.to) < 0 && p.from.y == p.to.y);
	if (uk_period_parse_month(s, &p, &why) == 0)
		FUZZ_ASSERT(uk_date_cmp(p.from, p.to) < 0 && p.from.m == p.to.m && p.from.d == 1);
	free(s);
	return 0;
}
