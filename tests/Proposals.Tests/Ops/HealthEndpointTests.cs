using Microsoft.Extensions.Time.Testing;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Proposals.Tests.Infrastructure;
using Proposals.Worker.Hosting;

namespace Proposals.Tests.Ops;

/// <summary>The endpoints over real HTTP: Kestrel on a free 127.0.0.1 port, the program's own services.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Ready_Answers200_WithEachCheckInPlainWords_WhenAllIsWell()
    {
        using var ledger = new TempLedger();
        await using var app = await StartAsync(ledger, Path.Combine(ledger.Folder, "outbox"), "2026-06-01T09:00:00");
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var live = await http.GetAsync("/health");
        var ready = await http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("application/json", ready.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = Checks(body);
        Assert.Equal(["calendar", "database", "mail", "reminders"], checks.Keys.Order());
        Assert.All(checks.Values, c => Assert.Equal("Healthy", c.Status));
        Assert.Contains("台账数据库可用", checks["database"].Description);
    }

    [Fact]
    public async Task Ready_Answers503_WhenMailCannotLeave_AndLiveStill200()
    {
        using var ledger = new TempLedger();
        await using var app = await StartAsync(ledger, Path.Combine(ledger.Path, "outbox"), "2026-11-26T09:00:00");
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var live = await http.GetAsync("/health");
        var ready = await http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        var checks = Checks(body);
        Assert.Equal("Unhealthy", checks["mail"].Status);
        Assert.Equal("Degraded", checks["calendar"].Status);
        Assert.Contains("2027年的节假日安排尚未载入", checks["calendar"].Description);
        Assert.Equal("Healthy", checks["database"].Status);
    }

    private static Dictionary<string, (string Status, string Description)> Checks(JsonDocument body) =>
        body.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (c.GetProperty("status").GetString()!, c.GetProperty("description").GetString()!));

    private static async Task<WebApplication> StartAsync(TempLedger ledger, string outbox, string localNow)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = ledger.Folder, EnvironmentName = "Production" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Proposals"] = ledger.Database.ConnectionString,
            ["Mail:Transport"] = "pickup",
            ["Mail:PickupDirectory"] = outbox,
            // A relay delivers the folder here; without one the mail check is Degraded (HealthCheckTests).
            ["Mail:PickupRelayed"] = "true",
            ["Mail:From"] = "建议提案催办 <proposals@finance.example.org>",
            ["Mail:Coordinator"] = "zonghe@finance.example.org",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<TimeProvider>(BeijingClock.At(localNow));
        builder.Services.AddProposals(builder.Configuration);
        builder.Services.AddProposalsHealth();
        var app = builder.Build();
        app.MapProposalsHealth();
        await app.StartAsync();
        return app;
    }
}
