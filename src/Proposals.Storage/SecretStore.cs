using System.Security.Cryptography;
using Dapper;

namespace Proposals.Storage;

/// <summary>
/// Keys the program makes for itself (the signature key of the divisions' links): made once, at
/// random, the first time one is asked for, and shared by every worker on the ledger.
/// </summary>
public sealed class SecretStore(LedgerDatabase database, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private static readonly (string Column, string Value)[] Columns = [("name", "@Name"), ("value", "@Value"), ("created_at", "@Now")];

    /// <summary>The 32-byte secret called <paramref name="name"/>, made now if there is none yet.</summary>
    public async Task<byte[]> GetOrCreateAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Two workers asking at once: one insert wins, both read the winner's value.
        await connection.ExecuteAsync(new CommandDefinition(
            database.Dialect.InsertUnlessExists("secrets", Columns, ["name"]),
            new { Name = name, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Now = _clock.GetUtcNow() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var value = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT value FROM secrets WHERE name = @Name", new { Name = name }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return Convert.FromBase64String(value ?? throw new StorageException($"secret {name} vanished"));
    }
}
