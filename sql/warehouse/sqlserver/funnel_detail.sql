-- Per stage: the ordered funnel (journey.journey_funnel), the unordered reach (visitors with any event of the stage,
-- in any order), and median / p90 hours from the previous stage's time to this one's for the visitors who made that
-- step of the ordered funnel, interpolated. PERCENTILE_CONT is a window function in T-SQL, hence DISTINCT over it.
WITH reach AS (
    SELECT stage_order, COUNT_BIG(DISTINCT visitor_id) AS reached
    FROM journey.journey_events(@start, @end, @persona, @segment, @region, @channel, @device, @department)
    WHERE stage_order IS NOT NULL
    GROUP BY stage_order
),
steps AS (
    SELECT stage_order, DATEDIFF_BIG(microsecond, prev, t) / 3600000000E0 AS hours
    FROM journey.journey_funnel(@start, @end, @persona, @segment, @region, @channel, @device, @department, NULL, @window_days)
),
ordered AS (
    SELECT DISTINCT stage_order,
           COUNT_BIG(*) OVER (PARTITION BY stage_order)                                    AS customers,
           PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY hours) OVER (PARTITION BY stage_order) AS median_hours,
           PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY hours) OVER (PARTITION BY stage_order) AS p90_hours
    FROM steps
)
SELECT COALESCE(o.stage_order, r.stage_order) AS stage_order, COALESCE(o.customers, 0) AS customers, COALESCE(r.reached, 0) AS reached,
       o.median_hours, o.p90_hours
FROM ordered AS o FULL JOIN reach AS r ON r.stage_order = o.stage_order
ORDER BY COALESCE(o.stage_order, r.stage_order);
