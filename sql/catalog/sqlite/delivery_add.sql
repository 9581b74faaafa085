INSERT INTO deliveries (run_id, recipient, transport, status, detail, delivered_at, attempt)
VALUES (@RunId, @Recipient, @Transport, @Status, @Detail, @DeliveredAt, @Attempt);
