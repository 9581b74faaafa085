SELECT holder FROM catalog.subscription_locks WHERE subscription_id = @SubscriptionId;
