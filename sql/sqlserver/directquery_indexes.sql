-- DirectQuery, optional but recommended on big facts (run as the warehouse's owner, after the journey views): every
-- metric query scans a period of the event and order facts and aggregates it, the work columnstore indexes are for.
-- A nonclustered columnstore index on each fact, over the columns the journey views read, lets SQL Server read only
-- those columns, compressed, in batch mode, and skip row groups outside the period (segment elimination on the time
-- column: load facts in time order, or rebuild now and then, so each row group covers a narrow span). The rowstore
-- stays as it is for the loads. Written for the example star schema (sql/sqlserver/example/star_schema.sql): use your
-- facts' names. Needs SQL Server 2016 or later; idempotent. See docs/directquery.md.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.FactWebEvent') AND name = N'NCCI_FactWebEvent_journey')
    CREATE NONCLUSTERED COLUMNSTORE INDEX NCCI_FactWebEvent_journey ON dbo.FactWebEvent
        (EventTime, CustomerKey, AnonymousId, SessionId, Channel, DeviceType, EventType, ProductKey, ModifiedDate);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.FactInternetSales') AND name = N'NCCI_FactInternetSales_journey')
    CREATE NONCLUSTERED COLUMNSTORE INDEX NCCI_FactInternetSales_journey ON dbo.FactInternetSales
        (SalesOrderNumber, SalesOrderLineNumber, CustomerKey, ProductKey, OrderDate, DueDate, ShipDate, OrderQuantity, UnitPrice, SalesAmount, ModifiedDate);

-- Identity stitching joins every event to journey.identities, a grouping of the same fact by anonymous id; a rowstore
-- index that covers it keeps that grouping a stream aggregate instead of a sort.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE object_id = OBJECT_ID(N'dbo.FactWebEvent') AND name = N'IX_FactWebEvent_AnonymousId')
    CREATE INDEX IX_FactWebEvent_AnonymousId ON dbo.FactWebEvent (AnonymousId, EventTime) INCLUDE (CustomerKey, ModifiedDate);
