-- Attribution of the period's orders and revenue to channels, in one pass over the events (journey_events is the
-- costly part, so it is read once). A touch is a session of the ordering customer, through the channel of its first
-- event (the traffic source), that began within $lookback_days before the order, up to the order itself: the visit in
-- which they bought counts. Orders without such a touch go to '(none)', so every model adds up to the period's
-- orders and revenue.
-- Rows: one per (rule-based model, channel) with credited orders and revenue; and, with kind 'path', the Markov
-- model's input: collapsed channel paths with conversions (an order's touches) and non-conversions (the period's
-- touches of a visitor without an order in the period). Collapsing repeats does not change a first-order chain's
-- absorption probabilities and keeps the number of distinct paths small.
WITH ord AS (
    SELECT order_id, customer_id AS visitor_id, ordered_at, revenue::DOUBLE AS revenue
    FROM journey_orders($start, $end, $persona, $segment, $region, $channel, $department)
),
sessions AS MATERIALIZED (
    SELECT visitor_id, session_id, min(occurred_at) AS t, arg_min(channel, occurred_at) AS channel
    FROM journey_events($start - to_days($lookback_days), $end, $persona, $segment, $region, $channel, $device, $department)
    -- before the period only the buyers' touches matter; grouping the rest would be wasted work
    WHERE occurred_at >= $start OR visitor_id IN (SELECT visitor_id FROM ord)
    GROUP BY visitor_id, session_id
),
touches AS MATERIALIZED (
    SELECT o.order_id, o.visitor_id, o.revenue, s.session_id, s.t, s.channel,
           epoch(o.ordered_at - s.t) / 86400.0                                     AS age_days,
           row_number() OVER (PARTITION BY o.order_id ORDER BY s.t, s.session_id) AS k,
           count(*) OVER (PARTITION BY o.order_id)                                 AS n
    FROM ord o
    JOIN sessions s ON s.visitor_id = o.visitor_id
                   AND s.t <= o.ordered_at AND s.t >= o.ordered_at - to_days($lookback_days)
),
weights AS (
    SELECT order_id, revenue, channel,
           (k = 1)::DOUBLE                                                         AS first_touch,
           (k = n)::DOUBLE                                                         AS last_touch,
           1.0 / n                                                                 AS linear,
           CASE WHEN n = 1 THEN 1.0 WHEN n = 2 THEN 0.5 WHEN k = 1 OR k = n THEN 0.4 ELSE 0.2 / (n - 2) END AS position_based,
           pow(2, -age_days / $half_life_days) / sum(pow(2, -age_days / $half_life_days)) OVER (PARTITION BY order_id) AS time_decay
    FROM touches
),
credits AS (
    UNPIVOT weights ON first_touch, last_touch, linear, position_based, time_decay INTO NAME model VALUE weight
),
untouched AS (
    SELECT count(*) AS orders, coalesce(sum(revenue), 0) AS revenue
    FROM ord WHERE order_id NOT IN (SELECT order_id FROM touches)
),
journeys AS (
    -- an order's touches (order_id set), or a visitor's touches in the period when they have no order (order_id NULL)
    SELECT order_id, visitor_id, revenue, t, session_id, channel FROM touches
    UNION ALL
    SELECT NULL, visitor_id, NULL, t, session_id, channel
    FROM sessions
    WHERE t >= $start AND visitor_id NOT IN (SELECT visitor_id FROM ord)
),
paths AS (
    SELECT converted, revenue, array_to_string(list_filter(channels, lambda c, i: i = 1 OR c <> channels[i - 1]), ' > ') AS path
    -- an ordered aggregate is slow over many small groups; sorting each journey's small list of structs is not
    FROM (SELECT order_id IS NOT NULL AS converted, any_value(revenue) AS revenue,
                 list_transform(list_sort(list({'t': t, 'session': session_id, 'channel': channel})), lambda s: s.channel) AS channels
          FROM journeys
          GROUP BY order_id, visitor_id)
)
SELECT model AS kind, channel AS label, sum(weight)::DOUBLE AS orders, 0::BIGINT AS non_conversions, sum(weight * revenue)::DOUBLE AS revenue
FROM credits
WHERE weight > 0
GROUP BY model, channel
UNION ALL
SELECT m.model, '(none)', u.orders::DOUBLE, 0, u.revenue
FROM untouched u, (VALUES ('first_touch'), ('last_touch'), ('linear'), ('position_based'), ('time_decay')) m(model)
WHERE u.orders > 0
UNION ALL
SELECT 'path', path, count(*) FILTER (WHERE converted)::DOUBLE, count(*) FILTER (WHERE NOT converted), coalesce(sum(revenue), 0)::DOUBLE
FROM paths
GROUP BY path;
