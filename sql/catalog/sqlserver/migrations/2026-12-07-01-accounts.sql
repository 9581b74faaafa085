-- People who sign in: local accounts (a password hash from ASP.NET Core's hasher) or OpenID Connect sign-ins mapped
-- to the same rows by email. role: admin | analyst | viewer. scope: the rows they may see, JSON.
IF OBJECT_ID(N'catalog.users', N'U') IS NULL
CREATE TABLE catalog.users (
    user_id          BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    email            NVARCHAR(320) COLLATE Latin1_General_100_CI_AS NOT NULL UNIQUE,
    name             NVARCHAR(200) NOT NULL,
    role             NVARCHAR(20) NOT NULL,
    scope            NVARCHAR(MAX) NOT NULL DEFAULT N'{}',
    password_hash    NVARCHAR(400) NULL,                  -- NULL: signs in by a one-time link or OpenID Connect only
    failed_sign_ins  BIGINT NOT NULL DEFAULT 0,           -- since the last success; locks the account at the limit
    locked_until     NVARCHAR(40) NULL,
    disabled         BIGINT NOT NULL DEFAULT 0,
    created_at       NVARCHAR(40) NOT NULL,
    updated_at       NVARCHAR(40) NOT NULL,
    last_sign_in_at  NVARCHAR(40) NULL
);
GO
-- Personal API tokens: only a SHA-256 of the token is kept (it is shown once); expiring, revocable.
IF OBJECT_ID(N'catalog.api_tokens', N'U') IS NULL
CREATE TABLE catalog.api_tokens (
    token_id         BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    user_id          BIGINT NOT NULL REFERENCES catalog.users (user_id) ON DELETE CASCADE,
    name             NVARCHAR(200) NOT NULL,
    token_hash       NVARCHAR(200) NOT NULL UNIQUE,
    prefix           NVARCHAR(50) NOT NULL,               -- the token's first characters, to recognise it in a list
    created_at       NVARCHAR(40) NOT NULL,
    expires_at       NVARCHAR(40) NOT NULL,
    revoked_at       NVARCHAR(40) NULL,
    last_used_at     NVARCHAR(40) NULL
);
GO
-- One-time sign-in links (the first admin's, invitations, password resets): a SHA-256 of the link's secret, used once.
IF OBJECT_ID(N'catalog.sign_in_links', N'U') IS NULL
CREATE TABLE catalog.sign_in_links (
    link_hash        NVARCHAR(200) NOT NULL PRIMARY KEY,
    user_id          BIGINT NOT NULL REFERENCES catalog.users (user_id) ON DELETE CASCADE,
    purpose          NVARCHAR(20) NOT NULL,               -- first-admin | invitation | reset
    created_at       NVARCHAR(40) NOT NULL,
    expires_at       NVARCHAR(40) NOT NULL,
    used_at          NVARCHAR(40) NULL
);
GO
-- Who did what: sign-ins (and failures), definition and subscription changes, downloads, deliveries, account changes.
IF OBJECT_ID(N'catalog.audit_log', N'U') IS NULL
CREATE TABLE catalog.audit_log (
    audit_id         BIGINT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
    at               NVARCHAR(40) NOT NULL,
    actor            NVARCHAR(320) NOT NULL,              -- an email, or 'system' for the scheduler
    action           NVARCHAR(100) NOT NULL,
    target           NVARCHAR(1000) NULL,
    detail           NVARCHAR(MAX) NULL,
    address          NVARCHAR(100) NULL                   -- the client's address, for requests
);
GO
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_audit_at' AND object_id = OBJECT_ID(N'catalog.audit_log'))
CREATE INDEX ix_audit_at ON catalog.audit_log (at);
GO
CREATE OR ALTER VIEW catalog.user_records AS
SELECT user_id AS UserId, email AS Email, name AS Name, role AS Role, scope AS Scope, password_hash AS PasswordHash,
       failed_sign_ins AS FailedSignIns, locked_until AS LockedUntil, disabled AS Disabled, created_at AS CreatedAt,
       updated_at AS UpdatedAt, last_sign_in_at AS LastSignInAt
FROM catalog.users;
