DELETE FROM catalog.subscription_locks WHERE subscription_id = @SubscriptionId AND holder = @Holder;
