-- The star schema the journey views are written for, reduced to the columns they read: AdventureWorksDW's customer,
-- geography and product dimensions and FactInternetSales, plus the load-audit column ModifiedDate most warehouses
-- stamp, and the three facts AdventureWorksDW lacks (web events, support tickets, customer surveys). For trying the
-- views on an empty database; the SQL Server test suite builds its fixture on it.
CREATE TABLE dbo.DimGeography (
    GeographyKey int NOT NULL PRIMARY KEY,
    EnglishCountryRegionName nvarchar(50) NULL);
CREATE TABLE dbo.DimCustomer (
    CustomerKey int NOT NULL PRIMARY KEY,
    GeographyKey int NULL,
    EnglishOccupation nvarchar(100) NULL,
    YearlyIncome money NULL,
    DateFirstPurchase date NULL,
    ModifiedDate datetime2(7) NOT NULL);
CREATE TABLE dbo.DimProductCategory (
    ProductCategoryKey int NOT NULL PRIMARY KEY,
    EnglishProductCategoryName nvarchar(50) NOT NULL);
CREATE TABLE dbo.DimProductSubcategory (
    ProductSubcategoryKey int NOT NULL PRIMARY KEY,
    EnglishProductSubcategoryName nvarchar(50) NOT NULL,
    ProductCategoryKey int NULL);
CREATE TABLE dbo.DimProduct (
    ProductKey int NOT NULL PRIMARY KEY,
    EnglishProductName nvarchar(50) NOT NULL,
    ProductSubcategoryKey int NULL,
    ListPrice money NULL,
    ModifiedDate datetime2(7) NOT NULL);
CREATE TABLE dbo.FactInternetSales (
    SalesOrderNumber nvarchar(20) NOT NULL,
    SalesOrderLineNumber tinyint NOT NULL,
    CustomerKey int NOT NULL,
    ProductKey int NOT NULL,
    OrderDate datetime NOT NULL,
    DueDate datetime NULL,
    ShipDate datetime NULL,
    OrderQuantity smallint NOT NULL,
    UnitPrice money NOT NULL,
    SalesAmount money NOT NULL,
    ModifiedDate datetime2(7) NOT NULL,
    CONSTRAINT PK_FactInternetSales PRIMARY KEY (SalesOrderNumber, SalesOrderLineNumber));
CREATE TABLE dbo.FactWebEvent (
    WebEventKey bigint NOT NULL PRIMARY KEY,
    EventTime datetime2(3) NOT NULL,
    CustomerKey int NULL,
    AnonymousId nvarchar(64) NOT NULL,
    SessionId nvarchar(64) NOT NULL,
    Channel nvarchar(32) NOT NULL,
    DeviceType nvarchar(32) NOT NULL,
    EventType nvarchar(64) NOT NULL,
    ProductKey int NULL,
    ModifiedDate datetime2(7) NOT NULL);
CREATE TABLE dbo.FactSupportTicket (
    TicketKey bigint NOT NULL PRIMARY KEY,
    CustomerKey int NULL,
    OpenedAt datetime2(0) NOT NULL,
    Channel nvarchar(32) NOT NULL,
    Category nvarchar(100) NOT NULL,
    WaitMinutes int NULL,
    IsResolved bit NOT NULL,
    ModifiedDate datetime2(7) NOT NULL);
CREATE TABLE dbo.FactCustomerSurvey (
    SurveyKey bigint NOT NULL PRIMARY KEY,
    CustomerKey int NULL,
    AnsweredAt datetime2(0) NOT NULL,
    JourneyStage nvarchar(32) NOT NULL,
    Touchpoint nvarchar(32) NOT NULL,
    Nps tinyint NULL,
    Csat tinyint NULL,
    Ces tinyint NULL,
    Comment nvarchar(max) NULL,
    ModifiedDate datetime2(7) NOT NULL);
-- The refresh asks each fact for rows changed since its watermark: these make that a seek, not a scan.
CREATE INDEX IX_FactInternetSales_ModifiedDate ON dbo.FactInternetSales (ModifiedDate);
CREATE INDEX IX_FactWebEvent_ModifiedDate ON dbo.FactWebEvent (ModifiedDate);
