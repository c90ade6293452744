using Proposals.Domain.Ledger;
using Proposals.Worker.Import;
using static Proposals.Tests.Import.ImportFixtures;

namespace Proposals.Tests.Import;

public sealed class DivisionFileTests
{
    [Fact]
    public void Read_GivesEveryDivision_Trimmed_WithOptionalHeadEmail()
    {
        var result = DivisionFile.Read(Fixture("divisions.csv"));

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.Equal(
        [
            new Division("综合处", "zonghe@finance.example.org", "zonghe.head@finance.example.org"),
            new Division("金融服务处", "fuwu@finance.example.org", null),
            new Division("银行保险处", "yinbao@finance.example.org", "yinbao.head@finance.example.org"),
            new Division("法规处", "fagui@finance.example.org", null),
        ], result.Rows);
    }

    [Fact]
    public void Read_ReportsEveryBadRow_AndReturnsNoRows()
    {
        var result = DivisionFile.Read(Fixture("divisions-bad.csv"));

        Assert.Empty(result.Rows);
        Assert.Equal(
        [
            new ImportProblem(3, "name", "必填项为空 (required, but empty)"),
            new ImportProblem(4, "email", "必填项为空 (required, but empty)"),
            new ImportProblem(5, "email", "邮箱格式无效: \"yinbao-at-example.org\" (not an email address: \"yinbao-at-example.org\")"),
            new ImportProblem(6, "head_email", "邮箱格式无效: \"Head <head@finance.example.org>\" (not an email address: \"Head <head@finance.example.org>\")"),
            new ImportProblem(7, "name", "处室重复: \"综合处\"（第 2 行已有） (duplicate division: \"综合处\", already in row 2)"),
        ], result.Problems);
    }
}
