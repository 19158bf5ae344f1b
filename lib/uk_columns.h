/* uk_columns.h - output columns in the secretary's words: a column's
 * Chinese header (the one its importer reads back) and its values' Chinese
 * names, for table output under a Chinese locale and for --lang zh. */
#ifndef UK_COLUMNS_H
#define UK_COLUMNS_H

#include <stddef.h>
#include "uk_cli.h"
#include "uk_rec.h"

/* The Chinese header of column col: the first Chinese alias spec (the
 * importer's columns, may be NULL) gives it, else the toolkit's own word
 * for it; col itself when there is none. */
const char *uk_column_zh(const struct uk_colspec *spec, int nspec, const char *col);
/* The Chinese for value val of column col (在职 for status active; a list
 * of roles word by word, into buf); NULL when val is no vocabulary word. */
const char *uk_column_value_zh(const char *col, const char *val, char *buf, size_t n);
/* Whose importer's headers a listing takes under zh. The funds (fund ls)
 * and the classes (categories): a Chinese table leaves out the name or
 * alias scripts type, which the title or Chinese name beside it says. */
enum uk_columns_of { UK_COLS_OWN, UK_COLS_MEMBERS, UK_COLS_LEDGER, UK_COLS_DUES,
                     UK_COLS_DISPUTES, UK_COLS_ACTIVITIES, UK_COLS_FUNDS, UK_COLS_CATEGORIES,
                     UK_COLS_UNIONS };
/* uk_cli_writer, in the language of the output (uk_output_lang): under zh,
 * Chinese headers (those the importer of `of` reads) and values. 0, or 70
 * said. */
int uk_words_writer(const struct uk_opts *o, const struct uk_outcol *cols, int ncols,
                    enum uk_columns_of of, struct uk_writer **w);
#endif
