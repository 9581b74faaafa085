-- Good rows, one per natural key: a dimension fed by a fact file (products from events) repeats its key on many rows.
CREATE OR REPLACE TEMP TABLE {table} AS
SELECT * EXCLUDE (reason, check_no)
FROM {checked}
WHERE reason IS NULL
QUALIFY row_number() OVER (PARTITION BY {keys} ORDER BY rec {order}) = 1;
