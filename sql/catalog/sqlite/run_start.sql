INSERT INTO runs (report_id, trigger, status, started_at, subscription_id, fire_time)
VALUES (@ReportId, @Trigger, 'running', @StartedAt, @SubscriptionId, @FireTime)
RETURNING run_id;
