using Dapper;
using Proposals.Domain.Ledger;

namespace Proposals.Storage;

/// <summary>The bureau's divisions (处室) and their addresses.</summary>
public sealed class DivisionStore(LedgerDatabase database)
{
    /// <summary>Every division, by name.</summary>
    public async Task<IReadOnlyDictionary<string, Division>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Division>(new CommandDefinition(
            "SELECT name AS Name, email AS Email, head_email AS HeadEmail FROM divisions ORDER BY name",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(d => d.Name, StringComparer.Ordinal);
    }

    /// <summary>Adds new divisions and updates the addresses of known ones, all in one transaction.</summary>
    public Task<UpsertOutcome> UpsertAsync(IReadOnlyList<Division> divisions, CancellationToken cancellationToken = default) =>
        UpsertAsync(divisions, null, default, cancellationToken);

    /// <summary>
    /// Adds new divisions and updates the addresses of known ones, all in one transaction; each address changed
    /// is kept in the divisions' history as changed by <paramref name="by"/> at <paramref name="at"/> (none when null).
    /// </summary>
    public async Task<UpsertOutcome> UpsertAsync(IReadOnlyList<Division> divisions, string? by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(divisions);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var existing = (await connection.QueryAsync<Division>(new CommandDefinition(
                "SELECT name AS Name, email AS Email, head_email AS HeadEmail FROM divisions", transaction: transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(d => d.Name, StringComparer.Ordinal);
        var added = divisions.Where(d => !existing.ContainsKey(d.Name)).ToList();
        var changed = divisions.Where(d => existing.TryGetValue(d.Name, out var old) && old != d).ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO divisions (name, email, head_email) VALUES (@Name, @Email, @HeadEmail)", added, transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE divisions SET email = @Email, head_email = @HeadEmail WHERE name = @Name", changed, transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (by is not null)
        {
            await DivisionChangeStore.InsertAsync(connection, transaction, DivisionChangeStore.Changes(changed.Select(d => (existing[d.Name], d)), by, at), cancellationToken)
                .ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new UpsertOutcome(added.Count, changed.Count, divisions.Count - added.Count - changed.Count);
    }
}
