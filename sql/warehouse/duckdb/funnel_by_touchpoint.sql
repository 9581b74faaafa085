-- The ordered funnel (rule of funnel.sql) per touchpoint, chosen by $dimension from a fixed list (validated in C#):
-- channel or device. A value's funnel is the funnel filtered to that value: only its events count, so one visitor
-- can appear under several values.
WITH ev AS (
    SELECT CASE $dimension WHEN 'channel' THEN channel WHEN 'device' THEN device END AS value, visitor_id, stage_order, occurred_at
    FROM journey_events($start, $end, $persona, $segment, $region, $channel, $device, $department)
    WHERE stage_order IS NOT NULL
),
s1 AS (SELECT value, visitor_id, min(occurred_at) AS t FROM ev WHERE stage_order = 1 GROUP BY ALL),
s2 AS (SELECT value, visitor_id, min(ev.occurred_at) AS t FROM ev JOIN s1 USING (value, visitor_id)
       WHERE ev.stage_order = 2 AND ev.occurred_at >= s1.t AND ev.occurred_at <= s1.t + to_days($window_days) GROUP BY ALL),
s3 AS (SELECT value, visitor_id, min(ev.occurred_at) AS t FROM ev JOIN s2 USING (value, visitor_id)
       WHERE ev.stage_order = 3 AND ev.occurred_at >= s2.t AND ev.occurred_at <= s2.t + to_days($window_days) GROUP BY ALL),
s4 AS (SELECT value, visitor_id, min(ev.occurred_at) AS t FROM ev JOIN s3 USING (value, visitor_id)
       WHERE ev.stage_order = 4 AND ev.occurred_at >= s3.t AND ev.occurred_at <= s3.t + to_days($window_days) GROUP BY ALL),
s5 AS (SELECT value, visitor_id, min(ev.occurred_at) AS t FROM ev JOIN s4 USING (value, visitor_id)
       WHERE ev.stage_order = 5 AND ev.occurred_at >= s4.t AND ev.occurred_at <= s4.t + to_days($window_days) GROUP BY ALL),
s6 AS (SELECT value, visitor_id, min(ev.occurred_at) AS t FROM ev JOIN s5 USING (value, visitor_id)
       WHERE ev.stage_order = 6 AND ev.occurred_at >= s5.t AND ev.occurred_at <= s5.t + to_days($window_days) GROUP BY ALL),
reached AS (
    SELECT value, 1 AS stage_order FROM s1
    UNION ALL SELECT value, 2 FROM s2
    UNION ALL SELECT value, 3 FROM s3
    UNION ALL SELECT value, 4 FROM s4
    UNION ALL SELECT value, 5 FROM s5
    UNION ALL SELECT value, 6 FROM s6
)
SELECT value, stage_order, count(*) AS customers FROM reached GROUP BY ALL ORDER BY ALL;
