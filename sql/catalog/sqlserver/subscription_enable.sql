UPDATE catalog.subscriptions SET enabled = @Enabled, version = version + 1, updated_at = @At WHERE name = @Name;
