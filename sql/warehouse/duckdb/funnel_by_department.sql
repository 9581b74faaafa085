-- The ordered funnel (rule of funnel.sql) per department, each as the department filter gives it: the visitors who
-- touched the department's products, with their events of its products and their events that concern no product
-- (arrivals, purchases, logins), which therefore count in every department the visitor touched. Like the filtered
-- funnel it starts at the first stage those events have (f: a clickstream of product views starts at consideration);
-- s1 is that stage, s2 the next, and so on.
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
first_stage AS (
    SELECT value, min(stage_order) AS f FROM (
        SELECT value, stage_order FROM dev
        UNION ALL
        SELECT touched.value, p.stage_order
        FROM (SELECT visitor_id, min(stage_order) AS stage_order FROM pev GROUP BY visitor_id) p JOIN touched USING (visitor_id)
    ) GROUP BY value
),
s1 AS (
    SELECT value, visitor_id, f, min(t) AS t FROM (
        SELECT value, visitor_id, f, min(occurred_at) AS t FROM dev JOIN first_stage USING (value) WHERE stage_order = f GROUP BY ALL
        UNION ALL
        SELECT touched.value, p.visitor_id, first_stage.f, p.t
        FROM (SELECT visitor_id, stage_order, min(occurred_at) AS t FROM pev GROUP BY visitor_id, stage_order) p
        JOIN touched USING (visitor_id) JOIN first_stage ON first_stage.value = touched.value AND first_stage.f = p.stage_order
    ) GROUP BY ALL
),
s2 AS (
    SELECT value, visitor_id, f, min(t) AS t FROM (
        SELECT value, visitor_id, f, dev.occurred_at AS t FROM dev JOIN s1 USING (value, visitor_id)
        WHERE dev.stage_order = f + 1 AND dev.occurred_at >= s1.t AND dev.occurred_at <= s1.t + to_days($window_days)
        UNION ALL
        SELECT value, visitor_id, f, pev.occurred_at FROM pev JOIN s1 USING (visitor_id)
        WHERE pev.stage_order = f + 1 AND pev.occurred_at >= s1.t AND pev.occurred_at <= s1.t + to_days($window_days)
    ) GROUP BY ALL
),
s3 AS (
    SELECT value, visitor_id, f, min(t) AS t FROM (
        SELECT value, visitor_id, f, dev.occurred_at AS t FROM dev JOIN s2 USING (value, visitor_id)
        WHERE dev.stage_order = f + 2 AND dev.occurred_at >= s2.t AND dev.occurred_at <= s2.t + to_days($window_days)
        UNION ALL
        SELECT value, visitor_id, f, pev.occurred_at FROM pev JOIN s2 USING (visitor_id)
        WHERE pev.stage_order = f + 2 AND pev.occurred_at >= s2.t AND pev.occurred_at <= s2.t + to_days($window_days)
    ) GROUP BY ALL
),
s4 AS (
    SELECT value, visitor_id, f, min(t) AS t FROM (
        SELECT value, visitor_id, f, dev.occurred_at AS t FROM dev JOIN s3 USING (value, visitor_id)
        WHERE dev.stage_order = f + 3 AND dev.occurred_at >= s3.t AND dev.occurred_at <= s3.t + to_days($window_days)
        UNION ALL
        SELECT value, visitor_id, f, pev.occurred_at FROM pev JOIN s3 USING (visitor_id)
        WHERE pev.stage_order = f + 3 AND pev.occurred_at >= s3.t AND pev.occurred_at <= s3.t + to_days($window_days)
    ) GROUP BY ALL
),
s5 AS (
    SELECT value, visitor_id, f, min(t) AS t FROM (
        SELECT value, visitor_id, f, dev.occurred_at AS t FROM dev JOIN s4 USING (value, visitor_id)
        WHERE dev.stage_order = f + 4 AND dev.occurred_at >= s4.t AND dev.occurred_at <= s4.t + to_days($window_days)
        UNION ALL
        SELECT value, visitor_id, f, pev.occurred_at FROM pev JOIN s4 USING (visitor_id)
        WHERE pev.stage_order = f + 4 AND pev.occurred_at >= s4.t AND pev.occurred_at <= s4.t + to_days($window_days)
    ) GROUP BY ALL
),
s6 AS (
    SELECT value, visitor_id, f, min(t) AS t FROM (
        SELECT value, visitor_id, f, dev.occurred_at AS t FROM dev JOIN s5 USING (value, visitor_id)
        WHERE dev.stage_order = f + 5 AND dev.occurred_at >= s5.t AND dev.occurred_at <= s5.t + to_days($window_days)
        UNION ALL
        SELECT value, visitor_id, f, pev.occurred_at FROM pev JOIN s5 USING (visitor_id)
        WHERE pev.stage_order = f + 5 AND pev.occurred_at >= s5.t AND pev.occurred_at <= s5.t + to_days($window_days)
    ) GROUP BY ALL
),
reached AS (
    SELECT value, f AS stage_order FROM s1
    UNION ALL SELECT value, f + 1 FROM s2
    UNION ALL SELECT value, f + 2 FROM s3
    UNION ALL SELECT value, f + 3 FROM s4
    UNION ALL SELECT value, f + 4 FROM s5
    UNION ALL SELECT value, f + 5 FROM s6
)
SELECT value, stage_order, count(*) AS customers FROM reached WHERE stage_order <= 6 GROUP BY ALL ORDER BY ALL;
