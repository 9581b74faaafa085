-- The newest succeeded run of a report, or of any report when @ReportId is null (the home page's dashboard; a
-- refresh of the model, "refresh:<source>", has no dashboard to show).
SELECT TOP (1) * FROM catalog.run_records
WHERE (ReportId = @ReportId OR (@ReportId IS NULL AND ReportId NOT LIKE N'refresh:%')) AND Status = N'succeeded'
ORDER BY RunId DESC;
