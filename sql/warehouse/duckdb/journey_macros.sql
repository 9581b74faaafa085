-- Per connection: the one place where identity stitching, stage mapping and report filters are applied.
-- Every journey query reads events through journey_events(...), so a filter can never be forgotten by one query.
-- A NULL filter means "all".
CREATE OR REPLACE TEMP MACRO journey_events(start_at, end_at, f_persona, f_segment, f_region, f_channel, f_device) AS TABLE
SELECT
    e.occurred_at,
    coalesce(e.customer_id, i.customer_id)                                   AS customer_id,
    coalesce('c' || coalesce(e.customer_id, i.customer_id)::VARCHAR, 'a' || e.anonymous_id) AS visitor_id,
    e.session_id,
    e.channel,
    e.device,
    e.event_type,
    e.product_id,
    m.stage,
    m.stage_order
FROM events e
LEFT JOIN identities i        ON i.anonymous_id = e.anonymous_id
LEFT JOIN journey_stage_map m ON m.event_type = e.event_type
LEFT JOIN customers c         ON c.customer_id = coalesce(e.customer_id, i.customer_id)
WHERE e.occurred_at >= start_at AND e.occurred_at < end_at
  AND (f_persona IS NULL OR c.persona = f_persona)
  AND (f_segment IS NULL OR c.segment = f_segment)
  AND (f_region  IS NULL OR c.region  = f_region)
  AND (f_channel IS NULL OR e.channel = f_channel)
  AND (f_device  IS NULL OR e.device  = f_device);

-- Orders through the same filters. An order has no device, so a device filter narrows events only.
CREATE OR REPLACE TEMP MACRO journey_orders(start_at, end_at, f_persona, f_segment, f_region, f_channel) AS TABLE
SELECT o.*
FROM orders o
JOIN customers c ON c.customer_id = o.customer_id
WHERE o.ordered_at >= start_at AND o.ordered_at < end_at
  AND (f_persona IS NULL OR c.persona = f_persona)
  AND (f_segment IS NULL OR c.segment = f_segment)
  AND (f_region  IS NULL OR c.region  = f_region)
  AND (f_channel IS NULL OR o.channel = f_channel);

CREATE OR REPLACE TEMP MACRO journey_surveys(start_at, end_at, f_persona, f_segment, f_region, f_channel) AS TABLE
SELECT s.*
FROM surveys s
LEFT JOIN customers c ON c.customer_id = s.customer_id
WHERE s.answered_at >= start_at AND s.answered_at < end_at
  AND (f_persona IS NULL OR c.persona = f_persona)
  AND (f_segment IS NULL OR c.segment = f_segment)
  AND (f_region  IS NULL OR c.region  = f_region)
  AND (f_channel IS NULL OR s.touchpoint = f_channel);
