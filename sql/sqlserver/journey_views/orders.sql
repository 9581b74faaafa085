-- journey.orders: one row per sales order, from the order lines of FactInternetSales ('SO43697' becomes 43697).
-- Internet sales are the web channel; a warehouse with FactResellerSales or store sales adds them with UNION ALL and
-- their own channel. ShipDate stands in for delivery (AdventureWorksDW records no delivery); returns are not in
-- AdventureWorksDW either: join your returns fact for status 'returned' and returned = 1.
-- modified_at is the latest change to any of the order's lines, so a changed line brings its whole order again.
CREATE OR ALTER VIEW journey.orders AS
SELECT CAST(SUBSTRING(f.SalesOrderNumber, 3, 18) AS bigint)      AS order_id,
       CAST(MIN(f.CustomerKey) AS bigint)                        AS customer_id,
       CAST(MIN(f.OrderDate) AS datetime2(0))                    AS ordered_at,
       N'web'                                                    AS channel,
       N'completed'                                              AS status,
       CAST(SUM(f.SalesAmount) AS decimal(14, 2))                AS revenue,
       CAST(MIN(f.DueDate) AS datetime2(0))                      AS promised_at,
       CAST(MAX(f.ShipDate) AS datetime2(0))                     AS delivered_at,
       CAST(0 AS bit)                                            AS returned,
       MAX(f.ModifiedDate)                                       AS modified_at
FROM dbo.FactInternetSales AS f
GROUP BY f.SalesOrderNumber;
