-- The ordered funnel (rule of funnel.sql) per value of one dimension, chosen by $dimension from a fixed list
-- (validated in C#). A value's funnel is the funnel filtered to that value: channel, device and department keep only
-- that value's events, so one visitor can appear under several values; persona, segment and region are the
-- visitor's own, 'unknown' for anonymous visitors. As in the department filter, events that concern no product
-- (arrivals, purchases, logins) count in every department the visitor touched in the period.
WITH je AS MATERIALIZED (
    SELECT visitor_id, customer_id, stage_order, occurred_at, channel, device, department, product_id
    FROM journey_events($start, $end, $persona, $segment, $region, $channel, $device, $department)
),
tagged AS (
    SELECT je.visitor_id, je.stage_order, je.occurred_at,
           CASE $dimension
               WHEN 'persona'    THEN coalesce(c.persona, 'unknown')
               WHEN 'segment'    THEN coalesce(c.segment, 'unknown')
               WHEN 'region'     THEN coalesce(c.region, 'unknown')
               WHEN 'channel'    THEN je.channel
               WHEN 'device'     THEN je.device
               WHEN 'department' THEN je.department
           END AS value
    FROM je LEFT JOIN customers c ON c.customer_id = je.customer_id
    WHERE je.stage_order IS NOT NULL
    UNION ALL
    SELECT je.visitor_id, je.stage_order, je.occurred_at, dv.department
    FROM je JOIN (SELECT DISTINCT visitor_id, department FROM je WHERE department IS NOT NULL) dv USING (visitor_id)
    WHERE $dimension = 'department' AND je.product_id IS NULL AND je.stage_order IS NOT NULL
),
ev AS (SELECT value, visitor_id, stage_order, occurred_at FROM tagged WHERE value IS NOT NULL),
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
       WHERE ev.stage_order = 6 AND ev.occurred_at >= s5.t AND ev.occurred_at <= s5.t + to_days($window_days) GROUP BY ALL)
SELECT value, 1 AS stage_order, count(*) AS customers FROM s1 GROUP BY value
UNION ALL SELECT value, 2, count(*) FROM s2 GROUP BY value
UNION ALL SELECT value, 3, count(*) FROM s3 GROUP BY value
UNION ALL SELECT value, 4, count(*) FROM s4 GROUP BY value
UNION ALL SELECT value, 5, count(*) FROM s5 GROUP BY value
UNION ALL SELECT value, 6, count(*) FROM s6 GROUP BY value
ORDER BY value, stage_order;
