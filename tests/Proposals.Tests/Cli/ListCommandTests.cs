using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;

namespace Proposals.Tests.Cli;

/// <summary><c>proposals list</c> on a real SQLite ledger: filters, formats and files.</summary>
public sealed class ListCommandTests : IDisposable
{
    private readonly TempLedger _ledger = new();
    private readonly Infrastructure.Cli _cli = new();

    static ListCommandTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private string Out(string name) => Path.Combine(_ledger.Folder, name);

    private Task<Infrastructure.Cli.Result> ListAsync(params string[] args) =>
        _cli.RunAsync(["list", "--as-of", "2019-12-31", "--db", _ledger.Path, .. args]);

    /// <summary>
    /// 0001 led by 银行保险处, 0002 led by 综合处 with 银行保险处 co-handling, 0003 assisted by 金融服务处 and
    /// returned late, 0004 re-handled after 不满意, with a title of two lines that opens like a formula and
    /// carries a terminal escape.
    /// </summary>
    private async Task SeedAsync()
    {
        await _ledger.WithDivisionsAsync();
        await new ItemStore(_ledger.Database).UpsertAsync(
        [
            Items.Make("0001", "2019-03-01", "2019-06-03", replied: "2019-05-20", replyClass: ReplyClass.A, satisfaction: Satisfaction.Satisfied)
                with { EvaluatedOn = Items.D("2019-06-10"), PublishedOn = Items.D("2019-07-01") },
            Items.Make("0002", "2019-03-01", "2019-06-04", lead: "综合处", co: ["银行保险处"])
                with { CoInputs = [new CoInput("银行保险处", Items.D("2019-03-25"))] },
            Items.Make("0003", "2019-03-01", "2019-06-05", lead: "金融服务处", returned: true)
                with { BureauRole = BureauRole.Assisting, ReturnedOn = Items.D("2019-03-20"), ReturnBy = Items.D("2019-03-12"), ReturnReason = "不属于本局职责" },
            Items.Make("0004", "2019-03-01", "2019-06-06", lead: "综合处", replied: "2019-05-20", satisfaction: Satisfaction.Dissatisfied,
                    title: "=SUM(1)\n关于\u001b[2J加强金融服务的建议")
                with { EvaluatedOn = Items.D("2019-06-10"), RehandleDueOn = Items.D("2019-07-10"), RerepliedOn = Items.D("2019-07-05"), SecondSatisfaction = Satisfaction.BasicallySatisfied },
        ]);
    }

    [Fact]
    public async Task Division_ListsWhatItLeadsOrCoHandles()
    {
        await SeedAsync();

        var result = await ListAsync("--division", "银行保险处", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(["0001", "0002"], json.RootElement.EnumerateArray().Select(e => e.GetProperty("number").GetString()));
    }

    [Fact]
    public async Task UnknownDivision_ExitsWith2_NamingTheKnownOnes()
    {
        await SeedAsync();

        var result = await ListAsync("--division", "银行处");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("银行处", result.Error);
        Assert.Contains("银行保险处", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Json_KeepsEveryField_AndAddsTheNewFacts()
    {
        await SeedAsync();

        var result = await ListAsync("--format", "json");

        using var json = JsonDocument.Parse(result.Out);
        var items = json.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("number").GetString()!);
        Assert.Equal(
        [
            "kind", "session", "number", "title", "proposer", "leadDivision", "coDivisions", "assignedOn", "dueOn", "originalDueOn",
            "extendedTo", "extensionReason", "coInputDueOn", "acknowledgedOn", "repliedOn", "replyClass", "satisfaction", "key",
            "returned", "status", "overdue",
            "bureauRole", "coInputs", "evaluatedOn", "rehandleDueOn", "rerepliedOn", "secondSatisfaction", "publishedOn",
            "returnedOn", "returnReason", "returnLate", "returnDecision", "returnDecidedOn", "extensionApprovedOn", "roleText", "leadUnit", "coUnits", "secondReplyClass",
        ], items["0001"].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("lead", "2019-06-10", "2019-07-01"), (items["0001"].GetProperty("bureauRole").GetString(),
            items["0001"].GetProperty("evaluatedOn").GetString(), items["0001"].GetProperty("publishedOn").GetString()));
        var input = Assert.Single(items["0002"].GetProperty("coInputs").EnumerateArray());
        Assert.Equal(["division", "deliveredOn"], input.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("银行保险处", "2019-03-25"), (input.GetProperty("division").GetString(), input.GetProperty("deliveredOn").GetString()));
        var returned = items["0003"];
        Assert.Equal(("assisting", "2019-03-20", "不属于本局职责", true), (returned.GetProperty("bureauRole").GetString(),
            returned.GetProperty("returnedOn").GetString(), returned.GetProperty("returnReason").GetString(), returned.GetProperty("returnLate").GetBoolean()));
        var rehandled = items["0004"];
        Assert.Equal(("2019-07-10", "2019-07-05", "basically-satisfied"), (rehandled.GetProperty("rehandleDueOn").GetString(),
            rehandled.GetProperty("rerepliedOn").GetString(), rehandled.GetProperty("secondSatisfaction").GetString()));
        Assert.Equal("=SUM(1)\n关于\u001b[2J加强金融服务的建议", rehandled.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Table_KeepsEachItemOnOneLine_AndNoEscapeReachesTheTerminal()
    {
        await SeedAsync();

        var result = await ListAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Out);
        var lines = result.Out.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2 + 4 + 1, lines.Length); // headings, rule, four items, the count
        Assert.Contains(lines, l => l.Contains("0004", StringComparison.Ordinal) && l.Contains("=SUM(1)⏎关于[2J加强", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("0003", StringComparison.Ordinal) && l.Contains("协办", StringComparison.Ordinal) && l.Contains("超期退回", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("0004", StringComparison.Ordinal) && l.Contains("2019-07-10 (重新办理)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Csv_ToAFile_HasABom_TheFullText_AndFormulasKeptAsText()
    {
        await SeedAsync();

        var result = await ListAsync("--out", Out("ledger.csv"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("共 4 件", result.Out);
        var bytes = await File.ReadAllBytesAsync(Out("ledger.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("类别,届次,编号,标题,提出人,承办方式,主办处室,协办处室,协办意见送达,交办日期,办理期限,延期至,延期原因,", csv);
        Assert.Contains("\"'=SUM(1)\n关于\u001b[2J加强金融服务的建议\"", csv);
        Assert.Contains(",协办,金融服务处,", csv);
        Assert.Contains("银行保险处:2019-03-25", csv);
    }

    [Fact]
    public async Task Csv_ToStandardOutput_HasNoBom()
    {
        await SeedAsync();

        var result = await ListAsync("--format", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("类别,届次,编号,", result.Out);
        // The headings and four records: the title of two lines stays inside its quotes.
        Assert.Equal(5, result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Xlsx_ToAFile_HasEveryFactInFull_DatesAsDates()
    {
        await SeedAsync();

        var result = await ListAsync("--format", "xlsx", "--out", Out("ledger.xlsx"));

        Assert.Equal(0, result.ExitCode);
        var sheet = Assert.Single(Reporting.Schedule.ReportScenario.Sheets(await File.ReadAllBytesAsync(Out("ledger.xlsx")))).Value;
        var headings = sheet[0].Cast<string>().ToList();
        Assert.Equal(5, sheet.Count);
        var rehandled = sheet.Single(r => (string?)r[headings.IndexOf("编号")] == "0004");
        Assert.Equal("=SUM(1)\n关于\u001b[2J加强金融服务的建议", rehandled[headings.IndexOf("标题")]);
        Assert.Equal(new DateTime(2019, 7, 5), rehandled[headings.IndexOf("重新答复日期")]);
        Assert.Equal("基本满意", rehandled[headings.IndexOf("再次满意度")]);
    }

    [Fact]
    public async Task Xlsx_WithNothingToList_KeepsTheHeadings()
    {
        await _ledger.WithDivisionsAsync();

        var result = await ListAsync("--out", Out("empty.xlsx"));

        Assert.Equal(0, result.ExitCode);
        var sheet = Assert.Single(Reporting.Schedule.ReportScenario.Sheets(await File.ReadAllBytesAsync(Out("empty.xlsx")))).Value;
        Assert.Equal("类别", Assert.Single(sheet)[0]);
    }

    [Fact]
    public async Task Xlsx_ToTheTerminal_ExitsWith2()
    {
        var result = await ListAsync("--format", "xlsx");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out", result.Error);
    }

    [Fact]
    public async Task ExtensionContradictingTheFormat_ExitsWith2()
    {
        var result = await ListAsync("--format", "json", "--out", Out("ledger.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.False(File.Exists(Out("ledger.csv")));
    }

    [Theory]
    [InlineData("ledger.csv")]
    [InlineData("ledger.json")]
    [InlineData("ledger.xlsx")]
    public async Task FailedWrite_LeavesThePreviousFileIntact(string file)
    {
        await SeedAsync();
        Assert.Equal(0, (await ListAsync("--out", Out(file))).ExitCode);
        var before = await File.ReadAllBytesAsync(Out(file));
        // A row the program cannot read, after the first: the listing fails half-way through.
        await using (var connection = new SqliteConnection(LedgerDatabase.ForFile(_ledger.Path).ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE items SET bureau_role = 'nobody' WHERE number = '0004'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var result = await ListAsync("--out", Out(file));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bureau_role", result.Error);
        Assert.Equal(before, await File.ReadAllBytesAsync(Out(file)));
        Assert.Empty(Directory.GetFiles(_ledger.Folder, "*.tmp"));
    }

    public void Dispose() => _ledger.Dispose();
}
