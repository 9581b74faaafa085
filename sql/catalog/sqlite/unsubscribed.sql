SELECT recipient FROM unsubscribes WHERE subscription_id = @SubscriptionId;
