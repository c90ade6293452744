using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Proposals.Storage;
using Proposals.Worker.Answers;
using Proposals.Worker.Jobs;
using Proposals.Worker.Reminders;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The worker: Hangfire server with the recurring jobs, and the Hangfire Dashboard. On the embedded
/// SQLite ledger Hangfire keeps its own state in memory; everything that must survive a restart
/// (what is owed, what was sent) is in the ledger database, so a restart loses dashboard history at
/// most, never a reminder. On PostgreSQL or SQL Server Hangfire shares the ledger's database.
/// </summary>
internal static class WorkerHost
{
    public static WebApplication Build(IReadOnlyDictionary<string, string?> commandLine, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            EnvironmentName = AppConfiguration.EnvironmentName,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddProposalsSources(commandLine);
        builder.Services.AddProposals(builder.Configuration);
        builder.Services.AddProposalsHealth();
        builder.Services.AddHostedService<RecurringJobsService>();
        builder.Services.AddHostedService<ReminderDrainService>();
        builder.Services.AddHealthChecks().AddCheck<HealthJobsCheck>("jobs", Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, [HealthEndpoints.ReadyTag], TimeSpan.FromSeconds(10));
        builder.Services.AddProposalsWeb(builder.Configuration);
        // Both do nothing unless the program runs under systemd or as a Windows service.
        builder.Services.AddSystemd();
        builder.Services.AddWindowsService();
        configure?.Invoke(builder.Services);
        var dashboard = builder.Configuration.GetSection("Dashboard").Get<DashboardOptions>() ?? new DashboardOptions();
        builder.WebHost.UseUrls(dashboard.Urls);
        builder.Services.AddAntiforgery();
        var ledgerDatabase = LedgerDatabase.Create(builder.Configuration["Storage:Provider"], builder.Configuration.GetConnectionString("Proposals"));
        builder.Services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseProposalsStorage(ledgerDatabase.Provider.Name(), ledgerDatabase.ConnectionString));
        builder.Services.AddHangfireServer(server =>
        {
            server.ServerName = Lease.Process;
            server.WorkerCount = Math.Clamp(Environment.ProcessorCount * 2, 2, 8);
        });
        var app = builder.Build();
        // Behind the nginx of ops/nginx: the client's address and scheme, from the known proxies only.
        // A request nginx forwards is then what it is, remote, to the dashboard's local-only rule too.
        app.UseKnownProxies(dashboard, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Proposals.Web"));
        app.UseProposalsWeb();
        app.UseAntiforgery();
        Desk.DeskPages.Add();
        app.UseHangfireDashboard(dashboard.Path, new Hangfire.DashboardOptions
        {
            DashboardTitle = "建议提案催办",
            Authorization = [new Auth.DashboardAccess()],
            IsReadOnlyFunc = Auth.DashboardAccess.IsReadOnly,
            DisplayStorageConnectionString = false,
        });
        app.MapGet("/", () => Results.Redirect(dashboard.Path));
        app.MapProposalsHealth();
        app.MapAnswers();
        return app;
    }
}
