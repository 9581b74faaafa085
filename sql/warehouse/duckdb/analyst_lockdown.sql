-- Run on a warehouse connection before analyst SQL runs on it (DuckDbProvider.AnalystCommandAsync). The query was
-- checked to read only the journey model; this makes sure that, whatever slipped through, it reaches no file, no network
-- and no extension, and that nothing can change the configuration back. Every setting but the first is the whole open
-- database's, not this connection's, and holds until its last connection closes: DuckDB can switch external access
-- off while running, never on again. Nothing else in a unit of work that runs dashboards needs files or extensions;
-- the import, which reads CSV files, opens the warehouse afresh.
-- This connection's streaming results hold about one chunk ahead of the reader (a chunk of wide text is megabytes).
SET streaming_buffer_size = '100kB';
SET autoinstall_known_extensions = false;
SET autoload_known_extensions = false;
SET enable_external_access = false;
SET lock_configuration = true;
