-- A run as the engine reads it (RunRecord), so the queries that list runs name their columns once.
CREATE OR ALTER VIEW catalog.run_records AS
SELECT run_id AS RunId, report_id AS ReportId, [trigger] AS [Trigger], status AS Status, started_at AS StartedAt,
       finished_at AS FinishedAt, period_first AS PeriodFirst, period_last AS PeriodLast, time_zone AS TimeZone,
       artifacts_dir AS ArtifactsDir, error AS Error
FROM catalog.runs;
