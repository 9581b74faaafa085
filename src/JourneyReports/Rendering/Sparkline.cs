using SkiaSharp;

namespace JourneyReports.Rendering;

/// <summary>
/// A KPI's recent weeks as a small line without axes: the shape matters, not the values (the tile shows those). The
/// line breaks where a week has no value rather than pretending it was zero; the latest week gets a dot.
/// </summary>
internal static class Sparkline
{
    /// <summary>At least two values are needed for a line; fewer draws nothing.</summary>
    public static bool CanDraw(IReadOnlyList<double?>? values) => values is not null && values.Count(v => v is { } d && double.IsFinite(d)) >= 2;

    public static void Draw(SKCanvas canvas, SKRect area, IReadOnlyList<double?> values, SKColor color)
    {
        if (!CanDraw(values) || area.Width < 8 || area.Height < 8) return;
        var present = values.Where(v => v is { } d && double.IsFinite(d)).Select(v => v!.Value).ToList();
        var (low, high) = (present.Min(), present.Max());
        // A flat series is drawn as a flat line through the middle, not at the bottom edge.
        if (high - low < 1e-12) (low, high) = (low - 1, high + 1);
        float X(int i) => values.Count == 1 ? area.MidX : area.Left + area.Width * i / (values.Count - 1);
        float Y(double v) => (float)(area.Bottom - (v - low) / (high - low) * area.Height);

        using var line = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2, StrokeJoin = SKStrokeJoin.Round, StrokeCap = SKStrokeCap.Round };
        using var fill = new SKPaint { Color = color.WithAlpha(36), IsAntialias = true, Style = SKPaintStyle.Fill };
        using var dot = new SKPaint { Color = color, IsAntialias = true };
        foreach (var run in Runs(values))
        {
            using var path = new SKPath();
            using var band = new SKPath();
            for (var k = 0; k < run.Count; k++)
            {
                var (x, y) = (X(run[k]), Y(values[run[k]]!.Value));
                if (k == 0) { path.MoveTo(x, y); band.MoveTo(x, area.Bottom); }
                else path.LineTo(x, y);
                band.LineTo(x, y);
            }
            band.LineTo(X(run[^1]), area.Bottom);
            band.Close();
            canvas.DrawPath(band, fill);
            if (run.Count > 1) canvas.DrawPath(path, line);
            else canvas.DrawCircle(X(run[0]), Y(values[run[0]]!.Value), 1.5f, dot);
        }
        var last = values.Select((v, i) => (v, i)).Last(p => p.v is { } d && double.IsFinite(d));
        canvas.DrawCircle(X(last.i), Y(last.v!.Value), 3.5f, dot);
    }

    /// <summary>Indexes of consecutive present values: each run is drawn as its own piece of line.</summary>
    static List<List<int>> Runs(IReadOnlyList<double?> values)
    {
        var runs = new List<List<int>>();
        List<int>? current = null;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } d && double.IsFinite(d)) (current ??= []).Add(i);
            else if (current is not null) { runs.Add(current); current = null; }
        }
        if (current is not null) runs.Add(current);
        return runs;
    }
}
