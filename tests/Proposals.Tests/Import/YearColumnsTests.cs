using Proposals.Domain.Calendar;
using Proposals.Domain.Deadlines;
using Proposals.Domain.Ledger;
using Proposals.Worker.Import;
using static Proposals.Tests.Import.ImportFixtures;

namespace Proposals.Tests.Import;

/// <summary>
/// The columns of the rest of a bureau's year: its role, the co-divisions' input, the evaluation,
/// re-handling, publication and return; the rules that tie them; dates typed on days off.
/// </summary>
public sealed class YearColumnsTests : IDisposable
{
    private static readonly string[] Chinese =
    [
        "类别", "届次", "编号", "标题", "承办方式", "主办处室", "协办处室", "交办日期", "办理期限", "协办意见送达", "答复日期", "答复类别",
        "满意度", "测评日期", "重新答复日期", "再次满意度", "公开日期", "退回", "退回日期", "退回原因", "延期至",
    ];

    private static readonly string[] English =
    [
        "kind", "session", "number", "title", "bureau_role", "lead_division", "co_divisions", "assigned_on", "due_on", "co_inputs", "replied_on",
        "result_class", "satisfaction", "evaluated_on", "rereplied_on", "second_satisfaction", "published_on", "returned", "returned_on",
        "return_reason", "extended_to",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("import-year-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // One row: 建议 十五届一次 0001 led by 综合处 with 法规处 assisting, assigned 2019-03-20, and the given cells.
    private static string Row(IReadOnlyDictionary<string, string> cells, string[] header) =>
        string.Join(",", header.Select((h, i) => cells.TryGetValue(Chinese[i], out var v) ? Quote(v) : Default(Chinese[i])));

    private static string Default(string column) => column switch
    {
        "类别" => "建议",
        "届次" => "十五届一次",
        "编号" => "0001",
        "标题" => "标题",
        "主办处室" => "综合处",
        "协办处室" => "法规处",
        "交办日期" => "2019-03-20",
        _ => "",
    };

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) ? $"\"{value}\"" : value;

    private ImportResult<Item> Read(string[] header, params Dictionary<string, string>[] rows)
    {
        var path = LedgerCsv.Write(_dir, "ledger.csv", string.Join(",", header), rows.Select((r, i) =>
            Row(new Dictionary<string, string>(r) { ["编号"] = r.GetValueOrDefault("编号", $"{i + 1:D4}") }, header)));
        return ProposalFile.Read(path, Divisions, TestCalendar, TimeLimits.Default);
    }

    [Fact]
    public void Read_TakesEveryColumnOfTheYear_InChineseAndInEnglish()
    {
        foreach (var header in new[] { Chinese, English })
        {
            var result = Read(header,
                new()
                {
                    ["协办处室"] = "法规处、银行保险处", ["协办意见送达"] = "法规处:2019-04-10；银行保险处：2019/4/12", ["答复日期"] = "2019-05-10",
                    ["答复类别"] = "B", ["满意度"] = "不满意", ["测评日期"] = "2019-05-20", ["重新答复日期"] = "2019-06-10",
                    ["再次满意度"] = "基本满意", ["公开日期"] = "2019-05-15",
                },
                new() { ["承办方式"] = "协办", ["主办处室"] = "金融服务处", ["协办处室"] = "", ["答复日期"] = "2019-04-15" },
                new() { ["退回日期"] = "2019-03-25", ["退回原因"] = "不属于本局职责" });

            Assert.True(result.Ok, string.Join("\n", result.Problems));
            var (led, assisted, returned) = (result.Rows[0], result.Rows[1], result.Rows[2]);
            Assert.Equal(BureauRole.Lead, led.BureauRole);
            Assert.Equal([new CoInput("法规处", D("2019-04-10")), new CoInput("银行保险处", D("2019-04-12"))], led.CoInputs);
            Assert.Equal((Satisfaction.Dissatisfied, D("2019-05-20")), (led.Satisfaction!.Value, led.EvaluatedOn!.Value));
            Assert.Equal((D("2019-06-10"), Satisfaction.BasicallySatisfied), (led.RerepliedOn!.Value, led.SecondSatisfaction!.Value));
            Assert.Equal(D("2019-05-15"), led.PublishedOn);
            // Re-handling runs a month from the 不满意 evaluation.
            Assert.Equal(D("2019-06-20"), led.RehandleDueOn);
            Assert.Equal(BureauRole.Assisting, assisted.BureauRole);
            // An assisting bureau owes its input within a month: 2019-04-20 is a Saturday.
            Assert.Equal(D("2019-04-22"), assisted.DueOn);
            Assert.True(returned.IsReturned);
            Assert.Equal((D("2019-03-25"), "不属于本局职责"), (returned.ReturnedOn!.Value, returned.ReturnReason));
        }
    }

    [Theory]
    [InlineData("答复日期=2019-05-10;满意度=满意;重新答复日期=2019-06-01", "重新答复日期", "满意度为满意（不是不满意），无需重新办理，不能填写重新答复日期: \"2019-06-01\" (satisfaction is satisfied, not dissatisfied: no second handling; rereplied_on must be empty: \"2019-06-01\")")]
    [InlineData("答复日期=2019-05-10;满意度=不满意;再次满意度=满意", "再次满意度", "未填重新答复日期，不能填写再次满意度: \"满意\" (no second reply date; second_satisfaction must be empty: \"满意\")")]
    [InlineData("承办方式=协办;答复日期=2019-04-15;答复类别=A", "答复类别", "协办件不写答复函、不参加测评，不能填写答复类别: \"A\" (an assisting item has no reply letter and no evaluation; result_class must be empty: \"A\")")]
    [InlineData("承办方式=会办;答复日期=2019-04-15;满意度=满意", "满意度", "协办件不写答复函、不参加测评，不能填写满意度: \"满意\" (an assisting item has no reply letter and no evaluation; satisfaction must be empty: \"满意\")")]
    [InlineData("测评日期=2019-03-10", "测评日期", "测评日期早于交办日期 2019-03-20: \"2019-03-10\" (the evaluation date is before the assignment date 2019-03-20: \"2019-03-10\")")]
    [InlineData("退回日期=2019-03-01", "退回日期", "退回日期早于交办日期 2019-03-20: \"2019-03-01\" (the return date is before the assignment date 2019-03-20: \"2019-03-01\")")]
    [InlineData("协办意见送达=法规处:2019-03-01", "协办意见送达", "协办意见送达日期早于交办日期 2019-03-20: \"法规处\" (a co-division's input is dated before the assignment date 2019-03-20: \"法规处\")")]
    [InlineData("协办意见送达=银行保险处:2019-04-01", "协办意见送达", "不是本件的协办处室: \"银行保险处\"（协办处室: 法规处） (not a co-division of this item: \"银行保险处\"; co-divisions: 法规处)")]
    [InlineData("协办意见送达=法规处", "协办意见送达", "应为“处室:日期”，如 法规处:2019-07-20: \"法规处\" (expected division:date, such as 法规处:2019-07-20: \"法规处\")")]
    [InlineData("答复日期=2019-05-10;测评日期=2019-05-20", "测评日期", "未填满意度，不能填写测评日期: \"2019-05-20\" (no satisfaction; evaluated_on must be empty: \"2019-05-20\")")]
    [InlineData("答复日期=2019-05-10;满意度=满意;测评日期=2019-05-01", "测评日期", "测评日期早于答复日期 2019-05-10: \"2019-05-01\" (evaluated_on is before the reply date 2019-05-10: \"2019-05-01\")")]
    [InlineData("答复日期=2019-05-10;满意度=不满意;测评日期=2019-05-20;重新答复日期=2019-05-15", "重新答复日期", "重新答复日期早于测评日期 2019-05-20: \"2019-05-15\" (rereplied_on is before the evaluation date 2019-05-20: \"2019-05-15\")")]
    [InlineData("退回=否;退回日期=2019-03-25", "退回", "退回为“否”，但填写了退回日期 2019-03-25 (returned is no, but a return date 2019-03-25 is given)")]
    [InlineData("退回原因=不属于本局职责", "退回原因", "未申请退回，不能填写退回原因: \"不属于本局职责\" (no return asked; return_reason must be empty: \"不属于本局职责\")")]
    [InlineData("公开日期=2019-06-01", "公开日期", "未填答复日期，不能填写公开日期: \"2019-06-01\" (no reply date; published_on must be empty: \"2019-06-01\")")]
    [InlineData("承办方式=牵头", "承办方式", "无法识别的承办方式: \"牵头\"（应为 主办/协办/会办/分办/合办 或 lead/assisting/split/joint） (not a known bureau role: \"牵头\"; expected 主办/协办/会办/分办/合办 or lead/assisting/split/joint)")]
    public void Read_RefusesFactsThatDoNotGoTogether_NamingTheRowAndColumn(string cells, string column, string reason)
    {
        var row = cells.Split(';').Select(c => c.Split('=')).ToDictionary(p => p[0], p => p[1]);

        var result = Read(Chinese, row);

        Assert.Equal([new ImportProblem(2, column, reason)], result.Problems);
    }

    [Fact]
    public void Read_MovesTypedDatesOffDaysOff_AndSaysSoPerRow()
    {
        var result = Read(Chinese, new() { ["办理期限"] = "2019-09-30", ["延期至"] = "2019-10-03" }, new() { ["办理期限"] = "2019-10-01" });

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.Equal(D("2019-10-08"), result.Rows[0].Extension!.NewDueOn);
        Assert.Equal(D("2019-10-08"), result.Rows[1].DueOn);
        Assert.Equal(
        [
            "第 2 行 [延期至] 2019-10-03 不是工作日，按《民法典》第二百零三条顺延至 2019-10-08 (a date on a day off ends on the next working day: 2019-10-03 -> 2019-10-08)",
            "第 3 行 [办理期限] 2019-10-01 不是工作日，按《民法典》第二百零三条顺延至 2019-10-08 (a date on a day off ends on the next working day: 2019-10-01 -> 2019-10-08)",
        ], result.Notes);
    }

    [Fact]
    public void Read_DerivesEveryItemThroughItemDeadlines()
    {
        var item = Read(Chinese, new Dictionary<string, string> { ["答复日期"] = "2019-05-10", ["满意度"] = "不满意", ["测评日期"] = "2019-05-20" }).Rows[0];

        Assert.Equal(ItemDeadlines.Derive(item, TestCalendar, TimeLimits.Default), item);
        Assert.Equal(DueDate.AfterWorkingDays(TestCalendar, D("2019-03-20"), 7), item.ReturnBy);
    }

    [Fact]
    public void Read_IgnoresTheRowNumberColumn_WithoutANote()
    {
        var path = LedgerCsv.Write(_dir, "seq.csv", "序号," + LedgerCsv.Header, ["1," + LedgerCsv.Row(1)]);

        var result = ProposalFile.Read(path, Divisions, TestCalendar, TimeLimits.Default);

        Assert.True(result.Ok);
        Assert.Empty(result.Notes);
        Assert.DoesNotContain("row_no", result.AbsentColumns);
    }

    [Fact]
    public void CalendarWarnings_AreTheOnesUsed_ForTheYearsCounted()
    {
        var result = Read(Chinese, new Dictionary<string, string> { ["交办日期"] = "2019-12-20" });

        Assert.Equal([CalendarWarnings.Text(YearKnowledge.WeekendsOnly, [2020])!], result.Notes);
    }
}
