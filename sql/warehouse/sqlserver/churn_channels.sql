-- Channel mix of churned and retained customers (population and churn as in churn_groups.sql): each channel's
-- share of the group's events in the same window.
WITH base AS (
    SELECT customer_id, CASE WHEN MAX(ordered_at) < DATEADD(day, -@churn_days, CAST(@end AS datetime2(7))) THEN 1 ELSE 0 END AS churned
    FROM journey.journey_orders(DATEADD(day, -@churn_days, CAST(@start AS datetime2(7))), @end, @persona, @segment, @region, @channel, @department)
    GROUP BY customer_id
)
SELECT CAST(b.churned AS bit) AS Churned, e.channel AS Channel, COUNT_BIG(*) AS Events,
       CAST(COUNT_BIG(*) AS float) / SUM(COUNT_BIG(*)) OVER (PARTITION BY b.churned) AS Share
FROM journey.journey_events(DATEADD(day, -@churn_days, CAST(@start AS datetime2(7))), @end, @persona, @segment, @region, @channel, @device, @department) AS e
JOIN base AS b ON b.customer_id = e.customer_id
GROUP BY b.churned, e.channel
ORDER BY b.churned, COUNT_BIG(*) DESC, e.channel COLLATE Latin1_General_BIN2;
