using ClosedXML.Excel;
using Xunit.Abstractions;

namespace JourneyReports.Tests;

/// <summary>The workbook of every built-in dashboard, read back and checked against the rows it was written from.</summary>
public sealed partial class DashboardWorkbookTests(BuiltInDashboardsFixture dashboards, ITestOutputHelper output) : IClassFixture<BuiltInDashboardsFixture>
{

    [Fact]
    public void EveryBuiltInDashboard_WritesAWorkbook_WithNoValidationErrors()
    {
        Assert.Equal(8, dashboards.Runs.Count);
        foreach (var (name, run) in dashboards.Runs)
        {
            var errors = BuiltInDashboardsFixture.ValidationErrors(run.Xlsx).Concat(BuiltInDashboardsFixture.ValidationErrors(run.Readable)).ToList();
            Assert.True(errors.Count == 0, $"{name}: {errors.Count} validation error(s):\n" + string.Join("\n", errors));

            using var workbook = Open(run.Readable);
            var sheets = workbook.Worksheets.Select(s => s.Name).ToList();
            output.WriteLine($"{name}: {run.Xlsx.Length:N0} bytes in {run.WriteTime.TotalMilliseconds:N0} ms; sheets {string.Join(", ", sheets)}");
            Assert.Equal("Summary", sheets[0]);
            Assert.Equal("About", sheets[^1]);
            Assert.Equal(run.Definition.Datasets.Count + 2, sheets.Count);
            Assert.All(run.Result.Datasets.Values, d => Assert.Null(d.Error));
        }
    }

    [Fact]
    public void ExecutiveWeekly_HasASheetAndATablePerDataset_CoveringItsRows()
    {
        var run = dashboards.Runs["executive-weekly"];
        using var workbook = Open(run.Readable);

        Assert.Equal(["Summary", "KPIs", "Funnel", "Trend", "Channels", "Pain", "About"], workbook.Worksheets.Select(s => s.Name));
        Assert.Equal($"A1:F{Rows(run, "kpis") + 1}", Range(workbook, "KPIs", "kpis"));
        Assert.Equal($"A1:D{Rows(run, "funnel") + 1}", Range(workbook, "Funnel", "funnel"));
        Assert.Equal($"A1:I{Rows(run, "trend") + 1}", Range(workbook, "Trend", "trend"));
        Assert.Equal($"A1:D{Rows(run, "channels") + 1}", Range(workbook, "Channels", "channels"));
        Assert.Equal(["Week start", "Visitors", "Orders", "Revenue", "Buyers", "NPS", "CES", "Conversion", "Average order value"],
            workbook.Worksheet("Trend").Table("trend").Fields.Select(f => f.Name));
        foreach (var sheet in new[] { "KPIs", "Funnel", "Trend", "Channels" })
        {
            Assert.Equal(1, workbook.Worksheet(sheet).SheetView.SplitRow);
            Assert.True(workbook.Worksheet(sheet).Tables.Single().ShowAutoFilter);
            Assert.All(Enumerable.Range(1, 4), c => Assert.InRange(workbook.Worksheet(sheet).Column(c).Width, 8, 60));
        }
    }

    [Fact]
    public void ExecutiveWeekly_DatesAreDates_MoneyIsCurrency_SharesArePercent_CountsHaveSeparators()
    {
        var run = dashboards.Runs["executive-weekly"];
        using var workbook = Open(run.Readable);

        var trend = workbook.Worksheet("Trend");
        var weeks = run.Result.Datasets["trend"].Rows.Cast<TrendPoint>().ToList();
        Assert.Equal(XLDataType.DateTime, trend.Cell("A2").DataType);
        Assert.Equal(weeks[0].WeekStart.ToDateTime(TimeOnly.MinValue), trend.Cell("A2").GetDateTime());
        Assert.Equal("d mmm yyyy", trend.Cell("A2").Style.NumberFormat.Format);
        Assert.Equal(weeks[^1].Revenue, trend.Cell(weeks.Count + 1, 4).GetValue<decimal>());
        Assert.Equal("£#,##0.00", trend.Cell("D2").Style.NumberFormat.Format);
        Assert.Equal("#,##0", trend.Cell("B2").Style.NumberFormat.Format);
        Assert.Equal(weeks[0].Visitors, trend.Cell("B2").GetValue<long>());

        var channels = workbook.Worksheet("Channels");
        var mix = run.Result.Datasets["channels"].Rows.Cast<ChannelMixRow>().ToList();
        Assert.Equal(["Stage", "Channel", "Customers", "Share"], channels.Table("channels").Fields.Select(f => f.Name));
        Assert.Equal("0.0%", channels.Cell("D2").Style.NumberFormat.Format);
        Assert.Equal(mix[0].Share, channels.Cell("D2").GetValue<decimal>());
        Assert.Equal(mix[^1].Channel, channels.Cell(mix.Count + 1, 2).GetString());

        var funnel = workbook.Worksheet("Funnel");
        Assert.Equal("0.0%", funnel.Cell("D3").Style.NumberFormat.Format);
        Assert.True(funnel.Cell("D2").IsEmpty()); // the first stage has no drop-off
    }

    [Fact]
    public void ExecutiveWeekly_Summary_HasTheHeaderLines_AndAKpiTable_WithAFormatPerKind()
    {
        var run = dashboards.Runs["executive-weekly"];
        using var workbook = Open(run.Readable);
        var summary = workbook.Worksheet("Summary");

        Assert.Equal("Executive weekly journey", summary.Cell("A1").GetString());
        Assert.Equal("Week 16–22 Nov 2026 vs 9–15 Nov 2026", summary.Cell("A2").GetString());
        Assert.Equal("Filters: none (all customers)", summary.Cell("A3").GetString());
        Assert.StartsWith("Generated 23 Nov 2026 08:00 (Europe/London) · data until ", summary.Cell("A4").GetString());
        Assert.Equal(DashboardLibrary.Load(Path.Combine(RepoPaths.Root, "dashboards"), TestEngine.SqlChecker).Definitions.Single(d => d.Name == "executive-weekly").Description,
            summary.Cell("A5").GetString());

        var table = summary.Table("SummaryKpis");
        Assert.Equal(["KPI", "This week", "Previous week", "Change"], table.Fields.Select(f => f.Name));
        var kpis = run.Result.Datasets["kpis"].Rows.Cast<Kpi>().ToList();
        Assert.Equal($"A7:D{7 + kpis.Count}", table.RangeAddress.ToStringRelative());
        string Format(string key, int column) => summary.Cell(8 + kpis.FindIndex(k => k.Key == key), column).Style.NumberFormat.Format;
        Assert.Equal("#,##0", Format("visitors", 2));
        Assert.Equal("0.0%", Format("conversion", 2));
        Assert.Equal("£#,##0.00", Format("revenue", 3));
        Assert.Equal("0.0", Format("nps", 2));
        Assert.Equal("+0.0%;-0.0%;0.0%", Format("orders", 4));
        Assert.Equal("+0.0 \"pts\";-0.0 \"pts\";0.0 \"pts\"", Format("conversion", 4));
        var revenue = kpis.Single(k => k.Key == "revenue");
        Assert.Equal(revenue.Value, summary.Cell(8 + kpis.IndexOf(revenue), 2).GetValue<decimal>());
        Assert.Equal("Revenue", summary.Cell(8 + kpis.IndexOf(revenue), 1).GetString());
    }

    [Fact]
    public void ExecutiveWeekly_EmbedsTheDashboard_BelowTheKpis_NoWiderThan960Pixels()
    {
        var run = dashboards.Runs["executive-weekly"];
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(run.Xlsx), isEditable: false);
        var summary = document.WorkbookPart!.WorksheetParts.Single(p => p.DrawingsPart is not null);
        var anchor = summary.DrawingsPart!.WorksheetDrawing.Elements<DocumentFormat.OpenXml.Drawing.Spreadsheet.OneCellAnchor>().Single();
        Assert.Equal(960 * 9525, anchor.Extent!.Cx!.Value);
        Assert.Equal("15", anchor.FromMarker!.RowId!.Text); // row 16: below the KPI table (rows 7–14) and one empty row
        var image = Assert.Single(summary.DrawingsPart.ImageParts);
        using var stored = new MemoryStream();
        using (var stream = image.GetStream()) stream.CopyTo(stored);
        Assert.Equal(run.Png, stored.ToArray());
    }

    [Fact]
    public void DepartmentBreakdown_RevenueAndOrderValueAreCurrency_ConversionIsPercent()
    {
        var run = dashboards.Runs["department-breakdown"];
        using var workbook = Open(run.Readable);
        Assert.Equal(["Summary", "Departments", "Funnels", "About"], workbook.Worksheets.Select(s => s.Name));

        var sheet = workbook.Worksheet("Departments");
        var table = sheet.Table("departments");
        Assert.Equal(["Department", "Visitors", "Buyers", "Orders", "Revenue", "Average order value", "Conversion"], table.Fields.Select(f => f.Name));
        var departments = run.Result.Datasets["departments"].Rows.Cast<DepartmentReport>().ToList();
        Assert.Equal($"A1:G{departments.Count + 1}", table.RangeAddress.ToStringRelative());
        Assert.Equal("£#,##0.00", sheet.Cell("E2").Style.NumberFormat.Format);
        Assert.Equal("£#,##0.00", sheet.Cell("F2").Style.NumberFormat.Format);
        Assert.Equal("0.0%", sheet.Cell("G2").Style.NumberFormat.Format);
        Assert.Equal("#,##0", sheet.Cell("B2").Style.NumberFormat.Format);
        Assert.Equal(departments[0].Department, sheet.Cell("A2").GetString());
        Assert.Equal(departments[0].Revenue, sheet.Cell("E2").GetValue<decimal>());
        Assert.Equal(departments[^1].Conversion, sheet.Cell(departments.Count + 1, 7).GetValue<decimal>());
        Assert.StartsWith("Period 1–22 Nov 2026 vs ", workbook.Worksheet("Summary").Cell("A2").GetString());
    }

    [Fact]
    public void NestedScoresAreSpreadIntoColumns_AndPathsReadAsArrows()
    {
        using var experience = Open(dashboards.Runs["customer-experience"].Readable);
        var byStage = experience.Worksheet("By stage").Table("byStage");
        Assert.Equal(["Group", "Scores responses", "Scores NPS responses", "Scores NPS", "Scores CSAT responses", "Scores CSAT",
            "Scores CES responses", "Scores CES", "Scores emotion"], byStage.Fields.Select(f => f.Name));
        // A stage may have no NPS answers (an empty cell), so the first NPS that is there is checked.
        Assert.Equal("0.0", experience.Worksheet("By stage").Column(4).CellsUsed().Skip(1).First().Style.NumberFormat.Format);

        var run = dashboards.Runs["paths-and-flows"];
        using var paths = Open(run.Readable);
        var first = (PathRow)run.Result.Datasets["paths"].Rows[0];
        var sheet = paths.Worksheet("Paths");
        Assert.Equal("Channels", sheet.Cell("A1").GetString());
        Assert.Equal(string.Join(" → ", first.Channels), sheet.Cell("A2").GetString());
        Assert.Equal("0.0%", sheet.Cell(2, sheet.Table("paths").Field("Share").Index + 1).Style.NumberFormat.Format);
    }

    [Fact]
    public void About_ShowsTheDefinition_ItsParameters_AndWhereEachDatasetWent()
    {
        using var workbook = Open(dashboards.Runs["executive-weekly"].Readable);
        var about = workbook.Worksheet("About");
        var facts = Enumerable.Range(1, 19).ToDictionary(r => about.Cell(r, 1).GetString(), r => about.Cell(r, 2).GetString());

        Assert.Equal("executive-weekly", facts["Dashboard"]);
        Assert.Equal("Executive weekly journey", facts["Title"]);
        Assert.Equal("2", facts["Version"]);
        Assert.Equal("executive-weekly.json", facts["Source file"]);
        Assert.Equal("last-complete-week", facts["Period as defined"]);
        Assert.Equal("16–22 Nov 2026", facts["Period"]);
        Assert.Equal("previous-period", facts["Comparison as defined"]);
        Assert.Equal("9–15 Nov 2026", facts["Comparison period"]);
        Assert.Equal("Europe/London", facts["Time zone"]);
        Assert.Equal("all", facts["Filter: persona"]);
        Assert.Equal("all", facts["Filter: region"]);
        Assert.Equal("23 Nov 2026 08:00 (Europe/London)", facts["Generated at"]);
        var datasets = about.Column(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains("channels", datasets);
        var channels = about.Column(1).CellsUsed().Single(c => c.GetString() == "channels").WorksheetRow();
        Assert.Equal(["channels", "metric channel-mix", "Channels"], Enumerable.Range(1, 3).Select(c => channels.Cell(c).GetString()));
        Assert.Equal("ok", channels.Cell(5).GetString());
    }

    static XLWorkbook Open(byte[] xlsx) => new(new MemoryStream(xlsx));

    static int Rows(BuiltInDashboardsFixture.Run run, string dataset) => run.Result.Datasets[dataset].Rows.Count;

    static string Range(XLWorkbook workbook, string sheet, string table) =>
        workbook.Worksheet(sheet).Table(table).RangeAddress.ToStringRelative();
}
