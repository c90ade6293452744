using Dapper;
using Proposals.Domain.Ledger;

namespace Proposals.Storage;

/// <summary>
/// What the coordinator's desk (办理进度) reads: counts and lists computed by the database over
/// indexed columns, so that a page answers within a second on a ledger of a million items. The
/// rules are the domain's (Item.StatusOn, the report's Figures), written here as SQL; the storage
/// suite checks the two agree on a ledger with every case.
/// </summary>
public sealed class DeskStore(LedgerDatabase database)
{
    // Item.StatusOn as of @Today, in SQL. Keep in step with it: DeskStoreTests compares them.
    private const string Status =
        "CASE WHEN is_returned = 1 THEN 'returned' " +
        "WHEN replied_on IS NOT NULL AND replied_on <= @Today THEN " +
        "  (CASE WHEN satisfaction = 'dissatisfied' THEN " +
        "     (CASE WHEN rereplied_on IS NULL OR rereplied_on > @Today THEN 're-handling' WHEN second_satisfaction IS NULL THEN 'replied' ELSE 'evaluated' END) " +
        "   WHEN satisfaction IS NULL THEN 'replied' ELSE 'evaluated' END) " +
        "WHEN extended_to IS NOT NULL THEN 'extended' " +
        "WHEN acknowledged_on IS NOT NULL AND acknowledged_on <= @Today THEN 'acknowledged' " +
        "ELSE 'assigned' END";

    // The due date in force on @Today: the re-handling one once the 不满意 evaluation is known (Item.LeadDueOn).
    private const string DueInForce =
        "(CASE WHEN rehandle_due_on IS NOT NULL AND evaluated_on IS NOT NULL AND evaluated_on <= @Today THEN rehandle_due_on ELSE effective_due_on END)";

    // Still owed on @Today: not returned, not settled by then (Item.OwesAnswerOn).
    private const string Open = "is_returned = 0 AND (settled_on IS NULL OR settled_on > @Today)";

    /// <summary>How many items and divisions the ledger holds: an empty one is worth telling the user about.</summary>
    public async Task<LedgerSize> SizeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var items = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM items", cancellationToken: cancellationToken)).ConfigureAwait(false);
        var divisions = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM divisions", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new LedgerSize(items, divisions);
    }

    /// <summary>How many items of the year are in each status, per kind.</summary>
    public async Task<IReadOnlyList<StatusCount>> StatusCountsAsync(DeskFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Kind, string Status, long Count)>(new CommandDefinition(
            $"SELECT kind, {Status} AS status, COUNT(*) FROM items WHERE {Where(filter, year: true)} GROUP BY kind, {Status}",
            Parameters(filter), cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new StatusCount(Kind(r.Kind), r.Status, r.Count)).ToList();
    }

    // The report's counting (Rates/FiguresTally, ItemOnDate) in SQL: returned by the day, led by the bureau,
    // evaluated once reply and evaluation are both known. Keep in step: DeskStoreTests compares them.
    private const string ReturnedBy = "(is_returned = 1 AND (returned_on IS NULL OR returned_on <= @Today))";
    private const string Led = "NOT " + ReturnedBy + " AND bureau_role = 'lead'";
    private const string RepliedBy = Led + " AND replied_on <= @Today";
    private const string EvaluatedBy = RepliedBy + " AND satisfaction IS NOT NULL AND (evaluated_on IS NULL OR evaluated_on <= @Today)";

    /// <summary>The year's figures per lead division and kind, as the report counts them.</summary>
    public async Task<IReadOnlyList<DivisionCounts>> DivisionCountsAsync(DeskFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<DivisionRow>(new CommandDefinition(
            "SELECT lead_division AS Division, kind AS Kind, " +
            $"SUM(CASE WHEN {Led} THEN 1 ELSE 0 END) AS Assigned, " +
            $"SUM(CASE WHEN {RepliedBy} THEN 1 ELSE 0 END) AS Replied, " +
            $"SUM(CASE WHEN {RepliedBy} AND replied_on <= effective_due_on THEN 1 ELSE 0 END) AS RepliedOnTime, " +
            $"SUM(CASE WHEN {Led} AND (replied_on IS NULL OR replied_on > @Today) AND effective_due_on < @Today THEN 1 ELSE 0 END) AS OverdueOpen, " +
            $"SUM(CASE WHEN {EvaluatedBy} THEN 1 ELSE 0 END) AS Evaluated, " +
            $"SUM(CASE WHEN {EvaluatedBy} AND satisfaction = 'satisfied' THEN 1 ELSE 0 END) AS Satisfied, " +
            $"SUM(CASE WHEN {EvaluatedBy} AND satisfaction = 'basically-satisfied' THEN 1 ELSE 0 END) AS BasicallySatisfied, " +
            $"SUM(CASE WHEN {ReturnedBy} THEN 1 ELSE 0 END) AS Returned " +
            $"FROM items WHERE {Where(filter, year: true, leadOnly: true)} AND assigned_on <= @Today " +
            "GROUP BY lead_division, kind",
            Parameters(filter), cancellationToken: cancellationToken)).ConfigureAwait(false);
        // In the report's order: by division (code units), suggestions before proposals.
        return rows.Select(r => new DivisionCounts(r.Division, Kind(r.Kind), r.Assigned, r.Replied, r.RepliedOnTime, r.OverdueOpen,
                r.Evaluated, r.Satisfied, r.BasicallySatisfied, r.Returned))
            .OrderBy(d => d.Division, StringComparer.Ordinal).ThenBy(d => d.Kind).ToList();
    }

    /// <summary>
    /// Open items due from <paramref name="from"/> to <paramref name="to"/> (the due date in force), earliest first:
    /// the overdue list (from the beginning to yesterday) and the due-soon list (today and the next days).
    /// </summary>
    public async Task<DeskPage> DueAsync(DeskFilter filter, DateOnly? from, DateOnly to, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = $"{Where(filter, year: filter.Year is not null)} AND {Open} AND {DueInForce} <= @To" + (from is null ? "" : $" AND {DueInForce} >= @From");
        var parameters = Parameters(filter);
        parameters.Add("From", from);
        parameters.Add("To", to);
        parameters.Add("Offset", offset);
        parameters.Add("Limit", limit);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM items WHERE {where}", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ItemRow>(new CommandDefinition(
            $"SELECT {ItemColumns.Select} FROM items WHERE {where} ORDER BY {DueInForce}, kind, session, number {database.Dialect.Page("@Offset", "@Limit")}",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new DeskPage(total, rows.Select(r => new StoredItem(r.Id, r.ToItem(), r.UpdatedAt)).ToList());
    }

    /// <summary>The divisions named as lead in the ledger, for the filter.</summary>
    public async Task<IReadOnlyList<string>> DivisionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM divisions ORDER BY name", cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
    }

    private string Where(DeskFilter filter, bool year, bool leadOnly = false)
    {
        var where = new List<string> { "1 = 1" };
        if (year && filter.Year is not null) where.Add("assigned_on >= @YearStart AND assigned_on <= @YearEnd");
        if (filter.Kind is not null) where.Add("kind = @Kind");
        if (filter.Division is not null)
        {
            // Co-divisions are stored joined by 、: a whole name lies between two separators once the ends get one too.
            var joined = database.Dialect.Concat("@Separator", "co_divisions", "@Separator");
            where.Add(leadOnly ? "lead_division = @Division" : $@"(lead_division = @Division OR {joined} LIKE @DivisionLike ESCAPE '\')");
        }
        return string.Join(" AND ", where);
    }

    private static DynamicParameters Parameters(DeskFilter filter)
    {
        var parameters = new DynamicParameters();
        var year = filter.Year ?? filter.Today.Year;
        parameters.Add("Today", filter.Today);
        parameters.Add("YearStart", new DateOnly(year, 1, 1));
        parameters.Add("YearEnd", new DateOnly(year, 12, 31));
        parameters.Add("Kind", filter.Kind?.Code());
        parameters.Add("Division", filter.Division);
        parameters.Add("Separator", ItemRow.CoDivisionSeparator);
        parameters.Add("DivisionLike", filter.Division is null ? null : "%、" + Like.Escape(filter.Division) + "、%");
        return parameters;
    }

    private static ItemKind Kind(string code) => ItemKinds.Parse(code) ?? throw new StorageException($"items.kind holds an unknown kind '{code}'");

    private sealed class DivisionRow
    {
        public string Division { get; set; } = "";
        public string Kind { get; set; } = "";
        public long Assigned { get; set; }
        public long Replied { get; set; }
        public long RepliedOnTime { get; set; }
        public long OverdueOpen { get; set; }
        public long Evaluated { get; set; }
        public long Satisfied { get; set; }
        public long BasicallySatisfied { get; set; }
        public long Returned { get; set; }
    }
}

/// <summary>What the desk is asked for.</summary>
/// <param name="Today">The day statuses and lateness are counted on.</param>
/// <param name="Year">Only items assigned in this year (lists: when given).</param>
/// <param name="Kind">Only this kind.</param>
/// <param name="Division">Only this division (lists: as lead or co-division; figures: as lead).</param>
public sealed record DeskFilter(DateOnly Today, int? Year = null, ItemKind? Kind = null, string? Division = null);

/// <summary>How many items and divisions a ledger holds.</summary>
public sealed record LedgerSize(long Items, long Divisions);

/// <summary>How many items of a kind are in a status (its code, as ItemStatuses writes it).</summary>
public sealed record StatusCount(ItemKind Kind, string Status, long Count);

/// <summary>A lead division's figures for a kind, as the report counts them.</summary>
public sealed record DivisionCounts(
    string Division, ItemKind Kind, long Assigned, long Replied, long RepliedOnTime, long OverdueOpen,
    long Evaluated, long Satisfied, long BasicallySatisfied, long Returned);

/// <summary>One page of a list, and how many rows the whole list has.</summary>
public sealed record DeskPage(long Total, IReadOnlyList<StoredItem> Items);
