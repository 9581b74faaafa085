INSERT INTO catalog.users (email, name, role, scope, password_hash, created_at, updated_at)
OUTPUT inserted.user_id
VALUES (@Email, @Name, @Role, @Scope, @PasswordHash, @At, @At);
