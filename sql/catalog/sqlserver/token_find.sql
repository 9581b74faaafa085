-- A token that may be used now: not revoked, not expired, its user not disabled; with when it was last used.
SELECT t.token_id AS TokenId, t.user_id AS UserId, t.last_used_at AS LastUsedAt
FROM catalog.api_tokens t JOIN catalog.users u ON u.user_id = t.user_id
WHERE t.token_hash = @TokenHash AND t.revoked_at IS NULL AND t.expires_at > @At AND u.disabled = 0;
