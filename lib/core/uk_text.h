/* uk_text.h - text: UTF-8 checks, GB18030 conversion, display width, folding. */
#ifndef UK_TEXT_H
#define UK_TEXT_H

#include <stddef.h>
#include <stdio.h>

/* Length of the longest prefix of s[0..len) that is valid UTF-8 (RFC 3629:
 * no overlongs, no surrogates, nothing above U+10FFFF). len when all valid. */
size_t uk_utf8_valid_prefix(const char *s, size_t len);
int uk_utf8_is_valid(const char *s, size_t len);
/* The bytes of s (UTF-8, NUL-terminated) that fit in max and end on a
 * character boundary: how a message quotes the start of a long text. */
size_t uk_utf8_fit(const char *s, size_t max);
/* A quote of s for a message: s itself when it fits in max bytes, else
 * its start cut on a character and "…" (buf holds max + 4 bytes). */
const char *uk_utf8_quote(const char *s, size_t max, char *buf, size_t bufsz);
/* Whether s holds a control character: C0 (tab, CR and LF allowed when
 * allow_newline), DEL, or C1 (U+0080..U+009F; U+009B is a CSI). Any of
 * them would drive a terminal from a stored text. */
int uk_text_has_control(const char *s, int allow_newline);
/* The reason given for a void: present, one line, at most 2000 bytes. 0,
 * or -1 with why in err. */
int uk_void_reason_check(const char *reason, char *err, size_t errsz);
/* Writes s as HTML text (and attribute values): < > & " escaped. */
void uk_html_escape(const char *s, FILE *f);
/* Chinese numerals 一 ... 九十九 (the numbers of an outline's sections):
 * value written into buf (as digits outside 1..99); and the longest
 * numeral at the start of s read into *value, its bytes in *len: 0, or -1
 * when s starts with none. */
void uk_cn_numeral_format(int value, char *buf, size_t n);
int uk_cn_numeral_parse(const char *s, int *value, size_t *len);

/* Input encodings. */
enum uk_encoding { UK_ENC_AUTO, UK_ENC_UTF8, UK_ENC_GB18030 };
/* Parses "utf-8", "utf8", "gb18030", "gbk", "gb2312", "auto" (any case).
 * Returns 0 and sets *out, or -1 when unknown. GBK and GB2312 are read as
 * GB18030, their superset. */
int uk_encoding_parse(const char *name, enum uk_encoding *out);
/* Guess from a sample at the start of a file: UTF-8 when the sample is valid
 * UTF-8 (a multi-byte sequence cut at the end of the sample is allowed),
 * else GB18030. */
enum uk_encoding uk_encoding_detect(const char *sample, size_t len);
/* In a sample detected as GB18030: the first line (1-based) that is valid
 * UTF-8 holding at least four 3-byte characters, which GB18030 text is
 * all but never by chance (under 1e-6 a line), with *gb_line the first
 * line that is not UTF-8; 0 when the sample is in one encoding. A file
 * saved in two encodings would otherwise be read as mojibake. Lines end at
 * LF or a CR alone, as the reader counts them; complete: the sample is the
 * whole file, so its last line is whole too. */
long uk_encoding_mixed_line(const char *sample, size_t len, int complete, long *gb_line);

/* A streaming GB18030 -> UTF-8 converter over iconv. */
struct uk_iconv;
struct uk_iconv *uk_iconv_open_gb18030(void);  /* NULL on failure (errno) */
/* Converts in[0..*inlen) appending to a growable buffer *out (capacity *cap,
 * used *outlen). A sequence cut at the end of in is left unconsumed: *inlen
 * is set to the number of bytes consumed. Returns 0, or -1 on an invalid
 * sequence, with *inlen the offset of the bad byte. */
int uk_iconv_convert(struct uk_iconv *cv, const char *in, size_t *inlen,
                     char **out, size_t *outlen, size_t *cap);
void uk_iconv_close(struct uk_iconv *cv);

/* Whole-string conversion: GB18030 s[0..len) -> newly allocated UTF-8, NUL
 * terminated. NULL on invalid input or no memory. */
char *uk_gb18030_to_utf8(const char *s, size_t len);

/* Display width in terminal columns of valid UTF-8 s (CJK wide = 2,
 * combining = 0, control characters counted as 1 since the table writer
 * replaces them). Invalid bytes count 1 each. */
size_t uk_display_width(const char *s);

/* Copy of s for a terminal: C0/C1 control characters and DEL (ESC above
 * all) are replaced by U+FFFD so that input data cannot drive the terminal.
 * Newline and tab become a space. Newly allocated. */
char *uk_text_for_terminal(const char *s);

/* In place: full-width ASCII forms U+FF01..U+FF5E -> ASCII, ideographic
 * space U+3000 -> space. Used for codes (IDs, phones, amounts, dates).
 * The string only shrinks. */
void uk_fold_fullwidth(char *s);
/* s itself when it holds nothing full-width, else its folded copy in buf;
 * NULL when the copy does not fit in n bytes. */
const char *uk_fold_fullwidth_copy(const char *s, char *buf, size_t n);

/* In place: drops the spaces (ASCII or U+3000) between two Han
 * characters, as HR pads a two-character name to three ("李　四" ->
 * "李四"); a space beside anything else (a Latin name) stays. */
void uk_close_han_spaces(char *s);

/* In place: strips leading and trailing white space (ASCII space, tab, CR,
 * LF, and U+3000, U+00A0). Returns s. */
char *uk_trim(char *s);

/* ASCII-case-insensitive equality. */
int uk_streq_ci(const char *a, const char *b);

/* strdup that aborts the program on out-of-memory is not used: callers check. */
#endif
