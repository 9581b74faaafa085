using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using MimeKit;

namespace JourneyReports.Tests;

/// <summary>
/// A real SMTP server on loopback (Debian's python3-aiosmtpd running Support/smtp_test_server.py) that a test can tell
/// how to answer (<see cref="Configure"/>): a reply of its choosing for an address some or all of the time, a slow
/// reply to the end of the message, a required XOAUTH2 token or password. Every message it accepts is kept as an .eml
/// (<see cref="Received"/>). Starts in about half a second; share one per test class (<c>IClassFixture</c>) and call
/// <see cref="Configure"/> in each test's constructor, which also forgets what earlier tests sent.
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    const string Python = "/usr/bin/python3";
    static readonly string Script = Path.Combine(RepoPaths.Root, "tests", "JourneyReports.Tests", "Support", "smtp_test_server.py");

    readonly string folder = Path.Combine(Path.GetTempPath(), "jr-tests", "smtp-" + Guid.NewGuid().ToString("n"));
    readonly Process process;
    readonly List<string> errors = [];

    public SmtpTestServer()
    {
        Directory.CreateDirectory(folder);
        Configure(new SmtpTestRules());
        process = Process.Start(new ProcessStartInfo(Python) { ArgumentList = { Script, folder }, RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"could not start {Python}");
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (errors) errors.Add(line); };
        process.BeginErrorReadLine();
        // The script prints "listening PORT" once it accepts connections; it chooses the port, so two servers never race for one.
        var first = process.StandardOutput.ReadLineAsync();
        if (!first.Wait(TimeSpan.FromSeconds(20)) || first.Result is not { } line || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            Dispose();
            throw new InvalidOperationException($"the test SMTP server did not start ({Errors.Trim()}). Install Debian's python3-aiosmtpd (.ci/run does).");
        }
        Port = int.Parse(line["listening ".Length..]);
    }

    public string Host => "127.0.0.1";
    public int Port { get; }

    /// <summary>What the server wrote to stderr so far, to explain a failure.</summary>
    public string Errors { get { lock (errors) return string.Join("\n", errors); } }

    /// <summary>Options for a transport that sends here (no rate limit unless a test sets one).</summary>
    public SmtpOptions Options(int timeoutSeconds = 10) => new() { Host = Host, Port = Port, TimeoutSeconds = timeoutSeconds, MessagesPerMinute = 0 };

    /// <summary>Tells the server how to answer from the next command on, and forgets every message received so far.</summary>
    public void Configure(SmtpTestRules rules)
    {
        var mail = Path.Combine(folder, "mail");
        if (Directory.Exists(mail)) foreach (var f in Directory.GetFiles(mail)) File.Delete(f);
        var json = JsonSerializer.Serialize(rules with { Version = Guid.NewGuid().ToString("n") }, Json);
        var partial = Path.Combine(folder, "rules.json.partial");
        File.WriteAllText(partial, json);
        File.Move(partial, Path.Combine(folder, "rules.json"), overwrite: true);
    }

    /// <summary>Every message the server accepted since the last <see cref="Configure"/>, with its envelope recipients.</summary>
    public IReadOnlyList<ReceivedMail> Received()
    {
        var mail = Path.Combine(folder, "mail");
        if (!Directory.Exists(mail)) return [];
        return [.. Directory.GetFiles(mail, "*.eml").Select(f =>
        {
            var message = MimeMessage.Load(f);
            var to = message.Headers["X-Test-Rcpt-To"]?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
            return new ReceivedMail(message, to);
        })];
    }

    /// <summary>A port on loopback where nothing listens: an SMTP server that is down.</summary>
    public static int UnusedPort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    bool disposed;

    // Once only: a fixture disposed by xunit may also be disposed by a host that owns it, and a disposed Process throws on HasExited.
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        if (process is { HasExited: false }) { process.Kill(entireProcessTree: true); process.WaitForExit(5000); }
        process?.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>How the test server answers; see Support/smtp_test_server.py.</summary>
public sealed record SmtpTestRules
{
    public string? Version { get; init; }

    /// <summary>Replies given instead of 250, the first matching one winning.</summary>
    public IReadOnlyList<SmtpTestReply> Replies { get; init; } = [];

    /// <summary>The server stores the message, then waits this long before its reply to the end of DATA.</summary>
    public double? DataDelaySeconds { get; init; }

    /// <summary>Offer AUTH XOAUTH2 and require it before MAIL FROM.</summary>
    public SmtpTestXOAuth2? Xoauth2 { get; init; }

    /// <summary>Offer AUTH PLAIN/LOGIN and require it before MAIL FROM.</summary>
    public SmtpTestLogin? Login { get; init; }
}

/// <summary>
/// Answer <paramref name="Code"/> <paramref name="Text"/> for <paramref name="Address"/> at "rcpt" (its RCPT TO) or
/// "data" (the end of the message), <paramref name="Times"/> times (null: always), after <paramref name="DelaySeconds"/>.
/// </summary>
public sealed record SmtpTestReply(string Address, int Code, string Text, int? Times = null, string At = "rcpt", double? DelaySeconds = null);

public sealed record SmtpTestXOAuth2(string User, string Token);

public sealed record SmtpTestLogin(string User, string Password);

/// <summary>A message the test server accepted, and the recipients its envelope named.</summary>
public sealed record ReceivedMail(MimeMessage Message, IReadOnlyList<string> EnvelopeTo);
