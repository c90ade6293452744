namespace Proposals.Benchmarks.Generation;

/// <summary>
/// The days the benchmark runs the program as of. Fixed rather than "today", so that the same seed
/// gives the same ledger, the same reminders owed and the same report on any day it is run.
/// </summary>
internal static class BenchDays
{
    /// <summary>The first assignment date of the generated ledger (交办日期).</summary>
    public static readonly DateOnly FirstAssigned = new(2020, 1, 2);

    /// <summary>
    /// The sweep day: a Monday that the shipped 2026 schedule keeps as a working day (the Dragon
    /// Boat holiday starts on the Friday), so a sweep on it owes reminders.
    /// </summary>
    public static readonly DateOnly SweepDay = new(2026, 6, 15);

    /// <summary>The working day after <see cref="SweepDay"/>: the second sweep, which owes only that day's new stages.</summary>
    public static readonly DateOnly NextDay = new(2026, 6, 16);

    /// <summary>The year whose figures <c>proposals report</c> computes: the last whole year of the ledger.</summary>
    public const int ReportYear = 2025;

    /// <summary>A day as the program's <c>--as-of</c> takes it: 09:00 in Beijing, when the worker sweeps.</summary>
    public static string SweepInstant(DateOnly day) =>
        day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T09:00:00+08:00";
}
