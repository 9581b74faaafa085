using System.Text.RegularExpressions;

namespace JourneyReports.Tests;

/// <summary>Rules that matter enough to check on every build.</summary>
public sealed class ForbiddenCodeTests
{
    static IEnumerable<(string File, int Line, string Text)> SourceLines() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((text, i) => (Path.GetRelativePath(RepoPaths.Root, f), i + 1, text)));

    [Fact]
    public void NoSourceCalls_ClosedXmlAutoFitOrPictures_WhichNeedLibgdiplus()
    {
        var calls = SourceLines().Where(l => Regex.IsMatch(l.Text, @"\.(AdjustToContents|AddPicture)\s*\(")).ToList();

        Assert.True(calls.Count == 0, string.Join("\n", calls.Select(c => $"{c.File}:{c.Line}: {c.Text.Trim()}")));
    }

    [Fact]
    public void NoSourceBuildsSqlFromInterpolatedStrings_ForDapper()
    {
        // SQL lives in sql/*.sql and values travel as parameters; an interpolated string handed to Dapper is a splice.
        var splices = SourceLines().Where(l => Regex.IsMatch(l.Text, @"\.(Query|Execute)\w*(<[^>]*>)?\(\s*\$""")).ToList();

        Assert.True(splices.Count == 0, string.Join("\n", splices.Select(c => $"{c.File}:{c.Line}: {c.Text.Trim()}")));
    }
}
