SELECT * FROM subscription_records ORDER BY Name;
