using System.Diagnostics;
using Microsoft.Identity.Client;
using MimeKit;

namespace JourneyReports.Tests;

/// <summary>
/// Sends through a real SMTP server on loopback (<see cref="SmtpTestServer"/>, one for the class) that answers as each
/// test tells it: every failure a mail server can give becomes the outcome the run history and the retries need.
/// </summary>
public sealed class SmtpDeliveryTests : IClassFixture<SmtpTestServer>
{
    const string From = "Reports <reports@example.com>";
    readonly SmtpTestServer server;

    public SmtpDeliveryTests(SmtpTestServer server)
    {
        this.server = server;
        server.Configure(new SmtpTestRules());
    }

    static MimeMessage Message(string to, string from = From) =>
        new([MailboxAddress.Parse(from)], [MailboxAddress.Parse(to)], "Weekly journey", new TextPart("plain") { Text = "the numbers" });

    [Fact]
    public async Task Send_DeliversTheReportEmail_WithInlineDashboardAndWorkbook_ToTheSmtpServer()
    {
        var message = SampleReport.Message([1, 2, 3], "executive-weekly-2026-11-16.xlsx", From, "ceo@example.com");
        var transport = new SmtpMailTransport(server.Options());

        var outcome = await transport.SendAsync(message, default);

        Assert.Equal(DeliveryStatus.Sent, outcome.Status);
        Assert.Equal($"smtp://127.0.0.1:{server.Port}", outcome.Where);
        Assert.Contains("queued as", outcome.Detail);
        var received = Assert.Single(server.Received()).Message;
        Assert.Equal(outcome.MessageId, received.MessageId);
        Assert.Equal("ceo@example.com", received.To.Mailboxes.Single().Address);
        Assert.Equal(message.Subject, received.Subject);
        Assert.Single(received.BodyParts.OfType<MimePart>(), p => p.ContentType.MimeType == "image/png" && p.ContentId is not null);
        Assert.Equal("executive-weekly-2026-11-16.xlsx", received.Attachments.OfType<MimePart>().Single().FileName);
    }

    [Fact]
    public async Task Send_IsTransient_WhenTheServerSaysTryAgainLater_AndSentOnTheNextAttempt_DeliveredOnce()
    {
        server.Configure(new SmtpTestRules { Replies = [new("ceo@example.com", 451, "4.3.0 try again later", Times: 1)] });
        var transport = new SmtpMailTransport(server.Options());
        var message = Message("ceo@example.com");

        var first = await transport.SendAsync(message, default);
        var second = await transport.SendAsync(message, default);

        Assert.Equal(DeliveryStatus.Transient, first.Status);
        Assert.Equal(451, first.SmtpCode);
        Assert.Contains("try again later", first.Detail);
        Assert.True(first.MayRetry);
        Assert.Equal(DeliveryStatus.Sent, second.Status);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Single(server.Received());
    }

    [Fact]
    public async Task Send_IsTransient_WhenTheServerSaysTryAgainLaterToTheWholeMessage()
    {
        server.Configure(new SmtpTestRules { Replies = [new("ceo@example.com", 451, "4.7.500 Server busy", At: "data")] });

        var outcome = await new SmtpMailTransport(server.Options()).SendAsync(Message("ceo@example.com"), default);

        Assert.Equal(DeliveryStatus.Transient, outcome.Status);
        Assert.Contains("message refused: 451 4.7.500 Server busy", outcome.Detail);
        Assert.Empty(server.Received());
    }

    [Fact]
    public async Task Send_IsPermanentForTheRefusedRecipientOnly_WithTheServersWords_WhenOneOfThreeIsUnknown()
    {
        server.Configure(new SmtpTestRules { Replies = [new("gone@example.com", 550, "5.1.1 gone@example.com: user unknown")] });
        var transport = new SmtpMailTransport(server.Options());
        string[] recipients = ["ceo@example.com", "gone@example.com", "cfo@example.com"];

        var outcomes = new List<DeliveryOutcome>();
        foreach (var to in recipients) outcomes.Add(await transport.SendAsync(Message(to), default));

        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Permanent, DeliveryStatus.Sent], outcomes.Select(o => o.Status));
        Assert.Equal(550, outcomes[1].SmtpCode);
        Assert.Equal("recipient gone@example.com refused: 550 5.1.1 gone@example.com: user unknown", outcomes[1].Detail);
        Assert.False(outcomes[1].MayRetry);
        Assert.Equal(["ceo@example.com", "cfo@example.com"], server.Received().SelectMany(r => r.EnvelopeTo).Order());
    }

    [Fact]
    public async Task Send_IsPermanent_WhenTheServerRefusesTheMessageAsTooLarge()
    {
        server.Configure(new SmtpTestRules { Replies = [new("ceo@example.com", 552, "5.3.4 Message size exceeds fixed limit", At: "data")] });

        var outcome = await new SmtpMailTransport(server.Options()).SendAsync(Message("ceo@example.com"), default);

        Assert.Equal(DeliveryStatus.Permanent, outcome.Status);
        Assert.Equal(552, outcome.SmtpCode);
        Assert.Contains("5.3.4 Message size exceeds fixed limit", outcome.Detail);
    }

    [Fact]
    public async Task Send_IsPermanent_WithTheServersWords_WhenItCannotTakeTheRecipientsAddress()
    {
        // Without SMTPUTF8 (aiosmtpd offers none here) an address like jörg@ can never pass this server.
        var outcome = await new SmtpMailTransport(server.Options()).SendAsync(Message("jörg@example.com"), default);

        Assert.Equal(DeliveryStatus.Permanent, outcome.Status);
        Assert.StartsWith("recipient jörg@example.com refused: 500", outcome.Detail);
        Assert.Empty(server.Received());
    }

    [Fact]
    public async Task Send_IsTransient_NamingTheRefusedConnection_WhenTheServerIsDown()
    {
        var options = server.Options();
        options.Port = SmtpTestServer.UnusedPort();

        var outcome = await new SmtpMailTransport(options).SendAsync(Message("ceo@example.com"), default);

        Assert.Equal(DeliveryStatus.Transient, outcome.Status);
        Assert.Contains("ConnectionRefused", outcome.Detail);
        Assert.Equal($"smtp://127.0.0.1:{options.Port}", outcome.Where);
    }

    [Fact]
    public async Task Send_IsUncertain_NotFailed_WhenTheReplyToTheWholeMessageComesAfterTheTimeout_AndTheServerKeptIt()
    {
        server.Configure(new SmtpTestRules { DataDelaySeconds = 4 });
        var clock = Stopwatch.StartNew();

        var outcome = await new SmtpMailTransport(server.Options(timeoutSeconds: 2)).SendAsync(Message("ceo@example.com"), default);

        Assert.Equal(DeliveryStatus.Uncertain, outcome.Status);
        Assert.Contains("no reply within 2 s after the whole message was transmitted", outcome.Detail);
        Assert.False(outcome.MayRetry);
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.5, 3.9);
        // The server has it: sending it again would deliver it twice.
        Assert.Equal(outcome.MessageId, Assert.Single(server.Received()).Message.MessageId);
    }

    [Fact]
    public async Task Send_IsTransient_WhenTheServerFallsSilentAtTheRecipient_BeforeAnyOfTheMessageWasTransmitted()
    {
        server.Configure(new SmtpTestRules { Replies = [new("ceo@example.com", 250, "OK", Times: 1, DelaySeconds: 3)] });

        var outcome = await new SmtpMailTransport(server.Options(timeoutSeconds: 1)).SendAsync(Message("ceo@example.com"), default);

        Assert.Equal(DeliveryStatus.Transient, outcome.Status);
        Assert.Equal("no reply within 1 s while sending", outcome.Detail);
        Assert.Empty(server.Received());
    }

    [Fact]
    public async Task Send_IsTransient_WhenTheServerStopsReadingHalfwayThroughTheMessage()
    {
        // A server that says 354 and then reads no more: the client's writes stall once the socket buffers are full, so
        // the time-out comes while the message is still going out, and the server cannot have accepted it.
        using var stalling = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        stalling.Server.ReceiveBufferSize = 4096;
        stalling.Start();
        var dialog = Task.Run(async () =>
        {
            var connection = await stalling.AcceptTcpClientAsync();
            var stream = connection.GetStream();
            var reader = new StreamReader(stream);
            async Task Say(string line) => await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(line + "\r\n"));
            await Say("220 stalling.test ESMTP");
            while (await reader.ReadLineAsync() is { } command)
            {
                if (command.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase)) await Say("250 stalling.test");
                else if (command == "DATA") { await Say("354 go ahead"); break; }
                else await Say("250 OK");
            }
            return connection; // open, unread, until the test ends
        });
        var options = server.Options(timeoutSeconds: 1);
        options.Port = ((System.Net.IPEndPoint)stalling.LocalEndpoint).Port;
        var big = new byte[12_000_000];
        new Random(1).NextBytes(big);
        var message = SampleReport.Message(big, "big.xlsx", From, "ceo@example.com");

        var outcome = await new SmtpMailTransport(options).SendAsync(message, default);

        Assert.Equal(DeliveryStatus.Transient, outcome.Status);
        Assert.Contains("while sending", outcome.Detail);
        (await dialog).Dispose();
    }

    [Fact]
    public async Task Send_IsTransient_WhenTheServerNeverGreets()
    {
        var options = server.Options(timeoutSeconds: 1);
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start(); // accepts the connection (the kernel does) but never greets
        options.Port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;

        var outcome = await new SmtpMailTransport(options).SendAsync(Message("ceo@example.com"), default);

        Assert.Equal(DeliveryStatus.Transient, outcome.Status);
        Assert.Contains("no reply within 1 s while connecting", outcome.Detail);
    }

    [Fact]
    public async Task Send_WaitsItsTurn_WhenTheSendersMessagesPerMinuteAreUsedUp_NeverFailing()
    {
        var options = server.Options();
        options.MessagesPerMinute = 120; // one every half second
        var transport = new SmtpMailTransport(options);
        var clock = Stopwatch.StartNew();

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => transport.SendAsync(Message($"reader{i}@example.com"), default)));

        Assert.All(outcomes, o => Assert.Equal(DeliveryStatus.Sent, o.Status));
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.9, 4.5);
        Assert.Equal(5, server.Received().Count);
    }

    [Fact]
    public async Task Send_SignsInWithXOAuth2_WhenGivenTheServersToken()
    {
        server.Configure(new SmtpTestRules { Xoauth2 = new("reports@example.com", "token-123") });
        var options = server.Options();
        options.UserName = "reports@example.com";
        options.OAuth2 = new SmtpOAuth2Options { TenantId = "contoso.onmicrosoft.com", ClientId = "app", ClientSecret = "secret" };
        var asked = 0;

        var outcome = await new SmtpMailTransport(options, _ => { asked++; return Task.FromResult("token-123"); }).SendAsync(Message("ceo@example.com"), default);

        Assert.Equal(DeliveryStatus.Sent, outcome.Status);
        Assert.Equal(1, asked);
        Assert.Single(server.Received());
    }

    [Fact]
    public async Task Send_IsPermanent_SayingTheTokenWasRefused_WhenTheServerRejectsTheToken()
    {
        server.Configure(new SmtpTestRules { Xoauth2 = new("reports@example.com", "token-123") });
        var options = server.Options();
        options.UserName = "reports@example.com";
        options.OAuth2 = new SmtpOAuth2Options { TenantId = "contoso.onmicrosoft.com", ClientId = "app", ClientSecret = "secret" };

        var outcome = await new SmtpMailTransport(options, _ => Task.FromResult("expired-token")).SendAsync(Message("ceo@example.com"), default);

        Assert.Equal(DeliveryStatus.Permanent, outcome.Status);
        Assert.StartsWith("the server refused the OAuth2 token for reports@example.com", outcome.Detail);
        Assert.DoesNotContain("secret", outcome.Detail);
        Assert.Empty(server.Received());
    }

    [Fact]
    public async Task Send_IsPermanent_WhenNoTokenCanBeHadForTheApp()
    {
        var options = server.Options();
        options.UserName = "reports@example.com";
        options.OAuth2 = new SmtpOAuth2Options { TenantId = "contoso.onmicrosoft.com", ClientId = "app", ClientSecret = "wrong" };
        AccessTokenSource refused = _ => throw new MsalServiceException("invalid_client", "AADSTS7000215: Invalid client secret provided.");

        var outcome = await new SmtpMailTransport(options, refused).SendAsync(Message("ceo@example.com"), default);

        Assert.Equal(DeliveryStatus.Permanent, outcome.Status);
        Assert.Contains("no OAuth2 token: invalid_client: AADSTS7000215", outcome.Detail);
    }

    [Fact]
    public async Task Send_SignsInWithUserNameAndPassword_AndIsPermanent_WhenThePasswordIsWrong()
    {
        server.Configure(new SmtpTestRules { Login = new("reports", "right") });
        var options = server.Options();
        options.UserName = "reports";
        options.Password = "right";
        var right = await new SmtpMailTransport(options).SendAsync(Message("ceo@example.com"), default);
        options.Password = "wrong";
        var wrong = await new SmtpMailTransport(options).SendAsync(Message("ceo@example.com"), default);

        Assert.Equal(DeliveryStatus.Sent, right.Status);
        Assert.Equal(DeliveryStatus.Permanent, wrong.Status);
        Assert.StartsWith("the server refused the user name and password for reports", wrong.Detail);
        Assert.DoesNotContain("wrong", wrong.Detail);
    }

    [Fact]
    public async Task Send_IsPermanent_WhenTheServerRequiresSigningInAndNoneIsConfigured()
    {
        server.Configure(new SmtpTestRules { Login = new("reports", "right") });

        var outcome = await new SmtpMailTransport(server.Options()).SendAsync(Message("ceo@example.com"), default);

        Assert.Equal(DeliveryStatus.Permanent, outcome.Status);
        Assert.StartsWith("the server requires signing in (5.7.0 Authentication required)", outcome.Detail);
    }

    [Fact]
    public async Task SendWithRetries_TriesATransientFailureAgain_UntilSent_AndNeverAPermanentOne()
    {
        server.Configure(new SmtpTestRules
        {
            Replies = [new("ceo@example.com", 451, "4.3.0 try again later", Times: 2), new("gone@example.com", 550, "5.1.1 user unknown")],
        });
        var transport = new SmtpMailTransport(server.Options());
        var retry = new RetryOptions { MaxAttempts = 4, FirstDelaySeconds = 0, MaxDelaySeconds = 0 };
        var seen = new List<int>();

        var ceo = await transport.SendWithRetriesAsync(Message("ceo@example.com"), retry, default, onAttempt: (n, _) => seen.Add(n));
        var gone = await transport.SendWithRetriesAsync(Message("gone@example.com"), retry, default);

        Assert.Equal([DeliveryStatus.Transient, DeliveryStatus.Transient, DeliveryStatus.Sent], ceo.Attempts.Select(a => a.Status));
        Assert.Equal([1, 2, 3], seen);
        Assert.Equal(DeliveryStatus.Permanent, Assert.Single(gone.Attempts).Status);
        Assert.Equal("ceo@example.com", Assert.Single(server.Received()).EnvelopeTo.Single());
    }

    [Fact]
    public async Task SendWithRetries_GivesUpAfterMaxAttempts_WithTheLastTransientOutcome()
    {
        server.Configure(new SmtpTestRules { Replies = [new("ceo@example.com", 451, "4.3.0 try again later")] });
        var retry = new RetryOptions { MaxAttempts = 3, FirstDelaySeconds = 0, MaxDelaySeconds = 0 };

        var result = await new SmtpMailTransport(server.Options()).SendWithRetriesAsync(Message("ceo@example.com"), retry, default);

        Assert.Equal(3, result.Attempts.Count);
        Assert.Equal(DeliveryStatus.Transient, result.Final.Status);
        Assert.Empty(server.Received());
    }
}
