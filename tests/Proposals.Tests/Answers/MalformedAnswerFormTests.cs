using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using Proposals.Storage;
using Proposals.Tests.Auth;
using Proposals.Worker.Hosting;
using Proposals.Worker.Reminders;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Answers;

/// <summary>
/// A body posted to a division's answer link that says it is a form and is not: 400, one line in the
/// log and no stack trace, nothing recorded; the link still works afterwards.
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed partial class MalformedAnswerFormTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private SignInHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SignInHost.StartAsync(SignInHost.WithUsers());
        await _host.Ledger.WithDivisionsAsync();
        await new ItemStore(_host.Ledger.Database).UpsertAsync([Make("0012", "2026-09-02", "2026-12-02", lead: "银行保险处")]);
    }

    [Theory]
    [InlineData("multipart/form-data", "on=2026-12-01")]
    [InlineData("multipart/form-data; boundary=zz", "--zz\r\nContent-Disposition: form-data; name=\"on\"\r\n\r\n2026")]
    public async Task AMalformedForm_Is400_WithoutAStackTrace_AndTheLinkStillWorks(string contentType, string body)
    {
        var link = await AnswerLinkAsync();
        using var division = _host.Client();
        var before = _host.Log.Lines.Count;

        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await division.Http.PostAsync(link, content);
        using var again = await division.GetAsync(link);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var logged = _host.Log.Lines.Skip(before).ToList();
        Assert.DoesNotContain(logged, l => l.Level >= LogLevel.Error);
        Assert.DoesNotContain(logged, l => l.Message.Contains("   at ", StringComparison.Ordinal));
        Assert.Contains(logged, l => l.Message.StartsWith("Malformed form posted to /answer/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Null((await new ItemStore(_host.Ledger.Database).FindByIdAsync(1))?.Item.RepliedOn);
    }

    // The path of an answer link from a reminder the worker wrote.
    private async Task<string> AnswerLinkAsync()
    {
        var services = _host.App.Services;
        var calendar = await services.GetRequiredService<CalendarSource>().LoadAsync();
        await services.GetRequiredService<SweepRunner>().RunAsync(Today, calendar, _ => { });
        for (var waited = 0; waited < 100; waited++)
        {
            if (Directory.Exists(_host.Outbox))
            {
                foreach (var file in Directory.EnumerateFiles(_host.Outbox, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (AnswerPath().Match(message.TextBody ?? "") is { Success: true } m) return m.Value;
                }
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("no answer link in the outbox: " + _host.Errors());
    }

    [GeneratedRegex(@"/answer/[^\s""<>]+")]
    private static partial Regex AnswerPath();

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
