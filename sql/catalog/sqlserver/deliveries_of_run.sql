SELECT run_id AS RunId, recipient AS Recipient, transport AS Transport, status AS Status, detail AS Detail, delivered_at AS DeliveredAt,
       attempt AS Attempt
FROM catalog.deliveries WHERE run_id = @RunId ORDER BY delivery_id;
