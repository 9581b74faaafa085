INSERT INTO catalog.runs (report_id, [trigger], status, started_at, subscription_id, fire_time)
OUTPUT inserted.run_id
VALUES (@ReportId, @Trigger, N'running', @StartedAt, @SubscriptionId, @FireTime);
