#!/usr/bin/env python3
"""Year reports of N made-up grassroots unions, in the JSON that
`report-year -f json` writes (schema 1), with random figures that hold
together as a real union's do (concluded <= received, rates from the
counts, women <= members). For the tests and the benchmark of
`report-year --merge`: no database is needed to make ten thousand of them.

    python3 gen-year-reports.py DIR N [SEED]   writes DIR/u00001.json ...
"""
import json
import os
import random
import sys

CLASSES = [("401", "会费收入", "income"), ("402", "拨缴经费收入", "income"),
           ("403", "上级补助收入", "income"), ("405", "行政补助收入", "income"),
           ("408", "其他收入", "income"), ("501", "职工活动支出", "expense"),
           ("502", "维权支出", "expense"), ("503", "业务支出", "expense"),
           ("508", "其他支出", "expense"), ("509", "职工服务支出", "expense")]
BALANCES = [("general", "工会经费", "bank"), ("general", "工会经费", "cash"),
            ("hardship", "帮困基金", "bank"), ("mutual-aid", "职工医疗互助", "bank")]
CATEGORIES = ["relationship", "contract", "termination", "hours-leave",
              "social-insurance", "wages", "injury", "other"]
KINDS = ["congress", "meeting", "study", "training", "competition", "culture-sports",
         "visit", "health-check", "rest", "aid", "legal", "other"]
UNITS = ["办公室", "财务部", "生产一车间", "生产二车间", "质检部", "后勤处", "销售部",
         "技术部", "仓储物流部", "安全环保部"]
INSURED = ["active", "retired", "ankang", "special"]


def money(fen):
    sign = "-" if fen < 0 else ""
    return "%s%d.%02d" % (sign, abs(fen) // 100, abs(fen) % 100)


def rate(num, den):
    """Per mille rounded half up, as a percentage with one decimal (as lib
    does); None without a denominator."""
    return None if den == 0 else ((num * 1000 + den // 2) // den) / 10


def report(rnd, i, year):
    total = rnd.randint(0, 3000)
    retired = rnd.randint(0, total // 10)
    female = rnd.randint(0, total)
    units = rnd.sample(UNITS, rnd.randint(1, 5))
    left = total
    by_unit = []
    for k, u in enumerate(units):
        n = left if k == len(units) - 1 else rnd.randint(0, left)
        left -= n
        by_unit.append({"unit": u, "members": n})
    classes = [c for c in CLASSES if rnd.random() < 0.7]
    by_class = [{"code": c, "name": n, "kind": k, "amount": money(rnd.randint(0, 5000000))}
                for c, n, k in classes]
    income = sum(int(r["amount"].replace(".", "")) for r in by_class if r["kind"] == "income")
    expense = sum(int(r["amount"].replace(".", "")) for r in by_class if r["kind"] == "expense")
    months = ["%04d-%02d" % (year, m) for m in range(1, 13) if rnd.random() < 0.6]
    by_month = [{"month": m, "income": money(rnd.randint(0, 900000)),
                 "expense": money(rnd.randint(-50000, 900000))} for m in months]
    balances = [{"fund": f, "title": t, "account": a, "opening": money(rnd.randint(0, 9000000)),
                 "closing": money(rnd.randint(0, 9000000))}
                for f, t, a in BALANCES if rnd.random() < 0.8]
    received = rnd.randint(0, 40) if rnd.random() < 0.8 else 0
    resolved = rnd.randint(0, received)
    failed = rnd.randint(0, received - resolved)
    referred = rnd.randint(0, received - resolved - failed)
    concluded = resolved + failed + referred
    withdrawn = rnd.randint(0, received - concluded)
    still_open = received - concluded - withdrawn
    by_cat = dict.fromkeys(CATEGORIES, 0)
    for _ in range(received):
        by_cat[rnd.choice(CATEGORIES)] += 1
    insured = {c: rnd.randint(0, total) for c in INSURED}
    insured["total"] = sum(insured.values())
    code = "81%016d" % (i * 7919) if rnd.random() < 0.7 else None
    return {
        "schema_version": 1, "kind": "year", "year": year, "partial": False,
        "as_of": "%04d-12-31" % year,
        "union": {"name": "第%05d号基层工会" % i, "code": code, "parent": None,
                  "level": "grassroots"},
        "members": {
            "total": total, "active": total - retired, "retired": retired,
            "joined": rnd.randint(0, 200),
            "left": {"left": rnd.randint(0, 50), "transferred": rnd.randint(0, 20),
                     "deceased": rnd.randint(0, 5)},
            "female": female, "female_share": rate(female, total),
            "hardship": {"relative": rnd.randint(0, 30), "deep": rnd.randint(0, 10),
                         "accident": rnd.randint(0, 5)},
            "hardship_files": {"new": rnd.randint(0, 10), "out": rnd.randint(0, 10)},
            "by_unit": by_unit,
        },
        "funds": {
            "income": money(income), "expense": money(expense),
            "dues": money(rnd.randint(0, 3000000)), "hardship_paid": money(rnd.randint(0, 500000)),
            "hardship_recipients": rnd.randint(0, 40), "disclosures": rnd.randint(0, 12),
            "by_class": by_class, "by_month": by_month, "balances": balances,
        },
        "disputes": {
            "received": received, "concluded": concluded, "resolved": resolved,
            "failed": failed, "referred": referred, "withdrawn": withdrawn,
            "open": still_open, "overdue": rnd.randint(0, still_open),
            "petitions": rnd.randint(0, 5), "workers": received * rnd.randint(1, 6),
            "collective": rnd.randint(0, received), "collective_threshold": 10,
            "closed": concluded + withdrawn,
            "claimed": money(rnd.randint(0, 90000000)), "recovered": money(rnd.randint(0, 9000000)),
            "handled_rate": rate(concluded, received), "success_rate": rate(resolved, concluded),
            "by_category": by_cat,
        },
        "care": {
            "persons": rnd.randint(0, 300), "times": rnd.randint(0, 400),
            "cash": money(rnd.randint(0, 900000)), "goods": money(rnd.randint(0, 400000)),
            "units": rnd.randint(0, 10), "workers": rnd.randint(0, 900),
            "hardship": {"persons": rnd.randint(0, 30), "amount": money(rnd.randint(0, 300000))},
            "summer": {"units": rnd.randint(0, 5), "workers": rnd.randint(0, 500),
                       "amount": money(rnd.randint(0, 200000))},
            "school_aid": {"students": rnd.randint(0, 10), "amount": money(rnd.randint(0, 100000))},
        },
        "mutual_aid": {
            "insured": insured, "units": rnd.randint(0, 10), "full_units": rnd.randint(0, 5),
            "premiums": money(rnd.randint(0, 900000)), "claims": rnd.randint(0, 50),
            "paid": money(rnd.randint(0, 600000)),
        },
        "activities": [{"kind": k, "count": c, "participants": c * rnd.randint(0, 80)}
                       for k, c in ((k, rnd.randint(0, 6)) for k in KINDS)],
        "plan": [{"item": "%d/一/1" % year, "text": "发展会员", "target": "members_joined >= 10",
                  "actual": "12", "result": "met"}],
    }


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    os.makedirs(out, exist_ok=True)
    for i in range(1, n + 1):
        with open(os.path.join(out, "u%05d.json" % i), "w", encoding="utf-8") as f:
            json.dump(report(rnd, i, 2025), f, ensure_ascii=False, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
