-- Visitors with a purchase in the period, by how many distinct channels and devices they used from @lookback_days
-- before their first purchase of the period up to and including it (so at least one: the purchase's own).
-- Counts are capped at 4 ("4+") for the histogram; the sums give exact averages.
WITH je AS (
    SELECT visitor_id, occurred_at, stage, channel, device
    FROM journey.journey_events(DATEADD(day, -@lookback_days, CAST(@start AS datetime2(7))), @end, @persona, @segment, @region, @channel, @device, @department)
),
first_purchase AS (
    SELECT visitor_id, MIN(occurred_at) AS t FROM je WHERE stage = N'purchase' AND occurred_at >= @start GROUP BY visitor_id
),
per_visitor AS (
    SELECT je.visitor_id, COUNT_BIG(DISTINCT je.channel) AS channels, COUNT_BIG(DISTINCT je.device) AS devices
    FROM je JOIN first_purchase AS f ON f.visitor_id = je.visitor_id
    WHERE je.occurred_at >= DATEADD(day, -@lookback_days, f.t) AND je.occurred_at <= f.t
    GROUP BY je.visitor_id
)
SELECT CASE WHEN channels < 4 THEN channels ELSE 4 END AS channels, CASE WHEN devices < 4 THEN devices ELSE 4 END AS devices,
       COUNT_BIG(*) AS visitors, SUM(channels) AS channel_sum, SUM(devices) AS device_sum
FROM per_visitor
GROUP BY CASE WHEN channels < 4 THEN channels ELSE 4 END, CASE WHEN devices < 4 THEN devices ELSE 4 END
ORDER BY 1, 2, 3, 4, 5;
