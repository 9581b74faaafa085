-- Events go in ordered by occurred_at: stored in time order, a period's queries skip the rest (zone maps).
INSERT INTO {target} ({columns})
SELECT {columns} FROM {good} {order_by};
