using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace JourneyReports.Tests;

/// <summary>Sends through a real SMTP server on loopback: Debian's aiosmtpd writing what it receives to a Maildir.</summary>
public sealed class SmtpMailTransportTests : IDisposable
{
    const string Python = "/usr/bin/python3";
    readonly string maildir = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"), "mail");
    readonly int port = FreePort();
    readonly Process server;

    public SmtpMailTransportTests()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(maildir)!);
        server = Process.Start(new ProcessStartInfo(Python, $"-m aiosmtpd -n -l 127.0.0.1:{port} -c aiosmtpd.handlers.Mailbox {maildir}")
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("could not start aiosmtpd");
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!Listening(port))
        {
            if (server.HasExited)
                throw new InvalidOperationException($"aiosmtpd exited ({server.StandardError.ReadToEnd().Trim()}). Install Debian's python3-aiosmtpd (.ci/run does).");
            if (DateTime.UtcNow > until) throw new TimeoutException("aiosmtpd did not listen within 20 s");
            Thread.Sleep(100);
        }
    }

    public void Dispose()
    {
        if (!server.HasExited) server.Kill(entireProcessTree: true);
        server.Dispose();
        try { Directory.Delete(Path.GetDirectoryName(maildir)!, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Send_DeliversTheReportEmail_WithInlineDashboardAndWorkbook_ToTheSmtpServer()
    {
        var message = ReportEmail.Build(SampleReport.Email(), SampleReport.Png(), [1, 2, 3], "executive-weekly-2026-11-16.xlsx",
            "http://127.0.0.1:5080/dashboards/executive-weekly", "Reports <reports@example.com>", "ceo@example.com");
        var transport = new SmtpMailTransport(new SmtpOptions { Host = "127.0.0.1", Port = port });

        var where = await transport.SendAsync(message, default);

        Assert.StartsWith($"smtp://127.0.0.1:{port}", where);
        var received = Directory.GetFiles(Path.Combine(maildir, "new")).Select(f => MimeMessage.Load(f)).Single();
        Assert.Equal("ceo@example.com", received.To.Mailboxes.Single().Address);
        Assert.Equal(message.Subject, received.Subject);
        Assert.Single(received.BodyParts.OfType<MimePart>(), p => p.ContentType.MimeType == "image/png" && p.ContentId is not null);
        Assert.Equal("executive-weekly-2026-11-16.xlsx", received.Attachments.OfType<MimePart>().Single().FileName);
    }

    [Fact]
    public async Task Send_FailsWithTheServerNamed_WhenNothingListens()
    {
        var transport = new SmtpMailTransport(new SmtpOptions { Host = "127.0.0.1", Port = FreePort() });
        var message = new MimeMessage([MailboxAddress.Parse("a@example.com")], [MailboxAddress.Parse("b@example.com")], "x", new TextPart("plain") { Text = "x" });

        var e = await Assert.ThrowsAnyAsync<SocketException>(() => transport.SendAsync(message, default));

        Assert.Equal(SocketError.ConnectionRefused, e.SocketErrorCode);
    }

    static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    static bool Listening(int port)
    {
        try { using var c = new TcpClient(); c.Connect(IPAddress.Loopback, port); return true; }
        catch (SocketException) { return false; }
    }
}
