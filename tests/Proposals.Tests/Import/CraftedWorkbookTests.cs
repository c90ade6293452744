using System.Text.Json;
using Proposals.Tests.Infrastructure;

namespace Proposals.Tests.Import;

/// <summary>
/// Workbooks made to fill memory with parts the import must hold while the rows stream: millions of
/// empty shared strings, thousands of styles and number formats, rows past Excel's last, invented
/// XML names. Each is refused by `proposals import` with exit 2, naming the part and the limit, before
/// the part is held; the peak memory of the worst one is in docs/performance.md. And a workbook whose
/// first shared string is empty, which Excel writes, is a workbook like any other.
/// </summary>
public sealed class CraftedWorkbookTests : IDisposable
{
    private static readonly string[] Header = ["类别", "届次", "编号", "标题", "主办处室", "交办日期"];

    private readonly TempLedger _ledger = new();
    private readonly Infrastructure.Cli _cli = new();

    public void Dispose() => _ledger.Dispose();

    private string PathOf(string name) => Path.Combine(_ledger.Folder, name);

    private async Task<Infrastructure.Cli.Result> ImportAsync(string path, params string[] settings)
    {
        await _ledger.WithDivisionsAsync();
        return await _cli.RunAsync(["import", "proposals", path, "--db", _ledger.Path, .. settings]);
    }

    private static void HeaderOnly(TextWriter w) => w.Write(XlsxRaw.Row(1, Header));

    [Fact]
    public async Task MillionsOfEmptySharedStrings_AreCountedAndRefused_AtTheDefaultLimit()
    {
        var path = PathOf("empty-strings.xlsx");
        XlsxRaw.Write(path, HeaderOnly, w =>
        {
            // <si/> has no character: only the count of entries stops it.
            for (var i = 0; i < 4_000_001; i++) w.Write("<si/>");
        });
        Assert.True(new FileInfo(path).Length < 1 << 20, "a small file");

        var result = await ImportAsync(path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("xl/sharedStrings.xml", result.Error);
        Assert.Contains("共享字符串超过 4000000 条 (Import:MaxSharedStrings)", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task SharedStringsPastASmallerLimit_AreRefused_NamingTheSetting()
    {
        var path = PathOf("strings.xlsx");
        XlsxRaw.Write(path, w => w.Write(XlsxRaw.Row(1, Header) + XlsxRaw.Row(2, "建议", "十五届一次", "0012", "标题", "综合处", "2019-03-20")), w =>
        {
            for (var i = 0; i < 1001; i++) w.Write($"<si><t>{i}</t></si>");
        });

        var refused = await ImportAsync(path, "--Import:MaxSharedStrings=1000");
        var allowed = await ImportAsync(path, "--Import:MaxSharedStrings=1001");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("共享字符串超过 1000 条 (Import:MaxSharedStrings)", refused.Error);
        Assert.True(allowed.ExitCode == 0, allowed.Error);
    }

    [Fact]
    public async Task NumberFormatsPastTheLimit_AreRefused_TheirCodesNeverKept()
    {
        var path = PathOf("formats.xlsx");
        var code = new string('0', 100_000);
        XlsxRaw.Write(path, HeaderOnly, styles: w =>
        {
            w.Write("<numFmts>");
            for (var i = 0; i < 1001; i++) w.Write($"<numFmt numFmtId=\"{164 + i}\" formatCode=\"{code}\"/>");
            w.Write("</numFmts>");
        });

        var result = await ImportAsync(path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("xl/styles.xml", result.Error);
        Assert.Contains("数字格式 (numFmt) 超过 1000 个 (Import:MaxNumberFormats)", result.Error);
    }

    [Fact]
    public async Task CellStylesPastTheLimit_AreRefused()
    {
        var path = PathOf("styles.xlsx");
        XlsxRaw.Write(path, HeaderOnly, styles: w =>
        {
            w.Write("<cellXfs>");
            for (var i = 0; i < 64_001; i++) w.Write("<xf numFmtId=\"14\"/>");
            w.Write("</cellXfs>");
        });

        var result = await ImportAsync(path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("单元格样式 (cellXfs) 超过 64000 个 (Import:MaxStyles)", result.Error);
    }

    [Fact]
    public async Task ARowPastExcelsLastRow_IsRefused()
    {
        var path = PathOf("rows.xlsx");
        XlsxRaw.Write(path, w =>
        {
            HeaderOnly(w);
            w.Write("<row r=\"1048577\"/>");
        });

        var result = await ImportAsync(path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("xl/worksheets/sheet1.xml", result.Error);
        Assert.Contains("第 1048577 行超出 Excel 的行数上限 1048576", result.Error);
    }

    [Fact]
    public async Task ARowOfMoreCellsThanExcelHasColumns_IsRefused()
    {
        var path = PathOf("cells.xlsx");
        XlsxRaw.Write(path, w =>
        {
            HeaderOnly(w);
            w.Write("<row r=\"2\">");
            for (var i = 0; i < 16_385; i++) w.Write("<c/>");
            w.Write("</row>");
        });

        var result = await ImportAsync(path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("第 2 行的单元格超过 Excel 的列数上限 16384", result.Error);
    }

    [Fact]
    public async Task InventedXmlNames_AreRefusedBeforeTheReaderKeepsThemAll()
    {
        var path = PathOf("names.xlsx");
        XlsxRaw.Write(path, w =>
        {
            HeaderOnly(w);
            for (var i = 0; i < 20_000; i++) w.Write($"<x{i}/>");
        });

        var result = await ImportAsync(path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("使用了超过 10000 个不同的 XML 名称", result.Error);
    }

    // A '>' inside a quoted attribute value does not end the tag: 8 MB of "a>a>..." is one tag too long.
    [Fact]
    public async Task AnAttributeValueFullOfClosingBrackets_IsStillOneTagTooLong()
    {
        var path = PathOf("brackets.xlsx");
        XlsxRaw.Write(path, w =>
        {
            HeaderOnly(w);
            w.Write("<row r=\"2\" x=\"");
            for (var i = 0; i < 4 << 20; i++) w.Write("a>");
            w.Write("\"></row>");
        });

        var result = await ImportAsync(path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("tag too long", result.Error);
    }

    [Fact]
    public async Task AnEmptyFirstSharedString_IsAccepted()
    {
        var path = PathOf("empty-first.xlsx");
        XlsxRaw.Write(path,
            w =>
            {
                w.Write(XlsxRaw.Row(1, [.. Header, "提出人"]));
                // 提出人 points at the empty first string; 编号 at the second.
                w.Write("<row r=\"2\">" + XlsxRaw.Cell("A2", "建议") + XlsxRaw.Cell("B2", "十五届一次") + "<c r=\"C2\" t=\"s\"><v>1</v></c>" +
                        XlsxRaw.Cell("D2", "标题") + XlsxRaw.Cell("E2", "综合处") + XlsxRaw.Cell("F2", "2019-03-20") + "<c r=\"G2\" t=\"s\"><v>0</v></c></row>");
            },
            w => w.Write("<si><t></t></si><si><t>0012</t></si>"));

        var result = await ImportAsync(path);
        var list = await _cli.RunAsync("list", "--format", "json", "--db", _ledger.Path);

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(list.Out);
        var item = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("0012", item.GetProperty("number").GetString());
    }
}
