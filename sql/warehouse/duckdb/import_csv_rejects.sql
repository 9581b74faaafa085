-- DuckDB writes one reject row per bad column; one per line is what a person wants to read.
SELECT line AS Line, arg_min(error_message, column_idx) AS Reason, arg_min(csv_line, column_idx) AS Content
FROM {rejects}
GROUP BY line
ORDER BY line;
