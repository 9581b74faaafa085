using Dapper;

namespace JourneyReports.Tests;

/// <summary>
/// The committed mappings against the real exports in ../shared/data. Expected figures were computed once outside the
/// product with Python's csv module, e.g.
///   python3 -c "import csv; r=[l.split() for l in open('CDNOW_master.txt').read().splitlines()[1:]]; print(len(r), len({x[0] for x in r}), round(sum(float(x[3]) for x in r),2))"
/// (REES46: rows of 9 fields, distinct user_id, event_type == 'purchase'; UCI: csv.DictReader rows with a Country and a
/// CustomerID, distinct InvoiceNo, those starting with 'C'; Olist: orders with order_delivered_customer_date later than
/// order_estimated_delivery_date, mean review_score.)
/// </summary>
public sealed class ImportTests : IAsyncDisposable
{
    TempWarehouse w = null!;
    string Rejects => Path.Combine(w.Directory, "rejects.csv");

    async Task<ImportResult> ImportAsync(string mapping)
    {
        w ??= await TempWarehouse.OpenAsync();
        await w.Connection.DisposeAsync(); // DuckDB: one connection per file at a time is the product's rule too.
        var result = await CsvImport.RunAsync(w.Warehouse, Path.Combine(RepoPaths.Root, "mappings", mapping), RepoPaths.SharedData, Rejects, CancellationToken.None);
        await w.ReopenAsync();
        return result;
    }

    Task<T> Scalar<T>(string sql) => w.Connection.ExecuteScalarAsync<T>(sql)!;

    public async ValueTask DisposeAsync()
    {
        if (w is not null) await w.DisposeAsync();
    }

    [Fact]
    public async Task Rees46_LoadsEveryEvent_AndRejectsTheTruncatedLastLine_WithItsLineNumber()
    {
        var result = await ImportAsync("rees46.json");

        Assert.Equal(17_434, result.Files[0].Loaded);
        Assert.Equal(1, result.Files[0].Rejected);
        Assert.Equal(17_434, await Scalar<long>("SELECT count(*) FROM events"));
        Assert.Equal(4_504, await Scalar<long>("SELECT count(DISTINCT customer_id) FROM events"));
        Assert.Equal(214, await Scalar<long>("SELECT count(*) FROM events WHERE event_type = 'purchase'"));
        Assert.Equal(4_504, await Scalar<long>("SELECT count(*) FROM customers"));
        var rejects = File.ReadAllLines(Rejects);
        Assert.Equal(2, rejects.Length);
        Assert.Contains("2019-Oct.csv,17436,", rejects[1]);
        Assert.Contains("Expected Number of Columns: 9 Found: 8", rejects[1]);
    }

    [Fact]
    public async Task Import_RunsUnderItsMemoryLimit_AndPutsTheWarehousesOwnLimitBack()
    {
        w = await TempWarehouse.OpenAsync();
        var before = await Scalar<string>("SELECT current_setting('memory_limit')");
        await w.Connection.DisposeAsync();

        var result = await CsvImport.RunAsync(w.Warehouse, Path.Combine(RepoPaths.Root, "mappings", "rees46.json"), RepoPaths.SharedData, Rejects, null,
            CancellationToken.None, memoryLimit: "64MB");
        await w.ReopenAsync();

        Assert.Equal(17_434, result.Files[0].Loaded);
        Assert.Equal(before, await Scalar<string>("SELECT current_setting('memory_limit')"));
    }

    [Fact]
    public async Task Import_ThatNeedsMoreThanItsMemoryLimit_FailsNamingTheSetting_AndLoadsNothing()
    {
        w = await TempWarehouse.OpenAsync();
        await w.Connection.DisposeAsync();

        // DuckDB's CSV reader alone wants blocks of about 30 MB: a 40 MB limit is too little for any file.
        var e = await Assert.ThrowsAsync<ImportException>(() => CsvImport.RunAsync(w.Warehouse, Path.Combine(RepoPaths.Root, "mappings", "rees46.json"),
            RepoPaths.SharedData, Rejects, null, CancellationToken.None, memoryLimit: "40MB"));
        await w.ReopenAsync();

        Assert.Contains("needed more memory than JourneyReports:Warehouse:ImportMemoryLimit (40MB) allows", e.Message);
        Assert.Contains("Nothing was imported", e.Message);
        Assert.Equal(0, await Scalar<long>("SELECT count(*) FROM events"));
        Assert.Equal(0, await Scalar<long>("SELECT count(*) FROM customers"));
    }

    [Fact]
    public async Task Rees46_EventIds_AreTheHashOfTheFileAndRecordNumber_SoAReImportReplacesRatherThanDuplicates()
    {
        await ImportAsync("rees46.json");
        await ImportAsync("rees46.json");

        Assert.Equal(17_434, await Scalar<long>("SELECT count(*) FROM events"));
        // md5 of "rees46/2019-Oct.csv", unit separator, "1": its first 15 hex digits, computed outside the product with
        // python3 -c "import hashlib; print(int(hashlib.md5(b'rees46/2019-Oct.csv\x1f1').hexdigest()[:15], 16))"
        Assert.Equal(830_258_952_014_403_248, await Scalar<long>(
            "SELECT event_id FROM events WHERE customer_id = 541312140 AND product_id = 44600062 AND occurred_at = TIMESTAMP '2019-10-01 00:00:00'"));
    }

    [Fact]
    public async Task Cdnow_WhitespaceColumns_YyyymmddDates_AndLeadingZeroIds()
    {
        var result = await ImportAsync("cdnow.json");

        Assert.Equal(0, result.Files[0].Rejected);
        Assert.Equal(69_659, await Scalar<long>("SELECT count(*) FROM orders"));
        Assert.Equal(23_570, await Scalar<long>("SELECT count(*) FROM customers"));
        Assert.Equal(2_500_315.63m, await Scalar<decimal>("SELECT sum(revenue) FROM orders"));
        Assert.Equal(new DateTime(1997, 1, 1), await Scalar<DateTime>("SELECT ordered_at FROM orders WHERE customer_id = 1"));
    }

    [Fact]
    public async Task OnlineRetail_BareCrFile_ReImportedTwice_GivesTheSameRows()
    {
        await ImportAsync("uci-online-retail.json");
        var again = await ImportAsync("uci-online-retail.json");

        Assert.Equal(10_329, await Scalar<long>("SELECT count(*) FROM order_lines"));
        Assert.Equal(597, await Scalar<long>("SELECT count(*) FROM orders"));
        Assert.Equal(66, await Scalar<long>("SELECT count(*) FROM orders WHERE status = 'cancelled'"));
        Assert.Equal(425, await Scalar<long>("SELECT count(*) FROM customers"));
        // 4,265 lines without a CustomerID plus the truncated "537".
        Assert.Equal(4_266, again.Files[0].Rejected);
        var rejects = File.ReadAllLines(Rejects);
        Assert.Contains(rejects, l => l.Contains("online_retail.csv,14596,") && l.EndsWith(",537"));
        Assert.Contains(rejects, l => l.Contains("online_retail.csv,624,623,order_lines,CustomerID is empty"));
    }

    [Fact]
    public async Task Olist_QuotedNewlines_TextIdsAndLookups()
    {
        var result = await ImportAsync("olist.json");

        Assert.All(result.Files, f => Assert.Equal(0, f.Rejected));
        Assert.Equal(15_000, await Scalar<long>("SELECT count(*) FROM orders"));
        Assert.Equal(17_071, await Scalar<long>("SELECT count(*) FROM order_lines"));
        Assert.Equal(14_944, await Scalar<long>("SELECT count(*) FROM surveys"));
        Assert.Equal(4.0841, Math.Round(await Scalar<double>("SELECT avg(csat) FROM surveys"), 4));
        Assert.Equal(1_156, await Scalar<long>("SELECT count(*) FROM orders WHERE delivered_at > promised_at"));
        Assert.Equal(14_552, await Scalar<long>("SELECT count(delivered_at) FROM orders"));
        Assert.Equal(0, await Scalar<long>("SELECT count(*) FROM surveys WHERE customer_id NOT IN (SELECT customer_id FROM customers)"));
    }

    [Theory]
    [InlineData("\"colour\": { \"const\": \"red\" }", "unknown field 'colour'")]
    [InlineData("\"name\": { \"column\": \"no_such_column\" }", "column 'no_such_column' is not in")]
    [InlineData("\"name\": { \"column\": \"brand\" ", "is not a valid mapping")]
    public async Task BadMapping_IsNamed_AndWritesNothing(string field, string message)
    {
        w = await TempWarehouse.OpenAsync();
        var mapping = Path.Combine(w.Directory, "bad.json");
        File.WriteAllText(mapping, $$"""
            { "sources": [ { "file": "rees46-multicategory-2019oct-head/2019-Oct.csv", "targets": [ { "table": "products", "key": ["product_id"],
              "fields": { "product_id": { "column": "product_id" }, "category": { "const": "c" }, "department": { "const": "d" },
                          "list_price": { "column": "price" }, {{field}} } } ] } ] }
            """);
        await w.Connection.DisposeAsync();

        var e = await Assert.ThrowsAsync<ImportException>(() =>
            CsvImport.RunAsync(w.Warehouse, mapping, RepoPaths.SharedData, Rejects, CancellationToken.None));

        Assert.Contains(message, e.Message);
        await w.ReopenAsync();
        Assert.Equal(0, await Scalar<long>("SELECT count(*) FROM products"));
    }

    [Fact]
    public async Task MissingDataFile_IsNamed()
    {
        w = await TempWarehouse.OpenAsync();
        await w.Connection.DisposeAsync();

        var e = await Assert.ThrowsAsync<ImportException>(() =>
            CsvImport.RunAsync(w.Warehouse, Path.Combine(RepoPaths.Root, "mappings", "cdnow.json"), w.Directory, Rejects, CancellationToken.None));

        Assert.Contains("CDNOW_master.txt", e.Message);
        Assert.Contains("does not exist", e.Message);
        await w.ReopenAsync();
    }
}
