namespace Proposals.Benchmarks;

/// <summary>
/// The SQL the project's stores run, written out again so that the bare readers read the same rows
/// and EXPLAIN QUERY PLAN sees the same statements. Mirrors <c>ItemStore.SweepCandidatesAsync</c>,
/// <c>ItemStore.AssignedInYearAsync</c>, <c>ItemStore.ListAsync</c> (overdue) and
/// <c>ReminderStore.RecordedForAsync</c>: keep it in step when those change.
/// </summary>
internal static class LedgerSql
{
    public const string ItemColumns =
        "id, kind, session, number, title, proposer, lead_division, co_divisions, assigned_on, due_on, co_input_due_on, " +
        "acknowledged_on, extended_to, extension_reason, effective_due_on, earliest_due_on, replied_on, reply_class, " +
        "satisfaction, is_key, is_returned, updated_at";

    public const string ReminderColumns =
        "id, item_id, division, role, stage, due_on, planned_on, state, recipients, message_id, attempts, last_error, " +
        "claimed_at, claimed_by, sent_at";

    /// <summary>Parameters @AsOf, @DueBy.</summary>
    public const string SweepCandidates =
        $"SELECT {ItemColumns} FROM items WHERE replied_on IS NULL AND is_returned = 0 AND earliest_due_on <= @DueBy " +
        $"UNION ALL SELECT {ItemColumns} FROM items WHERE replied_on > @AsOf AND is_returned = 0 AND earliest_due_on <= @DueBy";

    /// <summary>The reminder rows of the sweep's candidates, in one statement (the project reads them 500 ids at a time).</summary>
    public const string CandidateReminders =
        $"SELECT {ReminderColumns} FROM reminders WHERE item_id IN (" +
        "SELECT id FROM items WHERE replied_on IS NULL AND is_returned = 0 AND earliest_due_on <= @DueBy " +
        "UNION ALL SELECT id FROM items WHERE replied_on > @AsOf AND is_returned = 0 AND earliest_due_on <= @DueBy)";

    /// <summary>The same rows, only the columns the sweep's decision needs.</summary>
    public const string CandidateReminderKeys =
        "SELECT item_id, division, stage, due_on FROM reminders WHERE state <> 'superseded' AND item_id IN (" +
        "SELECT id FROM items WHERE replied_on IS NULL AND is_returned = 0 AND earliest_due_on <= @DueBy " +
        "UNION ALL SELECT id FROM items WHERE replied_on > @AsOf AND is_returned = 0 AND earliest_due_on <= @DueBy)";

    /// <summary>What RecordedForAsync runs per chunk, with three ids for the plan.</summary>
    public const string RemindersOfItems = "SELECT item_id, division, stage, due_on FROM reminders WHERE item_id IN (1, 2, 3) AND state <> 'superseded'";

    /// <summary>Parameters @YearStart, @YearEnd.</summary>
    public const string AssignedInYear =
        $"SELECT {ItemColumns} FROM items WHERE assigned_on >= @YearStart AND assigned_on <= @YearEnd ORDER BY id";

    /// <summary>The year's counts done by the database, for comparison: what a set-based report could read.</summary>
    public const string YearCountsInSql =
        "SELECT kind, lead_division, COUNT(*), SUM(is_returned), SUM(replied_on IS NOT NULL AND replied_on <= @AsOf), " +
        "SUM(replied_on IS NOT NULL AND replied_on <= @AsOf AND replied_on <= effective_due_on) " +
        "FROM items WHERE assigned_on >= @YearStart AND assigned_on <= @YearEnd AND assigned_on <= @AsOf GROUP BY kind, lead_division";

    /// <summary>Parameter @AsOf.</summary>
    public const string Overdue =
        $"SELECT {ItemColumns} FROM items WHERE is_returned = 0 AND (replied_on IS NULL OR replied_on > @AsOf) " +
        "AND effective_due_on < @AsOf ORDER BY effective_due_on, kind, session, number";

    /// <summary>What UpsertAsync looks up per 500 numbers of one kind and session, with three numbers for the plan.</summary>
    public const string ExistingLookup =
        $"SELECT {ItemColumns} FROM items WHERE kind = @Kind AND session = @Session AND number IN ('00001', '00002', '00003')";
}
