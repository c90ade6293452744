using MimeKit;

namespace Proposals.Mail;

/// <summary>The monthly report (月度报告) to the coordinator: an HTML body and the workbook attached.</summary>
public sealed class ReportMessageComposer
{
    private const string XlsxMediaSubtype = "vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private readonly MailOptions _options;
    private readonly TimeProvider _time;

    /// <summary>A composer sending from <see cref="MailOptions.From"/>.</summary>
    public ReportMessageComposer(MailOptions options, TimeProvider? time = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// The report message. <paramref name="to"/> defaults to <see cref="MailOptions.Coordinator"/>;
    /// <paramref name="key"/>, when given (e.g. "2019-10"), makes the Message-ID stable so a report
    /// sent twice is recognisable.
    /// </summary>
    public MimeMessage Compose(
        string subject, string htmlBody, string textBody, byte[] xlsx, string xlsxName,
        string? to = null, string? key = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(htmlBody);
        ArgumentNullException.ThrowIfNull(textBody);
        ArgumentNullException.ThrowIfNull(xlsx);
        ArgumentException.ThrowIfNullOrWhiteSpace(xlsxName);

        var from = _options.FromMailbox;
        var message = new MimeMessage();
        message.From.Add(from);
        if (_options.ReplyToMailbox is { } replyTo)
            message.ReplyTo.Add(replyTo);
        message.To.Add(to is null ? _options.CoordinatorMailbox : MailAddresses.Parse(to, "The report's recipient"));
        message.Subject = subject.ReplaceLineEndings(" ").Trim();
        message.Date = _time.GetLocalNow();
        if (key is not null)
            message.MessageId = $"report.{ReportKey(key)}@{from.Domain}";
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new BodyBuilder { HtmlBody = htmlBody, TextBody = textBody };
        body.Attachments.Add(xlsxName, xlsx, new ContentType("application", XlsxMediaSubtype));
        message.Body = body.ToMessageBody();
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    // Message-IDs are ASCII without spaces: keep letters, digits, '-' and '.'.
    private static string ReportKey(string key)
    {
        var kept = new string(key.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.').ToArray());
        return kept.Length > 0 ? kept : throw new ArgumentException($"Report key \"{key}\" has no letters or digits to name a Message-ID", nameof(key));
    }
}
