-- The ordered funnel (journey_funnel) per value of a customer attribute, chosen by $dimension from a fixed list
-- (validated in C#): persona, segment or region. Anonymous visitors form the value 'unknown'. The funnel runs per
-- visitor and each visitor's value is attached at the end (a known visitor's id is the customer id).
WITH f AS (
    SELECT visitor_id, stage_order
    FROM journey_funnel($start, $end, $persona, $segment, $region, $channel, $device, $department, NULL, $window_days)
),
vals AS (
    SELECT v.visitor_id,
           coalesce(CASE $dimension WHEN 'persona' THEN c.persona WHEN 'segment' THEN c.segment WHEN 'region' THEN c.region END, 'unknown') AS value
    FROM (SELECT DISTINCT visitor_id FROM f) v LEFT JOIN customers c ON c.customer_id = v.visitor_id
)
SELECT vals.value, f.stage_order, count(*) AS customers
FROM f JOIN vals USING (visitor_id)
GROUP BY ALL
ORDER BY ALL;
