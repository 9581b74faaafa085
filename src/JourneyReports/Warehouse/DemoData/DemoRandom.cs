namespace JourneyReports.Warehouse;

/// <summary>Random helpers for the demo generator. Everything derives from System.Random so a seed fixes the output.</summary>
internal static class DemoRandom
{
    /// <summary>
    /// A seed for one stream (products, customers, anonymous visitors) and one index within it. SplitMix64 rather than
    /// HashCode.Combine because HashCode is randomised per process and would break reproducibility.
    /// </summary>
    public static int Mix(int seed, int stream, long index)
    {
        unchecked
        {
            var z = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)stream << 48 ^ (ulong)index;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & 0x7FFFFFFF);
        }
    }

    public static bool Chance(this Random r, double p) => r.NextDouble() < p;

    public static double Exp(this Random r, double mean) => -mean * Math.Log(1 - r.NextDouble());

    public static double Normal(this Random r) =>
        Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    public static double Between(this Random r, double min, double max) => min + (max - min) * r.NextDouble();

    /// <summary>Inclusive of both ends.</summary>
    public static int Range(this Random r, (int Min, int Max) range) => r.Next(range.Min, range.Max + 1);

    public static T Pick<T>(this Random r, T[] items) => items[r.Next(items.Length)];

    public static int Clamp(double value, int min, int max) => Math.Clamp((int)Math.Round(value), min, max);
}

/// <summary>A fixed weighted choice, e.g. a persona's channel preferences.</summary>
internal sealed class Weighted<T>
{
    readonly T[] _items;
    readonly double[] _cumulative;

    public Weighted(params (T Item, double Weight)[] choices)
    {
        _items = choices.Select(c => c.Item).ToArray();
        _cumulative = new double[choices.Length];
        double sum = 0;
        for (var i = 0; i < choices.Length; i++) _cumulative[i] = sum += choices[i].Weight;
        for (var i = 0; i < choices.Length; i++) _cumulative[i] /= sum;
    }

    public T Next(Random r)
    {
        var u = r.NextDouble();
        for (var i = 0; i < _cumulative.Length - 1; i++)
            if (u < _cumulative[i]) return _items[i];
        return _items[^1];
    }
}
