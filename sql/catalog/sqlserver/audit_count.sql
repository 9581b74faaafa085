SELECT count(*) FROM catalog.audit_log WHERE (@Action IS NULL OR action = @Action);
