UPDATE catalog.api_tokens SET revoked_at = @At WHERE token_id = @Id AND (@UserId IS NULL OR user_id = @UserId) AND revoked_at IS NULL;
