#!/usr/bin/env python3
# make-corpus.py - writes the hostile input corpus of tests/cli/t9004-hostile.sh
# (the case files and MANIFEST) into this directory. Run it once after a
# change and commit what it writes; the test only reads the result.
#
# MANIFEST: one case a line, fields separated by one tab:
#   NAME  CODE  WHERE  TOOL  ARG...
# NAME   the case; when a file of that name is here, it is the input and '@'
#        in ARG stands for its path.
# CODE   the exact exit status (doc/architecture.md).
# WHERE  'ok': no message about a record; '-': one message naming the file
#        without a line; '2,5': the messages naming the file are exactly
#        FILE:2: then FILE:5:, one line each, in that order; '~TEXT': the
#        first message contains TEXT (an option or argument named).
# ARG    printf %b escapes (\0033, \\); '@' the case file; '@EMPTY' an empty
#        argument.
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
cases = []          # (name, code, where, tool, args)
files = {}          # name -> bytes

ESC_SEQS = [
    ('esc-clear', b'\x1b[2J'),
    ('esc-title', b'\x1b]0;pwned\x07'),
    ('esc-csi-color', b'\x1b[31;1m'),
    ('c1-csi', '\u009b2J'.encode()),
    ('c1-nel', '\u0085'.encode()),
    ('bel-bs', b'\x07\x08'),
    ('del', b'\x7f'),
]


def add(name, code, where, tool, *args, data=None):
    if data is not None:
        files[name] = data
    cases.append((name, str(code), where, tool, list(args)))


def lines(*ls, crlf=False):
    end = '\r\n' if crlf else '\n'
    return ''.join(l + end for l in ls).encode()


def where(*nums):
    return ','.join(str(n) for n in nums)


# ---------------------------------------------------------------------------
# The shape of each reading tool: header, a good record, and how to put a
# value under test in a record.
class Tool:
    def __init__(self, prefix, tool, args, header, good, row):
        self.prefix, self.tool, self.args = prefix, tool, list(args)
        self.header, self.good, self.row = header, good, row
        self.structural_only = False

    def csv(self, suffix, code, where_, *bad, header=None, extra=(), raw=None):
        if self.structural_only and self is not MA and suffix in SKIP_OTHERS:
            return
        name = '%s-%s.csv' % (self.prefix, suffix)
        data = raw if raw is not None else lines(header or self.header, self.good, *bad)
        add(name, code, where_, self.tool, *(self.args + list(extra) + ['@']), data=data)

    def json(self, suffix, code, where_, data, extra=(), ext='json'):
        if self.structural_only and self is not MA and suffix in SKIP_OTHERS:
            return
        name = '%s-%s.%s' % (self.prefix, suffix, ext)
        add(name, code, where_, self.tool, *(self.args + list(extra) + ['@']), data=data)


MA = Tool('ma', 'member-add', [], 'employee_no,name,id_card,unit,wage_base,join_date,phone,note',
          'H001,好人,,教务处,5000,2020-01-01,,',
          lambda **v: ','.join([v.get('employee_no', 'H009'), v.get('name', '某人'), v.get('id_card', ''),
                                v.get('unit', ''), v.get('wage_base', ''), v.get('join_date', ''),
                                v.get('phone', ''), v.get('note', '')]))
MS = Tool('ms', 'member-set', [], 'member_no,status,date,hardship,union_group,unit,wage_base,role,note',
          '000001,,,,,,,,',
          lambda **v: ','.join([v.get('member_no', '000002'), v.get('status', ''), v.get('date', ''),
                                v.get('hardship', ''), v.get('union_group', ''), v.get('unit', ''),
                                v.get('wage_base', ''), v.get('role', ''), v.get('note', '')]))
FL = Tool('fl', 'fund-ledger', ['import'], 'date,fund,account,category,subcategory,amount,member_no,voucher,memo',
          '2026-04-01,general,bank,402,,100.00,,HV-1,好的',
          lambda **v: ','.join([v.get('date', '2026-04-02'), v.get('fund', 'general'), v.get('account', 'bank'),
                                v.get('category', '402'), v.get('subcategory', ''), v.get('amount', '1.00'),
                                v.get('member_no', ''), v.get('voucher', ''), v.get('memo', '')]))
DL = Tool('dl', 'dispute-log', ['import'],
          'case_no,kind,received,source,category,employer,employer_code,workers,claimed,summary,status,outcome,recovered,closed,members',
          ',dispute,2026-04-01,visit,wages,好单位,,2,1000,好的,,,,,',
          lambda **v: ','.join([v.get('case_no', ''), v.get('kind', 'dispute'), v.get('received', '2026-04-02'),
                                v.get('source', 'visit'), v.get('category', 'wages'), v.get('employer', '某单位'),
                                v.get('employer_code', ''), v.get('workers', '1'), v.get('claimed', ''),
                                v.get('summary', '摘要'), v.get('status', ''), v.get('outcome', ''),
                                v.get('recovered', ''), v.get('closed', ''), v.get('members', '')]))
AL = Tool('al', 'activity-log', ['import'], 'date,kind,title,participants,members,plan_item,cost,category,note',
          '2026-04-01,meeting,好的会议,9,,,,,',
          lambda **v: ','.join([v.get('date', '2026-04-02'), v.get('kind', 'study'), v.get('title', '学习'),
                                v.get('participants', '3'), v.get('members', ''), v.get('plan_item', ''),
                                v.get('cost', ''), v.get('category', ''), v.get('note', '')]))
TOOLS = [MA, MS, FL, DL, AL]

# ---- CSV structure: the same faults for every reading tool ----------------
# member-add, the reader's first user, gets every fault; the other tools the
# main ones (they share the reader: these show their wiring of it).
SKIP_OTHERS = {'quote-inside', 'nul-only', 'overlong-utf8', 'surrogate-utf8', 'blank-lines-only',
               'bom-header-only', 'crlf-header-only', 'unknown-strict', 'bad-encoding-name',
               'bad-input-format', 'gb18030-forced-on-utf8', 'json-unclosed', 'json-array-value',
               'json-bad-utf8', 'json-nul-escape', 'json-lone-surrogate', 'ndjson-array-line',
               'json-bom-only-array', 'ragged-short', 'quote-swallows'}

for t in TOOLS:
    t.structural_only = True
    h, g = t.header, t.good
    ncol = h.count(',') + 1
    t.csv('quote-after-close', 65, where(3), '"x"y' + ',' * (ncol - 1))
    t.csv('quote-inside', 65, where(3), 'x"y' + ',' * (ncol - 1))
    t.csv('quote-open-eof', 65, where(3), '"open' + ',' * (ncol - 1))
    t.csv('quote-swallows', 65, where(3), g.replace(',', ',"', 1), g, g)
    t.csv('ragged-short', 65, where(3), 'a,b')
    t.csv('ragged-long', 65, where(3, 4), g + ',extra', g + ',,,')
    t.csv('ragged-many', 65, where(3), g + ',' * 10000)
    t.csv('nul-byte', 65, where(3), raw=lines(h, g) + b'x\x00y' + b',' * (ncol - 1) + b'\n')
    t.csv('nul-only', 65, where(2), raw=h.encode() + b'\n\x00\n')
    t.csv('bad-utf8', 65, where(3), raw=lines(h, g) + b'\xff\xfe' + b',' * (ncol - 1) + b'\n',
          extra=['--encoding', 'utf-8'])
    t.csv('overlong-utf8', 65, where(3), raw=lines(h, g) + b'\xc0\xaf' + b',' * (ncol - 1) + b'\n',
          extra=['--encoding', 'utf-8'])
    t.csv('surrogate-utf8', 65, where(3), raw=lines(h, g) + b'\xed\xa0\x80' + b',' * (ncol - 1) + b'\n',
          extra=['--encoding', 'utf-8'])
    t.csv('empty', 65, '-', raw=b'')
    t.csv('bom-only', 65, '-', raw=b'\xef\xbb\xbf')
    t.csv('blank-lines-only', 65, '-', raw=b'\n\n\n')
    t.csv('header-only', 0, 'ok', raw=lines(h), extra=['--dry-run'])
    t.csv('bom-header-only', 0, 'ok', raw=b'\xef\xbb\xbf' + lines(h), extra=['--dry-run'])
    t.csv('crlf-header-only', 0, 'ok', raw=lines(h, crlf=True), extra=['--dry-run'])
    first = h.split(',')[0]
    t.csv('dup-header', 65, where(1), raw=lines(first + ',' + h, ',' + g))
    t.csv('unknown-strict', 65, where(1), raw=lines(h + ',bogus', g + ','), extra=['--strict'])
    wide = h + ''.join(',x%d' % i for i in range(10000))
    t.csv('10k-columns-strict', 65, ','.join(['1'] * 10000), raw=lines(wide, g + ',' * 10000),
          extra=['--strict'])
    t.csv('skip-bad-dry-run', 1, where(3), 'a,b', extra=['--skip-bad', '--dry-run'])
    t.csv('bad-map', 64, '~--map', 'a,b', extra=['--map', 'x=nosuchcolumn'])
    t.csv('bad-encoding-name', 64, '~ebcdic', raw=lines(h), extra=['--encoding', 'ebcdic'])
    t.csv('bad-input-format', 64, '~xml', raw=lines(h), extra=['--input-format', 'xml'])
    # GB18030 bytes inside a UTF-8 file: the file is not UTF-8, so it is read
    # as GB18030 and its UTF-8 lines are the ones that do not decode.
    t.csv('mixed-gb-in-utf8', 65, where(3), raw=lines(h, g) + '一二'.encode('gb18030') + b',' * (ncol - 1) + b'\n',
          extra=['--encoding', 'utf-8'])
    # The same in auto mode: a line of UTF-8 text among GB18030 ones is
    # named, rather than read as mojibake.
    t.csv('mixed-auto', 65, where(2), raw=lines(h, '张三丰,教务处办公室' + ',' * (ncol - 2)) +
          ('李四' + ',' * (ncol - 1) + '\n').encode('gb18030'))
    if g.isascii():
        continue
    t.csv('gb18030-forced-on-utf8', 65, where(2), raw=lines(h, g.replace('好', '好好')),
          extra=['--encoding', 'gb18030'])
    # JSON faults: the good record, then the fault.
    rec = json.dumps({k: v for k, v in zip(h.split(','), g.split(',')) if v}, ensure_ascii=False)
    jg = rec.encode()
    key = h.split(',')[2].encode()

    def jbad(value):
        return jg[:-1] + b', "' + key + b'": ' + value + b'}'
    t.json('json-syntax', 65, where(3), b'[\n' + jg + b',\n' + jg[:-1] + b',}\n]\n')
    t.json('json-unclosed', 65, where(2), b'[\n' + jg + b'\n')
    t.json('json-trailing', 65, where(4), b'[\n' + jg + b'\n]\n' + jg + b'\n')
    t.json('json-not-object', 65, where(3), b'[\n' + jg + b',\n42\n]\n')
    t.json('json-nested-value', 65, where(3), b'[\n' + jg + b',\n' + jbad(b'{"x": 1}') + b'\n]\n')
    t.json('json-array-value', 65, where(3), b'[\n' + jg + b',\n' + jbad(b'[1, 2]') + b'\n]\n')
    t.json('json-deep', 65, where(1), b'[' * 5000 + b']' * 5000 + b'\n')
    t.json('json-bad-utf8', 65, where(3), b'[\n' + jg + b',\n' + jbad(b'"\xff"') + b'\n]\n')
    t.json('json-nul-escape', 65, where(3), b'[\n' + jg + b',\n' + jbad(b'"a\\u0000b"') + b'\n]\n')
    t.json('json-lone-surrogate', 65, where(3), b'[\n' + jg + b',\n' + jbad(b'"\\ud800"') + b'\n]\n')
    t.json('ndjson-bad-line', 65, where(2), jg + b'\n' + jg[:-1] + b' "x" "2"}\n', ext='ndjson')
    t.json('ndjson-array-line', 65, where(1), b'[1]\n', ext='ndjson')
    t.json('json-bom-only-array', 65, where(1), b'\xef\xbb\xbf[', ext='json')

for t in TOOLS:
    t.structural_only = False

# ---- values, tool by tool --------------------------------------------------
# Amounts: too big for int64 fen, floats, NaN-like, negative.
AMOUNTS_BAD = [('int64-over', '92233720368547758.08'), ('huge', '1e30'), ('exp', '1e5'), ('nan', 'NaN'),
               ('inf', 'inf'), ('hex', '0x10'), ('three-dec', '1.005'),
               ('negative', '-1'), ('double-minus', '--5'), ('bad-group', '"1,23,4"'), ('words', '一百'),
               ('two-points', '1.2.3'), ('huge-digits', '9' * 400)]
for suffix, v in AMOUNTS_BAD:
    MA.csv('wage-' + suffix, 65, where(3), MA.row(wage_base=v))
for suffix, v in AMOUNTS_BAD[:6] + [('three-dec', '1.005'), ('negative', '-1')]:
    FL.csv('amount-' + suffix, 65, where(3), FL.row(amount=v))
for suffix, v in [('int64-over', '92233720368547758.08'), ('nan', 'NaN'), ('negative', '-1')]:
    DL.csv('claimed-' + suffix, 65, where(3), DL.row(claimed=v))
    AL.csv('cost-' + suffix, 65, where(3), AL.row(cost=v, category='50102'))
    MS.csv('wage-' + suffix, 65, where(3), MS.row(wage_base=v))
# -0 and the largest amount are amounts.
MA.csv('wage-minus-zero', 0, 'ok', MA.row(wage_base='-0'), extra=['--dry-run'])
MA.csv('wage-int64-max', 0, 'ok', MA.row(wage_base='92233720368547758.07'), extra=['--dry-run'])
FL.csv('amount-zero', 65, where(3), FL.row(amount='0'))

DATES_BAD = [('feb30', '2026-02-30'), ('zeros', '0000-00-00'), ('year5', '99999-1-1'), ('month13', '2026-13-01'),
             ('month0', '2026-00-10'), ('before-1800', '1799-12-31'), ('compact-bad', '20261301'),
             ('cn-feb30', '2026年2月30日'), ('mixed-sep', '2026-3/5'), ('iso-time', '2026-03-05T10:00'),
             ('feb29-2100', '2100-02-29'), ('neg-year', '-2026-01-01')]
for suffix, v in DATES_BAD:
    MA.csv('date-' + suffix, 65, where(3), MA.row(join_date=v))
for suffix, v in DATES_BAD[:6]:
    FL.csv('date-' + suffix, 65, where(3), FL.row(date=v))
for suffix, v in DATES_BAD[:3]:
    DL.csv('date-' + suffix, 65, where(3), DL.row(received=v))
    AL.csv('date-' + suffix, 65, where(3), AL.row(date=v))
    MS.csv('date-' + suffix, 65, where(3), MS.row(status='left', date=v))

# Terminal escapes in names and text: refused, and never echoed raw.
for suffix, seq in ESC_SEQS:
    s = seq.decode('utf-8')
    MA.csv('name-' + suffix, 65, where(3), MA.row(name='甲' + s + '乙'))
for suffix, seq in ESC_SEQS[:4]:
    s = seq.decode('utf-8')
    FL.csv('memo-' + suffix, 65, where(3), FL.row(memo='备' + s))
    DL.csv('employer-' + suffix, 65, where(3), DL.row(employer='某' + s))
    AL.csv('title-' + suffix, 65, where(3), AL.row(title='会' + s))
    MS.csv('group-' + suffix, 65, where(3), MS.row(union_group='组' + s))
# Text over its limit.
MA.csv('name-201-bytes', 65, where(3), MA.row(name='x' * 201))
MA.csv('note-2001-bytes', 65, where(3), MA.row(note='x' * 2001))
FL.csv('memo-501-bytes', 65, where(3), FL.row(memo='x' * 501))

# SQL and shell metacharacters are text like any other: read, checked and
# (here, with --dry-run) accepted verbatim; t9004 shows them stored verbatim.
SQL = "\"Robert'); DROP TABLE members;--\""
SHELL = '"$(rm -rf /) `reboot` ; | & > /etc/passwd"'
MA.csv('name-sql', 0, 'ok', MA.row(name=SQL, note="\"' OR 1=1; --\""), extra=['--dry-run'])
MA.csv('name-shell', 0, 'ok', MA.row(name=SHELL), extra=['--dry-run'])
FL.csv('memo-sql', 0, 'ok', FL.row(memo=SQL), extra=['--dry-run'])
DL.csv('summary-sql', 0, 'ok', DL.row(summary=SQL, employer=SHELL), extra=['--dry-run'])
AL.csv('title-shell', 0, 'ok', AL.row(title=SHELL), extra=['--dry-run'])
MS.csv('unit-sql', 0, 'ok', MS.row(unit=SQL), extra=['--dry-run'])
MA.csv('key-sql', 0, 'ok', MA.row(employee_no="'or'1'='1"), extra=['--dry-run'])
MS.csv('member-sql', 65, where(3), MS.row(member_no="'; DROP TABLE members;--", unit='x'))

# member-add: IDs, phones, words, encodings.
for suffix, v in [('check-digit', '110105197001010063'), ('excel-sci', '1.10105E+17'), ('excel-cut', '110105197001010000'),
                  ('short', '11010519700101006'), ('letters', '1101051970010100A2'), ('feb30', '110105202602300010'),
                  ('future', '110105209901010011'), ('fullwidth-bad', '１１０１０５１９７００１０１００６３')]:
    MA.csv('id-' + suffix, 65, where(3), MA.row(id_card=v))
for suffix, v in [('short', '1380013800'), ('long', '138001380001'), ('letter', '1380013800a'), ('two', '23800138000')]:
    MA.csv('phone-' + suffix, 65, where(3), MA.row(phone=v))
MA.csv('dup-in-file', 65, where(3), 'H001,好人,,教务处,5000,2020-01-01,,')
MA.csv('key-too-long', 65, where(3), MA.row(employee_no='E' * 33))
MA.csv('key-space', 65, where(3), MA.row(employee_no='E 1'))
MA.csv('no-name', 65, where(3), MA.row(name=''))
gbh = '工号,姓名,部门\n'.encode('gb18030')
MA.csv('gb18030-bad-seq', 65, where(3), raw=gbh + 'E1,张三,教务处\n'.encode('gb18030') + b'E2,\x81\x20,x\n',
       extra=['--encoding', 'gb18030'])
MA.csv('gb18030-auto-bad-seq', 65, where(3), raw=gbh + 'E1,张三,教务处\n'.encode('gb18030') + b'E2,\x81\x20,x\n',
       extra=['--encoding', 'auto'])
MA.csv('gb18030-truncated', 65, where(2), raw=gbh + b'E1,\xd5', extra=['--encoding', 'gb18030'])
MA.csv('gb18030-good', 0, 'ok', raw=gbh + 'E1,张三,教务处\n'.encode('gb18030'),
       extra=['--encoding', 'gb18030', '--dry-run'])
MA.csv('utf16', 65, where(1), raw='employee_no,name\nE1,x\n'.encode('utf-16'))
MA.csv('bare-cr', 0, 'ok', raw=b'employee_no,name\rE1,x\r', extra=['--dry-run'])
MA.csv('bad-key-option', 64, '~--key', 'x', extra=['--key', 'nosuch'])

# member-set: words and members.
MS.csv('no-member', 65, where(3), MS.row(member_no='999999', unit='x'))
MS.csv('status-no-date', 65, where(3), MS.row(status='left'))
MS.csv('status-word', 65, where(3), MS.row(status='vacation', date='2026-03-01'))
MS.csv('hardship-word', 65, where(3), MS.row(hardship='very'))
MS.csv('role-word', 65, where(3), MS.row(role='king'))
MS.csv('no-key', 65, where(2), raw=lines('unit', 'x'))

# fund-ledger import: the books' rules.
FL.csv('category-unknown', 65, where(3), FL.row(category='999'))
FL.csv('category-sql', 65, where(3), FL.row(category="402' OR '1'='1"))
FL.csv('fund-unknown', 65, where(3), FL.row(fund='nofund'))
FL.csv('account-unknown', 65, where(3), FL.row(account='wallet'))
FL.csv('voucher-dup', 65, where(3), FL.row(voucher='HV-1'))
FL.csv('member-unknown', 65, where(3), FL.row(category='50102', member_no='999999'))
FL.csv('overdraft', 65, where(3), FL.row(category='50102', amount='99999999.00'))
FL.csv('void-of-unknown', 65, where(2), raw=lines('date,category,amount,void_of', '2026-04-01,402,1.00,77'))
FL.csv('direction-disagrees', 65, where(2), raw=lines('date,category,amount,direction', '2026-04-01,402,1.00,out'))

# dispute-log import: the cases' rules.
for suffix, kw in [('category', dict(category='加班')), ('kind', dict(kind='complaint')), ('source', dict(source='fax')),
                   ('workers-neg', dict(workers='-1')), ('workers-huge', dict(workers='99999999999999999999')),
                   ('workers-float', dict(workers='1.5')), ('workers-exp', dict(workers='1e3')),
                   ('code', dict(employer_code='ABC')),
                   ('closed-before', dict(status='closed', outcome='resolved', closed='2026-01-01')),
                   ('failed-recovered', dict(status='closed', outcome='failed', recovered='10', closed='2026-04-20')),
                   ('outcome-word', dict(status='closed', outcome='won', closed='2026-04-20')),
                   ('status-word', dict(status='pending')),
                   ('member-unknown', dict(members='999999')),
                   ('no-employer', dict(employer='')), ('no-summary', dict(summary=''))]:
    DL.csv(suffix, 65, where(3), DL.row(**kw))

# case_no is read and ignored (dispute-log(1)): a new case is numbered.
DL.csv('case-no-ignored', 0, 'ok', DL.row(case_no="2026-99999999999' OR 1=1"), extra=['--dry-run'])

# activity-log import: the activities' rules.
for suffix, kw in [('kind', dict(kind='party')), ('participants-neg', dict(participants='-1')),
                   ('participants-huge', dict(participants='99999999999999999999')),
                   ('participants-float', dict(participants='2.5')), ('plan-item', dict(plan_item='2026/九/9')),
                   ('plan-item-sql', dict(plan_item="1 OR 1=1")), ('member-unknown', dict(members='999999')),
                   ('cost-no-category', dict(cost='10')), ('category-unknown', dict(cost='10', category='999')),
                   ('no-title', dict(title=''))]:
    AL.csv(suffix, 65, where(3), AL.row(**kw))

# ---- plan-new: the Markdown plan ------------------------------------------
PLAN_HEAD = '# 2031年工会工作计划\n\n## 指导思想\n\n服务职工。\n\n## 一、甲\n\n1、好〔目标: study >= 1〕\n'


def plan(suffix, code, where_, body, raw=None, ext='md', extra=()):
    name = 'pn-%s.%s' % (suffix, ext)
    data = raw if raw is not None else (PLAN_HEAD + body).encode()
    add(name, code, where_, 'plan-new', '--year', '2031', *extra, '@', data=data)


plan('good', 0, 'ok', '2、也好\n', extra=['--dry-run'])
plan('empty', 65, where(1), '', raw=b'')
plan('bom-only', 65, where(1), '', raw=b'\xef\xbb\xbf')
plan('blank-only', 65, where(3), '', raw=b'\n\n\n')
plan('nul', 65, where(10), '', raw=PLAN_HEAD.encode() + b'2\xe3\x80\x81a\x00b\n')
plan('bad-utf8', 65, where(10), '', raw=PLAN_HEAD.encode() + b'2\xe3\x80\x81\xff\xfe\n')
plan('gb18030', 65, where(1), '', raw=PLAN_HEAD.encode('gb18030'))
plan('no-title', 65, where(1), '', raw='## 指导思想\n\n服务。\n'.encode())
plan('metric-unknown', 65, where(10), '2、a〔目标: parties >= 4〕\n')
plan('count-int64', 65, where(10), '2、a〔目标: training >= 9223372036854775808〕\n')
plan('count-huge', 65, where(10), '2、a〔目标: training >= 1e30〕\n')
plan('count-neg', 65, where(10), '2、a〔目标: training >= -1〕\n')
plan('count-nan', 65, where(10), '2、a〔目标: training >= NaN〕\n')
plan('amount-int64', 65, where(10), '2、a〔目标: hardship_paid >= 92233720368547758.08〕\n')
plan('amount-three-dec', 65, where(10), '2、a〔目标: hardship_paid >= 1.005〕\n')
plan('rate-over', 65, where(10), '2、a〔目标: dispute_success_rate >= 100.1%〕\n')
plan('operator', 65, where(10), '2、a〔目标: training => 4〕\n')
plan('item-number-huge', 65, where(10), '99999999999999999999、a\n')
plan('esc-in-item', 65, where(10), '2、a\x1b[2Jb\n')
plan('c1-in-item', 65, where(10), '2、a\u009bb\n')
plan('esc-in-title', 65, where(1), '', raw='# 计划\x1b]0;x\x07\n\n## 指导思想\n\n服务。\n\n## 一、甲\n\n1、a\n'.encode())
plan('heading-bad', 65, where(10), '## 第二部分\n')
plan('sql-item', 0, 'ok', "2、'; DROP TABLE plans;--\n", extra=['--dry-run'])
plan('json-syntax', 65, where(1), '', raw=b'{"title": "x",', ext='json')
plan('json-not-object', 65, where(1), '', raw=b'[1, 2]\n', ext='json')
plan('year-exists', 65, '~2026', '', raw=PLAN_HEAD.replace('2031', '2026').encode(), extra=[])
cases[-1] = ('pn-year-exists.md', '65', '~2026', 'plan-new', ['--year', '2026', '@'])

# ---- bad arguments ----------------------------------------------------------
def arg(name, code, where_, tool, *args):
    add('arg-' + name, code, where_, tool, *args)


E = '\\0033[2J'
for tool in ['member-ls', 'member-add', 'member-set', 'fund-ledger', 'dispute-log', 'activity-log', 'plan-new',
             'union-config', 'report-year', 'report-month']:
    arg(tool + '-unknown-option', 64, '~--nosuch', tool, '--nosuch')
    arg(tool + '-bad-format', 64, '~bogus', tool, '-f', 'bogus')
    arg(tool + '-missing-db-arg', 64, '~--db', tool, '--db')

for tool, pre in [('fund-ledger', ['ls']), ('dispute-log', ['stats'])]:
    n = tool + '-' + pre[0]
    arg(n + '-month-13', 65, '~--month', tool, *pre, '--month', '2026-13')
    arg(n + '-month-00', 65, '~--month', tool, *pre, '--month', '2026-00')
    arg(n + '-month-esc', 65, '~--month', tool, *pre, '--month', '2026-1' + E)
    arg(n + '-year-5', 65, '~--year', tool, *pre, '--year', '99999')
    arg(n + '-year-neg', 65, '~--year', tool, *pre, '--year', '-1')
    arg(n + '-from-feb30', 65, '~--from', tool, *pre, '--from', '2026-02-30', '--to', '2026-03-01')
    arg(n + '-to-zeros', 65, '~--to', tool, *pre, '--from', '2026-01-01', '--to', '0000-00-00')
    arg(n + '-from-alone', 64, '~--to', tool, *pre, '--from', '2026-01-01')
    arg(n + '-year-and-month', 64, '~--year', tool, *pre, '--year', '2026', '--month', '2026-01')
arg('report-month-13', 65, '~--month', 'report-month', '--month', '2026-13')
arg('report-month-99999', 65, '~--month', 'report-month', '--month', '99999-01')
arg('report-month-sql', 65, '~--month', 'report-month', '--month', "2026-01' OR 1=1")
arg('report-month-none', 64, '~--month', 'report-month')
arg('report-year-year-5', 65, '~--year', 'report-year', '--year', '99999')
arg('report-year-year-shell', 65, '~--year', 'report-year', '--year', '$(rm -rf /)')
arg('report-year-table', 64, '~--table', 'report-year', '--year', '2026', '-f', 'csv', '--table', 'nosuch')
arg('report-year-lang', 64, '~--lang', 'report-year', '--year', '2026', '--lang', 'xx')
arg('report-year-merge-missing', 66, '~nosuch.json', 'report-year', '--merge', 'nosuch.json')

# fund-ledger add / transfer / opening / void / balance / dues.
for suffix, v in AMOUNTS_BAD[:5] + [('negative', '-1'), ('esc', '1' + E), ('empty', '')]:
    v = v.strip('"')
    if v.startswith('-') and v[1:2].isdigit():
        # A negative number where the amount goes is refused as an amount.
        arg('fund-ledger-add-amount-' + suffix, 65, '~amount', 'fund-ledger', 'add', '2026-04-01', v, '402')
        arg('fund-ledger-add-amount-dashdash-' + suffix, 65, '~amount', 'fund-ledger', 'add', '--', '2026-04-01', v, '402')
    elif v.startswith('-'):
        # An argument that starts with '-' is an option: 64 without '--'.
        arg('fund-ledger-add-amount-' + suffix, 64, '~option', 'fund-ledger', 'add', '2026-04-01', v, '402')
        arg('fund-ledger-add-amount-dashdash-' + suffix, 65, '~amount', 'fund-ledger', 'add', '--', '2026-04-01', v, '402')
    else:
        arg('fund-ledger-add-amount-' + suffix, 65, '~amount', 'fund-ledger', 'add', '2026-04-01', v, '402')
for suffix, v in DATES_BAD[:4] + [('neg-year', '-2026-01-01'), ('esc', '2026' + E)]:
    if v.startswith('-'):
        arg('fund-ledger-add-date-' + suffix, 64, '~option', 'fund-ledger', 'add', v, '1.00', '402')
    else:
        arg('fund-ledger-add-date-' + suffix, 65, '~date', 'fund-ledger', 'add', v, '1.00', '402')
arg('fund-ledger-add-category-esc', 65, '~category', 'fund-ledger', 'add', '2026-04-01', '1.00', '4' + E)
arg('fund-ledger-add-too-few', 64, '~DATE', 'fund-ledger', 'add', '2026-04-01')
arg('fund-ledger-add-memo-esc', 65, '~memo', 'fund-ledger', 'add', '2026-04-01', '1.00', '402', '--memo', 'a' + E)
arg('fund-ledger-add-voucher-esc', 65, '~voucher', 'fund-ledger', 'add', '2026-04-01', '1.00', '402', '--voucher', 'V' + E)
arg('fund-ledger-transfer-memo-esc', 65, '~memo', 'fund-ledger', 'transfer', '2026-04-01', '1.00',
    '--from', 'general:bank', '--to', 'general:cash', '--memo', 'm' + E)
arg('fund-ledger-void-reason-esc', 65, '~reason', 'fund-ledger', 'void', '--reason', 'r' + E, '1')
arg('fund-ledger-add-member-unknown', 65, '~999999', 'fund-ledger', 'add', '2026-04-01', '1.00', '50102', '--member', '999999')
arg('fund-ledger-transfer-int64', 65, '~amount', 'fund-ledger', 'transfer', '2026-04-01', '92233720368547758.08',
    '--from', 'general:bank', '--to', 'general:cash')
arg('fund-ledger-transfer-same', 65, '~general', 'fund-ledger', 'transfer', '2026-04-01', '1.00',
    '--from', 'general:bank', '--to', 'general:bank')
arg('fund-ledger-opening-twice', 65, '~opening', 'fund-ledger', 'opening', '2026-01-01', '1.00', '--fund', 'general',
    '--account', 'bank')
for suffix, v in [('huge', '99999999999999999999999'), ('neg', '-1'), ('zero', '0'), ('exp', '1e3'), ('hex', '0x10'),
                  ('sql', '1 OR 1=1'), ('unknown', '999999')]:
    # Not an ID at all: a malformed command line (64, as t2004 has it).
    arg('fund-ledger-void-' + suffix, 65 if suffix == 'unknown' else 64, '~' + v, 'fund-ledger', 'void',
        '--reason', 'x', '--', v)
arg('fund-ledger-balance-at', 65, '~--at', 'fund-ledger', 'balance', '--at', '2026-02-30')
arg('fund-ledger-balance-by', 64, '~--by', 'fund-ledger', 'balance', '--by', 'colour')
arg('fund-ledger-dues-month', 65, '~--month', 'fund-ledger', 'dues', '--month', '2026-13')
arg('fund-ledger-dues-no-month', 64, '~--month', 'fund-ledger', 'dues')
arg('fund-ledger-ls-category-sql', 65, '~category', 'fund-ledger', 'ls', '--category', "' OR 1=1 --")
arg('fund-ledger-no-command', 64, '~fund-ledger', 'fund-ledger')
arg('fund-ledger-bad-command', 64, '~frobnicate', 'fund-ledger', 'frobnicate')

# dispute-log.
DO = ['open', '--received', '2026-04-01', '--category', 'wages', '--employer', 'x', '--summary', 's']
arg('dispute-log-open-summary-esc', 65, '~summary', 'dispute-log', *(DO[:-1] + ['s' + E]))
arg('dispute-log-update-note-esc', 65, '~note', 'dispute-log', 'update', '2026-0001', '--note', 'n' + E)
arg('dispute-log-close-note-esc', 65, '~note', 'dispute-log', 'close', '2026-0001', '--outcome', 'resolved',
    '--note', 'n' + E)
arg('dispute-log-open-received', 65, '~received', 'dispute-log', *(DO[:1] + ['--received', '2026-02-30'] + DO[3:]))
arg('dispute-log-open-category', 65, '~nosuch', 'dispute-log', *(DO[:3] + ['--category', 'nosuch'] + DO[5:]))
arg('dispute-log-open-claimed-int64', 65, '~claimed', 'dispute-log', *DO, '--claimed', '92233720368547758.08')
arg('dispute-log-open-claimed-nan', 65, '~claimed', 'dispute-log', *DO, '--claimed', 'NaN')
arg('dispute-log-open-claimed-1e400', 65, '~claimed', 'dispute-log', *DO, '--claimed', '1e400')
arg('dispute-log-open-workers-huge', 65, '~workers', 'dispute-log', *DO, '--workers', '99999999999999999999')
arg('dispute-log-open-workers-neg', 65, '~workers', 'dispute-log', *DO, '--workers', '-3')
arg('dispute-log-open-member', 65, '~999999', 'dispute-log', *DO, '--member', '999999')
arg('dispute-log-open-employer-esc', 65, '~employer', 'dispute-log', *(DO[:5] + ['--employer', 'x' + E] + DO[7:]))
arg('dispute-log-open-no-summary', 64, '~--summary', 'dispute-log', *DO[:7])
for suffix, v in [('huge', '2026-99999999999'), ('bad', 'abc'), ('sql', "2026-0001' OR '1'='1"), ('unknown', '2026-9999'),
                  ('esc', '2026-' + E)]:
    arg('dispute-log-show-' + suffix, 65, '~2026' if suffix != 'bad' else '~abc', 'dispute-log', 'show', v)
arg('dispute-log-close-outcome', 65, '~won', 'dispute-log', 'close', '2026-0001', '--outcome', 'won')
arg('dispute-log-close-recovered', 65, '~recovered', 'dispute-log', 'close', '2026-0001', '--outcome', 'resolved',
    '--recovered', '1e400')
arg('dispute-log-close-date', 65, '~2026-02-30', 'dispute-log', 'close', '2026-0001', '--outcome', 'resolved',
    '--date', '2026-02-30')
arg('dispute-log-stats-collective', 65, '~--collective', 'dispute-log', 'stats', '--collective', '-1')
arg('dispute-log-ls-at', 65, '~--at', 'dispute-log', 'ls', '--overdue', '--at', '0000-00-00')

# activity-log.
arg('activity-log-add-date', 65, '~date', 'activity-log', 'add', '2026-02-30', 'meeting', 't')
arg('activity-log-add-note-esc', 65, '~note', 'activity-log', 'add', '2026-04-01', 'meeting', 't', '--note', 'n' + E)
arg('activity-log-add-kind', 65, '~kind', 'activity-log', 'add', '2026-04-01', 'party', 't')
arg('activity-log-add-participants', 65, '~participants', 'activity-log', 'add', '2026-04-01', 'meeting', 't',
    '--participants', '1e30')
arg('activity-log-add-cost', 65, '~1e400', 'activity-log', 'add', '2026-04-01', 'meeting', 't', '--cost', '1e400',
    '--category', '50102')
arg('activity-log-add-cost-nan', 65, '~NaN', 'activity-log', 'add', '2026-04-01', 'meeting', 't', '--cost', 'NaN',
    '--category', '50102')
arg('activity-log-add-plan-item', 65, '~2026/九/9', 'activity-log', 'add', '2026-04-01', 'meeting', 't',
    '--plan-item', '2026/九/9')
arg('activity-log-add-title-esc', 65, '~title', 'activity-log', 'add', '2026-04-01', 'meeting', 't' + E)
arg('activity-log-ls-kind', 65, '~--kind', 'activity-log', 'ls', '--kind', 'party')

# member-add, member-set, member-ls single-record arguments.
MAO = ['--name', '某', '--employee-no', 'A1']
arg('member-add-wage-1e400', 65, '~wage_base', 'member-add', *MAO, '--wage-base', '1e400')
arg('member-add-wage-int64', 65, '~wage_base', 'member-add', *MAO, '--wage-base', '92233720368547758.08')
arg('member-add-join-feb30', 65, '~join_date', 'member-add', *MAO, '--join-date', '2026-02-30')
arg('member-add-id-check', 65, '~id_card', 'member-add', *MAO, '--id-card', '110105197001010063')
arg('member-add-name-esc', 65, '~name', 'member-add', '--name', 'a' + E, '--employee-no', 'A1')
arg('member-add-name-c1', 65, '~name', 'member-add', '--name', 'a\\0302\\0233b', '--employee-no', 'A1')
arg('member-add-no-key', 65, '~employee_no', 'member-add', '--name', 'x', '--unit', 'y')
arg('member-add-file-missing', 66, '~nosuch.csv', 'member-add', 'nosuch.csv')
arg('member-add-file-esc-name', 66, '~nosuch', 'member-add', 'nosuch' + E + '.csv')
arg('member-set-unknown', 65, '~999999', 'member-set', '999999', '--group', 'x')
arg('member-set-status-word', 65, '~vacation', 'member-set', '000001', '--status', 'vacation', '--date', '2026-03-01')
arg('member-set-date', 65, '~2026-02-30', 'member-set', '000001', '--status', 'left', '--date', '2026-02-30')
arg('member-set-wage', 65, '~wage_base', 'member-set', '000001', '--wage-base', 'NaN')
arg('member-set-by', 64, '~--by', 'member-set', '000001', '--by', 'name', '--group', 'x')
arg('member-set-role', 65, '~king', 'member-set', '000001', '--role', 'king')
arg('member-ls-status', 64, '~--status', 'member-ls', '--status', 'bogus')
arg('member-ls-joined', 64, '~--joined', 'member-ls', '--joined', '99999')
arg('member-ls-history-unknown', 65, '~999999', 'member-ls', '--history', '999999')
arg('member-ls-where', 64, '~--where', 'member-ls', '--where', 'nosuch=1')

# union-config and plan-new.
arg('union-config-unknown-key', 65, '~no.such', 'union-config', 'no.such', 'x')
arg('union-config-share', 65, '~funds.allocation_share', 'union-config', 'funds.allocation_share', '150')
arg('union-config-limit', 65, '~disputes.limit_days', 'union-config', '--', 'disputes.limit_days', '-1')
arg('union-config-threshold-huge', 65, '~disputes.collective_threshold', 'union-config',
    'disputes.collective_threshold', '99999999999999999999')
arg('union-config-code', 65, '~union.code', 'union-config', 'union.code', "81'; DROP TABLE settings;--")
arg('union-config-name-esc', 65, '~union.name', 'union-config', 'union.name', 'x' + E)
arg('union-config-level', 65, '~union.level', 'union-config', 'union.level', 'galactic')
arg('plan-new-year-13', 65, '~2026-13', 'plan-new', '--year', '2026-13', '--template')
arg('plan-new-year-huge', 65, '~99999999999999999999', 'plan-new', '--year', '99999999999999999999', '--template')
arg('plan-new-copy-from', 65, '~1e3', 'plan-new', '--year', '2031', '--copy-from', '1e3')
arg('plan-new-progress-at', 65, '~--at', 'plan-new', '--year', '2026', '--progress', '--at', '2026-02-30')
arg('plan-new-no-year', 64, '~--year', 'plan-new', '--template')


def main():
    names = set()
    for name, code, w, tool, args in cases:
        assert name not in names, name
        names.add(name)
    for old in os.listdir(HERE):
        if old not in ('make-corpus.py', 'MANIFEST') and old not in files:
            os.remove(os.path.join(HERE, old))
    for name, data in files.items():
        with open(os.path.join(HERE, name), 'wb') as f:
            f.write(data)
    with open(os.path.join(HERE, 'MANIFEST'), 'w', encoding='utf-8') as f:
        f.write('# Generated by make-corpus.py; see its head for the fields.\n')
        for name, code, w, tool, args in cases:
            args = [a if a != '' else '@EMPTY' for a in args]
            for a in args:
                assert '\t' not in a and '\n' not in a, (name, a)
            f.write('\t'.join([name, code, w, tool] + args) + '\n')
    print('%d cases, %d files, %d bytes' % (len(cases), len(files), sum(len(d) for d in files.values())),
          file=sys.stderr)


main()
