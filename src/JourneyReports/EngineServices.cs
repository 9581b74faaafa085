using JourneyReports.Catalog;
using JourneyReports.Delivery;
using JourneyReports.Refresh;
using JourneyReports.Scheduling;
using JourneyReports.Warehouse;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyReports;

/// <summary>
/// The engine's services, each made once from <see cref="JourneyReportsOptions"/>: the server, the command-line verbs
/// and the tests all build them here, so a warehouse or mail transport is chosen in one place.
/// </summary>
public static class EngineServices
{
    /// <summary>Registers the engine; the caller registers <see cref="JourneyReportsOptions"/> and logging.</summary>
    public static IServiceCollection AddJourneyReportsEngine(this IServiceCollection services)
    {
        static JourneyReportsOptions O(IServiceProvider sp) => sp.GetRequiredService<JourneyReportsOptions>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => WarehouseProviders.Create(O(sp).Warehouse, O(sp).ResolvePath));
        services.AddSingleton(sp => new JourneyWarehouse(sp.GetRequiredService<IWarehouseProvider>(), O(sp).Journey, O(sp).Warehouse.AnalystSql));
        services.AddSingleton(sp => new ReportCatalog(CatalogDatabase.From(O(sp).Catalog, O(sp).ResolvePath)));
        services.AddSingleton(sp => new RunArtifacts(O(sp).ResolvePath(O(sp).Catalog.ArtifactsPath)));
        services.AddSingleton(sp => IMailTransport.From(O(sp).Mail, O(sp).ResolvePath));
        services.AddSingleton(sp => RecipientLinks.From(O(sp)));
        services.AddSingleton<RenderCache>();
        services.AddSingleton<ReportRunner>();
        services.AddSingleton<SubscriptionRecipients>();
        services.AddTransient<SubscriptionJob>();
        services.AddSingleton<SourceRefresher>();
        services.AddTransient<RefreshJob>();
        return services;
    }
}
