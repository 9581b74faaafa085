SELECT token_id AS TokenId, user_id AS UserId, name AS Name, prefix AS Prefix, created_at AS CreatedAt, expires_at AS ExpiresAt,
       revoked_at AS RevokedAt, last_used_at AS LastUsedAt
FROM catalog.api_tokens WHERE @UserId IS NULL OR user_id = @UserId ORDER BY token_id DESC;
