/* t_vocab.c - a vocabulary read in either language: slug in any case,
 * Chinese name, aliases, white space around; the Chinese name back; the
 * refusal listing every value in both languages, cut on a character. */
#include "tap.h"
#include "uk_cli.h"
#include "uk_text.h"
#include "uk_vocab.h"
#include "uk_vocabs.h"
#include "uk_columns.h"
#include "uk_members.h"
#include "uk_activities.h"
#include "uk_disputes.h"

#include <locale.h>
#include <stdlib.h>

#include <string.h>

#define WORDS(...) ((const char *const[]){__VA_ARGS__, NULL})

static const struct uk_vocab_word words[] = {
	{"resolved", "调解成功", WORDS("成功", "Agreed")},
	{"failed", "调解不成", NULL},
	{"hours-leave", NULL, NULL},
};
static const struct uk_vocab v = {.what = "outcome", .what_zh = "结案方式", .words = words, .n = 3};

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

	/* The domain's vocabularies: each word (slug, name or alias) means one
	 * value of its vocabulary, each registered under its own name. */
	int nreg, clashes = 0, missing = 0;
	const struct uk_vocab_entry *reg = uk_vocab_registry(&nreg);
	is_int(nreg, UK_V_COUNT, "registry: every vocabulary listed");
	for (int i = 0; i < nreg; i++) {
		const struct uk_vocab *voc = uk_vocab_of(reg[i].id);
		if (uk_vocab_named(reg[i].name) != &reg[i] || reg[i].id != (enum uk_vocab_id)i)
			missing++;
		for (int j = 0; j < voc->n; j++) {
			const struct uk_vocab_word *w = &voc->words[j];
			if (!w->zh || strcmp(uk_vocab_slug(voc, w->slug), w->slug) ||
			    strcmp(uk_vocab_slug(voc, w->zh), w->slug))
				clashes++, fprintf(stderr, "# %s: %s or %s means another value\n", reg[i].name, w->slug,
				                w->zh ? w->zh : "(no Chinese name)");
			for (const char *const *a = w->aliases; a && *a; a++)
				if (strcmp(uk_vocab_slug(voc, *a), w->slug))
					clashes++, fprintf(stderr, "# %s: alias %s of %s means another value\n", reg[i].name, *a, w->slug);
		}
	}
	is_int(missing, 0, "registry: each found by its name, in enum order");
	is_int(clashes, 0, "registry: every value has a Chinese name, no word means two values");
	ok(uk_vocab_named("nosuch") == NULL, "registry: an unknown name is none");
	is_int(uk_vocab_of(UK_V_DISPUTE_CATEGORY)->n, UK_DISPUTE_NCATEGORIES, "dispute categories: as many as the stats count");
	is_int(uk_vocab_of(UK_V_OUTCOME)->n, UK_DISPUTE_NOUTCOMES, "outcomes: as many as the stats count");
	is_int(uk_vocab_of(UK_V_ACTIVITY_KIND)->n, UK_ACTIVITY_NKINDS, "activity kinds: as many as the metrics count");
	is_str(uk_vocab_slug_of(UK_V_ACCOUNT, "现金"), "cash", "account: 现金 is cash");
	is_str(uk_vocab_slug_of(UK_V_FUND, "工会经费"), "general", "fund: 工会经费 is general");
	is_str(uk_vocab_slug_of(UK_V_MEMBER_STATUS, "退休"), "retired", "status: 退休 is retired");
	is_str(uk_vocab_slug_of(UK_V_ACTIVITY_KIND, "文体活动"), "culture-sports", "kind: 文体活动 is culture-sports");
	is_str(uk_vocab_show(UK_V_GENDER, "female", 1), "女", "show: zh name under zh");
	is_str(uk_vocab_show(UK_V_GENDER, "female", 0), "female", "show: the slug under en");

	/* Output columns in Chinese: the importer's header, the values' names. */
	int nspec;
	const struct uk_colspec *spec = uk_member_colspec(&nspec);
	char buf[64];
	is_str(uk_column_zh(spec, nspec, "id_card"), "身份证号", "column: a member field headed as member-add reads it");
	is_str(uk_column_zh(spec, nspec, "unit"), "部门", "column: the first Chinese alias");
	is_str(uk_column_zh(NULL, 0, "balance"), "余额", "column: one no importer reads, named by the toolkit");
	is_str(uk_column_zh(NULL, 0, "nosuch"), "nosuch", "column: an unknown one keeps its name");
	is_str(uk_column_value_zh("status", "active", buf, sizeof buf), "在职", "value: a member's status");
	is_str(uk_column_value_zh("status", "mediating", buf, sizeof buf), "调解中", "value: a case's status in the same column name");
	is_str(uk_column_value_zh("roles", "chair,audit-committee", buf, sizeof buf), "主席、经审委员", "value: a list word by word");
	is_str(uk_column_value_zh("kind", "culture-sports", buf, sizeof buf), "文体活动", "value: an activity kind");
	ok(uk_column_value_zh("status", "nosuch", buf, sizeof buf) == NULL, "value: not a word: as it is");
	ok(uk_column_value_zh("name", "active", buf, sizeof buf) == NULL, "value: a column of no vocabulary: as it is");

	/* Under a Chinese locale the refusal names the field in Chinese. */
	setenv("LANGUAGE", "zh_CN", 1);
	if (setlocale(LC_MESSAGES, "zh_CN.UTF-8")) {
		uk_vocab_read(&v, "和解", &slug, err, sizeof err);
		ok(strstr(err, "结案方式") != NULL, "read: the field named in Chinese under zh (%s)", err);
	} else {
		ok(0, "no zh_CN.UTF-8 locale: run mk/deps.sh as root");
	}
	return done_testing();
}
