using System.Diagnostics;

namespace JourneyReports.Tests;

/// <summary>The import verb as a user runs it (the real executable in a child process) on files that deserve a warning or must fail.</summary>
public sealed class ImportVerbTests : IDisposable
{
    readonly string work = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"));

    public ImportVerbTests() => Directory.CreateDirectory(work);

    public void Dispose()
    {
        try { Directory.Delete(work, recursive: true); } catch (IOException) { }
    }

    const string Mapping = """
        { "sources": [ { "file": "people.csv", "targets": [ { "table": "customers", "key": ["customer_id"], "fields": {
            "customer_id": { "column": "id" }, "persona": { "column": "name" }, "segment": { "const": "consumer" },
            "region": { "column": "city" }, "signup_at": { "column": "joined" }, "acquisition_channel": { "const": "web" } } } ] } ] }
        """;

    string WriteFiles(string csv)
    {
        File.WriteAllText(Path.Combine(work, "people.csv"), csv);
        var mapping = Path.Combine(work, "mapping.json");
        File.WriteAllText(mapping, Mapping);
        return mapping;
    }

    [Fact]
    public async Task HeaderOnlyFile_ExitsWith0_AndPrintsAWarningNamingTheFile()
    {
        var mapping = WriteFiles("id,name,city,joined\n");

        var result = await CliAsync("import", "--mapping", mapping, "--rejects", Path.Combine(work, "rejects.csv"));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("people.csv: 0 loaded", result.Output);
        Assert.Contains($"warning: {Path.Combine(work, "people.csv")} has a header but no data rows", result.Output);
    }

    const string MostlyBad = "id,name,city,joined\n1,Ann,Leeds,2024-01-02 10:00:00\n2,Bob,York,soon\n3,Cy,Hull,later\n";

    [Fact]
    public async Task MostlyRejectedFile_ExitsWith2_NamingTheFileAndReasons_AndStillWritesTheRejects()
    {
        var mapping = WriteFiles(MostlyBad);
        var rejects = Path.Combine(work, "rejects.csv");

        var result = await CliAsync("import", "--mapping", mapping, "--rejects", rejects);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{Path.Combine(work, "people.csv")}: 2 of its 3 rows were rejected (66.7%), more than the 10% allowed", result.Output);
        Assert.Contains("signup_at is not a timestamp (2)", result.Output);
        Assert.Equal(3, File.ReadAllLines(rejects).Length);
    }

    [Theory]
    [InlineData("70%")]
    [InlineData("0.7")]
    public async Task MaxRejectedOption_RaisesTheLimit(string share)
    {
        var mapping = WriteFiles(MostlyBad);

        var result = await CliAsync("import", "--mapping", mapping, "--rejects", Path.Combine(work, "rejects.csv"), "--max-rejected", share);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("people.csv: 1 loaded, 2 rejected", result.Output);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("150%")]
    [InlineData("10")]
    public async Task MaxRejectedOption_ThatIsNotAShare_IsAUsageError(string share)
    {
        var mapping = WriteFiles(MostlyBad);

        var result = await CliAsync("import", "--mapping", mapping, "--max-rejected", share);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--max-rejected '{share}' is not a share", result.Output);
    }

    async Task<(int ExitCode, string Output)> CliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "JourneyReports.Server.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["JourneyReports__DataDirectory"] = Path.Combine(work, "data");
        start.Environment["JourneyReports__DashboardsDirectory"] = Path.Combine(RepoPaths.Root, "dashboards");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
