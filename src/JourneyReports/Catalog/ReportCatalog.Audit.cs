using Dapper;

namespace JourneyReports.Catalog;

public sealed partial class ReportCatalog
{
    /// <summary>How many audit entries there are (of one action), for paging the log.</summary>
    public async Task<int> CountAuditAsync(string? action, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return await c.ExecuteScalarAsync<int>(Command("audit_count", new { Action = action }, ct));
    }

    /// <summary>The actions the audit log holds, to filter it by.</summary>
    public async Task<IReadOnlyList<string>> AuditActionsAsync(CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return [.. await c.QueryAsync<string>(Command("audit_actions", null, ct))];
    }
}
