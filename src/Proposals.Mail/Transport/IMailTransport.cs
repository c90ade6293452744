using MimeKit;

namespace Proposals.Mail;

/// <summary>Where messages go: an SMTP server or the pickup directory.</summary>
public interface IMailTransport
{
    /// <summary>
    /// Starts a batch. An SMTP session keeps one connection for all its messages; connecting happens
    /// on the first message, so a server that cannot be reached shows as <see cref="SendOutcome.Unavailable"/>.
    /// </summary>
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken = default);
}

/// <summary>A batch of messages sent one after another (not thread-safe); dispose it at the end of the batch.</summary>
public interface IMailSession : IAsyncDisposable
{
    /// <summary>
    /// Sends one message. Failures come back as an outcome, never as an exception;
    /// only cancellation through <paramref name="cancellationToken"/> throws.
    /// </summary>
    Task<SendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}
