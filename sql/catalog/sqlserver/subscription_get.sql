SELECT * FROM catalog.subscription_records WHERE SubscriptionId = @Id OR Name = @Name;
