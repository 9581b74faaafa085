SELECT * FROM subscription_records WHERE SubscriptionId = @Id OR Name = @Name;
