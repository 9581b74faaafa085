-- The journey model, DuckDB dialect. Every timestamp is UTC (TIMESTAMP without zone); reports convert to the
-- schedule's time zone. Idempotent: applied on every open of the warehouse. See docs/journey-model.md.

CREATE TABLE IF NOT EXISTS customers (
    customer_id          BIGINT PRIMARY KEY,
    persona              VARCHAR NOT NULL,   -- behavioural archetype, e.g. 'Bargain hunter'
    segment              VARCHAR NOT NULL,   -- commercial segment: consumer, small_business, vip
    region               VARCHAR NOT NULL,
    signup_at            TIMESTAMP NOT NULL, -- when the anonymous visitor became a known customer
    acquisition_channel  VARCHAR NOT NULL    -- channel of the first touch
);

CREATE TABLE IF NOT EXISTS products (
    product_id   BIGINT PRIMARY KEY,
    name         VARCHAR NOT NULL,
    category     VARCHAR NOT NULL,
    department   VARCHAR NOT NULL,           -- the unit a department head owns
    list_price   DECIMAL(12, 2) NOT NULL
);

-- Web, app and offline touchpoint events. customer_id is NULL until the visitor is identified;
-- identities stitches earlier anonymous events to the customer.
CREATE TABLE IF NOT EXISTS events (
    event_id      BIGINT NOT NULL,
    occurred_at   TIMESTAMP NOT NULL,
    customer_id   BIGINT,
    anonymous_id  VARCHAR NOT NULL,
    session_id    VARCHAR NOT NULL,
    channel       VARCHAR NOT NULL,          -- touchpoint: web, app, social, email, search_ads, live_chat, call_center, store
    device        VARCHAR NOT NULL,          -- desktop, mobile, tablet, in_person, phone
    event_type    VARCHAR NOT NULL,          -- mapped to a journey stage by journey_stage_map
    product_id    BIGINT
);

CREATE TABLE IF NOT EXISTS identities (
    anonymous_id  VARCHAR PRIMARY KEY,
    customer_id   BIGINT NOT NULL,
    stitched_at   TIMESTAMP NOT NULL         -- signup or first purchase
);

CREATE TABLE IF NOT EXISTS orders (
    order_id      BIGINT PRIMARY KEY,
    customer_id   BIGINT NOT NULL,
    ordered_at    TIMESTAMP NOT NULL,
    channel       VARCHAR NOT NULL,          -- web, app, store, phone
    status        VARCHAR NOT NULL,          -- completed, returned, cancelled
    revenue       DECIMAL(14, 2) NOT NULL,   -- sum of its lines, before returns
    promised_at   TIMESTAMP,                 -- the promised delivery day (its local day counts, not the time)
    delivered_at  TIMESTAMP,                 -- NULL while in transit or for store pick-up on the spot
    returned      BOOLEAN NOT NULL
);

CREATE TABLE IF NOT EXISTS order_lines (
    order_id           BIGINT NOT NULL,
    line_no            INTEGER NOT NULL,
    product_id         BIGINT NOT NULL,
    quantity           INTEGER NOT NULL,
    unit_price         DECIMAL(12, 2) NOT NULL,
    returned_quantity  INTEGER NOT NULL
);

-- Support contacts are the journey's pain points: category is what went wrong.
CREATE TABLE IF NOT EXISTS support_tickets (
    ticket_id     BIGINT PRIMARY KEY,
    customer_id   BIGINT,
    opened_at     TIMESTAMP NOT NULL,
    channel       VARCHAR NOT NULL,          -- live_chat, call_center, email, social
    category      VARCHAR NOT NULL,          -- e.g. 'late delivery', 'payment failed'
    wait_minutes  INTEGER NOT NULL,
    resolved      BOOLEAN NOT NULL
);

CREATE TABLE IF NOT EXISTS surveys (
    survey_id     BIGINT PRIMARY KEY,
    customer_id   BIGINT,
    answered_at   TIMESTAMP NOT NULL,
    stage         VARCHAR NOT NULL,          -- journey stage the survey asks about
    touchpoint    VARCHAR NOT NULL,
    nps           INTEGER,                   -- 0-10
    csat          INTEGER,                   -- 1-5
    ces           INTEGER,                   -- 1-7, higher = more effort
    comment       VARCHAR
);

-- Facts about the warehouse itself: generated_at, seed, scale, data_until.
CREATE TABLE IF NOT EXISTS warehouse_info (
    key    VARCHAR PRIMARY KEY,
    value  VARCHAR NOT NULL
);

-- Import mode: how far each query of a refreshed source has read (the largest value of its watermark column, in the
-- source's own clock and zone: it is only ever handed back to the source). Written in the same transaction as the rows
-- it covers, so it can never run ahead of them. See docs/refresh.md.
CREATE TABLE IF NOT EXISTS refresh_watermarks (
    source        VARCHAR NOT NULL,
    query         VARCHAR NOT NULL,
    watermark     TIMESTAMP,                 -- NULL: nothing read yet, or a query without a watermark
    refreshed_at  TIMESTAMP NOT NULL,        -- UTC
    rows_read     BIGINT NOT NULL,           -- by the last refresh
    PRIMARY KEY (source, query)
);
