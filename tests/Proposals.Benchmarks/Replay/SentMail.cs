using MimeKit;

namespace Proposals.Benchmarks.Replay;

/// <summary>One email the program wrote into the pickup folder on a replayed day: to whom, copied to whom, which items it names.</summary>
internal sealed record SentMail(DateOnly Day, IReadOnlyList<string> To, IReadOnlyList<string> Cc, IReadOnlyList<string> Items)
{
    /// <summary>Every address the message went to, To and Cc, each once (lower case: addresses are compared so).</summary>
    public IEnumerable<string> Recipients => To.Concat(Cc).Distinct(StringComparer.Ordinal);

    public static async Task<SentMail> ReadAsync(string path, DateOnly day)
    {
        using var message = await MimeMessage.LoadAsync(path).ConfigureAwait(false);
        return new SentMail(
            day,
            Addresses(message.To),
            Addresses(message.Cc),
            ItemMentions.Find(message.Subject ?? "", message.TextBody ?? ""));
    }

    /// <summary>The .eml files of one day's pickup folder, in name order.</summary>
    public static async Task<IReadOnlyList<SentMail>> ReadFolderAsync(string folder, DateOnly day)
    {
        if (!Directory.Exists(folder)) return [];
        var mails = new List<SentMail>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            mails.Add(await ReadAsync(file, day).ConfigureAwait(false));
        }
        return mails;
    }

    private static List<string> Addresses(InternetAddressList list) =>
        list.Mailboxes.Select(m => m.Address.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
}
