-- DirectQuery: the journey functions are installed once by a DBA (journey_functions.sql), not per connection as
-- DuckDB's macros are. Each connection checks they are there, at the version this build's metric SQL expects.
DECLARE @missing nvarchar(2000) = (
    SELECT STRING_AGG(v.name, N', ')
    FROM (VALUES (N'journey.journey_stage_map'), (N'journey.journey_functions_version'), (N'journey.data_version'), (N'journey.journey_events'),
                 (N'journey.journey_orders'), (N'journey.journey_surveys'), (N'journey.journey_tickets'), (N'journey.journey_funnel')) AS v(name)
    WHERE OBJECT_ID(v.name) IS NULL);
IF @missing IS NOT NULL
BEGIN
    DECLARE @message nvarchar(2048) = CONCAT(N'The SQL Server warehouse has no ', @missing,
        N': run sql/warehouse/sqlserver/journey_functions.sql in it as the owner of schema journey. See docs/directquery.md.');
    THROW 50002, @message, 1;
END;
IF (SELECT version FROM journey.journey_functions_version) < 1
    THROW 50003, N'The journey functions in the SQL Server warehouse are older than this JourneyReports: run sql/warehouse/sqlserver/journey_functions.sql again.', 1;
