INSERT INTO catalog_facts (key, value, at) VALUES (@Key, @Value, @At) ON CONFLICT (key) DO NOTHING;
