-- A bulk load's own connection: filters stay where the SQL puts them (see BulkLoadSettings).
SET disabled_optimizers = 'filter_pushdown';
