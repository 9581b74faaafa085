using Dapper;

namespace JourneyReports.Journeys;

/// <summary>Retention metrics from orders: cohorts, repeat purchase and churn. Definitions in docs/journey-model.md.</summary>
public sealed partial class JourneyMetrics
{
    /// <summary>One cell: the cohort's start (local week Monday or month's first day), its size, and how many of it ordered in period k after.</summary>
    public sealed record CohortCell(DateTime Cohort, long Size, long PeriodIndex, long Customers, double Share);

    public sealed record RepeatPurchase(long Customers, long Repeaters)
    {
        public double? Rate => Customers == 0 ? null : (double)Repeaters / Customers;
    }

    /// <summary>Churned (true) or retained customers, described by what they did from churnDays before the period start to its end.</summary>
    public sealed record ChurnGroup(bool Churned, long Customers, double? TicketShare, double? MeanCes, double? LateShare,
        double MeanOrders, decimal MeanRevenue)
    {
        public IReadOnlyList<ChannelShare> Channels { get; init; } = [];

        /// <summary>"Churned" or "Retained": the group's name on a chart or in a table.</summary>
        public string Group => Churned ? "Churned" : "Retained";
    }

    public sealed record ChannelShare(bool Churned, string Channel, long Events, double Share)
    {
        public string Group => Churned ? "Churned" : "Retained";
    }

    public sealed record ChurnReport(long Customers, long Churned, double? ChurnRate, ChurnGroup? ChurnedGroup, ChurnGroup? RetainedGroup);

    public const int DefaultChurnDays = 90;

    /// <summary>Cells of the cohorts starting inside the period, up to the newest order, zero-filled; ordered by cohort then k.</summary>
    public async Task<IReadOnlyList<CohortCell>> CohortRetentionAsync(ReportPeriod period, JourneyFilter filter, string grain, CancellationToken ct)
    {
        CheckGrain(grain);
        var p = Parameters(period, filter);
        p.Add("grain", grain);
        p.Add("tz", warehouse.Provider.TimeZoneName(period.TimeZoneId));
        return (await connection.QueryAsync<CohortCell>(Command("cohort_retention", p, ct))).ToList();
    }

    /// <summary>Customers who ordered in the period and those of them who ordered twice or more.</summary>
    public async Task<RepeatPurchase> RepeatPurchaseAsync(ReportPeriod period, JourneyFilter filter, CancellationToken ct) =>
        await connection.QuerySingleAsync<RepeatPurchase>(Command("repeat_purchase", Parameters(period, filter), ct));

    /// <summary>
    /// Churn as of the period end (latest order more than <paramref name="churnDays"/> before it) among the customers
    /// active at some point in the period, with churned and retained customers compared.
    /// </summary>
    public async Task<ChurnReport> ChurnAsync(ReportPeriod period, JourneyFilter filter, int churnDays, CancellationToken ct)
    {
        var groups = await ChurnGroupsAsync(period, filter, churnDays, ct);
        var channels = await ChurnChannelsAsync(period, filter, churnDays, ct);
        ChurnGroup? Group(bool churned) => groups.FirstOrDefault(g => g.Churned == churned) is { } g
            ? g with { Channels = channels.Where(c => c.Churned == churned).ToList() } : null;
        var (churnedGroup, retainedGroup) = (Group(true), Group(false));
        var all = groups.Sum(g => g.Customers);
        var lost = churnedGroup?.Customers ?? 0;
        return new ChurnReport(all, lost, all == 0 ? null : (double)lost / all, churnedGroup, retainedGroup);
    }

    /// <summary>The churned and the retained group (churned first), without their channel shares.</summary>
    public async Task<IReadOnlyList<ChurnGroup>> ChurnGroupsAsync(ReportPeriod period, JourneyFilter filter, int churnDays, CancellationToken ct) =>
        [.. (await connection.QueryAsync<ChurnGroup>(Command("churn_groups", ChurnParameters(period, filter, churnDays), ct))).OrderByDescending(g => g.Churned)];

    /// <summary>Each group's share of its events per channel.</summary>
    public async Task<IReadOnlyList<ChannelShare>> ChurnChannelsAsync(ReportPeriod period, JourneyFilter filter, int churnDays, CancellationToken ct) =>
        [.. await connection.QueryAsync<ChannelShare>(Command("churn_channels", ChurnParameters(period, filter, churnDays), ct))];

    Dapper.DynamicParameters ChurnParameters(ReportPeriod period, JourneyFilter filter, int churnDays)
    {
        var p = Parameters(period, filter);
        p.Add("churn_days", Positive(churnDays, nameof(churnDays)));
        p.Add("tz", warehouse.Provider.TimeZoneName(period.TimeZoneId));
        return p;
    }
}
