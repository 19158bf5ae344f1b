/* uk_hash.h - SHA-256 (nettle) for the ledger's hash chain. */
#ifndef UK_HASH_H
#define UK_HASH_H

#include <stddef.h>

#define UK_SHA256_HEX 65  /* 64 hex digits + NUL */

struct uk_sha256;
/* An incremental hash: new, add any number of times, then hex (which
 * frees it). NULL on no memory. */
struct uk_sha256 *uk_sha256_new(void);
void uk_sha256_add(struct uk_sha256 *h, const void *data, size_t n);
/* Adds a field so that no two different field lists hash alike: its
 * length, a colon, the bytes, a newline. NULL is "-" alone. */
void uk_sha256_field(struct uk_sha256 *h, const char *s);
void uk_sha256_hex(struct uk_sha256 *h, char out[UK_SHA256_HEX]);
/* The hash of n fields added as uk_sha256_field adds them (NULL and ""
 * alike as NULL), then tail when not NULL, as hex: on the stack, for the
 * loops that hash a row at a time. */
void uk_sha256_fields(const char *const *fields, int n, const char *tail, char out[UK_SHA256_HEX]);
/* The same hash of n fields (no tail), its first outlen (<= 32) bytes. */
void uk_sha256_fields_raw(const char *const *fields, int n, unsigned char *out, size_t outlen);
#endif
