-- Analyst SQL under a data scope (DuckDbProvider.RestrictAsync): the journey model's tables are shadowed, for this
-- connection only, by views holding only the scope's rows, so whatever the query names it reads nothing else — and the
-- journey macros, which name the same tables, read the narrowed ones too. The allowed values are rows of
-- analyst_restriction (inserted as parameters); a filter without rows there is not restricted. {warehouse} is the
-- database's own name (the views must name its tables past themselves). Dropped by analyst_unrestrict.sql.
-- Customer filters (persona, segment, region) narrow customers, and through them identities, events (by the customer
-- or their stitched identity: anonymous visitors are in no region), orders, surveys and tickets. Channel and device
-- narrow the events, orders (channel), surveys (touchpoint) and tickets (channel). Department narrows products, their
-- order lines, the orders having one (at the revenue of those lines only) and the events of its products; as in the
-- metric families, surveys and tickets carry no department and are not narrowed by it.
CREATE OR REPLACE TEMP MACRO restricted_to(dimension, v) AS
    (NOT EXISTS (SELECT 1 FROM analyst_restriction r WHERE r.name = dimension)
     OR v IN (SELECT r.value FROM analyst_restriction r WHERE r.name = dimension));
CREATE OR REPLACE TEMP MACRO restricts_customers() AS
    (EXISTS (SELECT 1 FROM analyst_restriction r WHERE r.name IN ('persona', 'segment', 'region')));
CREATE OR REPLACE TEMP MACRO restricts_departments() AS
    (EXISTS (SELECT 1 FROM analyst_restriction r WHERE r.name = 'department'));

CREATE OR REPLACE TEMP VIEW customers AS
SELECT c.* FROM {warehouse}.main.customers c
WHERE restricted_to('persona', c.persona) AND restricted_to('segment', c.segment) AND restricted_to('region', c.region);

CREATE OR REPLACE TEMP VIEW products AS
SELECT p.* FROM {warehouse}.main.products p WHERE restricted_to('department', p.department);

CREATE OR REPLACE TEMP VIEW identities AS
SELECT i.* FROM {warehouse}.main.identities i
WHERE NOT restricts_customers() OR i.customer_id IN (SELECT customer_id FROM customers);

CREATE OR REPLACE TEMP VIEW events AS
SELECT e.* FROM {warehouse}.main.events e
LEFT JOIN {warehouse}.main.identities i ON i.anonymous_id = e.anonymous_id
WHERE restricted_to('channel', e.channel) AND restricted_to('device', e.device)
  AND (NOT restricts_customers() OR coalesce(e.customer_id, i.customer_id) IN (SELECT customer_id FROM customers))
  AND (NOT restricts_departments() OR e.product_id IN (SELECT product_id FROM products));

CREATE OR REPLACE TEMP VIEW order_lines AS
SELECT l.* FROM {warehouse}.main.order_lines l
WHERE (NOT restricts_departments() OR l.product_id IN (SELECT product_id FROM products))
  AND l.order_id IN (SELECT o.order_id FROM {warehouse}.main.orders o
                     WHERE restricted_to('channel', o.channel)
                       AND (NOT restricts_customers() OR o.customer_id IN (SELECT customer_id FROM customers)));

CREATE OR REPLACE TEMP VIEW orders AS
SELECT o.* REPLACE (
    CASE WHEN restricts_departments()
         THEN (SELECT sum(l.quantity * l.unit_price) FROM order_lines l WHERE l.order_id = o.order_id)::DECIMAL(14, 2)
         ELSE o.revenue END AS revenue)
FROM {warehouse}.main.orders o
WHERE restricted_to('channel', o.channel)
  AND (NOT restricts_customers() OR o.customer_id IN (SELECT customer_id FROM customers))
  AND (NOT restricts_departments() OR o.order_id IN (SELECT order_id FROM order_lines));

CREATE OR REPLACE TEMP VIEW surveys AS
SELECT s.* FROM {warehouse}.main.surveys s
WHERE restricted_to('channel', s.touchpoint)
  AND (NOT restricts_customers() OR s.customer_id IN (SELECT customer_id FROM customers));

CREATE OR REPLACE TEMP VIEW support_tickets AS
SELECT t.* FROM {warehouse}.main.support_tickets t
WHERE restricted_to('channel', t.channel)
  AND (NOT restricts_customers() OR t.customer_id IN (SELECT customer_id FROM customers));
