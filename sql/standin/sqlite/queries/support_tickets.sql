-- The stand-in's twin of the SQL Server mapping's query of the same name: the same text but for the table's name
-- (journey_x for the view journey.x) and without T-SQL's OPTION (RECOMPILE) (RefreshStandInTests checks it).
SELECT ticket_id, customer_id, opened_at, channel, category, wait_minutes, resolved, modified_at FROM journey_support_tickets WHERE @since IS NULL OR modified_at >= @since;
