-- The newest run of a report, whatever became of it.
SELECT * FROM run_records WHERE ReportId = @ReportId ORDER BY RunId DESC LIMIT 1;
