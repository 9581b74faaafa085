-- People who sign in: local accounts (a password hash from ASP.NET Core's hasher) or OpenID Connect sign-ins mapped
-- to the same rows by email. role: admin | analyst | viewer. scope: the rows they may see, JSON
-- {"department": ["Electronics"]}; {} = all data.
CREATE TABLE IF NOT EXISTS users (
    user_id          INTEGER PRIMARY KEY AUTOINCREMENT,
    email            TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name             TEXT NOT NULL,
    role             TEXT NOT NULL,
    scope            TEXT NOT NULL DEFAULT '{}',
    password_hash    TEXT,                       -- NULL: signs in by a one-time link or OpenID Connect only
    failed_sign_ins  INTEGER NOT NULL DEFAULT 0, -- since the last success; locks the account at the limit
    locked_until     TEXT,
    disabled         INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    last_sign_in_at  TEXT
);

-- Personal API tokens: only a SHA-256 of the token is kept (it is shown once); expiring, revocable.
CREATE TABLE IF NOT EXISTS api_tokens (
    token_id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id          INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    name             TEXT NOT NULL,
    token_hash       TEXT NOT NULL UNIQUE,
    prefix           TEXT NOT NULL,              -- the token's first characters, to recognise it in a list
    created_at       TEXT NOT NULL,
    expires_at       TEXT NOT NULL,
    revoked_at       TEXT,
    last_used_at     TEXT
);

-- One-time sign-in links (the first admin's, invitations, password resets): a SHA-256 of the link's secret, used once.
CREATE TABLE IF NOT EXISTS sign_in_links (
    link_hash        TEXT PRIMARY KEY,
    user_id          INTEGER NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    purpose          TEXT NOT NULL,              -- first-admin | invitation | reset
    created_at       TEXT NOT NULL,
    expires_at       TEXT NOT NULL,
    used_at          TEXT
);

-- Who did what: sign-ins (and failures), definition and subscription changes, downloads, deliveries, account changes.
CREATE TABLE IF NOT EXISTS audit_log (
    audit_id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at               TEXT NOT NULL,
    actor            TEXT NOT NULL,              -- an email, or 'system' for the scheduler
    action           TEXT NOT NULL,              -- sign-in, sign-in-failed, subscription-saved, download, delivery, ...
    target           TEXT,                       -- what it was done to: a subscription, a dashboard, a run, a user
    detail           TEXT,
    address          TEXT                        -- the client's address, for requests
);
CREATE INDEX IF NOT EXISTS ix_audit_at ON audit_log (at);

CREATE VIEW IF NOT EXISTS user_records AS
SELECT user_id AS UserId, email AS Email, name AS Name, role AS Role, scope AS Scope, password_hash AS PasswordHash,
       failed_sign_ins AS FailedSignIns, locked_until AS LockedUntil, disabled AS Disabled, created_at AS CreatedAt,
       updated_at AS UpdatedAt, last_sign_in_at AS LastSignInAt
FROM users;
