-- Subscriptions: analysts schedule reports in the catalog; Hangfire's recurring jobs follow these rows.
-- Parameters, formats and recipients are JSON: they are read and written whole with their subscription.
IF OBJECT_ID(N'catalog.subscriptions', N'U') IS NULL
CREATE TABLE catalog.subscriptions (
    subscription_id  BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    name             NVARCHAR(200) NOT NULL UNIQUE,
    owner            NVARCHAR(320) NOT NULL,              -- who hears of failures
    report_id        NVARCHAR(200) NOT NULL,              -- a dashboard definition's name
    parameters       NVARCHAR(MAX) NOT NULL DEFAULT N'{}',
    cron             NVARCHAR(100) NOT NULL,              -- five fields, in time_zone
    time_zone        NVARCHAR(100) NOT NULL,
    enabled          BIGINT NOT NULL DEFAULT 1,
    starts_on        NVARCHAR(10) NULL,                   -- local dates, inclusive; NULL = open
    ends_on          NVARCHAR(10) NULL,
    formats          NVARCHAR(MAX) NOT NULL,              -- JSON array: inline-png, png, svg, xlsx, pdf, csv
    subject          NVARCHAR(MAX) NULL,                  -- Liquid templates; NULL = the default email
    body             NVARCHAR(MAX) NULL,
    recipients       NVARCHAR(MAX) NOT NULL DEFAULT N'[]',
    recipients_sql   NVARCHAR(MAX) NULL,
    when_empty       NVARCHAR(20) NOT NULL DEFAULT N'note', -- note | skip | send: a period with no data
    version          BIGINT NOT NULL DEFAULT 1,
    created_at       NVARCHAR(40) NOT NULL,
    updated_at       NVARCHAR(40) NOT NULL
);
GO
-- A recipient who unsubscribed from a subscription (by the signed link in its emails): honoured by every run after.
-- Addresses compare case-insensitively, whatever the database's collation (SQLite's COLLATE NOCASE).
IF OBJECT_ID(N'catalog.unsubscribes', N'U') IS NULL
CREATE TABLE catalog.unsubscribes (
    subscription_id  BIGINT NOT NULL REFERENCES catalog.subscriptions (subscription_id) ON DELETE CASCADE,
    recipient        NVARCHAR(320) COLLATE Latin1_General_100_CI_AS NOT NULL,
    at               NVARCHAR(40) NOT NULL,
    PRIMARY KEY (subscription_id, recipient)
);
GO
-- The delivery ledger: one row per subscription, period and recipient, so a retried or resumed run, or a second
-- instance firing the same schedule, never sends twice to a recipient already delivered (ledger_claim.sql).
IF OBJECT_ID(N'catalog.delivery_ledger', N'U') IS NULL
CREATE TABLE catalog.delivery_ledger (
    subscription_id  BIGINT NOT NULL,
    period_key       NVARCHAR(200) NOT NULL,              -- first..last local day and zone of the report's period
    recipient        NVARCHAR(320) COLLATE Latin1_General_100_CI_AS NOT NULL,
    status           NVARCHAR(20) NOT NULL,
    message_id       NVARCHAR(400) NOT NULL,              -- the same Message-Id on every attempt
    attempts         BIGINT NOT NULL DEFAULT 0,
    run_id           BIGINT NULL,                         -- the run that last touched it
    detail           NVARCHAR(MAX) NULL,
    updated_at       NVARCHAR(40) NOT NULL,
    PRIMARY KEY (subscription_id, period_key, recipient)
);
GO
IF COL_LENGTH(N'catalog.runs', N'subscription_id') IS NULL ALTER TABLE catalog.runs ADD subscription_id BIGINT NULL;
IF COL_LENGTH(N'catalog.runs', N'fire_time') IS NULL ALTER TABLE catalog.runs ADD fire_time NVARCHAR(40) NULL;  -- the fire time (UTC) a run is for
IF COL_LENGTH(N'catalog.deliveries', N'attempt') IS NULL ALTER TABLE catalog.deliveries ADD attempt BIGINT NOT NULL DEFAULT 1;
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_runs_subscription' AND object_id = OBJECT_ID(N'catalog.runs'))
CREATE INDEX ix_runs_subscription ON catalog.runs (subscription_id, fire_time);
GO
CREATE OR ALTER VIEW catalog.run_records AS
SELECT run_id AS RunId, report_id AS ReportId, [trigger] AS [Trigger], status AS Status, started_at AS StartedAt,
       finished_at AS FinishedAt, period_first AS PeriodFirst, period_last AS PeriodLast, time_zone AS TimeZone,
       artifacts_dir AS ArtifactsDir, error AS Error, subscription_id AS SubscriptionId, fire_time AS FireTime
FROM catalog.runs;
GO
-- A subscription as the engine reads it (ReportCatalog.SubscriptionRow), so its queries name the columns once.
CREATE OR ALTER VIEW catalog.subscription_records AS
SELECT subscription_id AS SubscriptionId, name AS Name, owner AS Owner, report_id AS ReportId, parameters AS Parameters, cron AS Cron,
       time_zone AS TimeZone, enabled AS Enabled, starts_on AS StartsOn, ends_on AS EndsOn, formats AS Formats, subject AS Subject,
       body AS Body, recipients AS Recipients, recipients_sql AS RecipientsSql, when_empty AS WhenEmpty, version AS Version,
       created_at AS CreatedAt, updated_at AS UpdatedAt
FROM catalog.subscriptions;
GO
-- One run of a subscription at a time, across processes and instances: a lease that expires, held by a process.
IF OBJECT_ID(N'catalog.subscription_locks', N'U') IS NULL
CREATE TABLE catalog.subscription_locks (
    subscription_id  BIGINT NOT NULL PRIMARY KEY,
    holder           NVARCHAR(400) NOT NULL,              -- host:pid:guid of the holding process and run
    expires_at       NVARCHAR(40) NOT NULL
);
GO
-- Facts about the catalog itself, e.g. that the appsettings schedules were seeded as subscriptions (once, on first start).
IF OBJECT_ID(N'catalog.catalog_facts', N'U') IS NULL
CREATE TABLE catalog.catalog_facts (
    [key]  NVARCHAR(200) NOT NULL PRIMARY KEY,
    value  NVARCHAR(MAX) NOT NULL,
    at     NVARCHAR(40) NOT NULL
);
