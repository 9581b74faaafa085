-- Channel paths for the Markov model, aggregated: converting paths are each order's touches within $lookback_days
-- before it (as in attribution_rules.sql); non-converting paths are the period's touches of visitors without an
-- order in the period. Repeats are collapsed: a self-transition does not change a first-order chain's absorption
-- probabilities, and collapsing keeps the number of distinct paths small.
WITH ord AS (
    SELECT order_id, 'c' || customer_id::VARCHAR AS visitor_id, ordered_at, revenue::DOUBLE AS revenue
    FROM journey_orders($start, $end, $persona, $segment, $region, $channel, $department)
),
sessions AS (
    SELECT visitor_id, session_id, min(occurred_at) AS t, arg_min(channel, occurred_at) AS channel
    FROM journey_events($start - to_days($lookback_days), $end, $persona, $segment, $region, $channel, $device, $department)
    GROUP BY visitor_id, session_id
),
journeys AS (
    -- one journey per order, and one per visitor without an order (journey id 'v' || visitor)
    SELECT 'o' || o.order_id::VARCHAR AS journey, true AS converted, o.revenue, s.t, s.session_id, s.channel
    FROM ord o
    JOIN sessions s ON s.visitor_id = o.visitor_id
                   AND s.t <= o.ordered_at AND s.t >= o.ordered_at - to_days($lookback_days)
    UNION ALL
    SELECT 'v' || s.visitor_id, false, 0, s.t, s.session_id, s.channel
    FROM sessions s
    WHERE s.t >= $start AND s.visitor_id NOT IN (SELECT visitor_id FROM ord)
),
steps AS (
    SELECT *
    FROM (SELECT *, lag(channel) OVER (PARTITION BY journey ORDER BY t, session_id) AS previous FROM journeys)
    WHERE previous IS DISTINCT FROM channel
),
paths AS (
    SELECT journey, any_value(converted) AS converted, any_value(revenue) AS revenue,
           string_agg(channel, ' > ' ORDER BY t, session_id) AS path
    FROM steps
    GROUP BY journey
)
SELECT path,
       count(*) FILTER (WHERE converted)     AS conversions,
       count(*) FILTER (WHERE NOT converted) AS non_conversions,
       coalesce(sum(revenue), 0)::DOUBLE     AS revenue
FROM paths
GROUP BY path;
