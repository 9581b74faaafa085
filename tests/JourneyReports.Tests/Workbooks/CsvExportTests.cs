using System.Globalization;
using System.Text;

namespace JourneyReports.Tests;

public class CsvExportTests
{
    static string Csv(IReadOnlyList<DetailColumn> columns, params object?[][] rows)
    {
        var output = new StringWriter();
        CsvExport.Write(output, columns, rows);
        return output.ToString();
    }

    [Fact]
    public void Quotes_only_fields_that_need_it_per_RFC_4180()
    {
        var csv = Csv([new("Name"), new("Note")],
            ["plain", "has, comma"],
            ["say \"hi\"", "two\nlines"],
            ["cr\r", null]);
        Assert.Equal(
            "Name,Note\r\n" +
            "plain,\"has, comma\"\r\n" +
            "\"say \"\"hi\"\"\",\"two\nlines\"\r\n" +
            "\"cr\r\",\r\n", csv);
    }

    [Fact]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_gets_an_apostrophe()
    {
        var csv = Csv([new("Text"), new("Number", DetailColumnType.Decimal)],
            ["=HYPERLINK(\"http://x\")", -5m],
            ["+1", -0.5],
            ["-2", null],
            ["@SUM(A1)", null],
            ["\tTab", null],
            ["a=b", null]);
        var lines = csv.Split("\r\n");
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\")\",-5", lines[1]);
        Assert.Equal("'+1,-0.5", lines[2]);
        Assert.Equal("'-2,", lines[3]);
        Assert.Equal("'@SUM(A1),", lines[4]);
        Assert.Equal("'\tTab,", lines[5]);
        Assert.Equal("a=b,", lines[6]);
    }

    [Fact]
    public void Numbers_and_dates_do_not_depend_on_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var csv = Csv([new("Amount", DetailColumnType.Currency), new("Share", DetailColumnType.Percent), new("Count", DetailColumnType.Integer),
                    new("Day", DetailColumnType.Date), new("At", DetailColumnType.DateTime), new("Day from time", DetailColumnType.Date), new("Flag")],
                [1234.5m, 0.125, 1_000_000, new DateOnly(2026, 3, 9), new DateTime(2026, 3, 9, 14, 5, 7),
                    new DateTime(2026, 3, 9, 23, 59, 0), true],
                [null, 1e-7, -3L, null, new DateTimeOffset(2026, 3, 9, 14, 5, 7, TimeSpan.FromHours(1)), null, false]);
            var lines = csv.Split("\r\n");
            Assert.Equal("1234.5,0.125,1000000,2026-03-09,2026-03-09T14:05:07,2026-03-09,true", lines[1]);
            Assert.Equal(",1E-07,-3,,2026-03-09T14:05:07+01:00,,false", lines[2]);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Stream_output_is_UTF8_with_a_byte_order_mark_unless_asked_not_to()
    {
        static byte[] Bytes(bool bom)
        {
            using var stream = new MemoryStream();
            CsvExport.Write(stream, [new("Price")], [["£5"]], bom);
            return stream.ToArray();
        }

        Assert.Equal([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Price\r\n£5\r\n")], Bytes(bom: true));
        Assert.Equal(Encoding.UTF8.GetBytes("Price\r\n£5\r\n"), Bytes(bom: false));
    }

    [Fact]
    public void Short_rows_are_padded_and_long_rows_refused()
    {
        Assert.Equal("A,B,C\r\nx,,\r\n", Csv([new("A"), new("B"), new("C")], ["x"]));
        Assert.Throws<ArgumentException>(() => Csv([new("A")], ["x", "y"]));
    }

    record Step(int Order, string Stage, decimal? DropOff, IReadOnlyList<string> Path, DateOnly Day);

    [Fact]
    public void Records_become_one_column_per_property()
    {
        var output = new StringWriter();
        CsvExport.WriteRecords(output, new[]
        {
            new Step(1, "awareness", null, ["search", "ad"], new DateOnly(2026, 1, 5)),
            new Step(2, "-consideration, late", 0.25m, [], new DateOnly(2026, 1, 6)),
        });
        Assert.Equal(
            "Order,Stage,DropOff,Path,Day\r\n" +
            "1,awareness,,search > ad,2026-01-05\r\n" +
            "2,\"'-consideration, late\",0.25,,2026-01-06\r\n", output.ToString());

        var empty = new StringWriter();
        CsvExport.WriteRecords(empty, Array.Empty<Step>());
        Assert.Equal("", empty.ToString());
    }
}
