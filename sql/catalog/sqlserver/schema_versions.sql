-- The catalog's own schema and its version table. Run in a transaction holding the migrations' application lock, so
-- instances starting at once on a new database do not both create them.
EXEC sp_getapplock @Resource = N'JourneyReports catalog migrations', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 120000;
IF SCHEMA_ID(N'catalog') IS NULL EXEC (N'CREATE SCHEMA catalog');
GO
IF OBJECT_ID(N'catalog.schema_versions', N'U') IS NULL
CREATE TABLE catalog.schema_versions (
    version     NVARCHAR(200) NOT NULL PRIMARY KEY,   -- migration file name
    applied_at  NVARCHAR(40) NOT NULL
);
