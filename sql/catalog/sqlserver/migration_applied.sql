-- Whether a migration was applied; the application lock (held until the migration's transaction ends) makes an
-- instance starting at the same moment wait for it and then find it applied.
EXEC sp_getapplock @Resource = N'JourneyReports catalog migrations', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 120000;
SELECT CAST(count(*) AS BIGINT) FROM catalog.schema_versions WHERE version = @Version;
