CREATE TABLE IF NOT EXISTS schema_versions (
    version     TEXT PRIMARY KEY,             -- migration file name
    applied_at  TEXT NOT NULL
);
