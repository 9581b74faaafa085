-- Run history: every run of every report, whoever started it, with its outcome and where its artifacts are.
CREATE TABLE IF NOT EXISTS runs (
    run_id         INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id      TEXT NOT NULL,
    trigger        TEXT NOT NULL,             -- schedule:<id>, cli, test, startup
    status         TEXT NOT NULL,             -- running, succeeded, failed
    started_at     TEXT NOT NULL,             -- ISO 8601 UTC
    finished_at    TEXT,
    period_first   TEXT,
    period_last    TEXT,
    time_zone      TEXT,
    artifacts_dir  TEXT,
    error          TEXT
);
CREATE INDEX IF NOT EXISTS ix_runs_report_started ON runs (report_id, started_at);

-- One row per recipient per run: a failed recipient does not fail the others.
CREATE TABLE IF NOT EXISTS deliveries (
    run_id        INTEGER NOT NULL REFERENCES runs (run_id),
    recipient     TEXT NOT NULL,
    transport     TEXT NOT NULL,
    status        TEXT NOT NULL,              -- sent, failed
    detail        TEXT,                       -- where it went, or why it failed
    delivered_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_deliveries_run ON deliveries (run_id);
