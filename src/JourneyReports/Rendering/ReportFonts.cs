using ScottPlot;
using SkiaSharp;

namespace JourneyReports.Rendering;

/// <summary>
/// The embedded DejaVu fonts, used for every piece of text in rendered reports. ScottPlot's Skia build on Linux does not
/// see system fonts, and system fonts differ between machines anyway; shipping our own makes every machine render the
/// same pixels and keeps text from silently disappearing.
/// </summary>
internal static class ReportFonts
{
    /// <summary>
    /// The family name ScottPlot is asked for. Deliberately not "DejaVu Sans": a system font of that name could
    /// otherwise win the lookup on machines that have one installed.
    /// </summary>
    public const string Family = "JourneyReports Sans";

    static readonly Lazy<SKTypeface> regular = new(() => Load("fonts/DejaVuSans.ttf"));
    static readonly Lazy<SKTypeface> bold = new(() => Load("fonts/DejaVuSans-Bold.ttf"));
    static readonly object registrationGate = new();
    static bool registered;

    public static SKTypeface Regular => regular.Value;
    public static SKTypeface Bold => bold.Value;

    /// <summary>Makes <see cref="Family"/> resolvable by ScottPlot; safe to call from any thread, any number of times.</summary>
    public static void EnsureRegistered()
    {
        if (Volatile.Read(ref registered)) return;
        lock (registrationGate)
        {
            if (registered) return;
            // First in the list so no other resolver can answer for our family name.
            Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
            // Plottables that are not styled explicitly fall back to Fonts.Default; pointing it at our family means
            // nothing in a report can end up in an unresolvable (invisible) system font.
            Fonts.Default = Family;
            Volatile.Write(ref registered, true);
        }
    }

    public static SKFont Font(float size, bool isBold = false) => new(isBold ? Bold : Regular, size)
    {
        Edging = SKFontEdging.Antialias,
        Subpixel = true,
    };

    static SKTypeface Load(string resourceName)
    {
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded font '{resourceName}' is missing from {typeof(ReportFonts).Assembly.GetName().Name}.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"Embedded font '{resourceName}' could not be read by Skia.");
    }

    sealed class EmbeddedFontResolver : IFontResolver
    {
        // The typefaces are shared and never disposed: ScottPlot caches what resolvers return for the process lifetime.
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == Family ? (weight >= FontWeight.SemiBold ? Bold : Regular) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            CreateTypeface(fontName, bold ? FontWeight.Bold : FontWeight.Normal, italic ? FontSlant.Italic : FontSlant.Upright, FontSpacing.Normal);
    }
}
