using System.Diagnostics;
using MimeKit;

namespace JourneyReports.Tests;

/// <summary>The Mail settings: every problem named, the allowed domains, the retry waits, the pacing and the outbox.</summary>
public sealed class DeliveryOptionsTests
{
    [Fact]
    public void Problems_AreNone_ForTheDefaults()
    {
        Assert.Empty(new MailOptions().Problems());
        Assert.Equal(600, new SmtpOptions().TimeoutSeconds);
        Assert.Equal(30, new SmtpOptions().MessagesPerMinute);
        Assert.Equal(20 * 1024 * 1024, new MailOptions().MaxMessageBytes);
    }

    [Fact]
    public void Problems_NameEveryBadSetting()
    {
        var mail = new MailOptions
        {
            Transport = "pigeon", From = "nobody", MaxMessageBytes = 10, AllowedDomains = ["example.com", "a@b.com", "ex*.com"],
            Retry = new RetryOptions { MaxAttempts = 0 },
            Smtp = new SmtpOptions
            {
                Port = 0, Security = "Sometimes", TimeoutSeconds = 0, MessagesPerMinute = -1, Password = "p",
                OAuth2 = new SmtpOAuth2Options { Authority = "http://login.example.com" },
            },
        };

        var problems = mail.Problems();

        string[] expected =
        [
            "Mail:Transport 'pigeon'", "Mail:From 'nobody'", "Mail:MaxMessageBytes", "Mail:AllowedDomains 'a@b.com'", "Mail:AllowedDomains 'ex*.com'",
            "Mail:Retry:MaxAttempts", "Mail:Smtp:Port 0", "Mail:Smtp:Security 'Sometimes'", "Mail:Smtp:TimeoutSeconds", "Mail:Smtp:MessagesPerMinute",
            "Mail:Smtp:UserName is empty; with OAuth2", "Mail:Smtp:Password and JourneyReports:Mail:Smtp:OAuth2 are both set",
            "Mail:Smtp:OAuth2:Authority 'http://login.example.com' is not an https URL", "Mail:Smtp:OAuth2:ClientId is empty", "Mail:Smtp:OAuth2:ClientSecret is empty",
        ];
        foreach (var e in expected) Assert.Contains(problems, p => p.Contains(e));
        Assert.Equal(expected.Length, problems.Count);
    }

    [Fact]
    public void OAuth2_NeverShowsTheClientSecret()
    {
        var oauth = new SmtpOAuth2Options { TenantId = "contoso", ClientId = "app", ClientSecret = "s3cr3t" };

        Assert.DoesNotContain("s3cr3t", oauth.ToString());
        Assert.Equal("https://login.microsoftonline.com/contoso", oauth.AuthorityUrl);
        Assert.Equal("https://outlook.office365.com/.default", oauth.Scope);
    }

    [Fact]
    public void OAuth2_MakesAnEntraIdTokenSource_WithoutAskingForATokenYet()
    {
        var smtp = new SmtpOptions
        {
            UserName = "reports@contoso.com",
            OAuth2 = new SmtpOAuth2Options { TenantId = "contoso.onmicrosoft.com", ClientId = "11111111-2222-3333-4444-555555555555", ClientSecret = "s" },
        };

        var transport = IMailTransport.From(new MailOptions { Transport = "smtp", Smtp = smtp }, p => p);

        Assert.Equal("smtp", transport.Name);
        Assert.NotNull(OAuth2Tokens.ClientCredentials(smtp.OAuth2));
    }

    [Theory]
    [InlineData("ceo@example.com", true)]
    [InlineData("CEO <ceo@Example.COM>", true)]
    [InlineData("ceo@eu.example.com", false)]
    [InlineData("ceo@team.partner.org", true)]
    [InlineData("ceo@partner.org", false)]
    [InlineData("ceo@example.com.evil.net", false)]
    [InlineData("not an address", false)]
    public void Allows_OnlyTheListedDomains(string address, bool allowed)
    {
        var mail = new MailOptions { AllowedDomains = ["example.com", "*.partner.org"] };

        Assert.Equal(allowed, mail.Allows(address));
    }

    [Fact]
    public void Allows_AnyAddress_WhenNoDomainIsListed()
    {
        Assert.True(new MailOptions().Allows("anyone@anywhere.net"));
        Assert.False(new MailOptions().Allows("no-at-sign"));
    }

    [Fact]
    public void Retry_WaitsFourTimesLongerEachTime_UpToTheCap()
    {
        var retry = new RetryOptions { MaxAttempts = 5, FirstDelaySeconds = 60, MaxDelaySeconds = 600 };

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)],
            Enumerable.Range(2, 4).Select(a => retry.DelayBefore(a)!.Value));
        Assert.Null(retry.DelayBefore(6));
        Assert.Null(retry.DelayBefore(1));
    }

    [Fact]
    public async Task Pacing_SpacesOneSendersMessages_WithoutHoldingUpAnother()
    {
        var pacing = new SenderPacing(messagesPerMinute: 60); // one a second
        await pacing.WaitTurnAsync("a@example.com", default);
        var clock = Stopwatch.StartNew();

        var other = pacing.WaitTurnAsync("b@example.com", default);
        await other;
        var otherWaited = clock.Elapsed;
        await pacing.WaitTurnAsync("A@example.com", default);

        Assert.True(otherWaited < TimeSpan.FromMilliseconds(300), $"b waited {otherWaited}");
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.8, 2.5);
    }

    [Fact]
    public async Task Outbox_WritesTheMessage_AndSaysWhere()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"));
        try
        {
            var message = new MimeMessage([MailboxAddress.Parse("a@example.com")], [MailboxAddress.Parse("b@example.com")], "x", new TextPart("plain") { Text = "x" });

            var outcome = await new OutboxMailTransport(folder).SendAsync(message, default);

            Assert.Equal(DeliveryStatus.Sent, outcome.Status);
            Assert.Equal(message.MessageId, MimeMessage.Load(outcome.Where).MessageId);
        }
        finally { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public async Task Outbox_IsNotSent_NamingTheFolder_WhenItCannotBeWritten()
    {
        var file = Path.GetTempFileName(); // a file where the folder should be
        try
        {
            var message = new MimeMessage([MailboxAddress.Parse("a@example.com")], [MailboxAddress.Parse("b@example.com")], "x", new TextPart("plain") { Text = "x" });

            var outcome = await new OutboxMailTransport(Path.Combine(file, "outbox")).SendAsync(message, default);

            Assert.NotEqual(DeliveryStatus.Sent, outcome.Status);
            Assert.Contains("outbox", outcome.Detail);
        }
        finally { File.Delete(file); }
    }
}
