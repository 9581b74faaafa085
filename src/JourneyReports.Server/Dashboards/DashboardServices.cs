namespace JourneyReports.Server;

public static class DashboardServices
{
    /// <summary>The slicers' values (read once per data version) and the definitions' checks and uploads.</summary>
    public static IServiceCollection AddDashboardsAndDefinitions(this IServiceCollection services) =>
        services.AddSingleton<FilterChoices>().AddSingleton<DefinitionActions>();
}
