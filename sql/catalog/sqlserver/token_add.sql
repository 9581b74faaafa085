INSERT INTO catalog.api_tokens (user_id, name, token_hash, prefix, created_at, expires_at)
OUTPUT inserted.token_id
VALUES (@UserId, @Name, @TokenHash, @Prefix, @At, @ExpiresAt);
