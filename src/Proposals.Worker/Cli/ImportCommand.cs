using System.CommandLine;
using Proposals.Storage;
using Proposals.Worker.Import;

namespace Proposals.Worker.Cli;

/// <summary>
/// <c>proposals import divisions FILE</c> and <c>proposals import proposals FILE</c>: all or nothing.
/// A file with any bad row writes nothing and every bad row is reported (exit code 2).
/// </summary>
internal static class ImportCommand
{
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
        var command = new Command("divisions", "导入处室及邮箱 (import divisions and their addresses)") { file, db };
        command.SetAction(async parse =>
        {
            await using var context = CommandContext.Create(console, parse.GetValue(db));
            var path = parse.GetValue(file)!;
            var result = DivisionFile.Read(path);
            if (!result.Ok) return Reject(console, path, result.Problems);
            foreach (var note in result.Notes) console.Error.WriteLine($"{path}: {note}");
            await context.EnsureSchemaAsync().ConfigureAwait(false);
            var store = context.Get<DivisionStore>();
            var rows = result.Rows;
            if (result.AbsentColumns.Contains("head_email"))
            {
                // A list without the heads' column says nothing about the heads: keep those on record.
                var stored = await store.AllAsync().ConfigureAwait(false);
                rows = rows.Select(d => stored.TryGetValue(d.Name, out var s) ? d with { HeadEmail = s.HeadEmail } : d).ToList();
            }
            var outcome = await store.UpsertAsync(rows).ConfigureAwait(false);
            Report(console, "处室 divisions", outcome);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Proposals(Console console)
    {
        var file = new Argument<string>("FILE") { Description = "建议提案台账 .csv 或 .xlsx" };
        var db = CommonOptions.Db();
        var command = new Command("proposals", "导入建议和提案 (import suggestions and proposals; upsert by kind, session, number)") { file, db };
        command.SetAction(async parse =>
        {
            await using var context = CommandContext.Create(console, parse.GetValue(db));
            var path = parse.GetValue(file)!;
            // A missing ledger is not created for a file that may be rejected: it just has no divisions yet.
            var exists = context.Database.Exists();
            if (exists) await context.EnsureSchemaAsync().ConfigureAwait(false);
            var divisions = exists
                ? await context.Get<DivisionStore>().AllAsync().ConfigureAwait(false)
                : new Dictionary<string, Domain.Ledger.Division>();
            var calendar = await context.CalendarAsync().ConfigureAwait(false);
            var result = ProposalFile.Read(path, divisions.Keys.ToHashSet(StringComparer.Ordinal), calendar, context.Ledger.Limits);
            if (!result.Ok)
            {
                if (divisions.Count == 0)
                {
                    console.Error.WriteLine("提示: 数据库中还没有处室, 请先导入处室 (no divisions yet: run `proposals import divisions FILE` first).");
                }
                return Reject(console, path, result.Problems);
            }
            if (result.Rows.Count > 0)
            {
                context.WarnMissingYears(calendar, result.Rows.Min(i => i.AssignedOn), result.Rows.Max(i => i.EffectiveDueOn));
            }
            foreach (var note in result.Notes) console.Error.WriteLine($"{path}: {note}");
            var store = context.Get<ItemStore>();
            var rows = result.Rows;
            if (StoredFacts.Matter(result.AbsentColumns) && rows.Count > 0)
            {
                var stored = await store.FindManyAsync(rows.Select(i => i.Key).ToList()).ConfigureAwait(false);
                rows = rows.Select(i => stored.TryGetValue(i.Key, out var s) ? StoredFacts.Keep(i, s, result.AbsentColumns) : i).ToList();
            }
            var outcome = await store.UpsertAsync(rows).ConfigureAwait(false);
            Report(console, "建议提案 items", outcome);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Reject(Console console, string path, IReadOnlyList<ImportProblem> problems)
    {
        foreach (var p in problems)
        {
            console.Error.WriteLine($"{path}: 第{p.Row}行 [{p.Column}] {p.Reason}");
        }
        var rows = problems.Select(p => p.Row).Distinct().Count();
        console.Error.WriteLine($"{path}: {rows} 行有误, 未写入任何数据 ({problems.Count} problem(s) in {rows} row(s); nothing was written).");
        return ExitCodes.BadInput;
    }

    private static void Report(Console console, string what, UpsertOutcome outcome) =>
        console.Out.WriteLine($"{what}: 新增 {outcome.Added}, 更新 {outcome.Changed}, 未变 {outcome.Unchanged} (added {outcome.Added}, changed {outcome.Changed}, unchanged {outcome.Unchanged})");
}
