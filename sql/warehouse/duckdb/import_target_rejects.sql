-- Rows that parsed but break the model, with the check they failed, the reason (with its values) and the source
-- values for the rejects file.
SELECT rec, check_no, {reason} AS reason, content
FROM ({checked})
WHERE check_no IS NOT NULL
ORDER BY rec;
