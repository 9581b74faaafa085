-- Empties every journey table (the seed verb's --replace). The schema stays.
DELETE FROM events;
DELETE FROM identities;
DELETE FROM order_lines;
DELETE FROM orders;
DELETE FROM support_tickets;
DELETE FROM surveys;
DELETE FROM products;
DELETE FROM customers;
DELETE FROM warehouse_info;
DELETE FROM refresh_watermarks;
