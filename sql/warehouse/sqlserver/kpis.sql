-- Headline numbers of one period (as warehouse/duckdb/kpis.sql). Conversion counts visitors who reached the purchase
-- stage. NPS = % promoters (9-10) minus % detractors (0-6), in points; CES = mean effort 1-7 (float: AVG of an int is an int).
WITH ev AS (
    SELECT COUNT_BIG(DISTINCT visitor_id)                                     AS visitors,
           COUNT_BIG(DISTINCT CASE WHEN stage = N'purchase' THEN visitor_id END) AS buyers
    FROM journey.journey_events(@start, @end, @persona, @segment, @region, @channel, @device, @department)
),
ord AS (
    SELECT COUNT_BIG(*) AS orders, COALESCE(SUM(revenue), 0) AS revenue
    FROM journey.journey_orders(@start, @end, @persona, @segment, @region, @channel, @department)
),
sv AS (
    SELECT 100E0 * (COUNT_BIG(CASE WHEN nps >= 9 THEN 1 END) - COUNT_BIG(CASE WHEN nps <= 6 THEN 1 END)) / NULLIF(COUNT_BIG(nps), 0) AS nps,
           AVG(CAST(ces AS float)) AS ces
    FROM journey.journey_surveys(@start, @end, @persona, @segment, @region, @channel)
)
SELECT ev.visitors, ev.buyers, ord.orders, CAST(ord.revenue AS decimal(18, 2)) AS revenue, sv.nps, sv.ces
FROM ev CROSS JOIN ord CROSS JOIN sv;
