-- Per department, the numbers the department filter would give: visitors who touched its products (buyers: those of
-- them with a purchase event that the filter keeps: one of its products, or one that concerns no product), orders with
-- a line of it and only its lines' revenue. A visitor or order spanning departments counts in each, so departments
-- add up to more than the whole.
WITH je AS (
    SELECT visitor_id, stage, department, product_id
    FROM journey.journey_events(@start, @end, @persona, @segment, @region, @channel, @device, @department)
),
touched AS (SELECT DISTINCT department, visitor_id FROM je WHERE department IS NOT NULL),
bought AS (
    SELECT department, visitor_id FROM je WHERE stage = N'purchase' AND department IS NOT NULL
    UNION
    SELECT t.department, t.visitor_id
    FROM touched AS t JOIN (SELECT DISTINCT visitor_id FROM je WHERE stage = N'purchase' AND product_id IS NULL) AS p ON p.visitor_id = t.visitor_id
),
v AS (
    SELECT t.department, COUNT_BIG(*) AS visitors, COUNT_BIG(b.visitor_id) AS buyers
    FROM touched AS t LEFT JOIN bought AS b ON b.department = t.department AND b.visitor_id = t.visitor_id
    GROUP BY t.department
),
o AS (
    SELECT p.department, COUNT_BIG(DISTINCT o.order_id) AS orders, SUM(l.quantity * l.unit_price) AS revenue
    FROM journey.journey_orders(@start, @end, @persona, @segment, @region, @channel, @department) AS o
    JOIN journey.order_lines AS l ON l.order_id = o.order_id
    JOIN journey.products AS p    ON p.product_id = l.product_id
    WHERE @department IS NULL OR p.department = @department
    GROUP BY p.department
),
departments AS (SELECT DISTINCT department FROM journey.products WHERE @department IS NULL OR department = @department)
SELECT d.department, COALESCE(v.visitors, 0) AS visitors, COALESCE(v.buyers, 0) AS buyers,
       COALESCE(o.orders, 0) AS orders, CAST(COALESCE(o.revenue, 0) AS decimal(18, 2)) AS revenue
FROM departments AS d
LEFT JOIN v ON v.department = d.department
LEFT JOIN o ON o.department = d.department
ORDER BY CAST(COALESCE(o.revenue, 0) AS decimal(18, 2)) DESC, d.department COLLATE Latin1_General_BIN2;
