UPDATE catalog.delivery_ledger SET status = @Status, detail = @Detail, updated_at = @At
WHERE subscription_id = @SubscriptionId AND period_key = @PeriodKey AND recipient = @Recipient;
