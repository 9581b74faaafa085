#!/usr/bin/env python3
"""The late-delivery figures of the Olist sample, computed straight from the CSV files with Python's csv module,
independently of JourneyReports (no mapping, no SQL, no DuckDB). RealDataMetricsTests holds the printed figures as
constants and checks the product's `late-delivery` metric against them.

    python3 tests/JourneyReports.Tests/Import/olist_late_delivery.py [../shared/data]

The definitions (docs/journey-model.md, "Late delivery"), applied to Olist's columns, for the report period
1 Jan 2016 - 31 Dec 2018 in America/Sao_Paulo (the zone of every Olist time) with churn_days = 90:

- An order counts unless cancelled (order_status canceled or unavailable). A customer is customer_unique_id.
- Deliveries: orders placed in the period with order_delivered_customer_date before the period end.
- Late: delivered on a later local day than order_estimated_delivery_date (a day: delivered on it, at any hour, is
  on time).
- The outcome of a delivery is known when the parcel arrives (on time) or when the promised day ends without it (late:
  midnight starting the day after the estimated date).
- A customer is late when any of their deliveries is late; they are read from a reference outcome: the earliest one of
  a late delivery, else the earliest one.
- Their answers: their reviews (review_score = CSAT) created in the period on or after the local day of the reference
  outcome. CSAT = share of scores 4-5. A review written while a late parcel is still on its way is the complaint about
  that lateness and counts.
- Churned: no order placed after the reference outcome and at most 90 days after it; only customers whose 90 days
  have passed by the newest order (any order not cancelled) count towards the churn share.
"""
import csv
import os
import sys
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "shared", "data")
OLIST = os.path.join(DATA, "olist-brazilian-ecommerce-sample15k")
SAO_PAULO = ZoneInfo("America/Sao_Paulo")
CHURN_DAYS = 90
PERIOD_START = datetime(2016, 1, 1, tzinfo=SAO_PAULO).astimezone(timezone.utc)
PERIOD_END = datetime(2019, 1, 1, tzinfo=SAO_PAULO).astimezone(timezone.utc)   # exclusive: the day after 31 Dec 2018


def rows(name):
    with open(os.path.join(OLIST, name), newline="", encoding="utf-8") as f:
        yield from csv.DictReader(f)


def local(text):
    """A São Paulo wall-clock time of the files as a UTC instant (so comparing and adding days works on instants,
    not on wall-clock times, across the DST changes of 2016-2018)."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=SAO_PAULO).astimezone(timezone.utc) if text else None


def day(text):
    """The São Paulo local day of a time of the files."""
    return datetime.strptime(text[:10], "%Y-%m-%d").date()


def start_of(local_day):
    """The instant a São Paulo local day starts."""
    return datetime.combine(local_day, datetime.min.time(), SAO_PAULO).astimezone(timezone.utc)


person = {r["customer_id"]: r["customer_unique_id"] for r in rows("olist_customers_dataset.csv")}
orders = [o for o in rows("olist_orders_dataset.csv") if o["order_status"] not in ("canceled", "unavailable")]
order_person = {o["order_id"]: person[o["customer_id"]] for o in rows("olist_orders_dataset.csv")}
reviews = list(rows("olist_order_reviews_dataset.csv"))

newest_order = max(local(o["order_purchase_timestamp"]) for o in orders)
orders_of = defaultdict(list)
for o in orders:
    orders_of[person[o["customer_id"]]].append(local(o["order_purchase_timestamp"]))

# Deliveries in the period, per customer: (late, outcome instant).
deliveries = defaultdict(list)
for o in orders:
    ordered, delivered, promised = (local(o[c]) for c in
                                    ("order_purchase_timestamp", "order_delivered_customer_date", "order_estimated_delivery_date"))
    if not (PERIOD_START <= ordered < PERIOD_END) or delivered is None or promised is None or delivered >= PERIOD_END:
        continue
    late = day(o["order_delivered_customer_date"]) > day(o["order_estimated_delivery_date"])
    end_of_promised_day = start_of(day(o["order_estimated_delivery_date"]) + timedelta(days=1))
    deliveries[person[o["customer_id"]]].append((late, end_of_promised_day if late else delivered))

reference = {}   # customer -> (late, reference outcome)
for who, ds in deliveries.items():
    late = any(l for l, _ in ds)
    reference[who] = (late, min(t for l, t in ds if l) if late else min(t for _, t in ds))

answers = defaultdict(list)   # late -> review scores
for r in reviews:
    who, created = order_person.get(r["order_id"]), local(r["review_creation_date"])
    if who in reference and PERIOD_START <= created < PERIOD_END:
        late, ref = reference[who]
        if day(r["review_creation_date"]) >= ref.astimezone(SAO_PAULO).date():
            answers[late].append(int(r["review_score"]))

print("late-delivery, 2016-01-01..2018-12-31 America/Sao_Paulo, churn_days 90")
for late in (False, True):
    group = [w for w, (l, _) in reference.items() if l == late]
    scores = answers[late]
    observed = churned = 0
    for who in group:
        ref = reference[who][1]
        until = ref + timedelta(days=CHURN_DAYS)
        if until > newest_order:
            continue
        observed += 1
        churned += not any(ref < t <= until and t >= PERIOD_START for t in orders_of[who])
    satisfied = sum(s >= 4 for s in scores)
    print(f"  {'late' if late else 'on time'}: customers {len(group)}, csat answers {len(scores)}, of them 4-5 {satisfied} "
          f"({100 * satisfied / len(scores):.4f}%), "
          f"churn observed {observed}, churned {churned}, share {churned / observed:.6f}")

# The same data read order by order through Olist's own review-order link (not what the metric does, which has only
# customers and times to go by): how often a late order's review came before its parcel.
late_orders = on_time_orders = 0
by_order = defaultdict(list)
for r in reviews:
    by_order[r["order_id"]].append(r)
before = late_reviews = 0
linked = {False: [], True: []}
for o in orders:
    if not o["order_delivered_customer_date"]:
        continue
    late = day(o["order_delivered_customer_date"]) > day(o["order_estimated_delivery_date"])
    late_orders += late
    on_time_orders += not late
    for r in by_order[o["order_id"]]:
        linked[late].append(int(r["review_score"]))
        if late:
            late_reviews += 1
            before += day(r["review_creation_date"]) < day(o["order_delivered_customer_date"])
stamps = sum(local(o["order_delivered_customer_date"]) > local(o["order_estimated_delivery_date"])
             for o in orders if o["order_delivered_customer_date"])
print(f"orders delivered {late_orders + on_time_orders}: late by day {late_orders}, by timestamp {stamps}")
print(f"reviews of late orders {late_reviews}, created before the delivery day {before} ({100 * before / late_reviews:.1f}%)")
for late in (False, True):
    s = linked[late]
    print(f"  reviews of {'late' if late else 'on-time'} orders: {len(s)}, csat {100 * sum(x >= 4 for x in s) / len(s):.2f}%, "
          f"mean score {sum(s) / len(s):.3f}")
