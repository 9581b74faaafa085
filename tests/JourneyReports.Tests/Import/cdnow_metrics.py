#!/usr/bin/env python3
"""Order and retention metrics of the CDNOW transaction log computed straight from CDNOW_master.txt with plain
Python, independently of JourneyReports. RealDataMetricsTests (cohorts) and RealDataCdnowTests hold the figures.

    python3 tests/JourneyReports.Tests/Import/cdnow_metrics.py [../shared/data]

The log read the way the documented definitions say: every line is an order (customer_id, date YYYYMMDD,
number_of_cds, dollar_value), dates are days (UTC midnight). Every customer's first purchase is in Q1 1997.
- KPIs: orders in the period and the sum of their dollar_value.
- Repeat purchase: customers with 2+ orders in the period / customers with an order in it; the repeat-rate KPI also
  counts customers with an order before the period.
- Churn (90 days) as of the period end: customers with an order from 90 days before the period start to its end;
  churned when their latest order before the end is more than 90 days before the end (a day exactly 90 days before
  is not more). Per group: mean orders and mean revenue in that window.
- Cohorts: the month of a customer's first order; cell k = cohort customers with an order k months later.
"""
import os
import sys
from collections import Counter, defaultdict
from datetime import date, timedelta
from decimal import Decimal

DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "shared", "data")
with open(os.path.join(DATA, "cdnow-transactions", "CDNOW_master.txt"), encoding="ascii") as f:
    lines = [line.split() for line in f.read().splitlines()[1:] if line.strip()]
orders = [(int(c), date(int(d[:4]), int(d[4:6]), int(d[6:])), Decimal(v)) for c, d, _cds, v in lines]
print(f"orders {len(orders)}, customers {len({o[0] for o in orders})}")


def period(start, end):   # end exclusive
    return [o for o in orders if start <= o[1] < end]


q1 = period(date(1997, 1, 1), date(1997, 4, 1))
print(f"Q1 1997: orders {len(q1)}, revenue {sum(o[2] for o in q1)}")
per = Counter(o[0] for o in q1)
print(f"  repeat purchase: customers {len(per)}, 2+ orders {sum(1 for n in per.values() if n >= 2)}")

months = defaultdict(set)
for c, d, _ in orders:
    months[c].add(d.year * 12 + d.month - 1)
print("monthly cohorts of Q1 1997: size, customers in months k = 1, 3, 12, 17")
cohorts = defaultdict(list)
for c, m in months.items():
    cohorts[min(m)].append(c)
for first in sorted(cohorts):
    members = cohorts[first]
    print(f"  {first // 12}-{first % 12 + 1:02}: {len(members)}, "
          f"{[sum(1 for c in members if first + k in months[c]) for k in (1, 3, 12, 17)]}")

start, end = date(1998, 1, 1), date(1998, 7, 1)
h1 = period(start, end)
per = Counter(o[0] for o in h1)
before = {o[0] for o in orders if o[1] < start}
print(f"H1 1998: orders {len(h1)}, revenue {sum(o[2] for o in h1)}, customers {len(per)}, "
      f"2+ orders {sum(1 for n in per.values() if n >= 2)}, repeat-rate KPI {sum(1 for c in per if per[c] >= 2 or c in before)}")
window = period(start - timedelta(days=90), end)
history = defaultdict(list)
for o in window:
    history[o[0]].append(o)
groups = defaultdict(list)
for c, os_ in history.items():
    groups[max(o[1] for o in os_) < end - timedelta(days=90)].append(os_)
print(f"  churn (90 days) as of 30 Jun 1998: customers {len(history)}, churned {len(groups[True])}")
for churned in (True, False):
    g = groups[churned]
    print(f"    {'churned' if churned else 'retained'}: {len(g)}, mean orders {sum(len(x) for x in g)}/{len(g)}, "
          f"mean revenue {sum(o[2] for x in g for o in x) / len(g):.6f}")
