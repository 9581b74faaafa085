INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, expires_at)
VALUES (@UserId, @Name, @TokenHash, @Prefix, @At, @ExpiresAt)
RETURNING token_id;
