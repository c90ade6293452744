using System.Globalization;
using System.Text.Json;
using Proposals.Benchmarks.Harness;

namespace Proposals.Benchmarks.Replay;

/// <summary>
/// The days replayed: <c>--from</c> and <c>--through</c> when given; else from the first 交办日期 of the
/// imported file (as <c>proposals list --out FILE.json</c> gives the ledger, whatever the file's date
/// forms or format) through a year later, less a day: a bureau's round of reminders, replies,
/// evaluations and re-handling for the items of a year.
/// </summary>
internal static class ReplaySpan
{
    public static async Task<(DateOnly From, DateOnly Through)> FindAsync(
        ReplayOptions options, ProgramUnderTest program, string folder, IReadOnlyDictionary<string, string> settings)
    {
        var from = options.From ?? await FirstAssignedAsync(program, folder, settings).ConfigureAwait(false);
        var through = options.Through ?? from.AddYears(1).AddDays(-1);
        if (through < from)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"--through {through:yyyy-MM-dd} is before the first day replayed, {from:yyyy-MM-dd}"));
        }
        return (from, through);
    }

    private static async Task<DateOnly> FirstAssignedAsync(ProgramUnderTest program, string folder, IReadOnlyDictionary<string, string> settings)
    {
        var listed = Path.Combine(folder, "ledger.json");
        var result = await program.RunAsync(folder, ["list", "--out", listed], settings).ConfigureAwait(false);
        if (result.ExitCode != 0) throw new InvalidOperationException($"list --out {listed} exited {result.ExitCode}: {string.Join(" ", result.StderrHead)}");
        await using var file = File.OpenRead(listed);
        using var json = await JsonDocument.ParseAsync(file).ConfigureAwait(false);
        DateOnly? first = null;
        foreach (var item in json.RootElement.EnumerateArray())
        {
            if (item.TryGetProperty("assignedOn", out var assigned) && assigned.GetString() is { } text
                && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on)
                && (first is null || on < first))
            {
                first = on;
            }
        }
        return first ?? throw new InvalidOperationException("the imported file holds no item with a 交办日期: give --from DATE");
    }
}
