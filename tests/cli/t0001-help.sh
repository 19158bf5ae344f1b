#!/bin/sh
# Every tool answers --help and --version, and its --help names the same
# long options as its man page.
. "$(dirname "$0")/lib.sh"

for tool in $(cd "$UK_TOP/cmd" && ls *.c | sed "s/\.c$//"); do
	test_expect_success "$tool --help prints usage and exits 0" "
		$tool --help >out &&
		test_grep '^usage: $tool' out
	"
	test_expect_success "$tool --version names unionkit" "
		$tool --version >out &&
		test_grep '(unionkit)' out
	"
	test_expect_success "$tool rejects an unknown option with 64, in getopt's line and the hint" "
		test_expect_code 64 $tool --no-such-option 2>err &&
		test_grep \"$tool --help\" err &&
		test \$(wc -l <err) = 2
	"
	test_expect_success "$tool: an option without its argument is said once, with the hint" "
		test_expect_code 64 $tool --db 2>err &&
		test_grep \"^$tool: option '--db' requires an argument\" err &&
		test \$(wc -l <err) = 2
	"
	test_expect_success "$tool: an empty --db (an unset variable) is 64, not another register" "
		{ test -f union.db || union-config -q init; } &&
		test_expect_code 64 $tool -d '' 2>err &&
		test_grep \"^$tool: --db: the path is empty\" err
	"
	test_expect_success "$tool: --help and the man page name the same options" "
		$tool --help | grep -o -- '--[a-z][a-z-]*' | sort -u >help-opts &&
		grep -o 'Fl -[a-z][a-z-]*' \"\$UK_TOP/man/man1/$tool.1\" | sed 's/^Fl /-/' | sort -u >man-opts &&
		test_cmp help-opts man-opts
	"
done
test_done
