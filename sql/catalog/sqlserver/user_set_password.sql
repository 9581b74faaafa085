UPDATE catalog.users SET password_hash = @PasswordHash, failed_sign_ins = 0, locked_until = NULL, updated_at = @At WHERE user_id = @Id;
