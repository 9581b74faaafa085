using System.Text.RegularExpressions;
using System.Text;
using System.Xml.Linq;
using SkiaSharp;

namespace JourneyReports.Rendering;

/// <summary>
/// One drawing routine, three outputs: a raster surface for PNG, Skia's SVG canvas for the web and its PDF document for
/// print, so they can never disagree about layout. Vector all the way: nothing is drawn as an embedded bitmap.
/// </summary>
internal static class VisualCanvas
{
    /// <summary>Large enough for any print layout, small enough that a bad request cannot allocate gigabytes.</summary>
    public const int MaxSide = 8000;

    public static byte[] Png(int width, int height, Action<SKCanvas> draw)
    {
        CheckSize(width, height);
        ReportFonts.EnsureRegistered();
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"Skia could not allocate a {width}x{height} surface.");
        draw(surface.Canvas);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    public static string Svg(int width, int height, string title, Action<SKCanvas> draw)
    {
        CheckSize(width, height);
        ReportFonts.EnsureRegistered();
        using var stream = new MemoryStream();
        // The SVG is only complete once the canvas is disposed.
        using (var canvas = SKSvgCanvas.Create(SKRect.Create(width, height), stream))
            draw(canvas);
        return Finish(Encoding.UTF8.GetString(stream.ToArray()), width, height, title);
    }

    /// <summary>
    /// Points per pixel on a PDF page: a pixel is a CSS pixel, 1/96 inch, as a browser prints one, so a 1200 px dashboard is
    /// a 12.5 inch (900 pt) page whose 14 px text prints at 10.5 pt, and a PDF viewer at 100% shows it as large as the PNG.
    /// </summary>
    public const float PdfPointsPerPixel = 72f / 96f;

    /// <summary>
    /// The same drawing on one PDF page of <paramref name="width"/> × <paramref name="height"/> pixels
    /// (<see cref="PdfPointsPerPixel"/>): text stays text in the embedded DejaVu fonts, with their Unicode map so a reader
    /// can copy and search it, and shapes stay shapes. The fonts go in whole (this Skia build has no font subsetter), about
    /// 0.7 MB of every document. The document is titled, made by JourneyReports and dated <paramref name="created"/>;
    /// nothing in it comes from the clock, so the same input gives the same bytes.
    /// </summary>
    public static byte[] Pdf(int width, int height, string title, DateTimeOffset created, Action<SKCanvas> draw)
    {
        CheckSize(width, height);
        ReportFonts.EnsureRegistered();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title,
            Creator = "JourneyReports",
            Creation = created.UtcDateTime,
            Modified = created.UtcDateTime,
            // Skia rounds the page to whole pixels at this resolution; a multiple of 96 keeps a pixel-sized page exact
            // (1446 px high is 1084.5 pt, not 1084.56). Nothing is drawn as a bitmap, but should Skia ever have to
            // rasterise an effect, it would come out at this print resolution.
            RasterDpi = 288,
        };
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, metadata)
            ?? throw new InvalidOperationException("Skia could not create a PDF document."))
        {
            var canvas = document.BeginPage(width * PdfPointsPerPixel, height * PdfPointsPerPixel);
            canvas.Scale(PdfPointsPerPixel);
            draw(canvas);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    /// <summary>
    /// Tidies what Skia's SVG backend writes. Browsers without DejaVu would fall back to a serif font; Verdana has nearly
    /// the same metrics. Skia's per-glyph position lists end in ", ", which the SVG grammar does not allow, and its text
    /// is padded with newlines and tabs that only collapse to nothing under default xml:space rules. Skia writes width and
    /// height but no viewBox, without which a browser cannot scale the drawing to fit a smaller box.
    /// </summary>
    static string Finish(string svg, int width, int height, string title)
    {
        var doc = XDocument.Parse(svg);
        var root = doc.Root ?? throw new InvalidOperationException("Skia produced an empty SVG document.");
        XNamespace ns = root.Name.Namespace;
        foreach (var text in root.Descendants(ns + "text"))
        {
            if (text.Attribute("font-family") is { } family)
                family.Value = $"'{family.Value}', Verdana, sans-serif";
            foreach (var name in new[] { "x", "y" })
                if (text.Attribute(name) is { } list)
                    list.Value = string.Join(' ', list.Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries));
            if (!text.HasElements) text.Value = text.Value.Trim();
        }
        NumberIds(root);
        root.SetAttributeValue("viewBox", FormattableString.Invariant($"0 0 {width} {height}"));
        root.AddFirst(new XElement(ns + "title", title));
        return doc.Declaration + root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>
    /// Skia names each clip path after a counter shared by the whole process, so the same drawing would come out with
    /// different ids every time; numbering ids in document order makes the same input give the same document.
    /// </summary>
    static void NumberIds(XElement root)
    {
        var fresh = new Dictionary<string, string>();
        foreach (var id in root.Descendants().Attributes("id").ToList())
        {
            if (!fresh.TryGetValue(id.Value, out var name)) fresh[id.Value] = name = $"d{fresh.Count + 1}";
            id.Value = name;
        }
        string Renamed(string id) => fresh.GetValueOrDefault(id, id);
        foreach (var a in root.Descendants().Attributes().ToList())
            if (a.Name.LocalName == "href" && a.Value.StartsWith('#'))
                a.Value = "#" + Renamed(a.Value[1..]);
            else if (a.Value.Contains("url(#", StringComparison.Ordinal))
                a.Value = Regex.Replace(a.Value, @"url\(#([^)]+)\)", m => $"url(#{Renamed(m.Groups[1].Value)})");
    }

    static void CheckSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxSide);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, MaxSide);
    }

    /// <summary>White card background, title and optional subtitle; returns the area left for the visual.</summary>
    public static SKRect Frame(SKCanvas canvas, int width, int height, string title, string? subtitle)
    {
        canvas.Clear(ReportTheme.Card);
        var pad = ReportTheme.CardPadding;
        var y = pad + ReportTheme.SectionTitleSize * 0.8f;
        CanvasText.Draw(canvas, title, pad, y, ReportTheme.SectionTitleSize, ReportTheme.Heading, bold: true, maxWidth: width - 2 * pad);
        if (!string.IsNullOrWhiteSpace(subtitle))
        {
            y += 24;
            CanvasText.Draw(canvas, subtitle, pad, y, ReportTheme.SmallSize, ReportTheme.Muted, maxWidth: width - 2 * pad);
        }
        return new SKRect(pad, y + 18, width - pad, height - pad);
    }
}
