namespace JourneyReports;

/// <summary>The "Instance" section: what this server process does when several share one catalog and job storage (docs/instances.md).</summary>
public sealed class InstanceOptions
{
    public const string Both = "both", Web = "web", Worker = "worker";
    public static readonly IReadOnlyList<string> Roles = [Both, Web, Worker];

    /// <summary>
    /// "both" (the default): portal, API and jobs. "web": portal and API only; the jobs it queues (run now, a schedule's
    /// fires) are run by a worker. "worker": runs the jobs and keeps the schedules in line with the catalog; it serves
    /// only /healthz.
    /// </summary>
    public string Role { get; set; } = Both;

    /// <summary>Whether this instance serves the portal and the API.</summary>
    public bool ServesWeb => Role != Worker;

    /// <summary>Whether this instance runs jobs (a Hangfire server) and the schedule sync.</summary>
    public bool RunsJobs => Role != Web;

    public IEnumerable<string> Problems()
    {
        if (!Roles.Contains(Role))
            yield return $"JourneyReports:Instance:Role '{Role}' is not a role; use {string.Join(", ", Roles.Select(r => $"'{r}'"))}.";
    }
}
