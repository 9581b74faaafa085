SELECT audit_id AS AuditId, at AS At, actor AS Actor, action AS Action, target AS Target, detail AS Detail, address AS Address
FROM catalog.audit_log WHERE (@Action IS NULL OR action = @Action) ORDER BY audit_id DESC
OFFSET @Offset ROWS FETCH NEXT @Limit ROWS ONLY;
