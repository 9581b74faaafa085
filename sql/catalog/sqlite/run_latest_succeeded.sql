SELECT * FROM run_records WHERE ReportId = @ReportId AND Status = 'succeeded'
ORDER BY RunId DESC LIMIT 1;
