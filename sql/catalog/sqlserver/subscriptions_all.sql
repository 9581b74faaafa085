SELECT * FROM catalog.subscription_records ORDER BY Name;
