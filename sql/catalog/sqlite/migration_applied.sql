-- Whether a migration was applied; read inside the migration's own write transaction (BEGIN IMMEDIATE), so an instance
-- starting at the same moment waits for it and then finds it applied.
SELECT count(*) FROM schema_versions WHERE version = @Version;
