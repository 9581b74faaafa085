-- Generated events for the benchmark: event ids @first..@last, one every @step seconds from @start (unix seconds),
-- modified when they occurred. Customers, products, channels, devices and event types cycle through small sets.
INSERT INTO journey_events (event_id, occurred_at, customer_id, anonymous_id, session_id, channel, device, event_type, product_id, modified_at)
WITH RECURSIVE n(i) AS (SELECT @first UNION ALL SELECT i + 1 FROM n WHERE i < @last),
     t(i, at) AS (SELECT i, strftime('%Y-%m-%d %H:%M:%S.000000', @start + (i - @first) * @step, 'unixepoch') FROM n)
SELECT i, at,
       CASE WHEN i % 3 = 0 THEN NULL ELSE i % 100000 + 1 END,
       'a' || (i % 250000),
       's' || (i / 6),
       CASE i % 4 WHEN 0 THEN 'web' WHEN 1 THEN 'app' WHEN 2 THEN 'email' ELSE 'search_ads' END,
       CASE i % 3 WHEN 0 THEN 'Desktop' WHEN 1 THEN 'Mobile' ELSE 'Tablet' END,
       CASE i % 10 WHEN 0 THEN 'landing_view' WHEN 1 THEN 'search' WHEN 2 THEN 'add_to_cart' WHEN 3 THEN 'checkout_start'
                   WHEN 4 THEN 'purchase' ELSE 'product_view' END,
       CASE WHEN i % 2 = 0 THEN i % 500 + 1 END,
       at
FROM t;
