using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Proposals.Tests.Infrastructure;

namespace Proposals.Tests.Sweep;

/// <summary><c>proposals reminders</c>: the record of what was sent to whom, after a real sweep through a real SMTP conversation.</summary>
public sealed class RemindersCommandTests : IAsyncLifetime
{
    private TempLedger _ledger = null!;
    private readonly ScriptedSmtpServer _server = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse(SweepLedger.Day, System.Globalization.CultureInfo.InvariantCulture));

    public async Task InitializeAsync()
    {
        _ledger = await SweepLedger.CreateAsync();
        _server.RefuseRecipient("fuwu@finance.example.org", "550 5.1.1 <fuwu@finance.example.org>: Recipient address rejected");
        var swept = await Cli().RunAsync("sweep", "--as-of", SweepLedger.Day, "--db", _ledger.Path);
        Assert.Equal(0, swept.ExitCode);
    }

    private Infrastructure.Cli Cli() => new(SweepLedger.Smtp(_server.Port), _clock);

    [Fact]
    public async Task Json_GivesEveryReminder_WithThePinnedFields()
    {
        var result = await Cli().RunAsync("reminders", "--format", "json", "--db", _ledger.Path);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        foreach (var field in new[] { "kind", "session", "number", "division", "role", "stage", "notice", "dueOn", "state", "sentAt", "to", "cc", "messageId", "emailOn", "error" })
            Assert.All(rows, r => Assert.True(r.TryGetProperty(field, out _), $"no {field}"));
        var sent = rows.Single(r => r.GetProperty("state").GetString() == "sent");
        Assert.Equal(("npc", "十五届一次", "0012", "银行保险处", "lead", "before-1", "2019-10-08"),
            (S(sent, "kind"), S(sent, "session"), S(sent, "number"), S(sent, "division"), S(sent, "role"), S(sent, "stage"), S(sent, "dueOn")));
        Assert.Equal("yinbao@finance.example.org", S(sent, "to"));
        Assert.Equal("2019-09-30T09:00:00+08:00", S(sent, "sentAt"));
        Assert.StartsWith("reminder.npc.20191008.", S(sent, "messageId"), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("error").ValueKind);
        var failed = rows.Single(r => r.GetProperty("state").GetString() == "failed");
        Assert.Equal(("cppcc", "overdue-1", "fuwu@finance.example.org"), (S(failed, "kind"), S(failed, "stage"), S(failed, "to")));
        Assert.Contains("550 5.1.1", S(failed, "error"), StringComparison.Ordinal);
        Assert.Equal([SweepLedger.Coordinator], failed.GetProperty("cc").EnumerateArray().Select(c => c.GetString()));
    }

    [Theory]
    [InlineData(new[] { "--state", "failed" }, "0027")]
    [InlineData(new[] { "--division", "银行保险处" }, "0012")]
    [InlineData(new[] { "--kind", "提案", "--session", "十四届三次", "--number", "0027" }, "0027")]
    [InlineData(new[] { "--since", "2019-09-30" }, "0027,0012")]
    [InlineData(new[] { "--since", "2019-10-01" }, "")]
    public async Task Filters_NarrowTheRecord(string[] filter, string numbers)
    {
        var result = await Cli().RunAsync(["reminders", "--format", "json", "--db", _ledger.Path, .. filter]);

        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(numbers, string.Join(",", json.RootElement.EnumerateArray().Select(r => S(r, "number"))));
    }

    [Fact]
    public async Task Table_ShowsWhoWhenAndTheServersWords_OneLineEach()
    {
        var result = await Cli().RunAsync("reminders", "--db", _ledger.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("已发送", result.Out, StringComparison.Ordinal);
        Assert.Contains("2019-09-30 09:00 +08:00", result.Out, StringComparison.Ordinal);
        Assert.Contains("发送失败", result.Out, StringComparison.Ordinal);
        Assert.Contains("550 5.1.1", result.Out, StringComparison.Ordinal);
        Assert.Contains("共 2 条", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnItemNamedByHalf_IsExit2()
    {
        var result = await Cli().RunAsync("reminders", "--kind", "建议", "--db", _ledger.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--kind, --session 和 --number 需一起给出", result.Error, StringComparison.Ordinal);
    }

    private static string S(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _ledger.Dispose();
    }
}
