-- Customers who ordered in the period, and those of them who ordered at least twice in it.
SELECT COUNT_BIG(*) AS Customers, COUNT_BIG(CASE WHEN orders >= 2 THEN 1 END) AS Repeaters
FROM (
    SELECT customer_id, COUNT_BIG(*) AS orders
    FROM journey.journey_orders(@start, @end, @persona, @segment, @region, @channel, @department)
    GROUP BY customer_id
) AS per_customer;
