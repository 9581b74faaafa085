-- Typed model fields (with their raw text) and, for a row that breaks the model, the first check it fails (check_no,
-- which the importer maps to the kind of reason) and the reason with its values. The typed values are computed once in
-- the inner select; the checks (a CASE over the fields) read them by name.
CREATE OR REPLACE TEMP TABLE {table} AS
SELECT *, {reason} AS reason
FROM (SELECT *, {check} AS check_no
      FROM (SELECT rec, field_count, {select} FROM {raw}));
