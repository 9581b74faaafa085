INSERT INTO runs (report_id, trigger, status, started_at)
VALUES (@ReportId, @Trigger, 'running', @StartedAt)
RETURNING run_id;
