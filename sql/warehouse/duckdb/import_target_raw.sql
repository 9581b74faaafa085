-- The mapping's expressions over a staged file, still as text (generated from the mapping's vocabulary,
-- values as parameters); rec is the record number in the file.
CREATE OR REPLACE TEMP TABLE {table} AS
SELECT rec, {select}
FROM {source};
