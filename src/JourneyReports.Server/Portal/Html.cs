using System.Net;

namespace JourneyReports.Server;

/// <summary>Server-rendered pages: one layout, values always HTML-encoded.</summary>
public static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>
    /// A page for a request that cannot be answered (404, 400, 503, ...): the title, then <paramref name="html"/>, which
    /// the caller builds with every value it echoes encoded, naming the problem and linking what does exist.
    /// </summary>
    public static IResult ErrorPage(int status, string title, string html) =>
        new StatusPageResult(status, Page(title, $"<h1>{E(title)}</h1><div class=\"bad\">{html}</div>"));

    /// <summary>A page with a status code other than 200 (a form shown again with its problem, say).</summary>
    public static IResult StatusPage(int status, string title, string body) => new StatusPageResult(status, Page(title, body));

    /// <summary>The hidden field every form posts back, so a form on another site cannot act as the signed-in person.</summary>
    public static string AntiforgeryField(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>().GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    /// <summary>An HTML page with a status code other than 200.</summary>
    sealed class StatusPageResult(int status, IResult page) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            if (status == 503) context.Response.Headers.RetryAfter = "10";
            return page.ExecuteAsync(context);
        }
    }

    public static IResult Page(string title, string body, int? refreshSeconds = null) => Results.Content($$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        {{(refreshSeconds is { } s ? $"<meta http-equiv=\"refresh\" content=\"{s}\">" : "")}}
        <title>{{E(title)}} · JourneyReports</title>
        <style>
          body { font-family: system-ui, Segoe UI, Helvetica, Arial, sans-serif; color: #24292f; margin: 0; background: #f6f8fa; }
          header { background: #24292f; color: #fff; padding: 10px 24px; display: flex; gap: 24px; align-items: baseline; }
          header a { color: #fff; text-decoration: none; } header .brand { font-weight: 700; font-size: 18px; }
          main { max-width: 1240px; margin: 0 auto; padding: 16px 24px; }
          .muted { color: #57606a; } .good { color: #1a7f37; } .bad { color: #cf222e; }
          .dashboard { width: 100%; max-width: 1200px; border: 1px solid #d0d7de; background: #fff; }
          table { border-collapse: collapse; background: #fff; } td, th { padding: 6px 12px; border-bottom: 1px solid #d0d7de; text-align: left; }
          td.num { text-align: right; font-variant-numeric: tabular-nums; }
          .dashboard svg { width: 100%; height: auto; }
          form.parameters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; background: #fff; border: 1px solid #d0d7de; padding: 12px; border-radius: 6px; margin: 12px 0; }
          form.parameters label { display: flex; flex-direction: column; font-size: 13px; color: #57606a; gap: 2px; }
          .actions a { display: inline-block; margin-right: 12px; padding: 6px 12px; background: #0969da; color: #fff; border-radius: 6px; text-decoration: none; }
        </style></head>
        <body><header><a class="brand" href="/">JourneyReports</a><a href="/dashboards">Dashboards</a><a href="/runs">Run history</a><a href="/hangfire">Jobs</a><a href="/account">Account</a></header>
        <main>{{body}}</main></body></html>
        """, "text/html; charset=utf-8");
}
