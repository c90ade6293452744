using Proposals.Domain.Rates;
using Proposals.Worker.Reporting;
using static Proposals.Tests.Reporting.Ledgers;

namespace Proposals.Tests.Reporting;

/// <summary>Text that goes into one cell of a terminal table: one line, no control characters.</summary>
public sealed class TableCellFacts
{
    [Theory]
    [InlineData("关于加强金融服务的建议", "关于加强金融服务的建议")]
    [InlineData("第一行\n第二行", "第一行⏎第二行")]
    [InlineData("第一行\r\n第二行", "第一行⏎第二行")]
    [InlineData("第一行\r第二行\u2028第三行", "第一行⏎第二行⏎第三行")]
    [InlineData("末尾换行\n", "末尾换行⏎")]
    [InlineData("标题\t制表", "标题 制表")]
    [InlineData("\u001b[31m红色\u001b[0m标题", "[31m红色[0m标题")]
    [InlineData("清屏\u001b]0;title\u0007", "清屏]0;title")]
    [InlineData("C1\u009b2J控制", "C12J控制")]
    [InlineData("删除\u007f符", "删除符")]
    [InlineData("反向\u202e文字\u2066隔离\u2069", "反向文字隔离")]
    [InlineData("", "")]
    public void OneLine_KeepsTheTextOnOneLine_WithoutControlCharacters(string text, string expected) =>
        Assert.Equal(expected, TableCell.OneLine(text));

    [Fact]
    public void OneLine_ReturnsCleanTextAsItIs()
    {
        const string text = "关于加大小微企业融资支持力度的建议";
        Assert.Same(text, TableCell.OneLine(text));
    }

    [Fact]
    public void TextReport_KeepsEachKeyItemOnOneLine_AndNoEscapeReachesTheTerminal()
    {
        var report = YearReport.Build([Item(key: true, division: "综合处\n办公室", title: "关于\u001b[2J加强\r\n金融服务的建议")], 2019, D("2019-12-31"));
        var text = Render.Text(new TextReportFormat(), report, "段落\u001b[2J。");
        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("关于[2J加强⏎金融服务的建议", text);
        Assert.Contains("综合处⏎办公室", text);
        var lines = text.Split('\n');
        Assert.Equal("段落[2J。", lines[0]);
        var keyTable = lines.SkipWhile(l => l != "重点督办").Skip(1).TakeWhile(l => l.Length > 0).ToList();
        Assert.Equal(2, keyTable.Count);
        var division = lines.SkipWhile(l => l != "按处室").Skip(1).TakeWhile(l => l.Length > 0).ToList();
        Assert.Equal(2, division.Count);
    }

    [Fact]
    public void JsonAndCsv_KeepTheFullText()
    {
        var report = YearReport.Build([Item(division: "综合处\n办公室")], 2019, D("2019-12-31"));
        Assert.Contains("综合处\\n办公室", Render.Text(new JsonReportFormat(), report));
        Assert.Contains("\"综合处\n办公室\"", Render.Text(new CsvReportFormat(), report));
    }
}
