-- A subscription goes with its unsubscribes, ledger and lock; its runs and deliveries stay in the history.
DELETE FROM unsubscribes WHERE subscription_id = (SELECT subscription_id FROM subscriptions WHERE name = @Name);
DELETE FROM delivery_ledger WHERE subscription_id = (SELECT subscription_id FROM subscriptions WHERE name = @Name);
DELETE FROM subscription_locks WHERE subscription_id = (SELECT subscription_id FROM subscriptions WHERE name = @Name);
DELETE FROM subscriptions WHERE name = @Name;
