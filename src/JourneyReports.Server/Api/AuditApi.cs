using JourneyReports.Catalog;

namespace JourneyReports.Server;

/// <summary>/api/v1/audit (admins): who did what, newest first, paged, filtered by action.</summary>
public static class AuditApi
{
    public static void MapAuditApi(this WebApplication app) =>
        app.Group().WithTags("Audit").RequireAuthorization(AccountSetup.AdminPolicy)
            .MapGet("/audit", (string? action, int? offset, int? limit, HttpRequest request, ReportCatalog catalog, CancellationToken ct) =>
            {
                var filter = string.IsNullOrWhiteSpace(action) ? null : action.Trim();
                return Paged<AuditEntry>.FromAsync((o, l) => catalog.AuditLogAsync(filter, l, o, ct), () => catalog.CountAuditAsync(filter, ct), offset, limit, request);
            })
            .WithName("ListAudit").WithSummary("The audit log, newest first (admins): sign-ins, account and token changes, definition and subscription changes, downloads, deliveries")
            .Produces<Paged<AuditEntry>>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
}
