-- What a cache of results is keyed by: journey.data_version (journey_functions.sql; a DBA may point it at a load log).
SELECT version FROM journey.data_version;
