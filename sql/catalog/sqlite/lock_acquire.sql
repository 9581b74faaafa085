INSERT INTO subscription_locks (subscription_id, holder, expires_at) VALUES (@SubscriptionId, @Holder, @ExpiresAt)
ON CONFLICT (subscription_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
WHERE subscription_locks.expires_at < @Now OR subscription_locks.holder = @Stale
RETURNING holder;
