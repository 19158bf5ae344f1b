/* capture.h - catching what library code writes to stderr, for tests that
 * check messages. */
#ifndef UK_CAPTURE_H
#define UK_CAPTURE_H

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int cap_saved_fd = -1;
static FILE *cap_f;
static char cap_buf[8192];

__attribute__((unused)) static void cap_start(void)
{
	fflush(stderr);
	cap_f = tmpfile();
	cap_saved_fd = dup(2);
	dup2(fileno(cap_f), 2);
}

/* The text written to stderr since cap_start (a static buffer). */
__attribute__((unused)) static const char *cap_end(void)
{
	size_t n;
	fflush(stderr);
	dup2(cap_saved_fd, 2);
	close(cap_saved_fd);
	rewind(cap_f);
	n = fread(cap_buf, 1, sizeof cap_buf - 1, cap_f);
	cap_buf[n] = '\0';
	fclose(cap_f);
	return cap_buf;
}

/* The same without the final line ends. */
__attribute__((unused)) static const char *cap_end_trimmed(void)
{
	size_t n;
	cap_end();
	n = strlen(cap_buf);
	while (n > 0 && cap_buf[n - 1] == '\n')
		cap_buf[--n] = '\0';
	return cap_buf;
}
#endif
