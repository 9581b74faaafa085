using System.Globalization;
using System.Text.RegularExpressions;

namespace JourneyReports.Server;

/// <summary>
/// The schedule as people think of it (daily, weekly on some weekdays, monthly on a day, at a time) and the cron it
/// makes. A cron the builder cannot say (every 15 minutes, say) is kept as raw cron instead.
/// </summary>
public sealed partial record ScheduleBuilder(string Frequency, IReadOnlyList<int> Weekdays, int DayOfMonth, string Time)
{
    public const string Daily = "daily", Weekly = "weekly", Monthly = "monthly";
    public static readonly IReadOnlyList<string> Frequencies = [Daily, Weekly, Monthly];

    /// <summary>Cron's weekday numbers, Monday first as a calendar reads; 0 is Sunday.</summary>
    public static readonly IReadOnlyList<(int Number, string Name)> Days =
        [(1, "Mon"), (2, "Tue"), (3, "Wed"), (4, "Thu"), (5, "Fri"), (6, "Sat"), (0, "Sun")];

    public static readonly ScheduleBuilder Default = new(Weekly, [1], 1, "08:00");

    [GeneratedRegex(@"^(?<m>\d{1,2}) (?<h>\d{1,2}) (?<dom>\*|\d{1,2}) \* (?<dow>\*|[0-7](,[0-7])*)$")]
    private static partial Regex Simple();

    /// <summary>The builder for a cron it can say, else null.</summary>
    public static ScheduleBuilder? FromCron(string? cron)
    {
        var m = Simple().Match((cron ?? "").Trim());
        if (!m.Success) return null;
        var minute = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        if (minute > 59 || hour > 23) return null;
        var time = $"{hour:00}:{minute:00}";
        var (dom, dow) = (m.Groups["dom"].Value, m.Groups["dow"].Value);
        if (dom == "*" && dow == "*") return new(Daily, [], 1, time);
        if (dom == "*") return new(Weekly, [.. dow.Split(',').Select(d => int.Parse(d, CultureInfo.InvariantCulture) % 7).Distinct()], 1, time);
        var day = int.Parse(dom, CultureInfo.InvariantCulture);
        return dow == "*" && day is >= 1 and <= 31 ? new(Monthly, [], day, time) : null;
    }

    /// <summary>The cron this schedule makes, or what is wrong with it (by field: frequency, weekdays, dayOfMonth, time).</summary>
    public (string? Cron, IReadOnlyDictionary<string, string> Problems) ToCron()
    {
        var problems = new Dictionary<string, string>();
        var time = TimeOnly.TryParseExact(Time, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : (TimeOnly?)null;
        if (time is null) problems["time"] = $"time '{Time}' is not a time of day such as 08:00";
        if (!Frequencies.Contains(Frequency)) problems["frequency"] = $"frequency '{Frequency}' is unknown; use {string.Join(", ", Frequencies)}";
        if (Frequency == Weekly && Weekdays.Count == 0) problems["weekdays"] = "a weekly schedule needs at least one weekday";
        if (Frequency == Monthly && DayOfMonth is < 1 or > 31) problems["dayOfMonth"] = $"day of month {DayOfMonth} must be 1 to 31";
        if (problems.Count > 0) return (null, problems);
        var at = $"{time!.Value.Minute} {time.Value.Hour}";
        return (Frequency switch
        {
            Daily => $"{at} * * *",
            Weekly => $"{at} * * {string.Join(",", Weekdays.Distinct().Order())}",
            _ => $"{at} {DayOfMonth} * *",
        }, problems);
    }

    /// <summary>In words, for lists: "Mondays at 08:00", "daily at 07:30", "monthly on day 1 at 08:00".</summary>
    public string Words() => Frequency switch
    {
        Daily => $"daily at {Time}",
        Weekly => $"{string.Join(", ", Days.Where(d => Weekdays.Contains(d.Number)).Select(d => d.Name))} at {Time}",
        _ => $"monthly on day {DayOfMonth} at {Time}",
    };
}
