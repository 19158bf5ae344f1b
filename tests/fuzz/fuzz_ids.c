/* fuzz_ids.c - citizen ID numbers, unified social credit codes, gender
 * words and the masks of public documents, on any text. */
#include "fuzz.h"
#include "uk_ids.h"

static void check_mask(char *(*mask)(const char *), const char *s)
{
	char *m = mask(s);
	if (m) {
		/* A mask never makes the text longer than the input's characters
		 * written as '*' could (4 bytes each at most). */
		FUZZ_ASSERT(strlen(m) <= 4 * strlen(s) + 4);
		free(m);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	struct uk_date today = { 2026, 11, 25 }, birth;
	enum uk_gender g;
	char canon[19];
	int rc;

	if (uk_id_check(s, today, canon, &birth, &g) == UK_ID_OK) {
		FUZZ_ASSERT(strlen(canon) == 18);
		FUZZ_ASSERT(uk_id_check_char(canon) == canon[17]);
		FUZZ_ASSERT(uk_date_valid(birth.y, birth.m, birth.d));
		FUZZ_ASSERT(g == UK_GENDER_MALE || g == UK_GENDER_FEMALE);
		char *m = uk_mask_id(canon);
		FUZZ_ASSERT(m && strlen(m) == 18 && memcmp(m + 6, "********", 8) == 0);
		free(m);
	}
	rc = uk_uscc_check(s);
	FUZZ_ASSERT(rc >= -1 && rc <= 1);
	if (rc >= 0) {
		FUZZ_ASSERT(strlen(s) == 18);
		FUZZ_ASSERT((uk_uscc_check_char(s) == s[17]) == (rc == 0));
	}
	if (uk_gender_parse(s, &g) == 0)
		FUZZ_ASSERT(uk_gender_name(g)[0] != '\0');
	check_mask(uk_mask_id, s);
	check_mask(uk_mask_phone, s);
	check_mask(uk_mask_name, s);
	free(s);
	return 0;
}
