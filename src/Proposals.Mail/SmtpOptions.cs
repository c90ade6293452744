namespace Proposals.Mail;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text; only for a relay on a trusted network.</summary>
    None,

    /// <summary>Connect in plain text, then require STARTTLS (typically port 587 or 25).</summary>
    StartTls,

    /// <summary>TLS from the first byte (typically port 465).</summary>
    SslOnConnect,
}

/// <summary>The "Mail:Smtp" configuration section.</summary>
public sealed class SmtpOptions
{
    /// <summary>The server's host name or address.</summary>
    public string Host { get; set; } = "";

    /// <summary>The server's port.</summary>
    public int Port { get; set; } = 25;

    /// <summary>How the connection is secured; STARTTLS unless set otherwise.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The login; empty to send without authenticating.</summary>
    public string? User { get; set; }

    /// <summary>The password for <see cref="User"/>.</summary>
    public string? Password { get; set; }

    /// <summary>Whether the server certificate's revocation status is checked.</summary>
    public bool CheckCertificateRevocation { get; set; } = true;

    /// <summary>Accept any server certificate. Off unless explicitly turned on: it defeats TLS.</summary>
    public bool AcceptAnyCertificate { get; set; }

    /// <summary>
    /// Allow a login over a connection without TLS (<see cref="SmtpSecurity.None"/> with a user), which
    /// sends the password in clear text. Off: such settings are refused at start.
    /// </summary>
    public bool AllowPlaintextPassword { get; set; }

    /// <summary>The limit on each network operation (connect, each command, writing the message data).</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// The limit on the server's reply to the end of the message data: RFC 5321 (4.5.3.2.6) gives it
    /// 10 minutes, since a server may scan the message before it answers. A reply that does not come
    /// within it leaves the message's fate unknown (<see cref="SendOutcome.Uncertain"/>).
    /// </summary>
    public int DataTimeoutSeconds { get; set; } = 600;

    /// <summary>Every problem with these settings, each naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
            errors.Add("Mail:Smtp:Host 为空, smtp 方式须指定 SMTP 服务器 (Mail:Smtp:Host is required when Mail:Transport is smtp)");
        if (Port is < 1 or > 65535)
            errors.Add($"Mail:Smtp:Port 须在 1 到 65535 之间 (Mail:Smtp:Port must be between 1 and 65535, not {Port})");
        if (!Enum.IsDefined(Security))
            errors.Add($"Mail:Smtp:Security 须为 None、StartTls 或 SslOnConnect (Mail:Smtp:Security must be None, StartTls or SslOnConnect, not {Security})");
        if (TimeoutSeconds < 1)
            errors.Add($"Mail:Smtp:TimeoutSeconds 须至少为 1 秒 (Mail:Smtp:TimeoutSeconds must be at least 1, not {TimeoutSeconds})");
        if (DataTimeoutSeconds < 1)
            errors.Add($"Mail:Smtp:DataTimeoutSeconds 须至少为 1 秒 (Mail:Smtp:DataTimeoutSeconds must be at least 1, not {DataTimeoutSeconds})");
        if (!string.IsNullOrEmpty(User) && string.IsNullOrEmpty(Password))
            errors.Add("Mail:Smtp:Password 须填写, 因为已设置 Mail:Smtp:User (Mail:Smtp:Password is required when Mail:Smtp:User is set)");
        if (string.IsNullOrEmpty(User) && !string.IsNullOrEmpty(Password))
            errors.Add("Mail:Smtp:User 须填写, 因为已设置 Mail:Smtp:Password (Mail:Smtp:User is required when Mail:Smtp:Password is set)");
        if (!string.IsNullOrEmpty(User) && Security == SmtpSecurity.None && !AllowPlaintextPassword)
            errors.Add("Mail:Smtp:Security 为 None 时登录密码将明文传输, 请改用 StartTls/SslOnConnect, 或明确设置 AllowPlaintextPassword " +
                "(Mail:Smtp:Security is None but Mail:Smtp:User is set: the password would cross the network in clear text. " +
                "Use StartTls or SslOnConnect, or set Mail:Smtp:AllowPlaintextPassword to true for a trusted relay)");
        return errors;
    }
}
