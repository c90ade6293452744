using System.Security.Cryptography;
using Dapper;

namespace Proposals.Storage;

/// <summary>
/// Keys the program keeps for itself, shared by every worker on the ledger: the signature key of the
/// divisions' links (made once, at random, the first time it is asked for) and the sign-in keys.
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

    /// <summary>Keeps <paramref name="value"/> as <paramref name="name"/> unless that name is taken; true when this call stored it.</summary>
    public async Task<bool> AddAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            database.Dialect.InsertUnlessExists("secrets", Columns, ["name"]),
            new { Name = name, Value = value, Now = _clock.GetUtcNow() },
            cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    /// <summary>Every value whose name starts with <paramref name="prefix"/>, oldest first.</summary>
    public async Task<IReadOnlyList<string>> ValuesStartingWithAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        // A range on the name rather than LIKE: nothing to escape, and the names compare as bytes on
        // every provider (binary collations in the schema).
        var end = prefix[..^1] + (char)(prefix[^1] + 1);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var values = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT value FROM secrets WHERE name >= @Start AND name < @End ORDER BY created_at, name",
            new { Start = prefix, End = end }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return values.AsList();
    }
}
