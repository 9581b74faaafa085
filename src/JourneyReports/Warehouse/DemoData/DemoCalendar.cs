namespace JourneyReports.Warehouse;

/// <summary>
/// The demo year and its story: weekly rhythm, the Christmas peak, a paid-social campaign ~4 months back and a
/// checkout fault ~7 weeks back. Special periods start on Mondays so they line up with the dashboards' weeks.
/// </summary>
internal sealed class DemoCalendar
{
    // Weekends busiest, Monday close behind (evening browsing after the weekend), midweek quietest. Index = DayOfWeek.
    static readonly double[] WeekdayWeight = [1.30, 1.10, 0.90, 0.90, 0.95, 1.00, 1.25];

    static readonly double[] HourWeight =
        [0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.6, 0.8, 0.9, 1.0, 1.0, 1.3, 1.2, 1.0, 1.0, 1.0, 1.1, 1.3, 1.6, 1.8, 1.6, 1.0, 0.5];
    static readonly double[] MondayHourWeight = HourWeight.Select((w, h) => h is >= 19 and <= 22 ? w * 1.8 : w).ToArray();
    static readonly double[] OpeningHourWeight =
        [0, 0, 0, 0, 0, 0, 0, 0, 0.3, 1, 1, 1, 1.2, 1.2, 1, 1, 1, 1, 0.8, 0.4, 0, 0, 0, 0];

    readonly double[] _sessionWeight;
    readonly double[] _acquisitionCumulative;

    public DateOnly FirstDay { get; }
    public DateOnly LastDay { get; }
    public DateTime Start { get; }
    public DateTime End { get; } // exclusive
    public int Days { get; }
    public (DateOnly From, DateOnly To) Peak { get; }
    public (DateOnly From, DateOnly To) Campaign { get; }
    public (DateOnly From, DateOnly To) CheckoutFault { get; }
    public double MaxSessionWeight { get; }

    public DemoCalendar(DateOnly lastDay)
    {
        LastDay = lastDay;
        FirstDay = lastDay.AddYears(-1).AddDays(1);
        Start = FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        End = lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        Days = lastDay.DayNumber - FirstDay.DayNumber + 1;
        Peak = FindPeak();
        var campaignStart = MondayOnOrBefore(lastDay.AddDays(-120));
        Campaign = (campaignStart, campaignStart.AddDays(13));
        var faultStart = MondayOnOrBefore(lastDay.AddDays(-49));
        CheckoutFault = (faultStart, faultStart.AddDays(6));

        _sessionWeight = new double[Days];
        _acquisitionCumulative = new double[Days];
        double sum = 0;
        for (var i = 0; i < Days; i++)
        {
            var day = FirstDay.AddDays(i);
            var w = WeekdayWeight[(int)day.DayOfWeek] * (1 + 0.15 * i / Days); // the business grows a little over the year
            _sessionWeight[i] = w * (InPeak(day) ? 1.6 : 1) * (InCampaign(day) ? 1.15 : 1);
            _acquisitionCumulative[i] = sum += w * (InPeak(day) ? 1.9 : 1) * (InCampaign(day) ? 3.5 : 1);
        }
        for (var i = 0; i < Days; i++) _acquisitionCumulative[i] /= sum;
        MaxSessionWeight = _sessionWeight.Max();
    }

    public bool InPeak(DateOnly day) => day >= Peak.From && day <= Peak.To;
    public bool InCampaign(DateOnly day) => day >= Campaign.From && day <= Campaign.To;
    public bool InCheckoutFault(DateOnly day) => day >= CheckoutFault.From && day <= CheckoutFault.To;

    public static DateOnly DayOf(DateTime t) => DateOnly.FromDateTime(t);

    public double SessionWeight(DateTime t)
    {
        var i = DayOf(t).DayNumber - FirstDay.DayNumber;
        return i >= 0 && i < Days ? _sessionWeight[i] : 0;
    }

    /// <summary>A day on which a new visitor first arrives: busier in the peak, much busier in the campaign.</summary>
    public DateOnly SampleAcquisitionDay(Random r)
    {
        var i = Array.BinarySearch(_acquisitionCumulative, r.NextDouble());
        if (i < 0) i = ~i;
        return FirstDay.AddDays(Math.Min(i, Days - 1));
    }

    /// <summary>A moment on <paramref name="day"/>: evenings online, opening hours in store and on the phone.</summary>
    public static DateTime TimeOn(Random r, DateOnly day, bool openingHours = false)
    {
        var weights = openingHours ? OpeningHourWeight : day.DayOfWeek == DayOfWeek.Monday ? MondayHourWeight : HourWeight;
        var u = r.NextDouble() * weights.Sum();
        var hour = 0;
        while (hour < 23 && (u -= weights[hour]) > 0) hour++;
        return day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc).AddSeconds(r.Next(3600));
    }

    // The five weeks before a Christmas that lie wholly in the year; failing that, the last five weeks of a Nov-Dec
    // that ends the year; failing that, what is in the year of the five weeks before the latest Christmas.
    (DateOnly, DateOnly) FindPeak()
    {
        for (var year = LastDay.Year; year >= FirstDay.Year; year--)
        {
            var christmas = new DateOnly(year, 12, 25);
            if (christmas.AddDays(-35) >= FirstDay && christmas.AddDays(-1) <= LastDay) return (christmas.AddDays(-35), christmas.AddDays(-1));
        }
        if (LastDay.Month >= 11 && LastDay.AddDays(-34) >= new DateOnly(LastDay.Year, 11, 1)) return (LastDay.AddDays(-34), LastDay);
        var latest = new DateOnly(LastDay.Month == 12 && LastDay.Day >= 25 ? LastDay.Year : LastDay.Year - 1, 12, 25);
        return (Max(latest.AddDays(-35), FirstDay), Min(latest.AddDays(-1), LastDay));
    }

    static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    static DateOnly MondayOnOrBefore(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));
}
