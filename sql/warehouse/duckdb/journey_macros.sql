-- Per connection: the one place where identity stitching, stage mapping and report filters are applied.
-- Every journey query reads events through journey_events(...), so a filter can never be forgotten by one query.
-- A NULL filter means "all".

-- An event in the period and, when asked, on one channel and device: the one definition both halves of journey_events use.
CREATE OR REPLACE TEMP MACRO event_in_scope(occurred_at, channel, device, start_at, end_at, f_channel, f_device) AS
    occurred_at >= start_at AND occurred_at < end_at
    AND (f_channel IS NULL OR channel = f_channel)
    AND (f_device  IS NULL OR device  = f_device);

-- A department narrows the journey to visitors who touched that department's products in the period: their
-- product events in that department, and their events that concern no product (arrivals, logins, purchases).
CREATE OR REPLACE TEMP MACRO journey_events(start_at, end_at, f_persona, f_segment, f_region, f_channel, f_device, f_department) AS TABLE
WITH people AS (
    -- An event that names its customer is theirs; only the others are looked up in identities. Most events name
    -- their customer, and the lookup (a join on the anonymous id's text) was the most expensive step of every query.
    SELECT e.occurred_at, e.customer_id, e.customer_id AS visitor_id, e.session_id, e.channel, e.device, e.event_type, e.product_id
    FROM events e
    WHERE e.customer_id IS NOT NULL AND event_in_scope(e.occurred_at, e.channel, e.device, start_at, end_at, f_channel, f_device)
    UNION ALL
    -- One number per person: the customer id, or for a visitor never identified a negative number derived from
    -- the anonymous id. A number, not a string, because every distinct count and join of a year of events uses it.
    SELECT e.occurred_at, i.customer_id, coalesce(i.customer_id, -1 - (hash(e.anonymous_id) >> 2)::BIGINT),
           e.session_id, e.channel, e.device, e.event_type, e.product_id
    FROM events e
    LEFT JOIN identities i ON i.anonymous_id = e.anonymous_id
    WHERE e.customer_id IS NULL AND event_in_scope(e.occurred_at, e.channel, e.device, start_at, end_at, f_channel, f_device)
),
resolved AS (
    SELECT v.*, m.stage, m.stage_order, p.department
    FROM people v
    LEFT JOIN journey_stage_map m ON m.event_type = v.event_type
    LEFT JOIN products p          ON p.product_id = v.product_id
    -- Customers only as a filter, and only when one is asked for: joining every event to its customer cost more
    -- than the rest of a funnel over 5 million events. Without a customer filter the list below is empty (a check
    -- against an empty list costs nothing), as DuckDB plans the subquery whatever the filter's value.
    WHERE f_persona IS NULL AND f_segment IS NULL AND f_region IS NULL
       OR v.customer_id IN (
           SELECT c.customer_id FROM customers c
           WHERE (f_persona IS NOT NULL OR f_segment IS NOT NULL OR f_region IS NOT NULL)
             AND (f_persona IS NULL OR c.persona = f_persona)
             AND (f_segment IS NULL OR c.segment = f_segment)
             AND (f_region  IS NULL OR c.region  = f_region))
),
department_visitors AS (
    SELECT DISTINCT visitor_id FROM resolved WHERE f_department IS NOT NULL AND department = f_department
)
SELECT r.*
FROM resolved r
WHERE f_department IS NULL
   OR r.department = f_department
   OR (r.product_id IS NULL AND f_department IS NOT NULL AND r.visitor_id IN (SELECT visitor_id FROM department_visitors));

-- Orders through the same filters; a cancelled order is not an order (returns still are: revenue is gross).
-- An order has no device, so a device filter narrows events only. With a
-- department, an order counts when it has a line of that department, and its revenue is those lines only.
CREATE OR REPLACE TEMP MACRO journey_orders(start_at, end_at, f_persona, f_segment, f_region, f_channel, f_department) AS TABLE
SELECT o.order_id, o.customer_id, o.ordered_at, o.channel, o.status,
       CASE WHEN f_department IS NULL THEN o.revenue ELSE d.revenue END AS revenue,
       o.promised_at, o.delivered_at, o.returned
FROM orders o
LEFT JOIN (
    SELECT l.order_id, sum(l.quantity * l.unit_price)::DECIMAL(14, 2) AS revenue
    FROM order_lines l JOIN products p ON p.product_id = l.product_id
    WHERE p.department = f_department
    GROUP BY l.order_id
) d ON d.order_id = o.order_id
JOIN customers c ON c.customer_id = o.customer_id
WHERE o.ordered_at >= start_at AND o.ordered_at < end_at
  AND o.status <> 'cancelled'
  AND (f_persona IS NULL OR c.persona = f_persona)
  AND (f_segment IS NULL OR c.segment = f_segment)
  AND (f_region  IS NULL OR c.region  = f_region)
  AND (f_channel IS NULL OR o.channel = f_channel)
  AND (f_department IS NULL OR d.order_id IS NOT NULL);

CREATE OR REPLACE TEMP MACRO journey_surveys(start_at, end_at, f_persona, f_segment, f_region, f_channel) AS TABLE
SELECT s.*
FROM surveys s
LEFT JOIN customers c ON c.customer_id = s.customer_id
WHERE s.answered_at >= start_at AND s.answered_at < end_at
  AND (f_persona IS NULL OR c.persona = f_persona)
  AND (f_segment IS NULL OR c.segment = f_segment)
  AND (f_region  IS NULL OR c.region  = f_region)
  AND (f_channel IS NULL OR s.touchpoint = f_channel);

-- Support tickets (the journey's pain points) through the same filters; the channel filter is the ticket's channel.
CREATE OR REPLACE TEMP MACRO journey_tickets(start_at, end_at, f_persona, f_segment, f_region, f_channel) AS TABLE
SELECT t.*
FROM support_tickets t
LEFT JOIN customers c ON c.customer_id = t.customer_id
WHERE t.opened_at >= start_at AND t.opened_at < end_at
  AND (f_persona IS NULL OR c.persona = f_persona)
  AND (f_segment IS NULL OR c.segment = f_segment)
  AND (f_region  IS NULL OR c.region  = f_region)
  AND (f_channel IS NULL OR t.channel = f_channel);

-- Local days of time zone tz: the day of a UTC timestamp, and the UTC instant a day starts (a midnight skipped by a
-- clock change starts the day at the first instant after it, as ReportPeriod does).
CREATE OR REPLACE TEMP MACRO local_day(utc_at, tz) AS timezone(tz, timezone('UTC', utc_at))::DATE;
CREATE OR REPLACE TEMP MACRO local_day_start(day, tz) AS timezone('UTC', timezone(tz, day::TIMESTAMP));

-- Deliveries, defined once for every query, in the report's time zone tz. A promise (promised_at) is a day: a parcel
-- delivered on the promised local day, at any hour, is on time; it is late only when delivered on a later local day.
-- The days are compared only when the parcel came between 2 hours before and 26 hours after promised_at: outside
-- that band the answer is the same in every zone (no offset moves by 2 hours at once), and the conversion is most
-- of the cost. Its outcome is known when it arrives, or, for a late one, when the promised day ends without it (the
-- start of the next local day): from then on the customer knows it is late, and what they answer is about that.
CREATE OR REPLACE TEMP MACRO delivered_late(promised, delivered, tz) AS
    CASE WHEN delivered <= promised - INTERVAL 2 HOUR THEN false
         WHEN delivered >= promised + INTERVAL 26 HOUR THEN true
         ELSE local_day(delivered, tz) > local_day(promised, tz) END;
CREATE OR REPLACE TEMP MACRO delivery_known_at(promised, delivered, tz) AS
    CASE WHEN delivered_late(promised, delivered, tz) THEN local_day_start(local_day(promised, tz) + 1, tz) ELSE delivered END;

-- Survey scores, defined once for every query (aggregates, expanded in place): NPS = % promoters (9-10) minus
-- % detractors (0-6) of the answers to that question, in points; CSAT = share of answers 4-5, from 0 to 1.
CREATE OR REPLACE TEMP MACRO nps_score(score) AS
    (100.0 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / nullif(count(score), 0))::DOUBLE;
CREATE OR REPLACE TEMP MACRO csat_share(score) AS
    (count(*) FILTER (WHERE score >= 4) / nullif(count(score), 0))::DOUBLE;

-- The scores of a group of survey answers, one struct for experience_by.sql and experience_trend.sql (unnest it into
-- columns): answers, and per question its answers and score; CSAT as a percentage and its mean; CES = mean effort 1-7.
CREATE OR REPLACE TEMP MACRO survey_scores(nps, csat, ces) AS struct_pack(
    Responses     := count(*),
    NpsResponses  := count(nps),
    Nps           := nps_score(nps),
    CsatResponses := count(csat),
    Csat          := 100 * csat_share(csat),
    CsatMean      := avg(csat)::DOUBLE,
    CesResponses  := count(ces),
    Ces           := avg(ces)::DOUBLE);

-- The ordered funnel, defined once for every funnel query. A visitor reaches a stage only at or after reaching the
-- previous one, within window_days of it; each stage's first time is taken after the previous stage's, so counts can
-- only fall stage by stage. It starts at the first stage that occurs in the events (a clickstream of product views
-- starts at consideration). f_dimension 'channel' or 'device' runs one funnel per touchpoint value on that value's
-- events only; NULL runs one funnel ('' as value). One row per value, visitor and stage reached: when (t) and when
-- the previous stage was reached (prev).
-- The events are read once (all_ev); the first stage's time is one aggregate over them, and each later stage joins
-- only its own events to the visitors who reached the stage before (fewer at every step), so no step rescans all
-- events and no visitor carries lists of times.
CREATE OR REPLACE TEMP MACRO journey_funnel(start_at, end_at, f_persona, f_segment, f_region, f_channel, f_device, f_department, f_dimension, window_days) AS TABLE
WITH all_ev AS MATERIALIZED (
    SELECT coalesce(CASE f_dimension WHEN 'channel' THEN channel WHEN 'device' THEN device END, '') AS value,
           visitor_id, stage_order, occurred_at
    FROM journey_events(start_at, end_at, f_persona, f_segment, f_region, f_channel, f_device, f_department)
    WHERE stage_order IS NOT NULL
),
first_stage AS (SELECT min(stage_order) AS f FROM all_ev),
-- Each later stage's own events, set apart first: joined to the previous stage's visitors, they are a few thousand rows, not all events.
e2 AS MATERIALIZED (SELECT value, visitor_id, occurred_at FROM all_ev WHERE stage_order = (SELECT f FROM first_stage) + 1),
e3 AS MATERIALIZED (SELECT value, visitor_id, occurred_at FROM all_ev WHERE stage_order = (SELECT f FROM first_stage) + 2),
e4 AS MATERIALIZED (SELECT value, visitor_id, occurred_at FROM all_ev WHERE stage_order = (SELECT f FROM first_stage) + 3),
e5 AS MATERIALIZED (SELECT value, visitor_id, occurred_at FROM all_ev WHERE stage_order = (SELECT f FROM first_stage) + 4),
e6 AS MATERIALIZED (SELECT value, visitor_id, occurred_at FROM all_ev WHERE stage_order = (SELECT f FROM first_stage) + 5),
s1 AS (SELECT value, visitor_id, min(occurred_at) AS t FROM all_ev WHERE stage_order = (SELECT f FROM first_stage) GROUP BY value, visitor_id),
s2 AS (SELECT e.value, e.visitor_id, min(e.occurred_at) AS t, any_value(r.t) AS prev FROM e2 e JOIN s1 r USING (value, visitor_id)
       WHERE e.occurred_at >= r.t AND e.occurred_at <= r.t + to_days(window_days) GROUP BY ALL),
s3 AS (SELECT e.value, e.visitor_id, min(e.occurred_at) AS t, any_value(r.t) AS prev FROM e3 e JOIN s2 r USING (value, visitor_id)
       WHERE e.occurred_at >= r.t AND e.occurred_at <= r.t + to_days(window_days) GROUP BY ALL),
s4 AS (SELECT e.value, e.visitor_id, min(e.occurred_at) AS t, any_value(r.t) AS prev FROM e4 e JOIN s3 r USING (value, visitor_id)
       WHERE e.occurred_at >= r.t AND e.occurred_at <= r.t + to_days(window_days) GROUP BY ALL),
s5 AS (SELECT e.value, e.visitor_id, min(e.occurred_at) AS t, any_value(r.t) AS prev FROM e5 e JOIN s4 r USING (value, visitor_id)
       WHERE e.occurred_at >= r.t AND e.occurred_at <= r.t + to_days(window_days) GROUP BY ALL),
s6 AS (SELECT e.value, e.visitor_id, min(e.occurred_at) AS t, any_value(r.t) AS prev FROM e6 e JOIN s5 r USING (value, visitor_id)
       WHERE e.occurred_at >= r.t AND e.occurred_at <= r.t + to_days(window_days) GROUP BY ALL)
SELECT value, visitor_id, f AS stage_order, t, NULL::TIMESTAMP AS prev FROM s1, first_stage
UNION ALL SELECT value, visitor_id, f + 1, t, prev FROM s2, first_stage
UNION ALL SELECT value, visitor_id, f + 2, t, prev FROM s3, first_stage
UNION ALL SELECT value, visitor_id, f + 3, t, prev FROM s4, first_stage
UNION ALL SELECT value, visitor_id, f + 4, t, prev FROM s5, first_stage
UNION ALL SELECT value, visitor_id, f + 5, t, prev FROM s6, first_stage;
