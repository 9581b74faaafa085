INSERT INTO deliveries (run_id, recipient, transport, status, detail, delivered_at)
VALUES (@RunId, @Recipient, @Transport, @Status, @Detail, @DeliveredAt);
