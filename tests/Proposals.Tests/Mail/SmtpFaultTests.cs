using System.Net;
using System.Net.Sockets;
using MimeKit;
using Proposals.Mail;
using Proposals.Tests.Infrastructure;

namespace Proposals.Tests.Mail;

/// <summary>How the SMTP transport answers a server that refuses, stalls or is not there.</summary>
public sealed class SmtpFaultTests : IAsyncLifetime
{
    private readonly ScriptedSmtpServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Batch_OfThreeMessages_UsesOneConnection()
    {
        await using (var session = await Transport(_server.Port).OpenAsync())
            foreach (var reminder in new[] { MailSamples.LeadReminder(), MailSamples.CoReminder(), MailSamples.LeadReminder(1, "before-1") })
                Assert.IsType<SendOutcome.Sent>(await session.SendAsync(Compose(reminder)));

        Assert.Equal(1, _server.Connections);
        Assert.Equal(3, _server.Messages.Count);
        Assert.Equal(["fazhan@jrj.example.gov.cn"], _server.Messages[0].Recipients);
    }

    [Fact]
    public async Task RefusedAddressee_IsPermanent_WithTheServersWords_AndTheConnectionServesTheNextMessage()
    {
        _server.RefuseRecipient("fazhan@jrj.example.gov.cn", "550 5.1.1 <fazhan@jrj.example.gov.cn>: Recipient address rejected: User unknown");
        await using var session = await Transport(_server.Port).OpenAsync();

        var refused = await session.SendAsync(Compose(MailSamples.LeadReminder()));
        var next = await session.SendAsync(Compose(MailSamples.CoReminder()));

        var permanent = Assert.IsType<SendOutcome.Permanent>(refused);
        Assert.Equal("550 5.1.1 <fazhan@jrj.example.gov.cn>: Recipient address rejected: User unknown", permanent.Reason);
        Assert.IsType<SendOutcome.Sent>(next);
        Assert.Equal(1, _server.Connections);
        Assert.Equal(["fagui@jrj.example.gov.cn"], _server.Messages.Single().Recipients);
    }

    [Fact]
    public async Task RefusedCopy_StillSendsToTheAddressee_AndReportsTheCopy()
    {
        _server.RefuseRecipient("head@jrj.example.gov.cn", "550 5.1.1 mailbox unavailable");
        await using var session = await Transport(_server.Port).OpenAsync();

        var outcome = await session.SendAsync(Compose(MailSamples.LeadReminder(-1, "overdue-1") with
        {
            Cc = ["head@jrj.example.gov.cn", "wangfang@jrj.example.gov.cn"],
        }));

        var sent = Assert.IsType<SendOutcome.Sent>(outcome);
        Assert.Equal(["head@jrj.example.gov.cn: 550 5.1.1 mailbox unavailable"], sent.RejectedCopies);
        Assert.Equal(["fazhan@jrj.example.gov.cn", "wangfang@jrj.example.gov.cn"], _server.Messages.Single().Recipients);
    }

    [Fact]
    public async Task TemporaryRefusalOfAddressee_IsTransient()
    {
        _server.RefuseRecipient("fazhan@jrj.example.gov.cn", "450 4.2.1 Mailbox busy, try later");
        await using var session = await Transport(_server.Port).OpenAsync();

        var outcome = await session.SendAsync(Compose(MailSamples.LeadReminder()));

        Assert.Equal("450 4.2.1 Mailbox busy, try later (recipient fazhan@jrj.example.gov.cn)", Assert.IsType<SendOutcome.Transient>(outcome).Reason);
    }

    [Fact]
    public async Task TemporaryRefusalOfData_IsTransient_WithTheServersWords()
    {
        _server.DataReply = "451 4.3.0 Try again later";
        await using var session = await Transport(_server.Port).OpenAsync();

        var outcome = await session.SendAsync(Compose(MailSamples.LeadReminder()));

        Assert.Equal("451 4.3.0 Try again later", Assert.IsType<SendOutcome.Transient>(outcome).Reason);
        Assert.Empty(_server.Messages);
    }

    [Fact]
    public async Task ConnectionDroppedAfterTheData_IsUncertain_AndTheNextMessageReconnects()
    {
        _server.HangUpAfterNextData = true;
        await using var session = await Transport(_server.Port).OpenAsync();

        var dropped = await session.SendAsync(Compose(MailSamples.LeadReminder()));
        var next = await session.SendAsync(Compose(MailSamples.CoReminder()));

        Assert.Contains("connection was lost after the message was sent", Assert.IsType<SendOutcome.Uncertain>(dropped).Reason, StringComparison.Ordinal);
        Assert.IsType<SendOutcome.Sent>(next);
        Assert.Equal(2, _server.Connections);
        Assert.Equal(["fagui@jrj.example.gov.cn"], _server.Messages.Single().Recipients);
    }

    [Fact]
    public async Task ConnectionDroppedBeforeTheDataWasWritten_IsTransient()
    {
        _server.HangUpDuringNextData = true;
        await using var session = await Transport(_server.Port).OpenAsync();

        var dropped = await session.SendAsync(Compose(MailSamples.LeadReminder()));

        Assert.IsType<SendOutcome.Transient>(dropped);
        Assert.Equal(0, _server.DataReceived);
    }

    [Fact]
    public async Task NoReplyToTheData_IsUncertain_AfterDataTimeoutSeconds_NotTheShorterTimeout()
    {
        _server.SilentAfterData = true;
        var options = Options(_server.Port, timeoutSeconds: 1);
        options.DataTimeoutSeconds = 3;
        await using var session = await new SmtpMailTransport(options).OpenAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var outcome = await session.SendAsync(Compose(MailSamples.LeadReminder()));

        var uncertain = Assert.IsType<SendOutcome.Uncertain>(outcome);
        Assert.Contains("did not reply within 3 s", uncertain.Reason, StringComparison.Ordinal);
        Assert.Equal(1, _server.DataReceived);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2.8), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task SlowReplyToTheData_WithinDataTimeoutSeconds_IsSent_OnTheSameConnection()
    {
        _server.DataReplyDelay = TimeSpan.FromSeconds(2.5);
        var options = Options(_server.Port, timeoutSeconds: 1);
        options.DataTimeoutSeconds = 20;
        await using var session = await new SmtpMailTransport(options).OpenAsync();

        var slow = await session.SendAsync(Compose(MailSamples.LeadReminder()));
        _server.DataReplyDelay = TimeSpan.Zero;
        var next = await session.SendAsync(Compose(MailSamples.CoReminder()));

        Assert.IsType<SendOutcome.Sent>(slow);
        Assert.IsType<SendOutcome.Sent>(next);
        Assert.Equal(1, _server.Connections);
        Assert.Equal(2, _server.Messages.Count);
    }

    [Fact]
    public async Task PermanentRefusalOfData_IsPermanent()
    {
        _server.DataReply = "554 5.7.1 Message rejected as spam";
        await using var session = await Transport(_server.Port).OpenAsync();

        var outcome = await session.SendAsync(Compose(MailSamples.LeadReminder()));

        Assert.Equal("554 5.7.1 Message rejected as spam", Assert.IsType<SendOutcome.Permanent>(outcome).Reason);
    }

    [Fact]
    public async Task ServerNotListening_IsUnavailable_ForEveryMessageOfTheBatch_WithOneAttempt()
    {
        var port = UnusedPort();
        await using var session = await Transport(port).OpenAsync();

        var first = await session.SendAsync(Compose(MailSamples.LeadReminder()));
        var second = await session.SendAsync(Compose(MailSamples.CoReminder()));

        var unavailable = Assert.IsType<SendOutcome.Unavailable>(first);
        Assert.Contains($"127.0.0.1:{port}", unavailable.Reason);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task SilentServer_IsUnavailable_AfterTheTimeout()
    {
        _server.Silent = true;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var session = await Transport(_server.Port, timeoutSeconds: 1).OpenAsync();

        var outcome = await session.SendAsync(Compose(MailSamples.LeadReminder()));

        Assert.IsType<SendOutcome.Unavailable>(outcome);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task StartTlsRequired_ButNotOffered_IsUnavailable_NotTheMessagesFault()
    {
        var options = Options(_server.Port);
        options.Security = SmtpSecurity.StartTls;
        await using var session = await new SmtpMailTransport(options).OpenAsync();

        var outcome = await session.SendAsync(Compose(MailSamples.LeadReminder()));

        Assert.Contains("STARTTLS", Assert.IsType<SendOutcome.Unavailable>(outcome).Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SenderAddressRefused_IsUnavailable_BecauseEveryMessageWouldBe()
    {
        _server.RefuseSender("zhc@jrj.example.gov.cn", "553 5.7.1 Sender address rejected: not owned by user");
        await using var session = await Transport(_server.Port).OpenAsync();

        var outcome = await session.SendAsync(Compose(MailSamples.LeadReminder()));

        Assert.Contains("553 5.7.1 Sender address rejected", Assert.IsType<SendOutcome.Unavailable>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PlaintextPassword_IsRefused_UnlessAllowed()
    {
        var options = Options(25);
        options.User = "proposals";
        options.Password = "secret";

        var refused = Assert.Throws<InvalidOperationException>(() => new SmtpMailTransport(options));
        options.AllowPlaintextPassword = true;
        _ = new SmtpMailTransport(options);

        Assert.Contains("AllowPlaintextPassword", refused.Message, StringComparison.Ordinal);
        Assert.Contains("clear text", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_Throws_InsteadOfBecomingAnOutcome()
    {
        _server.Silent = true;
        await using var session = await Transport(_server.Port, timeoutSeconds: 30).OpenAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.SendAsync(Compose(MailSamples.LeadReminder()), cancel.Token));
    }

    private static MimeMessage Compose(ReminderMessage reminder) => MailSamples.Composer().Compose(reminder);

    private static SmtpOptions Options(int port, int timeoutSeconds = 10) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Security = SmtpSecurity.None,
        TimeoutSeconds = timeoutSeconds,
    };

    private static SmtpMailTransport Transport(int port, int timeoutSeconds = 10) => new(Options(port, timeoutSeconds));

    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
