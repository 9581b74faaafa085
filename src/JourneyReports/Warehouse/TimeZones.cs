namespace JourneyReports.Warehouse;

public static class TimeZones
{
    /// <summary>Finds an IANA time zone id, or explains why it cannot be used.</summary>
    public static TimeZoneInfo Find(string id) =>
        Problem(id) is { } problem ? throw new ArgumentException(problem) : TimeZoneInfo.FindSystemTimeZoneById(id);

    /// <summary>
    /// Null for a usable IANA id, else what is wrong with it. Windows ids ("GMT Standard Time") are refused although
    /// .NET knows them: the warehouse converts times with the IANA database and would fail on them halfway through a run.
    /// </summary>
    public static string? Problem(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return "the time zone is empty; use an IANA id such as 'Europe/London'";
        // "UTC" is both a Windows and an IANA id; a name only .NET's Windows table knows ("GMT Standard Time", or "utc"
        // matched case-insensitively) is refused with the IANA id to use.
        if (!TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _) && TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana))
            return $"time zone '{id}' is not an IANA id; use '{iana}'";
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out _) ? null
            : $"unknown time zone '{id}'; use an IANA id such as 'Europe/London' or 'America/New_York'";
    }
}
