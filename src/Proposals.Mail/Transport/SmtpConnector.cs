using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Proposals.Mail;

/// <summary>
/// Opens an SMTP connection the way every part of the program does: through a socket with
/// <c>NoDelay</c>, then greeting, EHLO and TLS as <see cref="SmtpOptions.Security"/> says, and the login.
/// </summary>
/// <remarks>
/// MailKit writes the final "." line of a message as a small segment of its own; with Nagle's
/// algorithm on, the kernel holds it until the server acknowledges the body, and servers delay
/// that acknowledgement, so every message waited about 40 ms. Without the delay one connection
/// carries hundreds of messages a second.
/// </remarks>
internal static class SmtpConnector
{
    /// <summary>Connects <paramref name="client"/> (and logs in unless <paramref name="login"/> is false, as a health probe does).</summary>
    public static async Task ConnectAsync(SmtpClient client, SmtpOptions options, bool login, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        client.Timeout = checked(options.TimeoutSeconds * 1000);
        client.CheckCertificateRevocation = options.CheckCertificateRevocation;
        // Only when Mail:Smtp:AcceptAnyCertificate says so; the transport warns about it at start.
#pragma warning disable CA5359
        if (options.AcceptAnyCertificate) client.ServerCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                limit.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
                try
                {
                    await socket.ConnectAsync(options.Host, options.Port, limit.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"no connection to {options.Host}:{options.Port} within {options.TimeoutSeconds} s");
                }
            }
            // The client owns the socket from here, and closes it with the connection.
            await client.ConnectAsync(socket, options.Host, options.Port, Mode(options.Security), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (!client.IsConnected) socket.Dispose();
            throw;
        }
        if (login && !string.IsNullOrEmpty(options.User))
            await client.AuthenticateAsync(options.User, options.Password ?? "", cancellationToken).ConfigureAwait(false);
    }

    internal static SecureSocketOptions Mode(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Unknown Mail:Smtp:Security"),
    };
}
