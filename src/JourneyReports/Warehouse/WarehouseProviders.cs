namespace JourneyReports.Warehouse;

/// <summary>The warehouse providers there are, by their configuration name (Warehouse:Provider).</summary>
public static class WarehouseProviders
{
    public static readonly IReadOnlyList<string> Names = ["duckdb"];

    /// <summary>The configured provider; <paramref name="resolvePath"/> turns a relative file name into a path under the data folder.</summary>
    public static IWarehouseProvider Create(WarehouseOptions options, Func<string, string> resolvePath) => options.Provider switch
    {
        "duckdb" => new DuckDbProvider(resolvePath(options.Path)),
        var other => throw new InvalidOperationException(Problem(other)),
    };

    /// <summary>Null for a known provider, else what to write instead.</summary>
    public static string? Problem(string? name) => Names.Contains(name) ? null
        : $"JourneyReports:Warehouse:Provider '{name}' is not available; use {string.Join(" or ", Names.Select(n => $"'{n}'"))}";
}
