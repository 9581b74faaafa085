-- Subscriptions: analysts schedule reports in the catalog; Hangfire's recurring jobs follow these rows.
-- Parameters, formats and recipients are JSON: they are read and written whole with their subscription.
CREATE TABLE IF NOT EXISTS subscriptions (
    subscription_id  INTEGER PRIMARY KEY AUTOINCREMENT,
    name             TEXT NOT NULL UNIQUE,
    owner            TEXT NOT NULL,              -- who hears of failures
    report_id        TEXT NOT NULL,              -- a dashboard definition's name
    parameters       TEXT NOT NULL DEFAULT '{}', -- period, from, to, compare and filters, by the names the web and CLI use
    cron             TEXT NOT NULL,              -- five fields, in time_zone
    time_zone        TEXT NOT NULL,
    enabled          INTEGER NOT NULL DEFAULT 1,
    starts_on        TEXT,                       -- local dates, inclusive; NULL = open
    ends_on          TEXT,
    formats          TEXT NOT NULL,              -- JSON array: inline-png, png, svg, xlsx, pdf, csv
    subject          TEXT,                       -- Liquid templates; NULL = the default email
    body             TEXT,
    recipients       TEXT NOT NULL DEFAULT '[]', -- JSON array of { email, slice: { filter: value } }
    recipients_sql   TEXT,                       -- analyst SQL over the warehouse giving email and slice columns
    when_empty       TEXT NOT NULL DEFAULT 'note', -- note | skip | send: a period with no data
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

-- A recipient who unsubscribed from a subscription (by the signed link in its emails): honoured by every run after.
CREATE TABLE IF NOT EXISTS unsubscribes (
    subscription_id  INTEGER NOT NULL REFERENCES subscriptions (subscription_id) ON DELETE CASCADE,
    recipient        TEXT NOT NULL COLLATE NOCASE,
    at               TEXT NOT NULL,
    PRIMARY KEY (subscription_id, recipient)
);

-- The delivery ledger: one row per subscription, period and recipient, so a retried or resumed run never sends twice
-- to a recipient already delivered. status: sending (claimed; a run that died here is resent), sent, transient (retry),
-- permanent (not retried), uncertain (the whole message went out but no reply came: not resent automatically).
CREATE TABLE IF NOT EXISTS delivery_ledger (
    subscription_id  INTEGER NOT NULL,
    period_key       TEXT NOT NULL,              -- first..last local day and zone of the report's period
    recipient        TEXT NOT NULL COLLATE NOCASE,
    status           TEXT NOT NULL,
    message_id       TEXT NOT NULL,              -- the same Message-Id on every attempt, so a resend can be recognised
    attempts         INTEGER NOT NULL DEFAULT 0,
    run_id           INTEGER,                    -- the run that last touched it
    detail           TEXT,
    updated_at       TEXT NOT NULL,
    PRIMARY KEY (subscription_id, period_key, recipient)
);

ALTER TABLE runs ADD COLUMN subscription_id INTEGER;
ALTER TABLE runs ADD COLUMN fire_time TEXT;      -- the schedule's fire time the run is for (UTC), NULL for ad-hoc runs
ALTER TABLE deliveries ADD COLUMN attempt INTEGER NOT NULL DEFAULT 1;
CREATE INDEX IF NOT EXISTS ix_runs_subscription ON runs (subscription_id, fire_time);

DROP VIEW IF EXISTS run_records;
CREATE VIEW run_records AS
SELECT run_id AS RunId, report_id AS ReportId, trigger AS Trigger, status AS Status, started_at AS StartedAt,
       finished_at AS FinishedAt, period_first AS PeriodFirst, period_last AS PeriodLast, time_zone AS TimeZone,
       artifacts_dir AS ArtifactsDir, error AS Error, subscription_id AS SubscriptionId, fire_time AS FireTime
FROM runs;

-- A subscription as the engine reads it (ReportCatalog.SubscriptionRow), so its queries name the columns once.
CREATE VIEW IF NOT EXISTS subscription_records AS
SELECT subscription_id AS SubscriptionId, name AS Name, owner AS Owner, report_id AS ReportId, parameters AS Parameters, cron AS Cron,
       time_zone AS TimeZone, enabled AS Enabled, starts_on AS StartsOn, ends_on AS EndsOn, formats AS Formats, subject AS Subject,
       body AS Body, recipients AS Recipients, recipients_sql AS RecipientsSql, when_empty AS WhenEmpty, version AS Version,
       created_at AS CreatedAt, updated_at AS UpdatedAt
FROM subscriptions;

-- One run of a subscription at a time, across processes (the server, a verb): a lease that expires, held by a process.
CREATE TABLE IF NOT EXISTS subscription_locks (
    subscription_id  INTEGER PRIMARY KEY,
    holder           TEXT NOT NULL,              -- host:pid:guid of the holding process and run
    expires_at       TEXT NOT NULL
);

-- Facts about the catalog itself, e.g. that the appsettings schedules were seeded as subscriptions (once, on first start).
CREATE TABLE IF NOT EXISTS catalog_facts (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL,
    at     TEXT NOT NULL
);
