/* vocab.c - a value read in either language (slug, Chinese name or a
 * customary alias) to its slug, and the slug's Chinese name back. */
#include "uk_vocab.h"
#include "uk_cli.h"
#include "uk_text.h"

#include <stdio.h>
#include <string.h>

/* s without the white space around it (ASCII and the full-width space),
 * compared with word. */
static int same_word(const char *s, const char *word, int any_case)
{
	size_t n;
	while (*s == ' ' || *s == '\t' || strncmp(s, "\xE3\x80\x80", 3) == 0)
		s += *s == ' ' || *s == '\t' ? 1 : 3;
	n = strlen(s);
	for (;;) {
		if (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		else if (n >= 3 && strncmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
			n -= 3;
		else
			break;
	}
	if (strlen(word) != n)
		return 0;
	if (!any_case)
		return strncmp(s, word, n) == 0;
	for (size_t i = 0; i < n; i++) {
		char a = s[i], b = word[i];
		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (b >= 'A' && b <= 'Z')
			b = (char)(b - 'A' + 'a');
		if (a != b)
			return 0;
	}
	return 1;
}

const char *uk_vocab_slug(const struct uk_vocab *v, const char *s)
{
	if (!s)
		return NULL;
	for (int i = 0; i < v->n; i++) {
		const struct uk_vocab_word *w = &v->words[i];
		if (same_word(s, w->slug, !v->slug_case) || (w->zh && same_word(s, w->zh, 0)))
			return w->slug;
		for (const char *const *a = w->aliases; a && *a; a++)
			if (same_word(s, *a, 1))
				return w->slug;
	}
	return NULL;
}

const char *uk_vocab_zh(const struct uk_vocab *v, const char *slug)
{
	for (int i = 0; slug && i < v->n; i++)
		if (strcmp(slug, v->words[i].slug) == 0)
			return v->words[i].zh ? v->words[i].zh : slug;
	return slug;
}

void uk_vocab_list(const struct uk_vocab *v, char *buf, size_t n)
{
	size_t k = 0;
	if (n)
		buf[0] = '\0';
	for (int i = 0; i < v->n && k < n; i++) {
		int w = snprintf(buf + k, n - k, "%s%s (%s)", i ? ", " : "", v->words[i].slug,
		                 v->words[i].zh ? v->words[i].zh : v->words[i].slug);
		if (w < 0)
			break;
		k += (size_t)w;
	}
	/* Cut short: never inside a character. */
	if (n && k >= n)
		buf[uk_utf8_fit(buf, n - 1)] = '\0';
}

int uk_vocab_read(const struct uk_vocab *v, const char *s, const char **slug, char *err, size_t errsz)
{
	char list[600], q[64];
	if ((*slug = uk_vocab_slug(v, s)) != NULL)
		return 0;
	uk_vocab_list(v, list, sizeof list);
	return uk_errf(err, errsz, "unknown %s '%s' (one of: %s)",
	               uk_lang_of_locale() == UK_LANG_ZH && v->what_zh ? v->what_zh : v->what,
	               uk_utf8_quote(s ? s : "", 40, q, sizeof q), list);
}
