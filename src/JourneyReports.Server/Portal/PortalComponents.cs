using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JourneyReports.Server;

/// <summary>
/// Portal pages are Razor components rendered on the server (no client-side framework): a handler returns
/// <c>PortalView.Page&lt;T&gt;(new { ... })</c> with the component's parameters, and a status when it is not 200.
/// Forms post to ordinary endpoints; each carries its antiforgery token (<c>&lt;AntiforgeryToken /&gt;</c>).
/// </summary>
public static class PortalView
{
    public static RazorComponentResult<T> Page<T>(object? parameters = null, int status = 200) where T : IComponent =>
        new(parameters ?? new { }) { StatusCode = status };

    static readonly byte[] Stylesheet = ReadStylesheet();

    static byte[] ReadStylesheet()
    {
        using var stream = typeof(PortalView).Assembly.GetManifestResourceStream("portal.css")!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Razor components on the server, and the stylesheet (public: the sign-in page needs it too).</summary>
    public static void MapPortalAssets(this WebApplication app) =>
        app.MapGet("/portal.css", () => Results.Bytes(Stylesheet, "text/css; charset=utf-8")).AllowAnonymous();
}
