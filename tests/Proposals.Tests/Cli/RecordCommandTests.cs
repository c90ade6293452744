using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Cli;

/// <summary><c>proposals record ...</c> on a real SQLite ledger, as of 2019-10-15.</summary>
public sealed class RecordCommandTests : IAsyncLifetime
{
    private TempLedger _ledger = null!;
    private readonly Infrastructure.Cli _cli = new(clock: Infrastructure.Cli.At("2019-10-15"));

    public async Task InitializeAsync()
    {
        _ledger = await new TempLedger().WithDivisionsAsync();
        await new ItemStore(_ledger.Database).UpsertAsync([Make("0012", "2019-07-01", "2019-10-08", lead: "银行保险处", co: ["综合处"])]);
    }

    private Task<Infrastructure.Cli.Result> Record(params string[] args) =>
        _cli.RunAsync(["record", .. args, "--kind", "建议", "--session", "十五届一次", "--number", "0012", "--db", _ledger.Path]);

    private async Task<StoredItem> ItemAsync() => (await new ItemStore(_ledger.Database).FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "0012")))!;

    [Fact]
    public async Task Reply_IsRecorded_WithWhoAndHow_AndStopsTheLeadsReminders()
    {
        var result = await Record("reply", "--on", "2019-10-14", "--class", "B", "--by", "王芳");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("已记录 (recorded) 答复", result.Out, StringComparison.Ordinal);
        var stored = await ItemAsync();
        Assert.Equal((D("2019-10-14"), ReplyClass.B), (stored.Item.RepliedOn, stored.Item.ReplyClass));
        var fact = Assert.Single(await new FactStore(_ledger.Database, new ItemStore(_ledger.Database)).ForItemAsync(stored.Id));
        Assert.Equal(("王芳", "record", FactKind.Reply), (fact.RecordedBy, fact.Via, fact.Fact.Kind));
        Assert.Empty(ReminderPlan.OwedFor(stored.Item, D("2019-10-15"), Reminders.RealCalendar.China2019And2020, ReminderPolicy.Default));
    }

    [Theory]
    [InlineData(new[] { "ack", "--on", "2019-07-02" }, "已签收")]
    [InlineData(new[] { "co-input", "--division", "综合处", "--on", "2019-07-25" }, "已交办")]
    [InlineData(new[] { "extension", "--to", "2019-12-31", "--approved-on", "2019-09-20", "--reason", "涉及多部门协调" }, "延期")]
    public async Task EachFact_IsRecorded_AndTheStatusFollows(string[] args, string status)
    {
        var result = await Record(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"状态 {status}", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluation_AfterTheReply_ThenReHandling_IsDueAMonthLater()
    {
        await Record("reply", "--on", "2019-10-08", "--class", "C");

        var evaluated = await Record("evaluation", "--on", "2019-10-10", "--satisfaction", "不满意");

        Assert.Equal(0, evaluated.ExitCode);
        Assert.Contains("状态 重新办理", evaluated.Out, StringComparison.Ordinal);
        Assert.Equal(D("2019-11-11"), (await ItemAsync()).Item.RehandleDueOn);
    }

    [Theory]
    [InlineData(new[] { "reply", "--on", "2019-06-30", "--class", "A" }, "早于交办日期")]
    [InlineData(new[] { "reply", "--on", "2019-10-14" }, "答复需注明答复类别")]
    [InlineData(new[] { "evaluation", "--satisfaction", "满意" }, "尚未答复")]
    [InlineData(new[] { "co-input", "--division", "法规处" }, "不是此事项的协办处室")]
    [InlineData(new[] { "reply", "--class", "E" }, "--class: 无法识别")]
    public async Task AFactThatContradictsTheRecord_IsExit2_AndWritesNothing(string[] args, string message)
    {
        var before = await ItemAsync();

        var result = await Record(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(before.Item, (await ItemAsync()).Item with { CoDivisions = before.Item.CoDivisions, CoInputs = before.Item.CoInputs });
    }

    [Fact]
    public async Task AnUnknownItem_IsExit2_NamingIt()
    {
        var result = await _cli.RunAsync("record", "ack", "--kind", "提案", "--session", "十四届一次", "--number", "0099", "--db", _ledger.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("台账中没有事项 提案 十四届一次 0099", result.Error, StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        _ledger.Dispose();
        return Task.CompletedTask;
    }
}
