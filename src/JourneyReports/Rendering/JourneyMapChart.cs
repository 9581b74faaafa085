using System.Globalization;
using JourneyReports.Journeys;
using SkiaSharp;

namespace JourneyReports.Rendering;

/// <summary>
/// The consultancy-style customer-journey map, drawn from data: a chevron band of stages over lanes, with a label
/// column at the left. Shapes straight onto the Skia canvas, as ScottPlot has nothing like it.
/// </summary>
internal static partial class JourneyMapChart
{
    /// <summary>Lane title, a hint under it, and its share of the height; the emotion curve needs the most room to read.</summary>
    static readonly (string Title, string Hint, float Weight)[] Lanes =
    [
        ("Touchpoints", "top channels", 1.25f),
        ("Customer actions", "what they do", 1.0f),
        ("Emotion", "survey mood", 1.55f),
        ("Pain points", "support tickets", 1.05f),
        ("Customers", "drop-off vs previous", 1.0f),
    ];

    static readonly SKColor LaneShade = SKColor.Parse("#F6F8FB");
    static readonly SKColor BadTint = SKColor.Parse("#FDECEA");
    /// <summary>The categorical palette without its red, which on this map means trouble.</summary>
    static readonly SKColor[] ChannelPalette = [.. ReportTheme.Categorical.Where((_, i) => i != 2)];
    static readonly SKColor[] StageShades =
        [SKColor.Parse("#173E7E"), SKColor.Parse("#1F4E99"), SKColor.Parse("#2A5FB0"), SKColor.Parse("#366FC2"), SKColor.Parse("#427DCD"), SKColor.Parse("#4E89D4")];

    /// <summary>Scaled sizes: the theme's are for a 1200×700 canvas, and the map has to stay legible from 1200 up to print sizes.</summary>
    sealed record Metrics(float Scale)
    {
        public float Pad => 20 * Scale;
        public float Text => 13 * Scale;
        public float Small => 11.5f * Scale;
        public float Cell => 8 * Scale;
    }

    public static void Draw(SKCanvas canvas, int width, int height, JourneyMapData data, CultureInfo culture)
    {
        canvas.Clear(ReportTheme.Card);
        var m = new Metrics(Math.Clamp(Math.Min(width / 1200f, height / 700f), 0.5f, 1.6f));
        var drop = data.BiggestDropOff();
        var top = Header(canvas, width, data, drop, m, culture);
        var area = new SKRect(m.Pad, top, width - m.Pad, height - m.Pad);
        if (data.Stages.Count == 0 || area.Height < 40 * m.Scale) { PlotCanvas.NoData(canvas, area); return; }

        var labelWidth = Math.Min(160 * m.Scale, area.Width * 0.2f);
        var columnWidth = (area.Width - labelWidth) / data.Stages.Count;
        float X(int i) => area.Left + labelWidth + i * columnWidth;
        var bandHeight = 34 * m.Scale;
        StageBand(canvas, data.Stages, new SKRect(X(0), area.Top, area.Right, area.Top + bandHeight), columnWidth, m);

        var laneTop = area.Top + bandHeight + 6 * m.Scale;
        var unit = (area.Bottom - laneTop) / Lanes.Sum(l => l.Weight);
        var colors = ChannelColors(data.Stages);
        var (maxPain, maxCustomers) = (MaxPain(data), MaxCustomers(data));
        using var separator = new SKPaint { Color = ReportTheme.CardBorder, IsAntialias = true, StrokeWidth = 1 };
        for (var lane = 0; lane < Lanes.Length; lane++)
        {
            var row = new SKRect(area.Left, laneTop, area.Right, laneTop + Lanes[lane].Weight * unit);
            LaneLabel(canvas, row, labelWidth, lane, m);
            if (lane == 2) Emotion(canvas, new SKRect(X(0), row.Top, area.Right, row.Bottom), data.Stages, columnWidth, m, culture);
            for (var i = 0; i < data.Stages.Count; i++)
            {
                var cell = new SKRect(X(i) + m.Cell, row.Top + m.Cell, X(i) + columnWidth - m.Cell, row.Bottom - m.Cell);
                var stage = data.Stages[i];
                switch (lane)
                {
                    case 0: TouchpointCell(canvas, cell, stage.Touchpoints, colors, m); break;
                    case 1: ActionCell(canvas, cell, stage.Actions, m); break;
                    case 3: PainCell(canvas, cell, stage.PainPoints, maxPain, m, culture); break;
                    case 4:
                        var worst = drop is not null && i > 0 && data.Stages[i - 1].Stage == drop.From && stage.Stage == drop.To;
                        CustomerCell(canvas, new SKRect(X(i), row.Top, X(i) + columnWidth, row.Bottom), stage, maxCustomers, worst, m, culture);
                        break;
                }
            }
            laneTop = row.Bottom;
            canvas.DrawLine(area.Left, row.Bottom, area.Right, row.Bottom, separator);
        }
        for (var i = 1; i < data.Stages.Count; i++)
            canvas.DrawLine(X(i), area.Top + bandHeight + 6 * m.Scale, X(i), area.Bottom, separator);
    }

    /// <summary>Title, persona line, and the biggest drop-off callout at the right; returns where the map starts.</summary>
    static float Header(SKCanvas canvas, int width, JourneyMapData data, JourneyMapDropOff? drop, Metrics m, CultureInfo culture)
    {
        var titleSize = 22 * m.Scale;
        var calloutWidth = 0f;
        var bottom = m.Pad + titleSize + 10 * m.Scale + m.Text + 14 * m.Scale;
        if (drop is not null)
        {
            var headline = $"Biggest drop-off: {ReportFormat.StageName(drop.From)} → {ReportFormat.StageName(drop.To)}, " +
                $"{drop.Share.ToString("P0", culture)} lost";
            var lost = drop.Lost < 1_000_000 ? drop.Lost.ToString("N0", culture) : ReportFormat.Compact((double)drop.Lost, culture);
            var detail = $"{lost} customers did not continue";
            calloutWidth = Math.Min(width * 0.45f, Math.Max(CanvasText.Measure(headline, m.Text, bold: true), CanvasText.Measure(detail, m.Small)) + 34 * m.Scale);
            var box = new SKRect(width - m.Pad - calloutWidth, m.Pad - 4 * m.Scale, width - m.Pad, bottom - 12 * m.Scale);
            using var fill = new SKPaint { Color = BadTint, IsAntialias = true };
            using var bar = new SKPaint { Color = ReportTheme.Bad, IsAntialias = true };
            canvas.DrawRoundRect(box, 6 * m.Scale, 6 * m.Scale, fill);
            canvas.DrawRoundRect(new SKRect(box.Left, box.Top, box.Left + 5 * m.Scale, box.Bottom), 2, 2, bar);
            var x = box.Left + 18 * m.Scale;
            CanvasText.Draw(canvas, headline, x, box.MidY - 3 * m.Scale, m.Text, ReportTheme.Bad, bold: true, maxWidth: box.Right - x - 8);
            CanvasText.Draw(canvas, detail, x, box.MidY + m.Small + 1 * m.Scale, m.Small, ReportTheme.Text, maxWidth: box.Right - x - 8);
        }
        var textWidth = width - 2 * m.Pad - (calloutWidth > 0 ? calloutWidth + 16 * m.Scale : 0);
        var y = m.Pad + titleSize * 0.8f;
        CanvasText.Draw(canvas, data.Title, m.Pad, y, titleSize, ReportTheme.Heading, bold: true, maxWidth: textWidth);
        y += titleSize * 0.45f + m.Text + 6 * m.Scale;
        var persona = string.IsNullOrWhiteSpace(data.Persona) ? "" : $"Persona: {data.Persona}";
        var personaWidth = persona.Length == 0 ? 0 : Math.Min(CanvasText.Measure(persona, m.Text, bold: true), textWidth);
        if (persona.Length > 0) CanvasText.Draw(canvas, persona, m.Pad, y, m.Text, ReportTheme.Accent, bold: true, maxWidth: textWidth);
        if (!string.IsNullOrWhiteSpace(data.Subtitle))
        {
            var x = m.Pad + (personaWidth > 0 ? personaWidth + 6 * m.Scale : 0);
            var text = (personaWidth > 0 ? "· " : "") + data.Subtitle;
            if (m.Pad + textWidth - x > 30) CanvasText.Draw(canvas, text, x, y, m.Text, ReportTheme.Muted, maxWidth: m.Pad + textWidth - x);
        }
        return bottom;
    }

    /// <summary>Chevrons, like the arrows on a drawn journey map: each stage leads into the next.</summary>
    static void StageBand(SKCanvas canvas, IReadOnlyList<JourneyMapStage> stages, SKRect band, float columnWidth, Metrics m)
    {
        var tip = Math.Min(12 * m.Scale, columnWidth / 6);
        using var fill = new SKPaint { IsAntialias = true };
        for (var i = 0; i < stages.Count; i++)
        {
            var (x0, x1) = (band.Left + i * columnWidth, band.Left + (i + 1) * columnWidth - 2);
            using var path = new SKPath();
            path.MoveTo(x0, band.Top);
            path.LineTo(x1 - tip, band.Top);
            path.LineTo(x1, band.MidY);
            path.LineTo(x1 - tip, band.Bottom);
            path.LineTo(x0, band.Bottom);
            if (i > 0) path.LineTo(x0 + tip, band.MidY);
            path.Close();
            fill.Color = StageShades[Math.Min(i, StageShades.Length - 1)];
            canvas.DrawPath(path, fill);
            var left = x0 + (i > 0 ? tip : 0) + 4;
            CanvasText.Draw(canvas, ReportFormat.StageName(stages[i].Stage), (left + x1 - tip) / 2, band.MidY + m.Text * 0.4f, m.Text * 1.05f,
                SKColors.White, bold: true, align: SKTextAlign.Center, maxWidth: x1 - tip - left - 4);
        }
    }

    static void LaneLabel(SKCanvas canvas, SKRect row, float labelWidth, int lane, Metrics m)
    {
        if (lane % 2 == 0)
        {
            using var shade = new SKPaint { Color = LaneShade };
            canvas.DrawRect(row, shade);
        }
        var (title, hint, _) = Lanes[lane];
        var max = labelWidth - 10 * m.Scale;
        CanvasText.Draw(canvas, title, row.Left + 6 * m.Scale, row.MidY - 2 * m.Scale, m.Text, ReportTheme.Heading, bold: true, maxWidth: max);
        CanvasText.Draw(canvas, hint, row.Left + 6 * m.Scale, row.MidY + m.Small + 1 * m.Scale, m.Small * 0.92f, ReportTheme.Muted, maxWidth: max);
    }

    /// <summary>One colour per channel across the whole map, in order of first appearance, so a channel is recognisable in every stage.</summary>
    static Dictionary<string, SKColor> ChannelColors(IReadOnlyList<JourneyMapStage> stages) =>
        ReportTheme.ColorsFor(stages.SelectMany(s => s.Touchpoints ?? []).Where(t => t is not null).Select(t => t.Name ?? ""), ChannelPalette);

    static long MaxPain(JourneyMapData d) => d.Stages.SelectMany(s => s.PainPoints ?? []).Where(p => p is not null).Select(p => p.Count).DefaultIfEmpty(0).Max();

    static long MaxCustomers(JourneyMapData d) => d.Stages.Select(s => s.Customers).DefaultIfEmpty(0).Max();
}
