using Dapper;
using Proposals.Domain.Ledger;

namespace Proposals.Storage;

/// <summary>One edit of a division's address: which field, the old and new value, who and when.</summary>
public sealed class DivisionChange
{
    /// <summary>The division's name.</summary>
    public string Division { get; init; } = "";

    /// <summary>email or head_email.</summary>
    public string Field { get; init; } = "";

    /// <summary>The value before.</summary>
    public string? Old { get; init; }

    /// <summary>The value after.</summary>
    public string? New { get; init; }

    /// <summary>Who edited it.</summary>
    public string ChangedBy { get; init; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset ChangedAt { get; init; }
}

/// <summary>
/// Edits of a division's addresses (on the desk, or by importing a list), each kept in <c>division_changes</c>
/// with the edit itself (one transaction). The name is never edited: items and reminders name the division by it.
/// </summary>
public sealed class DivisionChangeStore(LedgerDatabase database)
{
    /// <summary>The field names kept in the history.</summary>
    public const string EmailField = "email", HeadEmailField = "head_email";

    /// <summary>
    /// Sets the addresses of division <paramref name="expected"/>.Name to <paramref name="edited"/>'s when they are
    /// still <paramref name="expected"/>'s; returns the division as it stands (the edited one, or the current one
    /// when someone else changed it meanwhile or it is gone: null), and whether the edit was made.
    /// </summary>
    public async Task<(bool Done, Division? Current)> EditAsync(Division expected, Division edited, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(edited);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // The update names the old values, so that of two editors only the first one's edit is taken.
        var current = await connection.QuerySingleOrDefaultAsync<Division>(new CommandDefinition(
            "SELECT name AS Name, email AS Email, head_email AS HeadEmail FROM divisions WHERE name = @Name", new { expected.Name }, transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (current is null || current != expected) return (false, current);
        var changes = Changes([(current, edited with { Name = current.Name })], by, at);
        if (changes.Count == 0) return (true, current);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE divisions SET email = @Email, head_email = @HeadEmail WHERE name = @Name AND email = @OldEmail",
            new { current.Name, edited.Email, edited.HeadEmail, OldEmail = current.Email }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (updated != 1) return (false, current);
        await InsertAsync(connection, transaction, changes, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (true, current with { Email = edited.Email, HeadEmail = edited.HeadEmail });
    }

    /// <summary>The latest <paramref name="limit"/> edits, newest first.</summary>
    public async Task<IReadOnlyList<DivisionChange>> LatestAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<DivisionChange>(new CommandDefinition(
            "SELECT division AS Division, field AS Field, old_value AS Old, new_value AS New, changed_by AS ChangedBy, changed_at AS ChangedAt " +
                "FROM division_changes ORDER BY id DESC " + database.Dialect.Limit("@Limit"),
            new { Limit = limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToList();
    }

    /// <summary>The history rows of divisions changed from their old addresses to their new ones.</summary>
    internal static List<object> Changes(IEnumerable<(Division Old, Division New)> divisions, string by, DateTimeOffset at)
    {
        var rows = new List<object>();
        foreach (var (old, edited) in divisions)
        {
            if (edited.Email != old.Email) rows.Add(new { Division = old.Name, Field = EmailField, Old = (string?)old.Email, New = (string?)edited.Email, By = by, At = at });
            if (edited.HeadEmail != old.HeadEmail) rows.Add(new { Division = old.Name, Field = HeadEmailField, Old = old.HeadEmail, New = edited.HeadEmail, By = by, At = at });
        }
        return rows;
    }

    /// <summary>Writes history rows inside the caller's transaction.</summary>
    internal static async Task InsertAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, List<object> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO division_changes (division, field, old_value, new_value, changed_by, changed_at) VALUES (@Division, @Field, @Old, @New, @By, @At)",
            rows, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
