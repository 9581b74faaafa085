using ClosedXML.Excel;
using static JourneyReports.Tests.WorkbookChecks;

namespace JourneyReports.Tests;

public class DetailWorkbookWriterTests
{
    static readonly DetailColumn[] Columns =
    [
        new("Order id", DetailColumnType.Integer),
        new("Customer", DetailColumnType.Text, Width: 30),
        new("Amount", DetailColumnType.Currency, "£#,##0.00"),
        new("Share", DetailColumnType.Percent),
        new("Ordered on", DetailColumnType.Date),
        new("Seen at", DetailColumnType.DateTime),
        new("Score", DetailColumnType.Decimal),
        new("Paid", DetailColumnType.Text),
    ];

    static object?[] Row(int i) =>
    [
        i, $"Customer {i}", 10.5m + i, i / 100.0, new DateOnly(2026, 1, 1).AddDays(i),
        new DateTime(2026, 1, 1, 8, 30, 0).AddHours(i), i * 1.25, i % 2 == 0,
    ];

    static byte[] Build(int rows, int maxRowsPerSheet = DetailWorkbookWriter.ExcelMaxRows, string name = "Orders")
    {
        using var output = new MemoryStream();
        using (var writer = new DetailWorkbookWriter(output, maxRowsPerSheet))
        {
            writer.AddSheets(name, Columns, Enumerable.Range(1, rows).Select(Row));
            writer.Complete();
        }
        return output.ToArray();
    }

    [Fact]
    public void Workbook_validates() => AssertValid(Build(50));

    [Fact]
    public void Split_workbook_and_empty_dataset_validate()
    {
        AssertValid(Build(25, maxRowsPerSheet: 10));
        AssertValid(Build(0));
    }

    [Fact]
    public void Reads_back_header_values_formats_freeze_and_filter()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Build(50)));
        var sheet = Assert.Single(workbook.Worksheets);
        Assert.Equal("Orders", sheet.Name);
        Assert.Equal(Columns.Select(c => c.Header), sheet.Row(1).Cells(1, 8).Select(c => c.GetString()));
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);

        Assert.Equal(1, sheet.Cell(2, 1).GetValue<int>());
        Assert.Equal("Customer 1", sheet.Cell(2, 2).GetString());
        Assert.Equal(11.5m, sheet.Cell(2, 3).GetValue<decimal>());
        Assert.Equal(0.01, sheet.Cell(2, 4).GetDouble(), 10);
        Assert.Equal(new DateTime(2026, 1, 2), sheet.Cell(2, 5).GetDateTime());
        Assert.Equal(new DateTime(2026, 1, 1, 9, 30, 0), sheet.Cell(2, 6).GetDateTime());
        Assert.False(sheet.Cell(2, 8).GetBoolean());

        Assert.Equal(51, sheet.LastRowUsed().RowNumber());
        Assert.Equal(50, sheet.Cell(51, 1).GetValue<int>());
        Assert.Equal("Customer 50", sheet.Cell(51, 2).GetString());
        Assert.Equal(62.5, sheet.Cell(51, 7).GetDouble());
        Assert.True(sheet.Cell(51, 8).GetBoolean());

        Assert.Equal("#,##0", sheet.Cell(2, 1).Style.NumberFormat.Format);
        Assert.Equal("£#,##0.00", sheet.Cell(2, 3).Style.NumberFormat.Format);
        Assert.Equal("0.0%", sheet.Cell(2, 4).Style.NumberFormat.Format);
        Assert.Equal("yyyy-mm-dd", sheet.Cell(2, 5).Style.NumberFormat.Format);
        Assert.Equal("yyyy-mm-dd hh:mm:ss", sheet.Cell(2, 6).Style.NumberFormat.Format);
        // ClosedXML 0.95 takes its cell padding off the stored width when it reads one.
        Assert.InRange(sheet.Column(2).Width, 29, 30);

        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal(0, sheet.SheetView.SplitColumn);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal("A1:H51", sheet.AutoFilter.Range.RangeAddress.ToString());
    }

    [Fact]
    public void Splits_at_the_row_limit_which_counts_the_header()
    {
        // A limit of 10 rows is a header and 9 data rows per sheet: 25 rows fill 9 + 9 + 7.
        using var workbook = new XLWorkbook(new MemoryStream(Build(25, maxRowsPerSheet: 10)));
        Assert.Equal(["Orders", "Orders (2)", "Orders (3)"], workbook.Worksheets.Select(s => s.Name));
        (int, int)[] expected = [(1, 9), (10, 18), (19, 25)];
        foreach (var (sheet, (first, last)) in workbook.Worksheets.Zip(expected))
        {
            Assert.Equal("Order id", sheet.Cell(1, 1).GetString());
            Assert.Equal(first, sheet.Cell(2, 1).GetValue<int>());
            Assert.Equal(last, sheet.LastRowUsed().Cell(1).GetValue<int>());
            Assert.Equal(last - first + 2, sheet.LastRowUsed().RowNumber());
            Assert.Equal($"A1:H{last - first + 2}", sheet.AutoFilter.Range.RangeAddress.ToString());
            Assert.Equal(1, sheet.SheetView.SplitRow);
        }
    }

    [Fact]
    public void A_dataset_that_exactly_fills_sheets_adds_no_empty_sheet()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Build(18, maxRowsPerSheet: 10)));
        Assert.Equal(2, workbook.Worksheets.Count);
    }

    [Fact]
    public void Empty_dataset_still_has_its_header()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Build(0)));
        var sheet = Assert.Single(workbook.Worksheets);
        Assert.Equal("Order id", sheet.Cell(1, 1).GetString());
        Assert.Equal(1, sheet.LastRowUsed().RowNumber());
    }

    [Fact]
    public async Task Several_datasets_async_with_names_made_valid_and_unique()
    {
        using var output = new MemoryStream();
        using (var writer = new DetailWorkbookWriter(output, maxRowsPerSheet: 3))
        {
            Assert.Equal(["Journeys_ Q1_2026"], await writer.AddSheetsAsync("Journeys: Q1/2026", Columns, Rows(2)));
            Assert.Equal(["A very long dataset name that c", "A very long dataset name th (2)"],
                await writer.AddSheetsAsync("A very long dataset name that certainly exceeds", Columns, Rows(3)));
            Assert.Equal(["journeys_ q1_2026 (2)"], writer.AddSheets("journeys_ q1_2026", Columns, []));
            Assert.Equal(["Sheet", "History_"], [.. writer.AddSheets("''", Columns, []), .. writer.AddSheets("History", Columns, [])]);
            writer.Complete();
        }
        AssertValid(output.ToArray());
        using var workbook = new XLWorkbook(new MemoryStream(output.ToArray()));
        Assert.Equal(6, workbook.Worksheets.Count);
        Assert.Equal("Customer 3", workbook.Worksheet("A very long dataset name th (2)").Cell(2, 2).GetString());

        static async IAsyncEnumerable<object?[]> Rows(int count)
        {
            for (var i = 1; i <= count; i++)
            {
                await Task.Yield();
                yield return Row(i);
            }
        }
    }

    [Fact]
    public void Awkward_values_are_kept_readable()
    {
        using var output = new MemoryStream();
        DetailWorkbookWriter.Write(output, "Odd", [new("Text"), new("Number", DetailColumnType.Decimal), new("When", DetailColumnType.Date)],
        [
            ["  padded \u0001bell ", double.NaN, new DateOnly(1899, 12, 31)],
            [null, "n/a", null],
            ["=1+1", null, new DateTimeOffset(2026, 5, 1, 23, 0, 0, TimeSpan.FromHours(2))],
        ]);
        AssertValid(output.ToArray());
        using var workbook = new XLWorkbook(new MemoryStream(output.ToArray()));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("  padded bell ", sheet.Cell(2, 1).GetString());
        Assert.Equal("NaN", sheet.Cell(2, 2).GetString());
        Assert.Equal("1899-12-31", sheet.Cell(2, 3).GetString());
        Assert.True(sheet.Cell(3, 1).IsEmpty());
        Assert.Equal("n/a", sheet.Cell(3, 2).GetString());
        Assert.Equal("=1+1", sheet.Cell(4, 1).GetString());
        Assert.False(sheet.Cell(4, 1).HasFormula);
        Assert.Equal(new DateTime(2026, 5, 1, 23, 0, 0), sheet.Cell(4, 3).GetDateTime());
    }

    [Fact]
    public void A_row_wider_than_the_columns_is_refused()
    {
        using var output = new MemoryStream();
        using var writer = new DetailWorkbookWriter(output);
        Assert.Throws<ArgumentException>(() => writer.AddSheets("Bad", [new("Only")], [["a", "b"]]));
        Assert.Throws<InvalidOperationException>(() => writer.Complete());
    }
}
