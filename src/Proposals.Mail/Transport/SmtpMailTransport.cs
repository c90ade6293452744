using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Proposals.Mail;

/// <summary>Sends through an SMTP server, one connection per batch (<see cref="IMailSession"/>).</summary>
public sealed class SmtpMailTransport : IMailTransport
{
    private readonly SmtpOptions _options;
    private readonly ILogger _logger;

    /// <summary>A transport for the server in <paramref name="options"/>.</summary>
    public SmtpMailTransport(SmtpOptions options, ILogger<SmtpMailTransport>? logger = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        var errors = options.Validate();
        if (errors.Count > 0)
            throw new InvalidOperationException("SMTP 配置有误 (Mail:Smtp settings are not usable): " + string.Join("; ", errors));
        _logger = logger ?? (ILogger)NullLogger.Instance;
        if (options.AcceptAnyCertificate)
            SmtpLog.AnyCertificate(_logger, options.Host);
    }

    /// <inheritdoc />
    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IMailSession>(new SmtpMailSession(_options, _logger));
}
