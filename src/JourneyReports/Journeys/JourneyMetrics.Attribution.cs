using Dapper;

namespace JourneyReports.Journeys;

public sealed partial class JourneyMetrics
{
    static readonly Dictionary<string, AttributionModel> RuleModels = new()
    {
        ["first_touch"] = AttributionModel.FirstTouch,
        ["last_touch"] = AttributionModel.LastTouch,
        ["linear"] = AttributionModel.Linear,
        ["time_decay"] = AttributionModel.TimeDecay,
        ["position_based"] = AttributionModel.PositionBased,
    };

    /// <summary>
    /// The period's orders and revenue credited to channels by all six models, one row per (model, channel). Every
    /// model's rows add up to the period's orders and revenue; orders without a touch in the lookback are "(none)".
    /// </summary>
    public async Task<IReadOnlyList<AttributionRow>> AttributionAsync(ReportPeriod period, JourneyFilter filter,
        AttributionOptions options, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.LookbackDays, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.HalfLifeDays, 0);
        var p = Parameters(period, filter);
        p.Add("lookback_days", options.LookbackDays);
        p.Add("half_life_days", options.HalfLifeDays);

        var rows = (await connection.QueryAsync<(string Kind, string Label, double Orders, long NonConversions, double Revenue)>(Command("attribution", p, ct)))
            .ToList();
        var credits = rows.Where(r => r.Kind != "path")
            .Select(r => (Model: RuleModels[r.Kind], Channel: r.Label, r.Orders, r.Revenue))
            .ToList();
        var paths = rows.Where(r => r.Kind == "path")
            .Select(r => (Path: r.Label, Conversions: (long)r.Orders, r.NonConversions, r.Revenue))
            .ToList();
        var untouched = credits.Where(c => c.Model == AttributionModel.FirstTouch && c.Channel == AttributionRow.NoTouch).ToList();
        credits.AddRange(MarkovCredits(paths, untouched));

        return credits
            .GroupBy(c => c.Model)
            .SelectMany(model =>
            {
                var total = model.Sum(c => c.Orders);
                return model.Select(c => new AttributionRow(c.Model, c.Channel, c.Orders, Math.Round((decimal)c.Revenue, 2), total > 0 ? c.Orders / total : 0));
            })
            .OrderBy(r => r.Model).ThenByDescending(r => r.Orders).ThenBy(r => r.Channel, StringComparer.Ordinal)
            .ToList();
    }

    // Touched orders and revenue shared by normalised removal effect; untouched orders stay "(none)" as in every model.
    static IEnumerable<(AttributionModel, string, double, double)> MarkovCredits(
        List<(string Path, long Conversions, long NonConversions, double Revenue)> paths,
        List<(AttributionModel Model, string Channel, double Orders, double Revenue)> untouched)
    {
        var shares = MarkovAttribution.Shares(paths.Select(r => (SplitPath(r.Path), r.Conversions, r.NonConversions)).ToList());
        var (orders, revenue) = (paths.Sum(r => r.Conversions), paths.Sum(r => r.Revenue));
        foreach (var (channel, share) in shares.Where(s => s.Value > 0))
            yield return (AttributionModel.Markov, channel, orders * share, revenue * share);
        foreach (var none in untouched)
            yield return (AttributionModel.Markov, none.Channel, none.Orders, none.Revenue);
    }
}
