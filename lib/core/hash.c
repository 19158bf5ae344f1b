/* hash.c - SHA-256 through nettle: a well-kept implementation rather
 * than one of our own. */
#include "uk_hash.h"

#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct uk_sha256 { struct sha256_ctx ctx; };

struct uk_sha256 *uk_sha256_new(void)
{
	struct uk_sha256 *h = malloc(sizeof *h);
	if (h)
		sha256_init(&h->ctx);
	return h;
}

void uk_sha256_add(struct uk_sha256 *h, const void *data, size_t n)
{
	sha256_update(&h->ctx, n, data);
}

void uk_sha256_field(struct uk_sha256 *h, const char *s)
{
	char len[24];
	size_t n, k = sizeof len;
	if (!s) {
		uk_sha256_add(h, "-\n", 2);
		return;
	}
	/* "LEN:" by hand: this runs for every field of every entry. */
	n = strlen(s);
	len[--k] = ':';
	do {
		len[--k] = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0);
	uk_sha256_add(h, len + k, sizeof len - k);
	uk_sha256_add(h, s, strlen(s));
	uk_sha256_add(h, "\n", 1);
}

void uk_sha256_hex(struct uk_sha256 *h, char out[UK_SHA256_HEX])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char digest[SHA256_DIGEST_SIZE];
	sha256_digest(&h->ctx, sizeof digest, digest);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 15];
	}
	out[64] = '\0';
	free(h);
}
