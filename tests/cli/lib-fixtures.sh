# tests/cli/lib-fixtures.sh - data the CLI tests make rather than keep in
# tests/data/, because its size is the point. Sourced by lib.sh.

# gen_staff [--cn] [--note FORMAT] N [FIRST]: a CSV staff list of N people
# numbered from FIRST (default 1), each with a valid ID number: S000001,
# 职工1, the ID, 部门1 (the number modulo 7). --cn: the Chinese headers HR
# sends (工号,姓名,身份证号,部门) instead of ours; --note: a note column
# too, FORMAT a printf format given the person's number (a note without
# %d is the same on every row).
gen_staff() {
	gen_cn_= gen_note_=
	while [ $# -gt 0 ]; do
		case $1 in
		--cn) gen_cn_=1 ;;
		--note) gen_note_=$2; shift ;;
		*) break ;;
		esac
		shift
	done
	awk -v n="$1" -v first="${2:-1}" -v cn="$gen_cn_" -v note="$gen_note_" 'BEGIN {
		split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
		m = "10X98765432"
		head = cn ? "工号,姓名,身份证号,部门" : "employee_no,name,id_card,unit"
		if (note != "")
			head = head (cn ? ",备注" : ",note")
		print head
		for (i = first; i < first + n; i++) {
			id = sprintf("1101051980%02d%02d%03d", int(i / 28000) % 12 + 1, int(i / 1000) % 28 + 1, i % 1000)
			s = 0
			for (k = 1; k <= 17; k++)
				s += substr(id, k, 1) * w[k]
			printf "S%06d,职工%d,%s%s,部门%d", i, i, id, substr(m, s % 11 + 1, 1), i % 7
			if (note != "")
				printf "," note, i
			printf "\n"
		}
	}'
}
