-- The columns an analyst query would return, bound by SQL Server without running it; an error comes back as a row.
SELECT d.name, d.system_type_name AS type, d.error_message
FROM sys.dm_exec_describe_first_result_set(@sql,
    N'@start datetime2(7), @end datetime2(7), @persona nvarchar(200), @segment nvarchar(200), @region nvarchar(200), @channel nvarchar(200), @device nvarchar(200), @department nvarchar(200)',
    0) AS d
WHERE d.is_hidden = 0
ORDER BY d.column_ordinal;
