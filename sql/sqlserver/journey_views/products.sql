-- journey.products: one row per product, its subcategory as category and its category as the department (the unit a
-- department head owns), from DimProduct and its two snowflaked dimensions.
CREATE OR ALTER VIEW journey.products AS
SELECT CAST(p.ProductKey AS bigint)                              AS product_id,
       p.EnglishProductName                                      AS name,
       COALESCE(s.EnglishProductSubcategoryName, N'Other')       AS category,
       COALESCE(k.EnglishProductCategoryName, N'Other')          AS department,
       CAST(COALESCE(p.ListPrice, 0) AS decimal(12, 2))          AS list_price,
       p.ModifiedDate                                            AS modified_at
FROM dbo.DimProduct AS p
LEFT JOIN dbo.DimProductSubcategory AS s ON s.ProductSubcategoryKey = p.ProductSubcategoryKey
LEFT JOIN dbo.DimProductCategory AS k ON k.ProductCategoryKey = s.ProductCategoryKey;
