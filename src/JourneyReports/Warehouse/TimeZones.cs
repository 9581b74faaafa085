namespace JourneyReports.Warehouse;

/// <summary>
/// The time zones a report may be read in: IANA zones and their aliases, the ids both .NET and the warehouse know.
/// The system's zone folder holds more than zones (posix/…, right/…, localtime, Factory): .NET reads those files, the
/// warehouse's time zone database does not, so they are refused here rather than fail halfway through a run.
/// </summary>
public static class TimeZones
{
    // The zones of the tz database's own tables; aliases ("US/Eastern", "Etc/UTC") are known by their Windows mapping.
    // Read from the files, not TimeZoneInfo.GetSystemTimeZones(): that list also holds every id looked up so far.
    static readonly HashSet<string> Zones = ZoneTables();

    /// <summary>Finds an IANA time zone id, or explains why it cannot be used.</summary>
    public static TimeZoneInfo Find(string id) =>
        Problem(id) is { } problem ? throw new ArgumentException(problem) : TimeZoneInfo.FindSystemTimeZoneById(id);

    /// <summary>Null for a usable IANA id, else what is wrong with it and what to use instead.</summary>
    public static string? Problem(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return "the time zone is empty; use an IANA id such as 'Europe/London'";
        // "UTC" is both a Windows and an IANA id; a name only .NET's Windows table knows ("GMT Standard Time", or "utc"
        // matched case-insensitively) is refused with the IANA id to use.
        if (!TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _) && TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana))
            return $"time zone '{id}' is not an IANA id; use '{iana}'";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
            return $"unknown time zone '{id}'; use an IANA id such as 'Europe/London' or 'America/New_York'";
        if (IsIana(id)) return null;
        // posix/ and right/ hold the same zones again (right/ with leap seconds): name the zone itself.
        var slash = id.IndexOf('/');
        return (id.StartsWith("posix/", StringComparison.Ordinal) || id.StartsWith("right/", StringComparison.Ordinal)) && IsIana(id[(slash + 1)..])
            ? $"'{id}' is not an IANA time zone; use '{id[(slash + 1)..]}'"
            : $"'{id}' is not an IANA time zone; use one such as 'Europe/London'";
    }

    static bool IsIana(string id) => Zones.Contains(id) || TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _);

    static HashSet<string> ZoneTables()
    {
        var folder = Environment.GetEnvironmentVariable("TZDIR") is { Length: > 0 } tzdir ? tzdir : "/usr/share/zoneinfo";
        return [.. new[] { "zone1970.tab", "zone.tab" }.Select(f => Path.Combine(folder, f)).Where(File.Exists)
            .SelectMany(File.ReadLines)
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t'))
            .Where(columns => columns.Length >= 3)
            .Select(columns => columns[2])];
    }
}
