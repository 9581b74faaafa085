-- A link works once, before it expires, for an account that may sign in.
UPDATE catalog.sign_in_links SET used_at = @At
OUTPUT inserted.user_id AS UserId, inserted.purpose AS Purpose
WHERE link_hash = @LinkHash AND used_at IS NULL AND expires_at > @At
  AND user_id IN (SELECT user_id FROM catalog.users WHERE disabled = 0);
