SELECT TOP (@Count) * FROM catalog.run_records ORDER BY RunId DESC;
