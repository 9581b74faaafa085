-- DuckDB rejects a malformed strptime format only when it runs; try it once before any row is read.
SELECT try_strptime('2000-01-01', $format);
