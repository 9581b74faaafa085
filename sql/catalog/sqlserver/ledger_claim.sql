-- Claims a recipient's delivery for a run: a new row, or another attempt of one not yet settled (see delivery_ledger).
-- One statement under a key-range lock (HOLDLOCK): two instances claiming the same recipient at once take turns, and
-- the second finds the first's row, which it claims again only while unsettled, as ON CONFLICT ... WHERE does in SQLite.
MERGE catalog.delivery_ledger WITH (HOLDLOCK) AS l
USING (SELECT @SubscriptionId AS subscription_id, @PeriodKey AS period_key, @Recipient AS recipient) AS claim
    ON l.subscription_id = claim.subscription_id AND l.period_key = claim.period_key AND l.recipient = claim.recipient
WHEN MATCHED AND l.status IN (N'sending', N'transient') THEN
    UPDATE SET status = N'sending', attempts = l.attempts + 1, run_id = @RunId, updated_at = @At
WHEN NOT MATCHED THEN
    INSERT (subscription_id, period_key, recipient, status, message_id, attempts, run_id, updated_at)
    VALUES (@SubscriptionId, @PeriodKey, @Recipient, N'sending', @MessageId, 1, @RunId, @At)
OUTPUT inserted.message_id AS MessageId, inserted.attempts AS Attempts;
