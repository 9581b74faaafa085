-- The stand-in's twin of the SQL Server mapping's query of the same name: the same text but for the table's name
-- (journey_x for the view journey.x) and without T-SQL's OPTION (RECOMPILE) (RefreshStandInTests checks it).
SELECT event_id, occurred_at, customer_id, anonymous_id, session_id, channel, device, event_type, product_id, modified_at FROM journey_events WHERE @since IS NULL OR modified_at >= @since;
