-- Per department, the numbers the department filter would give: visitors who touched its products (buyers: those of
-- them with a purchase event that the filter keeps: one of its products, or one that concerns no product), orders with
-- a line of it and only its lines' revenue. A visitor or order spanning departments counts in each, so departments
-- add up to more than the whole.
WITH je AS MATERIALIZED (
    SELECT visitor_id, stage, department, product_id
    FROM journey_events($start, $end, $persona, $segment, $region, $channel, $device, $department)
),
touched AS (SELECT DISTINCT department, visitor_id FROM je WHERE department IS NOT NULL),
bought AS (
    SELECT department, visitor_id FROM je WHERE stage = 'purchase' AND department IS NOT NULL
    UNION
    SELECT t.department, t.visitor_id
    FROM touched t JOIN (SELECT DISTINCT visitor_id FROM je WHERE stage = 'purchase' AND product_id IS NULL) p USING (visitor_id)
),
v AS (
    SELECT t.department, count(*) AS visitors, count(b.visitor_id) AS buyers
    FROM touched t LEFT JOIN bought b USING (department, visitor_id)
    GROUP BY t.department
),
o AS (
    SELECT p.department, count(DISTINCT o.order_id) AS orders, sum(l.quantity * l.unit_price) AS revenue
    FROM journey_orders($start, $end, $persona, $segment, $region, $channel, $department) o
    JOIN order_lines l ON l.order_id = o.order_id
    JOIN products p    ON p.product_id = l.product_id
    WHERE $department IS NULL OR p.department = $department
    GROUP BY p.department
),
departments AS (SELECT DISTINCT department FROM products WHERE $department IS NULL OR department = $department)
SELECT d.department, coalesce(v.visitors, 0) AS visitors, coalesce(v.buyers, 0) AS buyers,
       coalesce(o.orders, 0) AS orders, coalesce(o.revenue, 0)::DECIMAL(18, 2) AS revenue
FROM departments d LEFT JOIN v USING (department) LEFT JOIN o USING (department)
ORDER BY revenue DESC, d.department;
