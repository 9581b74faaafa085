-- Transitions between consecutive stage-mapped events of a visitor, as (stage, channel) nodes for a flow diagram.
-- Staying on the same node is no transition, which collapses repeats. Events at one instant go in stage order.
WITH nodes AS (
    SELECT visitor_id, stage, channel,
           lag(stage)   OVER w AS from_stage,
           lag(channel) OVER w AS from_channel
    FROM journey_events($start, $end, $persona, $segment, $region, $channel, $device, $department)
    WHERE stage IS NOT NULL
    WINDOW w AS (PARTITION BY visitor_id ORDER BY occurred_at, stage_order, channel)
)
SELECT from_stage, from_channel, stage AS to_stage, channel AS to_channel,
       count(*) AS transitions, count(DISTINCT visitor_id) AS visitors
FROM nodes
WHERE from_stage IS NOT NULL AND NOT (from_stage = stage AND from_channel = channel)
GROUP BY from_stage, from_channel, stage, channel
ORDER BY transitions DESC, from_stage, from_channel, to_stage, to_channel
LIMIT $top;
