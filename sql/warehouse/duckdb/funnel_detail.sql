-- Per stage: the ordered funnel (journey_funnel), the unordered reach (visitors with any event of the stage, in any
-- order), and median / p90 hours from the previous stage's time to this one's for the visitors who made that step of
-- the ordered funnel. Quantiles are interpolated (quantile_cont).
WITH reach AS (
    SELECT stage_order, count(DISTINCT visitor_id) AS reached
    FROM journey_events($start, $end, $persona, $segment, $region, $channel, $device, $department)
    WHERE stage_order IS NOT NULL
    GROUP BY stage_order
),
ordered AS (
    SELECT stage_order, count(*) AS customers,
           quantile_cont(epoch(t - prev) / 3600.0, 0.5) AS median_hours,
           quantile_cont(epoch(t - prev) / 3600.0, 0.9) AS p90_hours
    FROM journey_funnel($start, $end, $persona, $segment, $region, $channel, $device, $department, NULL, $window_days)
    GROUP BY stage_order
)
SELECT stage_order, coalesce(o.customers, 0) AS customers, coalesce(r.reached, 0) AS reached,
       o.median_hours::DOUBLE AS median_hours, o.p90_hours::DOUBLE AS p90_hours
FROM ordered o FULL JOIN reach r USING (stage_order)
ORDER BY stage_order;
