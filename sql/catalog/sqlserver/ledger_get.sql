SELECT subscription_id AS SubscriptionId, period_key AS PeriodKey, recipient AS Recipient, status AS Status, message_id AS MessageId,
       attempts AS Attempts, run_id AS RunId, detail AS Detail, updated_at AS UpdatedAt
FROM catalog.delivery_ledger
WHERE subscription_id = @SubscriptionId AND period_key = @PeriodKey AND recipient = @Recipient;
