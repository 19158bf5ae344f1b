/* t_vocab.c - a vocabulary read in either language: slug in any case,
 * Chinese name, aliases, white space around; the Chinese name back; the
 * refusal listing every value in both languages, cut on a character. */
#include "tap.h"
#include "uk_cli.h"
#include "uk_text.h"
#include "uk_vocab.h"

#include <string.h>

#define WORDS(...) ((const char *const[]){__VA_ARGS__, NULL})

static const struct uk_vocab_word words[] = {
	{"resolved", "调解成功", WORDS("成功", "Agreed")},
	{"failed", "调解不成", NULL},
	{"hours-leave", NULL, NULL},
};
static const struct uk_vocab v = {"outcome", words, 3};

int main(void)
{
	char err[400], small[40];
	const char *slug = "x";

	uk_cli_init("t_vocab");
	is_str(uk_vocab_slug(&v, "resolved"), "resolved", "slug: itself");
	is_str(uk_vocab_slug(&v, "RESOLVED"), "resolved", "slug: any case");
	is_str(uk_vocab_slug(&v, "调解成功"), "resolved", "slug: the Chinese name");
	is_str(uk_vocab_slug(&v, "　调解不成 "), "failed", "slug: full-width and ASCII space around ignored");
	is_str(uk_vocab_slug(&v, "成功"), "resolved", "slug: an alias");
	is_str(uk_vocab_slug(&v, "agreed"), "resolved", "slug: an alias in any case");
	ok(uk_vocab_slug(&v, "调解") == NULL, "slug: a prefix is no word");
	ok(uk_vocab_slug(&v, "resolvedx") == NULL, "slug: nor a longer one");
	ok(uk_vocab_slug(&v, "") == NULL && uk_vocab_slug(&v, NULL) == NULL, "slug: empty and NULL are none");
	is_str(uk_vocab_zh(&v, "failed"), "调解不成", "zh: the Chinese name");
	is_str(uk_vocab_zh(&v, "hours-leave"), "hours-leave", "zh: the slug when it has none");
	is_str(uk_vocab_zh(&v, "nosuch"), "nosuch", "zh: the slug when it is not in the vocabulary");

	is_int(uk_vocab_read(&v, "调解不成", &slug, err, sizeof err), 0, "read: a known word");
	is_str(slug, "failed", "read: its slug");
	is_int(uk_vocab_read(&v, "和解", &slug, err, sizeof err), -1, "read: an unknown word refused");
	is_str(err, "unknown outcome '和解' (one of: resolved (调解成功), failed (调解不成), "
	            "hours-leave (hours-leave))", "read: every value listed in both languages");
	ok(slug == NULL, "read: no slug for an unknown word");
	uk_vocab_list(&v, small, sizeof small);
	ok(uk_utf8_is_valid(small, strlen(small)) && strlen(small) < sizeof small,
	   "list: cut short on a character (%s)", small);
	return done_testing();
}
