-- Visitors, orders and revenue per local week (Monday start) in time zone $tz.
WITH v AS (
    SELECT date_trunc('week', timezone($tz, timezone('UTC', occurred_at)))::DATE AS week_start,
           count(DISTINCT visitor_id) AS visitors
    FROM journey_events($start, $end, $persona, $segment, $region, $channel, $device, $department)
    GROUP BY ALL
),
o AS (
    SELECT date_trunc('week', timezone($tz, timezone('UTC', ordered_at)))::DATE AS week_start,
           count(*) AS orders, sum(revenue) AS revenue
    FROM journey_orders($start, $end, $persona, $segment, $region, $channel, $department)
    GROUP BY ALL
)
SELECT week_start, coalesce(v.visitors, 0) AS visitors, coalesce(o.orders, 0) AS orders,
       coalesce(o.revenue, 0)::DECIMAL(18, 2) AS revenue
FROM v FULL JOIN o USING (week_start)
ORDER BY week_start;
