-- {order_by} is "ORDER BY occurred_at" for events: stored in time order, a period's queries skip the rest (zone maps).
INSERT INTO {target} ({columns})
SELECT {columns} FROM {good} {order_by};
