-- Typed model fields (with their raw text) and, for a row that breaks the model, the first reason why. The typed
-- values are computed once in the inner select; the reason (a CASE over the fields) reads them by name.
CREATE OR REPLACE TEMP TABLE {table} AS
SELECT *, {reason} AS reason
FROM (SELECT rec, field_count, {select} FROM {raw});
