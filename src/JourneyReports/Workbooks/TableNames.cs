using System.Text.RegularExpressions;

namespace JourneyReports.Workbooks;

/// <summary>
/// Makes Excel table names from free text (dataset names): letters, digits, "_" and "." only (anything else becomes
/// "_"), starting with a letter or "_", at most 255 characters, never a cell reference ("Q3", "AB12", "R1C1", "R" or
/// "C" get a trailing "_"), and unique in the workbook ignoring case, as Excel requires ("_2", "_3"… on a clash).
/// </summary>
internal sealed partial class TableNames
{
    const int MaxLength = 255;
    readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public static string Sanitise(string? name)
    {
        var clean = new string([.. (name ?? "").Select(c => char.IsLetterOrDigit(c) || c is '_' or '.' ? c : '_')]);
        if (clean.Length == 0 || !(char.IsLetter(clean[0]) || clean[0] == '_')) clean = "T_" + clean;
        if (clean.Length > MaxLength - 8) clean = clean[..(MaxLength - 8)]; // room for the suffixes below
        return CellReference().IsMatch(clean) ? clean + "_" : clean;
    }

    public string Claim(string? name)
    {
        var clean = Sanitise(name);
        var candidate = clean;
        for (var n = 2; !_used.Add(candidate); n++) candidate = $"{clean}_{n}";
        return candidate;
    }

    // A1 style (one to three letters then digits) or R1C1 style (R, C, RC, R2C3…); over-matching only adds an "_".
    [GeneratedRegex("^([A-Za-z]{1,3}[0-9]+|[Rr][0-9]*([Cc][0-9]*)?|[Cc][0-9]*)$")]
    private static partial Regex CellReference();
}
