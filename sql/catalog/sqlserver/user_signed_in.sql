UPDATE catalog.users SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = @At WHERE user_id = @Id;
