-- Headline numbers of one period. Conversion counts visitors who reached the purchase stage.
WITH ev AS (
    SELECT count(DISTINCT visitor_id)                                  AS visitors,
           count(DISTINCT visitor_id) FILTER (WHERE stage = 'purchase') AS buyers
    FROM journey_events($start, $end, $persona, $segment, $region, $channel, $device, $department)
),
ord AS (
    SELECT count(*) AS orders, coalesce(sum(revenue), 0) AS revenue
    FROM journey_orders($start, $end, $persona, $segment, $region, $channel, $department)
),
sv AS (
    SELECT nps_score(nps) AS nps,
           avg(ces) AS ces
    FROM journey_surveys($start, $end, $persona, $segment, $region, $channel)
)
SELECT ev.visitors, ev.buyers, ord.orders, ord.revenue::DECIMAL(18, 2) AS revenue, sv.nps::DOUBLE AS nps, sv.ces::DOUBLE AS ces
FROM ev, ord, sv;
