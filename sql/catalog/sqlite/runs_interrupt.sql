-- At start-up: a run still 'running' belonged to a server that is gone (or, rarely, to a verb running now; resuming it is safe).
UPDATE runs SET status = 'interrupted', finished_at = @At, error = 'The server stopped while this run was in progress.'
WHERE status = 'running'
RETURNING run_id AS RunId, report_id AS ReportId, trigger AS Trigger, status AS Status, started_at AS StartedAt, finished_at AS FinishedAt,
          period_first AS PeriodFirst, period_last AS PeriodLast, time_zone AS TimeZone, artifacts_dir AS ArtifactsDir, error AS Error,
          subscription_id AS SubscriptionId, fire_time AS FireTime;
