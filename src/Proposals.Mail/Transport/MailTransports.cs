using Microsoft.Extensions.Logging;

namespace Proposals.Mail;

/// <summary>Chooses the transport <see cref="MailOptions.Transport"/> names.</summary>
public static class MailTransports
{
    /// <summary>The pickup or SMTP transport; throws listing every problem when the settings are not usable.</summary>
    public static IMailTransport Create(MailOptions options, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        return options.UsesSmtp
            ? new SmtpMailTransport(options.Smtp, loggers?.CreateLogger<SmtpMailTransport>())
            : new PickupMailTransport(options.PickupDirectory);
    }
}
