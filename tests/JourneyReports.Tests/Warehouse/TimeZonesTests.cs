using Dapper;
using DuckDB.NET.Data;

namespace JourneyReports.Tests;

/// <summary>Only time zones that .NET and the warehouse both know get through: the IANA zones and their aliases.</summary>
public sealed class TimeZonesTests
{
    [Theory]
    [InlineData("Europe/London")]
    [InlineData("UTC")]
    [InlineData("Etc/UTC")]
    [InlineData("US/Eastern")]                 // an alias
    [InlineData("Europe/Kyiv")]
    [InlineData("America/Ciudad_Juarez")]      // a zone with no Windows name
    public void IanaZonesAndTheirAliases_AreAccepted(string id) => Assert.Null(TimeZones.Problem(id));

    [Theory]
    [InlineData("posix/Europe/London", "'posix/Europe/London' is not an IANA time zone; use 'Europe/London'")]
    [InlineData("right/UTC", "'right/UTC' is not an IANA time zone; use 'UTC'")]
    [InlineData("localtime", "'localtime' is not an IANA time zone; use one such as 'Europe/London'")]
    [InlineData("Factory", "'Factory' is not an IANA time zone; use one such as 'Europe/London'")]
    [InlineData("GMT Standard Time", "time zone 'GMT Standard Time' is not an IANA id; use 'Europe/London'")]
    [InlineData("Mars/Olympus", "unknown time zone 'Mars/Olympus'")]
    public void FilesOfTheZoneFolderThatAreNoZones_AndWindowsNames_AreRefused_SayingWhatToUse(string id, string problem) =>
        Assert.StartsWith(problem, TimeZones.Problem(id));

    [Fact]
    public void AZoneFileLookedUpBefore_IsStillRefused()
    {
        // .NET adds every id it has found to its list of system zones, so that list cannot tell a zone from a file.
        Assert.True(TimeZoneInfo.TryFindSystemTimeZoneById("posix/America/New_York", out _));

        Assert.Equal("'posix/America/New_York' is not an IANA time zone; use 'America/New_York'", TimeZones.Problem("posix/America/New_York"));
    }

    [Fact]
    public void EveryZoneAccepted_IsOneTheWarehouseKnows()
    {
        using var duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        var known = duck.Query<string>("SELECT name FROM pg_timezone_names()").ToHashSet();
        var candidates = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Concat(known)
            .Concat(Directory.EnumerateFiles("/usr/share/zoneinfo", "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath("/usr/share/zoneinfo", f)));

        var acceptedButUnknown = candidates.Distinct().Where(id => TimeZones.Problem(id) is null && !known.Contains(id)).ToList();

        Assert.True(acceptedButUnknown.Count == 0, "accepted, but DuckDB does not know: " + string.Join(", ", acceptedButUnknown));
    }
}
