#!/usr/bin/env python3
"""Order and retention metrics of the UCI Online Retail head (1-7 Dec 2010) computed straight from online_retail.csv
with Python's csv module, independently of JourneyReports. RealDataMetricsTests (weekly trend) and
RealDataOnlineRetailTests hold the figures.

    python3 tests/JourneyReports.Tests/Import/uci_online_retail_metrics.py [../shared/data]

The export read the way the documented definitions say. A line is a record with all 8 fields (the last is cut short);
an order is an invoice with a CustomerID (lines without one belong to nobody); invoices starting with 'C' are
cancellations, which are not orders. Revenue is the sum of |Quantity| * UnitPrice of the invoice's lines. Times are UK
local (GMT in December); weeks start on Monday.
- KPIs: orders in the period, revenue, revenue / orders. Repeat purchase: customers with 2+ orders / customers.
- Weekly cohorts: the week of a customer's first order; cell k = cohort customers with an order k weeks later.
- Departments: every product is in 'unknown', so the one department's orders and line revenue are the whole shop's.
"""
import csv
import os
import sys
from collections import Counter, defaultdict
from datetime import datetime, timedelta
from decimal import Decimal

DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "shared", "data")
with open(os.path.join(DATA, "uci-online-retail-head", "online_retail.csv"), newline="", encoding="utf-8") as f:
    records = [r for r in list(csv.reader(f))[1:] if len(r) == 8]

invoices = defaultdict(lambda: {"revenue": Decimal(0)})
for invoice, _stock, _description, quantity, when, price, customer, _country in records:
    if not customer:
        continue
    i = invoices[invoice]
    i.update(customer=int(float(customer)), at=datetime.strptime(when, "%m/%d/%y %H:%M"), cancelled=invoice.startswith("C"))
    i["revenue"] += abs(Decimal(quantity)) * Decimal(price)
assert len({k.lstrip("C") for k in invoices}) == len(invoices), "a cancellation shares its number with an invoice"
orders = [i for i in invoices.values() if not i["cancelled"]]
print(f"lines {len(records)}, invoices with a customer {len(invoices)}, orders {len(orders)}")

monday = lambda t: (t - timedelta(days=t.weekday())).date()
weeks = defaultdict(list)
for o in orders:
    weeks[monday(o["at"])].append(o)
for w in sorted(weeks):
    print(f"week of {w}: orders {len(weeks[w])}, revenue {sum(o['revenue'] for o in weeks[w])}")

total = sum(o["revenue"] for o in orders)
per = Counter(o["customer"] for o in orders)
print(f"1-7 Dec 2010: orders {len(orders)}, revenue {total}, aov {total / len(orders):.6f}, "
      f"customers {len(per)}, 2+ orders {sum(1 for n in per.values() if n >= 2)}")

first = {c: min(monday(o["at"]) for o in orders if o["customer"] == c) for c in per}
cohorts = Counter(first.values())
back = sum(1 for c, w in first.items() if w == min(weeks) and any(monday(o["at"]) == w + timedelta(days=7) for o in orders if o["customer"] == c))
print(f"weekly cohorts: {dict(sorted((str(k), v) for k, v in cohorts.items()))}; of the first, back the next week: {back}")
