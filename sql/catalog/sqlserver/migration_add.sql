INSERT INTO catalog.schema_versions (version, applied_at) VALUES (@Version, @At);
