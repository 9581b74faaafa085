-- Name, role, scope and whether the account may sign in; the password and the sign-in counters have their own statements.
UPDATE catalog.users SET name = @Name, role = @Role, scope = @Scope, disabled = @Disabled, updated_at = @At WHERE user_id = @Id;
