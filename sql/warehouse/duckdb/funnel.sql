-- Visitors reaching each stage of the ordered funnel (the rule is journey_funnel's, in journey_macros.sql).
SELECT stage_order, count(*) AS customers
FROM journey_funnel($start, $end, $persona, $segment, $region, $channel, $device, $department, NULL, $window_days)
GROUP BY stage_order
ORDER BY stage_order;
