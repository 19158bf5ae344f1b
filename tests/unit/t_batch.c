/* t_batch.c - the set of stored records an import has matched. */
#include "uk_batch.h"
#include "tap.h"

static void test_matched(void)
{
	struct uk_matched m = {5, NULL, 0, 0, 0};
	int grown = 1;
	ok(!uk_matched_has(&m, 3), "matched: empty set has nothing");
	is_int(uk_matched_add(&m, 3), 0, "matched: add 3");
	ok(uk_matched_has(&m, 3), "matched: has 3 once added");
	ok(!uk_matched_has(&m, 4), "matched: not 4");
	/* Past the first allocation: every id added is still there. */
	for (int64_t id = 100; id < 300; id++)
		if (uk_matched_add(&m, id) != 0)
			grown = 0;
	ok(grown, "matched: 200 more added");
	ok(uk_matched_has(&m, 3) && uk_matched_has(&m, 100) && uk_matched_has(&m, 299),
	   "matched: first, middle and last kept across growth");
	is_int((long long)m.n, 201, "matched: count");
	is_int(m.before, 5, "matched: before untouched");
	uk_matched_free(&m);
	is_int((long long)m.n, 0, "matched: freed set is empty");
	ok(!uk_matched_has(&m, 3), "matched: freed set has nothing");
}

int main(void)
{
	test_matched();
	return done_testing();
}
