-- A full refresh empties each table its mapping fills (inside the refresh's transaction) before loading, so rows
-- deleted at the source go too. {table} is a journey table's name from the model, never from the mapping's text.
DELETE FROM {table};
