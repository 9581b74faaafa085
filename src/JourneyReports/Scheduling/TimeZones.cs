namespace JourneyReports;

public static class TimeZones
{
    /// <summary>Finds an IANA or Windows time zone id, or explains that it does not exist.</summary>
    public static TimeZoneInfo Find(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new ArgumentException($"Unknown time zone '{id}'. Use an IANA id such as 'Europe/London' or 'America/New_York'.", e);
        }
    }
}
