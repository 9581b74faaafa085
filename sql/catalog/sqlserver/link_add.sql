INSERT INTO catalog.sign_in_links (link_hash, user_id, purpose, created_at, expires_at) VALUES (@LinkHash, @UserId, @Purpose, @At, @ExpiresAt);
