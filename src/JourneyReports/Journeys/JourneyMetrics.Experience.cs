using Dapper;
using JourneyReports.Warehouse;

namespace JourneyReports.Journeys;

/// <summary>
/// Customer-experience metrics from survey answers and support tickets. Survey answers have neither a device nor a
/// product, so the device and department filters do not narrow them (as for the KPI tiles' NPS and CES).
/// </summary>
public sealed partial class JourneyMetrics
{
    /// <summary>
    /// Scores of one group of survey answers, each with the number of answers to its question. Nps −100..100, Csat
    /// 0..100 (% of answers 4–5), Ces mean 1–7. Emotion −1..+1: the mean of NPS/100, (mean CSAT − 3)/2 and
    /// (4 − mean CES)/3, over the scores that have answers, so each question weighs the same whatever its scale.
    /// </summary>
    public sealed record ExperienceScores(long Responses, long NpsResponses, double? Nps, long CsatResponses, double? Csat,
        long CesResponses, double? Ces, double? Emotion);

    public sealed record ExperienceRow(string Group, ExperienceScores Scores);
    public sealed record ExperiencePoint(DateOnly Start, ExperienceScores Scores);

    /// <summary>Category: tickets opened in the period; NPS/CSAT of answers after one vs the no-ticket baseline.</summary>
    public sealed record PainPoint(string Category, long Tickets, long Customers, long Answers, double? Nps, double? Csat,
        long BaselineAnswers, double? BaselineNps, double? BaselineCsat)
    {
        public double? NpsEffect => Nps - BaselineNps;
        public double? CsatEffect => Csat - BaselineCsat;
    }

    public sealed record DeliveryGroup(bool Late, long Customers, long NpsResponses, double? Nps, long CsatResponses, double? Csat,
        long ChurnObserved, long Churned, double? ChurnShare)
    {
        public string Delivery => Late ? "Late" : "On time";
    }

    public sealed record WaitBand(string Band, long Tickets, long Answers, double? Ces);

    public static readonly IReadOnlyList<string> Grains = ["week", "month"];
    public static readonly IReadOnlyList<string> WaitBands = ["<5 min", "5-15 min", "15-60 min", "60+ min"];

    public async Task<IReadOnlyList<ExperienceRow>> ExperienceByStageAsync(ReportPeriod period, JourneyFilter filter, CancellationToken ct) =>
        (await connection.QueryAsync<Scored<string>>(Command("experience_by", ExperienceBy(period, filter, "stage"), ct)))
            .OrderBy(r => JourneyStages.OrderOf(r.Key) is var o && o == 0 ? int.MaxValue : o).ThenBy(r => r.Key)
            .Select(r => new ExperienceRow(r.Key, r.Scores())).ToList();

    public async Task<IReadOnlyList<ExperienceRow>> ExperienceByTouchpointAsync(ReportPeriod period, JourneyFilter filter, CancellationToken ct) =>
        (await connection.QueryAsync<Scored<string>>(Command("experience_by", ExperienceBy(period, filter, "touchpoint"), ct)))
            .Select(r => new ExperienceRow(r.Key, r.Scores())).ToList();

    static Dapper.DynamicParameters ExperienceBy(ReportPeriod period, JourneyFilter filter, string by)
    {
        var p = Parameters(period, filter);
        p.Add("by", by);
        return p;
    }

    /// <summary>
    /// One point per local week (Monday start) or calendar month from the one holding the period's first day; the
    /// first and last points cover only the part inside the period. Points without answers have zero counts.
    /// </summary>
    public async Task<IReadOnlyList<ExperiencePoint>> ExperienceTrendAsync(ReportPeriod period, JourneyFilter filter, string grain, CancellationToken ct)
    {
        CheckGrain(grain);
        var p = Parameters(period, filter);
        p.Add("grain", grain);
        p.Add("tz", warehouse.Provider.TimeZoneName(period.TimeZoneId));
        var rows = (await connection.QueryAsync<Scored<DateTime>>(Command("experience_trend", p, ct)))
            .ToDictionary(r => DateOnly.FromDateTime(r.Key));
        var points = new List<ExperiencePoint>();
        for (var start = BucketOf(period.FirstDay, grain); start <= period.LastDay; start = grain == "week" ? start.AddDays(7) : start.AddMonths(1))
            points.Add(new ExperiencePoint(start, rows.TryGetValue(start, out var r) ? r.Scores() : new ExperienceScores(0, 0, null, 0, null, 0, null, null)));
        return points;
    }

    /// <summary>Ticket categories by volume; an answer follows a ticket opened in the <paramref name="withinDays"/> before it.</summary>
    public async Task<IReadOnlyList<PainPoint>> PainPointsAsync(ReportPeriod period, JourneyFilter filter, int withinDays, CancellationToken ct)
    {
        var p = Parameters(period, filter);
        p.Add("within_days", Positive(withinDays, nameof(withinDays)));
        return (await connection.QueryAsync<PainPoint>(Command("pain_points", p, ct))).ToList();
    }

    /// <summary>Late (first row false = on time, then late) vs on-time customers; churn = no order in <paramref name="churnDays"/>.</summary>
    public async Task<IReadOnlyList<DeliveryGroup>> LateDeliveryEffectAsync(ReportPeriod period, JourneyFilter filter, int churnDays, CancellationToken ct)
    {
        var p = Parameters(period, filter);
        p.Add("churn_days", Positive(churnDays, nameof(churnDays)));
        p.Add("tz", warehouse.Provider.TimeZoneName(period.TimeZoneId));
        return (await connection.QueryAsync<DeliveryGroup>(Command("late_delivery_effect", p, ct))).ToList();
    }

    /// <summary>All four wait bands in order; an answer belongs to the latest ticket in the <paramref name="withinDays"/> before it.</summary>
    public async Task<IReadOnlyList<WaitBand>> WaitTimeEffectAsync(ReportPeriod period, JourneyFilter filter, int withinDays, CancellationToken ct)
    {
        var p = Parameters(period, filter);
        p.Add("within_days", Positive(withinDays, nameof(withinDays)));
        var rows = (await connection.QueryAsync<(int Band, long Tickets, long Answers, double? Ces)>(Command("wait_time_effect", p, ct)))
            .ToDictionary(r => r.Band);
        return WaitBands.Select((band, i) => rows.TryGetValue(i + 1, out var r)
            ? new WaitBand(band, r.Tickets, r.Answers, r.Ces) : new WaitBand(band, 0, 0, null)).ToList();
    }

    internal static void CheckGrain(string grain)
    {
        if (!Grains.Contains(grain))
            throw new ArgumentException($"Unknown grain '{grain}'; use one of: {string.Join(", ", Grains)}.", nameof(grain));
    }

    static int Positive(int days, string name) =>
        days > 0 ? days : throw new ArgumentOutOfRangeException(name, days, $"{name} must be at least 1 day.");

    static DateOnly BucketOf(DateOnly day, string grain) =>
        grain == "week" ? MondayOf(day) : new DateOnly(day.Year, day.Month, 1);

    internal static double? Emotion(double? nps, double? csatMean, double? ces)
    {
        double?[] parts = [nps / 100, (csatMean - 3) / 2, (4 - ces) / 3];
        var known = parts.Where(x => x is not null).Select(x => x!.Value).ToList();
        return known.Count == 0 ? null : known.Average();
    }

    // A row of experience_by.sql (Key: the stage or touchpoint) or experience_trend.sql (Key: the bucket's start), the
    // scores as survey_scores names them. Dapper fills it positionally by column name and exact type.
    internal sealed record Scored<TKey>(TKey Key, long Responses, long NpsResponses, double? Nps, long CsatResponses, double? Csat,
        double? CsatMean, long CesResponses, double? Ces)
    {
        public ExperienceScores Scores() =>
            new(Responses, NpsResponses, Nps, CsatResponses, Csat, CesResponses, Ces, Emotion(Nps, CsatMean, Ces));
    }
}
