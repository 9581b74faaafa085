-- journey.order_lines: one row per line of FactInternetSales.
CREATE OR ALTER VIEW journey.order_lines AS
SELECT CAST(SUBSTRING(f.SalesOrderNumber, 3, 18) AS bigint)      AS order_id,
       CAST(f.SalesOrderLineNumber AS int)                       AS line_no,
       CAST(f.ProductKey AS bigint)                              AS product_id,
       CAST(f.OrderQuantity AS int)                              AS quantity,
       CAST(f.UnitPrice AS decimal(12, 2))                       AS unit_price,
       CAST(0 AS int)                                            AS returned_quantity,
       f.ModifiedDate                                            AS modified_at
FROM dbo.FactInternetSales AS f;
