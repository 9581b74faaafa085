using Hangfire;
using Hangfire.Dashboard;

namespace JourneyReports.Server;

/// <summary>
/// What keeps another site out: requests must name one of the allowed host names (so a DNS-rebinding page, whose
/// requests carry its own name, gets 400), and every POST to the job dashboard must carry the antiforgery token of a
/// dashboard page (so a form on another site cannot trigger or remove a schedule).
/// </summary>
public static class RequestGuards
{
    /// <summary>The host names served when <c>AllowedHosts</c> is not configured: this machine's loopback names only.</summary>
    public const string LoopbackHosts = "127.0.0.1;localhost;[::1]";

    public static void AddRequestGuards(this WebApplicationBuilder builder)
    {
        // ASP.NET Core's host filtering reads AllowedHosts; unset, it would allow any name.
        if (string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"]))
            builder.Configuration.AddInMemoryCollection([new("AllowedHosts", LoopbackHosts)]);
        // Registered, IAntiforgery makes Hangfire's dashboard put a token in its pages and refuse POSTs without it (403).
        builder.Services.AddAntiforgery();
    }

    /// <summary>
    /// Hangfire's dashboard, for admins: an endpoint behind the admin policy (Hangfire's own "local requests" rule is
    /// not used: a reverse proxy on the same host would make every request local).
    /// </summary>
    public static void MapJobDashboard(this WebApplication app) =>
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [], AppPath = "/" }).RequireAuthorization(AccountSetup.AdminPolicy);
}
