-- Per stage, the share of the stage's visitors (any event of the stage) who used each channel, and each device, at
-- that stage. A share of customers, not of visitor-channel pairs: one visitor can use several, so shares can add up
-- to more than 100%.
WITH ev AS (
    SELECT DISTINCT stage, stage_order, visitor_id, channel, device
    FROM journey_events($start, $end, $persona, $segment, $region, $channel, $device, $department)
    WHERE stage_order IS NOT NULL
),
stage_visitors AS (SELECT stage_order, count(DISTINCT visitor_id) AS visitors FROM ev GROUP BY stage_order),
used AS (
    SELECT stage, stage_order, 'channel' AS kind, channel AS value, count(DISTINCT visitor_id) AS visitors FROM ev GROUP BY ALL
    UNION ALL
    SELECT stage, stage_order, 'device', device, count(DISTINCT visitor_id) FROM ev GROUP BY ALL
)
SELECT u.stage, u.stage_order, u.kind, u.value, u.visitors, s.visitors AS stage_visitors,
       (u.visitors / s.visitors)::DOUBLE AS share
FROM used u JOIN stage_visitors s USING (stage_order)
ORDER BY u.kind, u.stage_order, u.visitors DESC, u.value;
