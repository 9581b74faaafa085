INSERT INTO catalog.deliveries (run_id, recipient, transport, status, detail, delivered_at, attempt)
VALUES (@RunId, @Recipient, @Transport, @Status, @Detail, @DeliveredAt, @Attempt);
-- Every delivery is in the audit log too, beside sign-ins, changes and downloads.
INSERT INTO catalog.audit_log (at, actor, action, target, detail)
VALUES (@DeliveredAt, N'system', N'delivery', @Recipient, CONCAT(N'run ', @RunId, N' via ', @Transport, N': ', @Status, N': ' + @Detail));
