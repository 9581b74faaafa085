-- Whether a re-import has rows to replace (a first import skips the delete).
SELECT EXISTS (SELECT 1 FROM {target});
