using A = DocumentFormat.OpenXml.Drawing;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace JourneyReports.Workbooks;

/// <summary>
/// Adds pictures to a saved workbook with the Open XML SDK. ClosedXML 0.95's own picture API reads image sizes through
/// System.Drawing/libgdiplus, which this server does not have, so images go in after ClosedXML has saved.
/// </summary>
public static class WorkbookImages
{
    // Dashboards are rendered at high resolution for sharpness; on the sheet they are shown no wider than a screen.
    const int MaxDashboardWidthPx = 960;

    /// <summary>
    /// Builds a workbook with <paramref name="fill"/> (which returns the Summary row the dashboard image goes at), then
    /// adds <paramref name="dashboardPng"/> there, if any, and writes the whole file to <paramref name="output"/> at once.
    /// Built in memory because the image is added by reopening the package (ClosedXML's own needs libgdiplus).
    /// </summary>
    public static void SaveWithDashboard(string title, Func<XLWorkbook, int> fill, string summarySheet, byte[]? dashboardPng, Stream output)
    {
        using var buffer = new MemoryStream();
        int imageRow;
        using (var workbook = new XLWorkbook())
        {
            workbook.Properties.Title = title;
            workbook.Properties.Author = "JourneyReports";
            imageRow = fill(workbook);
            workbook.SaveAs(buffer);
        }
        buffer.Position = 0;
        ClosedXmlFixups.Apply(buffer);
        if (dashboardPng is not null)
        {
            var (width, height) = PngInfo.SizeNoWiderThan(dashboardPng, MaxDashboardWidthPx);
            buffer.Position = 0;
            InsertPng(buffer, summarySheet, dashboardPng, 1, imageRow, width, height);
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    /// <summary>Builds a workbook with <paramref name="fill"/> and writes it, repaired, to <paramref name="output"/>: <see cref="SaveWithDashboard"/> with no image.</summary>
    internal static void Save(string title, Action<XLWorkbook> fill, Stream output) =>
        SaveWithDashboard(title, workbook => { fill(workbook); return 1; }, summarySheet: "", dashboardPng: null, output);

    // Drawing positions are in EMUs; Excel maps one pixel to 9525 EMU (96 dpi).
    const long EmuPerPixel = 9525;

    /// <summary>
    /// Inserts a PNG into the sheet named <paramref name="sheetName"/> of the .xlsx package in <paramref name="xlsx"/>
    /// (readable, writable and seekable, positioned at the package start), with its top-left corner at the 1-based
    /// <paramref name="column"/> and <paramref name="row"/>, scaled to <paramref name="widthPx"/> x <paramref name="heightPx"/>.
    /// </summary>
    public static void InsertPng(Stream xlsx, string sheetName, byte[] png, int column, int row, int widthPx, int heightPx)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        ArgumentNullException.ThrowIfNull(sheetName);
        ArgumentNullException.ThrowIfNull(png);
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(row, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(widthPx, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(heightPx, 1);
        PngInfo.Size(png); // fails early on bytes that are not a PNG, rather than leaving a broken image in the file

        using var document = SpreadsheetDocument.Open(xlsx, isEditable: true);
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("The package has no workbook part.");
        var sheet = workbookPart.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == sheetName)
            ?? throw new ArgumentException($"The workbook has no sheet named \"{sheetName}\".", nameof(sheetName));
        var worksheetPart = (WorksheetPart)workbookPart.GetPartById(sheet.Id?.Value
            ?? throw new InvalidDataException($"Sheet \"{sheetName}\" has no relationship id."));

        var drawingsPart = worksheetPart.DrawingsPart ?? AddDrawingsPart(worksheetPart);
        var imagePart = drawingsPart.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png, writable: false)) imagePart.FeedData(data);

        var drawing = drawingsPart.WorksheetDrawing;
        var id = drawing.Descendants<Xdr.NonVisualDrawingProperties>().Select(p => p.Id?.Value ?? 0).DefaultIfEmpty(1u).Max() + 1;
        long cx = widthPx * EmuPerPixel, cy = heightPx * EmuPerPixel;

        // A one-cell anchor keeps the picture its own size whatever the column widths and row heights are.
        drawing.Append(new Xdr.OneCellAnchor(
            new Xdr.FromMarker(
                new Xdr.ColumnId((column - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Xdr.ColumnOffset("0"),
                new Xdr.RowId((row - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Xdr.RowOffset("0")),
            new Xdr.Extent { Cx = cx, Cy = cy },
            new Xdr.Picture(
                new Xdr.NonVisualPictureProperties(
                    new Xdr.NonVisualDrawingProperties { Id = id, Name = $"Picture {id}" },
                    new Xdr.NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true })),
                new Xdr.BlipFill(
                    new A.Blip { Embed = drawingsPart.GetIdOfPart(imagePart) },
                    new A.Stretch(new A.FillRectangle())),
                new Xdr.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })),
            new Xdr.ClientData()));
        drawing.Save();
    }

    static DrawingsPart AddDrawingsPart(WorksheetPart worksheetPart)
    {
        var drawingsPart = worksheetPart.AddNewPart<DrawingsPart>();
        drawingsPart.WorksheetDrawing = new Xdr.WorksheetDrawing();
        drawingsPart.WorksheetDrawing.AddNamespaceDeclaration("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
        drawingsPart.WorksheetDrawing.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");

        // CT_Worksheet is a sequence: <drawing> must come before these, or Excel reports the file as corrupt.
        var worksheet = worksheetPart.Worksheet;
        var reference = new Drawing { Id = worksheetPart.GetIdOfPart(drawingsPart) };
        var next = worksheet.ChildElements.FirstOrDefault(e => e is LegacyDrawing or LegacyDrawingHeaderFooter
            or DrawingHeaderFooter or Picture or OleObjects or Controls or WebPublishItems or TableParts
            or WorksheetExtensionList);
        if (next is null) worksheet.Append(reference);
        else worksheet.InsertBefore(reference, next);
        worksheet.Save();
        return drawingsPart;
    }
}
