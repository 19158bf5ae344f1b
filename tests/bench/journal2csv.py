#!/usr/bin/env python3
"""Turns the benchmark journal (a ledger-cli file written by the generator
named by UK_BENCH_GEN, see ledger.sh) into fund-ledger import records, so
that both tools are measured on the same books. Standard library only.

    python3 journal2csv.py < j.ledger > entries.csv
"""
import csv
import re
import sys

CATEGORY = {
    "收入:会费收入": "401", "收入:拨缴经费收入": "402", "收入:上级补助收入": "403",
    "收入:行政补助收入": "405", "收入:投资收益": "407", "收入:其他收入": "408",
    "支出:职工活动支出:教育活动": "50101", "支出:职工活动支出:文体活动": "50102",
    "支出:职工活动支出:节日慰问": "50104", "支出:维权支出:劳动关系协调": "50201",
    "支出:维权支出:劳动保护": "50202", "支出:维权支出:困难帮扶": "50204",
    "支出:业务支出:培训": "50301", "支出:业务支出:会议": "50302",
    "支出:行政支出": "508", "支出:补助下级支出": "506", "支出:资本性支出": "505",
    "支出:其他支出": "508",
}
PLACE = {"资产:银行存款": "bank", "资产:库存现金": "cash"}
POSTING = re.compile(r"^\s+(\S+)\s{2,}(?:CNY )?(-?[0-9.]+)(?: CNY)?\s*$")


def main():
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["date", "fund", "account", "category", "amount", "memo"])
    date = memo = None
    posts = []

    def flush():
        if not date:
            return
        assets = [(PLACE[a], v) for a, v in posts if a in PLACE]
        others = [(a, v) for a, v in posts if a not in PLACE]
        if any(a.startswith("净资产") for a, _ in others):
            for acct, v in assets:
                out.writerow([date, "general", acct, "opening", v, memo])
        elif not others:  # bank <-> cash
            src = [a for a in assets if a[1].startswith("-")][0]
            dst = [a for a in assets if not a[1].startswith("-")][0]
            out.writerow([date, "general", src[0], "transfer-out", dst[1], memo])
            out.writerow([date, "general", dst[0], "transfer-in", dst[1], memo])
        else:
            code = CATEGORY[others[0][0]]
            for acct, v in assets:
                out.writerow([date, "general", acct, code, v.lstrip("-"), memo])

    for line in sys.stdin:
        if line[:1].isdigit():
            flush()
            head = line.rstrip("\n").split("  ;")[0]
            date, _, memo = head.partition(" * ")
            posts = []
        else:
            m = POSTING.match(line)
            if m and date:
                posts.append((m.group(1), m.group(2)))
    flush()


if __name__ == "__main__":
    main()
