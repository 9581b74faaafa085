using System.Text;
using Dapper;

namespace JourneyReports.Tests;

/// <summary>
/// Files that are wrong as a whole rather than row by row (empty, header only, broken quoting, another encoding, mostly
/// rejected): each is named with its problem, never loaded half-way and never reported as a success it is not.
/// Tiny files built here byte by byte; the mapping loads them as customers.
/// </summary>
public sealed class ImportFileProblemsTests : IAsyncDisposable
{
    readonly string dir = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"));
    TempWarehouse w = null!;
    string MappingPath => Path.Combine(dir, "mapping.json");
    string RejectsPath => Path.Combine(dir, "rejects.csv");

    public async ValueTask DisposeAsync()
    {
        if (w is not null) await w.DisposeAsync();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>A mapping of people.csv (id,name,city,joined) to customers; <paramref name="csv"/> and <paramref name="source"/> add properties.</summary>
    static string Mapping(string csv = "", string source = "") => $$"""
        { "sources": [ { "file": "people.csv", "csv": { {{csv}} }, {{source}}
          "targets": [ { "table": "customers", "key": ["customer_id"], "fields": {
            "customer_id": { "column": "id" }, "persona": { "column": "name" }, "segment": { "const": "consumer" },
            "region": { "column": "city" }, "signup_at": { "column": "joined" }, "acquisition_channel": { "const": "web" } } } ] } ] }
        """;

    const string Header = "id,name,city,joined\n";

    static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    Task<ImportResult> ImportAsync(string text, string? mapping = null) => ImportAsync(Utf8(text), mapping);

    async Task<ImportResult> ImportAsync(byte[] file, string? mapping = null)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, "people.csv"), file);
        File.WriteAllText(MappingPath, mapping ?? Mapping());
        w ??= await TempWarehouse.OpenAsync();
        await w.Connection.DisposeAsync();
        try
        {
            return await CsvImport.RunAsync(w.Warehouse, MappingPath, null, RejectsPath, CancellationToken.None);
        }
        finally
        {
            await w.ReopenAsync();
        }
    }

    Task<long> Customers() => w.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM customers");

    [Fact]
    public async Task ZeroByteFile_IsNamedAsEmpty_NotAsAFileWithAColumn0()
    {
        var e = await Assert.ThrowsAsync<ImportException>(() => ImportAsync([]));

        Assert.Contains("people.csv", e.Message);
        Assert.Contains("is empty (0 bytes)", e.Message);
        Assert.DoesNotContain("column0", e.Message);
        Assert.Equal(0, await Customers());
    }

    [Theory]
    [InlineData(Header)]
    [InlineData("\uFEFFid,name,city,joined\r\n")]
    [InlineData("id,name,city,joined")]
    public async Task HeaderOnlyFile_LoadsNothing_AndSaysSo(string text)
    {
        var result = await ImportAsync(text);

        Assert.Equal(0, result.Files[0].Records);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("people.csv", warning);
        Assert.Contains("has a header but no data rows", warning);
        Assert.Equal(0, await Customers());
    }

    [Fact]
    public async Task FileWithRows_HasNoWarning()
    {
        var result = await ImportAsync(Header + "1,Ann,Leeds,2024-01-02 10:00:00\n");

        Assert.Equal(1, result.Files[0].Loaded);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    // The quote opened on line 3 is never closed: the rest of the file would be one field.
    [InlineData("1,\"Ann\",Leeds,2024-01-02 10:00:00\n2,\"Bob,York,2024-01-03 10:00:00\n3,Cy,Hull,2024-01-04 10:00:00\n")]
    // ... or it is "closed" by the next quote, on line 4, which is followed by text instead of a delimiter.
    [InlineData("1,\"Ann\",Leeds,2024-01-02 10:00:00\r\n2,\"Bob,York,2024-01-03 10:00:00\r\n3,\"Cy\",Hull,2024-01-04 10:00:00\r\n")]
    public async Task UnterminatedQuote_IsNamedWithTheFileAndTheLineItStartsOn(string rows)
    {
        var e = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(Header + rows));

        Assert.Contains("people.csv", e.Message);
        Assert.Contains("line 3", e.Message);
        Assert.Contains("quote", e.Message);
        Assert.Equal(0, await Customers());
    }

    [Fact]
    public async Task QuotedNewlinesAndDoubledQuotes_AreNotMistakenForAnUnterminatedQuote()
    {
        var result = await ImportAsync(Header + "1,\"Ann \"\"the hat\"\"\nSmith\",Leeds,2024-01-02 10:00:00\n2,Bob,York,2024-01-03 10:00:00\n");

        Assert.Equal(2, result.Files[0].Loaded);
        Assert.Equal("Ann \"the hat\"\nSmith", await w.Connection.ExecuteScalarAsync<string>("SELECT persona FROM customers WHERE customer_id = 1"));
    }

    [Fact]
    public async Task QuoteInsideAnUnquotedField_IsText_AndLaterRejectsKeepTheirLines()
    {
        var result = await ImportAsync(Header + "1,Ann 5\" tall,Leeds,2024-01-02 10:00:00\n2,Bob,York,yesterday\n3,Cy,Hull,2024-01-04 10:00:00\n");

        Assert.Equal(2, result.Files[0].Loaded);
        Assert.Contains(File.ReadAllLines(RejectsPath), l => l.Contains("people.csv,3,2,customers,signup_at: 'yesterday' is not a timestamp"));
    }
}
