/* uk_money.h - money as int64 fen (1 yuan = 100 fen), parsed and printed exactly. */
#ifndef UK_MONEY_H
#define UK_MONEY_H

#include <stdint.h>
#include <stddef.h>

/* Longest text uk_money_format writes, NUL included. */
#define UK_MONEY_BUFSZ 32

/* Parses "1234.50", "1,234.5", "¥1234.5", "￥1234.5", "1234.5元", "-12.3",
 * "+5", ".5" after trimming. Full-width digits are expected folded by the
 * caller. More than two decimals, an empty number, a stray character,
 * misplaced thousands separators or a value beyond int64 fen is an error.
 * Returns 0 and sets *fen, or -1 and sets *why to a static reason. */
int uk_money_parse(const char *s, int64_t *fen, const char **why);

/* Writes fen as "-1234.50" (no separators, always two decimals) into buf
 * (at least UK_MONEY_BUFSZ bytes). Returns buf. */
char *uk_money_format(int64_t fen, char *buf);

/* Overflow-checked sum: 0 ok, -1 on overflow. */
int uk_money_add(int64_t a, int64_t b, int64_t *sum);
#endif
