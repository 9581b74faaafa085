-- Distinct visitors per channel at each stage. Share is of the stage's visitor-channel pairs, so a stage's
-- shares add up to 100% even though one visitor may use several channels.
SELECT stage, stage_order, channel, COUNT_BIG(DISTINCT visitor_id) AS customers,
       CAST(COUNT_BIG(DISTINCT visitor_id) AS float) / SUM(COUNT_BIG(DISTINCT visitor_id)) OVER (PARTITION BY stage) AS share
FROM journey.journey_events(@start, @end, @persona, @segment, @region, @channel, @device, @department)
WHERE stage IS NOT NULL
GROUP BY stage, stage_order, channel
ORDER BY stage_order, customers DESC, channel;
