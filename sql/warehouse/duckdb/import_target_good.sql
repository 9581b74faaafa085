-- One good row per natural key: a dimension fed by a fact file (products from events) repeats its key on many rows;
-- the first or last in file order is kept (the values are arg_min or arg_max by rec), rows_merged counts the rows it
-- stands for.
CREATE OR REPLACE TEMP TABLE {table} AS
SELECT {keys}{values}, count(*) AS rows_merged
FROM ({checked})
WHERE check_no IS NULL
GROUP BY {keys};
