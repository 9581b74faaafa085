using System.Globalization;
using System.Xml.Linq;

namespace JourneyReports.Tests;

/// <summary>What every dashboard SVG must be: well-formed, the declared size, scalable, titled and vector all the way.</summary>
public static class SvgAssert
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XDocument Valid(string svg, int width, int height, string title)
    {
        var doc = XDocument.Parse(svg);
        var root = doc.Root!;
        Assert.Equal(Ns + "svg", root.Name);
        Assert.Equal(width.ToString(CultureInfo.InvariantCulture), root.Attribute("width")?.Value);
        Assert.Equal(height.ToString(CultureInfo.InvariantCulture), root.Attribute("height")?.Value);
        Assert.Equal($"0 0 {width} {height}", root.Attribute("viewBox")?.Value);
        Assert.Equal(title, root.Element(Ns + "title")?.Value);
        // An embedded bitmap would be a chart that no longer scales, and a much bigger file.
        Assert.Empty(doc.Descendants(Ns + "image"));
        // Browsers without DejaVu get a font of nearly the same metrics rather than a serif one.
        Assert.All(doc.Descendants(Ns + "text"), t => Assert.EndsWith(", Verdana, sans-serif", t.Attribute("font-family")?.Value));
        return doc;
    }

    /// <summary>All text in the SVG, one string per text element.</summary>
    public static List<string> Texts(XDocument doc) => doc.Descendants(Ns + "text").Select(t => t.Value).ToList();
}
