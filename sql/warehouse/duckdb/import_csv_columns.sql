-- Column names of a CSV file as DuckDB's reader sees them (header, BOM and quoting handled by DuckDB).
SELECT column_name
FROM (DESCRIBE SELECT * FROM read_csv($path, all_varchar = true, header = $header, delim = $delim, quote = $quote, ignore_errors = true));
