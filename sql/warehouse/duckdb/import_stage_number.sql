-- Record numbers in file order. Not rowid itself: inside a transaction a new table's rowids start at 2^55.
CREATE OR REPLACE TEMP TABLE {table} AS
SELECT CAST(rowid - min(rowid) OVER () + 1 AS BIGINT) AS rec, * FROM {table}_read ORDER BY rowid;
