/* t_hash.c - unit tests for the SHA-256 of the ledger's hash chain
 * (lib/core/uk_hash.h): the NIST vectors through new/add/hex, adding in pieces,
 * and the framing of uk_sha256_field (LEN:bytes\n, NULL as "-\n"). */
#include <stdlib.h>

#include "uk_hash.h"
#include "tap.h"

/* Digests are returned in a ring of static buffers, so that a few can be
 * compared in one expression. */
static char *next_buf(void)
{
	static char ring[4][UK_SHA256_HEX];
	static int i;
	i = (i + 1) % 4;
	return ring[i];
}

/* The hex digest of the n bytes of s, added in one piece. */
static const char *sha_of(const char *s, size_t n)
{
	char *out = next_buf();
	struct uk_sha256 *h = uk_sha256_new();
	if (!h)
		return "(no memory)";
	uk_sha256_add(h, s, n);
	uk_sha256_hex(h, out);
	return out;
}

static const char *sha_str(const char *s)
{
	return sha_of(s, strlen(s));
}

/* The hex digest of up to three fields (stops at the first END). */
static const char *const END = "\x01end";
static const char *sha_fields(const char *a, const char *b, const char *c)
{
	char *out = next_buf();
	const char *f[3] = {a, b, c};
	struct uk_sha256 *h = uk_sha256_new();
	if (!h)
		return "(no memory)";
	for (int i = 0; i < 3 && f[i] != END; i++)
		uk_sha256_field(h, f[i]);
	uk_sha256_hex(h, out);
	return out;
}

/* Whether two digests differ (else says what they share). */
static int differ(const char *a, const char *b, const char *what)
{
	if (a == b || strcmp(a, b) == 0) {
		printf("#   %s: both %s\n", what, a);
		return 0;
	}
	return 1;
}

static void test_vectors(void)
{
	static const char nist448[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	char want[UK_SHA256_HEX];
	struct uk_sha256 *h;

	is_str(sha_str(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
	       "SHA-256 of the empty string");
	is_str(sha_str("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
	       "SHA-256 of 'abc'");
	is_int(strlen(nist448) * 8, 448, "the NIST message is 448 bits");
	is_str(sha_str(nist448), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
	       "SHA-256 of the 448-bit NIST vector");
	is_int(strlen(sha_str("abc")), 64, "hex digest is 64 characters");

	/* Incremental: the same bytes in pieces, and empty adds, hash alike. */
	snprintf(want, sizeof want, "%s", sha_str(nist448));
	h = uk_sha256_new();
	ok(h != NULL, "uk_sha256_new");
	if (h) {
		char out[UK_SHA256_HEX];
		uk_sha256_add(h, nist448, 0);
		uk_sha256_add(h, nist448, 5);
		uk_sha256_add(h, nist448 + 5, 0);
		uk_sha256_add(h, nist448 + 5, 30);
		uk_sha256_add(h, nist448 + 35, strlen(nist448) - 35);
		uk_sha256_hex(h, out);
		is_str(out, want, "448-bit vector added in pieces");
	}
	/* Bytes after a NUL count: add takes a length, not a string. */
	ok(differ(sha_of("ab\0c", 4), sha_str("ab"), "NUL inside"), "add hashes bytes past a NUL");
	is_str(sha_of("abc", 2), "fb8e20fc2e4c3f248c60c39bd652f3c1347298bb977b8b4d5903b85055620603",
	       "add of 2 bytes hashes 'ab' only");
}

static void test_fields(void)
{
	/* Framing as documented: "LEN:" bytes "\n"; NULL is "-\n". */
	is_str(sha_fields("abc", END, END), sha_str("3:abc\n"), "field 'abc' is '3:abc\\n'");
	is_str(sha_fields("", END, END), sha_str("0:\n"), "field '' is '0:\\n'");
	is_str(sha_fields(NULL, END, END), sha_str("-\n"), "field NULL is '-\\n'");
	is_str(sha_fields("-", END, END), sha_str("1:-\n"), "field '-' is '1:-\\n'");
	is_str(sha_fields("会费", END, END), sha_str("6:会费\n"), "field length in bytes (UTF-8)");
	is_str(sha_fields("0123456789ab", END, END), sha_str("12:0123456789ab\n"), "two-digit length");
	{
		char big[1001];
		char framed[1010];
		memset(big, 'x', 1000);
		big[1000] = '\0';
		snprintf(framed, sizeof framed, "1000:%s\n", big);
		is_str(sha_fields(big, END, END), sha_str(framed), "four-digit length (1000)");
	}
	is_str(sha_fields("ab", "c", END), sha_str("2:ab\n1:c\n"), "fields ('ab','c') framed in order");
	is_str(sha_fields(NULL, "", "x"), sha_str("-\n0:\n1:x\n"), "fields (NULL,'','x') framed in order");

	/* No two different field lists hash alike. */
	ok(differ(sha_fields("ab", "c", END), sha_fields("a", "bc", END), "ab|c vs a|bc"),
	   "fields ('ab','c') and ('a','bc') differ");
	ok(differ(sha_fields("abc", END, END), sha_fields("ab", "c", END), "abc vs ab|c"),
	   "fields ('abc') and ('ab','c') differ");
	ok(differ(sha_fields(NULL, END, END), sha_fields("", END, END), "NULL vs ''"),
	   "field NULL and field '' differ");
	ok(differ(sha_fields(NULL, END, END), sha_fields("-", END, END), "NULL vs '-'"),
	   "field NULL and field '-' differ");
	ok(differ(sha_fields("", END, END), sha_fields("-", END, END), "'' vs '-'"),
	   "field '' and field '-' differ");
	ok(differ(sha_fields("", "", END), sha_fields("", END, END), "two empty vs one"),
	   "two empty fields and one differ");
	ok(differ(sha_fields("a\n1:b", END, END), sha_fields("a", "b", END), "embedded framing"),
	   "a field holding a frame differs from two fields");
	ok(differ(sha_fields("abc", END, END), sha_str("abc"), "field vs raw"),
	   "a field is not the raw bytes");
}

int main(void)
{
	test_vectors();
	test_fields();
	return done_testing();
}
