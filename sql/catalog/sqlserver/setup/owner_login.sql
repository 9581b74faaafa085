-- Run once, as a login that may create logins and databases: the database holding JourneyReports' catalog and
-- Hangfire's jobs, and the login every instance connects as. It owns the two schemas its tables live in, catalog
-- (made by the catalog's migrations) and hangfire (made by Hangfire), and has no right anywhere else on the server.
-- Choose the password (or use a Windows or Entra login instead: CREATE LOGIN [DOMAIN\svc-journeyreports] FROM WINDOWS).
CREATE LOGIN journeyreports_app WITH PASSWORD = N'choose a long random password here', CHECK_POLICY = ON;
GO
CREATE DATABASE JourneyReportsCatalog;
GO
USE JourneyReportsCatalog;
GO
CREATE USER journeyreports_app FOR LOGIN journeyreports_app WITH DEFAULT_SCHEMA = catalog;
GO
CREATE SCHEMA catalog AUTHORIZATION journeyreports_app;
GO
CREATE SCHEMA hangfire AUTHORIZATION journeyreports_app;
GO
-- Making tables and views is a database permission; used only in the schemas the user owns, it reaches nothing else.
GRANT CREATE TABLE, CREATE VIEW TO journeyreports_app;
