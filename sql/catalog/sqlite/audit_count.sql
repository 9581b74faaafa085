SELECT count(*) FROM audit_log WHERE (@Action IS NULL OR action = @Action);
