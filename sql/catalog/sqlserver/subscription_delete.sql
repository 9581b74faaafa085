-- A subscription goes with its unsubscribes, ledger and lock; its runs and deliveries stay in the history.
DELETE FROM catalog.unsubscribes WHERE subscription_id = (SELECT subscription_id FROM catalog.subscriptions WHERE name = @Name);
DELETE FROM catalog.delivery_ledger WHERE subscription_id = (SELECT subscription_id FROM catalog.subscriptions WHERE name = @Name);
DELETE FROM catalog.subscription_locks WHERE subscription_id = (SELECT subscription_id FROM catalog.subscriptions WHERE name = @Name);
DELETE FROM catalog.subscriptions WHERE name = @Name;
