-- DirectQuery: JourneyReports creates nothing in your warehouse. On every connection it checks that the journey views
-- a DBA created (sql/sqlserver/journey_views) are there and readable, and names those that are not.
DECLARE @missing nvarchar(2000) = (
    SELECT STRING_AGG(v.name, N', ')
    FROM (VALUES (N'journey.customers'), (N'journey.products'), (N'journey.events'), (N'journey.identities'), (N'journey.orders'),
                 (N'journey.order_lines'), (N'journey.support_tickets'), (N'journey.surveys')) AS v(name)
    WHERE OBJECT_ID(v.name) IS NULL);
IF @missing IS NOT NULL
BEGIN
    DECLARE @message nvarchar(2048) = CONCAT(N'The SQL Server warehouse has no ', @missing,
        N' (or this login may not read them): create the journey views (sql/sqlserver/journey_views) and grant SELECT on schema journey. See docs/directquery.md.');
    THROW 50001, @message, 1;
END;
