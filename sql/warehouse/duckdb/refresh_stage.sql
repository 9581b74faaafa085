-- One batch of a refresh query's rows as text c1..cN, rec being the row's number in the query's result: the shape the
-- CSV import stages a file in, so the same mapping vocabulary and model checks apply (TargetLoader). The column list is
-- generated from the number of columns the query returns; values arrive through the bulk writer.
CREATE OR REPLACE TEMP TABLE {table} (rec BIGINT, {columns});
