-- A source's rows as one target's fields: the mapping's expressions (raw text, rN), the typed fields and check_no,
-- the first check a row fails (NULL for a good row). Generated from the mapping's vocabulary, values as parameters;
-- the typed values are computed once in the inner select and the checks (a CASE over the fields) read them by name.
SELECT *, {check} AS check_no
FROM (SELECT rec, field_count, {typed}
      FROM (SELECT rec, {raw} FROM {source}))
