-- Per stage, the share of the stage's visitors (any event of the stage) who used each channel, and each device, at
-- that stage. A share of customers, not of visitor-channel pairs: one visitor can use several, so shares can add up
-- to more than 100%. GROUPING_ID(channel, device) is 3 on the stage's own row, as DuckDB's GROUPING(channel, device).
WITH ev AS (
    SELECT stage, stage_order, visitor_id, channel, device
    FROM journey.journey_events(@start, @end, @persona, @segment, @region, @channel, @device, @department)
    WHERE stage_order IS NOT NULL
),
counts AS (
    SELECT stage, stage_order, channel, device, GROUPING_ID(channel, device) AS g, COUNT_BIG(DISTINCT visitor_id) AS visitors
    FROM ev
    GROUP BY GROUPING SETS ((stage, stage_order), (stage, stage_order, channel), (stage, stage_order, device))
)
SELECT u.stage, u.stage_order, CASE WHEN u.channel IS NOT NULL THEN N'channel' ELSE N'device' END AS kind,
       COALESCE(u.channel, u.device) AS value, u.visitors, s.visitors AS stage_visitors, CAST(u.visitors AS float) / s.visitors AS share
FROM counts AS u JOIN counts AS s ON s.stage_order = u.stage_order AND s.g = 3
WHERE u.g <> 3
ORDER BY kind, u.stage_order, u.visitors DESC, COALESCE(u.channel, u.device) COLLATE Latin1_General_BIN2;
