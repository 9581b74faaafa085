-- The journey KPIs of one period, every source read through the journey macros so every filter applies.
--   customers:   distinct known customers with any touchpoint in the period (each order has a purchase event);
--   repeat:      of the customers who ordered in the period, those with another order earlier than one of their
--                period's orders (before the period, or an earlier one within it);
--   csat:        share of CSAT answers that are 4 or 5;
--   churn:       as ChurnAsync (churn_groups.sql): of the customers with an order between $churn_days before the
--                period start and its end, those whose latest order before the end is more than $churn_days earlier.
WITH ev AS (
    SELECT count(DISTINCT visitor_id)                                  AS visitors,
           count(DISTINCT customer_id)                                 AS customers,
           count(DISTINCT visitor_id) FILTER (WHERE stage = 'purchase') AS buyers
    FROM journey_events($start, $end, $persona, $segment, $region, $channel, $device, $department)
),
history AS (
    SELECT customer_id, ordered_at, revenue
    FROM journey_orders($start - to_days(greatest($churn_days, 0)), $end, $persona, $segment, $region, $channel, $department)
),
ord AS (
    SELECT count(*) AS orders, coalesce(sum(revenue), 0) AS revenue, count(DISTINCT customer_id) AS ordering_customers
    FROM history WHERE ordered_at >= $start
),
earlier AS (
    SELECT DISTINCT customer_id
    FROM journey_orders('-infinity'::TIMESTAMP, $start, $persona, $segment, $region, $channel, $department)
),
repeaters AS (
    SELECT count(*) FILTER (WHERE p.n > 1 OR e.customer_id IS NOT NULL) AS repeat_customers
    FROM (SELECT customer_id, count(*) AS n FROM history WHERE ordered_at >= $start GROUP BY customer_id) p
    LEFT JOIN earlier e ON e.customer_id = p.customer_id
),
churn AS (
    SELECT count(*) AS churn_base,
           count(*) FILTER (WHERE last_order < $end - to_days(greatest($churn_days, 0))) AS churned
    FROM (SELECT customer_id, max(ordered_at) AS last_order FROM history GROUP BY customer_id)
),
sv AS (
    SELECT nps_score(nps) AS nps,
           csat_share(csat) AS csat,
           avg(ces) AS ces
    FROM journey_surveys($start, $end, $persona, $segment, $region, $channel)
)
SELECT ev.visitors, ev.customers, ev.buyers, ord.orders, ord.revenue::DECIMAL(18, 2) AS revenue,
       ord.ordering_customers, repeaters.repeat_customers, churn.churn_base, churn.churned,
       sv.nps::DOUBLE AS nps, sv.csat::DOUBLE AS csat, sv.ces::DOUBLE AS ces
FROM ev, ord, repeaters, churn, sv;
