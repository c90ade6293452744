using System.Security.Cryptography;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using Proposals.Mail;
using Proposals.Storage;
using Proposals.Worker.Hosting;

namespace Proposals.Worker.Answers;

/// <summary>
/// The links a reminder carries so that a division can answer from the email (Dashboard:PublicUrl):
/// the lead division gets 确认签收 and 登记答复, a co-division 确认签收 and 协办意见已送达. Without a
/// public address there is nowhere for a link to point, and reminders carry none.
/// </summary>
internal sealed class AnswerLinks(SecretStore secrets, DashboardOptions dashboard, TimeProvider clock)
{
    /// <summary>The name of the signature key in the ledger's secrets.</summary>
    public const string KeyName = "answer-links";

    /// <summary>Where the link pages live, under the public address.</summary>
    public const string PathPrefix = "/answer/";

    private byte[]? _key;

    /// <summary>Whether reminders carry links at all.</summary>
    public bool Enabled => dashboard.PublicUri is not null;

    /// <summary>The links for a reminder to <paramref name="owed"/>'s division about item <paramref name="itemId"/>.</summary>
    public async Task<IReadOnlyList<ReminderLink>> ForAsync(long itemId, OwedReminder owed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owed);
        if (dashboard.PublicUri is not { } root) return [];
        var key = await KeyAsync(cancellationToken).ConfigureAwait(false);
        var expires = clock.GetUtcNow().AddDays(dashboard.LinkDays);
        AnswerAction[] actions = owed.Role switch
        {
            ReminderRole.Lead => [AnswerAction.Acknowledge, AnswerAction.Reply],
            ReminderRole.CoDivision => [AnswerAction.Acknowledge, AnswerAction.CoInput],
            _ => throw new ArgumentOutOfRangeException(nameof(owed), owed.Role, null),
        };
        return actions.Select(a => new ReminderLink(a.Label(), Url(root, new AnswerToken(itemId, owed.Division, a, expires, Nonce()).Sign(key)))).ToList();
    }

    /// <summary>Reads a link's token; null when it is malformed or forged (its expiry is the caller's to check).</summary>
    public async Task<AnswerToken?> VerifyAsync(string? token, CancellationToken cancellationToken = default) =>
        AnswerToken.Verify(token, await KeyAsync(cancellationToken).ConfigureAwait(false));

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken) =>
        _key ??= await secrets.GetOrCreateAsync(KeyName, cancellationToken).ConfigureAwait(false);

    private static Uri Url(Uri root, string token) => new(root, PathPrefix.TrimStart('/') + token);

    private static string Nonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(9));
}
