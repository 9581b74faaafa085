namespace JourneyReports.Journeys;

/// <summary>A key as people read it: "paid_search" is "Paid search", "awareness" is "Awareness".</summary>
public static class KeyWords
{
    public static string Of(string key) => string.IsNullOrEmpty(key) ? key : char.ToUpperInvariant(key[0]) + key[1..].Replace('_', ' ');
}
