-- The stand-in source: a SQLite file holding one table per journey view of sql/sqlserver/journey_views, with the
-- views' columns, so the refresh can be run end to end where no SQL Server runs (the tests, the benchmark). SQLite has
-- no date type: date-times are text in the form the refresh stages SQL Server's (yyyy-MM-dd HH:mm:ss.ffffff), which
-- also sorts as time does, so modified_at >= @since compares as on SQL Server.
CREATE TABLE IF NOT EXISTS journey_customers (
    customer_id INTEGER, persona TEXT, segment TEXT, region TEXT, signup_at TEXT, acquisition_channel TEXT, modified_at TEXT);
CREATE TABLE IF NOT EXISTS journey_products (
    product_id INTEGER, name TEXT, category TEXT, department TEXT, list_price REAL, modified_at TEXT);
CREATE TABLE IF NOT EXISTS journey_orders (
    order_id INTEGER, customer_id INTEGER, ordered_at TEXT, channel TEXT, status TEXT, revenue REAL, promised_at TEXT,
    delivered_at TEXT, returned INTEGER, modified_at TEXT);
CREATE TABLE IF NOT EXISTS journey_order_lines (
    order_id INTEGER, line_no INTEGER, product_id INTEGER, quantity INTEGER, unit_price REAL, returned_quantity INTEGER, modified_at TEXT);
CREATE TABLE IF NOT EXISTS journey_events (
    event_id INTEGER, occurred_at TEXT, customer_id INTEGER, anonymous_id TEXT, session_id TEXT, channel TEXT, device TEXT,
    event_type TEXT, product_id INTEGER, modified_at TEXT);
CREATE INDEX IF NOT EXISTS ix_journey_events_modified ON journey_events (modified_at);
CREATE TABLE IF NOT EXISTS journey_identities (
    anonymous_id TEXT, customer_id INTEGER, stitched_at TEXT, modified_at TEXT);
CREATE TABLE IF NOT EXISTS journey_support_tickets (
    ticket_id INTEGER, customer_id INTEGER, opened_at TEXT, channel TEXT, category TEXT, wait_minutes INTEGER, resolved INTEGER, modified_at TEXT);
CREATE TABLE IF NOT EXISTS journey_surveys (
    survey_id INTEGER, customer_id INTEGER, answered_at TEXT, stage TEXT, touchpoint TEXT, nps INTEGER, csat INTEGER, ces INTEGER,
    comment TEXT, modified_at TEXT);
