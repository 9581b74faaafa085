DELETE FROM subscription_locks WHERE subscription_id = @SubscriptionId AND holder = @Holder;
