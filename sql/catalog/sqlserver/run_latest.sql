-- The newest run of a report, whatever became of it.
SELECT TOP (1) * FROM catalog.run_records WHERE ReportId = @ReportId ORDER BY RunId DESC;
