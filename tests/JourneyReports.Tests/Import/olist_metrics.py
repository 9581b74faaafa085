#!/usr/bin/env python3
"""Order, retention and experience metrics of the Olist sample computed straight from the CSV files with Python's csv
module, independently of JourneyReports. RealDataOlistTests holds the printed figures. (Late delivery has its own
script, olist_late_delivery.py.)

    python3 tests/JourneyReports.Tests/Import/olist_metrics.py [../shared/data]

Olist's columns read the way the documented definitions say (README "Journey metrics", docs/journey-metrics.md,
docs/journey-model.md). Every Olist time is São Paulo wall-clock time; the report period is 2017 in America/Sao_Paulo.
- An order counts unless cancelled (order_status canceled or unavailable); when: order_purchase_timestamp. A customer
  is a customer_unique_id. An order's revenue is the sum of its items' price + freight_value (0 without items).
- KPIs: orders in the period, their revenue, revenue / orders. Attribution: with no clickstream there are no touches,
  so every model credits exactly these orders and this revenue to "(none)".
- Repeat purchase: customers with 2+ orders in the period / customers with an order in it. The KPI repeat rate also
  counts a customer with one order in the period and another before it.
- Churn (90 days): the customers with an order from 90 days before the period start to its end; churned when their
  latest order before the end is more than 90 days before the end. Per group, of that window: mean orders, mean
  revenue, and the share of their delivered orders (delivered before the period end) delivered on a later local day
  than order_estimated_delivery_date.
- CSAT: share of review_score 4-5 of the reviews created in the period, per local month of review_creation_date.
- Cohorts: the month of a customer's first order ever; cell k = customers of the cohort with an order in month k after.
- Departments: a product's department is the English name of its category (the full translation table), else the
  Portuguese one, else 'unknown'; per department, orders of the period with a line of it and those lines' prices.
"""
import csv
import os
import sys
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "shared", "data")
SAO_PAULO = ZoneInfo("America/Sao_Paulo")
CHURN = timedelta(days=90)


def rows(folder, name):
    with open(os.path.join(DATA, folder, name), newline="", encoding="utf-8-sig") as f:
        yield from csv.DictReader(f)


def instant(text):
    """A São Paulo wall-clock time as a UTC instant."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=SAO_PAULO).astimezone(timezone.utc) if text else None


def start_of(day):
    return datetime.combine(day, datetime.min.time(), SAO_PAULO).astimezone(timezone.utc)


SAMPLE = "olist-brazilian-ecommerce-sample15k"
START, END = start_of(date(2017, 1, 1)), start_of(date(2018, 1, 1))
person = {r["customer_id"]: r["customer_unique_id"] for r in rows(SAMPLE, "olist_customers_dataset.csv")}
items = list(rows(SAMPLE, "olist_order_items_dataset.csv"))
revenue = defaultdict(Decimal)
for i in items:
    revenue[i["order_id"]] += Decimal(i["price"]) + Decimal(i["freight_value"])
orders = [dict(o, who=person[o["customer_id"]], at=instant(o["order_purchase_timestamp"]))
          for o in rows(SAMPLE, "olist_orders_dataset.csv") if o["order_status"] not in ("canceled", "unavailable")]
in_period = [o for o in orders if START <= o["at"] < END]

n, total = len(in_period), sum(revenue[o["order_id"]] for o in in_period)
print(f"2017 in America/Sao_Paulo: orders {n}, revenue {total}, aov {total / n:.6f}")

per_customer = Counter(o["who"] for o in in_period)
repeaters = sum(1 for c in per_customer.values() if c >= 2)
before = {o["who"] for o in orders if o["at"] < START}
repeat_kpi = sum(1 for who, c in per_customer.items() if c >= 2 or who in before)
print(f"repeat purchase: customers {len(per_customer)}, 2+ orders {repeaters}; repeat-rate KPI customers {repeat_kpi}")

window = [o for o in orders if START - CHURN <= o["at"] < END]
history = defaultdict(list)
for o in window:
    history[o["who"]].append(o)
groups = defaultdict(list)
for who, os_ in history.items():
    groups[max(o["at"] for o in os_) < END - CHURN].append(os_)
print(f"churn (90 days) as of 31 Dec 2017: customers {len(history)}, churned {len(groups[True])}")
for churned in (True, False):
    g = groups[churned]
    delivered = [o for os_ in g for o in os_ if o["order_delivered_customer_date"] and instant(o["order_delivered_customer_date"]) < END]
    late = sum(o["order_delivered_customer_date"][:10] > o["order_estimated_delivery_date"][:10] for o in delivered)
    mean_revenue = sum(sum(revenue[o["order_id"]] for o in os_) for os_ in g) / len(g)
    print(f"  {'churned' if churned else 'retained'}: {len(g)} customers, late {late} of {len(delivered)} delivered, "
          f"mean orders {sum(len(os_) for os_ in g)}/{len(g)}, mean revenue {mean_revenue:.6f}")

scores = [int(r["review_score"]) for r in rows(SAMPLE, "olist_order_reviews_dataset.csv")]
print(f"CSAT of every review: {sum(x >= 4 for x in scores)} of {len(scores)} = {100 * sum(x >= 4 for x in scores) / len(scores):.2f}%")
print("CSAT by local month of 2017 (answers, 4-5)")
months = defaultdict(list)
for r in rows(SAMPLE, "olist_order_reviews_dataset.csv"):
    if START <= instant(r["review_creation_date"]) < END:
        months[r["review_creation_date"][:7]].append(int(r["review_score"]))
for m in sorted(months):
    print(f"  {m}: {len(months[m])}, {sum(s >= 4 for s in months[m])}")
year = [s for m in months.values() for s in m]
print(f"  the year: {len(year)}, {sum(s >= 4 for s in year)}")

print("monthly cohorts of Q1 2017 (size; the months k > 0 with customers back: {k: customers})")
month_of = lambda o: o["at"].astimezone(SAO_PAULO).strftime("%Y-%m")
index = lambda m: int(m[:4]) * 12 + int(m[5:]) - 1
buckets = defaultdict(set)
for o in orders:
    buckets[o["who"]].add(index(month_of(o)))
cohorts = defaultdict(list)
for who, b in buckets.items():
    cohorts[min(b)].append(who)
for m in ("2017-01", "2017-02", "2017-03"):
    members = cohorts[index(m)]
    cells = Counter(k - index(m) for w in members for k in buckets[w] if k > index(m))
    print(f"  {m}: {len(members)}; {dict(sorted(cells.items()))}")

english = {r["product_category_name"]: r["product_category_name_english"]
           for r in rows("olist-brazilian-ecommerce-full-small-tables", "product_category_name_translation.csv")}
department = {p["product_id"]: english.get(p["product_category_name"]) or p["product_category_name"] or "unknown"
              for p in rows(SAMPLE, "olist_products_dataset.csv")}
period_orders = {o["order_id"] for o in in_period}
dept_orders, dept_revenue = defaultdict(set), defaultdict(Decimal)
for i in items:
    if i["order_id"] in period_orders and i["product_id"] in department:
        d = department[i["product_id"]]
        dept_orders[d].add(i["order_id"])
        dept_revenue[d] += Decimal(i["price"])
print(f"departments: {len(set(department.values()))}; 2017 top five by revenue (orders, revenue)")
for d in sorted(dept_revenue, key=lambda d: (-dept_revenue[d], d))[:5]:
    print(f"  {d}: {len(dept_orders[d])}, {dept_revenue[d]}")
