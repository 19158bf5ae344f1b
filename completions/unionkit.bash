# unionkit.bash - bash completion for the unionkit tools: member-add,
# member-ls, member-set, fund-ledger, dispute-log, activity-log, care-log, mutual-aid, union-register,
# plan-new, report-month, report-year and union-config.
#
# Installed: `make install` puts one copy under each tool's name in
# $(PREFIX)/share/bash-completion/completions/, where bash-completion loads
# it the first time one of the tools is completed. Without bash-completion,
# source it from ~/.bashrc:
#     . /usr/local/share/bash-completion/completions/fund-ledger
#
# Nothing about the tools is written here but their names. Subcommands,
# options, operands and the values an option lists (-f csv|json|table) are
# read from `TOOL --help` and `TOOL CMD --help` run under LC_ALL=C; the
# values of a vocabulary (outcomes, activity kinds, funds ...), each as its
# English slug and its Chinese name, from `union-config vocab`, which needs
# no database. What a tool says is read once per shell and kept in
# _UNIONKIT_CACHE (`_UNIONKIT_CACHE=()` forgets it, after an upgrade).
# UNIONKIT_COMPLETE_ALIASES=1 offers a vocabulary's other words too (成功 for
# resolved); otherwise they are offered only when nothing else matches.
# Nothing is ever printed while completing.

# bash 4.4 or later (local -); an older one completes these tools as before.
((BASH_VERSINFO[0] * 100 + BASH_VERSINFO[1] >= 404)) 2>/dev/null || return 0
declare -gA _UNIONKIT_CACHE

# _unionkit_add KEY WORD: WORD added to the newline-separated list at KEY,
# once.
_unionkit_add() {
	[[ $2 ]] || return 0
	local l=${_UNIONKIT_CACHE[$1]-}
	[[ $'\n'$l$'\n' == *$'\n'"$2"$'\n'* ]] && return 0
	_UNIONKIT_CACHE[$1]=$l${l:+$'\n'}$2
}

# _unionkit_list KEY: the list at KEY into the array _uk_list.
_unionkit_list() {
	_uk_list=()
	[[ ${_UNIONKIT_CACHE[$1]-} ]] && mapfile -t _uk_list <<<"${_UNIONKIT_CACHE[$1]}"
	return 0
}

# _unionkit_arg ID OPT ARG MODE: OPT of help ID takes ARG (csv|json, FILE,
# FILE|-), always (MODE 1) or only joined with = (MODE o).
_unionkit_arg() {
	local p mode=${_UNIONKIT_CACHE[$1|arg|$2]-}
	[[ $mode == 1 ]] || _UNIONKIT_CACHE[$1|arg|$2]=$4
	local -a parts
	IFS='|' read -ra parts <<<"${3%,}"
	for p in "${parts[@]}"; do
		if [[ $p =~ ^[[:lower:][:digit:]][[:lower:][:digit:]_.-]*$ ]]; then
			_unionkit_add "$1|val|$2" "$p"
		elif [[ $p != - ]]; then
			_unionkit_add "$1|meta|$2" "$p"
		fi
	done
}

# _unionkit_argish WORD: WORD, after an option, is that option's argument.
_unionkit_argish() {
	[[ $1 && $1 != -* && $1 != '|' && $1 != ... && ($1 == [[:upper:]]* || $1 == *'|'*) ]]
}

# _unionkit_spec ID TEXT: one entry of an option list, "-f, --format
# csv|json", "--force --reason TEXT", "--hardship[=none|deep]"; a list of
# values after the argument ("md|html (progress: csv|json)") adds to it.
_unionkit_spec() {
	local id=$1 t n g i re='^(--?[[:alnum:]][[:alnum:]_-]*)(\[=([^]]*)\])?(,?)$'
	local -a toks group=() last=() m
	read -ra toks <<<"$2"
	for ((i = 0; i < ${#toks[@]}; i++)); do
		t=${toks[i]}
		if [[ $t =~ $re ]]; then
			m=("${BASH_REMATCH[@]}")
			n=${m[1]}
			_unionkit_add "$id|opts" "$n"
			group+=("$n")
			for g in "${group[@]}"; do
				_unionkit_add "$id|same|$g" "$n"
				_unionkit_add "$id|same|$n" "$g"
			done
			if [[ ${m[2]} ]]; then
				for g in "${group[@]}"; do _unionkit_arg "$id" "$g" "${m[3]}" o; done
				last=("${group[@]}") group=()
			elif [[ ! ${m[4]} ]]; then
				if _unionkit_argish "${toks[i + 1]-}"; then
					for g in "${group[@]}"; do _unionkit_arg "$id" "$g" "${toks[i + 1]}" 1; done
					last=("${group[@]}")
					((i++))
				else
					last=()
				fi
				group=()
			fi
			continue
		fi
		t=${t#[([]} t=${t%[]),;:]}
		if [[ ${#last[@]} -gt 0 && $t == *'|'* && $t =~ ^[[:lower:][:digit:]|_.-]+$ ]]; then
			for g in "${last[@]}"; do _unionkit_arg "$id" "$g" "$t" 1; done
		fi
	done
}

# _unionkit_usage ID TEXT SUB: the usage lines of help ID: the options they
# name, and each form's operands (a line of ID|usage: "add DATE AMOUNT
# CATEGORY", "FILE|-", "FILE..."); in a tool's own help, the first word of a
# form is a subcommand (ID|subs); in SUB's help that word is skipped.
_unionkit_usage() {
	local id=$1 text=${2//$'\n'/ } sub=$3 t tool i first='' lastop='' c o
	local -a m
	local re='(--[[:alnum:]][[:alnum:]_-]*)\[=([^]]*)\]'
	local reopt='^--?[[:alnum:]][[:alnum:]_-]*,?$'
	while [[ $text =~ $re ]]; do
		m=("${BASH_REMATCH[@]}")
		_unionkit_add "$id|opts" "${m[1]}"
		_unionkit_arg "$id" "${m[1]}" "${m[2]}" o
		t=${text/"${m[0]}"/"${m[1]}"}
		[[ $t != "$text" ]] || break
		text=$t
	done
	# "[field options]": words standing for options, not operands
	re='[[(]([[:lower:]]+( [[:lower:]]+)*)[])]'
	while [[ $text =~ $re ]]; do
		t=${text/"${BASH_REMATCH[0]}"/ }
		[[ $t != "$text" ]] || break
		text=$t
	done
	local -a raw toks=() ops=()
	read -ra raw <<<"$text"
	for t in "${raw[@]}"; do
		while [[ $t == [[\(]* ]]; do t=${t:1}; done
		while [[ $t == *[]\)] ]]; do
			o=${t//[!\[]/} c=${t//[!\]]/}
			[[ $t == *\) ]] && o=${t//[!\(]/} c=${t//[!\)]/}
			((${#c} > ${#o})) || break
			t=${t%?}
		done
		[[ $t ]] && toks+=("$t")
	done
	tool=${toks[0]-}
	[[ $tool ]] || return 0
	_UNIONKIT_CACHE[$id|tool]=$tool
	for ((i = 0; i <= ${#toks[@]}; i++)); do
		t=${toks[i]-}
		if ((i == ${#toks[@]})) || [[ $t == "$tool" ]]; then
			((i > 0)) && _UNIONKIT_CACHE[$id|usage]+="${ops[*]}"$'\n'
			ops=() first=1 lastop=''
			continue
		fi
		case $t in
		'|') continue ;;
		...)
			[[ $lastop ]] && ops[-1]+=...
			continue
			;;
		esac
		if [[ $t =~ $reopt ]]; then
			t=${t%,}
			_unionkit_add "$id|opts" "$t"
			if _unionkit_argish "${toks[i + 1]-}"; then
				_unionkit_arg "$id" "$t" "${toks[i + 1]}" 1
				[[ ${toks[i + 1]} == *... ]] && ops+=("${toks[i + 1]}")
				((i++))
			fi
			first='' lastop=''
			continue
		fi
		if [[ $first ]]; then
			first=''
			if [[ $sub ]]; then
				[[ $t == "$sub" ]] && continue
			elif [[ $t =~ ^[[:lower:]][[:lower:][:digit:]-]*$ ]]; then
				_unionkit_add "$id|subs" "$t"
			fi
		fi
		ops+=("$t") lastop=1
	done
}

# _unionkit_parse ID TEXT SUB: a --help text read into the cache under ID.
_unionkit_parse() {
	local id=$1 line usage='' inusage='' lname='' lindent=0 ind w
	local relist='^ *([[:alpha:]]+): +([[:lower:][:digit:]._-]+( +[[:lower:][:digit:]._-]+)*) *$'
	local remore='^ +[[:lower:][:digit:]._-]+( +[[:lower:][:digit:]._-]+)* *$'
	local -a lines words
	mapfile -t lines <<<"$2"
	for line in "${lines[@]}"; do
		line=${line//$'\t'/        }
		if [[ $line == usage:* ]]; then
			inusage=1 usage+=" ${line#usage:}"$'\n'
			continue
		fi
		if [[ $inusage && $line == ' '* ]]; then
			usage+=" $line"$'\n'
			continue
		fi
		inusage=''
		ind=${line%%[! ]*} ind=${#ind}
		# "Keys: union.name union.level", "kinds: congress meeting", with
		# its continuation lines
		if [[ $lname && $ind -gt $lindent && $line =~ $remore ]]; then
			read -ra words <<<"$line"
			for w in "${words[@]}"; do _unionkit_add "$id|list|$lname" "$w"; done
			continue
		fi
		lname=''
		if [[ $line =~ $relist ]]; then
			lname=${BASH_REMATCH[1],,} lindent=$ind
			read -ra words <<<"${BASH_REMATCH[2]}"
			for w in "${words[@]}"; do _unionkit_add "$id|list|$lname" "$w"; done
			continue
		fi
		# an option list: entries apart by two spaces or more, the rest
		# of a line its description
		if ((ind > 0)); then
			while :; do
				line=${line#"${line%%[! ]*}"}
				[[ $line ]] || break
				w=${line%%'  '*}
				line=${line:${#w}}
				[[ $w == -* ]] && _unionkit_spec "$id" "$w"
			done
		fi
	done
	_unionkit_usage "$id" "$usage" "$3"
}

# _unionkit_help PATH SUB: the help of PATH (SUB's if SUB is given), read
# and parsed once; REPLY is its id in the cache.
_unionkit_help() {
	REPLY="$1|$2"
	[[ ${_UNIONKIT_CACHE[$REPLY|parsed]-} ]] && return 0
	local id=$REPLY text
	if [[ $2 ]]; then
		text=$(LC_ALL=C "$1" "$2" --help </dev/null 2>/dev/null)
	else
		text=$(LC_ALL=C "$1" --help </dev/null 2>/dev/null)
	fi
	_unionkit_parse "$id" "$text" "$2"
	_UNIONKIT_CACHE[$id|parsed]=1
	REPLY=$id
}

# _unionkit_vocab USE: the values of the vocabularies read at USE
# (dispute-log:--outcome, activity-log:add:2), from `union-config vocab`,
# into _uk_cands (slugs, Chinese names) and _uk_aliases.
_unionkit_vocab() {
	local uc=$_uk_uc line n rest u slug zh al
	[[ $uc ]] || return 0
	local -a names aliases
	if [[ ! ${_UNIONKIT_CACHE[vocab|$uc]-} ]]; then
		while IFS='' read -r line; do
			[[ $line == *$'\t'*$'\t'* ]] || continue
			n=${line%%$'\t'*} rest=${line#*$'\t'}
			for u in ${rest#*$'\t'}; do _unionkit_add "vuse|$uc|$u" "$n"; done
		done < <(LC_ALL=C "$uc" vocab </dev/null 2>/dev/null)
		_UNIONKIT_CACHE[vocab|$uc]=1
	fi
	_unionkit_list "vuse|$uc|$1"
	names=("${_uk_list[@]}")
	for n in "${names[@]}"; do
		if [[ -z ${_UNIONKIT_CACHE[vals|$uc|$n]+x} ]]; then
			_UNIONKIT_CACHE[vals|$uc|$n]=$(LC_ALL=C "$uc" vocab "$n" </dev/null 2>/dev/null)
		fi
		while IFS='' read -r line; do
			[[ $line ]] || continue
			slug=${line%%$'\t'*} zh='' al=''
			if [[ $line == *$'\t'* ]]; then
				rest=${line#*$'\t'} zh=${rest%%$'\t'*}
				[[ $rest == *$'\t'* ]] && al=${rest#*$'\t'}
			fi
			_uk_cands+=("$slug")
			[[ $zh ]] && _uk_cands+=("$zh")
			IFS=, read -ra aliases <<<"$al"
			_uk_aliases+=("${aliases[@]}")
		done <<<"${_UNIONKIT_CACHE[vals|$uc|$n]}"
	done
}

# _unionkit_meta META: what an argument or operand named META takes: file
# names (FILE, PATH), or the words a help lists under its plural ("KEY":
# "Keys: union.name ...").
_unionkit_meta() {
	local meta=${1%...} id l
	case $meta in
	*FILE* | PATH) _uk_files=1 ;;
	esac
	meta=${meta,,}
	for id in "$_uk_subid" "$_uk_top"; do
		[[ $id ]] || continue
		for l in "${meta}s" "${meta%y}ies"; do
			_unionkit_list "$id|list|$l"
			_uk_cands+=("${_uk_list[@]}")
		done
	done
}

# _unionkit_takes OPT: REPLY 1 when OPT takes the next word as its value, o
# when only as --OPT=VALUE, empty when none; _uk_optid is the help that
# says so (SUB's if it knows OPT, else the tool's), _uk_names OPT and the
# names it goes by there (-f, --format).
_unionkit_takes() {
	local id n
	REPLY='' _uk_optid='' _uk_names=("$1")
	for id in "$_uk_subid" "$_uk_top"; do
		[[ $id ]] || continue
		_unionkit_list "$id|same|$1"
		for n in "$1" "${_uk_list[@]}"; do
			if [[ ${_UNIONKIT_CACHE[$id|arg|$n]+x} ]]; then
				REPLY=${_UNIONKIT_CACHE[$id|arg|$n]} _uk_optid=$id
				_uk_names=("$1" "${_uk_list[@]}")
				return 0
			fi
		done
	done
	return 0
}

# _unionkit_optvalues OPT: the values of option OPT into _uk_cands.
_unionkit_optvalues() {
	local n m
	_unionkit_takes "$1"
	for n in "${_uk_names[@]}"; do
		if [[ $_uk_optid ]]; then
			_unionkit_list "$_uk_optid|val|$n"
			_uk_cands+=("${_uk_list[@]}")
			_unionkit_list "$_uk_optid|meta|$n"
			for m in "${_uk_list[@]}"; do _unionkit_meta "$m"; done
		fi
		[[ $n == --* ]] || continue
		[[ $_uk_sub ]] && _unionkit_vocab "$_uk_tool:$_uk_sub:$n"
		_unionkit_vocab "$_uk_tool:$n"
		case $n in
		--lang) _uk_cands+=(zh en) ;;
		--encoding) _uk_cands+=(utf-8 gb18030 auto) ;;
		esac
	done
}

# _unionkit_operand N: the values of operand N (of the subcommand when one
# is given) into _uk_cands; returns 1 when no form has an operand N.
_unionkit_operand() {
	local N=$1 id=${_uk_subid:-$_uk_top} line t p i slot='' ok
	local -a forms ops parts
	_unionkit_list "$id|usage"
	forms=("${_uk_list[@]}")
	if [[ $_uk_sub && ${#forms[@]} -eq 0 ]]; then
		# no help of its own: the tool's forms of this subcommand
		_unionkit_list "$_uk_top|usage"
		for line in "${_uk_list[@]}"; do
			[[ $line == "$_uk_sub" || $line == "$_uk_sub "* ]] &&
				forms+=("${line#"$_uk_sub"}")
		done
	fi
	for line in "${forms[@]}"; do
		read -ra ops <<<"$line"
		ok=1
		for ((i = 0; i < N; i++)); do
			t=${ops[i]-}
			if [[ ! $t && ${#ops[@]} -gt 0 && ${ops[-1]} == *... ]]; then
				t=${ops[-1]}
			fi
			[[ $t ]] || { ok=; break; }
			((i < N - 1)) || break
			if [[ $t =~ ^[[:lower:]][[:lower:][:digit:]_-]*$ && $t != "${_uk_ops[i]-}" ]]; then
				ok=''
				break
			fi
		done
		[[ $ok ]] || continue
		slot=1
		IFS='|' read -ra parts <<<"$t"
		for p in "${parts[@]}"; do
			if [[ $p =~ ^[[:lower:]][[:lower:][:digit:]_-]*$ ]]; then
				_uk_cands+=("$p")
			elif [[ $p != - ]]; then
				_unionkit_meta "$p"
			fi
		done
	done
	if [[ $_uk_sub ]]; then
		_unionkit_vocab "$_uk_tool:$_uk_sub:$N"
	else
		_unionkit_vocab "$_uk_tool:$N"
	fi
	[[ $slot ]]
}

# _unionkit_dequote WORD: REPLY is WORD without its quotes and backslashes.
_unionkit_dequote() {
	local s=$1 i c q=''
	REPLY=''
	[[ $s == *[\'\"\\]* ]] || { REPLY=$s; return 0; }
	for ((i = 0; i < ${#s}; i++)); do
		c=${s:i:1}
		if [[ $q ]]; then
			if [[ $c == "$q" ]]; then q=''
			elif [[ $q == \" && $c == \\ ]]; then ((i++)); REPLY+=${s:i:1}
			else REPLY+=$c; fi
		elif [[ $c == [\'\"] ]]; then q=$c
		elif [[ $c == \\ ]]; then ((i++)); REPLY+=${s:i:1}
		else REPLY+=$c; fi
	done
}

# _unionkit_quote WORD: REPLY is WORD with what the shell would read
# otherwise (a space, a quote, $ ...) backslashed.
_unionkit_quote() {
	local s=$1 i c
	REPLY=$s
	[[ $s == *[[:space:]\'\"\\\$\`\(\)\&\;\|\<\>\*\?\[\]\{\}\#\~\!]* ]] || return 0
	REPLY=''
	for ((i = 0; i < ${#s}; i++)); do
		c=${s:i:1}
		case $c in
		[[:space:]\'\"\\\$\`\(\)\&\;\|\<\>\*\?\[\]\{\}\#\~\!]) REPLY+=\\$c ;;
		*) REPLY+=$c ;;
		esac
	done
}

# _unionkit_words: the words of the line up to the cursor into _uk_words,
# those bash split at = and : joined again (--hardship=deep, FUND:ACCOUNT);
# _uk_cword the current one, _uk_cur its text before the cursor.
_unionkit_words() {
	local line=${COMP_LINE-} point=${COMP_POINT-} sep='' i w gap only j=-1 known=1
	[[ $COMP_LINE ]] || known=''
	[[ $point =~ ^[0-9]+$ ]] && line=${line:0:point}
	[[ ${COMP_WORDBREAKS-} == *=* ]] && sep+='='
	[[ ${COMP_WORDBREAKS-} == *:* ]] && sep+=':'
	_uk_words=()
	for ((i = 0; i <= COMP_CWORD && i < ${#COMP_WORDS[@]}; i++)); do
		w=${COMP_WORDS[i]} gap=' '
		if [[ $known ]]; then
			gap=${line%%[![:blank:]]*}
			line=${line#"$gap"}
			if ((i == COMP_CWORD)) && [[ $w == "$line"* ]]; then
				w=$line
			elif [[ $line == "$w"* ]]; then
				line=${line#"$w"}
			else
				known='' gap=' '
			fi
		fi
		only=''
		[[ $sep && $w && ! ${w//[$sep]/} ]] && only=1
		if ((j >= 1)) && [[ $sep && ! $gap && ($only || ${_uk_words[j]} == *[$sep]) ]]; then
			_uk_words[j]+=$w
		elif [[ $only && $j -ge 1 && ! $known ]]; then
			_uk_words[j]+=$w
		else
			_uk_words[++j]=$w
		fi
	done
	if ((COMP_CWORD >= ${#COMP_WORDS[@]})); then
		_uk_words[++j]=
	fi
	_uk_cword=$j _uk_cur=${_uk_words[j]-}
	((j >= 0))
}

# _unionkit_reply PREFIX WANT: COMPREPLY from _uk_cands that start with WANT
# (their aliases when none does), file names when _uk_files, each after
# PREFIX and less what bash does not replace (up to the last = or :).
_unionkit_reply() {
	local prefix=$1 want=$2 c strip='' rest
	local -a out=() files=()
	local -A seen=()
	for c in "${_uk_cands[@]}"; do
		[[ $c && $c == "$want"* && ! ${seen[$c]-} ]] || continue
		seen[$c]=1
		_unionkit_quote "$c"
		out+=("$prefix$REPLY")
	done
	if [[ ${#out[@]} -eq 0 || ${UNIONKIT_COMPLETE_ALIASES-} == 1 ]]; then
		for c in "${_uk_aliases[@]}"; do
			[[ $c && $c == "$want"* && ! ${seen[$c]-} ]] || continue
			seen[$c]=1
			_unionkit_quote "$c"
			out+=("$prefix$REPLY")
		done
	fi
	if [[ $_uk_files ]]; then
		compopt -o filenames 2>/dev/null
		mapfile -t files < <(compgen -f -- "$want")
		for c in "${files[@]}"; do out+=("$prefix$c"); done
	fi
	# bash replaces only what follows the last word break in the word
	if [[ $_uk_sep ]]; then
		rest=${_uk_cur##*["$_uk_sep"]}
		strip=${_uk_cur%"$rest"}
	fi
	for c in "${out[@]}"; do
		if [[ $strip ]]; then
			[[ $c == "$strip"* ]] || continue
			c=${c#"$strip"}
		fi
		COMPREPLY+=("$c")
	done
}

_unionkit_main() {
	local -a _uk_words=() _uk_cands=() _uk_aliases=() _uk_ops=() _uk_list=() _uk_names=()
	local _uk_cword _uk_cur _uk_files='' _uk_tool _uk_path _uk_top _uk_sub='' _uk_subid='' _uk_uc=''
	local _uk_optid='' _uk_sep='' cmd i w ddash='' takes='' cur n
	_unionkit_words || return 0
	[[ ${COMP_WORDBREAKS-} == *=* ]] && _uk_sep+='='
	[[ ${COMP_WORDBREAKS-} == *:* ]] && _uk_sep+=':'

	# the tool as typed (a path, or a name found on PATH) answers --help;
	# the union-config beside it, or on PATH, answers vocab
	_unionkit_dequote "${_uk_words[0]}"
	cmd=$REPLY
	[[ $cmd == \~/* ]] && cmd=$HOME/${cmd#\~/}
	if [[ $cmd == */* ]]; then
		[[ -x $cmd && ! -d $cmd ]] || return 0
		[[ $cmd == /* ]] || cmd=$PWD/$cmd
		_uk_path=$cmd
		[[ -x ${cmd%/*}/union-config ]] && _uk_uc=${cmd%/*}/union-config
	else
		_uk_path=$(type -P -- "$cmd") || return 0
		_uk_uc=$(type -P union-config) || _uk_uc=''
	fi
	_unionkit_help "$_uk_path" ""
	_uk_top=$REPLY
	_uk_tool=${_UNIONKIT_CACHE[$_uk_top|tool]:-${cmd##*/}}

	# the words before the current one: options (and their values), the
	# subcommand, operands
	for ((i = 1; i < _uk_cword; i++)); do
		w=${_uk_words[i]}
		if [[ $takes ]]; then
			takes=''
			continue
		fi
		if [[ ! $ddash && $w == -- ]]; then
			ddash=1
			continue
		fi
		if [[ ! $ddash && $w == -?* ]]; then
			[[ $w == *=* ]] && continue
			_unionkit_takes "$w"
			[[ $REPLY == 1 ]] && takes=$w
			continue
		fi
		_unionkit_dequote "$w"
		w=$REPLY
		if [[ ! $_uk_sub && ${#_uk_ops[@]} -eq 0 ]]; then
			_unionkit_list "$_uk_top|subs"
			for n in "${_uk_list[@]}"; do
				[[ $n == "$w" ]] || continue
				_uk_sub=$w
				_unionkit_help "$_uk_path" "$w"
				_uk_subid=$REPLY
				# a subcommand without help of its own has the tool's
				[[ ${_UNIONKIT_CACHE[$_uk_subid|opts]-} ]] || _uk_subid=''
				break
			done
			[[ $_uk_sub ]] && continue
		fi
		_uk_ops+=("$w")
	done

	cur=$_uk_cur
	if [[ $takes ]]; then
		_unionkit_optvalues "$takes"
		_unionkit_dequote "$cur"
		_unionkit_reply "" "$REPLY"
	elif [[ ! $ddash && $cur == --*=* ]]; then
		_unionkit_optvalues "${cur%%=*}"
		_unionkit_dequote "${cur#*=}"
		_unionkit_reply "${cur%%=*}=" "$REPLY"
	elif [[ ! $ddash && $cur == -* ]]; then
		_unionkit_list "${_uk_subid:-$_uk_top}|opts"
		_uk_cands=("${_uk_list[@]}")
		_unionkit_reply "" "$cur"
	else
		_unionkit_dequote "$cur"
		cur=$REPLY
		if ! _unionkit_operand $((${#_uk_ops[@]} + 1)) && [[ ! $cur && ! $ddash && ${#_uk_cands[@]} -eq 0 ]]; then
			# no operand here: the options, long ones
			_unionkit_list "${_uk_subid:-$_uk_top}|opts"
			for n in "${_uk_list[@]}"; do
				[[ $n == --* ]] && _uk_cands+=("$n")
			done
		fi
		_unionkit_reply "" "$cur"
	fi
}

# The completion function: quiet whatever happens, whatever the shell's
# options.
_unionkit() {
	local IFS=$' \t\n' nocase=''
	local -
	set +o nounset +o errexit -o noglob
	shopt -q nocasematch && nocase=1 && shopt -u nocasematch
	COMPREPLY=()
	_unionkit_main 2>/dev/null
	[[ $nocase ]] && shopt -s nocasematch
	return 0
}

complete -F _unionkit member-add member-ls member-set fund-ledger dispute-log \
	activity-log care-log mutual-aid plan-new report-month report-year union-config \
	union-register
