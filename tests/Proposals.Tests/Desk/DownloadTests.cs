using System.Net;
using ExcelDataReader;
using Proposals.Tests.Auth;
using Proposals.Tests.Infrastructure;

namespace Proposals.Tests.Desk;

/// <summary>
/// The desk's downloads over real HTTP against the real worker, on the seeds: the ledger under 办理进度's
/// filters in the import's columns (and the file goes back through the import unchanged), the year's report
/// workbook as <c>proposals report --out</c> writes it.
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class DownloadTests : IAsyncLifetime
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private SignInHost _host = null!;
    private readonly Infrastructure.Cli _cli = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("proposals-downloads-").FullName;

    static DownloadTests() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    private static string Seeds(string file) => Path.Combine(RepositoryRoot.Path, "seeds", file);

    public async Task InitializeAsync()
    {
        _host = await SignInHost.StartAsync(SignInHost.WithUsers());
        Assert.Equal(0, (await _cli.RunAsync("import", "divisions", Seeds("divisions.csv"), "--db", _host.Ledger.Path)).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("import", "proposals", Seeds("proposals-2018.csv"), "--db", _host.Ledger.Path)).ExitCode);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task TheLedgerDownloaded_ImportsBackUnchanged(string format)
    {
        using var viewer = await SignedInAsync(SignInHost.Viewer);

        using var response = await viewer.GetAsync($"/hangfire/export/items.{format}?year=2018");
        var file = await SaveAsync(response, "ledger." + format);
        var again = await _cli.RunAsync("import", "proposals", file, "--db", _host.Ledger.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(format == "xlsx" ? Xlsx : "text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"台账-2018.{format}", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("added 0, changed 0, unchanged 9", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFilters_ChooseTheRows_AsOn办理进度()
    {
        using var viewer = await SignedInAsync(SignInHost.Viewer);

        var cppcc = Rows(await SaveAsync(await viewer.GetAsync("/hangfire/export/items.xlsx?year=2018&kind=cppcc"), "cppcc.xlsx"));
        var division = Rows(await SaveAsync(await viewer.GetAsync("/hangfire/export/items.xlsx?year=2018&division=" + Uri.EscapeDataString("证券期货处")), "division.xlsx"));
        var otherYear = Rows(await SaveAsync(await viewer.GetAsync("/hangfire/export/items.xlsx?year=2019"), "2019.xlsx"));

        Assert.Equal(["提案", "提案", "提案"], cppcc.Select(r => r["类别"]));
        Assert.NotEmpty(division);
        Assert.All(division, r => Assert.True(r["主办处室"] == "证券期货处" || r["协办处室"].Contains("证券期货处", StringComparison.Ordinal), r["编号"]));
        Assert.Empty(otherYear);
    }

    [Theory]
    [InlineData("/hangfire/export/items.xlsx?year=20x8", "年度无效")]
    [InlineData("/hangfire/export/items.csv?kind=other", "类别无效")]
    [InlineData("/hangfire/export/items.csv?division=%E6%97%A0%E6%AD%A4%E5%A4%84", "处室不在处室名单中")]
    [InlineData("/hangfire/export/report.xlsx", "年度无效")]
    [InlineData("/hangfire/export/report.xlsx?year=2027", "2027 年尚未开始")]
    public async Task ABadFilter_IsRefusedWithTheReason(string path, string reason)
    {
        using var viewer = await SignedInAsync(SignInHost.Viewer);

        using var response = await viewer.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReportWorkbook_IsTheOneTheCommandWrites()
    {
        using var viewer = await SignedInAsync(SignInHost.Viewer);
        var written = Path.Combine(_folder, "command.xlsx");
        Assert.Equal(0, (await _cli.RunAsync("report", "--year", "2018", "--out", written, "--db", _host.Ledger.Path)).ExitCode);

        using var response = await viewer.GetAsync("/hangfire/export/report.xlsx?year=2018");
        var downloaded = await SaveAsync(response, "desk.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType!.ToString());
        Assert.Equal("办理情况-2018.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(Cells(written), Cells(downloaded));
        Assert.Contains(Cells(downloaded), c => c.Contains("金融服务处", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStranger_GetsNoFile()
    {
        using var stranger = _host.Client();

        using var response = await stranger.GetAsync("/hangfire/export/items.csv?year=2018");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Progress_LinksTheDownloads_UnderItsFilters()
    {
        using var viewer = await SignedInAsync(SignInHost.Viewer);

        var html = await (await viewer.GetAsync("/hangfire/progress?year=2018&kind=cppcc")).Content.ReadAsStringAsync();

        Assert.Contains("href=\"/hangfire/export/items.xlsx?year=2018&amp;kind=cppcc\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/hangfire/export/items.csv?year=2018&amp;kind=cppcc\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/hangfire/export/report.xlsx?year=2018\"", html, StringComparison.Ordinal);
    }

    private async Task<string> SaveAsync(HttpResponseMessage response, string name)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = Path.Combine(_folder, name);
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        return path;
    }

    // The first sheet's rows by heading.
    private static List<Dictionary<string, string>> Rows(string xlsx)
    {
        using var stream = File.OpenRead(xlsx);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "")]);
        var headings = rows[0];
        return [.. rows.Skip(1).Select(r => headings.Select((h, i) => (h, v: r[i])).ToDictionary(p => p.h, p => p.v))];
    }

    // Every cell of every sheet, with its sheet's name.
    private static List<string> Cells(string xlsx)
    {
        using var stream = File.OpenRead(xlsx);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var cells = new List<string>();
        do
        {
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++) cells.Add($"{reader.Name}: {Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)}");
            }
        }
        while (reader.NextResult());
        return cells;
    }

    private async Task<SignInClient> SignedInAsync(string user)
    {
        var client = _host.Client();
        await client.SignInOrFailAsync(user);
        return client;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
