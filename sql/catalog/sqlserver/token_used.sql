UPDATE catalog.api_tokens SET last_used_at = @At WHERE token_id = @TokenId;
