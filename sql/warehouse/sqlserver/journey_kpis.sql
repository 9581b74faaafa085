-- The journey KPIs of one period (as warehouse/duckdb/journey_kpis.sql), every source read through the journey
-- functions so every filter applies.
--   customers:   distinct known customers with any touchpoint in the period (each order has a purchase event);
--   repeat:      of the customers who ordered in the period, those with another order earlier than one of their
--                period's orders (before the period, or an earlier one within it);
--   csat:        share of CSAT answers that are 4 or 5;
--   churn:       as churn_groups.sql: of the customers with an order between @churn_days before the period start and
--                its end, those whose latest order before the end is more than @churn_days earlier.
WITH ev AS (
    SELECT COUNT_BIG(DISTINCT visitor_id)                                     AS visitors,
           COUNT_BIG(DISTINCT customer_id)                                    AS customers,
           COUNT_BIG(DISTINCT CASE WHEN stage = N'purchase' THEN visitor_id END) AS buyers
    FROM journey.journey_events(@start, @end, @persona, @segment, @region, @channel, @device, @department)
),
history AS (
    SELECT customer_id, ordered_at, revenue
    FROM journey.journey_orders(DATEADD(day, -(CASE WHEN @churn_days > 0 THEN @churn_days ELSE 0 END), CAST(@start AS datetime2(7))), @end,
                                @persona, @segment, @region, @channel, @department)
),
ord AS (
    SELECT COUNT_BIG(*) AS orders, COALESCE(SUM(revenue), 0) AS revenue, COUNT_BIG(DISTINCT customer_id) AS ordering_customers
    FROM history WHERE ordered_at >= @start
),
earlier AS (
    SELECT DISTINCT customer_id
    FROM journey.journey_orders(CAST('0001-01-01' AS datetime2(7)), @start, @persona, @segment, @region, @channel, @department)
),
repeaters AS (
    SELECT COUNT_BIG(CASE WHEN p.n > 1 OR e.customer_id IS NOT NULL THEN 1 END) AS repeat_customers
    FROM (SELECT customer_id, COUNT_BIG(*) AS n FROM history WHERE ordered_at >= @start GROUP BY customer_id) AS p
    LEFT JOIN earlier AS e ON e.customer_id = p.customer_id
),
churn AS (
    SELECT COUNT_BIG(*) AS churn_base,
           COUNT_BIG(CASE WHEN last_order < DATEADD(day, -(CASE WHEN @churn_days > 0 THEN @churn_days ELSE 0 END), CAST(@end AS datetime2(7))) THEN 1 END) AS churned
    FROM (SELECT customer_id, MAX(ordered_at) AS last_order FROM history GROUP BY customer_id) AS per_customer
),
sv AS (
    SELECT 100E0 * (COUNT_BIG(CASE WHEN nps >= 9 THEN 1 END) - COUNT_BIG(CASE WHEN nps <= 6 THEN 1 END)) / NULLIF(COUNT_BIG(nps), 0) AS nps,
           1E0 * COUNT_BIG(CASE WHEN csat >= 4 THEN 1 END) / NULLIF(COUNT_BIG(csat), 0) AS csat,
           AVG(CAST(ces AS float)) AS ces
    FROM journey.journey_surveys(@start, @end, @persona, @segment, @region, @channel)
)
SELECT ev.visitors, ev.customers, ev.buyers, ord.orders, CAST(ord.revenue AS decimal(18, 2)) AS revenue,
       ord.ordering_customers, repeaters.repeat_customers, churn.churn_base, churn.churned,
       sv.nps, sv.csat, sv.ces
FROM ev CROSS JOIN ord CROSS JOIN repeaters CROSS JOIN churn CROSS JOIN sv;
