/* uk_i18n.h - the secretary's language: messages and help through GNU
 * gettext (domain "unionkit"), and the language of human output. */
#ifndef UK_I18N_H
#define UK_I18N_H

/* po/Makefile's extraction preprocesses the sources with UK_XGETTEXT so
 * that xgettext sees _() and N_() as written. */
#ifndef UK_XGETTEXT
#include <libintl.h>
#define _(s) gettext(s)
/* Marks a string for the catalogue where it is defined (a usage text); it
 * is translated where it is printed. */
#define N_(s) s
#endif

enum uk_lang { UK_LANG_EN, UK_LANG_ZH };

/* Takes the locale's language for messages and finds the catalogue: beside
 * the program (BIN/../share/locale, so a build tree and an installed tree
 * both work), else the configured locale directory. */
void uk_i18n_init(void);
/* "zh" or "en" (also zh_CN, zh-CN, 中文, english, C) into *lang; -1 when
 * s is none of them. */
int uk_lang_parse(const char *s, enum uk_lang *lang);
/* Messages from now on in lang, whatever the locale says (--lang). */
void uk_i18n_use(enum uk_lang lang);
/* The language the locale asks for (LC_MESSAGES). */
enum uk_lang uk_lang_of_locale(void);
#endif
