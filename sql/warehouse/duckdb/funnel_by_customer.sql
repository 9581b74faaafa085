-- The ordered funnel (rule of funnel.sql) per value of a customer attribute, chosen by $dimension from a fixed list
-- (validated in C#): persona, segment or region. Anonymous visitors form the value 'unknown'. The funnel runs per
-- visitor as in funnel.sql and each visitor's value is attached at the end, to the few visitors of each stage.
WITH ev AS (
    SELECT visitor_id, customer_id, stage_order, occurred_at
    FROM journey_events($start, $end, $persona, $segment, $region, $channel, $device, $department)
    WHERE stage_order IS NOT NULL
),
s1 AS (SELECT visitor_id, min(occurred_at) AS t, any_value(customer_id) AS customer_id FROM ev WHERE stage_order = 1 GROUP BY visitor_id),
s2 AS (SELECT ev.visitor_id, min(ev.occurred_at) AS t FROM ev JOIN s1 USING (visitor_id)
       WHERE ev.stage_order = 2 AND ev.occurred_at >= s1.t AND ev.occurred_at <= s1.t + to_days($window_days) GROUP BY ev.visitor_id),
s3 AS (SELECT ev.visitor_id, min(ev.occurred_at) AS t FROM ev JOIN s2 USING (visitor_id)
       WHERE ev.stage_order = 3 AND ev.occurred_at >= s2.t AND ev.occurred_at <= s2.t + to_days($window_days) GROUP BY ev.visitor_id),
s4 AS (SELECT ev.visitor_id, min(ev.occurred_at) AS t FROM ev JOIN s3 USING (visitor_id)
       WHERE ev.stage_order = 4 AND ev.occurred_at >= s3.t AND ev.occurred_at <= s3.t + to_days($window_days) GROUP BY ev.visitor_id),
s5 AS (SELECT ev.visitor_id, min(ev.occurred_at) AS t FROM ev JOIN s4 USING (visitor_id)
       WHERE ev.stage_order = 5 AND ev.occurred_at >= s4.t AND ev.occurred_at <= s4.t + to_days($window_days) GROUP BY ev.visitor_id),
s6 AS (SELECT ev.visitor_id, min(ev.occurred_at) AS t FROM ev JOIN s5 USING (visitor_id)
       WHERE ev.stage_order = 6 AND ev.occurred_at >= s5.t AND ev.occurred_at <= s5.t + to_days($window_days) GROUP BY ev.visitor_id),
vals AS (
    SELECT s1.visitor_id,
           coalesce(CASE $dimension WHEN 'persona' THEN c.persona WHEN 'segment' THEN c.segment WHEN 'region' THEN c.region END, 'unknown') AS value
    FROM s1 LEFT JOIN customers c ON c.customer_id = s1.customer_id
),
reached AS (
    SELECT 1 AS stage_order, visitor_id FROM s1
    UNION ALL SELECT 2, visitor_id FROM s2
    UNION ALL SELECT 3, visitor_id FROM s3
    UNION ALL SELECT 4, visitor_id FROM s4
    UNION ALL SELECT 5, visitor_id FROM s5
    UNION ALL SELECT 6, visitor_id FROM s6
)
SELECT vals.value, reached.stage_order, count(*) AS customers
FROM reached JOIN vals USING (visitor_id)
GROUP BY ALL
ORDER BY ALL;
