using System.Globalization;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static JourneyReports.Tests.WorkbookChecks;

namespace JourneyReports.Tests;

/// <summary>The executive weekly definition's workbook, written from a hand-made week whose numbers can be checked by eye.</summary>
public class ExecutiveWorkbookTests
{
    static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    static byte[] Build(DashboardResult data, byte[]? png = null, string? title = null)
    {
        using var output = new MemoryStream();
        DashboardWorkbook.Write(SampleDashboards.Executive(title), data, png, EnGb, output);
        return output.ToArray();
    }

    [Fact]
    public void Workbook_without_image_validates() => AssertValid(Build(SampleWorkbookData.Full()));

    [Fact]
    public void Workbook_with_image_validates() => AssertValid(Build(SampleWorkbookData.Full(), SampleWorkbookData.Png()));

    [Fact]
    public void Workbook_with_empty_data_validates() => AssertValid(Build(SampleWorkbookData.Empty(), SampleWorkbookData.Png()));

    [Fact]
    public void Sheets_come_in_reading_order()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Build(SampleWorkbookData.Full())));
        Assert.Equal(["Summary", "KPIs", "Funnel", "Trend", "Channels", "Pain", "About"], workbook.Worksheets.Select(s => s.Name));
    }

    [Fact]
    public void Each_dataset_is_a_table_covering_its_rows()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Build(SampleWorkbookData.Full())));
        // Title, period, filters, generated and description lines, an empty row, then the six KPIs under a header.
        Assert.Equal("A7:D13", Range(workbook, "Summary", "SummaryKpis"));
        Assert.Equal("A1:D7", Range(workbook, "Funnel", "funnel"));
        // Eight weeks; nine columns: the week, its six numbers, and conversion and order value worked out from them.
        Assert.Equal("A1:I9", Range(workbook, "Trend", "trend"));
        Assert.Equal("A1:D5", Range(workbook, "Channels", "channels"));
        var funnel = workbook.Worksheet("Funnel").Table("funnel");
        Assert.Equal(["Order", "Stage", "Customers", "Drop off"], funnel.Fields.Select(f => f.Name));
        Assert.True(funnel.ShowAutoFilter);
        Assert.True(funnel.ShowHeaderRow);
    }

    [Fact]
    public void Empty_datasets_keep_a_placeholder_row_so_the_tables_stay_valid()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Build(SampleWorkbookData.Empty())));
        Assert.Equal("A1:D2", Range(workbook, "Funnel", "funnel"));
        Assert.Equal("A1:I2", Range(workbook, "Trend", "trend"));
        Assert.Equal("A7:D8", Range(workbook, "Summary", "SummaryKpis"));
        Assert.Equal("No rows for this period", workbook.Worksheet("Trend").Cell("A2").GetString());
        Assert.Contains("no data loaded yet", Fact(workbook.Worksheet("About"), "Data until"));
    }

    [Fact]
    public void Dataset_sheets_freeze_the_header_row_and_size_columns()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Build(SampleWorkbookData.Full())));
        foreach (var name in new[] { "Funnel", "Trend", "Channels" })
        {
            var sheet = workbook.Worksheet(name);
            Assert.Equal(1, sheet.SheetView.SplitRow);
            Assert.Equal(0, sheet.SheetView.SplitColumn);
            Assert.All(Enumerable.Range(1, 4), c => Assert.InRange(sheet.Column(c).Width, 8, 60));
        }
        // "consideration" is the longest stage name, so the Stage column is wider than the Order column.
        var funnel = workbook.Worksheet("Funnel");
        Assert.True(funnel.Column(2).Width > funnel.Column(1).Width);
    }

    [Fact]
    public void Kpis_carry_number_formats_per_kind_and_points_for_rates()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Build(SampleWorkbookData.Full())));
        var summary = workbook.Worksheet("Summary");
        Assert.Equal("Executive weekly journey", summary.Cell("A1").GetString());
        Assert.Equal("Week 16–22 Nov 2026 vs 9–15 Nov 2026", summary.Cell("A2").GetString());
        // 07:05 UTC on 23 Nov is 07:05 in London (GMT in November).
        Assert.Equal("Generated 23 Nov 2026 07:05 (Europe/London) · data until 23 Nov 2026 06:00", summary.Cell("A4").GetString());
        Assert.Equal(["KPI", "This week", "Previous week", "Change"], summary.Table("SummaryKpis").Fields.Select(f => f.Name));

        // Rows: 8 Visitors, 9 Orders, 10 Revenue, 11 Conversion, 12 NPS, 13 CES.
        Assert.Equal("#,##0", summary.Cell("B8").Style.NumberFormat.Format);
        Assert.Equal("+0.0%;-0.0%;0.0%", summary.Cell("D8").Style.NumberFormat.Format);
        Assert.Equal(12_450m / 11_800m - 1, summary.Cell("D8").GetValue<decimal>(), 10);
        Assert.Equal("£#,##0.00", summary.Cell("B10").Style.NumberFormat.Format);
        Assert.Equal(48_210.50m, summary.Cell("B10").GetValue<decimal>());
        Assert.Equal("0.0%", summary.Cell("C11").Style.NumberFormat.Format);
        Assert.Equal("+0.0 \"pts\";-0.0 \"pts\";0.0 \"pts\"", summary.Cell("D11").Style.NumberFormat.Format);
        Assert.Equal(0.3m, summary.Cell("D11").GetValue<decimal>());
        Assert.Equal(4m, summary.Cell("D12").GetValue<decimal>());
        Assert.Equal("0.0", summary.Cell("B13").Style.NumberFormat.Format);
        Assert.True(summary.Cell("C13").IsEmpty());
        Assert.True(summary.Cell("D13").IsEmpty());
    }

    [Fact]
    public void Trend_weeks_are_real_dates_and_revenue_is_money()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Build(SampleWorkbookData.Full())));
        var trend = workbook.Worksheet("Trend");
        Assert.Equal(XLDataType.DateTime, trend.Cell("A2").DataType);
        Assert.Equal(new DateTime(2026, 9, 28), trend.Cell("A2").GetDateTime());
        Assert.Equal("d mmm yyyy", trend.Cell("A2").Style.NumberFormat.Format);
        Assert.Equal(new DateTime(2026, 11, 16), trend.Cell("A9").GetDateTime());
        Assert.Equal(47_001.75m, trend.Cell("D9").GetValue<decimal>());
        Assert.Equal("£#,##0.00", trend.Cell("D9").Style.NumberFormat.Format);
        Assert.Equal("#,##0", trend.Cell("B9").Style.NumberFormat.Format);

        var funnel = workbook.Worksheet("Funnel");
        Assert.Equal("0.0%", funnel.Cell("D3").Style.NumberFormat.Format);
        Assert.True(funnel.Cell("D2").IsEmpty());
        var mix = workbook.Worksheet("Channels");
        Assert.Equal("app", mix.Cell("B5").GetString());
        Assert.Equal(0.291m, mix.Cell("D5").GetValue<decimal>());
    }

    [Fact]
    public void Names_that_look_like_numbers_dates_or_formulas_stay_text()
    {
        var data = SampleWorkbookData.Full(channels: [new("1 Dec 2026", "0800", 10, 1m), new("purchase", "=1+1", 5, 1m)]);
        using var workbook = new XLWorkbook(new MemoryStream(Build(data, title: "2026")));
        var mix = workbook.Worksheet("Channels");
        Assert.Equal(XLDataType.Text, mix.Cell("A2").DataType);
        Assert.Equal("1 Dec 2026", mix.Cell("A2").GetString());
        Assert.Equal("0800", mix.Cell("B2").GetString());
        Assert.False(mix.Cell("B3").HasFormula);
        Assert.Equal("=1+1", mix.Cell("B3").GetString());
        Assert.Equal(XLDataType.Text, workbook.Worksheet("Summary").Cell("A1").DataType);
    }

    [Fact]
    public void About_sheet_states_the_period_zone_and_definitions()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Build(SampleWorkbookData.Full())));
        var about = workbook.Worksheet("About");
        Assert.Equal("16–22 Nov 2026", Fact(about, "Period"));
        Assert.Equal("9–15 Nov 2026", Fact(about, "Comparison period"));
        Assert.Equal("Europe/London", Fact(about, "Time zone"));
        var text = string.Join("\n", about.Column(1).CellsUsed().Select(c => c.GetString()));
        Assert.Contains("How the figures are defined", text);
        Assert.Contains("distinct people with any touchpoint event", text);
        Assert.Contains("promoters (scores 9–10) minus % detractors (scores 0–6)", text);
    }

    [Fact]
    public void Number_format_ids_mean_one_thing_across_cells_and_table_columns()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Build(SampleWorkbookData.Full())), isEditable: false);
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var codes = stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value);
        Assert.DoesNotContain(codes, f => f.Key < 164 || string.IsNullOrEmpty(f.Value));
        var tableColumnFormats = stylesheet.DifferentialFormats!.Descendants<NumberingFormat>().ToList();
        Assert.NotEmpty(tableColumnFormats);
        Assert.All(tableColumnFormats, f => Assert.Equal(codes[f.NumberFormatId!.Value], f.FormatCode!.Value));
    }

    [Fact]
    public void Dashboard_png_is_embedded_in_the_summary_sheet_unchanged()
    {
        var png = SampleWorkbookData.Png();
        using var document = SpreadsheetDocument.Open(new MemoryStream(Build(SampleWorkbookData.Full(), png)), isEditable: false);
        var summary = SheetPart(document, "Summary");
        var drawings = summary.DrawingsPart;
        Assert.NotNull(drawings);
        var image = Assert.Single(drawings.ImageParts);
        Assert.Equal("image/png", image.ContentType);
        using var stored = new MemoryStream();
        using (var stream = image.GetStream()) stream.CopyTo(stored);
        Assert.Equal(png, stored.ToArray());
        Assert.Null(SheetPart(document, "Funnel").DrawingsPart);
    }

    [Fact]
    public void Without_a_png_there_is_no_drawing()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Build(SampleWorkbookData.Full())), isEditable: false);
        Assert.Null(SheetPart(document, "Summary").DrawingsPart);
    }

    [Fact]
    public void A_second_image_on_the_same_sheet_reuses_the_drawing_and_still_validates()
    {
        using var xlsx = new MemoryStream();
        DashboardWorkbook.Write(SampleDashboards.Executive(), SampleWorkbookData.Full(), SampleWorkbookData.Png(), EnGb, xlsx);
        xlsx.Position = 0;
        WorkbookImages.InsertPng(xlsx, "Summary", SampleWorkbookData.Png(200, 100), 6, 2, 200, 100);
        var bytes = xlsx.ToArray();
        AssertValid(bytes);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        Assert.Equal(2, SheetPart(document, "Summary").DrawingsPart!.ImageParts.Count());
    }

    [Fact]
    public void Inserting_into_a_missing_sheet_or_a_non_png_fails_clearly()
    {
        using var xlsx = new MemoryStream(Build(SampleWorkbookData.Full()));
        Assert.Throws<ArgumentException>(() => WorkbookImages.InsertPng(xlsx, "Nope", SampleWorkbookData.Png(), 1, 1, 10, 10));
        xlsx.Position = 0;
        Assert.Throws<ArgumentException>(() => WorkbookImages.InsertPng(xlsx, "Summary", [1, 2, 3], 1, 1, 10, 10));
    }

    [Theory]
    [InlineData("£", "£#,##0.00")]
    [InlineData("€", "€#,##0.00")]
    [InlineData("$", "$#,##0.00")]
    [InlineData("kr", "\"kr\"#,##0.00")]
    [InlineData("", "#,##0.00")]
    public void Currency_symbols_with_letters_are_quoted_in_the_format_code(string symbol, string expected) =>
        Assert.Equal(expected, WorkbookFormats.Currency(symbol));

    /// <summary>The value beside <paramref name="label"/> in the About sheet's facts.</summary>
    static string Fact(IXLWorksheet about, string label) =>
        about.Column(1).CellsUsed().Single(c => c.GetString() == label).CellRight().GetString();

    static string Range(XLWorkbook workbook, string sheet, string table) =>
        workbook.Worksheet(sheet).Table(table).RangeAddress.ToStringRelative();

    static WorksheetPart SheetPart(SpreadsheetDocument document, string name)
    {
        var workbookPart = document.WorkbookPart!;
        var sheet = workbookPart.Workbook.Descendants<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
    }
}
