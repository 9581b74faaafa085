-- journey.customers: one row per known customer (docs/journey-model.md), from an AdventureWorksDW-shaped DimCustomer.
-- Adapt the CASEs to your own segmentation: persona is a behavioural archetype (here the occupation, which the
-- dashboards then break down by), segment a commercial one, region where the customer lives. modified_at is the
-- row's load-audit time: the refresh's watermark (DimCustomer in AdventureWorksDW has none; most warehouses' loads
-- stamp one; without it leave the query's watermark out and the table is read whole each time).
-- A customer without DateFirstPurchase has no signup_at: the refresh rejects that row with the reason.
CREATE OR ALTER VIEW journey.customers AS
SELECT CAST(c.CustomerKey AS bigint)                      AS customer_id,
       COALESCE(c.EnglishOccupation, N'Unknown')          AS persona,
       CASE WHEN c.YearlyIncome >= 150000 THEN N'vip'
            WHEN c.YearlyIncome >= 90000 THEN N'small_business'
            ELSE N'consumer' END                          AS segment,
       COALESCE(g.EnglishCountryRegionName, N'Unknown')   AS region,
       CAST(c.DateFirstPurchase AS datetime2(0))          AS signup_at,
       N'web'                                             AS acquisition_channel,
       c.ModifiedDate                                     AS modified_at
FROM dbo.DimCustomer AS c
LEFT JOIN dbo.DimGeography AS g ON g.GeographyKey = c.GeographyKey;
