-- Events stored in time order let DuckDB skip whole row groups outside a report's period (min/max zone maps), so a
-- week's queries read a week, not the year. Bulk loads append to the connection's events_staging first
-- (events_staging.sql) and this moves the rows over in time order, once: sorting in place would double the file.
INSERT INTO events SELECT * FROM events_staging ORDER BY occurred_at, event_id;
DROP TABLE events_staging;
