using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Proposals.Mail;

/// <summary>
/// Sorts SMTP failures: a refusal of one message (its recipient or content: 4xx for now, 5xx for
/// good) counts against that message; anything about the connection, TLS, the login or our own
/// sender address means the server cannot be used now, and counts against no message.
/// </summary>
internal static class SmtpFailures
{
    /// <summary>True for the exceptions a send can fail with; anything else is a bug and propagates.</summary>
    public static bool IsSendFailure(Exception e) => e is SmtpCommandException or SmtpProtocolException
        or AuthenticationException or SslHandshakeException or ServiceNotConnectedException
        or ServiceNotAuthenticatedException or IOException or SocketException or TimeoutException
        or OperationCanceledException or NotSupportedException or InvalidOperationException;

    /// <summary>The outcome of a failure while connecting, securing the connection or logging in.</summary>
    public static SendOutcome.Unavailable OfConnecting(Exception e, string server) => new($"{server}: {e switch
    {
        AuthenticationException a => $"SMTP 登录失败, 请检查 Mail:Smtp:User 和 Password (authentication failed): {a.Message}",
        SslHandshakeException { InnerException: IOException or SocketException } s => $"TLS 握手中断 (TLS handshake interrupted): {s.Message}",
        SslHandshakeException s => $"TLS 握手失败, 请检查服务器证书和 Mail:Smtp:Security (TLS handshake failed): {s.Message}",
        NotSupportedException n => $"SMTP 服务器不支持所需功能, 请检查 Mail:Smtp:Security (the server does not support what the settings require): {n.Message}",
        SmtpCommandException c => $"SMTP 服务器拒绝连接 (refused): {ServerWords(c)}",
        TimeoutException or OperationCanceledException => $"SMTP 服务器无应答 (timed out): {e.Message}",
        _ => $"无法连接 SMTP 服务器 (cannot connect): {e.Message}",
    }}");

    /// <summary>The outcome of a failure while one message was being sent on a working connection.</summary>
    public static SendOutcome OfSending(Exception e, string server) => e switch
    {
        // Our own sender address refused: every message would be, so the server cannot be used as set up.
        SmtpCommandException { ErrorCode: SmtpErrorCode.SenderNotAccepted } c => new SendOutcome.Unavailable($"{server}: 发件地址被拒, 请检查 Mail:From (the sender address was refused): {ServerWords(c)}"),
        SmtpCommandException c => ByStatus((int)c.StatusCode, ServerWords(c)),
        InvalidOperationException i when i is not (ObjectDisposedException or ServiceNotConnectedException or ServiceNotAuthenticatedException)
            => new SendOutcome.Permanent($"邮件无法发送 (the message cannot be sent): {i.Message}"),
        // The server stopped answering a command (not the end of the data, see OfReplyLost): it would
        // stall every message so; the round stops with nothing counted, instead of waiting once per message.
        TimeoutException or OperationCanceledException => new SendOutcome.Unavailable($"{server}: SMTP 服务器无应答 (the server stopped answering): {e.Message}"),
        // The connection broke while this message was on it: worth another try, and counted, so that a
        // message that breaks every connection ends failed instead of being tried for ever.
        _ => new SendOutcome.Transient($"{server}: 发送中连接中断 (connection lost while sending): {e.Message}"),
    };

    /// <summary>
    /// The outcome of a failure after the whole message was written, before the server's reply to it:
    /// the connection lost, Mail:Smtp:DataTimeoutSeconds passed, or the worker stopping meanwhile.
    /// </summary>
    public static SendOutcome.Uncertain OfReplyLost(Exception e, string server, bool stopping, int dataTimeoutSeconds) => new($"{server}: {(
        stopping ? "邮件已发出, 等待服务器答复时程序停止"
                 + " (the message was sent; the program stopped while waiting for the server's reply)"
        : e is TimeoutException or OperationCanceledException
            ? $"邮件已发出, 服务器 {dataTimeoutSeconds} 秒内未答复 (Mail:Smtp:DataTimeoutSeconds), 可能已收到"
              + $" (the message was sent but the server did not reply within {dataTimeoutSeconds} s; it may have been delivered)"
            : "邮件已发出, 服务器答复前连接中断, 可能已收到"
              + " (the connection was lost after the message was sent, before the server's reply; it may have been delivered)")}: {e.Message}");

    /// <summary>4xx is for now, 5xx (and anything stranger) is for good.</summary>
    public static SendOutcome ByStatus(int status, string words) =>
        status is >= 400 and < 500 ? new SendOutcome.Transient(words) : new SendOutcome.Permanent(words);

    /// <summary>"550 5.1.1 mailbox unavailable (recipient x@y)": the reply code, the server's text, the mailbox.</summary>
    public static string ServerWords(SmtpCommandException c)
    {
        var words = $"{(int)c.StatusCode} {c.Message}".Trim();
        var address = c.Mailbox?.Address;
        if (string.IsNullOrEmpty(address) || words.Contains(address, StringComparison.OrdinalIgnoreCase))
            return words;
        var role = c.ErrorCode == SmtpErrorCode.SenderNotAccepted ? "sender" : "recipient";
        return $"{words} ({role} {address})";
    }
}
