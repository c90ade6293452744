using System.Globalization;

namespace Proposals.Benchmarks.Bare;

/// <summary>
/// The bare queries, on <c>bench_items</c>: what the program's sweep, report and overdue list must
/// read at the least, each run by one command and read to the end, every value of every row, no
/// mapping to objects. Dates are ISO text, as in the ledger.
/// </summary>
internal static class BareQueries
{
    /// <summary>How far ahead of the sweep day a due date is read: the longest reminder lead (15 days) and a holiday run, rounded up.</summary>
    public const int CandidateDays = 30;

    /// <summary>
    /// The sweep's candidates: items still owing something on @AsOf (not settled, or settled after
    /// it), due by @DueBy. Two index-friendly halves rather than one OR.
    /// </summary>
    public static readonly string Candidates =
        $"SELECT {BareTable.AllColumns} FROM bench_items WHERE settled_on IS NULL AND earliest_due_on <= @DueBy " +
        $"UNION ALL SELECT {BareTable.AllColumns} FROM bench_items WHERE settled_on > @AsOf AND earliest_due_on <= @DueBy";

    /// <summary>A year's counts by kind and lead division: assigned, returned, replied, on time, rated, satisfied, solved, key.</summary>
    public const string YearGroups =
        "SELECT kind, lead_division, COUNT(*), SUM(is_returned), " +
        "SUM(CASE WHEN replied_on <= @AsOf THEN 1 ELSE 0 END), " +
        "SUM(CASE WHEN replied_on <= @AsOf AND replied_on <= effective_due_on THEN 1 ELSE 0 END), " +
        "SUM(CASE WHEN satisfaction IS NOT NULL THEN 1 ELSE 0 END), " +
        "SUM(CASE WHEN satisfaction IN ('satisfied', 'basically-satisfied') THEN 1 ELSE 0 END), " +
        "SUM(CASE WHEN reply_class = 'A' THEN 1 ELSE 0 END), SUM(is_key) " +
        "FROM bench_items WHERE assigned_on >= @YearStart AND assigned_on <= @YearEnd GROUP BY kind, lead_division";

    /// <summary>Open, not returned, past due on @AsOf, in the order the list prints them.</summary>
    public static readonly string Overdue =
        $"SELECT {BareTable.AllColumns} FROM bench_items WHERE is_returned = 0 AND (settled_on IS NULL OR settled_on > @AsOf) " +
        "AND effective_due_on < @AsOf ORDER BY effective_due_on, kind, session, number";

    /// <summary>Parameters of <see cref="Candidates"/> for a sweep on <paramref name="day"/>.</summary>
    public static Dictionary<string, object> CandidateParameters(DateOnly day) =>
        new(StringComparer.Ordinal) { ["@AsOf"] = Iso(day), ["@DueBy"] = Iso(day.AddDays(CandidateDays)) };

    /// <summary>Parameters of <see cref="YearGroups"/>: the year's items, replies counted to 31 December.</summary>
    public static Dictionary<string, object> YearParameters(int year) =>
        new(StringComparer.Ordinal)
        {
            ["@YearStart"] = Iso(new DateOnly(year, 1, 1)), ["@YearEnd"] = Iso(new DateOnly(year, 12, 31)), ["@AsOf"] = Iso(new DateOnly(year, 12, 31)),
        };

    /// <summary>Parameters of <see cref="Overdue"/>.</summary>
    public static Dictionary<string, object> OverdueParameters(DateOnly day) => new(StringComparer.Ordinal) { ["@AsOf"] = Iso(day) };

    /// <summary>
    /// Runs <paramref name="sql"/> and reads every value; returns the rows read and, when
    /// <paramref name="countColumn"/> is given, the sum of that column (the items a GROUP BY counted).
    /// </summary>
    public static async Task<(long Rows, long Counted)> ReadAllAsync(
        RawDatabase database, string sql, IReadOnlyDictionary<string, object> parameters, int? countColumn = null)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        long rows = 0, sum = 0;
        var fields = reader.FieldCount;
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            for (var i = 0; i < fields; i++)
            {
                if (!reader.IsDBNull(i)) _ = reader.GetValue(i);
            }
            if (countColumn is { } c) sum += Convert.ToInt64(reader.GetValue(c), CultureInfo.InvariantCulture);
            rows++;
        }
        return (rows, sum);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
