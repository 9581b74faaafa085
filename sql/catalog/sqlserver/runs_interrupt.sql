-- At start-up: a run still 'running' belonged to a server that is gone (or, rarely, to a verb running now; resuming it is safe).
UPDATE catalog.runs SET status = N'interrupted', finished_at = @At, error = N'The server stopped while this run was in progress.'
OUTPUT inserted.run_id AS RunId, inserted.report_id AS ReportId, inserted.[trigger] AS [Trigger], inserted.status AS Status,
       inserted.started_at AS StartedAt, inserted.finished_at AS FinishedAt, inserted.period_first AS PeriodFirst,
       inserted.period_last AS PeriodLast, inserted.time_zone AS TimeZone, inserted.artifacts_dir AS ArtifactsDir,
       inserted.error AS Error, inserted.subscription_id AS SubscriptionId, inserted.fire_time AS FireTime
WHERE status = N'running';
