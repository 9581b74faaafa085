-- The newest succeeded run of a report, or of any report when @ReportId is null (the home page's dashboard).
SELECT * FROM run_records WHERE (@ReportId IS NULL OR ReportId = @ReportId) AND Status = 'succeeded'
ORDER BY RunId DESC LIMIT 1;
