SELECT audit_id AS AuditId, at AS At, actor AS Actor, action AS Action, target AS Target, detail AS Detail, address AS Address
FROM audit_log WHERE (@Action IS NULL OR action = @Action) ORDER BY audit_id DESC LIMIT @Limit OFFSET @Offset;
