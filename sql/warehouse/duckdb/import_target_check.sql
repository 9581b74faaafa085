-- Typed model fields and, for a row that breaks the model, the first reason why (a CASE over the fields).
CREATE OR REPLACE TEMP TABLE {table} AS
SELECT rec, {select}, {reason} AS reason
FROM {raw};
