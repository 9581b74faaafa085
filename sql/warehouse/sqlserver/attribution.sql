-- Attribution of the period's orders and revenue to channels (as warehouse/duckdb/attribution.sql). A touch is a
-- session of the ordering customer, through the channel of its first event (the traffic source), that began within
-- @lookback_days before the order, up to the order itself: the visit in which they bought counts. Orders without such
-- a touch go to '(none)', so every model adds up to the period's orders and revenue.
-- Rows: one per (rule-based model, channel) with credited orders and revenue; and, with kind 'path', the Markov
-- model's input: collapsed channel paths with conversions (an order's touches) and non-conversions (the period's
-- touches of a visitor without an order in the period). CROSS APPLY (VALUES ...) stands in for DuckDB's UNPIVOT, and
-- LAG plus STRING_AGG for its list functions. Touches are ordered by time, then session, then channel.
WITH ord AS (
    SELECT order_id, customer_id AS visitor_id, ordered_at, CAST(revenue AS float) AS revenue
    FROM journey.journey_orders(@start, @end, @persona, @segment, @region, @channel, @department)
),
first_events AS (
    SELECT visitor_id, session_id, occurred_at, channel,
           ROW_NUMBER() OVER (PARTITION BY visitor_id, session_id ORDER BY occurred_at) AS nth
    FROM journey.journey_events(DATEADD(day, -@lookback_days, CAST(@start AS datetime2(7))), @end, @persona, @segment, @region, @channel, @device, @department)
    -- before the period only the buyers' touches matter
    WHERE occurred_at >= @start OR visitor_id IN (SELECT visitor_id FROM ord)
),
sessions AS (SELECT visitor_id, session_id, occurred_at AS t, channel FROM first_events WHERE nth = 1),
touches AS (
    SELECT o.order_id, o.visitor_id, o.revenue, s.session_id, s.t, s.channel,
           DATEDIFF_BIG(microsecond, s.t, o.ordered_at) / 86400000000E0                                  AS age_days,
           ROW_NUMBER() OVER (PARTITION BY o.order_id ORDER BY s.t, s.session_id COLLATE Latin1_General_BIN2) AS k,
           COUNT(*) OVER (PARTITION BY o.order_id)                                                       AS n
    FROM ord AS o
    JOIN sessions AS s ON s.visitor_id = o.visitor_id
                      AND s.t <= o.ordered_at AND s.t >= DATEADD(day, -@lookback_days, o.ordered_at)
),
weights AS (
    SELECT order_id, revenue, channel,
           CASE WHEN k = 1 THEN 1E0 ELSE 0E0 END                                                        AS first_touch,
           CASE WHEN k = n THEN 1E0 ELSE 0E0 END                                                        AS last_touch,
           1E0 / n                                                                                      AS linear,
           CASE WHEN n = 1 THEN 1E0 WHEN n = 2 THEN 0.5E0 WHEN k = 1 OR k = n THEN 0.4E0 ELSE 0.2E0 / (n - 2) END AS position_based,
           POWER(2E0, -age_days / @half_life_days) / SUM(POWER(2E0, -age_days / @half_life_days)) OVER (PARTITION BY order_id) AS time_decay
    FROM touches
),
credits AS (
    SELECT w.channel, w.revenue, m.model, m.weight
    FROM weights AS w
    CROSS APPLY (VALUES (N'first_touch', w.first_touch), (N'last_touch', w.last_touch), (N'linear', w.linear),
                        (N'position_based', w.position_based), (N'time_decay', w.time_decay)) AS m(model, weight)
),
untouched AS (
    SELECT COUNT_BIG(*) AS orders, COALESCE(SUM(revenue), 0) AS revenue
    FROM ord WHERE order_id NOT IN (SELECT order_id FROM touches)
),
journeys AS (
    -- an order's touches (order_id set), or a visitor's touches in the period when they have no order (order_id NULL)
    SELECT order_id, visitor_id, revenue, t, session_id, channel FROM touches
    UNION ALL
    SELECT NULL, visitor_id, NULL, t, session_id, channel
    FROM sessions
    WHERE t >= @start AND visitor_id NOT IN (SELECT visitor_id FROM ord)
),
ordered AS (
    SELECT order_id, visitor_id, revenue, channel,
           LAG(channel) OVER (PARTITION BY order_id, visitor_id
                              ORDER BY t, session_id COLLATE Latin1_General_BIN2, channel COLLATE Latin1_General_BIN2) AS previous,
           ROW_NUMBER() OVER (PARTITION BY order_id, visitor_id
                              ORDER BY t, session_id COLLATE Latin1_General_BIN2, channel COLLATE Latin1_General_BIN2) AS nth
    FROM journeys
),
paths AS (
    SELECT CASE WHEN order_id IS NOT NULL THEN 1 ELSE 0 END AS converted, MAX(revenue) AS revenue,
           STRING_AGG(CASE WHEN previous IS NULL OR previous <> channel THEN CAST(channel AS nvarchar(max)) END, N' > ')
               WITHIN GROUP (ORDER BY nth) AS path
    FROM ordered
    GROUP BY order_id, visitor_id
)
SELECT model AS kind, channel AS label, SUM(weight) AS orders, CAST(0 AS bigint) AS non_conversions, SUM(weight * revenue) AS revenue
FROM credits
WHERE weight > 0
GROUP BY model, channel
UNION ALL
SELECT m.model, N'(none)', CAST(u.orders AS float), 0, CAST(u.revenue AS float)
FROM untouched AS u
CROSS JOIN (VALUES (N'first_touch'), (N'last_touch'), (N'linear'), (N'position_based'), (N'time_decay')) AS m(model)
WHERE u.orders > 0
UNION ALL
SELECT N'path', path, CAST(COUNT_BIG(CASE WHEN converted = 1 THEN 1 END) AS float), COUNT_BIG(CASE WHEN converted = 0 THEN 1 END),
       CAST(COALESCE(SUM(revenue), 0) AS float)
FROM paths
GROUP BY path;
