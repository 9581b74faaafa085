-- Connection-private staging for a bulk load of events, moved to events in time order by sort_events.sql.
CREATE OR REPLACE TEMP TABLE events_staging AS SELECT * FROM events LIMIT 0;
