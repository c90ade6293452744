using MimeKit;

namespace Proposals.Mail;

/// <summary>The "Mail" configuration section: how reminders and reports leave the program.</summary>
public sealed class MailOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Mail";

    /// <summary><c>pickup</c> (write .eml files; the embedded default) or <c>smtp</c>.</summary>
    public string Transport { get; set; } = MailTransportKinds.Pickup;

    /// <summary>Where the pickup transport writes its .eml files.</summary>
    public string PickupDirectory { get; set; } = "data/outbox";

    /// <summary>
    /// True when something outside this program delivers what the pickup folder holds (a mail
    /// relay's pickup service, a script). When false, pickup mail never leaves the machine, and the
    /// worker says so at start and on /health/ready.
    /// </summary>
    public bool PickupRelayed { get; set; }

    /// <summary>True when mail is written to the pickup folder and nothing delivers it.</summary>
    public bool StaysOnMachine => !UsesSmtp && !PickupRelayed;

    /// <summary>The sender, e.g. <c>综合处 &lt;zhc@bureau.example&gt;</c>; its domain names the Message-IDs.</summary>
    public string From { get; set; } = "";

    /// <summary>Where replies go, when not to <see cref="From"/>; empty for none.</summary>
    public string? ReplyTo { get; set; }

    /// <summary>The coordinator (综合处): named as the contact in reminders, receives the reports.</summary>
    public string Coordinator { get; set; } = "";

    /// <summary>The leader who follows key items (分管领导): copied on every overdue reminder of a key item; empty for none.</summary>
    public string? Leader { get; set; }

    /// <summary>The SMTP server, used when <see cref="Transport"/> is <c>smtp</c>.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>True when <see cref="Transport"/> names the SMTP transport.</summary>
    public bool UsesSmtp => string.Equals(Transport?.Trim(), MailTransportKinds.Smtp, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every problem with these settings, each naming the setting; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var transport = Transport?.Trim() ?? "";
        if (!transport.Equals(MailTransportKinds.Pickup, StringComparison.OrdinalIgnoreCase) && !UsesSmtp)
            errors.Add($"Mail:Transport 须为 pickup 或 smtp (Mail:Transport must be \"pickup\" or \"smtp\", not \"{Transport}\")");

        CheckAddress(errors, "Mail:From", From, required: true);
        CheckAddress(errors, "Mail:ReplyTo", ReplyTo, required: false);
        CheckAddress(errors, "Mail:Coordinator", Coordinator, required: true);
        CheckAddress(errors, "Mail:Leader", Leader, required: false);

        if (UsesSmtp)
            errors.AddRange(Smtp.Validate());
        else if (string.IsNullOrWhiteSpace(PickupDirectory))
            errors.Add("Mail:PickupDirectory 为空, pickup 方式须指定发件目录 (Mail:PickupDirectory is required when Mail:Transport is pickup)");
        return errors;
    }

    /// <summary>Throws when <see cref="Validate"/> finds problems, listing all of them.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
            throw new InvalidOperationException("邮件配置有误 (Mail settings are not usable):" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", errors));
    }

    /// <summary>The parsed <see cref="From"/> mailbox.</summary>
    internal MailboxAddress FromMailbox => MailAddresses.Parse(From, "Mail:From");

    /// <summary>The parsed <see cref="Coordinator"/> mailbox.</summary>
    internal MailboxAddress CoordinatorMailbox => MailAddresses.Parse(Coordinator, "Mail:Coordinator");

    /// <summary>The parsed <see cref="ReplyTo"/> mailbox, or null when none is set.</summary>
    internal MailboxAddress? ReplyToMailbox =>
        string.IsNullOrWhiteSpace(ReplyTo) ? null : MailAddresses.Parse(ReplyTo, "Mail:ReplyTo");

    private static void CheckAddress(List<string> errors, string setting, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add($"{setting} 须填写邮箱地址 ({setting} is required (an address such as 综合处 <zhc@bureau.example>))");
            return;
        }
        if (!MailAddresses.TryParse(value, out _))
            errors.Add($"{setting} 不是有效的邮箱地址 ({setting} is not a valid email address: \"{value}\")");
    }
}

/// <summary>The names <see cref="MailOptions.Transport"/> accepts.</summary>
public static class MailTransportKinds
{
    /// <summary>Write each message as an .eml file into the pickup directory.</summary>
    public const string Pickup = "pickup";

    /// <summary>Send through an SMTP server.</summary>
    public const string Smtp = "smtp";
}
