-- Rows that parsed but break the model, with the check they failed and their source values for the rejects file.
SELECT c.rec, c.check_no, c.reason, concat_ws(',', {content})
FROM {checked} c JOIN {source} s ON s.rec = c.rec
WHERE c.reason IS NOT NULL
ORDER BY c.rec;
