-- Churn as of the period end. A customer is churned when their latest order before the period end is more than
-- $churn_days earlier. The population is the customers active at some point in the period: an order in the window
-- from $churn_days before the period start to its end (those already gone are not lost again). What they did in that
-- same window describes them: any support ticket, their effort answers (CES), the share of their delivered orders
-- that came late (delivered on a later local day than promised, in the report's time zone $tz: delivered_late in
-- journey_macros.sql), their orders and revenue. The window also bounds the work for short periods.
WITH hist AS (
    SELECT customer_id, max(ordered_at) AS last_order, count(*) AS orders, sum(revenue) AS revenue,
           count(*) FILTER (WHERE delivered_at < $end AND promised_at IS NOT NULL) AS delivered,
           count(*) FILTER (WHERE delivered_at < $end AND delivered_late(promised_at, delivered_at, $tz)) AS late
    FROM journey_orders($start - to_days($churn_days), $end, $persona, $segment, $region, $channel, $department)
    GROUP BY customer_id
),
base AS (
    SELECT *, last_order < $end - to_days($churn_days) AS churned
    FROM hist
),
ticketed AS (
    SELECT DISTINCT customer_id
    FROM journey_tickets($start - to_days($churn_days), $end, $persona, $segment, $region, $channel)
),
effort AS (
    SELECT customer_id, sum(ces) AS ces_sum, count(ces) AS ces_n
    FROM journey_surveys($start - to_days($churn_days), $end, $persona, $segment, $region, $channel)
    GROUP BY customer_id
)
SELECT b.churned AS Churned, count(*) AS Customers,
       avg((t.customer_id IS NOT NULL)::INTEGER)::DOUBLE AS TicketShare,
       (sum(e.ces_sum) / nullif(sum(e.ces_n), 0))::DOUBLE AS MeanCes,
       (sum(b.late) / nullif(sum(b.delivered), 0))::DOUBLE AS LateShare,
       avg(b.orders)::DOUBLE AS MeanOrders,
       avg(b.revenue)::DECIMAL(18, 2) AS MeanRevenue
FROM base b
LEFT JOIN ticketed t USING (customer_id)
LEFT JOIN effort e USING (customer_id)
GROUP BY b.churned
ORDER BY b.churned;
