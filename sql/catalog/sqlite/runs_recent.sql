SELECT * FROM run_records ORDER BY RunId DESC LIMIT @Count;
