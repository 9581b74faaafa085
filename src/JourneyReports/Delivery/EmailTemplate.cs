using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.FileProviders;
using MimeKit.Utils;

namespace JourneyReports.Delivery;

/// <summary>One thing wrong with an email template: which one ("subject" or "body"), where (1-based, when known) and what.</summary>
public sealed record EmailTemplateProblem(string Template, int? Line, int? Column, string Message)
{
    public override string ToString() => Line is { } l ? $"{Template} ({l}:{Column}): {Message}" : $"{Template}: {Message}";
}

/// <summary>The outcome of <see cref="EmailTemplate.Check"/>: every problem found, and the template when there are none.</summary>
public sealed record EmailTemplateCheck(IReadOnlyList<EmailTemplateProblem> Problems, EmailTemplate? Template)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>An email template that is invalid, or that failed while rendering; <see cref="Template"/> names which one.</summary>
public sealed class EmailTemplateException : Exception
{
    public EmailTemplateException(IReadOnlyList<EmailTemplateProblem> problems)
        : base("The email template is invalid:\n" + string.Join("\n", problems))
    {
        Problems = problems;
        Template = string.Join(", ", problems.Select(p => p.Template).Distinct());
    }

    public EmailTemplateException(string template, string message, Exception? inner = null)
        : base($"The email template '{template}' could not be rendered: {message}", inner)
    {
        Template = template;
        Problems = [new EmailTemplateProblem(template, null, null, message)];
    }

    public string Template { get; }
    public IReadOnlyList<EmailTemplateProblem> Problems { get; }
}

/// <summary>
/// A report email's subject and text body as Liquid templates (Fluid), checked before use and rendered in a sandbox:
/// no file includes, a step, recursion, output and collection limit, and a time limit per render. The names a
/// template may use are those of <see cref="EmailTemplateValues"/>. No template (null or blank) means the default,
/// which is the email as it always was; the HTML part is then the usual layout (title, period, KPI table, the
/// dashboard inline), and for a custom body it is that body's text, HTML-escaped, with its line breaks kept and the
/// known links made clickable, above the inline dashboard.
/// </summary>
public sealed class EmailTemplate
{
    public const string SubjectName = "subject";
    public const string BodyName = "body";

    /// <summary>Today's subject: "Executive weekly journey: Week 16–22 Nov 2026 vs 9–15 Nov 2026".</summary>
    public const string DefaultSubject = "{{ report.title }}: {{ period.line }}";

    /// <summary>
    /// Today's text body, plus the recipient's slice and the manage/unsubscribe links when there are any. (Liquid
    /// renders nothing for a block that holds only white space, hence the <c>{{ "" }}</c> before the blank line after the KPIs.)
    /// </summary>
    public const string DefaultTextBody = """
        {{ report.title }} — {{ period.line }}
        {% if recipient.slice.size > 0 %}{{ recipient.slice_line }}
        {% endif %}
        {% for kpi in kpis %}{{ kpi.label }}: {{ kpi.value }} ({{ kpi.change }})
        {% endfor %}{% if kpis.size > 0 %}{{ "" }}
        {% endif %}{% if note != blank %}{{ note }}

        {% endif %}Open the live dashboard: {{ links.dashboard }}
        {% if files.line != blank %}{{ files.line }}
        {% endif %}{% for f in files.links %}- {{ f.name }}: {{ f.url }}
        {% endfor %}{% if links.manage != blank %}Manage your subscription: {{ links.manage }}
        {% endif %}{% if links.unsubscribe != blank %}Unsubscribe: {{ links.unsubscribe }}
        {% endif %}
        """;

    /// <summary>The longest subject an email gets; a longer one is cut and ends with "…".</summary>
    public const int MaxSubjectLength = 200;

    /// <summary>Template sources longer than these are refused before parsing.</summary>
    public const int MaxSubjectSourceLength = 2_000, MaxBodySourceLength = 50_000;

    /// <summary>How long one template may take to render.</summary>
    public static readonly TimeSpan RenderTimeLimit = TimeSpan.FromSeconds(2);

#pragma warning disable FLUID001 // statement locations are "for evaluation" in Fluid 3.0; they only place problems, and Fluid.Core is pinned
    static readonly FluidParser Parser = new(new FluidParserOptions { TrackStatementLocations = true });
#pragma warning restore FLUID001

    internal static readonly TemplateOptions Sandbox = new TemplateOptionsBuilder()
        .WithMaxSteps(100_000)
        .WithMaxRecursion(20)
        .WithMaxOutputSize(500_000)
        .WithMaxCollectionSize(10_000)
        .WithFileProvider(new FileProviderTemplateFileProvider(new NullFileProvider()))
        .WithCultureInfo(CultureInfo.InvariantCulture)
        .Build();

    readonly IFluidTemplate subject, body;

    EmailTemplate(IFluidTemplate subject, IFluidTemplate body, bool isDefaultBody)
    {
        this.subject = subject;
        this.body = body;
        IsDefaultBody = isDefaultBody;
    }

    /// <summary>The email as it always was: <see cref="DefaultSubject"/>, <see cref="DefaultTextBody"/> and the usual HTML layout.</summary>
    public static EmailTemplate Default { get; } = Parse(null, null);

    /// <summary>True when the body is the default one (and the HTML part therefore the usual layout).</summary>
    public bool IsDefaultBody { get; }

    /// <summary>
    /// Every problem of a subject and body template at once, each naming its template and, where known, line and
    /// column: syntax errors; names that are not among <see cref="EmailTemplateValues"/> (a typo like
    /// <c>{{ reprot.title }}</c> would otherwise render as nothing); unknown filters; includes; and a render with
    /// <see cref="EmailTemplateValues.Sample"/> values that fails (a runaway loop, say). Null or blank means the default.
    /// </summary>
    public static EmailTemplateCheck Check(string? subject, string? textBody)
    {
        var problems = new List<EmailTemplateProblem>();
        var s = ParseOne(SubjectName, subject, DefaultSubject, MaxSubjectSourceLength, problems);
        var b = ParseOne(BodyName, textBody, DefaultTextBody, MaxBodySourceLength, problems);
        if (s is null || b is null || problems.Count > 0) return new EmailTemplateCheck(problems, null);

        var template = new EmailTemplate(s, b, string.IsNullOrWhiteSpace(textBody));
        foreach (var sample in new[] { EmailTemplateValues.Sample, EmailTemplateValues.BareSample })
        {
            try { template.Render(sample); }
            catch (EmailTemplateException e) { problems.AddRange(e.Problems.Select(p => p with { Message = p.Message + " (with sample values)" })); break; }
        }
        return new EmailTemplateCheck(problems, problems.Count == 0 ? template : null);
    }

    /// <summary>The checked template, or <see cref="EmailTemplateException"/> with every problem.</summary>
    public static EmailTemplate Parse(string? subject, string? textBody)
    {
        var check = Check(subject, textBody);
        return check.Template ?? throw new EmailTemplateException(check.Problems);
    }

    static IFluidTemplate? ParseOne(string name, string? source, string fallback, int maxLength, List<EmailTemplateProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(source)) source = fallback;
        if (source.Length > maxLength)
        {
            problems.Add(new EmailTemplateProblem(name, null, null, $"is {source.Length:N0} characters long; at most {maxLength:N0} are allowed"));
            return null;
        }
        IFluidTemplate template;
        try { template = Parser.Parse(source); }
        catch (ParseException e)
        {
            problems.Add(new EmailTemplateProblem(name, e.Position?.Line, e.Position?.Column, SyntaxMessage(e.Message)));
            return null;
        }
        problems.AddRange(EmailTemplateNames.Problems(name, source, template, Sandbox));
        return template;
    }

    // Fluid's message ends with " at (line:column)" and the source line; the problem carries the position itself.
    static string SyntaxMessage(string message)
    {
        var first = message.Split('\n')[0].TrimEnd();
        return Regex.Replace(first, @" at \(\d+:\d+\)$", "");
    }

    /// <summary>
    /// The subject (one line, trimmed, at most <see cref="MaxSubjectLength"/> characters; the default subject when
    /// the template renders nothing), the text body (with any of the dashboard, manage and unsubscribe links it left out
    /// added at its end, so every email carries them) and the HTML body. Renders everything before anything is sent:
    /// a template that fails throws <see cref="EmailTemplateException"/> naming it.
    /// </summary>
    public RenderedEmail Render(EmailTemplateValues values)
    {
        var model = values.ToLiquid();
        var subjectLine = OneLine(RenderOne(SubjectName, subject, model));
        if (subjectLine.Length == 0) subjectLine = OneLine(RenderOne(SubjectName, Default.subject, model));
        var text = WithLinks(RenderOne(BodyName, body, model), values.Links);
        var contentId = MimeUtils.GenerateMessageId();
        var html = IsDefaultBody ? EmailHtml.Layout(values, contentId) : EmailHtml.FromText(text, values, contentId);
        return new RenderedEmail(subjectLine, text, html, contentId, NullIfBlank(values.Links.Unsubscribe));
    }

    static string RenderOne(string name, IFluidTemplate template, IReadOnlyDictionary<string, object?> model)
    {
        var context = new TemplateContext(Sandbox);
        foreach (var (key, value) in model) context.SetValue(key, FluidValue.Create(value, Sandbox));
        using var deadline = new CancellationTokenSource(RenderTimeLimit);
        context.CancellationToken = deadline.Token;
        try { return template.Render(context); }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested)
        {
            throw new EmailTemplateException(name, $"rendering took longer than {RenderTimeLimit.TotalSeconds:0.#} s", e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new EmailTemplateException(name, e.Message, e);
        }
    }

    /// <summary>One line (every run of white space, line breaks included, becomes one space), trimmed, capped with "…".</summary>
    internal static string OneLine(string text)
    {
        var line = Regex.Replace(text, @"\s+", " ").Trim();
        if (line.Length <= MaxSubjectLength) return line;
        var cut = MaxSubjectLength - 1;
        if (char.IsHighSurrogate(line[cut - 1])) cut--;
        return line[..cut].TrimEnd() + "…";
    }

    static string WithLinks(string text, EmailLinkValues links)
    {
        var missing = new List<string>();
        void Need(string? url, string words)
        {
            if (!string.IsNullOrWhiteSpace(url) && !text.Contains(url, StringComparison.Ordinal)) missing.Add($"{words}: {url}");
        }
        Need(links.Dashboard, "Open the live dashboard");
        Need(links.Manage, "Manage your subscription");
        Need(links.Unsubscribe, "Unsubscribe");
        if (missing.Count == 0) return text;
        var s = new StringBuilder(text.TrimEnd('\r', '\n'));
        if (s.Length > 0) s.Append("\n\n");
        foreach (var line in missing) s.Append(line).Append('\n');
        return s.ToString();
    }

    static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

/// <summary>The HTML part of a report email.</summary>
static class EmailHtml
{
    static string E(string t) => WebUtility.HtmlEncode(t);

    const string Open = """
        <!DOCTYPE html>
        <html><body style="font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#24292f;max-width:1200px">
        """;

    static string Image(EmailTemplateValues v, string contentId) =>
        $"""<img src="cid:{contentId}" alt="{E(v.ReportTitle)} dashboard" style="width:100%;max-width:1200px;border:1px solid #d0d7de">""";

    /// <summary>The usual layout (as <c>ReportEmail</c> draws it), plus the slice and the manage/unsubscribe links when there are any.</summary>
    public static string Layout(EmailTemplateValues v, string contentId)
    {
        var rows = new StringBuilder();
        foreach (var k in v.Kpis)
        {
            var colour = k.Sentiment switch { > 0 => "#1a7f37", < 0 => "#cf222e", _ => "#57606a" };
            rows.Append($"""<tr><td style="padding:4px 12px 4px 0">{E(k.Label)}</td><td style="padding:4px 12px;text-align:right;font-weight:bold">{E(k.Value)}</td><td style="padding:4px 0 4px 12px;color:{colour}">{E(k.Change)}</td></tr>""");
        }
        var period = E(v.PeriodLine) + (v.Recipient.Slice.Count > 0 ? " · " + E(v.Recipient.SliceLine) : "");
        var footer = new List<string>();
        if (!string.IsNullOrWhiteSpace(v.Links.Manage)) footer.Add($"""<a href="{E(v.Links.Manage)}">Manage your subscription</a>""");
        if (!string.IsNullOrWhiteSpace(v.Links.Unsubscribe)) footer.Add($"""<a href="{E(v.Links.Unsubscribe)}">Unsubscribe</a>""");
        return $"""
            {Open}
            <h2 style="margin-bottom:0">{E(v.ReportTitle)}</h2>
            <p style="margin-top:4px;color:#57606a">{period}</p>
            {(rows.Length == 0 ? "" : $"<table style=\"border-collapse:collapse;margin:12px 0\">{rows}</table>")}
            {(v.Note is { } note ? $"<p style=\"color:#cf222e\">{E(note)}</p>" : "")}
            <p><a href="{E(v.Links.Dashboard)}">Open the live dashboard</a>{Files(v.FileValues)}</p>
            {LinkList(v.FileValues)}
            {Image(v, contentId)}
            {(footer.Count == 0 ? "" : $"<p style=\"color:#57606a;font-size:12px\">{string.Join(" · ", footer)}</p>\n")}</body></html>
            """;
    }

    static string Files(EmailFileValues f) =>
        f.Links.Count > 0 ? "" : f.Attached.Count == 0 ? "" : f.Line.StartsWith("The workbook", StringComparison.Ordinal)
            ? " · the workbook with every number is attached." : $" · attached: {E(string.Join(", ", f.Attached))}.";

    static string LinkList(EmailFileValues f) => f.Links.Count == 0 ? ""
        : $"<p>{E(EmailFileValues.TooLarge)}</p><ul>{string.Concat(f.Links.Select(l => $"<li><a href=\"{E(l.Url)}\">{E(l.Name)}</a></li>"))}</ul>";

    /// <summary>A custom body's text: HTML-escaped, line breaks kept, the known links clickable, above the inline dashboard.</summary>
    public static string FromText(string text, EmailTemplateValues v, string contentId)
    {
        var escaped = E(text.TrimEnd('\r', '\n'));
        var links = new[] { v.Links.Dashboard, v.Links.Manage, v.Links.Unsubscribe }
            .Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => E(l!)).Distinct().OrderByDescending(l => l.Length).ToList();
        if (links.Count > 0)
            escaped = Regex.Replace(escaped, string.Join("|", links.Select(Regex.Escape)), m => $"""<a href="{m.Value}">{m.Value}</a>""");
        var lines = escaped.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\n", "<br>\n");
        return $"""
            {Open}
            <p style="line-height:1.5">{lines}</p>
            {Image(v, contentId)}
            </body></html>
            """;
    }
}
