using System.Globalization;
using UglyToad.PdfPig;

namespace JourneyReports.Tests;

/// <summary>
/// The executive weekly dashboard as a PDF, read back with a PDF reader: at the 1200 px its layout asks for, from hand-made
/// results. "Rendering" and "Pdf" in the name let `--filter FullyQualifiedName~Rendering` (or ~Pdf) select these.
/// </summary>
public class DashboardPdfRenderingTests
{
    static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    static readonly DashboardDefinition Executive = SampleDashboards.Executive();
    static readonly int Height = DashboardComposer.PageHeight(Executive, 1200);

    static byte[] Pdf(DashboardResult result, DashboardDefinition? definition = null, int? width = null) =>
        DashboardComposer.RenderPdf(definition ?? Executive, result, EnGb, width).Pdf;

    static string Text(DashboardResult result, DashboardDefinition? definition = null) =>
        PdfAssert.Valid(Pdf(result, definition), 1200, Height, (definition ?? Executive).Title);

    [Fact]
    public void Executive_dashboard_pdf_is_one_page_of_its_size_at_three_quarters_of_a_point_per_pixel()
    {
        // 1200 × 1446 px (150 px header, 14 rows of 90 px, 36 px footer) is 900 × 1084.5 pt: 12.5 × 15.06 inches.
        Assert.Equal(1446, Height);
        using var document = PdfDocument.Open(Pdf(SampleDashboards.ExecutiveWeekly()));
        var page = Assert.Single(document.GetPages());
        Assert.Equal(900, page.Width, 0.01);
        Assert.Equal(1084.5, page.Height, 0.01);
    }

    [Fact]
    public void A_wider_page_asked_for_gives_a_wider_pdf()
    {
        var height = DashboardComposer.PageHeight(Executive, 1600);
        PdfAssert.Valid(Pdf(SampleDashboards.ExecutiveWeekly(), width: 1600), 1600, height, Executive.Title);
        using var document = PdfDocument.Open(Pdf(SampleDashboards.ExecutiveWeekly(), width: 1600));
        Assert.Equal(1200, document.GetPage(1).Width, 0.01);
    }

    [Fact]
    public void Pdf_text_reads_back_with_its_unicode_header_kpis_and_chart_labels()
    {
        var text = Text(SampleDashboards.ExecutiveWeekly());

        Assert.Contains("Executive weekly journey", text);
        Assert.Contains("Week 16–22 Nov 2026 vs 9–15 Nov 2026", text);   // en dashes
        Assert.Contains("Visitors48,210", text);                          // a tile's label, then its value
        Assert.Contains("Revenue£128,456", text);
        Assert.Contains("▲ +4.2%", text);
        Assert.Contains("Journey funnel", text);
        Assert.Contains("Channel mix by stage", text);
        Assert.Contains("Top pain points this week", text);
        Assert.Contains("Late delivery", text);
        // Drawn by ScottPlot, which renders a plot twice the first time: each label once, as text.
        Assert.Equal(1, PdfAssert.Count(text, "▼ 55.3% drop-off"));
        Assert.Equal(1, PdfAssert.Count(text, "100%"));
        Assert.Equal(1, PdfAssert.Count(text, "£100K"));
        Assert.Equal(3, PdfAssert.Count(text, "14 Sept"));   // the x axes of the three trends
    }

    [Fact]
    public void Pdf_is_vector_with_no_images_and_both_dejavu_faces_embedded()
    {
        using var document = PdfDocument.Open(Pdf(SampleDashboards.ExecutiveWeekly()));
        var page = document.GetPage(1);

        Assert.Empty(page.GetImages());
        Assert.Equal(["DejaVuSans", "DejaVuSans-Bold"], PdfAssert.EmbeddedFonts(document, page).Order());
        // Every letter is set in one of them (a subset-tagged name such as "BAAAAA+DejaVuSans").
        Assert.All(page.Letters, l => Assert.Matches(@"^[A-Z]{6}\+DejaVuSans(-Bold)?$", l.FontName ?? ""));
    }

    [Fact]
    public void Pdf_is_titled_made_by_journeyreports_and_dated_when_the_result_was_generated()
    {
        var result = SampleDashboards.ExecutiveWeekly();
        using var document = PdfDocument.Open(Pdf(result));
        using var later = PdfDocument.Open(Pdf(result with { GeneratedAt = result.GeneratedAt.AddDays(7) }));

        Assert.Equal("Executive weekly journey", document.Information.Title);
        Assert.Equal("JourneyReports", document.Information.Creator);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), result.GeneratedAt);
        Assert.Equal(result.GeneratedAt, document.Information.GetCreatedDateTimeOffset());
        Assert.Equal(result.GeneratedAt.AddDays(7), later.Information.GetCreatedDateTimeOffset());
    }

    [Fact]
    public void Same_input_gives_the_same_pdf_bytes()
    {
        Assert.Equal(Pdf(SampleDashboards.ExecutiveWeekly()), Pdf(SampleDashboards.ExecutiveWeekly()));
    }

    [Fact]
    public void Empty_data_pdf_says_so_in_each_chart()
    {
        var rendered = DashboardComposer.RenderPdf(Executive, SampleDashboards.Empty(), EnGb);
        var text = PdfAssert.Valid(rendered.Pdf, 1200, Height, Executive.Title);

        Assert.Empty(rendered.Problems);
        // The funnel, the three trends, the channel mix and the pain-point table have no rows.
        Assert.Equal(6, PdfAssert.Count(text, "No data for this period"));
        Assert.Equal(7, PdfAssert.Count(text, "no comparison"));
    }

    [Fact]
    public void Long_title_is_shortened_on_the_page_but_whole_in_the_document_title()
    {
        var definition = SampleDashboards.Executive(SampleDashboards.LongTitle);
        var text = PdfAssert.Valid(Pdf(SampleDashboards.Extreme(), definition), 1200, Height, SampleDashboards.LongTitle);

        Assert.Contains("Executive weekly journey — a deliberately", text);
        Assert.DoesNotContain(SampleDashboards.LongTitle, text);
        Assert.Contains("£3T", text);
    }

    [Fact]
    public void A_visual_alone_is_a_pdf_page_the_size_of_its_grid_cell()
    {
        var result = SampleDashboards.ExecutiveWeekly();
        var visual = DashboardComposer.RenderVisualPdf(Executive, result, "funnel", EnGb)!;
        using var png = SkiaSharp.SKBitmap.Decode(DashboardComposer.RenderVisual(Executive, result, "funnel", EnGb)!.Png);

        // Six of twelve 96 px columns ((1200 − 2 × 32 + 16) / 12), four rows of 90 px, less the 16 px gap: 560 × 344 px.
        Assert.Equal((560, 344), (png.Width, png.Height));
        var text = PdfAssert.Valid(visual.Pdf, png.Width, png.Height, "Journey funnel");
        Assert.Empty(visual.Problems);
        Assert.StartsWith("Journey funnel", text);
        Assert.Contains("▼ 55.3% drop-off", text);
        Assert.DoesNotContain("Executive weekly journey", text);
        Assert.Null(DashboardComposer.RenderVisualPdf(Executive, result, "no-such-visual", EnGb));
    }
}
