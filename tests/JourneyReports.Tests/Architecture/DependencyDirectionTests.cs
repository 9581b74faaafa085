using Mono.Cecil;

namespace JourneyReports.Tests;

/// <summary>
/// The direction parts of the engine may depend on each other, checked on the compiled engine:
/// Server → Scheduling → Delivery / Dashboards → Rendering / Workbooks → Journeys → Warehouse, with Import and Catalog
/// low beside Warehouse and Refresh just above them. Each part lists the engine parts it may use (its own always); anything else it refers to is
/// named in the failure with the type, the reference and where it was seen.
/// </summary>
public sealed class DependencyDirectionTests
{
    const string E = "JourneyReports";
    static readonly string EnginePath = typeof(JourneyWarehouse).Assembly.Location;
    static readonly Lazy<IReadOnlyList<TypeReferences.Reference>> Engine = new(() => TypeReferences.Of(EnginePath));

    /// <summary>Opening the warehouse: what visuals and workbooks never touch.</summary>
    static readonly string[] WarehouseAccess =
        [$"{E}.Warehouse.JourneyWarehouse", $"{E}.Warehouse.IWarehouseProvider", $"{E}.Journeys.JourneyMetrics", "System.Data.Common", "Dapper", "DuckDB.NET"];

    /// <summary>Drawing and computing: what delivery never does.</summary>
    static readonly string[] Rendering = ["SkiaSharp", "ScottPlot", "ClosedXML", "DocumentFormat.OpenXml", "Dapper", "DuckDB.NET", "System.Data.Common"];

    [Theory]
    // Numbers know no pictures, and the warehouse knows nothing above it.
    [InlineData("Warehouse", new[] { "SqlScripts" }, new string[0])]
    [InlineData("Journeys", new[] { "Warehouse", "SqlScripts" }, new string[0])]
    // Import writes the model; the catalog stores runs and may use the report period, never metric results or pictures.
    [InlineData("Import", new[] { "Warehouse", "SqlScripts" }, new string[0])]
    [InlineData("Catalog", new[] { "SqlScripts", "Journeys.ReportPeriod", "Journeys.DataScope" }, new string[0])]
    // A refresh writes the model through the import's checks and keeps its runs in the catalog (whose run API names a report period).
    [InlineData("Refresh", new[] { "Import", "Warehouse", "Catalog", "Journeys.ReportPeriod", "JourneyReportsOptions", "SqlScripts" }, new string[0])]
    // Visuals and workbooks draw results; they never open the warehouse.
    [InlineData("Rendering", new[] { "Journeys", "Warehouse" }, new[] { "warehouse access" })]
    [InlineData("Workbooks", new[] { "Rendering", "Journeys", "Warehouse" }, new[] { "warehouse access" })]
    [InlineData("Dashboards", new[] { "Rendering", "Workbooks", "Journeys", "Warehouse", "SqlScripts" }, new string[0])]
    // Delivery moves finished artifacts: it never computes metrics or renders.
    [InlineData("Delivery", new string[0], new[] { "rendering" })]
    [InlineData("Scheduling", new[] { "Delivery", "Dashboards", "Rendering", "Workbooks", "Journeys", "Warehouse", "Catalog", "Import", "Refresh", "JourneyReportsOptions", "SqlScripts" }, new string[0])]
    public void Part_UsesOnlyThePartsToItsRight(string part, string[] mayUse, string[] never)
    {
        var forbidden = never.SelectMany(n => n == "warehouse access" ? WarehouseAccess : Rendering).ToList();
        var violations = Violations(Engine.Value, $"{E}.{part}", [.. mayUse.Select(u => $"{E}.{u}")], forbidden);

        Assert.True(violations.Count == 0, $"{part} may use {(mayUse.Length == 0 ? "no other part" : string.Join(", ", mayUse))}, but:\n" +
            string.Join("\n", violations));
    }

    [Fact]
    public void Engine_KnowsNoHost_NeitherTheServerNorAspNetCore()
    {
        using var assembly = AssemblyDefinition.ReadAssembly(EnginePath);
        var hosts = assembly.MainModule.AssemblyReferences.Select(r => r.Name)
            .Where(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || n == "JourneyReports.Server").ToList();

        Assert.True(hosts.Count == 0, "the engine references " + string.Join(", ", hosts));
    }

    [Fact]
    public void Checker_NamesTheTypeAndTheReference_WhenAPartUsesOneToItsLeft()
    {
        // ArchitectureProbe (below) is a numbers part that draws: the rule must catch it, naming both types.
        var probe = TypeReferences.Of(typeof(ArchitectureProbe.Journeys.ProbeMetric).Assembly.Location);

        var violations = Violations(probe, "JourneyReports.Tests.ArchitectureProbe.Journeys", [], []);

        var violation = Assert.Single(violations);
        Assert.Equal("JourneyReports.Tests.ArchitectureProbe.Journeys.ProbeMetric", violation.From);
        Assert.Equal("JourneyReports.Tests.ArchitectureProbe.Rendering.ProbeChart", violation.To);
        Assert.Contains("ProbeMetric.Draw", violation.Where);
    }

    /// <summary>
    /// References from types of namespace <paramref name="part"/> to types of the same family of namespaces (its
    /// parent's) other than its own and <paramref name="mayUse"/> (namespaces or whole type names), and to any of
    /// <paramref name="forbidden"/> (namespace prefixes or type names) wherever they are.
    /// </summary>
    static List<TypeReferences.Reference> Violations(IReadOnlyList<TypeReferences.Reference> references, string part,
        IReadOnlyList<string> mayUse, IReadOnlyList<string> forbidden)
    {
        var family = TypeReferences.NamespaceOf(part);
        bool Within(string type, string space) =>
            type == space || TypeReferences.NamespaceOf(type) is var ns && (ns == space || ns.StartsWith(space + ".", StringComparison.Ordinal));
        bool Engine(string type) => Within(type, family);
        return [.. references
            .Where(r => TypeReferences.NamespaceOf(r.From) == part)
            .Where(r => (Engine(r.To) && !Within(r.To, part) && !mayUse.Any(u => Within(r.To, u))) || forbidden.Any(f => Within(r.To, f)))
            .OrderBy(r => r.From).ThenBy(r => r.To)];
    }
}
