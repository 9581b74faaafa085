using JourneyReports.Dashboards;
using JourneyReports.Server.Portal.Components;

namespace JourneyReports.Server;

/// <summary>A link on a page: where it goes and what it says.</summary>
public sealed record PageLink(string Href, string Text);

/// <summary>
/// How a dashboard request that cannot be answered is answered: the portal with a page naming the problem and linking
/// what does exist, the API with problem details. <see cref="DashboardRuns"/> and the downloads decide that it failed
/// and why; this decides only how it is said, so both channels refuse exactly the same requests.
/// </summary>
public abstract class DashboardAnswers
{
    public static readonly DashboardAnswers Pages = new PageAnswers();
    public static readonly DashboardAnswers Problems = new ProblemAnswers();

    public abstract IResult NoDashboard(DashboardLibrary library, string name);
    public abstract IResult BadParameters(DashboardDefinition definition, IReadOnlyList<string> errors, HttpRequest request);
    public abstract IResult OutsideScope(DashboardDefinition definition, string refusal);
    public abstract IResult Busy();
    public abstract IResult SignIn();
    public abstract IResult NoVisual(DashboardDefinition definition, string id, string extension);
    public abstract IResult NoDataset(DashboardDefinition definition, string dataset);

    /// <summary>The dataset's own query failed (an analyst query past its time limit, say): the definition's problem, named.</summary>
    public IResult DatasetFailed(string dataset, string error) =>
        Results.Problem(title: $"Dataset '{dataset}' could not be loaded", detail: error, statusCode: 422);

    protected static string NoDashboardWhy(DashboardLibrary library, string name) =>
        library.Errors.Keys.Any(f => Path.GetFileNameWithoutExtension(f) == name)
            ? $"The definition of '{name}' has errors; see the list of dashboards."
            : $"There is no dashboard '{name}'.";

    protected static IReadOnlyList<PageLink> DashboardLinks(DashboardLibrary library) =>
        [.. library.Definitions.Select(d => new PageLink($"/dashboards/{Uri.EscapeDataString(d.Name)}", d.Name))];

    protected static IReadOnlyList<PageLink> FileLinks(string prefix, DashboardDefinition d, IEnumerable<string> names, string folder, string extension) =>
        [.. names.Select(n => new PageLink($"{prefix}/dashboards/{Uri.EscapeDataString(d.Name)}/{folder}/{Uri.EscapeDataString(n)}.{extension}", n))];

    public const string BusyDetail = "Another process (an import or a seed on the command line) has the warehouse open. Try again when it has finished.";

    sealed class PageAnswers : DashboardAnswers
    {
        static IResult Page(int status, string title, string message, IReadOnlyList<PageLink>? links = null, string linksLabel = "It has:") =>
            new LateResult(async context =>
            {
                if (status == 503) context.Response.Headers.RetryAfter = "10";
                return PortalView.Page<DashboardErrorPage>(new
                {
                    User = await context.AccountAsync(), Title = title, Message = message, Links = links ?? [], LinksLabel = linksLabel,
                }, status);
            });

        public override IResult NoDashboard(DashboardLibrary library, string name) =>
            Page(404, "Dashboard not found", NoDashboardWhy(library, name), library.Errors.Keys.Any(f => Path.GetFileNameWithoutExtension(f) == name)
                ? [new PageLink("/dashboards", "Dashboards")] : DashboardLinks(library), "Available:");

        public override IResult BadParameters(DashboardDefinition definition, IReadOnlyList<string> errors, HttpRequest request) =>
            DashboardViews.Problems(definition, errors, request);

        public override IResult OutsideScope(DashboardDefinition definition, string refusal) =>
            Page(403, "Outside your data scope", refusal + ".", [new PageLink($"/dashboards/{Uri.EscapeDataString(definition.Name)}", "Your own view")], "See:");

        public override IResult Busy() => Page(503, "The warehouse is busy", BusyDetail);

        public override IResult SignIn() => Page(401, "Sign in", "Sign in to see dashboards.", [new PageLink("/signin", "Sign in")], "");

        public override IResult NoVisual(DashboardDefinition d, string id, string extension) =>
            Page(404, "Chart not found", $"Dashboard '{d.Name}' has no chart '{id}'.", FileLinks("", d, d.Visuals.Select(v => v.Id), "visuals", extension));

        public override IResult NoDataset(DashboardDefinition d, string dataset) =>
            Page(404, "Dataset not found", $"Dashboard '{d.Name}' has no dataset '{dataset}'.", FileLinks("", d, d.Datasets.Keys, "data", "csv"));
    }

    sealed class ProblemAnswers : DashboardAnswers
    {
        static IResult Problem(int status, string title, string detail, object? extra = null) =>
            Results.Problem(title: title, detail: detail, statusCode: status, extensions: extra is null ? null : new Dictionary<string, object?> { ["errors"] = extra });

        public override IResult NoDashboard(DashboardLibrary library, string name) =>
            Problem(404, "Dashboard not found", NoDashboardWhy(library, name) + $" Available: {string.Join(", ", library.Definitions.Select(d => d.Name))}.");

        public override IResult BadParameters(DashboardDefinition definition, IReadOnlyList<string> errors, HttpRequest request) =>
            Problem(400, $"{definition.Title}: the parameters are not valid", string.Join("; ", errors), errors);

        public override IResult OutsideScope(DashboardDefinition definition, string refusal) => Problem(403, "Outside your data scope", refusal);

        public override IResult Busy() => new LateResult(context =>
        {
            context.Response.Headers.RetryAfter = "10";
            return Task.FromResult(Problem(503, "The warehouse is busy", BusyDetail));
        });

        public override IResult SignIn() => Problem(401, "Sign in", "Send an API token: Authorization: Bearer <token>.");

        public override IResult NoVisual(DashboardDefinition d, string id, string extension) =>
            Problem(404, "Chart not found", $"Dashboard '{d.Name}' has no chart '{id}'. It has: {string.Join(", ", d.Visuals.Select(v => v.Id))}.");

        public override IResult NoDataset(DashboardDefinition d, string dataset) =>
            Problem(404, "Dataset not found", $"Dashboard '{d.Name}' has no dataset '{dataset}'. It has: {string.Join(", ", d.Datasets.Keys)}.");
    }
}
