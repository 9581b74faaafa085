-- The stand-in's twin of the SQL Server mapping's query of the same name: the same text but for the table's name
-- (journey_x for the view journey.x) and without T-SQL's OPTION (RECOMPILE) (RefreshStandInTests checks it).
SELECT order_id, customer_id, ordered_at, channel, status, revenue, promised_at, delivered_at, returned, modified_at FROM journey_orders WHERE @since IS NULL OR modified_at >= @since;
