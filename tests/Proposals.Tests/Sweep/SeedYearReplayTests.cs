using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Proposals.Domain.Calendar;
using Proposals.Tests.Infrastructure;

namespace Proposals.Tests.Sweep;

/// <summary>
/// The seeds' own year, 2018, replayed one working day at a time through <c>proposals sweep</c>:
/// once from the seed file as it is, whose 协办意见送达 column records each co-division's input,
/// and once from a copy with that column emptied, the ledger as it stood before inputs were
/// recorded. A recorded input ends that co-division's reminders: no 督办 goes to it, which is what
/// the unrecorded year did.
/// </summary>
public sealed partial class SeedYearReplayTests : IDisposable
{
    private static readonly DateOnly First = new(2018, 3, 20);
    // The last reply of the year is on 2018-07-05: after it nothing is owed.
    private static readonly DateOnly Last = new(2018, 7, 6);

    // The seed's co-divisions and the day each delivered its input (协办意见送达): number, division, delivered on.
    private static readonly (string Number, string Division, DateOnly DeliveredOn)[] CoInputs =
    [
        ("0012", "银行保险处", new(2018, 4, 13)),
        ("0045", "法规处", new(2018, 4, 16)),
        ("0045", "综合处", new(2018, 4, 18)),
        ("0103", "法规处", new(2018, 5, 4)),
        ("0131", "银行保险处", new(2018, 5, 7)),
        ("0131", "金融服务处", new(2018, 5, 9)),
        ("0056", "金融服务处", new(2018, 4, 24)),
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("proposals-replay-").FullName;

    [Fact]
    public async Task ARecordedCoInput_EndsThatCoDivisionsReminders_AllYear()
    {
        var unrecorded = await ReplayAsync("unrecorded", await WithoutCoInputsAsync());
        var recorded = await ReplayAsync("recorded", Seeds("proposals-2018.csv"));

        // Without a way to record the input, co-divisions were escalated after their month was up.
        Assert.Contains(unrecorded, r => r.Role == "co" && r.Stage.StartsWith("overdue-", StringComparison.Ordinal));
        // With it, none is, and nothing at all reaches a co-division after its input.
        Assert.DoesNotContain(recorded, r => r.Role == "co" && r.Stage.StartsWith("overdue-", StringComparison.Ordinal));
        foreach (var input in CoInputs)
        {
            var late = recorded.Where(r => r.Number == input.Number && r.Division == input.Division && r.Role == "co" && r.SentOn > input.DeliveredOn).ToList();
            Assert.True(late.Count == 0, $"{input.Number} {input.Division}: {string.Join("; ", late)}");
        }
        // The lead divisions' reminders are the same in both years: recording an input touches no one else.
        Assert.Equal(unrecorded.Where(r => r.Role == "lead").Select(r => r.ToString()), recorded.Where(r => r.Role == "lead").Select(r => r.ToString()));
    }

    /// <summary>A copy of the seed file with every 协办意见送达 cell emptied (the cells are the only ones holding 处室:日期).</summary>
    private async Task<string> WithoutCoInputsAsync()
    {
        var seed = await File.ReadAllTextAsync(Seeds("proposals-2018.csv"));
        var emptied = CoInputCell().Replace(seed, ",");
        Assert.NotEqual(seed, emptied);
        var copy = Path.Combine(_folder, "proposals-2018-without-co-inputs.csv");
        await File.WriteAllTextAsync(copy, emptied);
        return copy;
    }

    [GeneratedRegex(@",[^,"":]+:\d{4}/\d{1,2}/\d{1,2}(?:[；、;][^,"":]+:\d{4}/\d{1,2}/\d{1,2})*(?=,)")]
    private static partial Regex CoInputCell();

    private async Task<List<Sent>> ReplayAsync(string name, string proposals)
    {
        var ledger = Path.Combine(_folder, $"{name}.db");
        var clock = new FakeTimeProvider(At(First));
        var cli = new Infrastructure.Cli(new Dictionary<string, string?>
        {
            ["Mail:PickupDirectory"] = Path.Combine(_folder, $"{name}-outbox"),
            ["Reports:Directory"] = Path.Combine(_folder, $"{name}-reports"),
        }, clock);
        Ok(await cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", ledger));
        Ok(await cli.RunAsync("import", "proposals", proposals, "--db", ledger));
        var calendar = new WorkingCalendar(ShippedCalendar.Load());
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day)) continue;
            clock.SetUtcNow(At(day));
            var sweep = await cli.RunAsync("sweep", "--as-of", $"{Iso(day)}T09:00:00+08:00", "--db", ledger);
            Assert.True(sweep.ExitCode == 0, $"{name} {Iso(day)}: {sweep.Error}");
        }
        var listed = await cli.RunAsync("reminders", "--state", "sent", "--format", "json", "--db", ledger);
        Ok(listed);
        using var json = JsonDocument.Parse(listed.Out);
        return json.RootElement.EnumerateArray().Select(r => new Sent(
            S(r, "number"), S(r, "division"), S(r, "role"), S(r, "stage"), S(r, "dueOn"),
            DateOnly.FromDateTime(DateTimeOffset.Parse(S(r, "sentAt"), CultureInfo.InvariantCulture).DateTime))).ToList();
    }

    // SentOn: the replay's clock stands at 09:00 of the day swept, so the day the reminder went.
    private sealed record Sent(string Number, string Division, string Role, string Stage, string DueOn, DateOnly SentOn);

    private static void Ok(Infrastructure.Cli.Result result) => Assert.True(result.ExitCode == 0, result.Error);

    private static string S(JsonElement row, string field) => row.GetProperty(field).GetString() ?? "";

    private static string Seeds(string file) => Path.Combine(RepositoryRoot.Path, "seeds", file);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
