-- Column names of a CSV file as DuckDB's reader sees them (header, BOM and quoting handled by DuckDB). $encoding is
-- 'utf-8' or 'latin-1', the two DuckDB decodes without its encodings extension; others arrive transcoded to UTF-8.
SELECT column_name
FROM (DESCRIBE SELECT * FROM read_csv($path, all_varchar = true, header = $header, delim = $delim, quote = $quote, encoding = $encoding,
                                   ignore_errors = true));
