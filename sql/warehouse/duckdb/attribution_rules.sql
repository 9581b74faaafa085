-- Orders of the period and their revenue credited to channels by the rule-based models. A touch is a session of the
-- ordering customer, through the channel of its first event, that began within $lookback_days before the order
-- (up to the order itself, so the visit in which they bought counts). Orders without such a touch go to '(none)',
-- so every model's credits add up to the period's orders and revenue.
WITH ord AS (
    SELECT order_id, 'c' || customer_id::VARCHAR AS visitor_id, ordered_at, revenue::DOUBLE AS revenue
    FROM journey_orders($start, $end, $persona, $segment, $region, $channel, $department)
),
sessions AS (
    SELECT visitor_id, session_id, min(occurred_at) AS t, arg_min(channel, occurred_at) AS channel
    FROM journey_events($start - to_days($lookback_days), $end, $persona, $segment, $region, $channel, $device, $department)
    WHERE visitor_id IN (SELECT visitor_id FROM ord)
    GROUP BY visitor_id, session_id
),
touches AS (
    SELECT o.order_id, o.revenue, s.channel,
           epoch(o.ordered_at - s.t) / 86400.0                                           AS age_days,
           row_number() OVER (PARTITION BY o.order_id ORDER BY s.t, s.session_id)       AS k,
           count(*) OVER (PARTITION BY o.order_id)                                       AS n
    FROM ord o
    JOIN sessions s ON s.visitor_id = o.visitor_id
                   AND s.t <= o.ordered_at AND s.t >= o.ordered_at - to_days($lookback_days)
),
weights AS (
    SELECT order_id, revenue, channel,
           (k = 1)::DOUBLE                                                               AS first_touch,
           (k = n)::DOUBLE                                                               AS last_touch,
           1.0 / n                                                                       AS linear,
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
)
SELECT model, channel, sum(weight)::DOUBLE AS orders, sum(weight * revenue)::DOUBLE AS revenue
FROM credits
WHERE weight > 0
GROUP BY model, channel
UNION ALL
SELECT m.model, '(none)', u.orders::DOUBLE, u.revenue
FROM untouched u, (VALUES ('first_touch'), ('last_touch'), ('linear'), ('position_based'), ('time_decay')) m(model)
WHERE u.orders > 0;
