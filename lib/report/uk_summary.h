/* uk_summary.h - the year's work summary as prose: a template's
 * placeholders filled with the figures of a year report (a union's own or
 * a federation's merge), blocks kept or left out by their figure. */
#ifndef UK_SUMMARY_H
#define UK_SUMMARY_H

#include <stdio.h>

typedef struct json_t json_t;

/* The wording installed with the tools (share/year-summary.md), built in. */
extern const char uk_summary_default[];

/* Checks template text (NUL-terminated) named name in messages: every tag
 * closed, every placeholder known, every block closed by its own name. 0,
 * or 65 said with name and line. */
int uk_summary_check(const char *text, const char *name);
/* Whether name is a placeholder the summary knows (not an item's field). */
int uk_summary_knows(const char *name);
/* The prose of report r through a checked template: Markdown, in *out
 * (malloc'd; the caller frees). Paragraphs "1、" and headings "## 一、" are
 * numbered anew, so a block left out leaves no gap. 0, or 70. */
int uk_summary_expand(json_t *r, const char *text, char **out);
/* The prose as HTML: headings ("## " h2, "### " h3), one paragraph a
 * line, every character escaped. */
void uk_summary_html(const char *md, FILE *f);
#endif
