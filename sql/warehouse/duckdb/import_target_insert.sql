-- Rows go in as the file gives them (exports are written in time order, so a period's queries still skip most row
-- groups by their min/max). Not sorted here: DuckDB's sort does not spill all it holds, and ordering 50 million events
-- ran out of memory at a limit that streams them in 420 MB.
INSERT INTO {target} ({columns})
SELECT {columns} FROM {good};
