using MimeKit;

namespace Proposals.Mail;

/// <summary>Reads the single mailboxes that settings and the ledger hold.</summary>
internal static class MailAddresses
{
    /// <summary>True when <paramref name="text"/> is one mailbox with a user and a domain.</summary>
    public static bool TryParse(string? text, out MailboxAddress mailbox)
    {
        mailbox = null!;
        if (string.IsNullOrWhiteSpace(text) || !MailboxAddress.TryParse(ParserOptions.Default, text.Trim(), out var parsed))
            return false;
        var at = parsed.Address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == parsed.Address.Length - 1)
            return false;
        mailbox = parsed;
        return true;
    }

    /// <summary>The mailbox in <paramref name="text"/>; a clear error naming <paramref name="where"/> otherwise.</summary>
    public static MailboxAddress Parse(string? text, string where) =>
        TryParse(text, out var mailbox)
            ? mailbox
            : throw new FormatException($"邮箱地址无效 ({where} is not a valid email address: \"{text}\")");
}
