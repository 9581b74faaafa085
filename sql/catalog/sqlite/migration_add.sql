INSERT INTO schema_versions (version, applied_at) VALUES (@Version, @At);
