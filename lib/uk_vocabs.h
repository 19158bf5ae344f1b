/* uk_vocabs.h - every vocabulary of the domain in one place: the values a
 * field takes (slug, Chinese name, customary words; uk_vocab.h), and where
 * each is read, so that options, imports, table output, completion and the
 * man pages all take them from here and none is typed twice. */
#ifndef UK_VOCABS_H
#define UK_VOCABS_H

#include <stdio.h>
#include "uk_vocab.h"

enum uk_vocab_id {
	UK_V_GENDER, UK_V_MEMBER_STATUS, UK_V_HARDSHIP, UK_V_ROLE, UK_V_YESNO,
	UK_V_FUND, UK_V_ACCOUNT, UK_V_DIRECTION, UK_V_SYSTEM_CATEGORY,
	UK_V_DISPUTE_KIND, UK_V_DISPUTE_CATEGORY, UK_V_DISPUTE_SOURCE, UK_V_DISPUTE_STATUS,
	UK_V_OUTCOME, UK_V_DISPUTE_ACTION,
	UK_V_ACTIVITY_KIND, UK_V_PLAN_RESULT,
	UK_V_UNION_LEVEL, UK_V_DISCLOSURE_FREQUENCY,
	UK_V_CARE_KIND, UK_V_MUTUAL_AID_CATEGORY,
	UK_V_UNION_TYPE, UK_V_CONTRACT_KIND, UK_V_HARDSHIP_FUND,
	UK_V_COUNT
};

/* One vocabulary as the registry lists it. */
struct uk_vocab_entry {
	const char *name;   /* "outcome", "member-status": union-config vocab NAME */
	const char *uses;   /* "dispute-log:--outcome": the options (TOOL:--OPT) and
	                     * operands (TOOL:CMD:N) that read it, space-separated */
	enum uk_vocab_id id;         /* its words: uk_vocab_of(id) */
};

const struct uk_vocab *uk_vocab_of(enum uk_vocab_id id);
/* The registry, in the order of enum uk_vocab_id; *n its length. */
const struct uk_vocab_entry *uk_vocab_registry(int *n);
/* The vocabulary called name in the registry; NULL when none. */
const struct uk_vocab_entry *uk_vocab_named(const char *name);
/* The slug of value s in vocabulary id, or NULL (uk_vocab_slug). */
const char *uk_vocab_slug_of(enum uk_vocab_id id, const char *s);
/* Name of slug in lang's words: the Chinese name under zh, the slug under
 * en (uk_vocab_zh). */
const char *uk_vocab_show(enum uk_vocab_id id, const char *slug, int zh);
/* union-config vocab: without name, a line per vocabulary (NAME, Chinese
 * name, uses); with it, a line per value (slug, Chinese name, aliases
 * joined by ','), tab-separated. 0, or -1 when there is no such name. */
int uk_vocab_print(FILE *f, const char *name);
#endif
