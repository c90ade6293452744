using Microsoft.Extensions.Time.Testing;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Proposals.Domain.Calendar;
using Proposals.Mail;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;
using Proposals.Worker.Hosting;

namespace Proposals.Tests.Ops;

public sealed class HealthCheckTests
{
    private static readonly HealthCheckContext Context = new();

    [Fact]
    public async Task Database_IsHealthy_OnAMigratedLedger()
    {
        using var ledger = new TempLedger();

        var result = await new HealthDatabaseCheck(ledger.Database).CheckHealthAsync(Context);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("the ledger database answers", result.Description);
    }

    [Fact]
    public async Task Database_IsUnhealthy_WithTheMigrateHint_WhenTheTablesAreMissing()
    {
        var folder = Directory.CreateTempSubdirectory("proposals-health-").FullName;
        try
        {
            var result = await new HealthDatabaseCheck(LedgerDatabase.ForFile(Path.Combine(folder, "empty.db"))).CheckHealthAsync(Context);

            Assert.Equal(HealthStatus.Unhealthy, result.Status);
            Assert.Contains("proposals migrate", result.Description);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Database_IsUnhealthy_WhenTheFileCannotBeOpened()
    {
        using var ledger = new TempLedger();
        // A folder where the database file should be: SQLite cannot open it.
        var result = await new HealthDatabaseCheck(LedgerDatabase.ForFile(ledger.Folder)).CheckHealthAsync(Context);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("cannot open the ledger database", result.Description);
    }

    [Fact]
    public async Task Pickup_IsHealthy_WhenTheFolderIsWritable_AndARelayDeliversIt_AndLeavesNothingBehind()
    {
        using var ledger = new TempLedger();
        var outbox = Path.Combine(ledger.Folder, "outbox", "new");

        var result = await MailCheck(new MailOptions { Transport = "pickup", PickupDirectory = outbox, PickupRelayed = true }).CheckHealthAsync(Context);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains(outbox, result.Description);
        Assert.Empty(Directory.GetFileSystemEntries(outbox));
    }

    [Fact]
    public async Task Pickup_IsDegraded_WhenNothingDeliversTheFolder_ButNotInTheDemo()
    {
        using var ledger = new TempLedger();
        var options = new MailOptions { Transport = "pickup", PickupDirectory = Path.Combine(ledger.Folder, "outbox") };

        var real = await MailCheck(options).CheckHealthAsync(Context);
        var demo = await new HealthMailCheck(options, TimeProvider.System, RunMode.Demo).CheckHealthAsync(Context);

        Assert.Equal(HealthStatus.Degraded, real.Status);
        Assert.Contains("never leaves this machine", real.Description);
        Assert.Contains("Mail:Transport=smtp", real.Description);
        Assert.Equal(HealthStatus.Healthy, demo.Status);
    }

    [Fact]
    public async Task Pickup_IsUnhealthy_WhenTheFolderCannotBeMade()
    {
        using var ledger = new TempLedger();
        // A file stands where the folder's parent should be.
        var outbox = Path.Combine(ledger.Path, "outbox");

        var result = await MailCheck(new MailOptions { Transport = "pickup", PickupDirectory = outbox }).CheckHealthAsync(Context);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("Mail:PickupDirectory", result.Description);
    }

    [Fact]
    public async Task Smtp_IsHealthy_WhenTheServerAnswersEhlo_AndTheAnswerIsKeptAMinute()
    {
        await using var server = new ScriptedSmtpServer();
        var clock = BeijingClock.At("2026-06-01T09:00:00");
        var check = new HealthMailCheck(Smtp(server.Port), clock, RunMode.Real);

        var first = await check.CheckHealthAsync(Context);
        var again = await check.CheckHealthAsync(Context);
        clock.Advance(HealthMailCheck.SmtpAnswerKept);
        var later = await check.CheckHealthAsync(Context);

        Assert.Equal(HealthStatus.Healthy, first.Status);
        Assert.Contains($"127.0.0.1:{server.Port}", first.Description);
        Assert.Equal(HealthStatus.Healthy, again.Status);
        Assert.Equal(HealthStatus.Healthy, later.Status);
        Assert.Equal(2, server.Connections);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task Smtp_IsUnhealthy_WhenNothingListensOnThePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await MailCheck(Smtp(port)).CheckHealthAsync(Context);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains($"127.0.0.1:{port}", result.Description);
        Assert.Contains("Mail:Smtp", result.Description);
    }

    [Fact]
    public async Task Smtp_IsUnhealthy_WithinTheTimeLimit_WhenTheServerNeverGreets()
    {
        await using var server = new ScriptedSmtpServer { Silent = true };
        var options = Smtp(server.Port);
        options.Smtp.TimeoutSeconds = 1;
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = await MailCheck(options).CheckHealthAsync(Context);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("2026-06-01T09:00:00", "Healthy", "is checked from 1 November")]
    [InlineData("2026-10-31T23:59:00", "Healthy", "is checked from 1 November")]
    [InlineData("2026-11-01T00:00:00", "Degraded", "proposals calendar import")]
    [InlineData("2026-12-31T09:00:00", "Degraded", "no holiday schedule loaded for 2027: holidays estimated from the regulation")]
    [InlineData("2027-03-01T09:00:00", "Unhealthy", "调休上班日未知")]
    [InlineData("2025-11-26T09:00:00", "Healthy", "the 2025 and 2026 holiday schedules are loaded")]
    public async Task Calendar_WatchesThisYear_AndNextYearFromNovember(string localNow, string expected, string words)
    {
        using var ledger = new TempLedger();

        var result = await CalendarCheck(ledger, localNow).CheckHealthAsync(Context);

        Assert.Equal(expected, result.Status.ToString());
        Assert.Contains(words, result.Description);
    }

    [Fact]
    public async Task Calendar_IsHealthy_OnceNextYearIsImported()
    {
        using var ledger = new TempLedger();
        var days = new Dictionary<DateOnly, ScheduledDay> { [new DateOnly(2027, 1, 1)] = new(DayKind.Holiday, "元旦") };
        await new CalendarStore(ledger.Database).SaveAsync([new YearSchedule(2027, days, "2027.json")]);

        var result = await CalendarCheck(ledger, "2026-11-26T09:00:00").CheckHealthAsync(Context);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("2026 and 2027", result.Description);
    }

    private static HealthCalendarCheck CalendarCheck(TempLedger ledger, string localNow) =>
        new(new CalendarSource(ledger.Database), new LedgerOptions(), BeijingClock.At(localNow));

    private static HealthMailCheck MailCheck(MailOptions options) => new(options, TimeProvider.System, RunMode.Real);

    private static MailOptions Smtp(int port) => new()
    {
        Transport = "smtp",
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, TimeoutSeconds = 5 },
    };
}
