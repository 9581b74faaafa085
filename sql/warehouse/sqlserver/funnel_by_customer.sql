-- The ordered funnel (journey.journey_funnel) per value of a customer attribute, chosen by @dimension from a fixed list
-- (validated in C#): persona, segment or region. Anonymous visitors form the value 'unknown'. The funnel runs per
-- visitor and each visitor's value is attached at the end (a known visitor's id is the customer id).
WITH f AS (
    SELECT visitor_id, stage_order
    FROM journey.journey_funnel(@start, @end, @persona, @segment, @region, @channel, @device, @department, NULL, @window_days)
),
vals AS (
    SELECT v.visitor_id,
           COALESCE(CASE @dimension WHEN N'persona' THEN c.persona WHEN N'segment' THEN c.segment WHEN N'region' THEN c.region END, N'unknown') AS value
    FROM (SELECT DISTINCT visitor_id FROM f) AS v LEFT JOIN journey.customers AS c ON c.customer_id = v.visitor_id
)
SELECT vals.value, f.stage_order, COUNT_BIG(*) AS customers
FROM f JOIN vals ON vals.visitor_id = f.visitor_id
GROUP BY vals.value, f.stage_order
ORDER BY vals.value COLLATE Latin1_General_BIN2, f.stage_order;
