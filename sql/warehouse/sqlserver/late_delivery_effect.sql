-- Customers with a delivery in the period (ordered and delivered inside it) split by whether any came late: delivered
-- on a later local day than the promised one, in the report's time zone @tz (a Windows zone name). The rules are
-- DuckDB's delivered_late / delivery_known_at (journey_macros.sql), written out: the days are compared only when the
-- parcel came between 2 hours before and 26 hours after promised_at (outside that band the answer is the same in
-- every zone); a late one's outcome is known when the promised local day ends without it. Each customer is measured
-- from a reference outcome: when their first late delivery became late, else when their first delivery arrived.
-- Satisfaction: their answers from that local day to the period end. Churned: no order in the @churn_days after the
-- reference; only customers whose window has passed by the newest order in the warehouse count towards the share.
WITH delivery AS (
    SELECT customer_id, promised_at, delivered_at,
           CASE WHEN delivered_at <= DATEADD(hour, -2, promised_at) THEN 0
                WHEN delivered_at >= DATEADD(hour, 26, promised_at) THEN 1
                WHEN CAST(CAST((delivered_at AT TIME ZONE 'UTC') AT TIME ZONE @tz AS datetime2(7)) AS date)
                   > CAST(CAST((promised_at AT TIME ZONE 'UTC') AT TIME ZONE @tz AS datetime2(7)) AS date) THEN 1
                ELSE 0 END AS late
    FROM journey.journey_orders(@start, @end, @persona, @segment, @region, @channel, @department)
    WHERE delivered_at IS NOT NULL AND promised_at IS NOT NULL AND delivered_at < @end
),
known AS (
    SELECT customer_id, late,
           CASE WHEN late = 1
                THEN CAST((CAST(DATEADD(day, 1, CAST(CAST((promised_at AT TIME ZONE 'UTC') AT TIME ZONE @tz AS datetime2(7)) AS date)) AS datetime2(7))
                           AT TIME ZONE @tz) AT TIME ZONE 'UTC' AS datetime2(7))
                ELSE delivered_at END AS known_at
    FROM delivery
),
per_customer AS (
    SELECT customer_id, MAX(late) AS late, COALESCE(MIN(CASE WHEN late = 1 THEN known_at END), MIN(known_at)) AS ref_delivery
    FROM known
    GROUP BY customer_id
),
dl AS (
    SELECT customer_id, late, ref_delivery,
           CAST((CAST(CAST(CAST((ref_delivery AT TIME ZONE 'UTC') AT TIME ZONE @tz AS datetime2(7)) AS date) AS datetime2(7))
                 AT TIME ZONE @tz) AT TIME ZONE 'UTC' AS datetime2(7)) AS ref_day_start
    FROM per_customer
),
sv AS (
    SELECT dl.customer_id, s.nps, s.csat
    FROM journey.journey_surveys(@start, @end, @persona, @segment, @region, @channel) AS s
    JOIN dl ON dl.customer_id = s.customer_id AND s.answered_at >= dl.ref_day_start
),
later AS (
    SELECT DISTINCT dl.customer_id
    FROM journey.journey_orders(@start, CAST('9999-12-31' AS datetime2(7)), @persona, @segment, @region, @channel, @department) AS o
    JOIN dl ON dl.customer_id = o.customer_id
     AND o.ordered_at > dl.ref_delivery AND o.ordered_at <= DATEADD(day, @churn_days, dl.ref_delivery)
),
observed AS (
    SELECT dl.customer_id, dl.late, CASE WHEN later.customer_id IS NULL THEN 1 ELSE 0 END AS churned
    FROM dl LEFT JOIN later ON later.customer_id = dl.customer_id
    WHERE DATEADD(day, @churn_days, dl.ref_delivery) <= (SELECT MAX(ordered_at) FROM journey.orders WHERE status <> N'cancelled')
),
scores AS (
    SELECT dl.late,
           COUNT_BIG(s.nps)                                                                                             AS nps_responses,
           100E0 * (COUNT_BIG(CASE WHEN s.nps >= 9 THEN 1 END) - COUNT_BIG(CASE WHEN s.nps <= 6 THEN 1 END)) / NULLIF(COUNT_BIG(s.nps), 0) AS nps,
           COUNT_BIG(s.csat)                                                                                            AS csat_responses,
           100E0 * COUNT_BIG(CASE WHEN s.csat >= 4 THEN 1 END) / NULLIF(COUNT_BIG(s.csat), 0)                            AS csat
    FROM dl JOIN sv AS s ON s.customer_id = dl.customer_id
    GROUP BY dl.late
)
SELECT CAST(g.late AS bit) AS Late, g.customers AS Customers,
       COALESCE(s.nps_responses, 0) AS NpsResponses, s.nps AS Nps, COALESCE(s.csat_responses, 0) AS CsatResponses, s.csat AS Csat,
       COALESCE(c.observed, 0) AS ChurnObserved, COALESCE(c.churned, 0) AS Churned,
       CAST(c.churned AS float) / NULLIF(c.observed, 0) AS ChurnShare
FROM (SELECT late, COUNT_BIG(*) AS customers FROM dl GROUP BY late) AS g
LEFT JOIN scores AS s ON s.late = g.late
LEFT JOIN (SELECT late, COUNT_BIG(*) AS observed, COUNT_BIG(CASE WHEN churned = 1 THEN 1 END) AS churned FROM observed GROUP BY late) AS c ON c.late = g.late
ORDER BY g.late;
