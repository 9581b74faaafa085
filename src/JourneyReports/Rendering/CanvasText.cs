using SkiaSharp;

namespace JourneyReports.Rendering;

/// <summary>Text and card drawing on the dashboard canvas, always with the embedded fonts.</summary>
internal static class CanvasText
{
    /// <summary>Draws <paramref name="text"/> with its baseline at <paramref name="y"/>, shortened with "…" to fit <paramref name="maxWidth"/>.</summary>
    public static void Draw(SKCanvas canvas, string text, float x, float y, float size, SKColor color, bool bold = false,
        SKTextAlign align = SKTextAlign.Left, float maxWidth = float.MaxValue)
    {
        using var font = ReportFonts.Font(size, bold);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(Fit(text, font, maxWidth), x, y, align, font, paint);
    }

    public static float Measure(string text, float size, bool bold = false)
    {
        using var font = ReportFonts.Font(size, bold);
        return font.MeasureText(text);
    }

    /// <summary>The largest size from <paramref name="size"/> down to <paramref name="minSize"/> at which the text fits, or null if none does.</summary>
    public static float? SizeToFit(string text, float size, float minSize, float maxWidth, bool bold = false)
    {
        using var font = ReportFonts.Font(size, bold);
        for (var s = size; s >= minSize; s -= 1)
        {
            font.Size = s;
            if (font.MeasureText(text) <= maxWidth) return s;
        }
        return null;
    }

    public static string Fit(string text, SKFont font, float maxWidth)
    {
        if (font.MeasureText(text) <= maxWidth) return text;
        const string ellipsis = "…";
        // Binary search on length: channel names can be arbitrarily long.
        int lo = 0, hi = text.Length;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (font.MeasureText(text[..mid].TrimEnd() + ellipsis) <= maxWidth) lo = mid; else hi = mid - 1;
        }
        return lo == 0 ? "" : text[..lo].TrimEnd() + ellipsis;
    }

    /// <summary>A legend entry: a colour swatch at <paramref name="x"/> and its text <paramref name="textOffset"/> to the right.</summary>
    public static void LegendKey(SKCanvas canvas, string text, SKColor color, float x, float baseline, float textOffset = 20, float maxWidth = float.MaxValue)
    {
        using var swatch = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawRoundRect(new SKRect(x, baseline - 11, x + 14, baseline + 1), 3, 3, swatch);
        Draw(canvas, text, x + textOffset, baseline, ReportTheme.SmallSize, ReportTheme.Text, maxWidth: maxWidth);
    }

    public static void Card(SKCanvas canvas, SKRect rect)
    {
        using var fill = new SKPaint { Color = ReportTheme.Card, IsAntialias = true };
        canvas.DrawRoundRect(rect, ReportTheme.CardRadius, ReportTheme.CardRadius, fill);
        CardBorder(canvas, rect);
    }

    /// <summary>The card's outline alone, for a card whose inside something else has painted.</summary>
    public static void CardBorder(SKCanvas canvas, SKRect rect)
    {
        using var border = new SKPaint { Color = ReportTheme.CardBorder, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        canvas.DrawRoundRect(rect, ReportTheme.CardRadius, ReportTheme.CardRadius, border);
    }

    /// <summary>A white card with a section title and optional note; returns the area left for the content.</summary>
    public static SKRect Section(SKCanvas canvas, SKRect rect, string title, string? note = null)
    {
        Card(canvas, rect);
        var pad = ReportTheme.CardPadding;
        var baseline = rect.Top + pad + ReportTheme.SectionTitleSize * 0.8f;
        Draw(canvas, title, rect.Left + pad, baseline, ReportTheme.SectionTitleSize, ReportTheme.Heading, bold: true);
        if (note is not null)
        {
            var titleWidth = Measure(title, ReportTheme.SectionTitleSize, bold: true);
            Draw(canvas, note, rect.Left + pad + titleWidth + 14, baseline, ReportTheme.SmallSize, ReportTheme.Muted,
                maxWidth: rect.Width - 2 * pad - titleWidth - 14);
        }
        return new SKRect(rect.Left + pad, baseline + 14, rect.Right - pad, rect.Bottom - pad);
    }
}
