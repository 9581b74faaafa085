using System.Globalization;
using JourneyReports.Journeys;
using SkiaSharp;

namespace JourneyReports.Rendering;

internal static partial class JourneyMapChart
{
    static readonly SKColor Mixed = SKColor.Parse("#D89614");
    const double NeutralBand = 0.1;

    /// <summary>
    /// A smooth curve through the stages' emotion scores, shaded green above the zero line and red below, with a face
    /// at each score. A stage without a score breaks the curve: joining across it would invent a mood nobody reported.
    /// </summary>
    static void Emotion(SKCanvas canvas, SKRect lane, IReadOnlyList<JourneyMapStage> stages, float columnWidth, Metrics m, CultureInfo culture)
    {
        var face = 10 * m.Scale;
        var zero = lane.MidY;
        // The scale stretches to the strongest mood (at least ±0.5) so a map of mild scores still shows its shape; every
        // point is labelled with its score, so the stretch cannot mislead.
        var strongest = stages.Select(s => s.Emotion is { } e && double.IsFinite(e) ? Math.Min(1, Math.Abs(e)) : 0).DefaultIfEmpty(0).Max();
        var range = Math.Max(0.5, Math.Ceiling(strongest * 4) / 4);
        var amplitude = Math.Max(2, lane.Height / 2 - face - m.Small - 4 * m.Scale) / (float)range;
        var points = stages.Select((s, i) => s.Emotion is { } e && double.IsFinite(e)
            ? new SKPoint(lane.Left + (i + 0.5f) * columnWidth, zero - (float)Math.Clamp(e, -1, 1) * amplitude) : (SKPoint?)null).ToList();

        using var zeroLine = new SKPaint { Color = ReportTheme.Muted.WithAlpha(140), IsAntialias = true, StrokeWidth = 1, Style = SKPaintStyle.Stroke,
            PathEffect = SKPathEffect.CreateDash([4 * m.Scale, 4 * m.Scale], 0) };
        canvas.DrawLine(lane.Left, zero, lane.Right, zero, zeroLine);

        using var good = new SKPaint { Color = ReportTheme.Good.WithAlpha(45), IsAntialias = true };
        using var bad = new SKPaint { Color = ReportTheme.Bad.WithAlpha(45), IsAntialias = true };
        using var stroke = new SKPaint { Color = ReportTheme.Heading.WithAlpha(200), IsAntialias = true, Style = SKPaintStyle.Stroke,
            StrokeWidth = 2.5f * m.Scale, StrokeJoin = SKStrokeJoin.Round, StrokeCap = SKStrokeCap.Round };
        foreach (var run in Runs(points))
        {
            var curve = Sample(run);
            using var above = Area(curve, zero, y => Math.Min(y, zero));
            using var below = Area(curve, zero, y => Math.Max(y, zero));
            canvas.DrawPath(above, good);
            canvas.DrawPath(below, bad);
            using var line = new SKPath();
            line.AddPoly(curve, close: false);
            canvas.DrawPath(line, stroke);
        }

        for (var i = 0; i < stages.Count; i++)
        {
            var x = lane.Left + (i + 0.5f) * columnWidth;
            if (points[i] is not { } p)
            {
                CanvasText.Draw(canvas, "no survey data", x, zero - 6 * m.Scale, m.Small * 0.92f, ReportTheme.Muted, align: SKTextAlign.Center, maxWidth: columnWidth - 8);
                continue;
            }
            var e = Math.Clamp(stages[i].Emotion!.Value, -1, 1);
            var color = e > NeutralBand ? ReportTheme.Good : e < -NeutralBand ? ReportTheme.Bad : Mixed;
            Face(canvas, p, face, color, e);
            var label = (e > 0 ? "+" : e < 0 ? "−" : "") + Math.Abs(e).ToString("0.0", culture);
            var y = e >= 0 ? p.Y - face - 5 * m.Scale : p.Y + face + m.Small + 3 * m.Scale;
            CanvasText.Draw(canvas, label, p.X, y, m.Small, color, bold: true, align: SKTextAlign.Center);
        }
    }

    /// <summary>Runs of consecutive stages that have a score.</summary>
    static IEnumerable<List<SKPoint>> Runs(IReadOnlyList<SKPoint?> points)
    {
        var run = new List<SKPoint>();
        foreach (var p in points)
        {
            if (p is { } q) { run.Add(q); continue; }
            if (run.Count > 1) yield return run;
            run = [];
        }
        if (run.Count > 1) yield return run;
    }

    /// <summary>
    /// Catmull-Rom through the points, sampled to a polyline: the same points give the stroke and the shaded areas, so
    /// the shading meets the curve exactly. Horizontal control points keep the curve from looping back between columns.
    /// </summary>
    static SKPoint[] Sample(List<SKPoint> run)
    {
        const int steps = 24;
        var result = new List<SKPoint> { run[0] };
        for (var i = 0; i < run.Count - 1; i++)
        {
            var (p0, p1, p2, p3) = (run[Math.Max(0, i - 1)], run[i], run[i + 1], run[Math.Min(run.Count - 1, i + 2)]);
            var c1 = new SKPoint(p1.X + (p2.X - p1.X) / 3, p1.Y + (p2.Y - p0.Y) / 6);
            var c2 = new SKPoint(p2.X - (p2.X - p1.X) / 3, p2.Y - (p3.Y - p1.Y) / 6);
            for (var s = 1; s <= steps; s++)
            {
                var t = s / (float)steps;
                var u = 1 - t;
                result.Add(new SKPoint(
                    u * u * u * p1.X + 3 * u * u * t * c1.X + 3 * u * t * t * c2.X + t * t * t * p2.X,
                    u * u * u * p1.Y + 3 * u * u * t * c1.Y + 3 * u * t * t * c2.Y + t * t * t * p2.Y));
            }
        }
        return [.. result];
    }

    static SKPath Area(SKPoint[] curve, float zero, Func<float, float> clampY)
    {
        var path = new SKPath();
        path.MoveTo(curve[0].X, zero);
        foreach (var p in curve) path.LineTo(p.X, clampY(p.Y));
        path.LineTo(curve[^1].X, zero);
        path.Close();
        return path;
    }

    /// <summary>A filled circle with eyes and a smile, a straight mouth or a frown: the mood reads without the legend.</summary>
    static void Face(SKCanvas canvas, SKPoint c, float r, SKColor color, double emotion)
    {
        using var fill = new SKPaint { Color = color, IsAntialias = true };
        using var ring = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1.5f, r * 0.2f) };
        canvas.DrawCircle(c, r, fill);
        canvas.DrawCircle(c, r, ring);
        using var feature = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawCircle(c.X - r * 0.35f, c.Y - r * 0.25f, r * 0.13f, feature);
        canvas.DrawCircle(c.X + r * 0.35f, c.Y - r * 0.25f, r * 0.13f, feature);
        using var mouth = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = r * 0.16f, StrokeCap = SKStrokeCap.Round };
        using var path = new SKPath();
        var (left, right, y) = (c.X - r * 0.42f, c.X + r * 0.42f, c.Y + r * 0.3f);
        var bend = emotion > NeutralBand ? r * 0.35f : emotion < -NeutralBand ? -r * 0.35f : 0;
        path.MoveTo(left, y - bend / 2);
        path.QuadTo(c.X, y + bend, right, y - bend / 2);
        canvas.DrawPath(path, mouth);
    }
}
