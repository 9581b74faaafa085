-- DirectQuery setup (run once as the warehouse's owner, after sql/sqlserver/journey_schema.sql and the journey views,
-- and again after upgrading JourneyReports): the inline table-valued functions that play the DuckDB journey macros'
-- part (sql/warehouse/duckdb/journey_macros.sql), with the same rules. Inline functions are expanded into the query
-- that calls them, so SQL Server optimises each metric query as one statement. Idempotent (CREATE OR ALTER).
-- See docs/directquery.md.

-- The configured stage map (JourneyReports:Journey:StageMap) is configuration, not data: each connection puts it in
-- its session context as JSON (stage_map_create.sql, stage_map_insert.sql), and this view reads it back, so the
-- read-only login needs no table to write to and two servers with different maps never see each other's.
CREATE OR ALTER VIEW journey.journey_stage_map AS
SELECT m.event_type, m.stage, m.stage_order
FROM OPENJSON(CAST(SESSION_CONTEXT(N'journey_stage_map') AS nvarchar(4000)))
     WITH (event_type nvarchar(100) N'$.event_type', stage nvarchar(50) N'$.stage', stage_order int N'$.stage_order') AS m;
GO

-- Which version of these functions is installed: JourneyReports refuses to run on an older one (journey_macros.sql).
CREATE OR ALTER VIEW journey.journey_functions_version AS
SELECT 1 AS version;
GO

-- What a cache of results is keyed by (SqlServerProvider.DataVersion): the row counts and newest changes of the
-- model's facts. A warehouse loaded in batches may replace this with its own load number, e.g.
-- SELECT CAST(MAX(load_id) AS nvarchar(100)) AS version FROM etl.load_log.
CREATE OR ALTER VIEW journey.data_version AS
SELECT CONCAT((SELECT COUNT_BIG(*) FROM journey.events), N':', (SELECT CONVERT(nvarchar(33), MAX(modified_at), 126) FROM journey.events),
       N'|', (SELECT COUNT_BIG(*) FROM journey.orders), N':', (SELECT CONVERT(nvarchar(33), MAX(modified_at), 126) FROM journey.orders),
       N'|', (SELECT COUNT_BIG(*) FROM journey.surveys), N':', (SELECT CONVERT(nvarchar(33), MAX(modified_at), 126) FROM journey.surveys),
       N'|', (SELECT COUNT_BIG(*) FROM journey.support_tickets), N':', (SELECT CONVERT(nvarchar(33), MAX(modified_at), 126) FROM journey.support_tickets),
       N'|', (SELECT CONVERT(nvarchar(33), MAX(modified_at), 126) FROM journey.customers)) AS version;
GO

-- The one place where identity stitching, stage mapping and report filters are applied to events; a NULL filter
-- means "all". A department narrows the journey to visitors who touched that department's products in the period:
-- their product events in that department, and their events that concern no product (arrivals, logins, purchases).
-- visitor_id is one number per person: the customer id, or for a visitor never identified a negative number derived
-- from the anonymous id (as DuckDB's hash does; only counts and joins use it, never its value).
CREATE OR ALTER FUNCTION journey.journey_events(@start_at datetime2(7), @end_at datetime2(7), @f_persona nvarchar(200), @f_segment nvarchar(200),
    @f_region nvarchar(200), @f_channel nvarchar(200), @f_device nvarchar(200), @f_department nvarchar(200))
RETURNS TABLE
AS RETURN
WITH resolved AS (
    SELECT e.occurred_at,
           COALESCE(e.customer_id, i.customer_id)                                                     AS customer_id,
           COALESCE(e.customer_id, i.customer_id,
                    -1 - (CAST(CAST(HASHBYTES('SHA2_256', e.anonymous_id) AS binary(8)) AS bigint) & CAST(0x3FFFFFFFFFFFFFFF AS bigint))) AS visitor_id,
           e.session_id, e.channel, e.device, e.event_type, e.product_id,
           m.stage, m.stage_order,
           p.department
    FROM journey.events AS e
    LEFT JOIN journey.identities AS i        ON i.anonymous_id = e.anonymous_id
    -- The map's text has the database's collation (it comes from JSON); the fact's column may have another.
    LEFT JOIN journey.journey_stage_map AS m ON m.event_type = e.event_type COLLATE DATABASE_DEFAULT
    LEFT JOIN journey.customers AS c         ON c.customer_id = COALESCE(e.customer_id, i.customer_id)
    LEFT JOIN journey.products AS p          ON p.product_id = e.product_id
    WHERE e.occurred_at >= @start_at AND e.occurred_at < @end_at
      AND (@f_persona IS NULL OR c.persona = @f_persona)
      AND (@f_segment IS NULL OR c.segment = @f_segment)
      AND (@f_region  IS NULL OR c.region  = @f_region)
      AND (@f_channel IS NULL OR e.channel = @f_channel)
      AND (@f_device  IS NULL OR e.device  = @f_device)
),
department_visitors AS (
    SELECT DISTINCT visitor_id FROM resolved WHERE @f_department IS NOT NULL AND department = @f_department
)
SELECT r.occurred_at, r.customer_id, r.visitor_id, r.session_id, r.channel, r.device, r.event_type, r.product_id,
       r.stage, r.stage_order, r.department
FROM resolved AS r
WHERE @f_department IS NULL
   OR r.department = @f_department
   OR (r.product_id IS NULL AND @f_department IS NOT NULL AND r.visitor_id IN (SELECT visitor_id FROM department_visitors));
GO

-- Orders through the same filters; a cancelled order is not an order (returns still are: revenue is gross). An order
-- has no device, so a device filter narrows events only. With a department, an order counts when it has a line of
-- that department, and its revenue is those lines only.
CREATE OR ALTER FUNCTION journey.journey_orders(@start_at datetime2(7), @end_at datetime2(7), @f_persona nvarchar(200), @f_segment nvarchar(200),
    @f_region nvarchar(200), @f_channel nvarchar(200), @f_department nvarchar(200))
RETURNS TABLE
AS RETURN
SELECT o.order_id, o.customer_id, o.ordered_at, o.channel, o.status,
       CASE WHEN @f_department IS NULL THEN o.revenue ELSE d.revenue END AS revenue,
       o.promised_at, o.delivered_at, o.returned
FROM journey.orders AS o
LEFT JOIN (
    SELECT l.order_id, CAST(SUM(l.quantity * l.unit_price) AS decimal(14, 2)) AS revenue
    FROM journey.order_lines AS l JOIN journey.products AS p ON p.product_id = l.product_id
    WHERE p.department = @f_department
    GROUP BY l.order_id
) AS d ON d.order_id = o.order_id
JOIN journey.customers AS c ON c.customer_id = o.customer_id
WHERE o.ordered_at >= @start_at AND o.ordered_at < @end_at
  AND o.status <> N'cancelled'
  AND (@f_persona IS NULL OR c.persona = @f_persona)
  AND (@f_segment IS NULL OR c.segment = @f_segment)
  AND (@f_region  IS NULL OR c.region  = @f_region)
  AND (@f_channel IS NULL OR o.channel = @f_channel)
  AND (@f_department IS NULL OR d.order_id IS NOT NULL);
GO

CREATE OR ALTER FUNCTION journey.journey_surveys(@start_at datetime2(7), @end_at datetime2(7), @f_persona nvarchar(200), @f_segment nvarchar(200),
    @f_region nvarchar(200), @f_channel nvarchar(200))
RETURNS TABLE
AS RETURN
SELECT s.survey_id, s.customer_id, s.answered_at, s.stage, s.touchpoint, s.nps, s.csat, s.ces, s.comment
FROM journey.surveys AS s
LEFT JOIN journey.customers AS c ON c.customer_id = s.customer_id
WHERE s.answered_at >= @start_at AND s.answered_at < @end_at
  AND (@f_persona IS NULL OR c.persona = @f_persona)
  AND (@f_segment IS NULL OR c.segment = @f_segment)
  AND (@f_region  IS NULL OR c.region  = @f_region)
  AND (@f_channel IS NULL OR s.touchpoint = @f_channel);
GO

-- Support tickets (the journey's pain points) through the same filters; the channel filter is the ticket's channel.
CREATE OR ALTER FUNCTION journey.journey_tickets(@start_at datetime2(7), @end_at datetime2(7), @f_persona nvarchar(200), @f_segment nvarchar(200),
    @f_region nvarchar(200), @f_channel nvarchar(200))
RETURNS TABLE
AS RETURN
SELECT t.ticket_id, t.customer_id, t.opened_at, t.channel, t.category, t.wait_minutes, t.resolved
FROM journey.support_tickets AS t
LEFT JOIN journey.customers AS c ON c.customer_id = t.customer_id
WHERE t.opened_at >= @start_at AND t.opened_at < @end_at
  AND (@f_persona IS NULL OR c.persona = @f_persona)
  AND (@f_segment IS NULL OR c.segment = @f_segment)
  AND (@f_region  IS NULL OR c.region  = @f_region)
  AND (@f_channel IS NULL OR t.channel = @f_channel);
GO

-- The ordered funnel, defined once for every funnel query (the rule of DuckDB's journey_funnel). A visitor reaches a
-- stage only at or after reaching the previous one, within @window_days of it; each stage's first time is taken after
-- the previous stage's, so counts can only fall stage by stage. It starts at the first stage that occurs in the events.
-- @f_dimension 'channel' or 'device' runs one funnel per touchpoint value on that value's events only; NULL runs one
-- funnel ('' as value). One row per value, visitor and stage reached: when (t) and when the previous stage was reached
-- (prev). T-SQL allows no GROUP BY in a recursive CTE, so the six steps of the recursion are written out (there are
-- six stages: a step past the sixth never exists).
CREATE OR ALTER FUNCTION journey.journey_funnel(@start_at datetime2(7), @end_at datetime2(7), @f_persona nvarchar(200), @f_segment nvarchar(200),
    @f_region nvarchar(200), @f_channel nvarchar(200), @f_device nvarchar(200), @f_department nvarchar(200), @f_dimension nvarchar(20), @window_days int)
RETURNS TABLE
AS RETURN
WITH all_ev AS (
    SELECT COALESCE(CASE @f_dimension WHEN N'channel' THEN channel WHEN N'device' THEN device END, N'') AS value,
           visitor_id, stage_order, occurred_at
    FROM journey.journey_events(@start_at, @end_at, @f_persona, @f_segment, @f_region, @f_channel, @f_device, @f_department)
    WHERE stage_order IS NOT NULL
),
first_stage AS (SELECT MIN(stage_order) AS f FROM all_ev),
ev AS (SELECT a.value, a.visitor_id, a.stage_order - s.f + 1 AS step, a.occurred_at FROM all_ev AS a CROSS JOIN first_stage AS s),
r1 AS (
    SELECT value, visitor_id, MIN(occurred_at) AS t, CAST(NULL AS datetime2(7)) AS prev
    FROM ev WHERE step = 1 GROUP BY value, visitor_id
),
r2 AS (
    SELECT e.value, e.visitor_id, MIN(e.occurred_at) AS t, MIN(r.t) AS prev
    FROM ev AS e JOIN r1 AS r ON r.value = e.value AND r.visitor_id = e.visitor_id
    WHERE e.step = 2 AND e.occurred_at >= r.t AND e.occurred_at <= DATEADD(day, @window_days, r.t)
    GROUP BY e.value, e.visitor_id
),
r3 AS (
    SELECT e.value, e.visitor_id, MIN(e.occurred_at) AS t, MIN(r.t) AS prev
    FROM ev AS e JOIN r2 AS r ON r.value = e.value AND r.visitor_id = e.visitor_id
    WHERE e.step = 3 AND e.occurred_at >= r.t AND e.occurred_at <= DATEADD(day, @window_days, r.t)
    GROUP BY e.value, e.visitor_id
),
r4 AS (
    SELECT e.value, e.visitor_id, MIN(e.occurred_at) AS t, MIN(r.t) AS prev
    FROM ev AS e JOIN r3 AS r ON r.value = e.value AND r.visitor_id = e.visitor_id
    WHERE e.step = 4 AND e.occurred_at >= r.t AND e.occurred_at <= DATEADD(day, @window_days, r.t)
    GROUP BY e.value, e.visitor_id
),
r5 AS (
    SELECT e.value, e.visitor_id, MIN(e.occurred_at) AS t, MIN(r.t) AS prev
    FROM ev AS e JOIN r4 AS r ON r.value = e.value AND r.visitor_id = e.visitor_id
    WHERE e.step = 5 AND e.occurred_at >= r.t AND e.occurred_at <= DATEADD(day, @window_days, r.t)
    GROUP BY e.value, e.visitor_id
),
r6 AS (
    SELECT e.value, e.visitor_id, MIN(e.occurred_at) AS t, MIN(r.t) AS prev
    FROM ev AS e JOIN r5 AS r ON r.value = e.value AND r.visitor_id = e.visitor_id
    WHERE e.step = 6 AND e.occurred_at >= r.t AND e.occurred_at <= DATEADD(day, @window_days, r.t)
    GROUP BY e.value, e.visitor_id
),
reached AS (
              SELECT 1 AS step, value, visitor_id, t, prev FROM r1
    UNION ALL SELECT 2, value, visitor_id, t, prev FROM r2
    UNION ALL SELECT 3, value, visitor_id, t, prev FROM r3
    UNION ALL SELECT 4, value, visitor_id, t, prev FROM r4
    UNION ALL SELECT 5, value, visitor_id, t, prev FROM r5
    UNION ALL SELECT 6, value, visitor_id, t, prev FROM r6
)
SELECT r.value, r.visitor_id, r.step + s.f - 1 AS stage_order, r.t, r.prev
FROM reached AS r CROSS JOIN first_stage AS s
WHERE r.step + s.f - 1 <= 6;
GO
