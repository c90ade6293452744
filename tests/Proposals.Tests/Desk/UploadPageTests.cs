using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Proposals.Domain.Ledger;
using Proposals.Storage;
using Proposals.Tests.Auth;
using Proposals.Tests.Infrastructure;
using Proposals.Worker.Import;

namespace Proposals.Tests.Desk;

/// <summary>
/// 导入 (/hangfire/import) and 处室 (/hangfire/divisions) over real HTTP against the real worker on a real
/// SQLite ledger, signed in: roles, antiforgery, each refusal, the preview, the confirm and a stale confirm.
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed partial class UploadPageTests : IAsyncLifetime
{
    private static readonly string Seeds = Path.Combine(RepositoryRoot.Path, "seeds");
    private SignInHost _host = null!;

    public async Task InitializeAsync()
    {
        var settings = SignInHost.WithUsers();
        settings["Import:MaxUploadMegabytes"] = "1";
        _host = await SignInHost.StartAsync(settings);
        await new DivisionStore(_host.Ledger.Database).UpsertAsync(DivisionFile.Read(Path.Combine(Seeds, "divisions.csv")).Rows);
    }

    [Fact]
    public async Task AViewer_SeesThePages_ButEveryChangeIsRefused()
    {
        using var viewer = await SignedInAsync(SignInHost.Viewer);
        var import = await viewer.GetAsync("/hangfire/import");
        var importHtml = await import.Content.ReadAsStringAsync();
        var divisions = await (await viewer.GetAsync("/hangfire/divisions")).Content.ReadAsStringAsync();

        using var upload = await UploadAsync(viewer, "proposals-2018.csv", Seed(), Token(divisions));
        using var confirm = await viewer.PostFormAsync("/hangfire/import/confirm", [new("id", "x"), new("__RequestVerificationToken", Token(divisions))]);
        using var edit = await viewer.PostFormAsync("/hangfire/divisions/edit", EditForm("综合处", "new@finance.example.org", Token(divisions)));

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Contains("只读账户不能导入", importHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("import-upload", importHtml, StringComparison.Ordinal);
        Assert.Contains("zonghe@finance.example.org", divisions, StringComparison.Ordinal);
        Assert.DoesNotContain(">保存<", divisions, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal("zonghe@finance.example.org", (await Divisions())["综合处"].Email);
        Assert.Equal(0, await ItemCountAsync());
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryToken_IsRefused_AndNothingIsKept()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);

        using var upload = await UploadAsync(coordinator, "proposals-2018.csv", Seed(), token: null);
        using var edit = await coordinator.PostFormAsync("/hangfire/divisions/edit", EditForm("综合处", "new@finance.example.org", token: null));

        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal("zonghe@finance.example.org", (await Divisions())["综合处"].Email);
        Assert.Equal(0, await UploadCountAsync());
    }

    [Fact]
    public async Task AnUploadOverTheLimit_GetsTheProblem_AndWritesNothing()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var token = Token(await (await coordinator.GetAsync("/hangfire/import")).Content.ReadAsStringAsync());
        // Over the 1 MB limit, within the envelope: the file's own size is held against it.
        var over = Padded(Seed(), 1_200_000);
        // Over the limit with its envelope: refused before the body is read.
        var farOver = Padded(Seed(), 3_000_000);

        var near = await PreviewAfterAsync(coordinator, await UploadAsync(coordinator, "big.csv", over, token));
        var far = await PreviewAfterAsync(coordinator, await UploadAsync(coordinator, "bigger.csv", farOver, token));

        Assert.Contains("超过上限 1 MB（Import:MaxUploadMegabytes）", near, StringComparison.Ordinal);
        Assert.Contains("超过上限 1 MB（Import:MaxUploadMegabytes）", far, StringComparison.Ordinal);
        Assert.DoesNotContain("import-confirm", near + far, StringComparison.Ordinal);
        Assert.Equal(0, await ItemCountAsync());
    }

    [Theory]
    [InlineData("notes.txt", "不是电子表格")]
    [InlineData("ledger.xlsx", "xlsx")]
    public async Task AFileThatIsNotASpreadsheet_GetsTheProblem_AndWritesNothing(string name, string said)
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var token = Token(await (await coordinator.GetAsync("/hangfire/import")).Content.ReadAsStringAsync());

        var html = await PreviewAfterAsync(coordinator, await UploadAsync(coordinator, name, Encoding.UTF8.GetBytes("just some words, not a ledger"), token));

        Assert.Contains("import-problems", html, StringComparison.Ordinal);
        Assert.Contains(said, html, StringComparison.Ordinal);
        Assert.DoesNotContain("import-confirm", html, StringComparison.Ordinal);
        Assert.Equal(0, await ItemCountAsync());
    }

    [Fact]
    public async Task BadRows_AreListedWithRowColumnAndReason_AsTheCommandLineSaysThem_AndNothingIsWritten()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var token = Token(await (await coordinator.GetAsync("/hangfire/import")).Content.ReadAsStringAsync());
        var bad = Encoding.UTF8.GetString(Seed()).Replace(",0027,", ",,", StringComparison.Ordinal).Replace("2018/6/12", "2018/13/12", StringComparison.Ordinal);
        var file = Path.Combine(_host.Ledger.Folder, "bad.csv");
        await File.WriteAllTextAsync(file, bad);

        var html = await PreviewAfterAsync(coordinator, await UploadAsync(coordinator, "bad.csv", Encoding.UTF8.GetBytes(bad), token));
        var cli = await new Infrastructure.Cli().RunAsync("import", "proposals", file, "--db", _host.Ledger.Path, "--dry-run");

        Assert.Contains("import-problems", html, StringComparison.Ordinal);
        Assert.DoesNotContain("import-confirm", html, StringComparison.Ordinal);
        var problems = ProblemRows().Matches(html).Select(m => $"第{m.Groups[1].Value}行 [{WebUtility.HtmlDecode(m.Groups[2].Value)}] {WebUtility.HtmlDecode(m.Groups[3].Value)}").ToList();
        Assert.True(problems.Count >= 2, html);
        foreach (var problem in problems) Assert.Contains(problem, cli.Error, StringComparison.Ordinal);
        Assert.Equal(2, cli.ExitCode);
        Assert.Equal(0, await ItemCountAsync());
    }

    [Fact]
    public async Task TheConfirm_WritesTheWholeFile_AsTheSignedInUser_ViaDesk()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var token = Token(await (await coordinator.GetAsync("/hangfire/import")).Content.ReadAsStringAsync());

        var preview = await PreviewAfterAsync(coordinator, await UploadAsync(coordinator, "proposals-2018.csv", Seed(), token));
        Assert.Equal(0, await ItemCountAsync());
        using var confirm = await coordinator.PostFormAsync("/hangfire/import/confirm", [new("id", UploadId(preview)), new("__RequestVerificationToken", Token(preview))]);
        var done = await (await coordinator.GetAsync(confirm.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();

        Assert.Contains("新增 9, 更新 0, 未变 0", preview, StringComparison.Ordinal);
        Assert.Contains("关于加大小微企业融资支持力度的建议", preview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, confirm.StatusCode);
        Assert.Contains("import-done", done, StringComparison.Ordinal);
        Assert.Equal(9, await ItemCountAsync());
        var item = await new ItemStore(_host.Ledger.Database).FindAsync(new ItemKey(ItemKind.Npc, "十五届一次", "0012"));
        var facts = await new FactStore(_host.Ledger.Database, new ItemStore(_host.Ledger.Database), TimeProvider.System).ForItemAsync(item!.Id);
        Assert.NotEmpty(facts);
        Assert.All(facts, f => Assert.Equal(("desk", SignInHost.Coordinator), (f.Via, f.RecordedBy)));

        // A second confirm of the same upload writes nothing again.
        using var again = await coordinator.PostFormAsync("/hangfire/import/confirm", [new("id", UploadId(preview)), new("__RequestVerificationToken", Token(preview))]);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task AConfirmAfterTheLedgerChanged_IsRefusedAsChangedBySomeoneElse_AndWritesNothing()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var token = Token(await (await coordinator.GetAsync("/hangfire/import")).Content.ReadAsStringAsync());
        var preview = await PreviewAfterAsync(coordinator, await UploadAsync(coordinator, "proposals-2018.csv", Seed(), token));
        // Someone imports one item of the file meanwhile, with another title.
        var one = string.Join("\n", Encoding.UTF8.GetString(Seed()).Split('\n').Take(2)).Replace("关于加大小微企业融资支持力度的建议", "另一个标题", StringComparison.Ordinal);
        var file = Path.Combine(_host.Ledger.Folder, "one.csv");
        await File.WriteAllTextAsync(file, one);
        Assert.Equal(0, (await new Infrastructure.Cli().RunAsync("import", "proposals", file, "--db", _host.Ledger.Path)).ExitCode);

        using var confirm = await coordinator.PostFormAsync("/hangfire/import/confirm", [new("id", UploadId(preview)), new("__RequestVerificationToken", Token(preview))]);
        var body = await confirm.Content.ReadAsStringAsync();
        var renewed = await (await coordinator.GetAsync("/hangfire/import?id=" + UploadId(preview))).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, confirm.StatusCode);
        Assert.Contains("已被他人修改", body, StringComparison.Ordinal);
        Assert.Equal(1, await ItemCountAsync());
        Assert.Contains("新增 8, 更新 1, 未变 0", renewed, StringComparison.Ordinal);
        Assert.Contains("title: 另一个标题 → 关于加大小微企业融资支持力度的建议", renewed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileContradictingARecordedFact_ListsTheConflictWithTheLedgersValueAndWhoRecordedIt()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        await File.WriteAllBytesAsync(Path.Combine(_host.Ledger.Folder, "seed.csv"), Seed());
        Assert.Equal(0, (await new Infrastructure.Cli().RunAsync("import", "proposals", Path.Combine(_host.Ledger.Folder, "seed.csv"), "--db", _host.Ledger.Path, "--by", "lisi")).ExitCode);
        var token = Token(await (await coordinator.GetAsync("/hangfire/import")).Content.ReadAsStringAsync());
        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Seed()).Replace("2018/6/8,A", "2018/6/11,A", StringComparison.Ordinal));

        var refused = await PreviewAfterAsync(coordinator, await UploadAsync(coordinator, "changed.csv", changed, token));
        var winning = await PreviewAfterAsync(coordinator, await UploadAsync(coordinator, "changed.csv", changed, token, fileWins: true));

        Assert.Contains("与台账记录冲突", refused, StringComparison.Ordinal);
        Assert.Contains("台账为 2018-06-08", refused, StringComparison.Ordinal);
        Assert.Contains("lisi (import", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("import-confirm", refused, StringComparison.Ordinal);
        Assert.Contains("<td>冲突</td>", winning, StringComparison.Ordinal);
        Assert.Contains("答复 2018-06-08 A（lisi (import", winning, StringComparison.Ordinal);
        Assert.Contains("import-confirm", winning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDryRun_PrintsTheSamePreviewTheDeskShows_AndWritesNothing()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var token = Token(await (await coordinator.GetAsync("/hangfire/import")).Content.ReadAsStringAsync());
        var html = await PreviewAfterAsync(coordinator, await UploadAsync(coordinator, "proposals-2018.csv", Seed(), token));
        var stored = await new UploadStore(_host.Ledger.Database).FindAsync(UploadId(html), _host.Clock.GetUtcNow());

        var cli = await new Infrastructure.Cli().RunAsync("import", "proposals", Path.Combine(Seeds, "proposals-2018.csv"), "--db", _host.Ledger.Path, "--dry-run");

        Assert.Equal(0, cli.ExitCode);
        var preview = ImportPreview.FromJson(stored!.Preview);
        Assert.Equal(9, preview.Changes.Count);
        Assert.Equal(preview.ChangeLines().Append($"预览 (dry run): {preview.Totals()}; 未写入任何数据 (nothing was written)"),
            cli.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(0, await ItemCountAsync());
    }

    [Fact]
    public async Task ADivisionsList_IsPreviewedAndConfirmed_LikeTheLedger()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var token = Token(await (await coordinator.GetAsync("/hangfire/import")).Content.ReadAsStringAsync());
        var list = Encoding.UTF8.GetBytes("处室,邮箱,负责人邮箱\n综合处,zh@finance.example.org,zonghe.head@finance.example.org\n新设处,xin@finance.example.org,\n");

        var preview = await PreviewAfterAsync(coordinator, await UploadAsync(coordinator, "divisions.csv", list, token, kind: "divisions"));
        using var confirm = await coordinator.PostFormAsync("/hangfire/import/confirm", [new("id", UploadId(preview)), new("__RequestVerificationToken", Token(preview))]);

        Assert.Contains("邮箱: zonghe@finance.example.org → zh@finance.example.org", preview, StringComparison.Ordinal);
        Assert.Contains("新增 1, 更新 1, 未变 0", preview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, confirm.StatusCode);
        var divisions = await Divisions();
        Assert.Equal("zh@finance.example.org", divisions["综合处"].Email);
        Assert.Equal("xin@finance.example.org", divisions["新设处"].Email);
        var history = Assert.Single(await new DivisionChangeStore(_host.Ledger.Database).LatestAsync(10));
        Assert.Equal(("综合处", "email", "zonghe@finance.example.org", "zh@finance.example.org", SignInHost.Coordinator),
            (history.Division, history.Field, history.Old, history.New, history.ChangedBy));
    }

    [Fact]
    public async Task ADivisionsAddress_IsEditedInPlace_AndKeptInItsHistory()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var page = await (await coordinator.GetAsync("/hangfire/divisions")).Content.ReadAsStringAsync();

        using var saved = await coordinator.PostFormAsync("/hangfire/divisions/edit", EditForm("综合处", "zh2@finance.example.org", Token(page)));
        using var bad = await coordinator.PostFormAsync("/hangfire/divisions/edit", EditForm("法规处", "王五 <wang@finance.example.org>", Token(page)));
        // The form shown before the first edit: its old address is no longer the ledger's.
        using var stale = await coordinator.PostFormAsync("/hangfire/divisions/edit", EditForm("综合处", "zh3@finance.example.org", Token(page)));
        var after = await (await coordinator.GetAsync("/hangfire/divisions")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, bad.StatusCode);
        Assert.Contains("error=", bad.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("已被他人修改", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var divisions = await Divisions();
        Assert.Equal("zh2@finance.example.org", divisions["综合处"].Email);
        Assert.Equal("fagui@finance.example.org", divisions["法规处"].Email);
        Assert.Contains("<td>综合处</td><td>邮箱</td><td>zonghe@finance.example.org</td><td>zh2@finance.example.org</td><td>zonghe</td>", after, StringComparison.Ordinal);
        var history = await new DivisionChangeStore(_host.Ledger.Database).LatestAsync(10);
        Assert.Equal(("综合处", "email", SignInHost.Coordinator), (Assert.Single(history).Division, history[0].Field, history[0].ChangedBy));
    }

    private static KeyValuePair<string, string>[] EditForm(string name, string email, string? token)
    {
        var old = TempLedgerSeedEmail(name);
        var form = new List<KeyValuePair<string, string>>
        {
            new("name", name), new("email", email), new("head_email", old.Head ?? ""), new("old_email", old.Email), new("old_head_email", old.Head ?? ""),
        };
        if (token is not null) form.Add(new("__RequestVerificationToken", token));
        return [.. form];
    }

    private static (string Email, string? Head) TempLedgerSeedEmail(string name)
    {
        var division = DivisionFile.Read(Path.Combine(Seeds, "divisions.csv")).Rows.Single(d => d.Name == name);
        return (division.Email, division.HeadEmail);
    }

    private static byte[] Seed() => File.ReadAllBytes(Path.Combine(Seeds, "proposals-2018.csv"));

    // The file with a column of notes long enough to make it <paramref name="size"/> bytes.
    private static byte[] Padded(byte[] file, int size)
    {
        var padded = new byte[size];
        file.CopyTo(padded, 0);
        for (var i = file.Length; i < size; i++) padded[i] = (byte)'\n';
        return padded;
    }

    private static async Task<HttpResponseMessage> UploadAsync(SignInClient client, string fileName, byte[] content, string? token, string kind = "proposals", bool fileWins = false)
    {
        using var form = new MultipartFormDataContent();
        if (token is not null) form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent(kind), "kind");
        if (fileWins) form.Add(new StringContent("on"), "file_wins");
        form.Add(new ByteArrayContent(content), "file", fileName);
        return await client.Http.PostAsync("/hangfire/import/upload", form);
    }

    // Follows the upload's 303 to its preview.
    private static async Task<string> PreviewAfterAsync(SignInClient client, HttpResponseMessage upload)
    {
        using (upload)
        {
            Assert.True(upload.StatusCode == HttpStatusCode.SeeOther, $"{(int)upload.StatusCode} {await upload.Content.ReadAsStringAsync()}");
            using var page = await client.GetAsync(upload.Headers.Location!.OriginalString);
            return await page.Content.ReadAsStringAsync();
        }
    }

    private static string UploadId(string html)
    {
        var match = UploadIdField().Match(html);
        Assert.True(match.Success, "no upload id on the page");
        return match.Groups[1].Value;
    }

    private async Task<IReadOnlyDictionary<string, Division>> Divisions() => await new DivisionStore(_host.Ledger.Database).AllAsync();

    private Task<int> ItemCountAsync() => CountAsync("items");

    private Task<int> UploadCountAsync() => CountAsync("uploads");

    private async Task<int> CountAsync(string table)
    {
        await using var connection = await _host.Ledger.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM " + table;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<SignInClient> SignedInAsync(string user)
    {
        var client = _host.Client();
        await client.SignInOrFailAsync(user);
        return client;
    }

    private static string Token(string html)
    {
        var match = FormToken().Match(html);
        Assert.True(match.Success, "no antiforgery token on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("name=\"id\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex UploadIdField();

    [GeneratedRegex("<tr><td>([0-9]+)</td><td>([^<]*)</td><td[^>]*>([^<]*)</td></tr>")]
    private static partial Regex ProblemRows();

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
