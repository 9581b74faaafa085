SELECT value FROM catalog_facts WHERE key = @Key;
