namespace JourneyReports.Scheduling;

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

    /// <summary>
    /// This instance's name (lowercase letters, digits, '-', '_'; none by default). Give each of several instances one when
    /// the model is refreshed from a source (Import mode): every instance keeps its own warehouse copy, so each refreshes
    /// it with a recurring job of its own ("refresh:&lt;source&gt;@&lt;name&gt;") on a Hangfire queue of its name, which only
    /// it takes — a web instance too. Without names, instances share one refresh job, which refreshes one copy.
    /// </summary>
    public string Name { get; set; } = "";

    /// <summary>The Hangfire queues this instance's job server takes, its own first; none for a web instance without a name.</summary>
    public string[] Queues() => (Name, RunsJobs) switch
    {
        ("", true) => ["default"],
        ("", false) => [],
        (var name, true) => [name, "default"],
        (var name, false) => [name],
    };

    /// <summary>Whether this instance serves the portal and the API.</summary>
    public bool ServesWeb => Role != Worker;

    /// <summary>Whether this instance runs jobs (a Hangfire server) and the schedule sync.</summary>
    public bool RunsJobs => Role != Web;

    public IEnumerable<string> Problems()
    {
        if (!Roles.Contains(Role))
            yield return $"JourneyReports:Instance:Role '{Role}' is not a role; use {string.Join(", ", Roles.Select(r => $"'{r}'"))}.";
        // A Hangfire queue's name: lowercase letters, digits, '-' and '_', short enough for every job storage's column.
        if (Name.Length > 0 && !System.Text.RegularExpressions.Regex.IsMatch(Name, "^[a-z0-9_-]{1,40}$"))
            yield return $"JourneyReports:Instance:Name '{Name}' must be 1 to 40 lowercase letters, digits, '-' or '_' (it names the instance's job queue).";
    }
}
