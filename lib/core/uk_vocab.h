/* uk_vocab.h - a vocabulary: the values one field takes, each a stable
 * English slug (what the database, scripts and CSV headers use) with its
 * Chinese name and the other words people write for it. One table per
 * vocabulary, read by every input and output of that field. */
#ifndef UK_VOCAB_H
#define UK_VOCAB_H

#include <stddef.h>

struct uk_vocab_word {
	const char *slug;                /* "resolved" */
	const char *zh;                  /* "调解成功" */
	const char *const *aliases;      /* other words, NULL-terminated; NULL: none */
};
struct uk_vocab {
	const char *what;                /* "outcome": how a message names the field */
	const char *what_zh;             /* "结案方式": how a Chinese message names it */
	const struct uk_vocab_word *words;
	int n;
	int slug_case;                   /* a slug only as written (activity kinds:
	                                  * Training is no kind); else any case */
};

/* The slug s names: the slug (any case), the Chinese name or an alias,
 * white space around it ignored; NULL when none. */
const char *uk_vocab_slug(const struct uk_vocab *v, const char *s);
/* The Chinese name of slug; slug itself when the vocabulary has no such
 * slug. */
const char *uk_vocab_zh(const struct uk_vocab *v, const char *slug);
/* Reads s into *slug: 0, or -1 with "unknown WHAT 'S' (one of: slug
 * (中文), …)" in err, the field named in the language of messages. */
int uk_vocab_read(const struct uk_vocab *v, const char *s, const char **slug, char *err, size_t errsz);
/* "resolved (调解成功), failed (调解不成), …" into buf. */
void uk_vocab_list(const struct uk_vocab *v, char *buf, size_t n);
#endif
