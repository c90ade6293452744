using Proposals.Domain.Deadlines;
using Proposals.Worker.Import;
using static Proposals.Tests.Import.ImportFixtures;

namespace Proposals.Tests.Import;

/// <summary>
/// proposals-bad.csv: row 2 is correct, rows 3-20 each break one rule (row 12 is blank).
/// </summary>
public sealed class ProposalProblemTests
{
    private static readonly ImportResult<Proposals.Domain.Ledger.Item> Result =
        ProposalFile.Read(Fixture("proposals-bad.csv"), Divisions, TestCalendar, TimeLimits.Default);

    [Fact]
    public void Read_ReturnsNoRows_WhenAnyRowHasAProblem()
    {
        Assert.False(Result.Ok);
        Assert.Empty(Result.Rows);
    }

    [Fact]
    public void Read_ReportsEveryBadRow_OnceEach_InFileOrder()
    {
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20], Result.Problems.Select(p => p.Row));
    }

    [Theory]
    [InlineData(3, "主办处室", "处室不在处室名单中: \"外事处\" (not a known division: \"外事处\")")]
    [InlineData(4, "协办处室", "处室不在处室名单中: \"宣传处\" (not a known division: \"宣传处\")")]
    [InlineData(5, "交办日期", "日期无效: \"2019-02-30\" (not a date: \"2019-02-30\")")]
    [InlineData(6, "答复日期", "答复日期早于交办日期 2019-03-20: \"2019-03-19\" (the reply date is before the assignment date 2019-03-20: \"2019-03-19\")")]
    [InlineData(7, "办理期限", "办理期限早于交办日期 2019-03-20: \"2019-03-01\" (the due date is before the assignment date 2019-03-20: \"2019-03-01\")")]
    [InlineData(8, "延期至", "延期日期应晚于办理期限 2019-06-20: \"2019-06-20\" (the extension date must be after the due date 2019-06-20: \"2019-06-20\")")]
    [InlineData(9, "延期至", "填写了延期原因但未填延期日期: 延期原因 \"情况复杂\" (an extension reason without an extension date: \"情况复杂\")")]
    [InlineData(10, "满意度", "未填答复日期，不能填写满意度: \"满意\" (no reply date; satisfaction must be empty: \"满意\")")]
    [InlineData(11, "答复类别", "未填答复日期，不能填写答复类别: \"A\" (no reply date; result_class must be empty: \"A\")")]
    [InlineData(13, "编号", "编号重复: \"0001\"（与第 2 行的 建议 十五届一次 0001 相同） (duplicate number: \"0001\", as in row 2)")]
    [InlineData(14, "标题", "必填项为空 (required, but empty)")]
    [InlineData(15, "类别", "无法识别的类别: \"议案\"（应为 建议/提案 或 npc/cppcc） (not a known kind: \"议案\"; expected 建议/提案 or npc/cppcc)")]
    [InlineData(16, "答复类别", "无法识别的答复类别: \"E\"（应为 A/B/C/D） (not a known reply class: \"E\"; expected A/B/C/D)")]
    [InlineData(17, "满意度", "无法识别的满意度: \"很好\"（应为 满意/基本满意/不满意） (not a known satisfaction: \"很好\"; expected 满意/基本满意/不满意 or satisfied/basically-satisfied/dissatisfied)")]
    [InlineData(18, "重点督办", "无法识别的是/否: \"可能\"（应为 是 或 否） (not yes or no: \"可能\"; expected 是/否 or yes/no)")]
    [InlineData(19, "协办处室", "主办处室不能同时列为协办处室: \"综合处\" (the lead division cannot also be a co-division: \"综合处\")")]
    [InlineData(20, "答复日期", "日期无效: \"下周\" (not a date: \"下周\")")]
    public void Read_SaysWhereAndWhy(int row, string column, string reason)
    {
        Assert.Contains(new ImportProblem(row, column, reason), Result.Problems);
    }
}
