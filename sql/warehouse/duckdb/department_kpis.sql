-- Per department, the numbers the department filter would give: visitors who touched its products (buyers: those of
-- them with a purchase event), orders with a line of it and only its lines' revenue. A visitor or order spanning
-- departments counts in each, so departments add up to more than the whole.
WITH je AS MATERIALIZED (
    SELECT visitor_id, stage, department
    FROM journey_events($start, $end, $persona, $segment, $region, $channel, $device, $department)
),
buyers AS (SELECT DISTINCT visitor_id FROM je WHERE stage = 'purchase'),
v AS (
    SELECT je.department, count(DISTINCT je.visitor_id) AS visitors, count(DISTINCT b.visitor_id) AS buyers
    FROM je LEFT JOIN buyers b USING (visitor_id)
    WHERE je.department IS NOT NULL
    GROUP BY je.department
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
