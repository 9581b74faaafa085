-- Claims a recipient's delivery for a run: a new row, or another attempt of one not yet settled (see delivery_ledger).
INSERT INTO delivery_ledger (subscription_id, period_key, recipient, status, message_id, attempts, run_id, updated_at)
VALUES (@SubscriptionId, @PeriodKey, @Recipient, 'sending', @MessageId, 1, @RunId, @At)
ON CONFLICT (subscription_id, period_key, recipient) DO UPDATE SET
    status = 'sending', attempts = delivery_ledger.attempts + 1, run_id = excluded.run_id, updated_at = excluded.updated_at
WHERE delivery_ledger.status IN ('sending', 'transient')
RETURNING message_id AS MessageId, attempts AS Attempts;
