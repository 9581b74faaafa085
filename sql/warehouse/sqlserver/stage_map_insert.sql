-- One event type of the stage map, appended to the session's JSON (4,000 characters hold some fifty event types).
DECLARE @map nvarchar(4000) = JSON_MODIFY(CAST(SESSION_CONTEXT(N'journey_stage_map') AS nvarchar(4000)), N'append $',
    JSON_QUERY((SELECT @eventType AS event_type, @stage AS stage, @order AS stage_order FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)));
EXEC sys.sp_set_session_context @key = N'journey_stage_map', @value = @map;
