using System.Collections;
using System.Globalization;
using System.Numerics;
using JourneyReports.Rendering;

namespace JourneyReports.Workbooks;

/// <summary>
/// A dataset value as a worksheet cell takes it (null, text, decimal, bool, DateOnly or DateTime; see
/// <see cref="SheetTables.Put"/>). Metric records hold only a few types, but analyst SQL rows hold whatever DuckDB
/// returns (HUGEINT, UUID, INTERVAL, lists, structs), and none of it may stop the workbook.
/// </summary>
internal static class DatasetCells
{
    // Excel's serial dates are unreliable before 1 March 1900 (see DetailCellValue), so earlier dates stay ISO text.
    static readonly DateTime FirstSerialDate = DetailCellValue.FirstSerialDate;
    /// <summary>Doubles at least this large do not fit in a decimal (whose limit is about 7.92e28, less a margin).</summary>
    public const double DecimalLimit = 7.9e27;
    static readonly BigInteger BigDecimalLimit = new(DecimalLimit);

    public static object? Of(object? value, CultureInfo culture) => value switch
    {
        null or DBNull => null,
        string s => DetailCellValue.CleanText(s),
        bool b => b,
        sbyte or byte or short or ushort or int or uint or long or ulong or decimal => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        // Excel has no NaN or infinity; text says what the query returned rather than leaving a gap.
        double d => double.IsFinite(d) && Math.Abs(d) < DecimalLimit ? (decimal)d : d.ToString("R", CultureInfo.InvariantCulture),
        float f => double.IsFinite(f) && Math.Abs(f) < DecimalLimit ? (decimal)f : f.ToString("R", CultureInfo.InvariantCulture),
        BigInteger i => BigInteger.Abs(i) < BigDecimalLimit ? (decimal)i : i.ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.ToDateTime(TimeOnly.MinValue) >= FirstSerialDate ? d : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // Excel has no time zones: an offset's own clock time is kept, as DetailCellValue does.
        DateTimeOffset o => Date(o.DateTime),
        DateTime t => Date(t),
        Enum e => e.ToString(),
        // Lists (a path's channels) read as "email → search → direct", as the dashboard's own tables write them.
        IEnumerable list => DetailCellValue.CleanText(RowFields.Text(list, culture)),
        IFormattable f => DetailCellValue.CleanText(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => DetailCellValue.CleanText(value.ToString() ?? ""),
    };

    static object Date(DateTime t) =>
        t >= FirstSerialDate ? DateTime.SpecifyKind(t, DateTimeKind.Unspecified) : t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Whether values of this type are numbers in a cell (and so take a number format).</summary>
    public static bool IsNumber(Type type) => type == typeof(decimal) || type == typeof(double) || type == typeof(float)
        || type == typeof(BigInteger) || IsInteger(type);

    public static bool IsInteger(Type type) => type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
        || type == typeof(sbyte) || type == typeof(ushort) || type == typeof(uint) || type == typeof(ulong) || type == typeof(BigInteger);

    public static bool IsDate(Type type) => type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset);
}
