UPDATE catalog.runs
SET status = @Status, finished_at = @FinishedAt, period_first = @PeriodFirst, period_last = @PeriodLast,
    time_zone = @TimeZone, artifacts_dir = @ArtifactsDir, error = @Error
WHERE run_id = @RunId;
