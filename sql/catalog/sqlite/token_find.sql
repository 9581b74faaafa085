-- A token that may be used now: not revoked, not expired, its user not disabled. Marks it used.
UPDATE api_tokens SET last_used_at = @At
WHERE token_hash = @TokenHash AND revoked_at IS NULL AND expires_at > @At
  AND user_id IN (SELECT user_id FROM users WHERE disabled = 0)
RETURNING user_id;
