using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Proposals.Domain.Reminders;
using Proposals.Mail;
using Proposals.Storage;
using Proposals.Worker.Jobs;
using Proposals.Worker.Sweep;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The one place the program's parts are put together, for the worker host and for the commands
/// alike. Every setting is read and checked here, so a broken one stops start-up with its name.
/// </summary>
internal static class ProposalsServices
{
    public static IServiceCollection AddProposals(this IServiceCollection services, IConfiguration configuration)
    {
        var ledger = configuration.GetSection("Ledger").Get<LedgerOptions>() ?? new LedgerOptions();
        var reminders = configuration.GetSection("Reminders").Get<ReminderOptions>() ?? new ReminderOptions();
        var mail = configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        var dashboard = configuration.GetSection("Dashboard").Get<DashboardOptions>() ?? new DashboardOptions();
        var templates = TemplatesFolder(configuration);
        var problems = ledger.Validate().Concat(reminders.Validate()).Concat(mail.Validate()).Concat(dashboard.Validate()).ToList();
        if (!Directory.Exists(Path.Combine(templates, "mail")))
        {
            problems.Add($"Templates:Directory '{templates}' has no mail/ folder of templates (expected the templates folder shipped beside the program)");
        }
        if (problems.Count > 0) throw new SettingsException(problems);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(ledger);
        services.AddSingleton(reminders);
        services.AddSingleton(mail);
        services.AddSingleton(dashboard);
        services.AddSingleton(reminders.Policy());
        services.AddSingleton(LedgerDatabase.Create(configuration["Storage:Provider"], configuration.GetConnectionString("Proposals")));
        services.AddSingleton(sp => new ItemStore(sp.GetRequiredService<LedgerDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ReminderStore(sp.GetRequiredService<LedgerDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DivisionStore(sp.GetRequiredService<LedgerDatabase>()));
        services.AddSingleton<CalendarSource>();
        services.AddSingleton(sp => MailTransports.Create(mail, sp.GetService<ILoggerFactory>()));
        services.AddSingleton(sp => new ReminderComposer(Path.Combine(templates, "mail"), mail, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<MailSessionPool>();
        services.AddSingleton(sp => new ReminderSweep(
            sp.GetRequiredService<ItemStore>(), sp.GetRequiredService<ReminderStore>(), sp.GetRequiredService<DivisionStore>(),
            sp.GetRequiredService<ReminderPolicy>(), string.IsNullOrWhiteSpace(mail.Coordinator) ? null : mail.Coordinator));
        services.AddTransient(sp => new ReminderSender(
            sp.GetRequiredService<ReminderStore>(), sp.GetRequiredService<ItemStore>(), sp.GetRequiredService<DivisionStore>(),
            sp.GetRequiredService<ReminderComposer>(), mail, reminders, sp.GetRequiredService<ILoggerFactory>().CreateLogger<ReminderSender>()));
        services.AddTransient<SweepRunner>();
        services.AddTransient<SweepJob>();
        services.AddTransient<SendReminderJob>();
        services.AddReportJobs(configuration);
        return services;
    }

    /// <summary>Where the editable templates are: Templates:Directory, else the folder shipped beside the program.</summary>
    public static string TemplatesFolder(IConfiguration configuration) =>
        Path.GetFullPath(configuration["Templates:Directory"] is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "templates"));
}
