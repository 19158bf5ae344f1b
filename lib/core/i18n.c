/* i18n.c - locale and catalogue for messages; the language of output. */
#include "uk_i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef UK_LOCALEDIR
#define UK_LOCALEDIR "/usr/local/share/locale"
#endif

static const char domain[] = "unionkit";

void uk_i18n_init(void)
{
	char exe[PATH_MAX], dir[PATH_MAX + 32];
	const char *where = UK_LOCALEDIR;
	ssize_t n;
	struct stat st;
	/* Only messages follow the locale, and the character set they are
	 * shown in (getopt's own messages are converted to it): numbers and
	 * collation stay C, so what is read and written never depends on it. */
	setlocale(LC_MESSAGES, "");
	setlocale(LC_CTYPE, "");
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		char *slash;
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			strcpy(dir, exe);
			strcat(dir, "/../share/locale");
			if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
				where = dir;
		}
	}
	bindtextdomain(domain, where);
	/* Messages are UTF-8 like everything the tools write. */
	bind_textdomain_codeset(domain, "UTF-8");
	textdomain(domain);
}

int uk_lang_parse(const char *s, enum uk_lang *lang)
{
	static const char *const zh[] = {"zh", "zh_CN", "zh-CN", "zh_CN.UTF-8", "中文", NULL};
	static const char *const en[] = {"en", "en_US", "en-US", "C", "english", "英文", NULL};
	for (int i = 0; zh[i]; i++)
		if (strcasecmp(s, zh[i]) == 0)
			return *lang = UK_LANG_ZH, 0;
	for (int i = 0; en[i]; i++)
		if (strcasecmp(s, en[i]) == 0)
			return *lang = UK_LANG_EN, 0;
	return -1;
}

void uk_i18n_use(enum uk_lang lang)
{
	if (lang == UK_LANG_EN) {
		setlocale(LC_MESSAGES, "C");
		return;
	}
	if (uk_lang_of_locale() == UK_LANG_ZH)
		return;
	/* Without a zh_CN locale on the machine, LANGUAGE still picks the
	 * catalogue under any locale but plain C. */
	if (!setlocale(LC_MESSAGES, "zh_CN.UTF-8")) {
		setlocale(LC_MESSAGES, "C.UTF-8");
		setenv("LANGUAGE", "zh_CN", 1);
	}
	setlocale(LC_CTYPE, "C.UTF-8");
}

enum uk_lang uk_lang_of_locale(void)
{
	const char *m = setlocale(LC_MESSAGES, NULL);
	const char *language = getenv("LANGUAGE");
	if (m && strncmp(m, "zh", 2) == 0)
		return UK_LANG_ZH;
	/* LANGUAGE counts, as for gettext, when the locale is not plain C. */
	if (m && strcmp(m, "C") != 0 && strcmp(m, "POSIX") != 0 && language &&
	    strncmp(language, "zh", 2) == 0)
		return UK_LANG_ZH;
	return UK_LANG_EN;
}
