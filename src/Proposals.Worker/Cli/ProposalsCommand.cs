using System.CommandLine;
using Proposals.Storage;
using Proposals.Worker.Hosting;
using Proposals.Worker.Import;

namespace Proposals.Worker.Cli;

/// <summary>
/// The <c>proposals</c> command line. User mistakes end with a plain message on standard error and
/// exit code 2; other failures with a plain message and exit code 1; never a stack trace for either.
/// </summary>
internal static class ProposalsCommand
{
    public static RootCommand Build(Console console)
    {
        var root = new RootCommand(
            "proposals: 人大代表建议和政协提案办理台账、催办与办复率统计 (ledger, reminders and completion rates of deputies' suggestions and CPPCC proposals)\n" +
            "任何命令都可带设置 (any command takes settings): --Section:Key=value, 如 (e.g.) --Mail:Transport=smtp");
        root.Subcommands.Add(ImportCommand.Create(console));
        root.Subcommands.Add(ListCommand.Create(console));
        root.Subcommands.Add(DeadlineCommand.Create(console));
        root.Subcommands.Add(CalendarCommand.Create(console));
        root.Subcommands.Add(MigrateCommand.Create(console));
        root.Subcommands.Add(SweepCommand.Create(console));
        var report = ReportCommand.Create(console);
        report.Subcommands.Add(ReportSendCommand.Create(console));
        root.Subcommands.Add(report);
        root.Subcommands.Add(RecordCommand.Create(console));
        root.Subcommands.Add(HistoryCommand.Create(console));
        root.Subcommands.Add(RemindersCommand.Create(console));
        root.Subcommands.Add(BackupCommand.Create(console));
        root.Subcommands.Add(HashPasswordCommand.Create(console));
        root.Subcommands.Add(RunCommand.Create(console));
        // `proposals` alone shows the commands; starting the worker is always asked for by name.
        root.SetAction(parse => new System.CommandLine.Help.HelpAction().Invoke(parse));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, Console console, CancellationToken cancellationToken = default)
    {
        string[] rest;
        try
        {
            (var settings, rest) = SettingArguments.Split(args);
            if (settings.Count > 0)
            {
                var merged = new Dictionary<string, string?>(console.Settings ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase);
                foreach (var (key, value) in settings) merged[key] = value;
                console = console with { Settings = merged };
            }
        }
        catch (UserInputException e)
        {
            await console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        var root = Build(console);
        var parse = root.Parse(rest);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) await console.Error.WriteLineAsync($"参数有误 (invalid arguments): {error.Message}").ConfigureAwait(false);
            await console.Error.WriteLineAsync("用法见 (see) proposals --help").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            // Settings are checked when a command first uses them; a broken one is the user's input.
            await console.Error.WriteLineAsync(SettingsValidation.ToSettingsException(e).Message).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            // Never a stack trace: the message says what went wrong; a bug still gets its type named.
            await console.Error.WriteLineAsync(MessageOf(e)).ConfigureAwait(false);
            return ExitCodeOf(e);
        }
    }

    private static int ExitCodeOf(Exception e) => e switch
    {
        UserInputException or ImportFileException or Domain.Calendar.CalendarFileException or SettingsException
            or Reporting.ReportTemplateException or Mail.MailTemplateException => ExitCodes.BadInput,
        _ => ExitCodes.Failure,
    };

    private static string MessageOf(Exception e) => e switch
    {
        UserInputException or ImportFileException or Domain.Calendar.CalendarFileException or SettingsException
            or Reporting.ReportTemplateException or Mail.MailTemplateException or StorageException => e.Message,
        System.Data.Common.DbException db => $"数据库错误 (database error): {db.Message}",
        IOException or UnauthorizedAccessException => $"文件错误 (file error): {e.Message}",
        OperationCanceledException => "已取消 (cancelled)",
        _ => $"意外错误 (unexpected error, {e.GetType().Name}): {e.Message}",
    };
}
