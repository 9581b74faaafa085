-- The ordered funnel (rule of funnel.sql) per department, each as the department filter gives it: the visitors who
-- touched the department's products, with their events of its products and their events that concern no product
-- (arrivals, purchases, logins), which therefore count in every department the visitor touched.
-- The shared events are kept once (pev) and joined to each department's visitors step by step, rather than copied
-- into every department up front: at 90 days that copy was most of the query's time.
WITH je AS MATERIALIZED (
    SELECT visitor_id, stage_order, occurred_at, department, product_id
    FROM journey_events($start, $end, $persona, $segment, $region, $channel, $device, $department)
    WHERE stage_order IS NOT NULL OR department IS NOT NULL
),
touched AS (SELECT DISTINCT department AS value, visitor_id FROM je WHERE department IS NOT NULL),
dev AS (SELECT department AS value, visitor_id, stage_order, occurred_at FROM je WHERE stage_order IS NOT NULL AND department IS NOT NULL),
pev AS (SELECT visitor_id, stage_order, occurred_at FROM je WHERE stage_order IS NOT NULL AND product_id IS NULL),
s1 AS (
    SELECT value, visitor_id, min(t) AS t FROM (
        SELECT value, visitor_id, min(occurred_at) AS t FROM dev WHERE stage_order = 1 GROUP BY ALL
        UNION ALL
        SELECT touched.value, p.visitor_id, p.t
        FROM (SELECT visitor_id, min(occurred_at) AS t FROM pev WHERE stage_order = 1 GROUP BY visitor_id) p JOIN touched USING (visitor_id)
    ) GROUP BY ALL
),
s2 AS (
    SELECT value, visitor_id, min(t) AS t FROM (
        SELECT value, visitor_id, dev.occurred_at AS t FROM dev JOIN s1 USING (value, visitor_id)
        WHERE dev.stage_order = 2 AND dev.occurred_at >= s1.t AND dev.occurred_at <= s1.t + to_days($window_days)
        UNION ALL
        SELECT value, visitor_id, pev.occurred_at FROM pev JOIN s1 USING (visitor_id)
        WHERE pev.stage_order = 2 AND pev.occurred_at >= s1.t AND pev.occurred_at <= s1.t + to_days($window_days)
    ) GROUP BY ALL
),
s3 AS (
    SELECT value, visitor_id, min(t) AS t FROM (
        SELECT value, visitor_id, dev.occurred_at AS t FROM dev JOIN s2 USING (value, visitor_id)
        WHERE dev.stage_order = 3 AND dev.occurred_at >= s2.t AND dev.occurred_at <= s2.t + to_days($window_days)
        UNION ALL
        SELECT value, visitor_id, pev.occurred_at FROM pev JOIN s2 USING (visitor_id)
        WHERE pev.stage_order = 3 AND pev.occurred_at >= s2.t AND pev.occurred_at <= s2.t + to_days($window_days)
    ) GROUP BY ALL
),
s4 AS (
    SELECT value, visitor_id, min(t) AS t FROM (
        SELECT value, visitor_id, dev.occurred_at AS t FROM dev JOIN s3 USING (value, visitor_id)
        WHERE dev.stage_order = 4 AND dev.occurred_at >= s3.t AND dev.occurred_at <= s3.t + to_days($window_days)
        UNION ALL
        SELECT value, visitor_id, pev.occurred_at FROM pev JOIN s3 USING (visitor_id)
        WHERE pev.stage_order = 4 AND pev.occurred_at >= s3.t AND pev.occurred_at <= s3.t + to_days($window_days)
    ) GROUP BY ALL
),
s5 AS (
    SELECT value, visitor_id, min(t) AS t FROM (
        SELECT value, visitor_id, dev.occurred_at AS t FROM dev JOIN s4 USING (value, visitor_id)
        WHERE dev.stage_order = 5 AND dev.occurred_at >= s4.t AND dev.occurred_at <= s4.t + to_days($window_days)
        UNION ALL
        SELECT value, visitor_id, pev.occurred_at FROM pev JOIN s4 USING (visitor_id)
        WHERE pev.stage_order = 5 AND pev.occurred_at >= s4.t AND pev.occurred_at <= s4.t + to_days($window_days)
    ) GROUP BY ALL
),
s6 AS (
    SELECT value, visitor_id, min(t) AS t FROM (
        SELECT value, visitor_id, dev.occurred_at AS t FROM dev JOIN s5 USING (value, visitor_id)
        WHERE dev.stage_order = 6 AND dev.occurred_at >= s5.t AND dev.occurred_at <= s5.t + to_days($window_days)
        UNION ALL
        SELECT value, visitor_id, pev.occurred_at FROM pev JOIN s5 USING (visitor_id)
        WHERE pev.stage_order = 6 AND pev.occurred_at >= s5.t AND pev.occurred_at <= s5.t + to_days($window_days)
    ) GROUP BY ALL
),
reached AS (
    SELECT value, 1 AS stage_order FROM s1
    UNION ALL SELECT value, 2 FROM s2
    UNION ALL SELECT value, 3 FROM s3
    UNION ALL SELECT value, 4 FROM s4
    UNION ALL SELECT value, 5 FROM s5
    UNION ALL SELECT value, 6 FROM s6
)
SELECT value, stage_order, count(*) AS customers FROM reached GROUP BY ALL ORDER BY ALL;
