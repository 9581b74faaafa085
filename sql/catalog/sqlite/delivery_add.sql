INSERT INTO deliveries (run_id, recipient, transport, status, detail, delivered_at, attempt)
VALUES (@RunId, @Recipient, @Transport, @Status, @Detail, @DeliveredAt, @Attempt);
-- Every delivery is in the audit log too, beside sign-ins, changes and downloads.
INSERT INTO audit_log (at, actor, action, target, detail)
VALUES (@DeliveredAt, 'system', 'delivery', @Recipient, 'run ' || @RunId || ' via ' || @Transport || ': ' || @Status || coalesce(': ' || @Detail, ''));
