/* tmpfiles.h - temp files of given bytes for the reader's tests, removed
 * together at the end (tmp_remove_all). */
#ifndef UK_TMPFILES_H
#define UK_TMPFILES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmpnames[64][32];
static int ntmp;

/* Writes n raw bytes into a new temp file; returns its path. */
__attribute__((unused)) static const char *tmp_with(const char *bytes, size_t n)
{
	char *path;
	int fd;
	if (ntmp == (int)(sizeof tmpnames / sizeof tmpnames[0])) {
		printf("# too many temp files\n");
		exit(1);
	}
	path = tmpnames[ntmp++];
	strcpy(path, "/tmp/uk_unit.XXXXXX");
	fd = mkstemp(path);
	if (fd < 0 || (n && write(fd, bytes, n) != (ssize_t)n)) {
		printf("# cannot write temp file %s\n", path);
		exit(1);
	}
	close(fd);
	return path;
}
#define TMP(lit) tmp_with(lit, sizeof lit - 1)

__attribute__((unused)) static void tmp_remove_all(void)
{
	for (int i = 0; i < ntmp; i++)
		unlink(tmpnames[i]);
}

#endif
