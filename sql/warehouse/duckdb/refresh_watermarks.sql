-- The watermarks of a source's queries, from its last successful refresh.
SELECT query, watermark FROM refresh_watermarks WHERE source = $source;
