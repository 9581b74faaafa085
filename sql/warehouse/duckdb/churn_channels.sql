-- Channel mix of churned and retained customers (population and churn as in churn_groups.sql): each channel's
-- share of the group's events in the same window.
WITH base AS (
    SELECT customer_id, max(ordered_at) < $end - to_days($churn_days) AS churned
    FROM journey_orders($start - to_days($churn_days), $end, $persona, $segment, $region, $channel, $department)
    GROUP BY customer_id
)
SELECT b.churned AS Churned, e.channel AS Channel, count(*) AS Events,
       (count(*) / sum(count(*)) OVER (PARTITION BY b.churned))::DOUBLE AS Share
FROM journey_events($start - to_days($churn_days), $end, $persona, $segment, $region, $channel, $device, $department) e
JOIN base b USING (customer_id)
GROUP BY b.churned, e.channel
ORDER BY b.churned, events DESC, e.channel;
