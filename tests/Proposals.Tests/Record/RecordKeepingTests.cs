using System.Text.Json;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using Proposals.Tests.Import;
using Proposals.Tests.Infrastructure;

namespace Proposals.Tests.Record;

/// <summary>
/// The ledger never forgets and never rewrites a closed year, through the front door (the command line)
/// on every provider, as of 2019-10-15: item 0012 assigned 2019-07-01, due 2019-10-08 (3 months, past
/// National Day), lead 银行保险处, co-division 综合处.
/// </summary>
public abstract class RecordKeepingTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("proposals-record-").FullName;
    private readonly Infrastructure.Cli _cli;
    private const string Header = "类别,届次,编号,标题,主办处室,协办处室,交办日期,答复日期,答复类别,满意度,测评日期,协办意见送达,延期至,延期原因,延期批准日期,承办方式";
    private const string Plain = "建议,十五届一次,0012,关于普惠金融的建议,银行保险处,综合处,2019-07-01,,,,,,,,,";

    private readonly IReadOnlyDictionary<string, string?> _settings;

    protected RecordKeepingTests(IReadOnlyDictionary<string, string?> settings, string[] target)
    {
        _settings = settings;
        _cli = new Infrastructure.Cli(settings, Infrastructure.Cli.At("2019-10-15"));
        Target = target;
    }

    /// <summary>The arguments that point a command at this test's ledger.</summary>
    protected string[] Target { get; }

    /// <summary>The ledger, read directly.</summary>
    protected abstract LedgerDatabase Database { get; }

    public virtual async Task InitializeAsync()
    {
        var divisions = LedgerCsv.Write(_folder, "divisions.csv", "处室,邮箱", ["银行保险处,yinbao@finance.example.org", "综合处,zonghe@finance.example.org", "金融服务处,fuwu@finance.example.org"]);
        Assert.Equal(0, (await Run("import", "divisions", divisions)).ExitCode);
        Assert.Equal(0, (await Import(Plain)).ExitCode);
    }

    public virtual Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private Task<Infrastructure.Cli.Result> Run(params string[] args) => _cli.RunAsync([.. args, .. Target]);

    private Task<Infrastructure.Cli.Result> Import(string row, params string[] options) =>
        Run(["import", "proposals", LedgerCsv.Write(_folder, $"ledger-{Guid.NewGuid():N}.csv", Header, [row]), .. options]);

    private Task<Infrastructure.Cli.Result> Record(params string[] args) =>
        Run(["record", .. args, "--kind", "建议", "--session", "十五届一次", "--number", "0012"]);

    private async Task<Item> ItemAsync() => (await new ItemStore(Database).FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "0012")))!.Item;

    private async Task<JsonElement> HistoryAsync()
    {
        var result = await Run("history", "--kind", "建议", "--session", "十五届一次", "--number", "0012", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Out).RootElement;
    }

    private async Task<JsonElement> ReportAsync(string asOf)
    {
        var result = await Run("report", "--year", "2019", "--as-of", asOf, "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Out).RootElement.GetProperty("kinds").GetProperty("npc");
    }

    [Fact]
    public async Task ReImport_AfterADivisionAnswered_LosesNothing()
    {
        Assert.Equal(0, (await Record("reply", "--on", "2019-10-08", "--class", "A", "--by", "银行保险处")).ExitCode);
        Assert.Equal(0, (await Record("co-input", "--division", "综合处", "--on", "2019-07-25")).ExitCode);

        var again = await Import(Plain);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("更新 0, 未变 1", again.Out, StringComparison.Ordinal);
        var item = await ItemAsync();
        Assert.Equal((new DateOnly(2019, 10, 8), ReplyClass.A), (item.RepliedOn, item.ReplyClass));
        Assert.Equal([new CoInput("综合处", new DateOnly(2019, 7, 25))], item.CoInputs);
    }

    [Fact]
    public async Task AFileWithAnExtensionTypedOnADayOff_ImportedAgain_ChangesNothing()
    {
        // 2019-12-01 is a Sunday: the extension ends on Monday 2019-12-02 (Civil Code art. 203).
        const string row = "建议,十五届一次,0012,关于普惠金融的建议,银行保险处,综合处,2019-07-01,,,,,,2019-12-01,涉及多部门协调,2019-09-20,";
        Assert.Equal(0, (await Import(row)).ExitCode);

        var again = await Import(row);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("更新 0, 未变 1", again.Out, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2019, 12, 2), (await ItemAsync()).EffectiveDueOn);
    }

    [Fact]
    public async Task ACellThatContradictsARecordedFact_IsAConflict_NamingRowColumnValueAndWho_AndWritesNothing()
    {
        await Record("reply", "--on", "2019-10-08", "--class", "A", "--by", "王芳");

        var conflict = await Import("建议,十五届一次,0012,改过的标题,银行保险处,综合处,2019-07-01,2019-10-09,B,,,,,,,");

        Assert.Equal(2, conflict.ExitCode);
        Assert.Contains("第2行 [答复日期] 与台账记录冲突: 答复 台账为 2019-10-08 A（王芳 (record", conflict.Error, StringComparison.Ordinal);
        Assert.Contains("文件为 2019-10-09 B", conflict.Error, StringComparison.Ordinal);
        Assert.Contains("--file-wins", conflict.Error, StringComparison.Ordinal);
        var item = await ItemAsync();
        Assert.Equal(("关于普惠金融的建议", new DateOnly(2019, 10, 8)), (item.Title, item.RepliedOn));
    }

    [Fact]
    public async Task AnotherReplyClassOnTheSameDay_IsAConflictNamedByTheClassColumn()
    {
        await Record("reply", "--on", "2019-10-08", "--class", "A");

        var conflict = await Import("建议,十五届一次,0012,关于普惠金融的建议,银行保险处,综合处,2019-07-01,2019-10-08,B,,,,,,,");

        Assert.Equal(2, conflict.ExitCode);
        Assert.Contains("第2行 [答复类别] 与台账记录冲突: 答复 台账为 2019-10-08 A", conflict.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileWins_TakesTheFilesFact_AndTheReplacedOneStaysInTheHistory_Undone()
    {
        await Record("reply", "--on", "2019-10-08", "--class", "A", "--by", "王芳");

        var won = await Import("建议,十五届一次,0012,关于普惠金融的建议,银行保险处,综合处,2019-07-01,2019-10-09,B,,,,,,,", "--file-wins", "--by", "李雷");

        Assert.True(won.ExitCode == 0, won.Error);
        Assert.Equal((new DateOnly(2019, 10, 9), ReplyClass.B), ((await ItemAsync()).RepliedOn, (await ItemAsync()).ReplyClass));
        var replies = (await HistoryAsync()).GetProperty("facts").EnumerateArray().Where(f => f.GetProperty("fact").GetString() == "reply").ToList();
        Assert.Equal(2, replies.Count);
        Assert.Equal(("2019-10-08", "王芳", "record", "李雷"), (replies[0].GetProperty("on").GetString(), replies[0].GetProperty("recordedBy").GetString(),
            replies[0].GetProperty("via").GetString(), replies[0].GetProperty("undoneBy").GetString()));
        Assert.Equal(("2019-10-09", "李雷", "import", false), (replies[1].GetProperty("on").GetString(), replies[1].GetProperty("recordedBy").GetString(),
            replies[1].GetProperty("via").GetString(), replies[1].TryGetProperty("undoneAt", out _)));
    }

    [Fact]
    public async Task History_PrintsEveryFact_WithWhenWhoAndHow_AndTheRemindersSent()
    {
        await Record("ack", "--on", "2019-07-02", "--by", "银行保险处");
        await Record("reply", "--on", "2019-10-08", "--class", "A");

        var history = await HistoryAsync();

        Assert.Equal("0012", history.GetProperty("item").GetProperty("number").GetString());
        var facts = history.GetProperty("facts").EnumerateArray().ToList();
        Assert.Equal(["ack", "reply"], facts.Select(f => f.GetProperty("fact").GetString()));
        Assert.All(facts, f => Assert.Equal("record", f.GetProperty("via").GetString()));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$", facts[0].GetProperty("recordedAt").GetString());
        Assert.Equal(JsonValueKind.Array, history.GetProperty("reminders").ValueKind);
    }

    [Fact]
    public async Task Undo_TakesTheLatestFactBack_RefusingWhileALaterOneRestsOnIt_AndAReImportOfTheUndoneValueIsAConflict()
    {
        await Record("reply", "--on", "2019-10-08", "--class", "A");
        await Record("evaluation", "--on", "2019-10-10", "--satisfaction", "满意");

        var refused = await Record("undo", "--fact", "reply", "--reason", "录错了");
        var evaluation = await Record("undo", "--fact", "evaluation", "--reason", "录错了");
        var reply = await Record("undo", "--fact", "reply", "--reason", "录错了", "--by", "韩梅梅");
        var reimported = await Import("建议,十五届一次,0012,关于普惠金融的建议,银行保险处,综合处,2019-07-01,2019-10-08,A,,,,,,,");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("请先撤销测评 (the reply was evaluated: undo the evaluation first)", refused.Error, StringComparison.Ordinal);
        Assert.Equal((0, 0), (evaluation.ExitCode, reply.ExitCode));
        Assert.Null((await ItemAsync()).RepliedOn);
        Assert.Equal(2, reimported.ExitCode);
        Assert.Contains("已于", reimported.Error, StringComparison.Ordinal);
        Assert.Contains("韩梅梅 撤销（录错了）", reimported.Error, StringComparison.Ordinal);
        var undone = (await HistoryAsync()).GetProperty("facts").EnumerateArray().Single(f => f.GetProperty("fact").GetString() == "reply");
        Assert.Equal(("韩梅梅", "录错了"), (undone.GetProperty("undoneBy").GetString(), undone.GetProperty("undoReason").GetString()));
    }

    [Fact]
    public async Task AnUndoneEvaluation_RestatedByAFileWithoutItsDate_IsAConflict()
    {
        await Record("reply", "--on", "2019-10-08", "--class", "A");
        await Record("evaluation", "--on", "2019-10-12", "--satisfaction", "满意");
        await Record("undo", "--fact", "evaluation", "--reason", "代表未测评");

        var reimported = await Import("建议,十五届一次,0012,关于普惠金融的建议,银行保险处,综合处,2019-07-01,,,满意,,,,,,");

        Assert.Equal(2, reimported.ExitCode);
        Assert.Contains("[满意度]", reimported.Error, StringComparison.Ordinal);
        Assert.Contains("撤销（代表未测评）", reimported.Error, StringComparison.Ordinal);
        Assert.Null((await ItemAsync()).Satisfaction);
    }

    [Fact]
    public async Task UndoingAnAcknowledgement_WithoutADivision_TakesTheLeadsBack_NotACoDivisions()
    {
        await Record("ack", "--on", "2019-07-02");
        await Record("ack", "--division", "综合处", "--on", "2019-07-03");

        var undone = await Record("undo", "--fact", "ack", "--reason", "错");
        var coInput = await Record("undo", "--fact", "co-input", "--reason", "错");

        Assert.Equal(0, undone.ExitCode);
        Assert.Null((await ItemAsync()).AcknowledgedOn);
        var acks = (await HistoryAsync()).GetProperty("facts").EnumerateArray().Where(f => f.GetProperty("fact").GetString() == "ack").ToList();
        Assert.Equal((true, false), (acks[0].TryGetProperty("undoneAt", out _), acks[1].TryGetProperty("undoneAt", out _)));
        Assert.Equal(2, coInput.ExitCode);
        Assert.Contains("--division", coInput.Error, StringComparison.Ordinal);
    }

    [Theory]
    // Approved after the due date in force (2019-10-08): refused.
    [InlineData("2019-10-09", "2019-12-31", null, 2, "延期批准日期 2019-10-09 晚于现行期限 2019-10-08")]
    // More than Ledger:MaxExtensionMonths (6) after 交办: 2020-01-01 + moved off days off is 2020-01-02.
    [InlineData("2019-09-20", "2020-01-03", null, 2, "超过交办后 6 个月 (2020-01-02, Ledger:MaxExtensionMonths)")]
    [InlineData("2019-09-20", "2020-01-02", null, 0, "状态 延期")]
    [InlineData("2019-10-09", "2020-03-31", "省政府批准的特殊情况", 0, "状态 延期")]
    public async Task AnExtension_IsApprovedBeforeTheDueDate_WithinTheCap_UnlessOverridden(string approvedOn, string to, string? overriding, int exit, string says)
    {
        string[] args = ["extension", "--to", to, "--approved-on", approvedOn, "--reason", "涉及多部门协调"];
        var result = await Record(overriding is null ? args : [.. args, "--override", overriding]);

        Assert.True(result.ExitCode == exit, result.Error + result.Out);
        Assert.Contains(says, result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALateExtension_DoesNotMoveAReportAsOfADayBeforeItsApproval()
    {
        var before = await ReportAsync("2019-10-12");
        await Record("extension", "--to", "2019-12-31", "--approved-on", "2019-10-14", "--reason", "补批", "--override", "交办单位补发批复");

        var again = await ReportAsync("2019-10-12");
        var after = await ReportAsync("2019-10-15");

        Assert.Equal((1, 0), (before.GetProperty("overdueOpen").GetInt32(), before.GetProperty("extended").GetInt32()));
        Assert.Equal(before.GetRawText(), again.GetRawText());
        Assert.Equal((0, 1, 1), (after.GetProperty("overdueOpen").GetInt32(), after.GetProperty("extended").GetInt32(), after.GetProperty("openNotDue").GetInt32()));
    }

    //  10-08 due ── 10-12 a list as of this day ── 10-14 a late extension to 12-31 approved (overridden)
    [Fact]
    public async Task TheOverdueList_AsOfADayBeforeAnExtensionsApproval_StillListsTheItem_AsTheReportCountsIt()
    {
        await Record("extension", "--to", "2019-12-31", "--approved-on", "2019-10-14", "--reason", "补批", "--override", "交办单位补发批复");

        var before = await Run("list", "--overdue", "--as-of", "2019-10-12", "--format", "json");
        var after = await Run("list", "--overdue", "--as-of", "2019-10-15", "--format", "json");

        var listed = JsonDocument.Parse(before.Out).RootElement.EnumerateArray().Single();
        Assert.Equal(("0012", true, "2019-10-08"), (listed.GetProperty("number").GetString(), listed.GetProperty("overdue").GetBoolean(), listed.GetProperty("dueOn").GetString()));
        Assert.Empty(JsonDocument.Parse(after.Out).RootElement.EnumerateArray());
        Assert.Equal(1, (await ReportAsync("2019-10-12")).GetProperty("overdueOpen").GetInt32());
    }

    [Fact]
    public async Task AReturn_IsARequest_TheItemStaysTheBureausUntilApproved_ThenCountsForNobody()
    {
        var asked = await Record("return", "--on", "2019-07-05", "--reason", "不属本单位职责");
        var whileAsked = await ItemAsync();
        var decided = await Record("return-decision", "--approved", "--on", "2019-07-10", "--decided-by", "市人大代表工委");

        Assert.Equal(0, asked.ExitCode);
        Assert.Contains("申请已记录，待决定", asked.Out, StringComparison.Ordinal);
        Assert.True(whileAsked.IsReturnPending);
        Assert.False(whileAsked.IsReturned);
        Assert.True(whileAsked.IsOverdue(new DateOnly(2019, 10, 15)));
        Assert.Equal(0, decided.ExitCode);
        Assert.True((await ItemAsync()).IsReturned);
        var report = await ReportAsync("2019-10-15");
        Assert.Equal((0, 1), (report.GetProperty("assigned").GetInt32(), report.GetProperty("returned").GetInt32()));
    }

    [Fact]
    public async Task AReturn_Refused_LeavesTheItemAsItWas_AndALateRequestIsRefusedUnlessOverridden()
    {
        await Record("return", "--on", "2019-07-05", "--reason", "不属本单位职责");
        var refusedDecision = await Record("return-decision", "--refused", "--on", "2019-07-08");
        var late = await Record("return", "--on", "2019-07-20", "--reason", "再次申请");
        var overridden = await Record("return", "--on", "2019-07-20", "--reason", "再次申请", "--override", "交办单位同意补办");

        Assert.Equal(0, refusedDecision.ExitCode);
        Assert.Equal(2, late.ExitCode);
        Assert.Contains("逾期不作调整", late.Error, StringComparison.Ordinal);
        Assert.Equal(0, overridden.ExitCode);
        Assert.False((await ItemAsync()).IsReturned);
    }

    [Fact]
    public async Task Split_IsALeadOfItsOwnPart_WithItsOwnReplyAndThreeMonths()
    {
        var imported = await Import("建议,十五届一次,0013,关于分办的建议,金融服务处,,2019-07-01,2019-10-08,B,,,,,,,分办");
        var item = (await new ItemStore(Database).FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "0013")))!.Item;

        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Equal((BureauRole.Split, null, new DateOnly(2019, 10, 8), ReplyClass.B), (item.BureauRole, item.RoleText, item.DueOn, item.ReplyClass));
        var report = await ReportAsync("2019-10-15");
        Assert.Equal((2, 0), (report.GetProperty("assigned").GetInt32(), report.GetProperty("assisting").GetInt32()));
    }

    [Fact]
    public async Task AClosedYear_KeepsItsSentFigures_AndALaterReportNamesWhatMovedAndWhy()
    {
        var settings = new Dictionary<string, string?>(_settings)
        {
            ["Mail:PickupDirectory"] = Path.Combine(_folder, "outbox"), ["Reports:Directory"] = Path.Combine(_folder, "reports"),
        };
        var january = new Infrastructure.Cli(settings, Infrastructure.Cli.At("2020-01-10"));
        var sent = await january.RunAsync(["report", "send", "--period", "2019-annual", .. Target]);
        var unchanged = await january.RunAsync(["report", "--year", "2019", "--format", "json", .. Target]);
        await january.RunAsync(["record", "reply", "--on", "2019-12-20", "--class", "A", "--by", "王芳", "--kind", "建议", "--session", "十五届一次", "--number", "0012", .. Target]);

        var moved = await january.RunAsync(["report", "--year", "2019", .. Target]);

        Assert.True(sent.ExitCode == 0, sent.Error + sent.Out);
        Assert.Contains("现在的数字与发送时一致", unchanged.Error, StringComparison.Ordinal);
        Assert.Equal(0, moved.ExitCode);
        Assert.True(moved.Error.Contains("建议 十五届一次 0012: 发送时 逾期未办复, 现在 逾期办复/A类; 发送后记录的事实 (facts recorded after sending): reply 2019-12-20 王芳 record", StringComparison.Ordinal), moved.Error);
    }

    [Fact]
    public async Task AClosedYear_AReassignmentAfterSending_IsNamedAsTheFiguresItMoved()
    {
        var settings = new Dictionary<string, string?>(_settings)
        {
            ["Mail:PickupDirectory"] = Path.Combine(_folder, "outbox"), ["Reports:Directory"] = Path.Combine(_folder, "reports"),
        };
        var january = new Infrastructure.Cli(settings, Infrastructure.Cli.At("2020-01-10"));
        Assert.Equal(0, (await january.RunAsync(["report", "send", "--period", "2019-annual", .. Target])).ExitCode);
        var file = LedgerCsv.Write(_folder, "moved.csv", Header, ["建议,十五届一次,0012,关于普惠金融的建议,金融服务处,综合处,2019-07-01,,,,,,,,,"]);
        Assert.Equal(0, (await january.RunAsync(["import", "proposals", file, .. Target])).ExitCode);

        var moved = await january.RunAsync(["report", "--year", "2019", .. Target]);

        Assert.DoesNotContain("一致", moved.Error, StringComparison.Ordinal);
        Assert.True(moved.Error.Contains("数字变化 (a figure moved): divisions[金融服务处/npc].assigned 发送时 —, 现在 1", StringComparison.Ordinal), moved.Error);
    }

    [Fact]
    public async Task AListedFile_ImportedAgain_ChangesNothing()
    {
        await Record("ack", "--on", "2019-07-02");
        await Record("co-input", "--division", "综合处", "--on", "2019-07-25");
        await Record("extension", "--to", "2019-12-31", "--approved-on", "2019-09-20", "--approved-by", "市人大代表工委", "--reason", "涉及多部门协调");
        await Record("return", "--on", "2019-07-05", "--reason", "不属本单位职责");
        var listed = Path.Combine(_folder, "listed.csv");
        Assert.Equal(0, (await Run("list", "--out", listed)).ExitCode);
        var before = await ItemAsync();

        var again = await Run("import", "proposals", listed);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.True(again.Out.Contains("更新 0, 未变 1", StringComparison.Ordinal), again.Out + (await HistoryAsync()).GetRawText() + File.ReadAllText(listed));
        Assert.Equal(before, await ItemAsync() with { CoDivisions = before.CoDivisions, CoInputs = before.CoInputs });
        Assert.Equal(before.CoInputs, (await ItemAsync()).CoInputs);
    }

    [Fact]
    public async Task ANewLeadDivision_IsAReassignment_KeptInTheHistory()
    {
        await Record("ack", "--on", "2019-07-02", "--by", "银行保险处");
        var moved = await Import("建议,十五届一次,0012,关于普惠金融的建议,金融服务处,综合处,2019-07-01,,,,,,,,,");

        Assert.True(moved.ExitCode == 0, moved.Error);
        // The new lead has acknowledged nothing: the former lead's 签收 stays in the history, undone, saying why.
        Assert.Null((await ItemAsync()).AcknowledgedOn);
        var ack = (await HistoryAsync()).GetProperty("facts").EnumerateArray().Single(f => f.GetProperty("fact").GetString() == "ack");
        Assert.Equal("主办处室由 银行保险处 改为 金融服务处 (reassigned to 金融服务处)", ack.GetProperty("undoReason").GetString());
        var change = (await HistoryAsync()).GetProperty("changes").EnumerateArray().Single();
        Assert.Equal(("lead_division", "银行保险处", "金融服务处", "import"), (change.GetProperty("field").GetString(), change.GetProperty("from").GetString(),
            change.GetProperty("to").GetString(), change.GetProperty("via").GetString()));
    }
}

/// <summary>The record's rules on a SQLite file.</summary>
public sealed class SqliteRecordKeepingTests : RecordKeepingTests
{
    public SqliteRecordKeepingTests() : this(Path.Combine(Directory.CreateTempSubdirectory("proposals-record-db-").FullName, "ledger.db"))
    {
    }

    private SqliteRecordKeepingTests(string file) : base(new Dictionary<string, string?>(), ["--db", file]) => Database = LedgerDatabase.ForFile(file);

    protected override LedgerDatabase Database { get; }

    public override async Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await base.DisposeAsync();
    }
}

/// <summary>The record's rules on PostgreSQL. Never skipped: without PROPOSALS_TEST_POSTGRES (set by ops/test.sh) each test fails saying so.</summary>
public sealed class PostgresRecordKeepingTests : RecordKeepingTests
{
    private readonly Storage.PostgresLedger _server;

    public PostgresRecordKeepingTests() : this(new Storage.PostgresLedger())
    {
    }

    private PostgresRecordKeepingTests(Storage.PostgresLedger server) : this(server, Migrated(server))
    {
    }

    private PostgresRecordKeepingTests(Storage.PostgresLedger server, LedgerDatabase database)
        : base(new Dictionary<string, string?> { ["Storage:Provider"] = "postgres", ["ConnectionStrings:Proposals"] = database.ConnectionString }, [])
    {
        _server = server;
        Database = database;
    }

    protected override LedgerDatabase Database { get; }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _server.DropAsync();
    }

    private static LedgerDatabase Migrated(Storage.PostgresLedger server)
    {
        server.RequireAvailable();
        return server.NewMigratedDatabase();
    }
}
