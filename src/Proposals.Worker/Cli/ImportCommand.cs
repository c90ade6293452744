using System.CommandLine;
using System.Globalization;
using Proposals.Domain.Calendar;
using Proposals.Storage;
using Proposals.Worker.Import;

namespace Proposals.Worker.Cli;

/// <summary>
/// <c>proposals import divisions FILE</c> and <c>proposals import proposals FILE</c>: all or nothing.
/// A file with any bad row writes nothing and its bad rows are reported (exit code 2). The ledger
/// streams into one transaction while it is read; Ctrl+C rolls it back (exit code 130).
/// </summary>
internal static class ImportCommand
{
    // As a shell reports a process stopped by Ctrl+C (128 + SIGINT).

    // A large file says how far it got, every so many rows.
    private const long ProgressEvery = 100_000;

    public static Command Create(Console console)
    {
        var command = new Command("import", "导入台账 (import the ledger from .csv or .xlsx)");
        command.Subcommands.Add(Divisions(console));
        command.Subcommands.Add(Proposals(console));
        return command;
    }

    private static Command Divisions(Console console)
    {
        var file = new Argument<string>("FILE") { Description = "处室表 .csv 或 .xlsx (columns 处室/name, 邮箱/email, 负责人邮箱/head_email)" };
        var db = CommonOptions.Db();
        var dryRun = DryRun();
        var command = new Command("divisions", "导入处室及邮箱 (import divisions and their addresses)") { file, db, dryRun };
        command.SetAction(async (parse, cancel) =>
        {
            await using var context = CommandContext.Create(console, parse.GetValue(db));
            var path = parse.GetValue(file)!;
            var import = new DivisionImport(context.Database, context.Get<DivisionStore>());
            var (preview, rows) = await import.PreviewAsync(path, context.Get<ImportOptions>(), cancel).ConfigureAwait(false);
            foreach (var note in preview.Notes) console.Error.WriteLine($"{path}: {note}");
            if (!preview.Ok) return Reject(console, path, preview.Problems, preview.ProblemCount, preview.ProblemRows);
            if (parse.GetValue(dryRun)) return Previewed(console, preview);
            await context.EnsureSchemaAsync().ConfigureAwait(false);
            var outcome = await import.WriteAsync(rows, Environment.UserName, context.Get<TimeProvider>().GetUtcNow(), cancel).ConfigureAwait(false);
            Report(console, "处室 divisions", outcome);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<bool> DryRun() => new("--dry-run")
    {
        Description = "只预览: 列出每个问题和每项变更 (新增、更新、未变、冲突), 不写入任何数据; 与网页导入的预览相同 (preview only: every problem and change, as the desk's import shows them; nothing is written)",
    };

    // The preview's changes and totals, on standard output; nothing was written.
    private static int Previewed(Console console, ImportPreview preview)
    {
        foreach (var line in preview.ChangeLines()) console.Out.WriteLine(line);
        console.Out.WriteLine($"预览 (dry run): {preview.Totals()}; 未写入任何数据 (nothing was written)");
        return ExitCodes.Ok;
    }

    private static Command Proposals(Console console)
    {
        var file = new Argument<string>("FILE") { Description = "建议提案台账 .csv 或 .xlsx" };
        var db = CommonOptions.Db();
        var renumber = new Option<bool>("--allow-renumber")
        {
            Description = "接受 Excel 可能改过的编号: 数字单元格、与已有编号只差前导零的编号 (take numbers Excel may have renumbered as written)",
        };
        var fileWins = new Option<bool>("--file-wins")
        {
            Description = "文件与台账已记录的事实冲突时以文件为准, 被替换的事实留在历史中 (where the file contradicts a recorded fact, take the file's; the replaced fact stays in the history, undone)",
        };
        var by = new Option<string?>("--by") { Description = "记录人 (who imports; default the system user)" };
        var dryRun = DryRun();
        var command = new Command("proposals", "导入建议和提案 (import suggestions and proposals; upsert by kind, session, number)") { file, db, renumber, fileWins, by, dryRun };
        command.SetAction(async (parse, cancel) =>
        {
            var path = parse.GetValue(file)!;
            var importer = parse.GetValue(by) is { Length: > 0 } who ? who.Trim() : Environment.UserName;
            try
            {
                return await ProposalsAsync(console, path, parse.GetValue(db), parse.GetValue(renumber), parse.GetValue(fileWins), importer, parse.GetValue(dryRun), cancel)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                console.Error.WriteLine($"{path}: 已取消，未写入任何数据 (cancelled; nothing was written).");
                return ExitCodes.Cancelled;
            }
        });
        return command;
    }

    private static async Task<int> ProposalsAsync(Console console, string path, string? db, bool allowRenumber, bool fileWins, string by, bool dryRun, CancellationToken cancel)
    {
        await using var context = CommandContext.Create(console, db);
        // A missing ledger is not created for a file that may be rejected: it just has no divisions yet.
        var exists = context.Database.Exists();
        if (exists) await context.EnsureSchemaAsync().ConfigureAwait(false);
        var divisions = exists
            ? await context.Get<DivisionStore>().AllAsync(cancel).ConfigureAwait(false)
            : new Dictionary<string, Domain.Ledger.Division>();
        var calendar = await context.CalendarAsync().ConfigureAwait(false);
        var nextProgress = ProgressEvery;
        var import = new ProposalImport(new ProposalImportSettings(
            path, divisions.Keys.ToHashSet(StringComparer.Ordinal), calendar, context.Ledger.Limits, context.Get<ImportOptions>(), allowRenumber,
            fileWins, context.Ledger.MaxExtensionMonths))
        {
            Written = rows =>
            {
                if (rows < nextProgress) return;
                console.Error.WriteLine($"{path}: 已读入 {rows} 行 ({rows} rows so far)");
                nextProgress = (rows / ProgressEvery + 1) * ProgressEvery;
            },
        };
        // The same run as the desk's preview and confirm: one transaction, kept unless this is a dry run.
        var run = await new LedgerImport(context.Database, context.Get<ItemStore>(), context.Get<FactStore>(), context.Get<TimeProvider>())
            .ProposalsAsync(import, by, "import", _ => !dryRun, cancel).ConfigureAwait(false);
        var result = run.Result;
        WriteNotes(console, path, result);
        context.WarnMissingYears(calendar, result.MissingYears);
        if (!result.Ok)
        {
            if (divisions.Count == 0)
            {
                console.Error.WriteLine("提示: 数据库中还没有处室, 请先导入处室 (no divisions yet: run `proposals import divisions FILE` first).");
            }
            return Reject(console, path, result.Report.Problems, result.Report.ProblemCount, result.Report.ProblemRows);
        }
        if (run.Preview.UnacknowledgedLine() is { } unacknowledged) console.Out.WriteLine(unacknowledged);
        if (dryRun) return Previewed(console, run.Preview);
        Report(console, "建议提案 items", result.Outcome);
        return ExitCodes.Ok;
    }

    private static void WriteNotes(Console console, string path, ProposalImportResult result)
    {
        foreach (var note in result.Report.Notes) console.Error.WriteLine($"{path}: {note}");
        var more = result.Report.NoteCount - result.Report.Notes.Count;
        if (more > 0) console.Error.WriteLine($"{path}: 另有 {more} 条说明未列出 ({more} more note(s) not listed; Import:MaxProblemsReported).");
    }

    private static int Reject(Console console, string path, IReadOnlyList<ImportProblem> problems, int count, int rows)
    {
        foreach (var p in problems)
        {
            console.Error.WriteLine($"{path}: 第{p.Row}行 [{p.Column}] {p.Reason}");
        }
        var more = count - problems.Count;
        if (more > 0) console.Error.WriteLine($"{path}: 另有 {more} 个问题未列出 ({more} more problem(s) not listed; Import:MaxProblemsReported).");
        console.Error.WriteLine($"{path}: {rows} 行有误, 未写入任何数据 ({count} problem(s) in {rows} row(s); nothing was written).");
        return ExitCodes.BadInput;
    }

    private static void Report(Console console, string what, UpsertOutcome outcome) =>
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: 新增 {outcome.Added}, 更新 {outcome.Changed}, 未变 {outcome.Unchanged} (added {outcome.Added}, changed {outcome.Changed}, unchanged {outcome.Unchanged})"));
}
