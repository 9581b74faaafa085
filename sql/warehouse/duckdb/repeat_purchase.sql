-- Customers who ordered in the period, and those of them who ordered at least twice in it.
SELECT count(*) AS Customers, count(*) FILTER (WHERE orders >= 2) AS Repeaters
FROM (
    SELECT customer_id, count(*) AS orders
    FROM journey_orders($start, $end, $persona, $segment, $region, $channel, $department)
    GROUP BY customer_id
);
