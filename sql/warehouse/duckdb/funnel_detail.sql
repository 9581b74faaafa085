-- Per stage: the ordered funnel (same rule as funnel.sql), the unordered reach (visitors with any event of the
-- stage, in any order), and median / p90 hours from the previous stage's time to this one's for the visitors who
-- made that step of the ordered funnel. Quantiles are interpolated (quantile_cont).
WITH ev AS (
    SELECT visitor_id, stage_order, occurred_at
    FROM journey_events($start, $end, $persona, $segment, $region, $channel, $device, $department)
    WHERE stage_order IS NOT NULL
),
reach AS (SELECT stage_order, count(DISTINCT visitor_id) AS reached FROM ev GROUP BY stage_order),
s1 AS (SELECT visitor_id, min(occurred_at) AS t, NULL::TIMESTAMP AS prev FROM ev WHERE stage_order = 1 GROUP BY visitor_id),
s2 AS (SELECT ev.visitor_id, min(ev.occurred_at) AS t, any_value(s1.t) AS prev FROM ev JOIN s1 USING (visitor_id)
       WHERE ev.stage_order = 2 AND ev.occurred_at >= s1.t AND ev.occurred_at <= s1.t + to_days($window_days) GROUP BY ev.visitor_id),
s3 AS (SELECT ev.visitor_id, min(ev.occurred_at) AS t, any_value(s2.t) AS prev FROM ev JOIN s2 USING (visitor_id)
       WHERE ev.stage_order = 3 AND ev.occurred_at >= s2.t AND ev.occurred_at <= s2.t + to_days($window_days) GROUP BY ev.visitor_id),
s4 AS (SELECT ev.visitor_id, min(ev.occurred_at) AS t, any_value(s3.t) AS prev FROM ev JOIN s3 USING (visitor_id)
       WHERE ev.stage_order = 4 AND ev.occurred_at >= s3.t AND ev.occurred_at <= s3.t + to_days($window_days) GROUP BY ev.visitor_id),
s5 AS (SELECT ev.visitor_id, min(ev.occurred_at) AS t, any_value(s4.t) AS prev FROM ev JOIN s4 USING (visitor_id)
       WHERE ev.stage_order = 5 AND ev.occurred_at >= s4.t AND ev.occurred_at <= s4.t + to_days($window_days) GROUP BY ev.visitor_id),
s6 AS (SELECT ev.visitor_id, min(ev.occurred_at) AS t, any_value(s5.t) AS prev FROM ev JOIN s5 USING (visitor_id)
       WHERE ev.stage_order = 6 AND ev.occurred_at >= s5.t AND ev.occurred_at <= s5.t + to_days($window_days) GROUP BY ev.visitor_id),
steps AS (
    SELECT 1 AS stage_order, t, prev FROM s1
    UNION ALL SELECT 2, t, prev FROM s2
    UNION ALL SELECT 3, t, prev FROM s3
    UNION ALL SELECT 4, t, prev FROM s4
    UNION ALL SELECT 5, t, prev FROM s5
    UNION ALL SELECT 6, t, prev FROM s6
),
ordered AS (
    SELECT stage_order, count(*) AS customers,
           quantile_cont(epoch(t - prev) / 3600.0, 0.5) AS median_hours,
           quantile_cont(epoch(t - prev) / 3600.0, 0.9) AS p90_hours
    FROM steps GROUP BY stage_order
)
SELECT stage_order, coalesce(o.customers, 0) AS customers, coalesce(r.reached, 0) AS reached,
       o.median_hours::DOUBLE AS median_hours, o.p90_hours::DOUBLE AS p90_hours
FROM ordered o FULL JOIN reach r USING (stage_order)
ORDER BY stage_order;
