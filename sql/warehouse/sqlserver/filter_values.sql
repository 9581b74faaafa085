-- Every value each report filter can take, by the names people use for the filters: what a slice may name.
SELECT N'persona' AS name, persona AS value FROM journey.customers GROUP BY persona
UNION ALL SELECT N'segment', segment FROM journey.customers GROUP BY segment
UNION ALL SELECT N'region', region FROM journey.customers GROUP BY region
UNION ALL SELECT N'department', department FROM journey.products GROUP BY department
UNION ALL SELECT N'channel', channel FROM journey.events WHERE channel IS NOT NULL GROUP BY channel
UNION ALL SELECT N'device', device FROM journey.events WHERE device IS NOT NULL GROUP BY device;
