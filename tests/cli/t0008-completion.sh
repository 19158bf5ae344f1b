#!/bin/sh
# completions/unionkit.bash: bash completion of every tool, driven as bash
# drives it (COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT, then the
# function `complete -p TOOL` names). Subcommands and options come from the
# tools' --help, each read once a shell; vocabulary values, slug and Chinese
# name, from union-config vocab. No database is needed, nothing goes to
# stderr, and bash-completion is not needed either.
UK_NO_INIT=1
. "$(dirname "$0")/lib.sh"

SCRIPT=$UK_TOP/completions/unionkit.bash

# drive.bash, sourced by bash: complete_line LINE prints what completing
# LINE (the cursor at its end) offers, one a line. LINE is cut into words as
# bash cuts it for completion: at blanks, and at = and : (COMP_WORDBREAKS).
# A command without a completion gets the default one (complete -D, as
# bash-completion sets to load a command's file), as bash does. Sourced
# with the argument noscript, the script is not sourced first.
cat >drive.bash <<\EOF
if [ "${1-}" != noscript ]; then
	. "$UK_TOP/completions/unionkit.bash" || exit 1
fi
complete_line() {
	local line=$1 p spec fn ifs=$IFS
	local -a parts words=()
	local IFS=$' \t\n'
	read -ra parts <<<"$line"
	for p in "${parts[@]}"; do
		while [[ $p =~ ^([^=:]*)([=:]+)(.*)$ ]]; do
			[[ ${BASH_REMATCH[1]} ]] && words+=("${BASH_REMATCH[1]}")
			words+=("${BASH_REMATCH[2]}")
			p=${BASH_REMATCH[3]}
		done
		[[ $p ]] && words+=("$p")
	done
	[[ $line == *' ' ]] && words+=("")
	COMP_WORDS=("${words[@]}")
	COMP_CWORD=$((${#words[@]} - 1))
	COMP_LINE=$line
	COMP_POINT=${#line}
	if ! spec=$(complete -p "${words[0]##*/}" 2>/dev/null); then
		spec=$(complete -p -D) || return 1
		fn=${spec#*-F }
		fn=${fn%% *}
		"$fn" "${words[0]}" "" "" || [ $? = 124 ] || return 1
		spec=$(complete -p "${words[0]##*/}") || return 1
	fi
	fn=${spec#*-F }
	fn=${fn%% *}
	COMPREPLY=()
	IFS=$ifs
	"$fn" "${words[0]}" "${words[COMP_CWORD]}" "${words[COMP_CWORD - 1]}" || return 1
	IFS=$' \t\n'
	((${#COMPREPLY[@]} == 0)) || printf '%s\n' "${COMPREPLY[@]}"
}
EOF

# comp LINE...: the completions of each LINE in one shell, sorted (of all
# lines together); fails when bash says anything on stderr.
comp() {
	bash --norc --noprofile -c '
		. "$1" || exit 1
		shift
		for line; do complete_line "$line" || exit 1; done
	' comp "$TRASH/drive.bash" "$@" >"$TRASH/comp.raw" 2>"$TRASH/comp.err" ||
		{ cat "$TRASH/comp.err" >&2; return 1; }
	test_must_be_empty "$TRASH/comp.err" &&
	LC_ALL=C sort "$TRASH/comp.raw"
}

test_expect_success 'every tool has a completion registered, a function the script defines' '
	for tool in $(cd "$UK_TOP/cmd" && ls *.c | sed "s/\.c\$//"); do
		bash --norc --noprofile -c ". \"\$1\" && spec=\$(complete -p \"\$2\") &&
			fn=\${spec#*-F } && fn=\${fn%% *} && test \"\$(type -t \"\$fn\")\" = function &&
			test \"\${spec##* }\" = \"\$2\"" sh "$SCRIPT" "$tool" 2>err ||
			{ echo "no completion for $tool" >&2; return 1; }
		test_must_be_empty err || return 1
	done
'

test_expect_success 'the subcommands of fund-ledger and dispute-log, from their help' '
	comp "fund-ledger " >actual &&
	cat >expect <<-\EOF &&
	add
	balance
	categories
	dues
	export
	fund
	import
	ls
	opening
	transfer
	verify
	void
	EOF
	test_cmp expect actual &&
	comp "dispute-log " >actual &&
	cat >expect <<-\EOF &&
	close
	import
	ls
	open
	show
	stats
	update
	void
	EOF
	test_cmp expect actual &&
	test "$(comp "fund-ledger t")" = transfer &&
	test "$(comp "dispute-log -q c")" = close &&
	test "$(comp "fund-ledger fund ")" = "$(printf "add\nls")"
'

test_expect_success 'dispute-log close: its own options, not those of the other subcommands' '
	comp "dispute-log close 2026-0001 --" >actual &&
	for o in --outcome --recovered --date --note --allow-future --dry-run --db --help; do
		grep -qx -- "$o" actual || { echo "no $o" >&2; cat actual >&2; return 1; }
	done &&
	for o in --received --employer --summary --reason --status --reopen --voided --collective --kind; do
		! grep -qx -- "$o" actual || { echo "$o offered" >&2; return 1; }
	done &&
	test "$(comp "dispute-log close 2026-0001 --re")" = --recovered &&
	test "$(comp "dispute-log update 2026-0001 --re")" = --reopen &&
	test "$(comp "dispute-log void 2026-0001 --re")" = --reason &&
	test "$(comp "dispute-log open --re")" = --received
'

test_expect_success '--outcome: slugs and Chinese names, by an English or a Chinese prefix' '
	comp "dispute-log close 2026-0001 --outcome 调" >actual &&
	printf "调解不成\n调解成功\n" >expect &&
	test_cmp expect actual &&
	comp "dispute-log close 2026-0001 --outcome re" >actual &&
	printf "referred\nresolved\n" >expect &&
	test_cmp expect actual &&
	comp "dispute-log close 2026-0001 --outcome=re" >actual &&
	test_cmp expect actual &&
	comp "dispute-log close 2026-0001 --outcome " >actual &&
	cat >expect <<-\EOF &&
	failed
	referred
	resolved
	withdrawn
	撤回
	移送
	调解不成
	调解成功
	EOF
	test_cmp expect actual
'

test_expect_success 'a Chinese prefix in the C locale and in zh_CN.UTF-8 too' '
	printf "调解不成\n调解成功\n" >expect &&
	LC_ALL=C && export LC_ALL &&
	comp "dispute-log close 2026-0001 --outcome 调" >actual &&
	test_cmp expect actual &&
	if locale -a 2>/dev/null | grep -qi "^zh_CN\.utf-\?8\$"; then
		LC_ALL=zh_CN.UTF-8 &&
		comp "dispute-log close 2026-0001 --outcome 调" >actual &&
		test_cmp expect actual
	fi
'

test_expect_success 'the other words of a value only when nothing else matches' '
	test "$(comp "dispute-log close 2026-0001 --outcome 移")" = 移送 &&
	test "$(comp "dispute-log close 2026-0001 --outcome 成")" = 成功
'

test_expect_success 'activity-log add: the second operand is a kind, in either language' '
	comp "activity-log add 2026-03-01 " >actual &&
	for k in congress 职代会 culture-sports 文体活动 legal 普法 other 其他; do
		grep -qx "$k" actual || { echo "no $k" >&2; return 1; }
	done &&
	test "$(wc -l <actual)" = 24 &&
	test "$(comp "activity-log add 2026-03-01 文")" = 文体活动 &&
	test "$(comp "activity-log add 2026-03-01 cu")" = culture-sports &&
	test "$(comp "activity-log add --note x --participants 3 2026-03-01 文")" = 文体活动 &&
	comp "activity-log add " "activity-log add 2026-03-01 study " >actual &&
	test_must_be_empty actual &&
	test "$(comp "activity-log ls --kind 文")" = 文体活动
'

test_expect_success '--lang: zh and en' '
	printf "en\nzh\n" >expect &&
	comp "report-month --month 2026-03 --lang " >actual &&
	test_cmp expect actual &&
	comp "report-year --year 2026 --lang=" >actual &&
	test_cmp expect actual
'

test_expect_success '-f and --format: the formats the help lists; --encoding' '
	comp "dispute-log ls -f " >actual &&
	printf "csv\njson\nndjson\ntable\n" >expect &&
	test_cmp expect actual &&
	comp "fund-ledger export -f " >actual &&
	printf "csv\njson\nledger\nndjson\n" >expect &&
	test_cmp expect actual &&
	comp "report-month --format=" >actual &&
	printf "csv\nhtml\njson\nmd\ntable\n" >expect &&
	test_cmp expect actual &&
	comp "member-add --encoding " >actual &&
	printf "auto\ngb18030\nutf-8\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'values an option lists, and an =-joined one' '
	printf "account\ncategory\nfund\nmonth\n" >expect &&
	comp "fund-ledger balance --by " >actual &&
	test_cmp expect actual &&
	test "$(comp "member-ls --hardship=de")" = deep &&
	test "$(comp "member-set --hardship 深")" = 深度困难 &&
	test "$(comp "dispute-log update 2026-0001 --status 调")" = 调解中 &&
	test "$(comp "union-config --unset disputes.l")" = disputes.limit_days &&
	test "$(comp "union-config v")" = vocab &&
	comp "fund-ledger add 2026-03-01 100 x --fund " >actual &&
	printf "general\nhardship\nmutual-aid\n工会经费\n帮困基金\n职工医疗互助\n" >expect &&
	test_cmp expect actual &&
	test "$(comp "member-add --gender 女")" = 女
'

test_expect_success 'file names where the help says FILE' '
	mkdir files &&
	cd files &&
	: >a.csv && : >b.json && mkdir sub &&
	printf "a.csv\nb.json\nsub\n" >../expect &&
	comp "fund-ledger import " >../actual &&
	test_cmp ../expect ../actual &&
	test "$(comp "dispute-log import --skip-bad a")" = a.csv &&
	test "$(comp "member-add --rejects b")" = b.json &&
	test "$(comp "report-year --merge a.csv b")" = b.json &&
	comp "fund-ledger verify " >../actual &&
	! grep -q a.csv ../actual
'

test_expect_success 'each help and the vocabularies read once a shell' '
	mkdir wrap &&
	for t in dispute-log union-config; do
		real=$(command -v $t) &&
		printf "#!/bin/sh\necho \"%s \$*\" >>\"%s\"\nexec \"%s\" \"\$@\"\n" \
			$t "$TRASH/calls" "$real" >wrap/$t &&
		chmod +x wrap/$t || return 1
	done &&
	PATH=$TRASH/wrap:$PATH &&
	comp "dispute-log " "dispute-log close 2026-0001 --" \
		"dispute-log close 2026-0001 --outcome r" "dispute-log close 2026-0001 --outcome 调" \
		"dispute-log ls --status " >actual &&
	LC_ALL=C sort calls >calls.sorted &&
	cat >expect <<-\EOF &&
	dispute-log --help
	dispute-log close --help
	dispute-log ls --help
	union-config vocab
	union-config vocab dispute-status
	union-config vocab outcome
	EOF
	test_cmp expect calls.sorted
'

test_expect_success 'no database needed nor made; a missing tool offers nothing' '
	UNIONKIT_DB=$TRASH/none/union.db &&
	comp "dispute-log close 2026-0001 --outcome 调" "fund-ledger " "union-config " >actual &&
	test_grep 调解成功 actual &&
	no_db_files "$UNIONKIT_DB" "$TRASH/union.db" &&
	PATH=/usr/bin:/bin &&
	comp "dispute-log close 2026-0001 --outcome 调" "fund-ledger " >actual &&
	test_must_be_empty actual
'

test_expect_success 'quiet in a shell with set -u, nocasematch, failglob and a strange IFS' '
	bash --norc --noprofile -c "
		. \"$TRASH/drive.bash\" || exit 1
		set -u
		shopt -s nocasematch failglob nullglob
		IFS=:
		complete_line \"dispute-log close 2026-0001 --outcome 调\"
		complete_line \"fund-ledger \"
		shopt -q nocasematch && shopt -q failglob
	" >actual 2>err &&
	test_must_be_empty err &&
	test_grep "^调解成功\$" actual &&
	test_grep "^transfer\$" actual
'

if [ -r /usr/share/bash-completion/bash_completion ]; then
	test_set_prereq BASH_COMPLETION
fi
test_expect_success BASH_COMPLETION 'the same with bash-completion loaded first' '
	bash --norc --noprofile -c "
		. /usr/share/bash-completion/bash_completion
		. \"$TRASH/drive.bash\" || exit 1
		complete_line \"dispute-log close 2026-0001 --outcome 调\"
		complete_line \"member-ls --hardship=de\"
	" >out 2>err &&
	test_must_be_empty err &&
	LC_ALL=C sort out >actual &&
	printf "deep\n调解不成\n调解成功\n" >expect &&
	test_cmp expect actual
'

test_expect_success BASH_COMPLETION 'bash-completion loads it by a tool'"'"'s name, as make install puts it' '
	mkdir -p share/bash-completion/completions &&
	for tool in $(cd "$UK_TOP/cmd" && ls *.c | sed "s/\.c\$//"); do
		ln -s "$SCRIPT" share/bash-completion/completions/$tool || return 1
	done &&
	XDG_DATA_DIRS=$TRASH/share BASH_COMPLETION_USER_DIR=$TRASH/nothing bash --norc --noprofile -c "
		. /usr/share/bash-completion/bash_completion
		. \"$TRASH/drive.bash\" noscript || exit 1
		complete -p activity-log >/dev/null 2>&1 && exit 1
		complete_line \"activity-log add 2026-03-01 文\"
		complete -p report-year
	" >actual 2>err &&
	test_must_be_empty err &&
	test "$(sed -n 1p actual)" = 文体活动 &&
	test_grep "^complete -F [^ ]* report-year\$" actual
'

test_done
