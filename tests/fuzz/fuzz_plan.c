/* fuzz_plan.c - the work plan's Markdown (and JSON) reader on any text.
 * What it accepts it writes in the canonical form, which reads back to the
 * same plan: the canonical form is a fixed point, and every item keeps
 * its written number (1 to UK_PLAN_ITEM_MAX, increasing within its group). */
#include "fuzz.h"
#include "uk_plans.h"

/* The canonical Markdown of p, newly allocated. */
static char *canonical(const struct uk_plan *p, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	FUZZ_ASSERT(f != NULL);
	FUZZ_ASSERT(uk_plan_write_md(p, f) == 0);
	FUZZ_ASSERT(fclose(f) == 0);
	return buf;
}

static void write_other_forms(const struct uk_plan *p)
{
	char *buf = NULL;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	FUZZ_ASSERT(f != NULL);
	FUZZ_ASSERT(uk_plan_write_json(p, f) == 0);
	FUZZ_ASSERT(uk_plan_write_html(p, f) == 0);
	fclose(f);
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Notes (a gap, a joined line) are not wanted on the fuzzer's stderr. */
	const struct uk_plan_read quiet = {2026, NULL, 1, NULL};
	struct uk_plan *p = NULL, *q = NULL;
	char *md1, *md2;
	size_t len1, len2;

	if (uk_plan_parse((const char *)data, size, "fuzz.md", &quiet, &p) != 0) {
		FUZZ_ASSERT(p == NULL);
		return 0;
	}
	md1 = canonical(p, &len1);
	write_other_forms(p);
	FUZZ_ASSERT(uk_plan_parse(md1, len1, "canonical.md", &quiet, &q) == 0);
	FUZZ_ASSERT(p->nitems == q->nitems && p->nsections == q->nsections);
	for (int i = 0; i < p->nitems; i++) {
		const struct uk_plan_item *a = &p->items[i];
		FUZZ_ASSERT(a->number >= 1 && a->number <= UK_PLAN_ITEM_MAX);
		FUZZ_ASSERT(a->group >= 0 && a->group < p->nsections);
		FUZZ_ASSERT(q->items[i].number == a->number && q->items[i].group == a->group);
	}
	md2 = canonical(q, &len2);
	FUZZ_ASSERT(len1 == len2 && memcmp(md1, md2, len1) == 0);
	free(md1);
	free(md2);
	uk_plan_free(p);
	uk_plan_free(q);
	return 0;
}
