using Dapper;

namespace JourneyReports.Journeys;

/// <summary>
/// One department's numbers, each as the department filter would give them: visitors who touched its products,
/// orders with a line of it and only those lines' revenue, and its ordered funnel.
/// </summary>
public sealed record DepartmentReport(
    string Department, long Visitors, long Buyers, long Orders, decimal Revenue, decimal? AverageOrderValue, decimal? Conversion,
    IReadOnlyList<FunnelStep> Funnel);

public sealed partial class JourneyMetrics
{
    /// <summary>
    /// Every department (or only the filter's), most revenue first: two queries grouped by department, whatever the
    /// number of departments. Visitors and orders spanning departments count in each.
    /// </summary>
    public async Task<IReadOnlyList<DepartmentReport>> DepartmentsAsync(ReportPeriod period, JourneyFilter filter, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<(string Department, long Visitors, long Buyers, long Orders, decimal Revenue)>(
            Command("department_kpis", Parameters(period, filter), ct));
        var funnels = (await FunnelByAsync(period, filter, "department", ct))
            .GroupBy(r => r.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<FunnelStep>)g.Select(r => new FunnelStep(r.Order, r.Stage, r.Customers, r.DropOff)).ToList(), StringComparer.Ordinal);
        IReadOnlyList<FunnelStep> none = WithDropOff(_ => 0).ToList();
        return rows.Select(r => new DepartmentReport(
                r.Department, r.Visitors, r.Buyers, r.Orders, r.Revenue, Ratio(r.Revenue, r.Orders), Ratio(r.Buyers, r.Visitors),
                funnels.GetValueOrDefault(r.Department, none)))
            .ToList();
    }
}
