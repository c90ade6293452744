using MimeKit;
using Proposals.Mail;
using Proposals.Tests.Infrastructure;

namespace Proposals.Tests.Mail;

/// <summary>Certificates are checked unless the settings explicitly say not to.</summary>
[Collection(Smtp4devTlsCollection.Name)]
public sealed class Smtp4devTlsTests(Smtp4devTls smtp4dev) : IAsyncLifetime
{
    public Task InitializeAsync() => smtp4dev.ClearAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SelfSignedCertificate_IsRefused_ByDefault_AsUnavailable()
    {
        await using var session = await Transport(acceptAnyCertificate: false).OpenAsync();

        var outcome = await session.SendAsync(Reminder());

        Assert.Contains("TLS handshake failed", Assert.IsType<SendOutcome.Unavailable>(outcome).Reason);
        Assert.Empty(await smtp4dev.GetMessagesAsync());
    }

    [Fact]
    public async Task SelfSignedCertificate_IsAccepted_WhenExplicitlyAllowed()
    {
        await using (var session = await Transport(acceptAnyCertificate: true).OpenAsync())
            Assert.IsType<SendOutcome.Sent>(await session.SendAsync(Reminder()));

        var arrived = Assert.Single(await smtp4dev.GetMessagesAsync());
        Assert.Equal("【催办】人大代表建议 十五届一次 第0012号 距办理期限还有3天", arrived.Subject);
    }

    private static MimeMessage Reminder() => MailSamples.Composer().Compose(MailSamples.LeadReminder());

    private SmtpMailTransport Transport(bool acceptAnyCertificate) => new(new SmtpOptions
    {
        Host = "127.0.0.1",
        Port = smtp4dev.SmtpPort,
        Security = SmtpSecurity.SslOnConnect,
        AcceptAnyCertificate = acceptAnyCertificate,
        CheckCertificateRevocation = false,
        TimeoutSeconds = 30,
    });
}
