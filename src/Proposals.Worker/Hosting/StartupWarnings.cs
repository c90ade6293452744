using Proposals.Mail;
using Proposals.Storage;

namespace Proposals.Worker.Hosting;

/// <summary>
/// What a worker about to start should tell its user because nothing else would: mail that never
/// leaves the machine, example addresses still in the settings, a ledger with nothing to remind.
/// </summary>
internal static class StartupWarnings
{
    /// <summary>The warnings, each a whole sentence in Chinese then English; empty when all is as expected.</summary>
    public static IReadOnlyList<string> For(MailOptions mail, LedgerSize ledger, RunMode mode)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(mode);
        var warnings = new List<string>();
        if (mode.IsDemo) return warnings;
        if (mail.StaysOnMachine)
        {
            var folder = Path.GetFullPath(mail.PickupDirectory);
            warnings.Add($"邮件只写入发件目录 {folder}, 不会离开本机; 要发真实邮件, 设置 Mail:Transport=smtp 和 Mail:Smtp:Host " +
                $"(mail is only written to {folder} and never leaves this machine; to send real email set Mail:Transport=smtp and Mail:Smtp:Host)");
        }
        var examples = new[] { ("Mail:From", mail.From), ("Mail:Coordinator", mail.Coordinator) }
            .Where(setting => IsExample(setting.Item2)).Select(setting => setting.Item1).ToList();
        if (examples.Count > 0)
        {
            var names = string.Join(", ", examples);
            warnings.Add($"{names} 仍是示例地址, 改为本局的地址 ({names} still hold example addresses; set the bureau's own)");
        }
        if (ledger.Divisions == 0)
            warnings.Add("台账没有处室, 催办邮件无处可发; 先导入: proposals import divisions FILE " +
                "(the ledger has no divisions, so reminders have nobody to go to; import them first: proposals import divisions FILE)");
        if (ledger.Items == 0)
            warnings.Add("台账没有建议提案, 不会有催办; 先导入: proposals import proposals FILE " +
                "(the ledger has no suggestions or proposals, so nothing will be reminded; import them first: proposals import proposals FILE)");
        return warnings;
    }

    // The reserved example domains (RFC 2606) that the shipped settings use.
    private static bool IsExample(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return false;
        var at = address.LastIndexOf('@');
        if (at < 0) return false;
        var domain = address[(at + 1)..].Trim().TrimEnd('>').Trim().ToUpperInvariant();
        return domain is "EXAMPLE.ORG" or "EXAMPLE.COM" or "EXAMPLE.NET" or "EXAMPLE"
            || domain.EndsWith(".EXAMPLE.ORG", StringComparison.Ordinal) || domain.EndsWith(".EXAMPLE.COM", StringComparison.Ordinal)
            || domain.EndsWith(".EXAMPLE.NET", StringComparison.Ordinal) || domain.EndsWith(".EXAMPLE", StringComparison.Ordinal);
    }
}
