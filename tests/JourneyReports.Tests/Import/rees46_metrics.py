#!/usr/bin/env python3
"""Journey metrics of the REES46 slice (2019-Oct.csv, the first 2h50 of 1 Oct 2019, UTC) computed straight from the
file with Python's csv module, independently of JourneyReports. RealDataMetricsTests holds the printed figures.

    python3 tests/JourneyReports.Tests/Import/rees46_metrics.py [../shared/data]

What the file is, read the way the documented definitions say (docs/journey-metrics.md, docs/paths-and-attribution.md):
- An event is a record with all 9 fields (the last record is cut short: no user_session). A person is a user_id.
  Every event is on the web from an unknown device (the export has neither).
- Stages: view = consideration, cart = decision, purchase = purchase (no awareness in a clickstream of product views,
  so funnels start at consideration). The conversion window is 30 days (longer than the file).
- A product's department is the first dot-separated part of its category_code, or 'unknown' without one.
- Ordered funnel: a person's first view; then their first cart at or after it; then their first purchase at or after
  that. Reach: people with any event of the stage. Hours from the previous stage: for those who made the step, the
  time between the two stage times; median and p90 linearly interpolated between the sorted values.
- Touchpoints and channel mix: every stage's people are all on the web from an unknown device (shares 1).
- A department's figures are those of the person's events on its products only (every event has a product).
- Paths: a touch is a session; all are web, so every path is the single step "web". Conversion: people with a
  purchase; drop-off: people with a cart and no purchase.
- Flow: each person's events in time order (at one instant in stage order); a link is a move between two different
  stages.
"""
import csv
import os
import sys
from collections import Counter, defaultdict
from datetime import datetime, timedelta

DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "shared", "data")
WINDOW = timedelta(days=30)
STAGE = {"view": (2, "consideration"), "cart": (3, "decision"), "purchase": (4, "purchase")}

with open(os.path.join(DATA, "rees46-multicategory-2019oct-head", "2019-Oct.csv"), newline="", encoding="utf-8") as f:
    records = list(csv.reader(f))[1:]
events = []   # (time, stage order, user, session, product)
department = {}
for event_time, event_type, product, _category, code, _brand, _price, user, *rest in (r for r in records if len(r) == 9):
    events.append((datetime.strptime(event_time, "%Y-%m-%d %H:%M:%S UTC"), STAGE[event_type][0], user, rest[0], product))
    department[product] = code.split(".")[0] if code else "unknown"
print(f"events {len(events)} of {len(records)} records, people {len({e[2] for e in events})}")


def quantile(values, q):
    """Linear interpolation between the sorted values (quantile_cont)."""
    v = sorted(values)
    pos = q * (len(v) - 1)
    lo = int(pos)
    return v[lo] + (v[min(lo + 1, len(v) - 1)] - v[lo]) * (pos - lo)


def funnel(evs):
    """The ordered funnel from the first stage present: {stage order: [hours from the previous stage per person]}."""
    by_person = defaultdict(list)
    for t, s, user, _, _ in evs:
        by_person[user].append((t, s))
    first = min(s for _, s, *_ in evs)
    steps = defaultdict(list)
    for times in by_person.values():
        prev = None
        for stage in range(first, 7):
            ts = [t for t, s in times if s == stage and (prev is None or prev <= t <= prev + WINDOW)]
            if not ts:
                break
            t = min(ts)
            steps[stage].append(None if prev is None else (t - prev).total_seconds() / 3600)
            prev = t
    return steps


print("funnel and funnel-detail, 1 Oct 2019 UTC")
steps = funnel(events)
for stage in (2, 3, 4):
    reach = len({e[2] for e in events if e[1] == stage})
    hours = steps[stage]
    timing = "" if stage == 2 else f", median {quantile(hours, 0.5):.6f} h, p90 {quantile(hours, 0.9):.6f} h"
    print(f"  stage {stage}: ordered {len(hours)}, reach {reach}{timing}")

people = {e[2] for e in events}
buyers = {e[2] for e in events if e[1] == 4}
print(f"kpis: visitors {len(people)}, buyers {len(buyers)}, orders 0")

print("departments (visitors, buyers, ordered funnel consideration/decision/purchase)")
for dept in sorted(set(department.values())):
    evs = [e for e in events if department[e[4]] == dept]
    steps = funnel(evs)
    print(f"  {dept}: {len({e[2] for e in evs})}, {len({e[2] for e in evs if e[1] == 4})}, "
          f"{[len(steps[s]) for s in (2, 3, 4)]}")

carted = {e[2] for e in events if e[1] == 3}
print(f"paths: conversion 'web' {len(buyers)}, drop-off 'web' {len(carted - buyers)}")

print("flow (from stage, to stage): transitions, people")
moves, movers = Counter(), defaultdict(set)
by_person = defaultdict(list)
for t, s, user, _, _ in events:
    by_person[user].append((t, s))
for user, evs in by_person.items():
    evs.sort()
    for (_, a), (_, b) in zip(evs, evs[1:]):
        if a != b:
            moves[(a, b)] += 1
            movers[(a, b)].add(user)
for (a, b), n in sorted(moves.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"  {a} -> {b}: {n}, {len(movers[(a, b)])}")
