/* fuzz.h - what the libFuzzer targets share: the input as a C string, as a
 * file on disk for the readers that take a path, and a failed property as a
 * crash the fuzzer records. */
#ifndef UK_FUZZ_H
#define UK_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A property of the code under test does not hold: abort, so libFuzzer
 * keeps the input that shows it. */
#define FUZZ_ASSERT(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond); \
		abort(); \
	} \
} while (0)

/* The input as a NUL-terminated string (cut at its first NUL, as a C
 * caller would see it). Caller frees. */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* Writes the input to one scratch file per process (the readers take a
 * path) and returns its path. In memory (/dev/shm) where there is one; the
 * old file is removed rather than truncated, since ext4 flushes a file
 * truncated and written again when it is closed. */
static char fuzz_path[64];
static void fuzz_file_remove(void) { unlink(fuzz_path); }
static inline const char *fuzz_file(const uint8_t *data, size_t size)
{
	const char *path = fuzz_path;
	FILE *f;
	if (!fuzz_path[0]) {
		snprintf(fuzz_path, sizeof fuzz_path, "%s/uk-fuzz-%ld.in",
		         access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp", (long)getpid());
		atexit(fuzz_file_remove);
	}
	unlink(path);
	f = fopen(path, "wb");
	if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
		abort();
	return path;
}
#endif
