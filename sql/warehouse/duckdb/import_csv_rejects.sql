-- DuckDB writes one reject row per bad column; one per line is what a person wants to read. Kind is DuckDB's error
-- type (MISSING COLUMNS, INVALID ENCODING, ...).
SELECT line AS Line, arg_min(error_message, column_idx) AS Reason, arg_min(csv_line, column_idx) AS Content,
       CAST(arg_min(error_type, column_idx) AS VARCHAR) AS Kind
FROM {rejects}
GROUP BY line
ORDER BY line;
