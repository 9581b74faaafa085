using SkiaSharp;

namespace JourneyReports.Rendering;

/// <summary>Colours, sizes and spacing shared by every part of the rendered dashboards, so the pieces look like one report.</summary>
internal static class ReportTheme
{
    public static readonly SKColor PageBackground = SKColor.Parse("#F3F5F9");
    public static readonly SKColor Card = SKColors.White;
    public static readonly SKColor CardBorder = SKColor.Parse("#DDE2EA");
    public static readonly SKColor Accent = SKColor.Parse("#1F4E99");
    public static readonly SKColor Heading = SKColor.Parse("#1B2437");
    public static readonly SKColor Text = SKColor.Parse("#2E3747");
    public static readonly SKColor Muted = SKColor.Parse("#6B7385");
    public static readonly SKColor Gridline = SKColor.Parse("#E6E9EF");
    public static readonly SKColor Good = SKColor.Parse("#1E7D3A");
    public static readonly SKColor Bad = SKColor.Parse("#C0392B");
    public static readonly SKColor Neutral = SKColor.Parse("#6B7385");

    public static readonly SKColor Visitors = SKColor.Parse("#2F6FDE");
    public static readonly SKColor Orders = SKColor.Parse("#E8762B");
    public static readonly SKColor Revenue = SKColor.Parse("#2A9D8F");

    /// <summary>Darkest for the top of the funnel; later stages get lighter so the narrowing reads at a glance.</summary>
    public static readonly SKColor[] FunnelShades =
        [SKColor.Parse("#1F4E99"), SKColor.Parse("#2C63B8"), SKColor.Parse("#3F7BD0"), SKColor.Parse("#5C93DC"), SKColor.Parse("#7EABE5"), SKColor.Parse("#A3C3EE")];

    /// <summary>Tableau 10: distinguishable, colour-blind aware, and familiar to BI readers.</summary>
    public static readonly SKColor[] Categorical =
    [
        SKColor.Parse("#4E79A7"), SKColor.Parse("#F28E2B"), SKColor.Parse("#E15759"), SKColor.Parse("#76B7B2"), SKColor.Parse("#59A14F"),
        SKColor.Parse("#EDC948"), SKColor.Parse("#B07AA1"), SKColor.Parse("#FF9DA7"), SKColor.Parse("#9C755F"), SKColor.Parse("#BAB0AC"),
    ];

    public const float Margin = 32;
    public const float Gap = 16;
    public const float CardRadius = 10;
    public const float CardPadding = 20;

    // Sizes are for the 1200 px canvas; they stay readable when an email client shows it at half width.
    public const float TitleSize = 30;
    public const float SubtitleSize = 18;
    public const float SectionTitleSize = 20;
    public const float BodySize = 15;
    public const float SmallSize = 14;
    public const float AxisSize = 15;

    /// <summary>One colour per distinct key, in the keys' order, going round <paramref name="palette"/> (by default <see cref="Categorical"/>).</summary>
    public static Dictionary<string, SKColor> ColorsFor(IEnumerable<string> keys, SKColor[]? palette = null)
    {
        palette ??= Categorical;
        return keys.Distinct().Select((k, i) => (k, palette[i % palette.Length])).ToDictionary(p => p.k, p => p.Item2);
    }

    /// <summary>Dark text on light fills, white on dark ones (by perceived brightness).</summary>
    public static SKColor TextOn(SKColor fill) =>
        0.299 * fill.Red + 0.587 * fill.Green + 0.114 * fill.Blue > 150 ? Heading : SKColors.White;

    public static ScottPlot.Color ToPlot(this SKColor c) => new(c.Red, c.Green, c.Blue, c.Alpha);
}
