-- Run history: every run of every report, whoever started it, with its outcome and where its artifacts are.
-- Times are ISO 8601 UTC text, as in the SQLite catalog, so both dialects return the same values to the same code.
IF OBJECT_ID(N'catalog.runs', N'U') IS NULL
CREATE TABLE catalog.runs (
    run_id         BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    report_id      NVARCHAR(200) NOT NULL,
    [trigger]      NVARCHAR(100) NOT NULL,    -- schedule:<id>, cli, test, startup
    status         NVARCHAR(20) NOT NULL,     -- running, succeeded, failed
    started_at     NVARCHAR(40) NOT NULL,
    finished_at    NVARCHAR(40) NULL,
    period_first   NVARCHAR(10) NULL,
    period_last    NVARCHAR(10) NULL,
    time_zone      NVARCHAR(100) NULL,
    artifacts_dir  NVARCHAR(1000) NULL,
    error          NVARCHAR(MAX) NULL
);
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_runs_report_started' AND object_id = OBJECT_ID(N'catalog.runs'))
CREATE INDEX ix_runs_report_started ON catalog.runs (report_id, started_at);
GO
-- One row per recipient per run: a failed recipient does not fail the others. delivery_id keeps their order (SQLite's rowid).
IF OBJECT_ID(N'catalog.deliveries', N'U') IS NULL
CREATE TABLE catalog.deliveries (
    delivery_id   BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    run_id        BIGINT NOT NULL REFERENCES catalog.runs (run_id),
    recipient     NVARCHAR(320) NOT NULL,
    transport     NVARCHAR(50) NOT NULL,
    status        NVARCHAR(20) NOT NULL,      -- sent, failed
    detail        NVARCHAR(MAX) NULL,         -- where it went, or why it failed
    delivered_at  NVARCHAR(40) NOT NULL
);
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_deliveries_run' AND object_id = OBJECT_ID(N'catalog.deliveries'))
CREATE INDEX ix_deliveries_run ON catalog.deliveries (run_id);
