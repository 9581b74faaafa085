INSERT INTO users (email, name, role, scope, password_hash, created_at, updated_at)
VALUES (@Email, @Name, @Role, @Scope, @PasswordHash, @At, @At)
RETURNING user_id;
