-- Every value each report filter can take, by the names people use for the filters: what a slice may name.
SELECT 'persona' AS name, persona AS value FROM customers GROUP BY ALL
UNION ALL SELECT 'segment', segment FROM customers GROUP BY ALL
UNION ALL SELECT 'region', region FROM customers GROUP BY ALL
UNION ALL SELECT 'department', department FROM products GROUP BY ALL
UNION ALL SELECT 'channel', channel FROM events WHERE channel IS NOT NULL GROUP BY ALL
UNION ALL SELECT 'device', device FROM events WHERE device IS NOT NULL GROUP BY ALL;
