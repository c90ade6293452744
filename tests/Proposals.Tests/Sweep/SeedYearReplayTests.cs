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
/// the unrecorded year did. A third replay leaves one item unanswered and checks the morning email's
/// bounds: one email per division per working day, an item on a bounded number of days, the
/// coordinator's summary and 通报 once a day and once a week.
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

        // Without the inputs recorded, co-divisions were escalated after their month was up, once each
        // (Reminders:MaxCoInputNotices 1), and then the lead division was told whose input is late.
        var coOverdue = unrecorded.Where(r => r.Role == "co" && r.Stage.StartsWith("overdue-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(coOverdue);
        Assert.All(coOverdue.GroupBy(r => (r.Number, r.Division)), g => Assert.Single(g));
        Assert.Contains(unrecorded, r => r.Role == "lead" && r.Stage == "co-input-late");
        // With them, none is, and nothing at all reaches a co-division after its input.
        Assert.DoesNotContain(recorded, r => r.Role == "co" && r.Stage.StartsWith("overdue-", StringComparison.Ordinal));
        Assert.DoesNotContain(recorded, r => r.Stage == "co-input-late");
        foreach (var input in CoInputs)
        {
            var late = recorded.Where(r => r.Number == input.Number && r.Division == input.Division && r.Role == "co" && r.SentOn > input.DeliveredOn).ToList();
            Assert.True(late.Count == 0, $"{input.Number} {input.Division}: {string.Join("; ", late)}");
        }
        // The lead divisions' own reminders are the same in both years: recording an input touches no one else.
        static IEnumerable<string> Lead(List<Sent> year) => year.Where(r => r.Role == "lead" && r.Stage != "co-input-late").Select(r => r.ToString());
        Assert.Equal(Lead(unrecorded), Lead(recorded));
    }

    [Fact]
    public async Task TheSeedYear_SendsADivisionOneEmailAWorkingDayAtMost_AndAnItemOnBoundedDays()
    {
        // One item left unanswered all year: its notices stop after Reminders:MaxOverdueNotices (3) and it
        // stays in the weekly 通报 instead.
        var unanswered = await WithoutReplyAsync("0012");
        var sent = await ReplayAsync("bounded", unanswered, through: new DateOnly(2018, 9, 28));
        var mail = Mail("bounded");

        // At most one email per division per working day, whatever it holds; its rows share its Message-ID.
        Assert.All(sent.Where(r => r.EmailOn is not null).GroupBy(r => (r.Division, r.EmailOn)), g => Assert.Single(g.Select(r => r.MessageId).Distinct()));
        Assert.All(mail.Where(m => m.Kind == "reminders").GroupBy(m => (m.To, m.Day)), g => Assert.Single(g));
        // 综合处 gets one summary a day at most, and one 通报 a week.
        Assert.All(mail.Where(m => m.Kind == "summary").GroupBy(m => m.Day), g => Assert.Single(g));
        Assert.All(mail.Where(m => m.Kind == "bulletin").GroupBy(m => System.Globalization.ISOWeek.GetWeekOfYear(m.Day.ToDateTime(TimeOnly.MinValue))), g => Assert.Single(g));
        Assert.Contains(mail, m => m.Kind == "bulletin" && m.Subject.Contains("超期未办复1件", StringComparison.Ordinal));
        // Nobody but the division and, for a 督办 of an item it leads, its head is on a division's email.
        Assert.DoesNotContain(mail, m => m.Kind == "reminders" && m.Cc.Contains("zonghe@finance.example.org", StringComparer.Ordinal));
        // An item is in a division's email on at most (before-due stages + due date + MaxOverdueNotices) days for
        // a due date, plus one for 签收.
        const int bound = 4 + 1 + 3;
        foreach (var line in sent.Where(r => r.Stage != "ack" && r.EmailOn is not null).GroupBy(r => (r.Number, r.Division, r.Round, r.DueOn)))
            Assert.True(line.Select(r => r.EmailOn).Distinct().Count() <= bound, $"{line.Key}: {string.Join(", ", line.Select(r => r.EmailOn))}");
        var notices = sent.Where(r => r.Number == "0012" && r.Role == "lead" && r.Stage.StartsWith("overdue-", StringComparison.Ordinal)).ToList();
        Assert.Equal([1, 2, 3], notices.Select(r => r.Notice));
    }

    /// <summary>A copy of the seed file with item <paramref name="number"/>'s reply (答复日期, 答复类别, 满意度) emptied.</summary>
    private async Task<string> WithoutReplyAsync(string number)
    {
        var lines = (await File.ReadAllLinesAsync(Seeds("proposals-2018.csv"))).ToList();
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        int At(string column) => Array.IndexOf(header, column);
        for (var i = 1; i < lines.Count; i++)
        {
            var cells = lines[i].Split(',');
            if (cells[At("编号")] != number) continue;
            cells[At("答复日期")] = cells[At("答复类别")] = cells[At("满意度")] = "";
            lines[i] = string.Join(",", cells);
        }
        var copy = Path.Combine(_folder, $"proposals-2018-without-{number}-reply.csv");
        await File.WriteAllLinesAsync(copy, lines, new System.Text.UTF8Encoding(true));
        return copy;
    }

    /// <summary>The emails a replay wrote to its pickup folder: kind (reminders, summary, bulletin), day, To, Cc, subject.</summary>
    private List<Written> Mail(string name) =>
        Directory.EnumerateFiles(Path.Combine(_folder, $"{name}-outbox"), "*.eml").Select(file =>
        {
            var message = MimeKit.MimeMessage.Load(file);
            return new Written((message.MessageId ?? "").Split('.')[0], DateOnly.FromDateTime(message.Date.ToOffset(TimeSpan.FromHours(8)).DateTime),
                message.To.Mailboxes.Single().Address, message.Cc.Mailboxes.Select(m => m.Address).ToList(), message.Subject ?? "");
        }).ToList();

    private sealed record Written(string Kind, DateOnly Day, string To, IReadOnlyList<string> Cc, string Subject);

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

    private async Task<List<Sent>> ReplayAsync(string name, string proposals, DateOnly? through = null)
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
        for (var day = First; day <= (through ?? Last); day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day)) continue;
            clock.SetUtcNow(At(day));
            var sweep = await cli.RunAsync("sweep", "--as-of", $"{Iso(day)}T09:00:00+08:00", "--db", ledger);
            Assert.True(sweep.ExitCode == 0, $"{name} {Iso(day)}: {sweep.Error}");
        }
        var listed = await cli.RunAsync("reminders", "--state", "sent", "--format", "json", "--db", ledger);
        Ok(listed);
        using var json = JsonDocument.Parse(listed.Out);
        return json.RootElement.EnumerateArray().Reverse().Select(r => new Sent(
            S(r, "number"), S(r, "division"), S(r, "role"), S(r, "stage"), S(r, "dueOn"),
            DateOnly.FromDateTime(DateTimeOffset.Parse(S(r, "sentAt"), CultureInfo.InvariantCulture).DateTime))
        {
            Round = S(r, "round"),
            Notice = r.GetProperty("notice").ValueKind == JsonValueKind.Number ? r.GetProperty("notice").GetInt32() : null,
            EmailOn = r.GetProperty("emailOn").ValueKind == JsonValueKind.String ? S(r, "emailOn") : null,
            MessageId = S(r, "messageId"),
        }).ToList();
    }

    // SentOn: the replay's clock stands at 09:00 of the day swept, so the day the reminder went.
    private sealed record Sent(string Number, string Division, string Role, string Stage, string DueOn, DateOnly SentOn)
    {
        public string Round { get; init; } = "";
        public int? Notice { get; init; }
        public string? EmailOn { get; init; }
        public string MessageId { get; init; } = "";

        // What the two years compare: the reminder, not the email that carried it.
        public override string ToString() => $"{Number} {Division} {Role} {Stage} {DueOn} {SentOn:yyyy-MM-dd}";
    }

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
