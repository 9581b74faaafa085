-- The journey model as plain tables in schema journey (instead of the views of sql/sqlserver/journey_views), in the
-- shape and column order of warehouse/duckdb/schema.sql, plus modified_at as the views have it: for a warehouse that
-- loads the model's shape itself, and what the DirectQuery tests load their fixtures into. Run after journey_schema.sql.
CREATE TABLE journey.customers (
    customer_id          bigint        NOT NULL PRIMARY KEY,
    persona              nvarchar(100) NOT NULL,
    segment              nvarchar(100) NOT NULL,
    region               nvarchar(100) NOT NULL,
    signup_at            datetime2(7)  NOT NULL,
    acquisition_channel  nvarchar(50)  NOT NULL,
    modified_at          datetime2(7)  NOT NULL DEFAULT SYSUTCDATETIME()
);
CREATE TABLE journey.products (
    product_id   bigint         NOT NULL PRIMARY KEY,
    name         nvarchar(200)  NOT NULL,
    category     nvarchar(100)  NOT NULL,
    department   nvarchar(100)  NOT NULL,
    list_price   decimal(12, 2) NOT NULL,
    modified_at  datetime2(7)   NOT NULL DEFAULT SYSUTCDATETIME()
);
CREATE TABLE journey.events (
    event_id      bigint        NOT NULL,
    occurred_at   datetime2(7)  NOT NULL,
    customer_id   bigint        NULL,
    anonymous_id  nvarchar(100) NOT NULL,
    session_id    nvarchar(100) NOT NULL,
    channel       nvarchar(50)  NOT NULL,
    device        nvarchar(50)  NOT NULL,
    event_type    nvarchar(100) NOT NULL,
    product_id    bigint        NULL,
    modified_at   datetime2(7)  NOT NULL DEFAULT SYSUTCDATETIME()
);
CREATE TABLE journey.identities (
    anonymous_id  nvarchar(100) NOT NULL PRIMARY KEY,
    customer_id   bigint        NOT NULL,
    stitched_at   datetime2(7)  NOT NULL,
    modified_at   datetime2(7)  NOT NULL DEFAULT SYSUTCDATETIME()
);
CREATE TABLE journey.orders (
    order_id      bigint         NOT NULL PRIMARY KEY,
    customer_id   bigint         NOT NULL,
    ordered_at    datetime2(7)   NOT NULL,
    channel       nvarchar(50)   NOT NULL,
    status        nvarchar(50)   NOT NULL,
    revenue       decimal(14, 2) NOT NULL,
    promised_at   datetime2(7)   NULL,
    delivered_at  datetime2(7)   NULL,
    returned      bit            NOT NULL,
    modified_at   datetime2(7)   NOT NULL DEFAULT SYSUTCDATETIME()
);
CREATE TABLE journey.order_lines (
    order_id           bigint         NOT NULL,
    line_no            int            NOT NULL,
    product_id         bigint         NOT NULL,
    quantity           int            NOT NULL,
    unit_price         decimal(12, 2) NOT NULL,
    returned_quantity  int            NOT NULL,
    modified_at        datetime2(7)   NOT NULL DEFAULT SYSUTCDATETIME()
);
CREATE TABLE journey.support_tickets (
    ticket_id     bigint        NOT NULL PRIMARY KEY,
    customer_id   bigint        NULL,
    opened_at     datetime2(7)  NOT NULL,
    channel       nvarchar(50)  NOT NULL,
    category      nvarchar(100) NOT NULL,
    wait_minutes  int           NOT NULL,
    resolved      bit           NOT NULL,
    modified_at   datetime2(7)  NOT NULL DEFAULT SYSUTCDATETIME()
);
CREATE TABLE journey.surveys (
    survey_id     bigint         NOT NULL PRIMARY KEY,
    customer_id   bigint         NULL,
    answered_at   datetime2(7)   NOT NULL,
    stage         nvarchar(50)   NOT NULL,
    touchpoint    nvarchar(50)   NOT NULL,
    nps           int            NULL,
    csat          int            NULL,
    ces           int            NULL,
    comment       nvarchar(4000) NULL,
    modified_at   datetime2(7)   NOT NULL DEFAULT SYSUTCDATETIME()
);
