-- A query's new watermark, in the refresh's transaction: it commits with the rows it covers or not at all.
INSERT OR REPLACE INTO refresh_watermarks (source, query, watermark, refreshed_at, rows_read)
VALUES ($source, $query, $watermark, $refreshed_at, $rows);
