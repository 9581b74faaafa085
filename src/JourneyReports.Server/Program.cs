using Hangfire;
using JourneyReports.Server;
using JourneyReports;
using JourneyReports.Scheduling;
using Serilog;

// The same executable is the web server and the command line: "seed", "run", ... are verbs, anything else starts the server.
if (args.Length > 0 && Cli.IsVerb(args[0]))
    return await Cli.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);

// Configuration: appsettings.json in the working directory (the repository root), overridden by environment variables.
builder.AddRootConfiguration(args);

// Role: both (default), web (portal + API) or worker (jobs + schedule sync), for several instances sharing one catalog
// (docs/instances.md). Read before Build because it decides which services run; validated with the rest below.
var instance = builder.Configuration.GetSection($"{JourneyReportsOptions.Section}:Instance").Get<InstanceOptions>() ?? new InstanceOptions();

// Logging: Serilog to the console, with report, run and recipient on every line that has them.
builder.Host.UseSerilog((context, log) => ServerSetup.ConfigureLogging(log, context.Configuration));

// Requests: only the allowed host names (AllowedHosts, loopback by default); /hangfire POSTs need the page's antiforgery token.
builder.AddRequestGuards();

// Accounts: cookie sign-in (password, one-time link, OpenID Connect when configured) and API tokens; everything needs one.
builder.AddAccounts();

// Portal pages: Razor components rendered on the server; the API: JSON with problem details, described by OpenAPI.
builder.Services.AddRazorComponents();
builder.AddApi();

// Engine: catalog, mail transport, report runner.
builder.Services.AddJourneyReports();

// Scheduling: Hangfire with durable job storage beside the catalog; its recurring jobs follow the catalog's subscriptions.
builder.Services.AddJobStorage();
builder.Services.AddHangfire((sp, h) => h.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings()
    .UseStorage(sp.GetRequiredService<JobStorage>()));
// A web instance with a name still runs its own queue: the refreshes of its own warehouse copy, and nothing else.
if (instance.Queues() is { Length: > 0 } queues)
    builder.Services.AddHangfireServer(s => { s.WorkerCount = instance.RunsJobs ? 2 : 1; s.Queues = queues; });
if (instance.RunsJobs)
    builder.Services.AddHostedService<SubscriptionSync>();

var app = builder.Build();

// Configuration: validated as a whole; with any problem the server names them all and exits with 1.
if (ConfigurationProblems.ValidOptions(app) is not { } options)
    return 1;

// Warehouse: an embedded DuckDB file is this instance's own; a second server pointed at it stops here, saying so.
if (options.Warehouse.Provider == "duckdb")
{
    var (claim, problem) = WarehouseClaim.Take(options.ResolvePath(options.Warehouse.Path));
    if (claim is null)
    {
        app.Logger.LogCritical("The server does not start: {Problem}", problem);
        return 1;
    }
    app.Lifetime.ApplicationStopped.Register(claim.Dispose);
}

// Catalog and job storage: reached, migrated and prepared now; one that cannot be (a server down, a login refused)
// stops the start with what it is and why, never with a stack trace or its connection string.
if (!await ServerSetup.TryPrepareDataAsync(app, options, instance))
    return 1;
if (instance.ServesWeb)
    await app.Services.GetRequiredService<Accounts>().BootstrapAsync(CancellationToken.None);

// Forms: every POST that binds a form checks its antiforgery token (after sign-in, so the token is the person's).
app.UseAntiforgery();

app.MapGet("/healthz", () => TypedResults.Ok("healthy")).AllowAnonymous();
// A worker serves only /healthz: its port is for the load balancer's and the operator's checks.
if (instance.ServesWeb)
{
    app.MapPortalAssets();
    app.MapSignIn();
    app.MapAccountPages();
    app.MapPortal();
    app.MapSubscriptionPages();
    app.MapSubscriptionsApi();
    app.MapRunsApi();
    app.MapUserPages();
    app.MapUsersApi();
    app.MapTokensApi();
    app.MapAuditApi();
    app.MapApiDocs();
    app.MapDashboards();
    app.MapDashboardsApi();
    app.MapDefinitionPages();
    app.MapDefinitionsApi();
    app.MapSubscriptionLinks();
    app.MapJobDashboard();
    app.MapApi();
}

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("JourneyReports is up as {Role}: open {Url}", instance.Role, app.Urls.FirstOrDefault() ?? options.PublicUrl));

app.Run();
return 0;

/// <summary>Lets the ASP.NET Core test host find this entry point.</summary>
public partial class Program;
