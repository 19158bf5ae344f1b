/* fuzz_money.c - uk_money_parse on any text: it either refuses with a
 * reason or gives a value that formats and parses back to itself. */
#include "fuzz.h"
#include "uk_money.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	char buf[UK_MONEY_BUFSZ];
	const char *why = NULL;
	int64_t fen, again, sum;

	if (uk_money_parse(s, &fen, &why) == 0) {
		uk_money_format(fen, buf);
		FUZZ_ASSERT(strlen(buf) < UK_MONEY_BUFSZ);
		FUZZ_ASSERT(uk_money_parse(buf, &again, &why) == 0);
		FUZZ_ASSERT(again == fen);
		if (uk_money_add(fen, fen, &sum) == 0)
			FUZZ_ASSERT(sum - fen == fen);
	} else {
		FUZZ_ASSERT(why && why[0]);
	}
	free(s);
	return 0;
}
