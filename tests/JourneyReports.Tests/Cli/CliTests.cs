using System.Diagnostics;
using DuckDB.NET.Data;
using MimeKit;

namespace JourneyReports.Tests;

/// <summary>The CLI verbs as a user runs them: the real executable in a child process, configured by environment variables.</summary>
public sealed class CliTests : IDisposable
{
    readonly string work = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"));
    string DataDirectory => Path.Combine(work, "data");

    public CliTests() => Directory.CreateDirectory(work);

    public void Dispose()
    {
        try { Directory.Delete(work, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task SeedThenRun_WritesTheArtifactsAndTheEmail_ToTheOutFolder()
    {
        var seed = await CliAsync("seed", "--scale", "0.01", "--seed", "3");
        Assert.True(seed.ExitCode == 0, seed.Output);
        Assert.Contains("Generated demo data at scale 0.01 (seed 3", seed.Output);

        var outDir = Path.Combine(work, "out");
        var run = await CliAsync("run", "executive-weekly", "--out", outDir, "--to", "me@example.com", "--tz", "America/New_York");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("(America/New_York)", run.Output);
        Assert.Contains(Path.Combine(outDir, "dashboard.png"), run.Output);
        Assert.True(File.Exists(Path.Combine(outDir, "workbook.xlsx")));
        var email = MimeMessage.Load(Directory.GetFiles(outDir, "*.eml").Single());
        Assert.Equal("me@example.com", email.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Metrics_PrintsAFamily_AsCsvAndJson_WithFilters()
    {
        Assert.Equal(0, (await CliAsync("seed", "--scale", "0.01", "--seed", "5")).ExitCode);

        var csv = await CliAsync("metrics", "funnel", "--from", "2026-01-05", "--to", "2026-12-31", "--format", "csv");
        var json = await CliAsync("metrics", "kpis", "--from", "2026-01-05", "--to", "2026-12-31", "--persona", "Loyal regular");

        Assert.True(csv.ExitCode == 0, csv.Output);
        var lines = csv.Output.Trim().Split('\n');
        Assert.Equal("Order,Stage,Customers,DropOff", lines[0].Trim());
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("1,awareness,", lines[1]);
        Assert.True(json.ExitCode == 0, json.Output);
        Assert.Contains("\"key\": \"visitors\"", json.Output);
        Assert.Contains("\"format\": \"count\"", json.Output);

        var compared = await CliAsync("metrics", "funnel", "--from", "2026-10-01", "--to", "2026-10-31", "--compare", "previous-period");
        Assert.True(compared.ExitCode == 0, compared.Output);
        using var doc = System.Text.Json.JsonDocument.Parse(compared.Output);
        Assert.Equal("2026-08-31", doc.RootElement.GetProperty("comparison").GetProperty("from").GetString());
        Assert.Equal(6, doc.RootElement.GetProperty("comparisonRows").GetArrayLength());
    }

    [Fact]
    public async Task Metrics_Departments_AsAWorkbook_ForOneDepartmentOnly()
    {
        Assert.Equal(0, (await CliAsync("seed", "--scale", "0.01", "--seed", "5")).ExitCode);
        var file = Path.Combine(work, "fashion.xlsx");

        var result = await CliAsync("metrics", "departments", "--from", "2026-01-05", "--to", "2026-12-31", "--department", "Fashion", "--xlsx", file);

        Assert.True(result.ExitCode == 0, result.Output);
        using var workbook = new ClosedXML.Excel.XLWorkbook(file);
        Assert.Equal(["Summary", "Fashion"], workbook.Worksheets.Select(s => s.Name));
    }

    [Fact]
    public async Task Dashboard_ListsTheValidDefinitions_AndRendersOne_AsPngSvgOrPdfByExtension()
    {
        Assert.Equal(0, (await CliAsync("seed", "--scale", "0.01", "--seed", "5")).ExitCode);
        var folder = Path.Combine(RepoPaths.Root, "dashboards");
        var png = Path.Combine(work, "funnel.png");
        var svg = Path.Combine(work, "funnel.svg");
        var pdf = Path.Combine(work, "funnel.pdf");

        var list = await CliAsync("dashboard", "--folder", folder);
        var render = await CliAsync("dashboard", "funnel-and-drop-off", "--folder", folder, "--out", png, "--width", "1200");
        var renderSvg = await CliAsync("dashboard", "funnel-and-drop-off", "--folder", folder, "--out", svg, "--width", "1200");
        var renderPdf = await CliAsync("dashboard", "funnel-and-drop-off", "--folder", folder, "--out", pdf, "--width", "1200");

        Assert.True(list.ExitCode == 0, list.Output);
        Assert.Contains("executive-weekly  Executive weekly journey", list.Output);
        Assert.True(render.ExitCode == 0, render.Output);
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        Assert.Equal(1200, bitmap.Width);
        Assert.True(renderSvg.ExitCode == 0, renderSvg.Output);
        SvgAssert.Valid(await File.ReadAllTextAsync(svg), 1200, bitmap.Height, "Funnel and drop-off");
        Assert.True(renderPdf.ExitCode == 0, renderPdf.Output);
        Assert.Contains($"to {pdf}", renderPdf.Output);
        Assert.Contains("Funnel and drop-off", PdfAssert.Valid(await File.ReadAllBytesAsync(pdf), 1200, bitmap.Height, "Funnel and drop-off"));
        Assert.Equal(["funnel.pdf", "funnel.png", "funnel.svg"], Directory.GetFiles(work, "funnel.*").Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Dashboard_WritesAWorkbook_WithOrWithoutThePng_AndLeavesNoPartialFile()
    {
        Assert.Equal(0, (await CliAsync("seed", "--scale", "0.01", "--seed", "5")).ExitCode);
        var folder = Path.Combine(RepoPaths.Root, "dashboards");
        var (xlsx, png) = (Path.Combine(work, "weekly.xlsx"), Path.Combine(work, "weekly.png"));

        var both = await CliAsync("dashboard", "executive-weekly", "--folder", folder, "--xlsx", xlsx, "--out", png);
        var only = await CliAsync("dashboard", "department-breakdown", "--folder", folder, "--xlsx", Path.Combine(work, "departments.xlsx"));

        Assert.True(both.ExitCode == 0, both.Output);
        Assert.Contains($"workbook for ", both.Output);
        Assert.True(File.Exists(png));
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(xlsx, isEditable: false))
            Assert.Equal(["Summary", "KPIs", "Funnel", "Trend", "Channels", "Pain", "About"],
                document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value));
        Assert.True(only.ExitCode == 0, only.Output);
        Assert.True(File.Exists(Path.Combine(work, "departments.xlsx")));
        Assert.False(File.Exists(Path.Combine(work, "department-breakdown.png"))); // the PNG only went into the workbook
        Assert.Empty(Directory.GetFiles(work, "*.partial"));
    }

    [Fact]
    public async Task Seed_RefusesToOverwriteData_WithoutReplace()
    {
        Assert.Equal(0, (await CliAsync("seed", "--scale", "0.01")).ExitCode);

        var again = await CliAsync("seed", "--scale", "0.01");

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already has data. Add --replace", again.Output);
    }

    [Fact]
    public async Task Verb_SaysTheWarehouseIsInUse_InsteadOfWaiting_WhenAnotherProcessHoldsIt()
    {
        Directory.CreateDirectory(DataDirectory);
        using var holder = new DuckDBConnection($"Data Source={Path.Combine(DataDirectory, "warehouse.duckdb")}");
        holder.Open();

        var seed = await CliAsync("seed", "--scale", "0.01");

        Assert.Equal(2, seed.ExitCode);
        Assert.Contains("is in use by another process", seed.Output);
        Assert.Contains($"PID {Environment.ProcessId}", seed.Output);
    }

    [Fact]
    public async Task Import_PrintsLoadedAndRejected_PerFile_AndWhereTheRejectsWent()
    {
        var rejects = Path.Combine(work, "rejects.csv");
        var import = await CliAsync("import", "--mapping", Path.Combine(RepoPaths.Root, "mappings", "uci-online-retail.json"),
            "--data", RepoPaths.SharedData, "--rejects", rejects);

        Assert.True(import.ExitCode == 0, import.Output);
        Assert.Contains("online_retail.csv: 10,329 loaded, 4,266 rejected", import.Output);
        Assert.Contains("order_lines: 10,329 loaded, 4,265 rejected", import.Output);
        Assert.Contains($"Rejects file: {rejects}", import.Output);
        Assert.True(File.Exists(rejects));
    }

    [Theory]
    [InlineData("seed --scale lots", "--scale 'lots' is not a number")]
    [InlineData("seed --scale 0", "--scale must be above 0")]
    [InlineData("seed --colour blue", "unknown option --colour")]
    [InlineData("run", "name one report")]
    [InlineData("run executive-weekly --to not-an-address", "--to 'not-an-address' is not an email address")]
    [InlineData("run sales-forecast", "'sales-forecast' is not a known report; available: channels-and-attribution, customer-experience, department-breakdown, executive-weekly,")]
    [InlineData("run executive-weekly --tz Mars/Olympus --no-email", "unknown time zone 'Mars/Olympus'")]
    // Files of the system's zone folder that are not IANA zones: .NET reads them, the warehouse does not know them.
    [InlineData("run executive-weekly --tz posix/Europe/London --no-email", "'posix/Europe/London' is not an IANA time zone; use 'Europe/London'")]
    [InlineData("run executive-weekly --tz right/UTC --no-email", "'right/UTC' is not an IANA time zone; use 'UTC'")]
    [InlineData("run executive-weekly --tz localtime --no-email", "'localtime' is not an IANA time zone")]
    [InlineData("metrics funnel --tz posix/Europe/London", "'posix/Europe/London' is not an IANA time zone; use 'Europe/London'")]
    [InlineData("metrics churn-of-the-moon", "name one metric family")]
    [InlineData("metrics funnel --from 2026-13-01 --to 2026-12-31", "--from '2026-13-01' is not a date")]
    [InlineData("metrics funnel --from 2026-12-01 --to 2026-11-01", "is before --from")]
    [InlineData("metrics funnel --format xml", "--format 'xml' is not json or csv")]
    [InlineData("metrics funnel --compare last-decade", "Unknown comparison 'last-decade'")]
    [InlineData("metrics funnel --compare previous-period --format csv", "--compare needs --format json")]
    [InlineData("dashboard executive-weekly --xlsx", "--xlsx needs a file name")]
    [InlineData("dashboard executive-weekly --xlsx /no/such/folder/board.xlsx", "the folder of '/no/such/folder/board.xlsx' does not exist")]
    [InlineData("refresh", "name one source of JourneyReports:Sources")]
    [InlineData("refresh adventureworks", "No source named 'adventureworks': JourneyReports:Sources is empty")]
    [InlineData("import", "name the mapping file with --mapping FILE")]
    [InlineData("import --mapping nope.json", "Mapping file 'nope.json' does not exist")]
    public async Task BadArguments_ExitWith2_AndNameTheProblem(string args, string message)
    {
        var result = await CliAsync(args.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Output);
    }

    [Fact]
    public async Task Refresh_PrintsRowsPerQueryAndTable_AndAFailureNamesTheSourceButNeverItsConnectionString()
    {
        await using var standIn = await StandInRefresh.CreateAsync();
        await standIn.SeedAsync();
        var mapping = ("JourneyReports__Sources__aw__Mapping", standIn.Options.Sources["aw"].Mapping);

        var refresh = await CliAsync(["refresh", "aw", "--full"], mapping, ("JourneyReports__Sources__aw__ConnectionString", $"Data Source={standIn.SourcePath}"));
        // A password the stand-in's SQLite build cannot use: the open fails, and the message must not carry it.
        var failed = await CliAsync(["refresh", "aw"], mapping, ("JourneyReports__Sources__aw__ConnectionString", $"Data Source={standIn.SourcePath};Password=s3cret-Pa55"));

        Assert.True(refresh.ExitCode == 0, refresh.Output);
        Assert.Contains($"Full refresh of aw (file {standIn.SourcePath}):", refresh.Output);
        Assert.Contains("events: 6 rows read since the start", refresh.Output);
        Assert.Contains("  orders: 3 loaded, 0 rejected, 0 merged by key", refresh.Output);
        Assert.Equal(2, failed.ExitCode);
        Assert.Contains($"error: Cannot connect to source 'aw' (file {standIn.SourcePath}): ", failed.Output);
        Assert.DoesNotContain("s3cret-Pa55", failed.Output);
    }

    [Fact]
    public async Task BadConfiguration_IsReportedInFull_BeforeAnythingRuns()
    {
        var result = await CliAsync(["seed"], ("JourneyReports__Schedules__0__Report", "executive-weekly"),
            ("JourneyReports__Schedules__0__Cron", "every monday"), ("JourneyReports__Schedules__0__TimeZone", "Europe/Londres"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Cron 'every monday' is not a valid cron expression", result.Output);
        Assert.Contains("TimeZone: unknown time zone 'Europe/Londres'", result.Output);
        Assert.Contains("Recipients is empty", result.Output);
    }

    [Fact]
    public async Task AnImpossibleDataDirectory_IsNamed_WithTheSettingAndThePath()
    {
        var file = Path.Combine(work, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        var data = Path.Combine(file, "data");

        var result = await CliAsync(["seed", "--scale", "0.01"], ("JourneyReports__DataDirectory", data));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"JourneyReports:DataDirectory '{data}'", result.Output);
        Assert.Contains($"'{file}' is a file", result.Output);
    }

    [Fact]
    public async Task Subscription_IsCheckedWhole_Saved_Listed_Paused_RunAndDeleted_FromTheCommandLine()
    {
        Assert.Equal(0, (await CliAsync("seed", "--scale", "0.01", "--seed", "5")).ExitCode);
        var bad = Path.Combine(work, "bad.json");
        File.WriteAllText(bad, """
            { "name": "Heads Weekly", "owner": "not-an-address", "report": "department-breakdwon", "cron": "at eight",
              "timeZone": "posix/Europe/London", "formats": ["xlsx", "docx"], "subject": "{{ reprot.title }}",
              "recipients": [ { "email": "head@example.com", "slice": { "department": "Shoes", "colour": "red" } } ] }
            """);

        var refused = await CliAsync("subscription", "save", bad);

        Assert.Equal(2, refused.ExitCode);
        foreach (var problem in new[]
        {
            "name 'Heads Weekly' must be lower-case words joined by hyphens", "owner 'not-an-address' is not an email address",
            "report: 'department-breakdwon' is not a known report", "cron 'at eight' is not a cron expression",
            "timeZone: 'posix/Europe/London' is not an IANA time zone; use 'Europe/London'", "format 'docx' is unknown",
            "template subject", "reprot", "recipient 'head@example.com': slice 'colour' is not a filter",
            "recipient 'head@example.com': department 'Shoes' is not in the warehouse; there are: Beauty, Electronics, Fashion",
        })
            Assert.Contains(problem, refused.Output);
        Assert.Contains("nothing was saved", refused.Output);

        var good = Path.Combine(work, "good.json");
        File.WriteAllText(good, """
            { "name": "heads-weekly", "owner": "analyst@example.com", "report": "department-breakdown", "cron": "30 7 * * 1",
              "timeZone": "America/New_York", "parameters": { "period": "last-complete-week" },
              "recipients": [ { "email": "head.fashion@example.com", "slice": { "department": "Fashion" } } ] }
            """);
        var saved = await CliAsync("subscription", "save", good);
        Assert.True(saved.ExitCode == 0, saved.Output);
        Assert.Contains("Saved subscription heads-weekly (id 1, version 1)", saved.Output);
        Assert.Matches(@"Mon \d{4}-\d{2}-\d{2} 07:30 -0[45]:00", saved.Output);   // Mondays 07:30 in New York

        Assert.Contains("heads-weekly  department-breakdown  '30 7 * * 1' America/New_York  enabled  1 recipient(s)", (await CliAsync("subscription", "list")).Output);
        Assert.Equal(0, (await CliAsync("subscription", "pause", "heads-weekly")).ExitCode);
        Assert.Contains("paused", (await CliAsync("subscription", "list")).Output);
        Assert.Contains("Saved subscription heads-weekly (id 1, version 3)", (await CliAsync("subscription", "save", good)).Output);   // resumed by the file

        var run = await CliAsync("subscription", "run", "heads-weekly");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("head.fashion@example.com: sent", run.Output);
        var email = MimeMessage.Load(Directory.GetFiles(Path.Combine(DataDirectory, "outbox"), "*.eml").Single());
        Assert.Contains("Department: Fashion", email.TextBody);
        Assert.Contains("/subscriptions/1/manage?r=head.fashion%40example.com&sig=", email.TextBody);

        Assert.Equal(0, (await CliAsync("subscription", "delete", "heads-weekly")).ExitCode);
        var gone = await CliAsync("subscription", "show", "heads-weekly");
        Assert.Equal(2, gone.ExitCode);
        Assert.Contains("there is no subscription 'heads-weekly'", gone.Output);
    }

    Task<(int ExitCode, string Output)> CliAsync(params string[] args) => CliAsync(args, []);

    async Task<(int ExitCode, string Output)> CliAsync(string[] args, params (string Name, string Value)[] env)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "JourneyReports.Server.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["JourneyReports__DataDirectory"] = DataDirectory;
        start.Environment["JourneyReports__DashboardsDirectory"] = Path.Combine(RepoPaths.Root, "dashboards");
        foreach (var (name, value) in env) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
