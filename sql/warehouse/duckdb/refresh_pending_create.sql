-- A refresh's checked rows for one journey table, waiting to be applied in its one transaction: a table in the
-- warehouse file (not in memory) with the journey table's columns and none of its constraints. Dropped when the
-- refresh ends, and replaced if a refresh that was killed left it behind.
CREATE OR REPLACE TABLE {pending} AS SELECT * FROM {table} LIMIT 0;
