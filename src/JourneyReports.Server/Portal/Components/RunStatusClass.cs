using JourneyReports.Catalog;

namespace JourneyReports.Server.Portal.Components;

/// <summary>The colour a run's or delivery's status is shown in.</summary>
public static class RunStatusClass
{
    public static string Of(string? status) => status switch
    {
        RunStatus.Succeeded or RecipientStatus.Sent or RecipientStatus.AlreadyDelivered => "good",
        RunStatus.Failed or RecipientStatus.Permanent or RecipientStatus.NotSent or RunStatus.Interrupted => "bad",
        _ => "muted",
    };
}
