-- Per connection: the configured mapping of event types to journey stages (JourneyReports:Journey:StageMap), kept as
-- JSON in the session context and read back by the view journey.journey_stage_map (journey_functions.sql). A pooled
-- connection's session context is cleared when it is reused, and this sets it again on every open.
EXEC sys.sp_set_session_context @key = N'journey_stage_map', @value = N'[]';
