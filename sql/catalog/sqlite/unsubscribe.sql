INSERT INTO unsubscribes (subscription_id, recipient, at) VALUES (@SubscriptionId, @Recipient, @At)
ON CONFLICT (subscription_id, recipient) DO NOTHING;
