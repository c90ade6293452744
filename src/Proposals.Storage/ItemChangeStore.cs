using System.Data.Common;
using Dapper;

namespace Proposals.Storage;

/// <summary>
/// Each change of an item's descriptive columns (标题, 主办处室, 协办处室, 办理期限...), with who made it,
/// when and through what: a re-import that gives an item another lead division is a reassignment, and
/// the record says so.
/// </summary>
public static class ItemChangeStore
{
    private const string Insert =
        "INSERT INTO item_changes (item_id, field, old_value, new_value, recorded_at, recorded_by, via) " +
        "VALUES (@ItemId, @Field, @Old, @New, @Now, @By, @Via)";

    /// <summary>Writes changes inside a caller's transaction, all recorded at <paramref name="now"/>.</summary>
    public static async Task InsertAsync(
        LedgerDatabase database, DbConnection connection, DbTransaction transaction, IReadOnlyList<ItemChange> changes, string by, string via, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0) return;
        var rows = changes.Select(c => new ChangeRow { ItemId = c.ItemId, Field = c.Field, Old = c.Old, New = c.New, Now = now, By = by, Via = via }).ToList();
        await ImportCommands.ExecuteAsync(database.Provider, connection, transaction, Insert, rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The changes of one item, oldest first.</summary>
    public static async Task<IReadOnlyList<RecordedChange>> ForItemAsync(LedgerDatabase database, long itemId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<RecordedChange>(new CommandDefinition(
            "SELECT field AS Field, old_value AS Old, new_value AS New, recorded_at AS RecordedAt, recorded_by AS RecordedBy, via AS Via " +
            "FROM item_changes WHERE item_id = @ItemId ORDER BY id", new { ItemId = itemId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToList();
    }

    private sealed class ChangeRow
    {
        public long ItemId { get; set; }
        public string Field { get; set; } = "";
        public string? Old { get; set; }
        public string? New { get; set; }
        public DateTimeOffset Now { get; set; }
        public string By { get; set; } = "";
        public string Via { get; set; } = "";
    }
}

/// <summary>A change of one descriptive column of the item with database id <paramref name="ItemId"/>.</summary>
public sealed record ItemChange(long ItemId, string Field, string? Old, string? New);

/// <summary>A change as recorded.</summary>
public sealed class RecordedChange
{
    /// <summary>The column (title, lead_division, co_divisions, due_on...).</summary>
    public string Field { get; init; } = "";

    /// <summary>Its value before.</summary>
    public string? Old { get; init; }

    /// <summary>Its value after.</summary>
    public string? New { get; init; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>Who recorded it.</summary>
    public string RecordedBy { get; init; } = "";

    /// <summary>Through what: import, desk.</summary>
    public string Via { get; init; } = "";
}
