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
    static string Mapping(string csv = "", string source = "") => $$"""{ "sources": [ {{Source(csv, source)}} ] }""";

    static string Source(string csv = "", string source = "", string file = "people.csv") => $$"""
        { "file": "{{file}}", "csv": { {{csv}} }, {{source}}
          "targets": [ { "table": "customers", "key": ["customer_id"], "fields": {
            "customer_id": { "column": "id" }, "persona": { "column": "name" }, "segment": { "const": "consumer" },
            "region": { "column": "city" }, "signup_at": { "column": "joined" }, "acquisition_channel": { "const": "web" } } } ] }
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
    [InlineData("\uFEFF", "3 bytes")] // what Excel's "CSV UTF-8" writes for an empty sheet
    [InlineData("\r\n\r\n", "4 bytes")]
    public async Task FileOfOnlyABomOrBlankLines_IsNamedAsEmpty_NotAsAFileWithAColumn0(string text, string size)
    {
        var e = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(text));

        Assert.Contains($"people.csv is empty ({size}: only a byte order mark or blank lines)", e.Message);
        Assert.DoesNotContain("column0", e.Message);
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
        var result = await ImportAsync(Header + "1,Ann 5\" tall,Leeds,2024-01-02 10:00:00\n2,Bob,York,yesterday\n3,Cy,Hull,2024-01-04 10:00:00\n",
            Mapping(source: "\"maxRejectedShare\": 0.5,"));

        Assert.Equal(2, result.Files[0].Loaded);
        Assert.Contains(File.ReadAllLines(RejectsPath), l => l.Contains("people.csv,3,2,customers,signup_at: 'yesterday' is not a timestamp"));
    }

    // ---- encodings ----

    static readonly Encoding Latin1 = Encoding.Latin1;
    static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>289 data rows as in issue 13; every fourth has a name with an accent (72 of them).</summary>
    static string ManyPeople(int firstId = 1)
    {
        var text = new StringBuilder(Header);
        for (var i = 1; i <= 289; i++) text.Append($"{firstId + i - 1},{(i % 4 == 0 ? "José" : "Joe")},Lyon,2024-01-02 10:00:00\n");
        return text.ToString();
    }

    [Fact]
    public async Task Latin1File_WithoutAnEncoding_FailsNamingTheFileAndTheOption_InsteadOfDroppingItsAccentedRows()
    {
        var e = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(Latin1.GetBytes(ManyPeople())));

        Assert.Contains("people.csv is not valid UTF-8", e.Message);
        Assert.Contains("72 of its 289 data lines", e.Message);
        Assert.Contains("the first is line 5", e.Message);
        Assert.Contains("\"encoding\"", e.Message);
        Assert.Contains("windows-1252", e.Message);
        Assert.Contains("latin-1", e.Message);
        Assert.Equal(0, await Customers());
    }

    [Fact]
    public async Task Latin1Header_WithoutAnEncoding_FailsTheSameWay_NotWithColumnsGuessedFromALaterLine()
    {
        var e = await Assert.ThrowsAsync<ImportException>(() =>
            ImportAsync(Latin1.GetBytes("id,name,city,joined,année\n1,Ann,Leeds,2024-01-02 10:00:00,2024\n")));

        Assert.Contains("people.csv is not valid UTF-8", e.Message);
        Assert.Contains("line 1", e.Message);
        Assert.Contains("\"encoding\"", e.Message);
    }

    [Fact]
    public async Task Latin1File_WithEncodingLatin1_LoadsEveryRow_AndRejectsKeepTheirPhysicalLines()
    {
        var text = Header + "1,\"Zoë\nSéverine\",Besançon,2024-01-02 10:00:00\n2,Noël,Orléans,demain\n" + ManyPeople(firstId: 101)[Header.Length..];

        var result = await ImportAsync(Latin1.GetBytes(text), Mapping("\"encoding\": \"latin-1\""));

        Assert.Equal(290, result.Files[0].Loaded);
        Assert.Equal("Zoë\nSéverine", await w.Connection.ExecuteScalarAsync<string>("SELECT persona FROM customers WHERE customer_id = 1"));
        Assert.Equal(72, await w.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM customers WHERE persona = 'José'"));
        // Record 2 starts on line 4: the quoted newline in record 1 is a line of its own.
        Assert.Contains(File.ReadAllLines(RejectsPath), l => l.Contains("people.csv,4,2,customers,signup_at: 'demain' is not a timestamp") && l.EndsWith("\"2,Noël,Orléans,demain\""));
        Assert.Equal(1, result.Files[0].Rejected);
    }

    [Theory]
    [InlineData("iso-8859-1")]
    [InlineData("Latin1")]
    public async Task Latin1_AcceptsItsUsualNames(string name)
    {
        var result = await ImportAsync(Latin1.GetBytes(Header + "1,Zoë,Besançon,2024-01-02 10:00:00\n"), Mapping($"\"encoding\": \"{name}\""));

        Assert.Equal(1, result.Files[0].Loaded);
        Assert.Equal("Zoë", await w.Connection.ExecuteScalarAsync<string>("SELECT persona FROM customers"));
    }

    [Fact]
    public async Task Windows1252File_IsTranscoded_EuroAndCurlyQuotesIntact_LinesKept()
    {
        var text = Header.Replace("\n", "\r\n") + "1,\"“Zoë” €5\nnote\",Besançon,2024-01-02 10:00:00\r\n2,Noël – x,Orléans,demain\r\n3,Ann,Leeds,2024-01-03 10:00:00\r\n";

        var result = await ImportAsync(Windows1252.GetBytes(text), Mapping("\"encoding\": \"windows-1252\"", "\"maxRejectedShare\": 0.5,"));

        Assert.Equal(2, result.Files[0].Loaded);
        Assert.Equal("“Zoë” €5\nnote", await w.Connection.ExecuteScalarAsync<string>("SELECT persona FROM customers WHERE customer_id = 1"));
        Assert.Contains(File.ReadAllLines(RejectsPath), l => l.Contains("people.csv,4,2,customers,signup_at: 'demain' is not a timestamp") && l.EndsWith("\"2,Noël – x,Orléans,demain\""));
    }

    [Fact]
    public async Task Windows1252File_DeclaredLatin1_IsNamedWithTheLine_AndPointsToWindows1252()
    {
        var text = Header + "1,Ann,Leeds,2024-01-02 10:00:00\n2,Zoë,Besançon,2024-01-02 10:00:00\n3,€5,Leeds,2024-01-02 10:00:00\n";

        var e = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(Windows1252.GetBytes(text), Mapping("\"encoding\": \"latin-1\"")));

        Assert.Contains("people.csv is not Latin-1", e.Message);
        Assert.Contains("line 4", e.Message);
        Assert.Contains("\"windows-1252\"", e.Message);
    }

    [Theory]
    [InlineData("utf-16", "utf-16le")]
    [InlineData("utf-16", "utf-16be")]
    [InlineData("utf-16be", "utf-16be")]
    public async Task Utf16File_WithByteOrderMark_IsTranscoded(string declared, string written)
    {
        var encoding = written == "utf-16le" ? Encoding.Unicode : Encoding.BigEndianUnicode;
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Header + "1,Zoë,Besançon,2024-01-02 10:00:00\n2,Ann,Leeds,2024-01-03 10:00:00\n")).ToArray();

        var result = await ImportAsync(bytes, Mapping($"\"encoding\": \"{declared}\""));

        Assert.Equal(2, result.Files[0].Loaded);
        Assert.Equal("Zoë", await w.Connection.ExecuteScalarAsync<string>("SELECT persona FROM customers WHERE customer_id = 1"));
    }

    [Fact]
    public async Task Utf16File_WithoutAnEncoding_SuggestsUtf16()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Header + "1,Ann,Leeds,2024-01-02 10:00:00\n")).ToArray();

        var e = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(bytes));

        Assert.Contains("people.csv is not valid UTF-8", e.Message);
        Assert.Contains("\"utf-16\"", e.Message);
    }

    [Fact]
    public async Task Utf8DeclaredExplicitly_RejectsOnlyTheDamagedLine_WithItsLine()
    {
        var bytes = Utf8(Header + "1,Zoë,Leeds,2024-01-02 10:00:00\n").Concat(Latin1.GetBytes("2,Zoë,York,2024-01-03 10:00:00\n"))
            .Concat(Utf8("3,Ann,Hull,2024-01-04 10:00:00\n")).ToArray();

        var result = await ImportAsync(bytes, Mapping("\"encoding\": \"utf-8\"", "\"maxRejectedShare\": 0.5,"));

        Assert.Equal(2, result.Files[0].Loaded);
        Assert.Equal(1, result.Files[0].Unreadable);
        Assert.Contains(File.ReadAllLines(RejectsPath), l => l.Contains("people.csv,3,,,") && l.Contains("not utf-8 encoded"));
    }

    [Fact]
    public async Task UnknownEncoding_IsAMappingError_NamingTheValueAndTheAcceptedOnes()
    {
        var e = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(Header, Mapping("\"encoding\": \"ebcdic\"")));

        Assert.Contains("mapping.json", e.Message);
        Assert.Contains("unknown encoding 'ebcdic'", e.Message);
        Assert.Contains("utf-8, latin-1", e.Message);
        Assert.Contains("windows-1252", e.Message);
    }

    [Theory]
    [InlineData("latin-1")]
    [InlineData("windows-1252")]
    public async Task WhitespaceSeparatedFile_InASingleByteEncoding_Loads(string encoding)
    {
        var text = "id   name   city       joined\r\n1    Zoë    Besançon   20240102\r\n2    Noël   Orléans    20240103\r\n";

        var result = await ImportAsync(Latin1.GetBytes(text),
            Mapping($"\"delimiter\": \"whitespace\", \"timestampFormat\": \"%Y%m%d\", \"encoding\": \"{encoding}\""));

        Assert.Equal(2, result.Files[0].Loaded);
        Assert.Equal("Besançon", await w.Connection.ExecuteScalarAsync<string>("SELECT region FROM customers WHERE customer_id = 1"));
    }

    // ---- the share of rejected rows ----

    /// <summary>10 data rows: <paramref name="badDates"/> with a date that is not one, <paramref name="badIds"/> with an id that is not a number.</summary>
    static string People(int badDates, int badIds = 0, int noCity = 0)
    {
        var text = new StringBuilder(Header);
        for (var i = 1; i <= 10; i++)
        {
            var id = i <= badDates + badIds && i > badDates ? $"x{i}" : $"{i}";
            var city = i > 10 - noCity ? "" : "Leeds";
            text.Append($"{id},P{i},{city},{(i <= badDates ? "soon" : "2024-01-02 10:00:00")}\n");
        }
        return text.ToString();
    }

    [Fact]
    public async Task MostlyRejectedFile_FailsTheWholeImport_NamingTheFileCountsAndTopReasons_AndStillWritesTheRejects()
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "good.csv"), Header + "100,Ann,Leeds,2024-01-02 10:00:00\n");
        var mapping = $$"""{ "sources": [ {{Source(file: "good.csv")}}, {{Source()}} ] }""";

        var e = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(People(badDates: 6, badIds: 2), mapping));

        Assert.Contains("people.csv: 8 of its 10 rows were rejected (80%), more than the 10% allowed", e.Message);
        Assert.Contains("signup_at is not a timestamp (6), customer_id is not a whole number (2)", e.Message);
        Assert.Contains("maxRejectedShare", e.Message);
        Assert.Contains(RejectsPath, e.Message);
        Assert.DoesNotContain("good.csv", e.Message);
        // One transaction: the good file is not loaded either; the rejects say why.
        Assert.Equal(0, await Customers());
        Assert.Equal(9, File.ReadAllLines(RejectsPath).Length);
    }

    [Fact]
    public async Task RejectsUpToTheShare_Load()
    {
        var result = await ImportAsync(People(badDates: 1));

        Assert.Equal(9, result.Files[0].Loaded);
        Assert.Equal(1, result.Files[0].Rejected);
    }

    [Fact]
    public async Task MaxRejectedShare_OnTheSource_RaisesTheLimit()
    {
        var result = await ImportAsync(People(badDates: 6, badIds: 2), Mapping(source: "\"maxRejectedShare\": 0.8,"));

        Assert.Equal(2, result.Files[0].Loaded);
        Assert.Equal(2, await Customers());
    }

    [Fact]
    public async Task TheCallersShare_OverridesTheMapping()
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "people.csv"), People(badDates: 2));
        File.WriteAllText(MappingPath, Mapping(source: "\"maxRejectedShare\": 0.5,"));
        w = await TempWarehouse.OpenAsync();
        await w.Connection.DisposeAsync();

        var e = await Assert.ThrowsAsync<ImportException>(() => CsvImport.RunAsync(w.Warehouse, MappingPath, null, RejectsPath, 0.1, CancellationToken.None));

        Assert.Contains("2 of its 10 rows were rejected (20%), more than the 10% allowed", e.Message);
        await w.ReopenAsync();
    }

    [Fact]
    public async Task RowsLeftOutByRequire_AreNotCountedAgainstTheShare()
    {
        var mapping = Mapping().Replace("\"key\": [\"customer_id\"],", "\"key\": [\"customer_id\"], \"require\": [\"city\"],");

        var result = await ImportAsync(People(badDates: 0, noCity: 6), mapping);

        Assert.Equal(4, result.Files[0].Loaded);
        Assert.Equal(6, result.Files[0].Rejected);
        Assert.Contains(File.ReadAllLines(RejectsPath), l => l.Contains("people.csv,11,10,customers,city is empty"));
    }

    [Fact]
    public async Task RowsLeftOutByRequire_AreNotInTheTotalEither()
    {
        var mapping = Mapping().Replace("\"key\": [\"customer_id\"],", "\"key\": [\"customer_id\"], \"require\": [\"city\"],");

        var e = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(People(badDates: 1, noCity: 6), mapping));

        Assert.Contains("people.csv: 1 of its 4 rows were rejected (25%), more than the 10% allowed (6 more rows left out by \"require\" are not counted)", e.Message);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    public async Task MaxRejectedShare_OutsideZeroToOne_IsAMappingError(string share)
    {
        var e = await Assert.ThrowsAsync<ImportException>(() => ImportAsync(People(0), Mapping(source: $"\"maxRejectedShare\": {share},")));

        Assert.Contains("mapping.json", e.Message);
        Assert.Contains($"maxRejectedShare {share}", e.Message);
    }
}
