-- Import mode, step 3 of 3 (run as a sysadmin or securityadmin, then in the warehouse database as its owner): a
-- read-only login for JourneyReports' refresh. It may read the journey views and nothing else: no table, no other
-- schema, no writes. Replace the password (or use CREATE LOGIN ... FROM EXTERNAL PROVIDER / FROM WINDOWS), and keep
-- it out of appsettings.json: set JourneyReports__Sources__<name>__ConnectionString in the service's environment.
CREATE LOGIN journeyreports_reader WITH PASSWORD = N'<choose a long random password>', CHECK_POLICY = ON;
GO
-- In the warehouse database:
CREATE USER journeyreports_reader FOR LOGIN journeyreports_reader WITH DEFAULT_SCHEMA = journey;
GRANT SELECT ON SCHEMA::journey TO journeyreports_reader;
GO
