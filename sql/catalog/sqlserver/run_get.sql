SELECT * FROM catalog.run_records WHERE RunId = @RunId;
