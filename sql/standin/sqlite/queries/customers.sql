-- The stand-in's twin of the SQL Server mapping's query of the same name: the same text but for the table's name
-- (journey_x for the view journey.x) and without T-SQL's OPTION (RECOMPILE) (RefreshStandInTests checks it).
SELECT customer_id, persona, segment, region, signup_at, acquisition_channel, modified_at FROM journey_customers WHERE @since IS NULL OR modified_at >= @since;
