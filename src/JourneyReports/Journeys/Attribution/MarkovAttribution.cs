namespace JourneyReports.Journeys;

/// <summary>
/// Data-driven attribution by a first-order Markov chain over channel paths (states: start, each channel, conversion,
/// null). A channel's removal effect is 1 - P(conversion with the channel removed) / P(conversion); removing a channel
/// sends every visit to it to null.
/// </summary>
public static class MarkovAttribution
{
    /// <summary>Removal effect per channel; empty when nothing converts.</summary>
    public static IReadOnlyDictionary<string, double> RemovalEffects(IReadOnlyList<(string[] Path, long Conversions, long NonConversions)> paths)
    {
        var chain = Chain.From(paths);
        var baseline = chain.ConversionProbability(removed: null);
        if (baseline <= 0) return new Dictionary<string, double>();
        return chain.Channels.ToDictionary(c => c, c => 1 - chain.ConversionProbability(c) / baseline);
    }

    /// <summary>Removal effects normalised to shares that sum to 1 (empty when no channel has an effect).</summary>
    public static IReadOnlyDictionary<string, double> Shares(IReadOnlyList<(string[] Path, long Conversions, long NonConversions)> paths)
    {
        var effects = RemovalEffects(paths);
        var total = effects.Values.Sum();
        return total <= 0 ? new Dictionary<string, double>() : effects.ToDictionary(e => e.Key, e => e.Value / total);
    }

    sealed class Chain
    {
        public required List<string> Channels { get; init; }
        // Transient states are start (0) and the channels (1..n); counts to the two absorbing states are kept apart.
        public required double[,] ToTransient { get; init; }
        public required double[] ToConversion { get; init; }
        public required double[] Outgoing { get; init; }

        public static Chain From(IReadOnlyList<(string[] Path, long Conversions, long NonConversions)> paths)
        {
            var channels = paths.SelectMany(p => p.Path).Distinct().Order(StringComparer.Ordinal).ToList();
            var index = channels.Select((c, i) => (c, i + 1)).ToDictionary(x => x.c, x => x.Item2);
            var n = channels.Count + 1;
            var chain = new Chain { Channels = channels, ToTransient = new double[n, n], ToConversion = new double[n], Outgoing = new double[n] };
            foreach (var (path, conversions, nonConversions) in paths)
            {
                var journeys = conversions + nonConversions;
                if (path.Length == 0 || journeys == 0) continue;
                var from = 0;
                foreach (var step in path)
                {
                    var to = index[step];
                    chain.ToTransient[from, to] += journeys;
                    chain.Outgoing[from] += journeys;
                    from = to;
                }
                chain.ToConversion[from] += conversions;
                chain.Outgoing[from] += journeys; // conversions to conversion, the rest to null
            }
            return chain;
        }

        /// <summary>Probability of absorbing in conversion from start: solves x = Q x + r by Gaussian elimination.</summary>
        public double ConversionProbability(string? removed)
        {
            var n = Channels.Count + 1;
            var skip = removed is null ? -1 : Channels.IndexOf(removed) + 1;
            var a = new double[n, n + 1];
            for (var i = 0; i < n; i++)
            {
                a[i, i] = 1;
                if (i == skip || Outgoing[i] == 0) continue; // a removed (or dead-end) state converts nothing
                for (var j = 0; j < n; j++) a[i, j] -= ToTransient[i, j] / Outgoing[i];
                a[i, n] = ToConversion[i] / Outgoing[i];
            }
            return Solve(a, n)[0];
        }

        static double[] Solve(double[,] a, int n)
        {
            for (var col = 0; col < n; col++)
            {
                var pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(a[r, col]));
                for (var k = 0; k <= n; k++) (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
                for (var r = 0; r < n; r++)
                {
                    if (r == col || a[r, col] == 0) continue;
                    var f = a[r, col] / a[col, col];
                    for (var k = col; k <= n; k++) a[r, k] -= f * a[col, k];
                }
            }
            return Enumerable.Range(0, n).Select(i => a[i, n] / a[i, i]).ToArray();
        }
    }
}
