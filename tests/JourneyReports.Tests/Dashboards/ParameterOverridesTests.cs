namespace JourneyReports.Tests;

public class ParameterOverridesTests
{
    static DashboardDefinition Executive() =>
        DashboardLibrary.Load(Path.Combine(RepoPaths.Root, "dashboards"), TestEngine.SqlChecker).Definitions.Single(d => d.Name == "executive-weekly");

    [Fact]
    public void Overrides_ReplaceOnlyWhatIsGiven_AndKeepTheDefinitionsOtherDefaults()
    {
        var (d, errors) = new ParameterOverrides(Persona: "Bargain hunter", Period: "last-28-days").ApplyTo(Executive());

        Assert.Empty(errors);
        Assert.Equal("Bargain hunter", d!.Parameters.Filters.Persona);
        Assert.Equal("last-28-days", d.Parameters.Period.Relative);
        Assert.Equal("Europe/London", d.Parameters.TimeZone);         // the definition's
        Assert.Equal("previous-period", d.Parameters.Comparison);
        Assert.Equal(Executive().Visuals.Count, d.Visuals.Count);
    }

    [Fact]
    public void CustomDates_BecomeTheDashboardsPeriod()
    {
        var (d, errors) = ParameterOverrides.Read(name => name switch { "from" => "2026-11-01", "to" => "2026-11-15", "persona" => " ", _ => null })
            .ApplyTo(Executive());

        Assert.Empty(errors);
        Assert.Equal(("2026-11-01", "2026-11-15"), (d!.Parameters.Period.From, d.Parameters.Period.To));
        Assert.Null(d.Parameters.Filters.Persona);                    // a blank value is no filter
    }

    [Fact]
    public void ABlankFilter_ClearsTheDefinitionsOwn_AndAnAbsentOneKeepsIt()
    {
        var (forPersona, _) = new ParameterOverrides(Persona: "Bargain hunter", Department: "Beauty").ApplyTo(Executive());

        var (cleared, _) = ParameterOverrides.Read(name => name == "persona" ? "" : null).ApplyTo(forPersona!);

        Assert.Null(cleared!.Parameters.Filters.Persona);
        Assert.Equal("Beauty", cleared.Parameters.Filters.Department);
    }

    [Theory]
    [InlineData("last-3-days", null, null, null, "unknown relative period 'last-3-days'")]
    [InlineData("last-7-days", "2026-11-01", "2026-11-02", null, "give either a period name or from and to dates, not both")]
    [InlineData(null, "2026-11-01", null, null, "a custom period needs both from and to (yyyy-MM-dd)")]
    [InlineData(null, "2026-11-09", "2026-11-01", null, "period to 2026-11-01 is before from 2026-11-09")]
    [InlineData(null, null, null, "Mars/Olympus", "unknown time zone 'Mars/Olympus'")]
    [InlineData(null, null, null, "GMT Standard Time", "time zone 'GMT Standard Time' is not an IANA id; use 'Europe/London'")]
    [InlineData(null, "0001-01-01", "0001-01-07", null, "period from 0001-01-01 is outside 1900-01-01 to 2099-12-31")]
    public void BadValues_AreRefused_WithTheProblemNamed(string? period, string? from, string? to, string? zone, string expected)
    {
        var (d, errors) = new ParameterOverrides(period, from, to, TimeZone: zone).ApplyTo(Executive());

        Assert.Null(d);
        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }
}
