-- Visitors, buyers, orders, revenue, NPS and CES per local week (Monday start) in time zone $tz.
-- The week boundaries are converted between local time and UTC once per week (a few dozen rows) and events are
-- matched to them with an ASOF join: converting every event's timestamp to local time costs seconds per year of events.
WITH weeks AS (
    SELECT local_start::DATE AS week_start,
           timezone('UTC', timezone($tz, local_start)) AS utc_start
    FROM (SELECT unnest(generate_series(
              date_trunc('week', timezone($tz, timezone('UTC', $start::TIMESTAMP))),
              timezone($tz, timezone('UTC', $end::TIMESTAMP)),
              INTERVAL 7 DAY)) AS local_start)
),
v AS (
    SELECT w.week_start, count(DISTINCT e.visitor_id) AS visitors,
           count(DISTINCT e.visitor_id) FILTER (WHERE e.stage = 'purchase') AS buyers
    FROM journey_events($start, $end, $persona, $segment, $region, $channel, $device, $department) e
    ASOF JOIN weeks w ON e.occurred_at >= w.utc_start
    GROUP BY ALL
),
o AS (
    SELECT w.week_start, count(*) AS orders, sum(o.revenue) AS revenue
    FROM journey_orders($start, $end, $persona, $segment, $region, $channel, $department) o
    ASOF JOIN weeks w ON o.ordered_at >= w.utc_start
    GROUP BY ALL
),
s AS (
    SELECT w.week_start, nps_score(s.nps)::DOUBLE AS nps, avg(s.ces)::DOUBLE AS ces
    FROM journey_surveys($start, $end, $persona, $segment, $region, $channel) s
    ASOF JOIN weeks w ON s.answered_at >= w.utc_start
    GROUP BY ALL
)
SELECT week_start, coalesce(v.visitors, 0) AS visitors, coalesce(v.buyers, 0) AS buyers, coalesce(o.orders, 0) AS orders,
       coalesce(o.revenue, 0)::DECIMAL(18, 2) AS revenue, s.nps, s.ces
FROM v FULL JOIN o USING (week_start) FULL JOIN s USING (week_start)
ORDER BY week_start;
