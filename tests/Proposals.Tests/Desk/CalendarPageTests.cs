using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Proposals.Storage;
using Proposals.Tests.Auth;

namespace Proposals.Tests.Desk;

/// <summary>
/// 节假日安排 over real HTTP against the real worker (its clock on 2026-12-02, 2027 not published yet): the year's
/// days, the plain warning for an estimated year, and the coordinator's upload of next year's schedule.
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed partial class CalendarPageTests : IAsyncLifetime
{
    private const string Schedule2027 =
        """{"year": 2027, "papers": [], "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}, {"name": "春节", "date": "2027-02-06", "isOffDay": true}, {"name": "春节", "date": "2027-02-14", "isOffDay": false}]}""";

    private SignInHost _host = null!;

    public async Task InitializeAsync() => _host = await SignInHost.StartAsync(SignInHost.WithUsers());

    [Fact]
    public async Task APublishedYear_ListsItsDaysOffAndWorkingWeekendDays_WithoutAWarning()
    {
        using var viewer = await SignedInAsync(SignInHost.Viewer);

        var html = await (await viewer.GetAsync("/hangfire/calendar?year=2026")).Content.ReadAsStringAsync();

        Assert.Contains("<td>2026-10-01</td><td>四</td><td>放假</td><td>国庆节</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>上班</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("尚未载入", html, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"file\"", html, StringComparison.Ordinal);   // a viewer gets no upload form
    }

    [Fact]
    public async Task AnEstimatedYear_SaysSoPlainly_AndMarksItsDays()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);

        var html = await (await coordinator.GetAsync("/hangfire/calendar?year=2027")).Content.ReadAsStringAsync();

        Assert.Single(WarningLines().Matches(html));
        Assert.Contains("2027年的节假日安排尚未载入, 按放假办法推算", html, StringComparison.Ordinal);
        Assert.Contains("放假 (按放假办法推算)", html, StringComparison.Ordinal);
        Assert.Contains("type=\"file\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_SaysOnceThatNextYearsScheduleIsMissing_WithTheWayToUploadIt()
    {
        using var viewer = await SignedInAsync(SignInHost.Viewer);

        var html = await (await viewer.GetAsync("/hangfire/progress")).Content.ReadAsStringAsync();

        Assert.Single(WarningLines().Matches(html));
        Assert.Contains("href=\"/hangfire/calendar?year=2027\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACoordinatorUploads_NextYearsSchedule_AndThePageShowsIt()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var token = Token(await (await coordinator.GetAsync("/hangfire/calendar?year=2027")).Content.ReadAsStringAsync());

        using var posted = await coordinator.Http.PostAsync(new Uri("/hangfire/calendar/upload", UriKind.Relative), Upload(Schedule2027, token));
        var html = await (await coordinator.GetAsync("/hangfire/calendar?year=2027")).Content.ReadAsStringAsync();
        var progress = await (await coordinator.GetAsync("/hangfire/progress")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.EndsWith("/hangfire/calendar?year=2027&loaded=2027", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains(await new CalendarStore(_host.Ledger.Database).AllAsync(), s => s.Year == 2027);
        Assert.Contains("<td>2027-02-14</td><td>日</td><td>上班</td><td>春节</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("尚未载入", html, StringComparison.Ordinal);
        Assert.DoesNotContain("尚未载入", progress, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"year": 2027, "papers": [], "days": [{"name": "元旦", "date": "2026-12-31", "isOffDay": true}]}""", "the 2027 schedule lists no day off in 2027")]
    [InlineData("not json at all", "节假日文件有误")]
    [InlineData("""{"year": 2027, "papers": [], "days": []}""", "没有可载入的年度安排")]
    public async Task ABadFile_IsRefusedWithTheReason_AndNothingIsWritten(string json, string reason)
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);
        var token = Token(await (await coordinator.GetAsync("/hangfire/calendar")).Content.ReadAsStringAsync());

        using var posted = await coordinator.Http.PostAsync(new Uri("/hangfire/calendar/upload", UriKind.Relative), Upload(json, token));
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains(reason, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("未写入任何数据", html, StringComparison.Ordinal);
        Assert.DoesNotContain(await new CalendarStore(_host.Ledger.Database).AllAsync(), s => s.Year == 2027);
    }

    [Fact]
    public async Task AViewersUpload_IsRefused_AndNothingIsWritten()
    {
        using var viewer = await SignedInAsync(SignInHost.Viewer);
        // A token valid for the viewer (the dashboard gives a viewer none; the sign-out form has one): the refusal is the role's, not the token's.
        var token = Token(await (await viewer.GetAsync("/logout")).Content.ReadAsStringAsync());

        using var posted = await viewer.Http.PostAsync(new Uri("/hangfire/calendar/upload", UriKind.Relative), Upload(Schedule2027, token));

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.DoesNotContain(await new CalendarStore(_host.Ledger.Database).AllAsync(), s => s.Year == 2027);
    }

    [Fact]
    public async Task AnUploadWithoutTheAntiforgeryToken_IsRefused_AndNothingIsWritten()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);

        using var posted = await coordinator.Http.PostAsync(new Uri("/hangfire/calendar/upload", UriKind.Relative), Upload(Schedule2027, null));

        Assert.False(posted.IsSuccessStatusCode || posted.StatusCode == HttpStatusCode.SeeOther, $"{(int)posted.StatusCode}");
        Assert.DoesNotContain(await new CalendarStore(_host.Ledger.Database).AllAsync(), s => s.Year == 2027);
    }

    [Fact]
    public async Task AGetOfTheUpload_ChangesNothing()
    {
        using var coordinator = await SignedInAsync(SignInHost.Coordinator);

        using var got = await coordinator.GetAsync("/hangfire/calendar/upload");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, got.StatusCode);
    }

    private static MultipartFormDataContent Upload(string json, string? token)
    {
        var form = new MultipartFormDataContent();
        if (token is not null) form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "file", "2027.json");
        return form;
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

    [GeneratedRegex("警告: 2027年")]
    private static partial Regex WarningLines();

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
