SELECT recipient FROM catalog.unsubscribes WHERE subscription_id = @SubscriptionId;
