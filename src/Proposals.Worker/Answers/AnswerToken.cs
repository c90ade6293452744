using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Proposals.Worker.Answers;

/// <summary>
/// What a division's link carries: one item, one division, one action, an expiry and a nonce, signed
/// with the ledger's key (HMAC-SHA256). A link reaches nothing else, and a changed byte or a passed
/// expiry makes it worthless.
/// </summary>
/// <param name="ItemId">The item's database id.</param>
/// <param name="Division">The division the link was sent to.</param>
/// <param name="Action">What it records.</param>
/// <param name="ExpiresAt">When it stops working.</param>
/// <param name="Nonce">Makes each link unique, so that a used link is known by it.</param>
internal sealed record AnswerToken(long ItemId, string Division, AnswerAction Action, DateTimeOffset ExpiresAt, string Nonce)
{
    private const string Version = "1";

    /// <summary>The token text: payload and signature, base64url, joined by a dot.</summary>
    public string Sign(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var payload = Encoding.UTF8.GetBytes(string.Join('\n', Version, ItemId.ToString(CultureInfo.InvariantCulture), Division,
            Action.Code(), ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), Nonce));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, payload));
    }

    /// <summary>Reads and checks a token; null when it is malformed or its signature does not match.</summary>
    public static AnswerToken? Verify(string? text, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrEmpty(text) || text.Length > 2048) return null;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0) return null;
        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(text.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(text.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return null;
        }
        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key, payload))) return null;
        var parts = Encoding.UTF8.GetString(payload).Split('\n');
        if (parts.Length != 6 || parts[0] != Version) return null;
        if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var itemId)) return null;
        if (AnswerActions.Parse(parts[3]) is not { } action) return null;
        if (!long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)) return null;
        return new AnswerToken(itemId, parts[2], action, DateTimeOffset.FromUnixTimeSeconds(expires), parts[5]);
    }
}
