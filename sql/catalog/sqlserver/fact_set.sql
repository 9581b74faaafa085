-- Recorded once: the locks keep two instances from both finding it missing and both inserting.
INSERT INTO catalog.catalog_facts ([key], value, at)
SELECT @Key, @Value, @At
WHERE NOT EXISTS (SELECT 1 FROM catalog.catalog_facts WITH (UPDLOCK, HOLDLOCK) WHERE [key] = @Key);
