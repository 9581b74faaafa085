namespace JourneyReports.Workbooks;

/// <summary>
/// Makes worksheet names Excel accepts: at most 31 characters, none of <c>[ ] : * ? / \</c> (each replaced by "_"),
/// no apostrophe at either end (trimmed), not empty (becomes "Sheet") and not "History" (reserved by Excel, becomes
/// "History_"). Names are unique ignoring case, as Excel compares them; a clash gets " (2)", " (3)"…, the base
/// shortened so the suffix still fits in 31 characters.
/// </summary>
internal sealed class SheetNames
{
    public const int MaxLength = 31;
    static readonly char[] Invalid = ['[', ']', ':', '*', '?', '/', '\\'];
    readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public static string Sanitise(string? name)
    {
        var chars = (name ?? "").Select(c => Array.IndexOf(Invalid, c) >= 0 || char.IsControl(c) ? '_' : c).ToArray();
        var clean = new string(chars).Trim().Trim('\'').Trim();
        if (clean.Length == 0) clean = "Sheet";
        if (clean.Equals("History", StringComparison.OrdinalIgnoreCase)) clean += "_";
        return Truncate(clean, MaxLength);
    }

    /// <summary>The name as given (sanitised) if unused, otherwise the first free "name (n)" from n = <paramref name="firstNumber"/>.</summary>
    public string Claim(string? name, int firstNumber = 2)
    {
        var clean = Sanitise(name);
        if (firstNumber <= 1 && _used.Add(clean)) return clean;
        for (var n = Math.Max(firstNumber, 2); ; n++)
        {
            var suffix = $" ({n})";
            var candidate = Truncate(clean, MaxLength - suffix.Length).TrimEnd().TrimEnd('\'') + suffix;
            if (_used.Add(candidate)) return candidate;
        }
    }

    // Never cut a surrogate pair in half: a lone surrogate is not valid XML.
    static string Truncate(string s, int length)
    {
        if (s.Length <= length) return s;
        var cut = char.IsHighSurrogate(s[length - 1]) ? length - 1 : length;
        return s[..cut];
    }
}
