-- A link works once, before it expires, for an account that may sign in.
UPDATE sign_in_links SET used_at = @At
WHERE link_hash = @LinkHash AND used_at IS NULL AND expires_at > @At
  AND user_id IN (SELECT user_id FROM users WHERE disabled = 0)
RETURNING user_id AS UserId, purpose AS Purpose;
