using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;

namespace JourneyReports.Tests;

/// <summary>
/// What every dashboard PDF must be, read back with a PDF reader (PdfPig): one page of the drawing's size at 0.75 pt per
/// pixel, titled, vector all the way (no images) and with every font embedded.
/// </summary>
public static class PdfAssert
{
    /// <summary>Checks the document and returns its page's text (each drawn string's letters, in drawing order).</summary>
    public static string Valid(byte[] pdf, int width, int height, string title)
    {
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.Equal(width * 0.75, page.Width, 0.01);
        Assert.Equal(height * 0.75, page.Height, 0.01);
        Assert.Equal(title, document.Information.Title);
        Assert.Equal("JourneyReports", document.Information.Creator);
        // An image would be a chart that no longer scales (or text that cannot be searched), and a bigger file.
        Assert.Empty(page.GetImages());
        Assert.Subset(new HashSet<string> { "DejaVuSans", "DejaVuSans-Bold" }, EmbeddedFonts(document, page).ToHashSet());
        return page.Text;
    }

    /// <summary>How often <paramref name="text"/> occurs in <paramref name="pageText"/>.</summary>
    public static int Count(string pageText, string text) =>
        System.Text.RegularExpressions.Regex.Count(pageText, System.Text.RegularExpressions.Regex.Escape(text));

    /// <summary>
    /// The base names (without the subset tag) of the page's fonts; fails for any font whose program is not in the file,
    /// which a reader without that font would have to replace.
    /// </summary>
    public static IEnumerable<string> EmbeddedFonts(PdfDocument document, Page page)
    {
        IToken Resolve(IToken token) => token is IndirectReferenceToken r ? document.Structure.GetObject(r.Data).Data : token;
        DictionaryToken Dict(DictionaryToken d, string key) =>
            Assert.IsType<DictionaryToken>(Resolve(d.Data.TryGetValue(key, out var t) ? t : throw new Xunit.Sdk.XunitException($"no /{key} in {d}")));

        var fonts = Dict(Dict(page.Dictionary, "Resources"), "Font");
        Assert.NotEmpty(fonts.Data);
        foreach (var token in fonts.Data.Values)
        {
            var font = Assert.IsType<DictionaryToken>(Resolve(token));
            var name = Assert.IsType<NameToken>(font.Data["BaseFont"]).Data;
            // A Type0 (composite) font describes its glyphs in its one descendant font.
            var described = font.Data.TryGetValue("DescendantFonts", out var descendants)
                ? Assert.IsType<DictionaryToken>(Resolve(Assert.Single(Assert.IsType<ArrayToken>(Resolve(descendants)).Data)))
                : font;
            var descriptor = Dict(described, "FontDescriptor");
            Assert.True(new[] { "FontFile", "FontFile2", "FontFile3" }.Any(descriptor.Data.ContainsKey), $"font {name} is not embedded");
            yield return name.Contains('+') ? name[(name.IndexOf('+') + 1)..] : name;
        }
    }
}
