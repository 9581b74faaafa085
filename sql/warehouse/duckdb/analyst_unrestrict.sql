-- Undoes analyst_restrict.sql: the connection's next queries (metric families on the same connection) see every row.
DROP VIEW IF EXISTS temp.main.support_tickets;
DROP VIEW IF EXISTS temp.main.surveys;
DROP VIEW IF EXISTS temp.main.orders;
DROP VIEW IF EXISTS temp.main.order_lines;
DROP VIEW IF EXISTS temp.main.events;
DROP VIEW IF EXISTS temp.main.identities;
DROP VIEW IF EXISTS temp.main.products;
DROP VIEW IF EXISTS temp.main.customers;
DROP MACRO IF EXISTS temp.main.restricts_departments;
DROP MACRO IF EXISTS temp.main.restricts_customers;
DROP MACRO IF EXISTS temp.main.restricted_to;
DROP TABLE IF EXISTS temp.main.analyst_restriction;
