using Microsoft.Extensions.Configuration;
using Proposals.Mail;

namespace Proposals.Tests.Mail;

public sealed class MailOptionsTests
{
    [Fact]
    public void Validate_AcceptsThePickupDefaults_WithSenderAndCoordinator()
    {
        Assert.Empty(MailSamples.Options().Validate());
    }

    [Fact]
    public void Validate_NamesTheSmtpHost_WhenSmtpHasNoHost()
    {
        var options = MailSamples.Options();
        options.Transport = "smtp";

        Assert.Contains(options.Validate(), e => e.Contains("Mail:Smtp:Host is required when Mail:Transport is smtp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sendmail", "Mail:Transport must be \"pickup\" or \"smtp\"")]
    [InlineData("SMTP", "Mail:Smtp:Host")]
    public void Validate_ReadsTheTransportName(string transport, string expected)
    {
        var options = MailSamples.Options();
        options.Transport = transport;

        Assert.Contains(options.Validate(), e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "Mail:From is required")]
    [InlineData("综合处", "Mail:From is not a valid email address: \"综合处\"")]
    [InlineData("zhc@", "Mail:From is not a valid email address")]
    [InlineData("a@b.cn, c@d.cn", "Mail:From is not a valid email address")]
    public void Validate_NamesTheSender_WhenItIsNotOneAddress(string from, string expected)
    {
        var options = MailSamples.Options();
        options.From = from;

        Assert.Contains(options.Validate(), e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ListsEverySmtpProblem()
    {
        var options = MailSamples.Options();
        options.Transport = "smtp";
        options.Coordinator = "";
        options.Smtp = new SmtpOptions { Host = "mail.example.gov.cn", Port = 0, User = "zhc", TimeoutSeconds = 0 };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.Contains("Mail:Coordinator is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Mail:Smtp:Port must be between 1 and 65535, not 0", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Mail:Smtp:Password is required when Mail:Smtp:User is set", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Mail:Smtp:TimeoutSeconds must be at least 1, not 0", StringComparison.Ordinal));
        var thrown = Assert.Throws<InvalidOperationException>(options.EnsureValid);
        Assert.Contains("Mail:Smtp:Port", thrown.Message);
    }

    [Fact]
    public void Binds_FromTheMailSection_WithSafeDefaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mail:Transport"] = "smtp",
            ["Mail:From"] = "市金融局 <noreply@jrj.example.gov.cn>",
            ["Mail:Coordinator"] = "wangfang@jrj.example.gov.cn",
            ["Mail:Smtp:Host"] = "mail.jrj.example.gov.cn",
            ["Mail:Smtp:Port"] = "465",
            ["Mail:Smtp:Security"] = "SslOnConnect",
        }).Build();

        var options = configuration.GetSection(MailOptions.Section).Get<MailOptions>()!;

        Assert.Empty(options.Validate());
        Assert.True(options.UsesSmtp);
        Assert.Equal(465, options.Smtp.Port);
        Assert.Equal(SmtpSecurity.SslOnConnect, options.Smtp.Security);
        Assert.False(options.Smtp.AcceptAnyCertificate);
        Assert.True(options.Smtp.CheckCertificateRevocation);
        Assert.Equal(30, options.Smtp.TimeoutSeconds);
        Assert.Equal("data/outbox", options.PickupDirectory);
    }

    [Fact]
    public void Transports_Create_ChoosesByName_AndRefusesUnusableSettings()
    {
        var options = MailSamples.Options();
        Assert.IsType<PickupMailTransport>(MailTransports.Create(options));

        options.Transport = "smtp";
        options.Smtp.Host = "127.0.0.1";
        Assert.IsType<SmtpMailTransport>(MailTransports.Create(options));

        options.Smtp.Host = "";
        Assert.Throws<InvalidOperationException>(() => MailTransports.Create(options));
    }
}
