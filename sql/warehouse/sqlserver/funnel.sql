-- Visitors reaching each stage of the ordered funnel (the rule is journey.journey_funnel's, in journey_functions.sql).
SELECT stage_order, COUNT_BIG(*) AS customers
FROM journey.journey_funnel(@start, @end, @persona, @segment, @region, @channel, @device, @department, NULL, @window_days)
GROUP BY stage_order
ORDER BY stage_order;
