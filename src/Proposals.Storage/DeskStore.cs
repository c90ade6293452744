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
    /// The year's status counts and per-division figures in one read of the year's range of
    /// ix_items_year_figures, grouped by lead division, kind and status and added up here. The status
    /// counts take every item of the year (with a division: as lead or co-division); the figures only
    /// those assigned by the day and (with a division) led by it, as the report counts them.
    /// </summary>
    public async Task<DeskSummary> SummaryAsync(DeskFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var counted = "assigned_on <= @Today" + (filter.Division is null ? "" : " AND lead_division = @Division");
        string Sum(string condition) => $"SUM(CASE WHEN {counted} AND {condition} THEN 1 ELSE 0 END)";
        var sql =
            $"SELECT lead_division AS Division, kind AS Kind, {Status} AS Status, COUNT(*) AS Items, " +
            $"SUM(CASE WHEN {counted} THEN 1 ELSE 0 END) AS Counted, " +
            $"{Sum(Led)} AS Assigned, " +
            $"{Sum(RepliedBy)} AS Replied, " +
            $"{Sum(RepliedBy + " AND replied_on <= effective_due_on")} AS RepliedOnTime, " +
            $"{Sum(Led + " AND (replied_on IS NULL OR replied_on > @Today) AND effective_due_on < @Today")} AS OverdueOpen, " +
            $"{Sum(EvaluatedBy)} AS Evaluated, " +
            $"{Sum(EvaluatedBy + " AND satisfaction = 'satisfied'")} AS Satisfied, " +
            $"{Sum(EvaluatedBy + " AND satisfaction = 'basically-satisfied'")} AS BasicallySatisfied, " +
            $"{Sum(ReturnedBy)} AS Returned " +
            // Every column read here is in ix_items_year_figures (migration 0002): the year is one range of that index.
            $"FROM items WHERE {Where(filter, year: true, scan: false)} " +
            $"GROUP BY lead_division, kind, {Status}";
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<SummaryRow>(new CommandDefinition(sql, Parameters(filter), cancellationToken: cancellationToken))
            .ConfigureAwait(false)).ToList();
        var statuses = rows.GroupBy(r => (r.Kind, r.Status))
            .Select(g => new StatusCount(Kind(g.Key.Kind), g.Key.Status, g.Sum(r => r.Items)))
            .ToList();
        // In the report's order: by division (code units), suggestions before proposals.
        var divisions = rows.Where(r => r.Counted > 0).GroupBy(r => (r.Division, r.Kind))
            .Select(g => new DivisionCounts(g.Key.Division, Kind(g.Key.Kind), g.Sum(r => r.Assigned), g.Sum(r => r.Replied),
                g.Sum(r => r.RepliedOnTime), g.Sum(r => r.OverdueOpen), g.Sum(r => r.Evaluated), g.Sum(r => r.Satisfied),
                g.Sum(r => r.BasicallySatisfied), g.Sum(r => r.Returned)))
            .OrderBy(d => d.Division, StringComparer.Ordinal).ThenBy(d => d.Kind).ToList();
        return new DeskSummary(statuses, divisions);
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
        // The page and the list's length in one reading: the count rides on every row of the page.
        var columns = $"{ItemColumns.Select}, {DueInForce} AS due_in_force";
        var rows = (await connection.QueryAsync<DueRow>(new CommandDefinition(
            $"SELECT due.*, COUNT(*) OVER () AS TotalRows FROM (SELECT {columns} FROM items WHERE {notSettled} " +
            $"UNION ALL SELECT {columns} FROM items WHERE {settledLater}) due " +
            $"ORDER BY due_in_force, Kind, Session, Number {database.Dialect.Page("@Offset", "@Limit")}",
            parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        // A page past the end has no row to carry the count.
        var total = rows.Count > 0 ? rows[0].TotalRows : offset == 0 ? 0 : await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT (SELECT COUNT(*) FROM items WHERE {notSettled}) + (SELECT COUNT(*) FROM items WHERE {settledLater})",
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

    private sealed class DueRow : ItemRow
    {
        public long TotalRows { get; set; }
    }

    private sealed class SummaryRow
    {
        public string Division { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Status { get; set; } = "";
        public long Items { get; set; }
        public long Counted { get; set; }
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
