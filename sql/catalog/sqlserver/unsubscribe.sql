INSERT INTO catalog.unsubscribes (subscription_id, recipient, at)
SELECT @SubscriptionId, @Recipient, @At
WHERE NOT EXISTS (SELECT 1 FROM catalog.unsubscribes WITH (UPDLOCK, HOLDLOCK) WHERE subscription_id = @SubscriptionId AND recipient = @Recipient);
