-- Transitions between consecutive stage-mapped events of a visitor, as (stage, channel) nodes for a flow diagram.
-- Staying on the same node is no transition, which collapses repeats. Events at one instant go in stage order.
-- Text sorts by code point, as DuckDB sorts it.
WITH nodes AS (
    SELECT visitor_id, stage, channel,
           LAG(stage)   OVER (PARTITION BY visitor_id ORDER BY occurred_at, stage_order, channel COLLATE Latin1_General_BIN2) AS from_stage,
           LAG(channel) OVER (PARTITION BY visitor_id ORDER BY occurred_at, stage_order, channel COLLATE Latin1_General_BIN2) AS from_channel
    FROM journey.journey_events(@start, @end, @persona, @segment, @region, @channel, @device, @department)
    WHERE stage IS NOT NULL
)
SELECT from_stage, from_channel, stage AS to_stage, channel AS to_channel,
       COUNT_BIG(*) AS transitions, COUNT_BIG(DISTINCT visitor_id) AS visitors
FROM nodes
WHERE from_stage IS NOT NULL AND NOT (from_stage = stage AND from_channel = channel)
GROUP BY from_stage, from_channel, stage, channel
ORDER BY COUNT_BIG(*) DESC, from_stage COLLATE Latin1_General_BIN2, from_channel COLLATE Latin1_General_BIN2,
         stage COLLATE Latin1_General_BIN2, channel COLLATE Latin1_General_BIN2
OFFSET 0 ROWS FETCH NEXT @top ROWS ONLY;
