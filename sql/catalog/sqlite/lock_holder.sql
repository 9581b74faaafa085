SELECT holder FROM subscription_locks WHERE subscription_id = @SubscriptionId;
