using Dapper;

namespace JourneyReports.Tests;

/// <summary>Rows that parse but break the model: each rejected with its physical line and a reason, the rest loaded.</summary>
public sealed class ImportRejectsTests : IAsyncDisposable
{
    readonly string dir = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"));
    TempWarehouse w = null!;

    public async ValueTask DisposeAsync()
    {
        if (w is not null) await w.DisposeAsync();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    const string Mapping = """
        { "sources": [ { "file": "lines.csv", "csv": { "timestampFormat": "%d/%m/%Y %H:%M", "timeZone": "America/New_York" },
          "maxRejectedShare": 1, // these files are mostly bad rows on purpose
          "targets": [ { "table": "orders", "key": ["order_id"], "fields": {
            "order_id": { "column": "id" }, "customer_id": { "column": "customer" }, "ordered_at": { "column": "at" },
            "channel": { "const": "web" }, "status": { "const": "completed" }, "revenue": { "column": "amount" },
            "returned": { "const": false } } } ] } ] }
        """;

    async Task<ImportResult> ImportAsync(string csv, string mapping = Mapping)
    {
        Directory.CreateDirectory(dir);
        // BOM and CRLF as spreadsheet exports write them.
        File.WriteAllText(Path.Combine(dir, "lines.csv"), "\uFEFF" + csv.ReplaceLineEndings("\r\n"));
        File.WriteAllText(Path.Combine(dir, "mapping.json"), mapping);
        w = await TempWarehouse.OpenAsync();
        await w.Connection.DisposeAsync();
        var result = await CsvImport.RunAsync(w.Warehouse, Path.Combine(dir, "mapping.json"), null, Path.Combine(dir, "rejects.csv"), CancellationToken.None);
        await w.ReopenAsync();
        return result;
    }

    [Fact]
    public async Task BadValues_AreRejectedWithLineAndReason_GoodRowsLoad_InUtc()
    {
        var result = await ImportAsync("""
            id,customer,at,amount,note
            "00001",7,31/12/2024 19:30,10.50,"a note
            over two lines"
            2,7,2024-12-31,5,
            3.0,8,01/01/2025 08:00,5,
            4.5,8,01/01/2025 08:00,5,
            5,8,01/01/2025 08:00,abc,
            6,,01/01/2025 08:00,5,
            """);

        Assert.Equal(2, result.Files[0].Loaded);
        Assert.Equal(4, result.Files[0].Rejected);
        var rejects = File.ReadAllLines(Path.Combine(dir, "rejects.csv"));
        Assert.Contains(rejects, l => l.Contains("lines.csv,4,2,orders,ordered_at: '2024-12-31' is not a timestamp (format %d/%m/%Y %H:%M)"));
        Assert.Contains(rejects, l => l.Contains("lines.csv,6,4,orders,order_id: '4.5' is not a whole number"));
        Assert.Contains(rejects, l => l.Contains("lines.csv,7,5,orders,revenue: 'abc' is not a number"));
        Assert.Contains(rejects, l => l.Contains("lines.csv,8,6,orders,customer_id is missing"));
        Assert.Equal(3, await w.Connection.ExecuteScalarAsync<long>("SELECT order_id FROM orders WHERE order_id <> 1"));
        // New York 19:30 on 31 Dec is 00:30 UTC on 1 Jan.
        Assert.Equal(new DateTime(2025, 1, 1, 0, 30, 0), await w.Connection.ExecuteScalarAsync<DateTime>("SELECT ordered_at FROM orders WHERE order_id = 1"));
    }

    [Fact]
    public async Task MalformedTimestampFormat_IsNamed_BeforeAnythingIsRead()
    {
        var e = await Assert.ThrowsAsync<ImportException>(() => ImportAsync("id\n1\n", Mapping.Replace("%d/%m/%Y %H:%M", "%Q")));

        Assert.Contains("timestamp format '%Q' is not valid", e.Message);
        Assert.Contains("mapping.json", e.Message);
    }

    [Fact]
    public async Task MalformedJson_IsNamed()
    {
        var e = await Assert.ThrowsAsync<ImportException>(() => ImportAsync("id\n1\n", Mapping[..40]));

        Assert.Contains("mapping.json' is not a valid mapping", e.Message);
    }
}
