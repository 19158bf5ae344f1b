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

/* "LEN:", the bytes, "\n" as one update: nettle copies short updates
 * into its block buffer, so one call a field rather than three. */
static void field(struct sha256_ctx *ctx, const char *s)
{
	char buf[256];
	size_t n, len, k = 24;
	if (!s) {
		sha256_update(ctx, 2, (const uint8_t *)"-\n");
		return;
	}
	/* "LEN:" by hand: this runs for every field of every entry. */
	n = len = strlen(s);
	buf[--k] = ':';
	do {
		buf[--k] = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0);
	if (len < sizeof buf - 25) {
		memcpy(buf + 24, s, len);
		buf[24 + len] = '\n';
		sha256_update(ctx, 24 - k + len + 1, (const uint8_t *)buf + k);
		return;
	}
	sha256_update(ctx, 24 - k, (const uint8_t *)buf + k);
	sha256_update(ctx, len, (const uint8_t *)s);
	sha256_update(ctx, 1, (const uint8_t *)"\n");
}

void uk_sha256_field(struct uk_sha256 *h, const char *s)
{
	field(&h->ctx, s);
}

static void hex_digest(struct sha256_ctx *ctx, char out[UK_SHA256_HEX])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char digest[SHA256_DIGEST_SIZE];
	sha256_digest(ctx, sizeof digest, digest);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 15];
	}
	out[64] = '\0';
}

void uk_sha256_hex(struct uk_sha256 *h, char out[UK_SHA256_HEX])
{
	hex_digest(&h->ctx, out);
	free(h);
}

void uk_sha256_fields(const char *const *fields, int n, const char *tail, char out[UK_SHA256_HEX])
{
	struct sha256_ctx ctx;
	sha256_init(&ctx);
	for (int i = 0; i < n; i++)
		field(&ctx, fields[i] && *fields[i] ? fields[i] : NULL);
	if (tail)
		field(&ctx, tail);
	hex_digest(&ctx, out);
}

void uk_sha256_fields_raw(const char *const *fields, int n, unsigned char *out, size_t outlen)
{
	struct sha256_ctx ctx;
	sha256_init(&ctx);
	for (int i = 0; i < n; i++)
		field(&ctx, fields[i] && *fields[i] ? fields[i] : NULL);
	sha256_digest(&ctx, outlen < SHA256_DIGEST_SIZE ? outlen : SHA256_DIGEST_SIZE, out);
}
