using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Proposals.Mail;
using Proposals.Storage;
using Proposals.Worker.Answers;
using Proposals.Worker.Jobs;
using Proposals.Worker.Recording;
using Proposals.Worker.Reporting;
using Proposals.Worker.Reminders;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The one place the program's parts are put together, for the worker host, the commands and the
/// health checks alike. Every section of settings is bound to its class and checked by its rules:
/// the worker checks them all at start, a command those it uses; a broken one names itself.
/// </summary>
internal static class ProposalsServices
{
    public static IServiceCollection AddProposals(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(RunMode.Real);
        services.AddSettings<LedgerOptions>(configuration, "Ledger", o => o.Validate());
        services.AddSettings<ReminderOptions>(configuration, "Reminders", o => o.Validate(configuration.GetSection("Ledger").Get<LedgerOptions>() ?? new LedgerOptions()));
        services.AddSettings<MailOptions>(configuration, MailOptions.Section, o => o.Validate());
        services.AddSettings<DashboardOptions>(configuration, "Dashboard", o => o.Validate());
        services.AddSettings<ReportOptions>(configuration, "Reports", o => o.Validate());
        services.AddSettings<TemplateOptions>(configuration, "Templates", o => o.Validate());
        services.AddSettings<Import.ImportOptions>(configuration, "Import", o => o.Validate());
        services.AddSingleton(sp => sp.GetRequiredService<ReminderOptions>().Policy());
        services.AddSingleton(sp => sp.GetRequiredService<LedgerOptions>().Limits);

        services.AddSingleton(_ => LedgerDatabase.Create(configuration["Storage:Provider"], configuration.GetConnectionString("Proposals")));
        services.AddSingleton(sp => new ItemStore(sp.GetRequiredService<LedgerDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ReminderStore(sp.GetRequiredService<LedgerDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new CoordinatorMailStore(sp.GetRequiredService<LedgerDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DivisionStore(sp.GetRequiredService<LedgerDatabase>()));
        services.AddSingleton(sp => new CalendarStore(sp.GetRequiredService<LedgerDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SecretStore(sp.GetRequiredService<LedgerDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ReportRunStore(sp.GetRequiredService<LedgerDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new FactStore(sp.GetRequiredService<LedgerDatabase>(), sp.GetRequiredService<ItemStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DeskStore(sp.GetRequiredService<LedgerDatabase>()));
        services.AddSingleton(sp => new LinkUseStore(sp.GetRequiredService<LedgerDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CalendarSource>();
        services.AddSingleton<FactRecorder>();

        services.AddSingleton(sp => MailTransports.Create(sp.GetRequiredService<MailOptions>(), sp.GetService<ILoggerFactory>()));
        services.AddSingleton(sp => new ReminderComposer(sp.GetRequiredService<TemplateOptions>().Mail, sp.GetRequiredService<MailOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DivisionEmailComposer(sp.GetRequiredService<TemplateOptions>().Mail, sp.GetRequiredService<MailOptions>(),
            TemplateOptions.ShippedMail, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new CoordinatorMailComposer(sp.GetRequiredService<TemplateOptions>().Mail, sp.GetRequiredService<MailOptions>(),
            TemplateOptions.ShippedMail, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<EmailLines>();
        services.AddSingleton<ReminderEmails>();
        services.AddSingleton<CoordinatorMail>();
        services.AddSingleton(sp => new ReportMessageComposer(sp.GetRequiredService<MailOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AnswerLinks>();
        services.AddSingleton<ReminderSweep>();
        services.AddSingleton<SchemaWatch>();
        services.AddSingleton<ReminderDrain>();
        services.AddSingleton<DrainSignal>();
        services.AddSingleton<DrainHealth>();
        services.AddTransient<SweepRunner>();
        services.AddTransient<SweepJob>();

        services.AddSingleton(sp => new ReportFiles(sp.GetRequiredService<TemplateOptions>().Folder, sp.GetRequiredService<ReportOptions>()));
        services.AddTransient<ReportDelivery>();
        services.AddTransient<SentYearReport>();
        services.AddTransient<RateReportJob>();
        return services;
    }
}
