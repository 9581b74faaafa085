using System.Globalization;
using JourneyReports.Journeys;

namespace JourneyReports.Rendering;

/// <summary>How numbers, changes, periods and times are written in rendered reports.</summary>
public static class ReportFormat
{
    public const string Missing = "–";

    /// <summary>KPIs where a fall is an improvement (customer effort: lower is better).</summary>
    static readonly HashSet<string> LowerIsBetter = new(StringComparer.OrdinalIgnoreCase) { "ces" };

    public static bool IsLowerBetter(Kpi kpi) => LowerIsBetter.Contains(kpi.Key);

    public static string KpiValue(Kpi kpi, string currencySymbol, CultureInfo culture) =>
        kpi.Value is { } v ? Value(v, kpi, currencySymbol, culture, compact: false) : Missing;

    /// <summary>The same value in compact form ("£1.2M") for when the full number does not fit.</summary>
    public static string KpiValueCompact(Kpi kpi, string currencySymbol, CultureInfo culture) =>
        kpi.Value is { } v ? Value(v, kpi, currencySymbol, culture, compact: true) : Missing;

    public static string? PreviousValue(Kpi kpi, string currencySymbol, CultureInfo culture, bool compact) =>
        kpi.Previous is { } p ? Value(p, kpi, currencySymbol, culture, compact) : null;

    static string Value(decimal v, Kpi kpi, string currencySymbol, CultureInfo culture, bool compact) => kpi.Format switch
    {
        KpiFormat.Count => compact ? Compact(v, culture) : v.ToString("N0", culture),
        KpiFormat.Currency => Money(v, currencySymbol, culture, compact),
        KpiFormat.Percent => v.ToString("P1", culture),
        KpiFormat.Score => string.Equals(kpi.Key, "nps", StringComparison.OrdinalIgnoreCase) ? Signed(v, "N1", culture) : v.ToString("N1", culture),
        _ => v.ToString(culture),
    };

    static string Money(decimal v, string symbol, CultureInfo culture, bool compact)
    {
        var magnitude = compact ? Compact(Math.Abs(v), culture) : Math.Abs(v).ToString("N0", culture);
        return (v < 0 ? culture.NumberFormat.NegativeSign : "") + symbol + magnitude;
    }

    /// <summary>"+4.2%" for counts and money, "+0.3 pts" for rates and scores; null when there is nothing to compare with.</summary>
    public static string? Change(Kpi kpi, CultureInfo culture) => kpi.Change is not { } c ? null : kpi.Format switch
    {
        KpiFormat.Percent => Signed(c * 100, "N1", culture) + " pts",
        KpiFormat.Score => Signed(c, "N1", culture) + " pts",
        // Beyond ±999% the exact figure is noise (usually a near-zero comparison) and would not fit the tile.
        _ => Math.Abs(c) >= 10 ? (c > 0 ? "> " + culture.NumberFormat.PositiveSign : "< " + culture.NumberFormat.NegativeSign) + 999.ToString("N0", culture) + "%"
            : Signed(c * 100, "N1", culture) + "%",
    };

    /// <summary>+1 when the change is good news, -1 when bad, 0 when flat or unknown.</summary>
    public static int Sentiment(Kpi kpi)
    {
        if (kpi.Change is not { } c || c == 0) return 0;
        var up = c > 0 ? 1 : -1;
        return IsLowerBetter(kpi) ? -up : up;
    }

    static string Signed(decimal v, string format, CultureInfo culture)
    {
        // Round first so a change of +0.04 shows as "0.0", not "+0.0".
        var rounded = Math.Round(v, 1, MidpointRounding.AwayFromZero);
        var text = Math.Abs(rounded).ToString(format, culture);
        return rounded > 0 ? culture.NumberFormat.PositiveSign + text : rounded < 0 ? culture.NumberFormat.NegativeSign + text : text;
    }

    /// <summary>"950", "12.3K", "4.5M", "1.2B", "3.0T": for axis ticks and numbers that must fit a small space.</summary>
    public static string Compact(decimal v, CultureInfo culture) => Compact((double)v, culture);

    public static string Compact(double v, CultureInfo culture)
    {
        var abs = Math.Abs(v);
        (double divisor, string suffix) = abs switch
        {
            >= 1e12 => (1e12, "T"),
            >= 1e9 => (1e9, "B"),
            >= 1e6 => (1e6, "M"),
            >= 1e4 => (1e3, "K"),
            _ => (1, ""),
        };
        if (divisor == 1) return v.ToString("N0", culture);
        var scaled = v / divisor;
        // 999,999 would round to "1,000K"; the next unit up reads better.
        if (divisor < 1e12 && Math.Round(Math.Abs(scaled)) >= 1000) (scaled, suffix) = (v / (divisor * 1000), divisor == 1e3 ? "M" : divisor == 1e6 ? "B" : "T");
        // "50K" rather than "50.0K": axis ticks are round numbers, and the decimal only adds noise there.
        return scaled.ToString(Math.Abs(scaled) >= 100 ? "#,##0" : "#,##0.#", culture) + suffix;
    }

    /// <summary><see cref="Compact(double, CultureInfo)"/> with the sign ahead of <paramref name="prefix"/>: "-£1.2K".</summary>
    internal static string SignedCompact(double v, CultureInfo culture, string prefix = "") =>
        (v < 0 ? culture.NumberFormat.NegativeSign : "") + prefix + Compact(Math.Abs(v), culture);

    public static string Percent(decimal fraction, CultureInfo culture) => fraction.ToString("P1", culture);

    /// <summary>"16–22 Nov 2026", "30 Nov – 6 Dec 2026", "29 Dec 2025 – 4 Jan 2026" or "16 Nov 2026".</summary>
    public static string Period(ReportPeriod p, CultureInfo culture)
    {
        var (a, b) = (p.FirstDay, p.LastDay);
        if (a == b) return a.ToString("d MMM yyyy", culture);
        if (a.Year == b.Year && a.Month == b.Month) return $"{a.ToString("%d", culture)}–{b.ToString("d MMM yyyy", culture)}";
        if (a.Year == b.Year) return $"{a.ToString("d MMM", culture)} – {b.ToString("d MMM yyyy", culture)}";
        return $"{a.ToString("d MMM yyyy", culture)} – {b.ToString("d MMM yyyy", culture)}";
    }

    /// <summary>"Week 16–22 Nov 2026 vs 9–15 Nov 2026".</summary>
    public static string PeriodLine(ReportPeriod period, ReportPeriod comparison, CultureInfo culture)
    {
        var days = period.LastDay.DayNumber - period.FirstDay.DayNumber + 1;
        var noun = days == 7 ? "Week" : "Period";
        return $"{noun} {Period(period, culture)} vs {Period(comparison, culture)}";
    }

    /// <summary>"Generated 23 Nov 2026 08:00 (Europe/London) · data until 23 Nov 2026 06:15", in the report's time zone.</summary>
    public static string GeneratedLine(DateTimeOffset generatedAt, DateTime? dataUntilUtc, string timeZoneId, CultureInfo culture)
    {
        var (zone, zoneName) = ResolveZone(timeZoneId);
        var generated = TimeZoneInfo.ConvertTime(generatedAt, zone);
        var line = $"Generated {generated.ToString("d MMM yyyy HH:mm", culture)} ({zoneName})";
        if (dataUntilUtc is { } until)
        {
            var utc = DateTime.SpecifyKind(until, DateTimeKind.Utc);
            line += $" · data until {TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("d MMM yyyy HH:mm", culture)}";
        }
        return line;
    }

    /// <summary>A misconfigured zone must not stop the report going out; times are then shown, and labelled, as UTC.</summary>
    static (TimeZoneInfo Zone, string Name) ResolveZone(string id)
    {
        try { return (TimeZoneInfo.FindSystemTimeZoneById(id), id); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException) { return (TimeZoneInfo.Utc, "UTC"); }
    }

    /// <summary>"awareness" → "Awareness".</summary>
    public static string StageName(string stage) => KeyWords.Of(stage);
}
