-- Visitors with a purchase in the period, by how many distinct channels and devices they used from $lookback_days
-- before their first purchase of the period up to and including it (so at least one: the purchase's own).
-- Counts are capped at 4 ("4+") for the histogram; the sums give exact averages.
WITH je AS MATERIALIZED (
    SELECT visitor_id, occurred_at, stage, channel, device
    FROM journey_events($start - to_days($lookback_days), $end, $persona, $segment, $region, $channel, $device, $department)
),
first_purchase AS (
    SELECT visitor_id, min(occurred_at) AS t FROM je WHERE stage = 'purchase' AND occurred_at >= $start GROUP BY visitor_id
),
per_visitor AS (
    SELECT je.visitor_id, count(DISTINCT je.channel) AS channels, count(DISTINCT je.device) AS devices
    FROM je JOIN first_purchase f USING (visitor_id)
    WHERE je.occurred_at >= f.t - to_days($lookback_days) AND je.occurred_at <= f.t
    GROUP BY je.visitor_id
)
SELECT least(channels, 4) AS channels, least(devices, 4) AS devices, count(*) AS visitors,
       sum(channels)::BIGINT AS channel_sum, sum(devices)::BIGINT AS device_sum
FROM per_visitor
GROUP BY ALL
ORDER BY ALL;
