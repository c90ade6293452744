using System.Text;
using Proposals.Domain.Ledger;
using Proposals.Domain.Rates;
using Proposals.Worker.Reporting;
using static Proposals.Tests.Reporting.Ledgers;

namespace Proposals.Tests.Reporting;

public sealed class TableFormatFacts
{
    [Fact]
    public void Csv_StartsWithABom_AndChineseHeadings()
    {
        var bytes = Render.Bytes(new CsvReportFormat(), Render.Ledger2019());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "主办处室,类别,主办,已办复,按期办复,逾期未办复,尚在期限内,已测评,满意,基本满意,不满意,重新办理,已再次答复," +
            "最终满意,最终基本满意,最终不满意,A类,B类,C类,D类,解决,延期,退回,超期退回,重点督办,重点已办复,协办,协办意见已送达,答复公开," +
            "办复率,按期办复率,满意率,基本满意率,最终满意率,最终基本满意率,解决率,A类占主办,B类占主办,C类占主办,D类占主办,A类占已办复", lines[0]);
        Assert.Equal(
            "全局,人大代表建议,16,11,9,2,3,9,5,3,1,1,0,5,3,1,5,3,2,1,5,3,2,0,2,1,0,0,0," +
            "68.75%,56.25%,88.89%,33.33%,88.89%,33.33%,31.25%,31.25%,18.75%,12.5%,6.25%,45.45%", lines[1]);
        Assert.StartsWith("全局,合计,24,", lines[3]);
        Assert.StartsWith("综合处,人大代表建议,8,", lines[4]);
        Assert.Equal(10, lines.Length);
    }

    [Fact]
    public void Csv_QuotesCommas_AndKeepsFormulasAsText()
    {
        var report = YearReport.Build([Item(division: "=HYPERLINK(\"x\")"), Item(division: "办公室,综合处")], 2019, D("2019-12-31"));
        var csv = Render.Text(new CsvReportFormat(), report);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\",人大代表建议,1,", csv);
        Assert.Contains("\"办公室,综合处\",人大代表建议,1,", csv);
    }

    [Fact]
    public void Html_EscapesEveryText()
    {
        var report = YearReport.Build(
            [Item(division: "<b>综合处</b>", key: true, title: "<script>alert('x')</script>关于加强金融服务的建议")], 2019, D("2019-12-31"));
        var html = Render.Text(new HtmlReportFormat(), report, "段落<img src=x onerror=alert(1)>");
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;关于加强金融服务的建议", html);
        Assert.Contains("<td>&lt;b&gt;综合处&lt;/b&gt;</td>", html);
    }

    [Fact]
    public void HtmlFragment_HasTheTables_WithoutThePage()
    {
        var html = HtmlReportFormat.Fragment(Render.Ledger2019(), "段落。");
        Assert.DoesNotContain("<html", html);
        Assert.Equal(3, html.Split("<table>").Length - 1);
        Assert.Contains("<td class=\"n\">68.75%</td>", html);
    }

    [Fact]
    public void Text_StartsWithTheParagraph_AndAlignsChineseColumns()
    {
        var text = Render.Text(new TextReportFormat(), Render.Ledger2019(), "2019年承办……");
        var lines = text.Split('\n');
        Assert.Equal("2019年承办……", lines[0]);
        var table = lines.SkipWhile(l => l != "按类别").Skip(1).TakeWhile(l => l.Length > 0).ToList();
        Assert.Equal(4, table.Count);
        // Right-aligned rate columns end at the same terminal column although the labels differ in characters.
        Assert.Single(table.Select(DisplayWidth.Of).Distinct());
        Assert.NotEqual(table[0].Length, table[1].Length);
        Assert.Contains("按处室", lines);
        Assert.Contains("重点督办", lines);
    }

    [Theory]
    [InlineData("综合处", 6)]
    [InlineData("A类", 3)]
    [InlineData("83.33%", 6)]
    [InlineData("—", 1)]
    [InlineData("(无)", 4)]
    public void DisplayWidth_CountsChineseAsTwoColumns(string text, int width) => Assert.Equal(width, DisplayWidth.Of(text));

    [Theory]
    [InlineData("text", "txt")]
    [InlineData("JSON", "json")]
    [InlineData(" csv ", "csv")]
    [InlineData("xlsx", "xlsx")]
    [InlineData("html", "html")]
    public void Formats_AreFoundByName(string name, string extension) => Assert.Equal(extension, ReportFormats.Get(name).Extension);

    [Fact]
    public void Formats_UnknownName_ListsTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => ReportFormats.Get("pdf"));
        Assert.Contains("text, json, csv, xlsx, html", e.Message);
    }

    [Fact]
    public void EveryFormat_WritesAnEmptyYear() =>
        Assert.All(ReportFormats.All, f => Assert.NotEmpty(Render.Bytes(f, Render.Empty2019())));

    [Fact]
    public void Kinds_UseTheFullChineseNames() =>
        Assert.Equal(["人大代表建议", "政协提案", "合计"], ReportRows.ByKind(Render.Empty2019()).Select(r => r.Labels[0]));
}
