using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace JourneyReports.Tests;

public sealed class DepartmentWorkbookTests
{
    static readonly ReportPeriod Week = ReportPeriod.Days(new(2026, 11, 16), new(2026, 11, 22), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
    static readonly DateTimeOffset Generated = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    static DepartmentReport Department(string name, long visitors, long orders, decimal revenue) =>
        new(name, visitors, orders, orders, revenue, orders == 0 ? null : revenue / orders, visitors == 0 ? null : (decimal)orders / visitors,
            [new(1, "awareness", visitors, null), new(2, "consideration", visitors / 2, 0.5m), new(3, "decision", orders, 1m - (decimal)orders / (visitors / 2))]);

    static readonly DepartmentReport Electronics = Department("Electronics", 200, 20, 2_400.00m);
    static readonly DepartmentReport Home = Department("Home & Kitchen", 100, 5, 250.00m);

    static MemoryStream Write(params DepartmentReport[] departments)
    {
        var output = new MemoryStream();
        DepartmentWorkbook.Write("Department breakdown", Week, departments, Generated, "£", new("en-GB"), output);
        output.Position = 0;
        return output;
    }

    [Fact]
    public void Breakdown_HasASummaryAndOneSheetPerDepartment_AndValidates()
    {
        using var xlsx = Write(Electronics, Home);

        using (var document = SpreadsheetDocument.Open(xlsx, false))
        {
            var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
        xlsx.Position = 0;
        using var workbook = new XLWorkbook(xlsx);
        Assert.Equal(["Summary", "Electronics", "Home & Kitchen"], workbook.Worksheets.Select(s => s.Name));
        var table = workbook.Worksheet("Summary").Table("Departments");
        Assert.Equal("A5:G7", table.RangeAddress.ToString());
        Assert.Equal("Electronics", workbook.Worksheet("Summary").Cell("A6").GetString());
        Assert.Equal(120m, workbook.Worksheet("Summary").Cell("G6").GetValue<decimal>());   // 2,400 / 20
        Assert.Equal(0.05m, workbook.Worksheet("Summary").Cell("D7").GetValue<decimal>());  // 5 / 100
        Assert.Equal("£#,##0.00", workbook.Worksheet("Summary").Cell("F6").Style.NumberFormat.Format);
        Assert.Equal(50, workbook.Worksheet("Home & Kitchen").Cell("C7").GetValue<long>()); // consideration: 100 / 2
    }

    [Fact]
    public void OneDepartmentsWorkbook_HoldsNothingOfTheOthers()
    {
        using var xlsx = Write(Home);

        using var workbook = new XLWorkbook(xlsx);
        Assert.Equal(["Summary", "Home & Kitchen"], workbook.Worksheets.Select(s => s.Name));
        var text = workbook.Worksheets.SelectMany(s => s.CellsUsed()).Select(c => c.GetString());
        Assert.DoesNotContain(text, t => t.Contains("Electronics"));
    }
}
