using System.Globalization;
using JourneyReports.Journeys;
using SkiaSharp;

namespace JourneyReports.Rendering;

/// <summary>
/// Draws one visual of a dashboard definition into its grid rectangle, by type, with the existing chart code where
/// there is one. Failures stay inside the visual's cell.
/// </summary>
internal static class DashboardVisuals
{
    /// <summary>
    /// Draws the visual; returns null, or the problem it shows in its cell instead. <paramref name="persona"/> is the
    /// dashboard's persona filter, which a journey map names under its title.
    /// </summary>
    public static string? DrawContained(SKCanvas canvas, SKRect rect, VisualDefinition visual, DatasetRows? data, CultureInfo culture, string? persona = null)
    {
        var title = string.IsNullOrWhiteSpace(visual.Title) ? visual.Id : visual.Title;
        // The first line of the warehouse's message says what went wrong; the rest (the query, a caret) does not fit a cell.
        if (data?.Error is { } error) return Message(canvas, rect, title, $"Could not load data: {error.Split('\n')[0].Trim()}");
        if (data is null) return Message(canvas, rect, title, $"Could not load data: no dataset '{visual.Dataset}'");
        if (data.Rows.Count == 0) { Message(canvas, rect, title, PlotCanvas.NoDataText); return null; }

        // Null after a NoValuesException: an empty chart says so in its cell but is not a problem.
        string? problem;
        var saved = canvas.Save();
        try
        {
            canvas.ClipRect(rect);
            Draw(canvas, rect, title, visual, data.Rows, culture, persona ?? "All customers");
            return null;
        }
        catch (NoValuesException) { problem = null; }
        catch (Exception e) { problem = $"Could not draw: {e.Message}"; }
        finally { canvas.RestoreToCount(saved); }
        Message(canvas, rect, title, problem ?? PlotCanvas.NoDataText);
        return problem;
    }

    static string Message(SKCanvas canvas, SKRect rect, string title, string message)
    {
        var area = CanvasText.Section(canvas, rect, title);
        CanvasText.Draw(canvas, message, area.MidX, area.MidY, ReportTheme.BodySize, ReportTheme.Muted, align: SKTextAlign.Center, maxWidth: area.Width);
        return message;
    }

    static void Draw(SKCanvas canvas, SKRect rect, string title, VisualDefinition v, IReadOnlyList<object> rows, CultureInfo culture, string persona)
    {
        string F(string role) => v.Fields.TryGetValue(role, out var f) ? f : throw new InvalidOperationException($"no '{role}' field");
        string? Maybe(string role) => v.Fields.GetValueOrDefault(role);
        switch (v.Type)
        {
            case "kpi-tiles": Kpis(canvas, rect, v, rows, culture); break;
            case "funnel":
                FunnelChart.Draw(canvas, CanvasText.Section(canvas, rect, title), Funnel(rows, F("label"), F("value"), culture), culture);
                break;
            case "heatmap":
                Whole(canvas, rect, (c, w, h) => HeatmapChart.Draw(c, w, h, Heatmap(title, rows, F("x"), F("y"), F("value"), v.Format, culture), culture));
                break;
            case "flow":
                Whole(canvas, rect, (c, w, h) => FlowChart.Draw(c, w, h, Flow(title, rows, F("source"), F("target"), F("value"), culture), culture));
                break;
            case "journey-map":
                Whole(canvas, rect, (c, w, h) => JourneyMapChart.Draw(c, w, h, JourneyMap(title, persona, v, rows, culture), culture));
                break;
            case "table": DashboardTable.Draw(canvas, CanvasText.Section(canvas, rect, title), v, rows, culture); break;
            case "line" or "area" or "bar" or "grouped-bar" or "stacked-bar" or "scatter":
                DashboardPlots.Draw(canvas, CanvasText.Section(canvas, rect, title), v.Type, F("x"), F("y"), Maybe("series"), Maybe("label"), v.Format, rows, culture);
                break;
            default: throw new NotSupportedException($"visual type '{v.Type}' is not supported");
        }
    }

    /// <summary>The charts that draw a whole canvas of their own (title and card included), clipped and moved into the cell.</summary>
    static void Whole(SKCanvas canvas, SKRect rect, Action<SKCanvas, int, int> draw)
    {
        canvas.Save();
        canvas.ClipRoundRect(new SKRoundRect(rect, ReportTheme.CardRadius), antialias: true);
        canvas.Translate(rect.Left, rect.Top);
        draw(canvas, (int)rect.Width, (int)rect.Height);
        canvas.Restore();
        CanvasText.CardBorder(canvas, rect);
    }

    static void Kpis(SKCanvas canvas, SKRect rect, VisualDefinition v, IReadOnlyList<object> rows, CultureInfo culture)
    {
        var format = v.Format switch { "money" => KpiFormat.Currency, "percent" => KpiFormat.Percent, "points" => KpiFormat.Score, _ => KpiFormat.Count };
        var kpis = rows.All(r => r is Kpi) ? rows.Cast<Kpi>().ToList() : [.. rows.Select(r =>
        {
            var label = RowFields.Text(RowFields.Get(r, v.Fields["label"]), culture);
            var previous = v.Fields.TryGetValue("previous", out var p) ? RowFields.Number(r, p) : null;
            return new Kpi(label, label, (decimal?)RowFields.Number(r, v.Fields["value"]), (decimal?)previous, format);
        })];
        // The tiles have a fixed height; a shorter cell scales them down rather than cutting them off.
        var need = KpiTiles.HeightFor(kpis.Count);
        var scale = Math.Min(1f, rect.Height / need);
        canvas.Save();
        canvas.Translate(rect.Left, rect.Top);
        canvas.Scale(scale);
        KpiTiles.Draw(canvas, new SKRect(0, 0, rect.Width / scale, need), kpis, culture.NumberFormat.CurrencySymbol, culture);
        canvas.Restore();
    }

    static List<FunnelStep> Funnel(IReadOnlyList<object> rows, string label, string value, CultureInfo culture)
    {
        var stages = Sum(rows, r => RowFields.Text(RowFields.Get(r, label), culture), r => RowFields.Number(r, value) ?? 0);
        return [.. stages.Select((s, i) => new FunnelStep(i + 1, s.Key, (long)Math.Round(s.Value),
            i == 0 || stages[i - 1].Value <= 0 ? null : (decimal)(1 - s.Value / stages[i - 1].Value)))];
    }

    /// <summary>Values summed by key, keys in the order they first appear.</summary>
    static List<KeyValuePair<string, double>> Sum(IEnumerable<object> rows, Func<object, string> key, Func<object, double> value)
    {
        var sums = new Dictionary<string, double>();
        var order = new List<string>();
        foreach (var r in rows)
        {
            var k = key(r);
            if (!sums.ContainsKey(k)) { order.Add(k); sums[k] = 0; }
            sums[k] += value(r);
        }
        return [.. order.Select(k => new KeyValuePair<string, double>(k, sums[k]))];
    }

    static HeatmapData Heatmap(string title, IReadOnlyList<object> rows, string x, string y, string value, string? format, CultureInfo culture)
    {
        var columns = Keys(rows, x, culture);
        var rowLabels = Keys(rows, y, culture);
        var values = new double?[rowLabels.Count, columns.Count];
        foreach (var r in rows)
        {
            var (i, j) = (rowLabels.IndexOf(Label(r, y, culture)), columns.IndexOf(Label(r, x, culture)));
            values[i, j] = (values[i, j] ?? 0) + RowFields.Number(r, value);
        }
        return new HeatmapData(title, rowLabels, columns, values, format == "percent" ? HeatmapData.Percent : HeatmapData.Number);
    }

    /// <summary>A field's value as a label: keys from the data ("search_ads") as words, anything else as text.</summary>
    internal static string Label(object row, string field, CultureInfo culture) =>
        RowFields.Get(row, field) is string s ? ReportFormat.StageName(s) : RowFields.Text(RowFields.Get(row, field), culture);

    /// <summary>Distinct labels of a field: sorted when the field is a number or date, else in order of appearance.</summary>
    static List<string> Keys(IReadOnlyList<object> rows, string field, CultureInfo culture)
    {
        var sortable = RowFields.Get(rows[0], field) is not (string or bool or null);
        var ordered = sortable ? rows.OrderBy(r => RowFields.Number(r, field)) : rows.AsEnumerable();
        return [.. ordered.Select(r => Label(r, field, culture)).Distinct()];
    }

    /// <summary>Sources on the left, targets on the right: works for any links, cycles (A → B → A) included.</summary>
    static FlowData Flow(string title, IReadOnlyList<object> rows, string source, string target, string value, CultureInfo culture)
    {
        var links = Sum(rows, r => Label(r, source, culture) + "\u0001" + Label(r, target, culture), r => RowFields.Number(r, value) ?? 0)
            .Select(l => (From: l.Key.Split('\u0001')[0], To: l.Key.Split('\u0001')[1], Value: (long)Math.Round(l.Value))).Where(l => l.Value > 0).ToList();
        var nodes = links.Select(l => l.From).Distinct().Select(n => new FlowNode("from:" + n, n, 0, n))
            .Concat(links.Select(l => l.To).Distinct().Select(n => new FlowNode("to:" + n, n, 1, n))).ToList();
        return new FlowData(title, nodes, [.. links.Select(l => new FlowEdge("from:" + l.From, "to:" + l.To, l.Value))],
            [RowFields.Header(source), RowFields.Header(target)]);
    }

    /// <summary>
    /// Stages as columns. The journey-map metric gives whole stages (every lane filled). For other datasets: with a
    /// series, the series are the stage's touchpoints (value = share); with "points" the value is a score on −100..100
    /// drawn as the emotion curve; otherwise the value is the stage's customers.
    /// </summary>
    static JourneyMapData JourneyMap(string title, string persona, VisualDefinition v, IReadOnlyList<object> rows, CultureInfo culture)
    {
        if (rows.All(r => r is JourneyMapStage)) return new JourneyMapData(title, persona, null, [.. rows.Cast<JourneyMapStage>()]);
        var stage = v.Fields["stage"];
        var value = v.Fields["value"];
        var series = v.Fields.GetValueOrDefault("series");
        var stages = new List<JourneyMapStage>();
        foreach (var group in rows.GroupBy(r => RowFields.Text(RowFields.Get(r, stage), culture)))
        {
            var total = group.Sum(r => RowFields.Number(r, value) ?? 0);
            var touchpoints = series is null ? [] : group.Select(r => new JourneyMapTouchpoint(
                RowFields.Text(RowFields.Get(r, series), culture), RowFields.Number(r, value) ?? 0)).OrderByDescending(t => t.Share).ToList();
            double? emotion = v.Format == "points" ? Math.Clamp(total / 100, -1, 1) : null;
            long customers = series is null && v.Format != "points" ? (long)Math.Round(total) : 0;
            var previous = stages.LastOrDefault();
            decimal? drop = previous is { Customers: > 0 } && customers > 0 ? 1 - (decimal)customers / previous.Customers : null;
            stages.Add(new JourneyMapStage(group.Key, customers, drop, touchpoints, [], emotion, []));
        }
        return new JourneyMapData(title, persona, null, stages);
    }
}
