using Dapper;

namespace JourneyReports.Journeys;

public sealed partial class JourneyMetrics
{

    sealed record JourneyKpiRow(
        long Visitors, long Customers, long Buyers, long Orders, decimal Revenue, long OrderingCustomers, long RepeatCustomers,
        long ChurnBase, long Churned, double? Nps, double? Csat, double? Ces);

    /// <summary>
    /// The journey KPIs of <paramref name="period"/> against <paramref name="comparison"/> (default: the period before).
    /// Definitions (journey_kpis.sql): customers = distinct known customers with a touchpoint; conversion = visitors
    /// who reached purchase ÷ visitors; repeat rate = ordering customers with another, earlier order (before or within
    /// the period) ÷ ordering customers; CSAT = share of answers 4–5; churn rate = as <see cref="ChurnAsync"/>: of
    /// the customers with an order from <paramref name="churnDays"/> before the period start to its end, the share
    /// whose latest order is more than <paramref name="churnDays"/> before the period end.
    /// </summary>
    public Task<IReadOnlyList<Kpi>> JourneyKpisAsync(ReportPeriod period, ReportPeriod? comparison, JourneyFilter filter, CancellationToken ct) =>
        JourneyKpisAsync(period, comparison, filter, DefaultChurnDays, ct);

    public async Task<IReadOnlyList<Kpi>> JourneyKpisAsync(
        ReportPeriod period, ReportPeriod? comparison, JourneyFilter filter, int churnDays, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(churnDays);
        var now = await JourneyKpiRowAsync(period, filter, churnDays, ct);
        var before = await JourneyKpiRowAsync(comparison ?? period.Previous(), filter, churnDays, ct);
        return
        [
            new("visitors", "Visitors", now.Visitors, before.Visitors, KpiFormat.Count),
            new("customers", "Customers", now.Customers, before.Customers, KpiFormat.Count),
            new("conversion", "Conversion rate", Ratio(now.Buyers, now.Visitors), Ratio(before.Buyers, before.Visitors), KpiFormat.Percent),
            new("orders", "Orders", now.Orders, before.Orders, KpiFormat.Count),
            new("revenue", "Revenue", now.Revenue, before.Revenue, KpiFormat.Currency),
            new("aov", "Average order value", Ratio(now.Revenue, now.Orders), Ratio(before.Revenue, before.Orders), KpiFormat.Currency),
            new("repeat_rate", "Repeat rate", Ratio(now.RepeatCustomers, now.OrderingCustomers), Ratio(before.RepeatCustomers, before.OrderingCustomers), KpiFormat.Percent),
            new("nps", "NPS", Score(now.Nps), Score(before.Nps), KpiFormat.Score),
            new("csat", "CSAT (4–5)", Share(now.Csat), Share(before.Csat), KpiFormat.Percent),
            new("ces", "Customer effort (CES)", Score(now.Ces), Score(before.Ces), KpiFormat.Score),
            new("churn_rate", "Churn rate", Ratio(now.Churned, now.ChurnBase), Ratio(before.Churned, before.ChurnBase), KpiFormat.Percent),
        ];
    }

    async Task<JourneyKpiRow> JourneyKpiRowAsync(ReportPeriod period, JourneyFilter filter, int churnDays, CancellationToken ct)
    {
        var p = Parameters(period, filter);
        p.Add("churn_days", churnDays);
        // Twelve columns are more than Dapper maps to a value tuple, so they are read by name.
        var r = (IDictionary<string, object?>)await connection.QuerySingleAsync(Command("journey_kpis", p, ct));
        long L(string c) => Convert.ToInt64(r[c], System.Globalization.CultureInfo.InvariantCulture);
        double? D(string c) => r[c] is null ? null : Convert.ToDouble(r[c], System.Globalization.CultureInfo.InvariantCulture);
        return new JourneyKpiRow(L("visitors"), L("customers"), L("buyers"), L("orders"),
            Convert.ToDecimal(r["revenue"], System.Globalization.CultureInfo.InvariantCulture), L("ordering_customers"), L("repeat_customers"),
            L("churn_base"), L("churned"), D("nps"), D("csat"), D("ces"));
    }

    static decimal? Score(double? value) => value is null ? null : Math.Round((decimal)value.Value, 2);
    static decimal? Share(double? value) => value is null ? null : Math.Round((decimal)value.Value, 6);
}
