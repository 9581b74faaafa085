-- The ordered funnel (rule of funnel.sql) per department, each as the department filter gives it: the visitors who
-- touched the department's products, with their events of its products and their events that concern no product
-- (arrivals, purchases, logins), which therefore count in every department the visitor touched. Like the filtered
-- funnel it starts at the first stage those events have (f); s1 is that stage, s2 the next, and so on (as
-- warehouse/duckdb/funnel_by_department.sql). The shared events are kept once (pev) and joined to each department's
-- visitors step by step, rather than copied into every department up front.
WITH je AS (
    SELECT visitor_id, stage_order, occurred_at, department, product_id
    FROM journey.journey_events(@start, @end, @persona, @segment, @region, @channel, @device, @department)
    WHERE stage_order IS NOT NULL OR department IS NOT NULL
),
touched AS (SELECT DISTINCT department AS value, visitor_id FROM je WHERE department IS NOT NULL),
dev AS (SELECT department AS value, visitor_id, stage_order, occurred_at FROM je WHERE stage_order IS NOT NULL AND department IS NOT NULL),
pev AS (SELECT visitor_id, stage_order, occurred_at FROM je WHERE stage_order IS NOT NULL AND product_id IS NULL),
first_stage AS (
    SELECT x.value, MIN(x.stage_order) AS f FROM (
        SELECT value, stage_order FROM dev
        UNION ALL
        SELECT t.value, p.stage_order
        FROM (SELECT visitor_id, MIN(stage_order) AS stage_order FROM pev GROUP BY visitor_id) AS p JOIN touched AS t ON t.visitor_id = p.visitor_id
    ) AS x GROUP BY x.value
),
s1 AS (
    SELECT x.value, x.visitor_id, x.f, MIN(x.t) AS t FROM (
        SELECT d.value, d.visitor_id, fs.f, MIN(d.occurred_at) AS t
        FROM dev AS d JOIN first_stage AS fs ON fs.value = d.value
        WHERE d.stage_order = fs.f
        GROUP BY d.value, d.visitor_id, fs.f
        UNION ALL
        SELECT t.value, p.visitor_id, fs.f, p.t
        FROM (SELECT visitor_id, stage_order, MIN(occurred_at) AS t FROM pev GROUP BY visitor_id, stage_order) AS p
        JOIN touched AS t ON t.visitor_id = p.visitor_id
        JOIN first_stage AS fs ON fs.value = t.value AND fs.f = p.stage_order
    ) AS x GROUP BY x.value, x.visitor_id, x.f
),
s2 AS (
    SELECT x.value, x.visitor_id, x.f, MIN(x.t) AS t FROM (
        SELECT d.value, d.visitor_id, s.f, d.occurred_at AS t
        FROM dev AS d JOIN s1 AS s ON s.value = d.value AND s.visitor_id = d.visitor_id
        WHERE d.stage_order = s.f + 1 AND d.occurred_at >= s.t AND d.occurred_at <= DATEADD(day, @window_days, s.t)
        UNION ALL
        SELECT s.value, s.visitor_id, s.f, p.occurred_at
        FROM pev AS p JOIN s1 AS s ON s.visitor_id = p.visitor_id
        WHERE p.stage_order = s.f + 1 AND p.occurred_at >= s.t AND p.occurred_at <= DATEADD(day, @window_days, s.t)
    ) AS x GROUP BY x.value, x.visitor_id, x.f
),
s3 AS (
    SELECT x.value, x.visitor_id, x.f, MIN(x.t) AS t FROM (
        SELECT d.value, d.visitor_id, s.f, d.occurred_at AS t
        FROM dev AS d JOIN s2 AS s ON s.value = d.value AND s.visitor_id = d.visitor_id
        WHERE d.stage_order = s.f + 2 AND d.occurred_at >= s.t AND d.occurred_at <= DATEADD(day, @window_days, s.t)
        UNION ALL
        SELECT s.value, s.visitor_id, s.f, p.occurred_at
        FROM pev AS p JOIN s2 AS s ON s.visitor_id = p.visitor_id
        WHERE p.stage_order = s.f + 2 AND p.occurred_at >= s.t AND p.occurred_at <= DATEADD(day, @window_days, s.t)
    ) AS x GROUP BY x.value, x.visitor_id, x.f
),
s4 AS (
    SELECT x.value, x.visitor_id, x.f, MIN(x.t) AS t FROM (
        SELECT d.value, d.visitor_id, s.f, d.occurred_at AS t
        FROM dev AS d JOIN s3 AS s ON s.value = d.value AND s.visitor_id = d.visitor_id
        WHERE d.stage_order = s.f + 3 AND d.occurred_at >= s.t AND d.occurred_at <= DATEADD(day, @window_days, s.t)
        UNION ALL
        SELECT s.value, s.visitor_id, s.f, p.occurred_at
        FROM pev AS p JOIN s3 AS s ON s.visitor_id = p.visitor_id
        WHERE p.stage_order = s.f + 3 AND p.occurred_at >= s.t AND p.occurred_at <= DATEADD(day, @window_days, s.t)
    ) AS x GROUP BY x.value, x.visitor_id, x.f
),
s5 AS (
    SELECT x.value, x.visitor_id, x.f, MIN(x.t) AS t FROM (
        SELECT d.value, d.visitor_id, s.f, d.occurred_at AS t
        FROM dev AS d JOIN s4 AS s ON s.value = d.value AND s.visitor_id = d.visitor_id
        WHERE d.stage_order = s.f + 4 AND d.occurred_at >= s.t AND d.occurred_at <= DATEADD(day, @window_days, s.t)
        UNION ALL
        SELECT s.value, s.visitor_id, s.f, p.occurred_at
        FROM pev AS p JOIN s4 AS s ON s.visitor_id = p.visitor_id
        WHERE p.stage_order = s.f + 4 AND p.occurred_at >= s.t AND p.occurred_at <= DATEADD(day, @window_days, s.t)
    ) AS x GROUP BY x.value, x.visitor_id, x.f
),
s6 AS (
    SELECT x.value, x.visitor_id, x.f, MIN(x.t) AS t FROM (
        SELECT d.value, d.visitor_id, s.f, d.occurred_at AS t
        FROM dev AS d JOIN s5 AS s ON s.value = d.value AND s.visitor_id = d.visitor_id
        WHERE d.stage_order = s.f + 5 AND d.occurred_at >= s.t AND d.occurred_at <= DATEADD(day, @window_days, s.t)
        UNION ALL
        SELECT s.value, s.visitor_id, s.f, p.occurred_at
        FROM pev AS p JOIN s5 AS s ON s.visitor_id = p.visitor_id
        WHERE p.stage_order = s.f + 5 AND p.occurred_at >= s.t AND p.occurred_at <= DATEADD(day, @window_days, s.t)
    ) AS x GROUP BY x.value, x.visitor_id, x.f
),
reached AS (
              SELECT value, f AS stage_order FROM s1
    UNION ALL SELECT value, f + 1 FROM s2
    UNION ALL SELECT value, f + 2 FROM s3
    UNION ALL SELECT value, f + 3 FROM s4
    UNION ALL SELECT value, f + 4 FROM s5
    UNION ALL SELECT value, f + 5 FROM s6
)
SELECT value, stage_order, COUNT_BIG(*) AS customers
FROM reached
WHERE stage_order <= 6
GROUP BY value, stage_order
ORDER BY value COLLATE Latin1_General_BIN2, stage_order;
