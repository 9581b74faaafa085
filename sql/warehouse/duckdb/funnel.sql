-- Ordered funnel: a visitor reaches a stage only at or after reaching the previous one, within $window_days of it.
-- Every stage's first time is taken after the previous stage's first time, so counts can only fall stage by stage.
-- The funnel starts at the first stage that occurs in the data (an export without awareness events, such as a
-- clickstream of product views, starts at consideration); step k is stage (first + k - 1).
WITH all_ev AS (
    SELECT visitor_id, stage_order, occurred_at
    FROM journey_events($start, $end, $persona, $segment, $region, $channel, $device, $department)
    WHERE stage_order IS NOT NULL
),
first_stage AS (SELECT min(stage_order) AS f FROM all_ev),
ev AS (SELECT visitor_id, stage_order - f + 1 AS stage_order, occurred_at FROM all_ev, first_stage),
s1 AS (SELECT visitor_id, min(occurred_at) AS t FROM ev WHERE stage_order = 1 GROUP BY visitor_id),
s2 AS (SELECT ev.visitor_id, min(ev.occurred_at) AS t FROM ev JOIN s1 USING (visitor_id)
       WHERE ev.stage_order = 2 AND ev.occurred_at >= s1.t AND ev.occurred_at <= s1.t + to_days($window_days) GROUP BY ev.visitor_id),
s3 AS (SELECT ev.visitor_id, min(ev.occurred_at) AS t FROM ev JOIN s2 USING (visitor_id)
       WHERE ev.stage_order = 3 AND ev.occurred_at >= s2.t AND ev.occurred_at <= s2.t + to_days($window_days) GROUP BY ev.visitor_id),
s4 AS (SELECT ev.visitor_id, min(ev.occurred_at) AS t FROM ev JOIN s3 USING (visitor_id)
       WHERE ev.stage_order = 4 AND ev.occurred_at >= s3.t AND ev.occurred_at <= s3.t + to_days($window_days) GROUP BY ev.visitor_id),
s5 AS (SELECT ev.visitor_id, min(ev.occurred_at) AS t FROM ev JOIN s4 USING (visitor_id)
       WHERE ev.stage_order = 5 AND ev.occurred_at >= s4.t AND ev.occurred_at <= s4.t + to_days($window_days) GROUP BY ev.visitor_id),
s6 AS (SELECT ev.visitor_id, min(ev.occurred_at) AS t FROM ev JOIN s5 USING (visitor_id)
       WHERE ev.stage_order = 6 AND ev.occurred_at >= s5.t AND ev.occurred_at <= s5.t + to_days($window_days) GROUP BY ev.visitor_id)
SELECT step + f - 1 AS stage_order, customers
FROM (
    SELECT 1 AS step, count(*) AS customers FROM s1
    UNION ALL SELECT 2, count(*) FROM s2
    UNION ALL SELECT 3, count(*) FROM s3
    UNION ALL SELECT 4, count(*) FROM s4
    UNION ALL SELECT 5, count(*) FROM s5
    UNION ALL SELECT 6, count(*) FROM s6
), first_stage
WHERE step + f - 1 <= 6
ORDER BY stage_order;
