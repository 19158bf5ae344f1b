/* uk_ids.h - citizen ID numbers (GB 11643-1999), organisation codes
 * (GB 32100-2015), and masking of personal data for public documents. */
#ifndef UK_IDS_H
#define UK_IDS_H

#include <stddef.h>
#include "uk_date.h"

enum uk_gender { UK_GENDER_UNKNOWN = 0, UK_GENDER_MALE = 1, UK_GENDER_FEMALE = 2 };

/* Result of checking a citizen ID number. */
enum uk_id_status {
	UK_ID_OK = 0,
	UK_ID_BAD_LENGTH,       /* not 18 characters */
	UK_ID_BAD_CHAR,         /* not 17 digits + digit or X */
	UK_ID_BAD_DATE,         /* birth date does not exist */
	UK_ID_FUTURE_DATE,      /* birth date after today */
	UK_ID_BAD_CHECK,        /* check character wrong */
	UK_ID_EXCEL_SCIENTIFIC, /* "1.10105E+17": Excel turned it into a number */
	UK_ID_EXCEL_TRUNCATED   /* 18 digits ending in 000 with a bad check: Excel cut it to 15 digits */
};

/* Checks s (already trimmed and folded). On UK_ID_OK, canon (19 bytes)
 * receives the upper-cased form, and *birth / *gender the encoded facts
 * (either may be NULL). today is the limit for the birth date. */
enum uk_id_status uk_id_check(const char *s, struct uk_date today, char canon[19],
                              struct uk_date *birth, enum uk_gender *gender);
/* Static English text for a status: "bad check digit", ... */
const char *uk_id_status_text(enum uk_id_status st);
/* The check character ('0'..'9' or 'X') for 17 digits. */
char uk_id_check_char(const char *first17);

/* GB 32100 unified social credit code: 0 when valid, 1 when the characters
 * are allowed but the check character is wrong (a warning: early pilot
 * codes), -1 when malformed (length or characters). */
int uk_uscc_check(const char *s);
char uk_uscc_check_char(const char *first17);  /* 0 when a character is not allowed */
/* A code as typed (full-width, spaces around it, lower case) into its
 * canonical form in canon, then uk_uscc_check's answer; -1 too for input
 * that cannot be a code (longer than canon holds). */
#define UK_USCC_BUFSZ 32
int uk_uscc_canon(const char *s, char canon[UK_USCC_BUFSZ]);

/* Masks, newly allocated. ID: first 6 and last 4 kept, the rest '*'
 * (an ID of another length keeps its first and last quarter). Phone: first 3
 * and last 4 kept. Name: one character -> itself; two -> first + "*";
 * three or more -> first + "*" x (n-2) + last (by characters, not bytes). */
char *uk_mask_id(const char *id);
char *uk_mask_phone(const char *phone);
char *uk_mask_name(const char *name);

/* Gender words: "男"/"女"/"M"/"F"/"male"/"female" (any case). -1 if unknown. */
int uk_gender_parse(const char *s, enum uk_gender *out);
/* The genders as a vocabulary: male (男), female (女), m, f … */
struct uk_vocab;
const struct uk_vocab *uk_gender_vocab(void);
const char *uk_gender_name(enum uk_gender g); /* "male", "female", "" */
#endif
