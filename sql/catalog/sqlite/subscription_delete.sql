DELETE FROM unsubscribes WHERE subscription_id = (SELECT subscription_id FROM subscriptions WHERE name = @Name);
DELETE FROM subscriptions WHERE name = @Name;
