using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Proposals.Mail;

namespace Proposals.Worker.Hosting;

/// <summary>
/// Mail can leave (邮件可发出). With the SMTP transport: the server accepts a connection and answers
/// EHLO (and STARTTLS or TLS, as configured) within the time limit. With the pickup transport: the
/// pickup folder exists or can be made, and a file can be written into it.
/// </summary>
/// <remarks>
/// It does not log in: a monitor asking every few seconds with a wrong password could lock the
/// account. An SMTP answer is kept for <see cref="SmtpAnswerKept"/>, so that a monitor polling often
/// does not open a connection to the bureau's mail server on every request.
/// </remarks>
internal sealed class HealthMailCheck(MailOptions mail, TimeProvider clock, RunMode mode) : IHealthCheck
{
    /// <summary>How long an SMTP answer is reused.</summary>
    public static readonly TimeSpan SmtpAnswerKept = TimeSpan.FromSeconds(60);

    /// <summary>The most an SMTP probe waits, whatever Mail:Smtp:TimeoutSeconds says.</summary>
    private const int MaxProbeSeconds = 15;

    private Answer? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!mail.UsesSmtp) return await PickupAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        if (Volatile.Read(ref _last) is { } last && now - last.At < SmtpAnswerKept) return last.Result;
        var result = await SmtpAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _last, new Answer(now, result));
        return result;
    }

    private async Task<HealthCheckResult> PickupAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(mail.PickupDirectory);
        var data = new Dictionary<string, object> { ["transport"] = MailTransportKinds.Pickup, ["folder"] = folder };
        // Named like the pickup transport's own unfinished files, so that a relay never takes it for a message.
        var probe = Path.Combine(folder, $".health-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            await using (var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                await file.WriteAsync("ok"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            }
            if (mail.StaysOnMachine && !mode.IsDemo)
                return HealthCheckResult.Degraded($"邮件只写入发件目录, 不会离开本机; 发真实邮件请设置 Mail:Transport=smtp (mail is only written to {folder} and never leaves this machine; set Mail:Transport=smtp, or Mail:PickupRelayed=true when a relay delivers the folder)", data: data);
            return HealthCheckResult.Healthy($"发件目录可写 (the pickup folder is writable): {folder}", data);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return HealthCheckResult.Unhealthy($"发件目录不可写, 检查 Mail:PickupDirectory (cannot write into the pickup folder {folder}): {e.Message}", e, data);
        }
        finally
        {
            try { File.Delete(probe); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* the folder is the problem, already reported */ }
        }
    }

    private async Task<HealthCheckResult> SmtpAsync(CancellationToken cancellationToken)
    {
        var smtp = mail.Smtp;
        var server = $"{smtp.Host}:{smtp.Port}";
        var seconds = Math.Clamp(smtp.TimeoutSeconds, 1, MaxProbeSeconds);
        var data = new Dictionary<string, object> { ["transport"] = MailTransportKinds.Smtp, ["server"] = server, ["security"] = smtp.Security.ToString() };
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(seconds));
        using var client = new SmtpClient { Timeout = seconds * 1000, CheckCertificateRevocation = smtp.CheckCertificateRevocation };
        // Only when Mail:Smtp:AcceptAnyCertificate says so, as the transport itself does.
#pragma warning disable CA5359
        if (smtp.AcceptAnyCertificate) client.ServerCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        try
        {
            // ConnectAsync reads the greeting, says EHLO and, when configured, starts TLS.
            await client.ConnectAsync(smtp.Host, smtp.Port, Socket(smtp.Security), limit.Token).ConfigureAwait(false);
            data["secure"] = client.IsSecure;
            await client.DisconnectAsync(quit: true, limit.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"SMTP 服务器应答 (the SMTP server answers EHLO): {server}{(client.IsSecure ? ", TLS" : "")}", data);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"SMTP 服务器 {seconds} 秒内无应答 (no answer from {server} within {seconds} s)", data: data);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"无法连接 SMTP 服务器, 检查 Mail:Smtp (cannot talk to {server}): {e.Message}", e, data);
        }
    }

    internal static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, null),
    };

    private sealed record Answer(DateTimeOffset At, HealthCheckResult Result);
}
