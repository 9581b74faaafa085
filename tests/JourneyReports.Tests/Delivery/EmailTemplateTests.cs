using System.Diagnostics;
using MimeKit;

namespace JourneyReports.Tests;

/// <summary>Email subjects and bodies from Liquid templates: the defaults are today's email, custom ones are checked and sandboxed.</summary>
public sealed class EmailTemplateTests
{
    const string Dashboard = "http://127.0.0.1:5080/dashboards/executive-weekly";
    const string Fashion = "http://127.0.0.1:5080/dashboards/executive-weekly?department=Fashion";
    const string Manage = "http://127.0.0.1:5080/subscriptions/7/manage";
    const string Unsubscribe = "http://127.0.0.1:5080/subscriptions/7/unsubscribe";

    /// <summary>The executive email's values: everyone's slice, the workbook attached, no manage or unsubscribe link (as today).</summary>
    static EmailTemplateValues Today() => SampleReport.Values(Dashboard);

    /// <summary>The fashion buyer's email: the department slice, its dashboard link, manage and unsubscribe links.</summary>
    static EmailTemplateValues FashionBuyer() => Today() with
    {
        SubscriptionName = "Fashion weekly",
        Recipient = new EmailRecipientValues("buyer@example.com", [new EmailSliceValue("department", "Fashion")], "Department: Fashion"),
        Links = new EmailLinkValues(Fashion, Manage, Unsubscribe),
    };

    static EmailTemplate Valid(string? subject, string? body)
    {
        var check = EmailTemplate.Check(subject, body);
        Assert.True(check.IsValid, string.Join("\n", check.Problems));
        return check.Template!;
    }

    [Fact]
    public void Default_GivesTodaysSubjectAndHtml_ForTheSampleReport()
    {
        var email = EmailTemplate.Default.Render(Today());

        Assert.Equal("Executive weekly journey: Week 16–22 Nov 2026 vs 9–15 Nov 2026", email.Subject);
        Assert.Contains("""<h2 style="margin-bottom:0">Executive weekly journey</h2>""", email.HtmlBody);
        Assert.Contains("""<td style="padding:4px 12px;text-align:right;font-weight:bold">12,000</td><td style="padding:4px 0 4px 12px;color:#1a7f37">+20.0%</td>""", email.HtmlBody);
        Assert.Contains($"""<a href="{Dashboard}">Open the live dashboard</a> · the workbook with every number is attached.""", email.HtmlBody);
        Assert.Contains($"""<img src="cid:{email.ImageContentId}" alt="Executive weekly journey dashboard" """, email.HtmlBody);
        Assert.Null(email.UnsubscribeUrl);
    }

    [Fact]
    public void Default_ReproducesTodaysText_LineByLine()
    {
        var email = EmailTemplate.Default.Render(Today() with { Note = "No data for this period" });

        Assert.Equal("""
            Executive weekly journey — Week 16–22 Nov 2026 vs 9–15 Nov 2026

            Visitors: 12,000 (+20.0%)
            Conversion rate: 3.4% (+0.3 pts)
            Customer effort (CES): 3.1 (-0.3)

            No data for this period

            Open the live dashboard: http://127.0.0.1:5080/dashboards/executive-weekly
            The workbook with every number behind the dashboard is attached.

            """, email.TextBody);
    }

    [Fact]
    public void Default_AddsTheSliceAndTheManageAndUnsubscribeLinks_WhenTheRecipientHasThem()
    {
        var email = EmailTemplate.Default.Render(FashionBuyer() with { Kpis = [] });

        Assert.Equal($"""
            Executive weekly journey — Week 16–22 Nov 2026 vs 9–15 Nov 2026
            Department: Fashion

            Open the live dashboard: {Fashion}
            The workbook with every number behind the dashboard is attached.
            Manage your subscription: {Manage}
            Unsubscribe: {Unsubscribe}

            """, email.TextBody);
        Assert.Contains("Week 16–22 Nov 2026 vs 9–15 Nov 2026 · Department: Fashion", email.HtmlBody);
        Assert.Contains($"""<a href="{Fashion}">Open the live dashboard</a>""", email.HtmlBody);
        Assert.Contains($"""<a href="{Manage}">Manage your subscription</a> · <a href="{Unsubscribe}">Unsubscribe</a>""", email.HtmlBody);
        Assert.Equal(Unsubscribe, email.UnsubscribeUrl);
    }

    [Fact]
    public void CustomSubject_WithTheRecipientsSlice_Renders()
    {
        var template = Valid("{{ recipient.slice.first.value }} — Week {{ period.label }}", null);

        var email = template.Render(FashionBuyer());

        Assert.Equal("Fashion — Week 16–22 Nov 2026", email.Subject);
        Assert.True(template.IsDefaultBody);
    }

    [Fact]
    public void CustomBody_RendersEachKpiInALoop_AndAddsTheLinksItLeftOut()
    {
        var template = Valid(null, """
            Hello {{ recipient.slice_line }},
            {% for kpi in kpis %}
            - {{ kpi.label }}: {{ kpi.value }} ({{ kpi.change }}){% if kpi.sentiment < 0 %} !{% endif %}
            {%- endfor %}
            Live: {{ links.dashboard }}
            """);

        var email = template.Render(FashionBuyer() with
        {
            Kpis = [new("orders", "Orders", "1,204", "+4.1%", 1), new("nps", "NPS", "31", "-3", -1)],
        });

        Assert.Equal($"""
            Hello Department: Fashion,

            - Orders: 1,204 (+4.1%)
            - NPS: 31 (-3) !
            Live: {Fashion}

            Manage your subscription: {Manage}
            Unsubscribe: {Unsubscribe}

            """, email.TextBody);
        Assert.Contains($"""Live: <a href="{Fashion}">{Fashion}</a><br>""", email.HtmlBody);
        Assert.Contains($"""Unsubscribe: <a href="{Unsubscribe}">{Unsubscribe}</a>""", email.HtmlBody);
        Assert.Contains($"src=\"cid:{email.ImageContentId}\"", email.HtmlBody);
    }

    [Fact]
    public void Check_ReportsASyntaxError_WithTheTemplateNameLineAndColumn()
    {
        // An unclosed for: Fluid notices at the end of the body, line 3 after "{{ k.label }}" (13 characters).
        var check = EmailTemplate.Check(null, "Hello\n{% for k in kpis %}\n{{ k.label }}");

        var problem = Assert.Single(check.Problems);
        Assert.False(check.IsValid);
        Assert.Null(check.Template);
        Assert.Equal("body", problem.Template);
        Assert.Equal((3, 14), (problem.Line, problem.Column));
        Assert.Contains("{% endfor %}", problem.Message);
        Assert.StartsWith("body (3:14): ", problem.ToString());
    }

    [Fact]
    public void Check_ReportsAnUnknownVariable_NamingIt_WhereItIsUsed()
    {
        var check = EmailTemplate.Check(null, "Hi,\nthe {{ reprot.title }} is ready");

        var problem = Assert.Single(check.Problems);
        Assert.Equal("body", problem.Template);
        Assert.Equal((2, 8), (problem.Line, problem.Column));
        Assert.Contains("unknown variable 'reprot' (did you mean 'report'?)", problem.Message);
    }

    [Fact]
    public void Check_ReportsAMissingMember_OfAValueAndOfAKpiInALoop()
    {
        var check = EmailTemplate.Check("{{ report.titel }}", "{% for k in kpis %}\n{{ k.lable }}\n{% endfor %}");

        Assert.Collection(check.Problems,
            p => Assert.Equal("subject (1:10): 'report' has no 'titel' (did you mean 'title'?); it has: title", p.ToString()),
            p => Assert.Equal("body (2:5): 'k' has no 'lable' (did you mean 'label'?); it has: key, label, value, change, sentiment", p.ToString()));
    }

    [Fact]
    public void Check_ReportsEveryProblemAtOnce_InBothTemplates()
    {
        var check = EmailTemplate.Check("{{ report.title ", "{{ nope }} {{ report.title | shout }} {% include 'footer' %}");

        Assert.Equal(["subject", "body", "body", "body"], check.Problems.Select(p => p.Template));
        Assert.Contains("'}}'", check.Problems[0].Message);
        Assert.Contains("unknown variable 'nope'", check.Problems[1].Message);
        Assert.Contains(check.Problems, p => p.Message == "unknown filter 'shout'");
        Assert.Contains(check.Problems, p => p.Message.StartsWith("'include' is not available", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_AcceptsNamesTheTemplateDefinesItself_AndLiquidsOwn()
    {
        var check = EmailTemplate.Check("{% assign who = recipient.slice_line | upcase %}{{ who }}", """
            {% capture heading %}{{ report.title }}{% endcapture %}{{ heading }}
            {% for kpi in kpis %}{{ forloop.index }}. {{ kpi.label }}{% endfor %}
            {{ kpis.size }} {{ kpis.first.value }} {{ kpis[0].change }} {{ recipient.slice.first.name }}
            {% if note != blank %}{{ note }}{% endif %} {{ generated_at }} {{ subscription.name }} {{ links.manage }}
            """);

        Assert.True(check.IsValid, string.Join("\n", check.Problems));
    }

    [Fact]
    public void Check_StopsARunawayLoop_WithAnErrorNamingTheTemplate_WithinAShortTime()
    {
        var clock = Stopwatch.StartNew();

        var check = EmailTemplate.Check(null, "{% for i in (1..100000000) %}{{ i }}{% endfor %}");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        var problem = Assert.Single(check.Problems);
        Assert.Equal("body", problem.Template);
        Assert.Contains("maximum", problem.Message);
    }

    [Fact]
    public void Render_FailsWithTheTemplateNamed_WhenTheRunsValuesMakeItRunAway()
    {
        // Fine for the sample's three KPIs, over the step limit for forty.
        var template = Valid(null, "{% for k in kpis %}{% for i in (1..5000) %}{% endfor %}{% endfor %}");
        var many = Enumerable.Range(1, 40).Select(i => new EmailKpiValues($"k{i}", $"KPI {i}", "1", "+1", 0)).ToList();
        var clock = Stopwatch.StartNew();

        var e = Assert.Throws<EmailTemplateException>(() => template.Render(Today() with { Kpis = many }));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal("body", e.Template);
        Assert.StartsWith("The email template 'body' could not be rendered: The maximum number of 100000 steps has been reached", e.Message);
    }

    [Fact]
    public void Html_EscapesAKpiLabel_InTheDefaultLayoutAndInACustomBody()
    {
        var values = Today() with { Kpis = [new("x", "<b>x</b>", "1", "0", 0)] };

        var layout = EmailTemplate.Default.Render(values).HtmlBody;
        var custom = Valid(null, "{% for kpi in kpis %}{{ kpi.label }}{% endfor %}").Render(values);

        Assert.Contains("&lt;b&gt;x&lt;/b&gt;", layout);
        Assert.DoesNotContain("<b>x</b>", layout);
        Assert.Contains("&lt;b&gt;x&lt;/b&gt;", custom.HtmlBody);
        Assert.DoesNotContain("<b>x</b>", custom.HtmlBody);
        Assert.StartsWith("<b>x</b>", custom.TextBody);
    }

    [Fact]
    public void Subject_WithNewlines_BecomesOneTrimmedLine_CappedAt200Characters()
    {
        var lines = Valid("  {{ report.title }}\n\r\n  {{ period.label }}\n", null).Render(Today());
        var long_ = Valid("{% for i in (1..100) %}{{ report.title }} {% endfor %}", null).Render(Today());
        var empty = Valid("{% if false %}x{% endif %}", null).Render(Today());

        Assert.Equal("Executive weekly journey 16–22 Nov 2026", lines.Subject);
        Assert.Equal(EmailTemplate.MaxSubjectLength, long_.Subject.Length);
        Assert.EndsWith("…", long_.Subject);
        Assert.Equal("Executive weekly journey: Week 16–22 Nov 2026 vs 9–15 Nov 2026", empty.Subject);
    }

    [Fact]
    public void ToMessage_CarriesTheRenderedEmail_TheInlineDashboard_AndAListUnsubscribeHeader()
    {
        var email = EmailTemplate.Default.Render(FashionBuyer());

        var message = email.ToMessage(SampleReport.Png(), [1, 2, 3], "w.xlsx", "reports@example.com", "buyer@example.com", DateTimeOffset.UnixEpoch);

        Assert.Equal(email.Subject, message.Subject);
        Assert.Equal(email.TextBody, message.TextBody);
        Assert.Single(message.BodyParts.OfType<MimePart>(), p => p.ContentType.MimeType == "image/png" && p.ContentId == email.ImageContentId);
        Assert.Equal("w.xlsx", message.Attachments.OfType<MimePart>().Single().FileName);
        Assert.Equal($"<{Unsubscribe}>", message.Headers["List-Unsubscribe"]);
    }
}
