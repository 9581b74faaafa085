-- The ordered funnel (journey_funnel) per touchpoint, chosen by $dimension from a fixed list (validated in C#):
-- channel or device. A value's funnel is the funnel filtered to that value: only its events count, so one visitor
-- can appear under several values.
SELECT value, stage_order, count(*) AS customers
FROM journey_funnel($start, $end, $persona, $segment, $region, $channel, $device, $department, $dimension, $window_days)
GROUP BY ALL
ORDER BY ALL;
