# tests/data/report-union.sh - sourced by the report tests (t5*-report-*):
# build_union builds the fixture union of 2024 in $UNIONKIT_DB through the
# tools themselves, in the order things happened (dues are rolled from the
# members active when they are posted). Every figure the tests expect is
# worked out from this file, by hand in the tests' comments and again with
# sqlite3 queries.
#
# Members (tests/data/report-members.csv, member_no in file order):
#   000001 张伟明 M 教务处   000002 王丽 F 教务处 (relative 2024-04-01)
#   000003 李秀英 F 后勤处   000004 刘洋 M 后勤处 (deep 2024-01-15, left 2024-05-31)
#   000005 陈静 F 初中部 (joined 2024-02-15)
#   000006 杨光辉 M 初中部 (retired 2024-07-31)
#   000007 赵敏 F 初中部 (transferred 2024-09-30)
#   000008 周建国 M 高中部 (deep 2023-11-01)
#   000009 吴芳 F 高中部 (accident 2024-03-01)
#   000010 欧阳小明 M 高中部 (deceased 2024-11-15)
#   000011 郑强 M 后勤处 (left 2023-12-31)
#   000012 马红梅 F 教务处 (relative 2024-02-01, none again 2024-10-01)
#   000013 黄晓燕 F 高中部 (joined 2024-05-01, relative 2024-06-01)
#   000014 孙丽娟 F 教务处 (joins 2025-01-10)
# Books: openings 2023-01-01 general:bank 50000, general:cash 2000,
#   hardship:bank 10000; 2023: dues 500, sports 1000, aid 300 to 000008.
#   2024: allocation 30000 (01-15), transfer general bank->cash 1000 (02-01),
#   upper subsidy 40305 5000 to hardship (02-10), sports 1500 (03-08),
#   aid 500 to 000004 (03-20), dues of March (03-31), dues 120.50 cash
#   (04-05), aid 800 to 000002 (04-10), sports meeting cost 600 (04-20,
#   activity-log --cost), training 800 (05-20), transfer general->hardship
#   5000 (06-01), aid 1200 to 000013 (06-20), meeting 999 (07-01, voided
#   08-02), education 600 cash (09-10), other income 250 (10-09), aid 600
#   to 000008 (10-15), aid 300 to 000008 (10-20, voided 10-25), service
#   450 (10-22), dues of October (10-31), other expense 200 (11-30), 送温暖
#   1000 from general (12-20). 2025: dues 50, aid 400 to 000009 (01-05).
# Disputes of 2024: 2024-0001 wages 12 workers 10000 resolved (01-20,
#   8000 back); -0002 contract 2 5000 failed (03-01); -0003 a petition;
#   -0004 injury 1 30000 referred (04-20); -0005 termination 3 6000
#   withdrawn (06-15); -0006 wages 5 20000 resolved (10-20, 20000 back);
#   -0007 social-insurance 2 open; -0008 hours-leave 1 received 12-28,
#   resolved 2025-01-05. And 2023-0001 (2023-12-20) resolved 2024-01-10.

build_union() {
	union-config union.name 测试中学工会 &&
	# members: the twelve on the books before 2024-04
	head -13 "$DATA/report-members.csv" | member-add -q - &&
	member-set -q 000011 --status left --date 2023-12-31 &&
	member-set -q 000008 --hardship deep --date 2023-11-01 &&
	fund-ledger -q opening 2023-01-01 50000 --fund general --account bank >/dev/null &&
	fund-ledger -q opening 2023-01-01 2000 --fund general --account cash >/dev/null &&
	fund-ledger -q opening 2023-01-01 10000 --fund hardship --account bank >/dev/null &&
	fund-ledger -q add 2023-06-10 500 401 >/dev/null &&
	fund-ledger -q add 2023-08-01 1000 50102 >/dev/null &&
	fund-ledger -q add 2023-11-20 300 50204 --fund hardship --member 000008 >/dev/null &&
	activity-log add 2023-12-30 training 年终培训 --participants 10 >/dev/null &&
	dispute-log open --received 2023-12-20 --category wages --workers 1 --employer 某学校 --summary 去年的案件 >/dev/null &&
	dispute-log close 2023-0001 --outcome resolved --date 2024-01-10 &&
	# 2024, month by month
	member-set -q 000004 --hardship deep --date 2024-01-15 &&
	fund-ledger -q add 2024-01-15 30000 402 >/dev/null &&
	activity-log add 2024-01-20 congress 教代会 --participants 80 >/dev/null &&
	dispute-log open --received 2024-01-05 --category wages --workers 12 --claimed 10000 \
		--employer 某公司 --summary 欠薪 >/dev/null &&
	dispute-log close 2024-0001 --outcome resolved --recovered 8000 --date 2024-01-20 &&
	fund-ledger -q transfer 2024-02-01 1000 --from general:bank --to general:cash >/dev/null &&
	member-set -q 000012 --hardship relative --date 2024-02-01 &&
	fund-ledger -q add 2024-02-10 5000 40305 --fund hardship >/dev/null &&
	dispute-log open --received 2024-02-10 --category contract --workers 2 --claimed 5000 \
		--employer 某公司 --summary 合同 >/dev/null &&
	member-set -q 000009 --hardship accident --date 2024-03-01 &&
	dispute-log close 2024-0002 --outcome failed --date 2024-03-01 &&
	dispute-log open --received 2024-03-03 --category other --kind petition --employer 某公司 --summary 信访 >/dev/null &&
	activity-log add 2024-03-05 training 岗位培训 --participants 30 >/dev/null &&
	fund-ledger -q add 2024-03-08 1500 50102 >/dev/null &&
	fund-ledger -q add 2024-03-20 500 50204 --fund hardship --member 000004 >/dev/null &&
	fund-ledger -q dues --month 2024-03 >/dev/null &&
	member-set -q 000002 --hardship relative --date 2024-04-01 &&
	dispute-log open --received 2024-04-01 --category injury --workers 1 --claimed 30000 \
		--employer 某工厂 --summary 工伤 >/dev/null &&
	fund-ledger -q add 2024-04-05 120.50 401 --account cash >/dev/null &&
	fund-ledger -q add 2024-04-10 800 50204 --fund hardship --member 000002 >/dev/null &&
	activity-log add 2024-04-20 culture-sports 春季运动会 --participants 120 --cost 600 --category 50102 >/dev/null &&
	dispute-log close 2024-0004 --outcome referred --date 2024-04-20 &&
	sed -n 14p "$DATA/report-members.csv" | { head -1 "$DATA/report-members.csv"; cat; } | member-add -q - &&
	activity-log add 2024-05-12 training 安全培训 --member 000001 --member 000002 --member 000013 >/dev/null &&
	fund-ledger -q add 2024-05-20 800 50301 >/dev/null &&
	member-set -q 000004 --status left --date 2024-05-31 &&
	fund-ledger -q transfer 2024-06-01 5000 --from general:bank --to hardship:bank >/dev/null &&
	member-set -q 000013 --hardship relative --date 2024-06-01 &&
	dispute-log open --received 2024-06-10 --category termination --workers 3 --claimed 6000 \
		--employer 某商场 --summary 辞退 >/dev/null &&
	dispute-log close 2024-0005 --outcome withdrawn --date 2024-06-15 &&
	fund-ledger -q add 2024-06-20 1200 50204 --fund hardship --member 000013 >/dev/null &&
	fund-ledger -q add 2024-07-01 999 50302 >void1 &&
	member-set -q 000006 --status retired --date 2024-07-31 &&
	fund-ledger -q void "$(cat void1)" --reason 重复录入 --date 2024-08-02 >/dev/null &&
	activity-log add 2024-09-10 visit 走访困难职工 --participants 5 >/dev/null &&
	fund-ledger -q add 2024-09-10 600 50101 --account cash >/dev/null &&
	member-set -q 000007 --status transferred --date 2024-09-30 &&
	member-set -q 000012 --hardship none --date 2024-10-01 &&
	dispute-log open --received 2024-10-08 --category wages --workers 5 --claimed 20000 \
		--employer 某公司 --summary 加班费 >/dev/null &&
	fund-ledger -q add 2024-10-09 250 408 >/dev/null &&
	dispute-log open --received 2024-10-12 --category social-insurance --workers 2 \
		--employer 某公司 --summary 社保 >/dev/null &&
	fund-ledger -q add 2024-10-15 600 50204 --fund hardship --member 000008 >/dev/null &&
	fund-ledger -q add 2024-10-20 300 50204 --fund hardship --member 000008 >void2 &&
	dispute-log close 2024-0006 --outcome resolved --recovered 20000 --date 2024-10-20 &&
	fund-ledger -q add 2024-10-22 450 50903 >/dev/null &&
	fund-ledger -q void "$(cat void2)" --reason 退回 --date 2024-10-25 >/dev/null &&
	fund-ledger -q dues --month 2024-10 >/dev/null &&
	member-set -q 000010 --status deceased --date 2024-11-15 &&
	fund-ledger -q add 2024-11-30 200 508 >/dev/null &&
	activity-log add 2024-12-15 culture-sports 元旦联欢 --participants 60 >/dev/null &&
	fund-ledger -q add 2024-12-20 1000 50205 >/dev/null &&
	dispute-log open --received 2024-12-28 --category hours-leave --workers 1 \
		--employer 某工厂 --summary 休假 >/dev/null &&
	plan-new -q --year 2024 "$DATA/report-plan-2024.md" >/dev/null &&
	# 2025: after the year
	sed -n 15p "$DATA/report-members.csv" | { head -1 "$DATA/report-members.csv"; cat; } | member-add -q - &&
	activity-log add 2025-01-03 meeting 委员会会议 --participants 9 >/dev/null &&
	fund-ledger -q add 2025-01-05 50 401 >/dev/null &&
	fund-ledger -q add 2025-01-05 400 50204 --fund hardship --member 000009 >/dev/null &&
	dispute-log close 2024-0008 --outcome resolved --date 2025-01-05
}

# jget FILE PATH: one value of a JSON document, PATH dotted (funds.income,
# funds.by_class.0.code); null prints as null, numbers as Python prints them.
jget() {
	python3 -c 'import json, sys
v = json.load(open(sys.argv[1], encoding="utf-8"))
for k in sys.argv[2].split("."):
    v = v[int(k)] if isinstance(v, list) else v[k]
print("null" if v is None else v)' "$@"
}

# jrows FILE PATH KEY...: the rows of an array of objects as KEY|KEY|...
# lines, the way sqlite3 prints rows.
jrows() {
	python3 -c 'import json, sys
v = json.load(open(sys.argv[1], encoding="utf-8"))
for k in sys.argv[2].split("."):
    v = v[int(k)] if isinstance(v, list) else v[k]
for row in v:
    print("|".join("null" if row[k] is None else str(row[k]) for k in sys.argv[3:]))' "$@"
}

# html_wellformed FILE: parsed by Python's html.parser, every element that
# is opened is closed in order (void elements and <x/> aside), nothing is
# left open, and there is one html, head, body and title.
html_wellformed() {
	python3 -c 'import sys
from html.parser import HTMLParser
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.seen = [], [], {}
    def handle_starttag(self, tag, attrs):
        self.seen[tag] = self.seen.get(tag, 0) + 1
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))
    def handle_startendtag(self, tag, attrs):
        self.seen[tag] = self.seen.get(tag, 0) + 1
    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append("line %d: </%s> closes %s" % (self.getpos()[0], tag, self.stack[-1] if self.stack else "nothing"))
        else:
            self.stack.pop()
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
p.close()
for t, pos in p.stack:
    p.errors.append("<%s> of line %d is never closed" % (t, pos[0]))
for t in ("html", "head", "body", "title"):
    if p.seen.get(t) != 1:
        p.errors.append("%d <%s>" % (p.seen.get(t, 0), t))
for e in p.errors:
    print(e, file=sys.stderr)
sys.exit(1 if p.errors else 0)' "$1"
}

# secrets FILE: every ID number, phone and name of the fixture's members,
# one a line, for grep -F -f: none may appear in a report.
secrets() {
	sed 1d "$DATA/report-members.csv" | cut -d, -f1,2,4 | tr , '\n' >"$1"
}

# no_secret FILE...: no line of ./secrets occurs in any FILE.
no_secret() {
	if grep -F -f secrets "$@"; then
		echo "personal data unmasked in the lines above" >&2
		return 1
	fi
	return 0
}
