-- Customers with a delivery in the period (ordered and delivered inside it) split by whether any came late: delivered
-- on a later local day than the promised one (delivered_late, journey_macros.sql; $tz is the report's time zone).
-- Each customer is measured from a reference outcome: when their first late delivery became late (the promised day
-- ended without it), else when their first delivery arrived (delivery_known_at), so both groups are read from the
-- moment they learnt how the delivery went. Satisfaction: their answers from that local day to the period end; an
-- answer given while a late parcel is still on its way is about that late parcel. Churned: no order in the
-- $churn_days after the reference; only customers whose window has passed by the newest order in the warehouse count
-- towards the churn share, so recent deliveries cannot look loyal.
WITH delivery AS (
    SELECT customer_id, delivered_late(promised_at, delivered_at, $tz) AS late,
           delivery_known_at(promised_at, delivered_at, $tz) AS known_at
    FROM journey_orders($start, $end, $persona, $segment, $region, $channel, $department)
    WHERE delivered_at IS NOT NULL AND promised_at IS NOT NULL AND delivered_at < $end
),
dl AS (
    SELECT *, local_day_start(local_day(ref_delivery, $tz), $tz) AS ref_day_start
    FROM (
        SELECT customer_id, bool_or(late) AS late,
               coalesce(min(known_at) FILTER (WHERE late), min(known_at)) AS ref_delivery
        FROM delivery
        GROUP BY customer_id
    )
),
sv AS (
    SELECT dl.customer_id, s.nps, s.csat
    FROM journey_surveys($start, $end, $persona, $segment, $region, $channel) s
    JOIN dl ON dl.customer_id = s.customer_id AND s.answered_at >= dl.ref_day_start
),
later AS (
    SELECT DISTINCT dl.customer_id
    FROM journey_orders($start, TIMESTAMP '9999-12-31', $persona, $segment, $region, $channel, $department) o
    JOIN dl ON dl.customer_id = o.customer_id
     AND o.ordered_at > dl.ref_delivery AND o.ordered_at <= dl.ref_delivery + to_days($churn_days)
),
observed AS (
    SELECT dl.customer_id, dl.late, later.customer_id IS NULL AS churned
    FROM dl LEFT JOIN later USING (customer_id)
    WHERE dl.ref_delivery + to_days($churn_days) <= (SELECT max(ordered_at) FROM orders WHERE status <> 'cancelled')
),
scores AS (
    SELECT dl.late,
           count(s.nps)                                                                                      AS nps_responses,
           nps_score(s.nps) AS nps,
           count(s.csat)                                                                                     AS csat_responses,
           100 * csat_share(s.csat)                  AS csat
    FROM dl JOIN sv s USING (customer_id)
    GROUP BY dl.late
)
SELECT g.late AS Late, g.customers AS Customers,
       coalesce(s.nps_responses, 0) AS NpsResponses, s.nps AS Nps, coalesce(s.csat_responses, 0) AS CsatResponses, s.csat AS Csat,
       coalesce(c.observed, 0) AS ChurnObserved, coalesce(c.churned, 0) AS Churned,
       (c.churned / nullif(c.observed, 0))::DOUBLE AS ChurnShare
FROM (SELECT late, count(*) AS customers FROM dl GROUP BY late) g
LEFT JOIN scores s USING (late)
LEFT JOIN (SELECT late, count(*) AS observed, count(*) FILTER (WHERE churned) AS churned FROM observed GROUP BY late) c USING (late)
ORDER BY g.late;
