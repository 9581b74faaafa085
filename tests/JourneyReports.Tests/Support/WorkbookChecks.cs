using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace JourneyReports.Tests;

/// <summary>An .xlsx checked with the Open XML validator, as Excel would refuse or "repair" it.</summary>
public static class WorkbookChecks
{
    /// <summary>Every Open XML validator error, as "part path: description".</summary>
    public static List<string> ValidationErrors(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false);
        return [.. new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];
    }

    /// <summary>Fails, listing every validation error, unless the workbook has none.</summary>
    public static void AssertValid(byte[] xlsx)
    {
        var errors = ValidationErrors(xlsx);
        Assert.True(errors.Count == 0, $"{errors.Count} validation error(s):\n" + string.Join("\n", errors));
    }
}
