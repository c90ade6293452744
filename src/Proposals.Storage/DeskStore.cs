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
    public async Task<IReadOnlyList<StatusCount>> StatusCountsAsync(DeskFilter filter, CancellationToken cancellationToken = default) =>
        (await SummaryAsync(filter, cancellationToken).ConfigureAwait(false)).Statuses;

    /// <summary>The year's figures per lead division and kind, as the report counts them.</summary>
    public async Task<IReadOnlyList<DivisionCounts>> DivisionCountsAsync(DeskFilter filter, CancellationToken cancellationToken = default) =>
        (await SummaryAsync(filter, cancellationToken).ConfigureAwait(false)).Divisions;

    // The report's counting (Rates/FiguresTally, ItemOnDate) in SQL: returned by the day, led by the bureau,
    // evaluated once reply and evaluation are both known. Keep in step: DeskStoreTests compares them.
    private const string ReturnedBy = "(is_returned = 1 AND (returned_on IS NULL OR returned_on <= @Today))";
    private const string Led = "NOT " + ReturnedBy + " AND bureau_role = 'lead'";
    private const string RepliedBy = Led + " AND replied_on <= @Today";
    private const string EvaluatedBy = RepliedBy + " AND satisfaction IS NOT NULL AND (evaluated_on IS NULL OR evaluated_on <= @Today)";

    /// <summary>
    /// The year's status counts and per-division figures in one pass over the year's items: the
    /// database says, row by row, the item's status and which figures it counts in; the counting is
    /// done here. (A GROUP BY makes SQLite sort the year's rows first, several times the cost of
    /// reading them.) The status counts take every item of the year (with a division: as lead or
    /// co-division); the figures only those assigned by the day and (with a division) led by it, as
    /// the report counts them.
    /// </summary>
    public async Task<DeskSummary> SummaryAsync(DeskFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var counted = "assigned_on <= @Today" + (filter.Division is null ? "" : " AND lead_division = @Division");
        string Flag(string condition) => $"CASE WHEN {counted} AND {condition} THEN 1 ELSE 0 END";
        var sql =
            $"SELECT lead_division AS Division, kind AS Kind, {Status} AS Status, " +
            $"CASE WHEN {counted} THEN 1 ELSE 0 END AS Counted, " +
            $"{Flag(Led)} AS Assigned, " +
            $"{Flag(RepliedBy)} AS Replied, " +
            $"{Flag(RepliedBy + " AND replied_on <= effective_due_on")} AS RepliedOnTime, " +
            $"{Flag(Led + " AND (replied_on IS NULL OR replied_on > @Today) AND effective_due_on < @Today")} AS OverdueOpen, " +
            $"{Flag(EvaluatedBy)} AS Evaluated, " +
            $"{Flag(EvaluatedBy + " AND satisfaction = 'satisfied'")} AS Satisfied, " +
            $"{Flag(EvaluatedBy + " AND satisfaction = 'basically-satisfied'")} AS BasicallySatisfied, " +
            $"{Flag(ReturnedBy)} AS Returned " +
            $"FROM items WHERE {Where(filter, year: true, scan: true)}";
        var statuses = new Dictionary<(string Kind, string Status), long>();
        var figures = new Dictionary<(string Division, string Kind), long[]>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var row in connection.QueryUnbufferedAsync<SummaryRow>(sql, Parameters(filter)).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var status = (row.Kind, row.Status);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (row.Counted == 0) continue;
            var key = (row.Division, row.Kind);
            if (!figures.TryGetValue(key, out var sums)) figures[key] = sums = new long[8];
            sums[0] += row.Assigned;
            sums[1] += row.Replied;
            sums[2] += row.RepliedOnTime;
            sums[3] += row.OverdueOpen;
            sums[4] += row.Evaluated;
            sums[5] += row.Satisfied;
            sums[6] += row.BasicallySatisfied;
            sums[7] += row.Returned;
        }
        // In the report's order: by division (code units), suggestions before proposals.
        var divisions = figures
            .Select(f => new DivisionCounts(f.Key.Division, Kind(f.Key.Kind), f.Value[0], f.Value[1], f.Value[2], f.Value[3], f.Value[4], f.Value[5], f.Value[6], f.Value[7]))
            .OrderBy(d => d.Division, StringComparer.Ordinal).ThenBy(d => d.Kind).ToList();
        return new DeskSummary(statuses.Select(s => new StatusCount(Kind(s.Key.Kind), s.Key.Status, s.Value)).ToList(), divisions);
    }

    /// <summary>
    /// Open items due from <paramref name="from"/> to <paramref name="to"/> (the due date in force), earliest first:
    /// the overdue list (from the beginning to yesterday) and the due-soon list (today and the next days).
    /// </summary>
    public async Task<DeskPage> DueAsync(DeskFilter filter, DateOnly? from, DateOnly to, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // Open in two halves, not settled and settled after the day, so that each is read through an
        // index on settled_on (the open items are few) rather than by a scan for an OR.
        var due = $"{Where(filter, year: filter.Year is not null, scan: true)} AND is_returned = 0 AND {DueInForce} <= @To" +
            (from is null ? "" : $" AND {DueInForce} >= @From");
        var notSettled = $"{due} AND settled_on IS NULL";
        var settledLater = $"{due} AND settled_on > @Today";
        var parameters = Parameters(filter);
        parameters.Add("From", from);
        parameters.Add("To", to);
        parameters.Add("Offset", offset);
        parameters.Add("Limit", limit);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT (SELECT COUNT(*) FROM items WHERE {notSettled}) + (SELECT COUNT(*) FROM items WHERE {settledLater})",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var columns = $"{ItemColumns.Select}, {DueInForce} AS due_in_force";
        var rows = await connection.QueryAsync<ItemRow>(new CommandDefinition(
            $"SELECT {columns} FROM items WHERE {notSettled} UNION ALL SELECT {columns} FROM items WHERE {settledLater} " +
            $"ORDER BY due_in_force, kind, session, number {database.Dialect.Page("@Offset", "@Limit")}",
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

    // scan: the year's range read by scanning rather than through the assigned_on index (see SqlDialect.Unindexed).
    private string Where(DeskFilter filter, bool year, bool scan)
    {
        var where = new List<string> { "1 = 1" };
        var assigned = scan ? database.Dialect.Unindexed("assigned_on") : "assigned_on";
        if (year && filter.Year is not null) where.Add($"{assigned} >= @YearStart AND {assigned} <= @YearEnd");
        if (filter.Kind is not null) where.Add("kind = @Kind");
        if (filter.Division is not null)
        {
            // Co-divisions are stored joined by 、: a whole name lies between two separators once the ends get one too.
            var joined = database.Dialect.Concat("@Separator", "co_divisions", "@Separator");
            where.Add($@"(lead_division = @Division OR {joined} LIKE @DivisionLike ESCAPE '\')");
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

    private sealed class SummaryRow
    {
        public string Division { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Status { get; set; } = "";
        public int Counted { get; set; }
        public int Assigned { get; set; }
        public int Replied { get; set; }
        public int RepliedOnTime { get; set; }
        public int OverdueOpen { get; set; }
        public int Evaluated { get; set; }
        public int Satisfied { get; set; }
        public int BasicallySatisfied { get; set; }
        public int Returned { get; set; }
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

/// <summary>The desk's counts of a year: items per kind and status, figures per lead division and kind.</summary>
public sealed record DeskSummary(IReadOnlyList<StatusCount> Statuses, IReadOnlyList<DivisionCounts> Divisions);

/// <summary>How many items of a kind are in a status (its code, as ItemStatuses writes it).</summary>
public sealed record StatusCount(ItemKind Kind, string Status, long Count);

/// <summary>A lead division's figures for a kind, as the report counts them.</summary>
public sealed record DivisionCounts(
    string Division, ItemKind Kind, long Assigned, long Replied, long RepliedOnTime, long OverdueOpen,
    long Evaluated, long Satisfied, long BasicallySatisfied, long Returned);

/// <summary>One page of a list, and how many rows the whole list has.</summary>
public sealed record DeskPage(long Total, IReadOnlyList<StoredItem> Items);
