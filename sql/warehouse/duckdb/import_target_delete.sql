-- Re-import replaces: rows whose natural key is being loaded go first.
DELETE FROM {target} USING {good} g
WHERE {match};
