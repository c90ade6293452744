using System.Buffers.Binary;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Proposals.Worker.Hosting.Auth;

/// <summary>
/// Salted slow password hashes: ASP.NET Core Identity's PasswordHasher (format v3: PBKDF2 with
/// HMAC-SHA512, a random 128-bit salt, the iteration count stored in the hash).
/// </summary>
internal static class PasswordHashing
{
    // OWASP's Password Storage Cheat Sheet asks 210,000 iterations of PBKDF2-HMAC-SHA512; the
    // framework's default is 100,000. A hash keeps its own count, so older hashes still verify.
    private const int Iterations = 210_000;

    // Format v3: marker 0x01, PRF, iteration count and salt length (4 bytes each), salt, subkey.
    private const int MinimumV3Length = 1 + 4 + 4 + 4 + 16 + 32;

    private static readonly PasswordHasher<ConfiguredUser> Hasher = HasherAt(Iterations);

    // One decoy per iteration count in use, made on first need.
    private static readonly ConcurrentDictionary<int, string> Decoys = new();

    /// <summary>A new hash of <paramref name="password"/>, with a salt of its own.</summary>
    public static string Hash(string password) => Hasher.HashPassword(new ConfiguredUser(), password);

    /// <summary>A new hash in the same format at another iteration count (an older hash, a decoy, a test's quick user).</summary>
    public static string Hash(string password, int iterations) => HasherAt(iterations).HashPassword(new ConfiguredUser(), password);

    /// <summary>Whether <paramref name="password"/> matches <paramref name="hash"/>.</summary>
    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(new ConfiguredUser(), hash, password) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;

    /// <summary>
    /// Spends the time of one verification of <paramref name="likeHash"/> on a hash no password matches,
    /// made with the same iteration count: a sign-in with an unknown name then takes as long as one with
    /// a wrong password, and does not tell which names exist, whatever count the configured hashes have.
    /// </summary>
    public static void VerifyDecoy(string password, string? likeHash) =>
        Verify(Decoys.GetOrAdd(IterationsOf(likeHash) ?? Iterations, MakeDecoy), password);

    /// <summary>The iteration count a v3 hash carries, or null when <paramref name="hash"/> is not one.</summary>
    public static int? IterationsOf(string? hash)
    {
        if (!IsHash(hash)) return null;
        var bytes = Convert.FromBase64String(hash!.Trim());
        var count = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5));
        return count is >= 1 and <= 100_000_000 ? (int)count : null;
    }

    private static string MakeDecoy(int iterations) => Hash(Guid.NewGuid().ToString("N"), iterations);

    private static PasswordHasher<ConfiguredUser> HasherAt(int iterations) =>
        new(Options.Create(new PasswordHasherOptions { CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3, IterationCount = iterations }));

    /// <summary>Whether <paramref name="text"/> has the form of a v3 hash (so that a pasted password is caught at start).</summary>
    public static bool IsHash(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), bytes, out var length) && length >= MinimumV3Length && bytes[0] == 0x01;
    }
}
