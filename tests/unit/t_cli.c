/* t_cli.c - unit tests of the command table in lib/core/cli.c: finding a
 * tool's command among its options, and refusing an option the command
 * does not take. */
#include <string.h>

#include "uk_cli.h"
#include "tap.h"
#include "capture.h"

enum { OPT_REASON = UK_OPT_TOOL, OPT_FUND };

static const struct option longopts[] = {
	UK_LONGOPTS_COMMON, UK_LONGOPTS_WRITE,
	{"reason", required_argument, 0, OPT_REASON}, {"fund", required_argument, 0, OPT_FUND},
	{0, 0, 0, 0},
};

static const int add_opts[] = {OPT_FUND, OPT_REASON, UK_OPT_DRY_RUN, 'f', 0};
static const int verify_opts[] = {0};
static const struct uk_subcmd table[] = {
	{"add", "usage: tool add AMOUNT [--fund F]\n", add_opts, NULL},
	{"verify", "usage: tool verify\n", verify_opts, NULL},
	{NULL, NULL, NULL, NULL},
};

static const char *name_of(int argc, const char **argv)
{
	return uk_subcmd_name(argc, (char **)argv, longopts, UK_SHORTOPTS_COMMON);
}

static void test_name(void)
{
	const char *a1[] = {"tool", "add", "5"};
	const char *a2[] = {"tool", "-d", "x.db", "--fund", "general", "add"};
	const char *a3[] = {"tool", "--fund=general", "-dx.db", "-q", "verify"};
	const char *a4[] = {"tool", "--fu", "add", "verify"};  /* a prefix takes a value too */
	const char *a5[] = {"tool", "-q", "--", "add"};
	const char *a6[] = {"tool", "-q", "--dry-run"};
	const char *a7[] = {"tool", "-", "add"};

	is_str(name_of(3, a1), "add", "name: the first word");
	is_str(name_of(6, a2), "add", "name: option values skipped, short and long");
	is_str(name_of(5, a3), "verify", "name: values held in the option's own word");
	is_str(name_of(4, a4), "verify", "name: an abbreviated long option takes its value");
	is_str(name_of(4, a5), "add", "name: after --");
	ok(name_of(3, a6) == NULL, "name: none when there are only options");
	is_str(name_of(3, a7), "-", "name: - is an operand");
}

static void test_find_and_names(void)
{
	char buf[64];
	ok(uk_subcmd_find(table, "verify") == &table[1], "find: by name");
	ok(uk_subcmd_find(table, "ver") == NULL, "find: no prefixes");
	ok(uk_subcmd_find(table, NULL) == NULL, "find: no name");
	uk_subcmd_names(table, buf, sizeof buf);
	is_str(buf, "add, verify", "names: listed");
	uk_subcmd_names(table, buf, 6);
	ok(strlen(buf) < 6, "names: a short buffer stays terminated (%s)", buf);
}

static void test_check(void)
{
	struct uk_optseen seen = {0};
	const char *msg;
	int rc;

	uk_optseen_add(&seen, 'q');
	uk_optseen_add(&seen, 'd');
	uk_optseen_add(&seen, OPT_FUND);
	uk_optseen_add(&seen, OPT_FUND);
	is_int(seen.n, 3, "seen: an option given twice is noted once");
	is_int(uk_subcmd_check(&table[0], &seen, longopts), 0, "check: add takes --fund, -d and -q");

	cap_start();
	rc = uk_subcmd_check(&table[1], &seen, longopts);
	msg = cap_end();
	is_int(rc, UK_EX_USAGE, "check: verify does not take --fund: 64");
	ok(strstr(msg, "verify does not take --fund") != NULL, "check: the option named (%s)", msg);
	ok(strstr(msg, "Try 't_cli verify --help'") != NULL, "check: the command's own help named");

	seen = (struct uk_optseen){0};
	uk_optseen_add(&seen, 'f');
	is_int(uk_subcmd_check(&table[0], &seen, longopts), 0, "check: -f listed by its letter");
	cap_start();
	rc = uk_subcmd_check(&table[1], &seen, longopts);
	msg = cap_end();
	is_int(rc, UK_EX_USAGE, "check: -f refused where it is not listed");
	ok(strstr(msg, "does not take --format") != NULL, "check: named by its long name (%s)", msg);
}

int main(void)
{
	uk_cli_init("t_cli");
	test_name();
	test_find_and_names();
	test_check();
	return done_testing();
}
