-- Import mode, step 1 of 3 (run as the warehouse's owner, e.g. dbo): the schema the journey views live in. Views
-- owned by the same owner as the tables they read need no rights on those tables for the reader (ownership chaining),
-- so the refresh's login is granted this schema and nothing else (reader_login.sql). See docs/journey-model.md.
IF SCHEMA_ID(N'journey') IS NULL
    EXEC (N'CREATE SCHEMA journey AUTHORIZATION dbo');
