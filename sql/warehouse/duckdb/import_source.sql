-- A CSV file as the importer reads it: rec is the record number in file order (row_number over the reader's stream,
-- which DuckDB keeps in file order), then the columns as text c1..cN. The select list is generated from the header.
SELECT row_number() OVER () AS rec, {select}
FROM {read}
