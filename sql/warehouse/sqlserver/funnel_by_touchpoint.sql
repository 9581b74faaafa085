-- The ordered funnel (journey.journey_funnel) per touchpoint, chosen by @dimension from a fixed list (validated in C#):
-- channel or device. A value's funnel is the funnel filtered to that value: only its events count, so one visitor
-- can appear under several values. Text is ordered by code point, as DuckDB orders it.
SELECT value, stage_order, COUNT_BIG(*) AS customers
FROM journey.journey_funnel(@start, @end, @persona, @segment, @region, @channel, @device, @department, @dimension, @window_days)
GROUP BY value, stage_order
ORDER BY value COLLATE Latin1_General_BIN2, stage_order;
