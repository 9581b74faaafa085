-- The mapping's expressions over a staged file, still as text (generated from the mapping's vocabulary,
-- values as parameters); rec is the record number in the file.
CREATE OR REPLACE TEMP TABLE {table} AS
SELECT rowid + 1 AS rec, {select}
FROM {source};
