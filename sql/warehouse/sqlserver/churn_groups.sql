-- Churn as of the period end. A customer is churned when their latest order before the period end is more than
-- @churn_days earlier. The population is the customers active at some point in the period: an order in the window
-- from @churn_days before the period start to its end (those already gone are not lost again). What they did in that
-- same window describes them: any support ticket, their effort answers (CES), the share of their delivered orders
-- that came late (delivered on a later local day than promised, in the report's time zone @tz: DuckDB's
-- delivered_late, written out as in late_delivery_effect.sql), their orders and revenue.
WITH hist AS (
    SELECT customer_id, MAX(ordered_at) AS last_order, COUNT_BIG(*) AS orders, SUM(revenue) AS revenue,
           COUNT_BIG(CASE WHEN delivered_at < @end AND promised_at IS NOT NULL THEN 1 END) AS delivered,
           COUNT_BIG(CASE WHEN delivered_at < @end AND delivered_at > DATEADD(hour, -2, promised_at)
                           AND (delivered_at >= DATEADD(hour, 26, promised_at)
                                OR CAST(CAST((delivered_at AT TIME ZONE 'UTC') AT TIME ZONE @tz AS datetime2(7)) AS date)
                                 > CAST(CAST((promised_at AT TIME ZONE 'UTC') AT TIME ZONE @tz AS datetime2(7)) AS date))
                          THEN 1 END) AS late
    FROM journey.journey_orders(DATEADD(day, -@churn_days, CAST(@start AS datetime2(7))), @end, @persona, @segment, @region, @channel, @department)
    GROUP BY customer_id
),
base AS (
    SELECT customer_id, orders, revenue, delivered, late,
           CASE WHEN last_order < DATEADD(day, -@churn_days, CAST(@end AS datetime2(7))) THEN 1 ELSE 0 END AS churned
    FROM hist
),
ticketed AS (
    SELECT DISTINCT customer_id
    FROM journey.journey_tickets(DATEADD(day, -@churn_days, CAST(@start AS datetime2(7))), @end, @persona, @segment, @region, @channel)
),
effort AS (
    SELECT customer_id, SUM(ces) AS ces_sum, COUNT_BIG(ces) AS ces_n
    FROM journey.journey_surveys(DATEADD(day, -@churn_days, CAST(@start AS datetime2(7))), @end, @persona, @segment, @region, @channel)
    GROUP BY customer_id
)
SELECT CAST(b.churned AS bit) AS Churned, COUNT_BIG(*) AS Customers,
       AVG(CASE WHEN t.customer_id IS NOT NULL THEN 1E0 ELSE 0E0 END) AS TicketShare,
       CAST(SUM(e.ces_sum) AS float) / NULLIF(SUM(e.ces_n), 0) AS MeanCes,
       CAST(SUM(b.late) AS float) / NULLIF(SUM(b.delivered), 0) AS LateShare,
       AVG(CAST(b.orders AS float)) AS MeanOrders,
       CAST(AVG(b.revenue) AS decimal(18, 2)) AS MeanRevenue
FROM base AS b
LEFT JOIN ticketed AS t ON t.customer_id = b.customer_id
LEFT JOIN effort AS e ON e.customer_id = b.customer_id
GROUP BY b.churned
ORDER BY b.churned;
