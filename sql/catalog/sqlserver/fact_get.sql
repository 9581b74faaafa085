SELECT value FROM catalog.catalog_facts WHERE [key] = @Key;
