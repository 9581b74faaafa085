using System.Numerics;
using ClosedXML.Excel;

namespace JourneyReports.Tests;

/// <summary>Datasets the built-in dashboards do not have: failed, empty, oddly named, and analyst SQL rows of every kind.</summary>
public sealed partial class DashboardWorkbookTests
{
    static readonly ReportPeriod November = ReportPeriod.Days(new(2026, 11, 1), new(2026, 11, 30), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

    static Dictionary<string, object?> Row(params (string Column, object? Value)[] values) =>
        values.ToDictionary(v => v.Column, v => v.Value, StringComparer.OrdinalIgnoreCase);

    static readonly object[] SqlRows =
    [
        Row(("day", new DateTime(2026, 11, 2)), ("seen_at", new DateTime(2026, 11, 2, 9, 30, 0)), ("visits", 12_345L), ("revenue", 1_234.5m),
            ("conv_rate", 0.125), ("avg_nps", 41.7), ("ratio", 0.5), ("note", "=1+1"), ("flagged", true), ("path", new List<string> { "email", "search" }),
            ("big", new BigInteger(7)), ("id", Guid.Empty), ("nothing", null), ("nan", double.NaN)),
        Row(("day", new DateTime(2026, 11, 3)), ("seen_at", new DateTime(2026, 11, 3)), ("visits", 7L), ("revenue", 10m), ("conv_rate", 1.0),
            ("avg_nps", null), ("ratio", 0.25), ("note", "0800"), ("flagged", false), ("path", new List<string>()), ("big", BigInteger.Pow(10, 40)),
            ("id", Guid.Empty), ("nothing", null), ("nan", 1.5)),
    ];

    static (DashboardDefinition, DashboardResult) OddBoard()
    {
        DatasetDefinition Metric(string name) => new() { Metric = name };
        DatasetDefinition Sql(string file) => new() { Sql = file };
        var definition = new DashboardDefinition
        {
            Name = "odd-board", Title = "Odd board", Version = 3, Description = "Every awkward dataset at once.",
            FileName = "/srv/journeys/dashboards/odd-board.json",
            Parameters = new()
            {
                Period = new() { From = "2026-11-01", To = "2026-11-30" }, Comparison = "none", TimeZone = "Europe/London",
                Filters = new() { Persona = "Loyal regular", Channel = "email" },
            },
            Datasets = new()
            {
                ["funnel"] = Metric("funnel"), ["trend"] = Metric("trend"), ["adhoc"] = Sql("queries/adhoc.sql"),
                ["orders by day"] = Sql("queries/orders.sql"), ["A1"] = Metric("kpis"), ["about"] = Metric("funnel"),
                ["a/b:c*?"] = Metric("channel-mix"), ["tiles"] = Sql("queries/tiles.sql"),
            },
            Visuals =
            [
                new() { Id = "tiles", Type = "kpi-tiles", Dataset = "tiles", Format = "money", Fields = new() { ["label"] = "label", ["value"] = "value", ["previous"] = "previous" } },
                new() { Id = "ratio", Type = "line", Dataset = "orders by day", Format = "percent", Fields = new() { ["x"] = "day", ["y"] = "ratio" } },
            ],
        };
        var rows = new Dictionary<string, DatasetRows>
        {
            ["funnel"] = new("funnel", [], "Binder Error: Referenced column \"stage\" not found"),
            ["trend"] = new("trend", []),
            ["adhoc"] = new("adhoc", []),
            ["orders by day"] = new("orders by day", SqlRows),
            ["A1"] = new("A1", [new Kpi("visitors", "Visitors", 100, 80, KpiFormat.Count)]),
            ["about"] = new("about", [new FunnelStep(1, "awareness", 10, null)]),
            ["a/b:c*?"] = new("a/b:c*?", [new ChannelMixRow("awareness", "email", 3, 0.25m)]),
            ["tiles"] = new("tiles", [Row(("label", "Revenue"), ("value", 1_234.5), ("previous", 1_000.0))]),
        };
        var result = new DashboardResult(November, null, definition.Parameters.Filters.ToFilter(), BuiltInDashboardsFixture.Clock.GetUtcNow(), null, rows);
        return (definition, result);
    }

    [Fact]
    public void OddDatasets_GiveValidSheetAndTableNames_AndAValidWorkbook()
    {
        var (definition, result) = OddBoard();
        var errors = BuiltInDashboardsFixture.ValidationErrors(BuiltInDashboardsFixture.Write(definition, result, SampleWorkbookData.Png(1600, 900)));
        Assert.True(errors.Count == 0, $"{errors.Count} validation error(s):\n" + string.Join("\n", errors));

        using var workbook = Open(BuiltInDashboardsFixture.Write(definition, result));
        Assert.Equal(["Summary", "Funnel", "Trend", "Adhoc", "Orders by day", "A1", "About (2)", "A b c", "Tiles", "About"],
            workbook.Worksheets.Select(s => s.Name));
        Assert.Equal("A1_", workbook.Worksheet("A1").Tables.Single().Name);
        Assert.Equal("a_b_c__", workbook.Worksheet("A b c").Tables.Single().Name);
        Assert.Equal("orders_by_day", workbook.Worksheet("Orders by day").Tables.Single().Name);
    }

    [Fact]
    public void AFailedDataset_SaysSo_AndAnEmptyOneKeepsItsHeader_OrANote()
    {
        var (definition, result) = OddBoard();
        using var workbook = Open(BuiltInDashboardsFixture.Write(definition, result));

        var failed = workbook.Worksheet("Funnel");
        Assert.Empty(failed.Tables);
        Assert.Equal("Could not load this dataset", failed.Cell("A1").GetString());
        Assert.Equal("Binder Error: Referenced column \"stage\" not found", failed.Cell("A2").GetString());
        Assert.Equal("Source: metric funnel", failed.Cell("A3").GetString());

        var empty = workbook.Worksheet("Trend").Table("trend");
        Assert.Equal("A1:I2", empty.RangeAddress.ToStringRelative());
        Assert.Equal(["Week start", "Visitors", "Orders", "Revenue", "Buyers", "NPS", "CES", "Conversion", "Average order value"], empty.Fields.Select(f => f.Name));
        Assert.Equal("No rows for this period", workbook.Worksheet("Trend").Cell("A2").GetString());

        var adhoc = workbook.Worksheet("Adhoc");
        Assert.Empty(adhoc.Tables);
        Assert.Equal("No rows for this period", adhoc.Cell("A1").GetString());

        var summary = workbook.Worksheet("Summary");
        Assert.Equal("Period 1–30 Nov 2026", summary.Cell("A2").GetString());
        Assert.Equal("Filters: persona: Loyal regular · channel: email", summary.Cell("A3").GetString());
        Assert.Equal("Generated 23 Nov 2026 08:00 (Europe/London) · no data loaded yet", summary.Cell("A4").GetString());
        Assert.Equal("Could not load dataset 'funnel': Binder Error: Referenced column \"stage\" not found", summary.Cell("A6").GetString());
    }

    [Fact]
    public void AnalystRows_GetFormatsFromTheirTypesNamesAndCharts_AndOddValuesStayReadable()
    {
        var (definition, result) = OddBoard();
        using var workbook = Open(BuiltInDashboardsFixture.Write(definition, result));
        var sheet = workbook.Worksheet("Orders by day");
        var table = sheet.Table("orders_by_day");
        Assert.Equal(["day", "seen_at", "visits", "revenue", "conv_rate", "avg_nps", "ratio", "note", "flagged", "path", "big", "id", "nothing", "nan"],
            table.Fields.Select(f => f.Name));
        IXLCell Cell(string column, int row = 2) => sheet.Cell(row, table.Field(column).Index + 1);

        Assert.Equal("d mmm yyyy", Cell("day").Style.NumberFormat.Format);
        Assert.Equal(new DateTime(2026, 11, 2), Cell("day").GetDateTime());
        Assert.Equal("d mmm yyyy hh:mm", Cell("seen_at").Style.NumberFormat.Format);
        Assert.Equal("#,##0", Cell("visits").Style.NumberFormat.Format);
        Assert.Equal(12_345, Cell("visits").GetValue<long>());
        Assert.Equal("£#,##0.00", Cell("revenue").Style.NumberFormat.Format);
        Assert.Equal(1_234.5m, Cell("revenue").GetValue<decimal>());
        Assert.Equal("0.0%", Cell("conv_rate").Style.NumberFormat.Format);
        Assert.Equal("0.0", Cell("avg_nps").Style.NumberFormat.Format);
        Assert.Equal("0.0%", Cell("ratio").Style.NumberFormat.Format); // the line chart shows it as a percentage
        Assert.Equal("=1+1", Cell("note").GetString());
        Assert.False(Cell("note").HasFormula);
        Assert.Equal("0800", Cell("note", 3).GetString());
        Assert.Equal(XLDataType.Boolean, Cell("flagged").DataType);
        Assert.Equal("email → search", Cell("path").GetString());
        Assert.Equal(7m, Cell("big").GetValue<decimal>());
        Assert.Equal("10000000000000000000000000000000000000000", Cell("big", 3).GetString());
        Assert.Equal(Guid.Empty.ToString(), Cell("id").GetString());
        Assert.True(Cell("nothing").IsEmpty());
        Assert.Equal("NaN", Cell("nan").GetString());
    }

    [Fact]
    public void KpiTilesOverAnalystRows_MakeASummaryTable_InTheVisualsFormat()
    {
        var (definition, result) = OddBoard();
        using var workbook = Open(BuiltInDashboardsFixture.Write(definition, result));
        var summary = workbook.Worksheet("Summary");
        var table = summary.Table("SummaryKpis");

        Assert.Equal(["KPI", "This period", "Previous period", "Change"], table.Fields.Select(f => f.Name));
        var first = table.DataRange.FirstRow();
        Assert.Equal("Revenue", first.Cell(1).GetString());
        Assert.Equal(1_234.5m, first.Cell(2).GetValue<decimal>());
        Assert.Equal("£#,##0.00", first.Cell(2).Style.NumberFormat.Format);
        Assert.Equal(0.2345m, first.Cell(4).GetValue<decimal>());
    }

    [Fact]
    public void About_ShowsAnExplicitPeriod_NoComparison_AndEveryFilter()
    {
        var (definition, result) = OddBoard();
        using var workbook = Open(BuiltInDashboardsFixture.Write(definition, result));
        var about = workbook.Worksheet("About");
        var facts = Enumerable.Range(1, 19).ToDictionary(r => about.Cell(r, 1).GetString(), r => about.Cell(r, 2).GetString());

        Assert.Equal("odd-board", facts["Dashboard"]);
        Assert.Equal("3", facts["Version"]);
        Assert.Equal("odd-board.json", facts["Source file"]);
        Assert.Equal("2026-11-01 to 2026-11-30", facts["Period as defined"]);
        Assert.Equal("1–30 Nov 2026", facts["Period"]);
        Assert.Equal("none", facts["Comparison period"]);
        Assert.Equal("Loyal regular", facts["Filter: persona"]);
        Assert.Equal("email", facts["Filter: channel"]);
        Assert.Equal("all", facts["Filter: segment"]);
        Assert.Equal("no data loaded yet", facts["Data until"]);
        var funnel = about.Column(1).CellsUsed().Single(c => c.GetString() == "funnel").WorksheetRow();
        Assert.StartsWith("failed: Binder Error", funnel.Cell(5).GetString());
        var trend = about.Column(1).CellsUsed().Single(c => c.GetString() == "trend").WorksheetRow();
        Assert.Equal(["metric trend", "Trend", "0", "no rows"], Enumerable.Range(2, 4).Select(c => trend.Cell(c).GetString()));
    }
}
