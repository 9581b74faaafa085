-- Cohort retention. A cohort is the local week (Monday start) or month ($grain) of time zone $tz in which customers
-- placed their first order ever; cell k is the share of the cohort ordering in the k-th week/month after (k = 0 is
-- the cohort's own, always 1). Cohorts whose week/month starts inside the period; k runs to the week/month of the
-- newest order in the warehouse, zero-filled. The filters apply to the orders, so with a channel the cohort is the
-- first order in that channel.
WITH o AS (
    SELECT customer_id, date_trunc($grain, timezone($tz, timezone('UTC', ordered_at)))::DATE AS bucket
    FROM journey_orders(TIMESTAMP '0001-01-01', TIMESTAMP '9999-12-31', $persona, $segment, $region, $channel, $department)
),
first_order AS (SELECT customer_id, min(bucket) AS cohort FROM o GROUP BY customer_id),
members AS (
    SELECT * FROM first_order
    WHERE cohort >= timezone($tz, timezone('UTC', $start))::DATE
      AND cohort <  timezone($tz, timezone('UTC', $end))::DATE
),
cells AS (
    SELECT m.cohort, date_diff($grain, m.cohort, o.bucket) AS k, count(DISTINCT o.customer_id) AS customers
    FROM o JOIN members m USING (customer_id)
    GROUP BY ALL
),
grid AS (
    SELECT cohort, size, unnest(range(0, date_diff($grain, cohort, last_bucket) + 1)) AS k
    FROM (SELECT cohort, count(*) AS size FROM members GROUP BY cohort),
         (SELECT date_trunc($grain, timezone($tz, timezone('UTC', max(ordered_at))))::DATE AS last_bucket FROM orders)
)
SELECT g.cohort::TIMESTAMP AS Cohort, g.size AS Size, g.k AS PeriodIndex, coalesce(c.customers, 0) AS Customers,
       (coalesce(c.customers, 0) / g.size)::DOUBLE AS Share
FROM grid g LEFT JOIN cells c USING (cohort, k)
ORDER BY g.cohort, g.k;
