-- Takes the lock when it is free, expired, or left by a process known to be gone (@Stale); returns the holder after.
-- One statement under a key-range lock (HOLDLOCK), so two instances cannot both take it.
MERGE catalog.subscription_locks WITH (HOLDLOCK) AS l
USING (SELECT @SubscriptionId AS subscription_id) AS wanted ON l.subscription_id = wanted.subscription_id
WHEN MATCHED AND (l.expires_at < @Now OR l.holder = @Stale) THEN
    UPDATE SET holder = @Holder, expires_at = @ExpiresAt
WHEN NOT MATCHED THEN
    INSERT (subscription_id, holder, expires_at) VALUES (@SubscriptionId, @Holder, @ExpiresAt)
OUTPUT inserted.holder;
