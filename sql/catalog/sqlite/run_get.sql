SELECT * FROM run_records WHERE RunId = @RunId;
