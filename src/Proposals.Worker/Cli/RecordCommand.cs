using System.CommandLine;
using Proposals.Domain.Ledger;
using Proposals.Worker.Recording;

namespace Proposals.Worker.Cli;

/// <summary>
/// <c>proposals record ack|reply|co-input|return|extension|evaluation|publication --kind K --session S --number N ...</c>:
/// one dated fact about one item, without Excel, kept with who recorded it and how. Exit code 2 for
/// an unknown item or a fact that contradicts the record (a reply before assignment, say).
/// </summary>
internal static class RecordCommand
{
    public static Command Create(Console console)
    {
        var command = new Command("record", "记录办理情况: 签收、答复、协办意见送达、退回、延期、测评、公开 (record one dated fact about an item)");
        command.Subcommands.Add(Fact(console, FactKind.Acknowledgement, "签收 (the lead division, or with --division a co-division, acknowledges)", division: Need.Optional));
        command.Subcommands.Add(Fact(console, FactKind.Reply, "答复, 需 --class A-D; 重新办理时为重新答复 (the reply; while re-handling, the second reply)", replyClass: Need.Optional, note: true));
        command.Subcommands.Add(Fact(console, FactKind.CoInput, "协办意见已送达主办处室 (a co-division's input reached the lead division)", division: Need.Required));
        command.Subcommands.Add(Fact(console, FactKind.Return, "退回, 需 --reason (the item is not the bureau's business)", reason: Need.Required));
        command.Subcommands.Add(Fact(console, FactKind.Extension, "延期, 需 --to 和 --reason (a new due date approved by the assigning office)", reason: Need.Required, to: true, on: false));
        command.Subcommands.Add(Fact(console, FactKind.Evaluation, "测评, 需 --satisfaction (the deputy's or member's evaluation)", satisfaction: true));
        command.Subcommands.Add(Fact(console, FactKind.Publication, "答复已公开 (the reply was published)"));
        return command;
    }

    private enum Need
    {
        No,
        Optional,
        Required,
    }

    private static Command Fact(Console console, FactKind kind, string description,
        Need division = Need.No, Need replyClass = Need.No, Need reason = Need.No, bool to = false, bool satisfaction = false, bool on = true, bool note = false)
    {
        var kindOption = new Option<string>("--kind") { Description = "类别: 建议 (npc) 或 提案 (cppcc)", Required = true };
        var session = new Option<string>("--session") { Description = "届次, 如 十五届一次", Required = true };
        var number = new Option<string>("--number") { Description = "编号, 如 0012 (as imported)", Required = true };
        var divisionOption = new Option<string?>("--division") { Description = "处室", Required = division == Need.Required };
        var onOption = new Option<string?>("--on") { Description = "日期 (default today)", HelpName = "DATE" };
        var classOption = new Option<string?>("--class") { Description = "答复类别 A/B/C/D" };
        var reasonOption = new Option<string?>(note ? "--note" : "--reason") { Description = note ? "说明 (a note)" : "原因 (the reason)", Required = reason == Need.Required };
        var toOption = new Option<string>("--to") { Description = "新的办理期限 (the new due date)", Required = true, HelpName = "DATE" };
        var satisfactionOption = new Option<string>("--satisfaction") { Description = "满意/基本满意/不满意", Required = true };
        var by = new Option<string?>("--by") { Description = "记录人 (who records it; default the system user)" };
        var db = CommonOptions.Db();
        var command = new Command(kind.Code(), description) { kindOption, session, number, by, db };
        if (division != Need.No) command.Options.Add(divisionOption);
        if (on) command.Options.Add(onOption);
        if (replyClass != Need.No) command.Options.Add(classOption);
        if (reason != Need.No || note) command.Options.Add(reasonOption);
        if (to) command.Options.Add(toOption);
        if (satisfaction) command.Options.Add(satisfactionOption);
        command.SetAction(async (parse, cancel) =>
        {
            await using var context = CommandContext.Create(console, parse.GetValue(db));
            var key = new ItemKey(
                ItemKinds.Parse(parse.GetValue(kindOption)) ?? throw new UserInputException($"--kind: 无法识别 \"{parse.GetValue(kindOption)}\" (expected 建议/npc or 提案/cppcc)"),
                parse.GetValue(session)!.Trim(), parse.GetValue(number)!.Trim());
            var fact = new LedgerFact(
                kind,
                on && parse.GetValue(onOption) is { } text ? CliDate.Parse(text, "--on") : context.Today,
                division == Need.No ? null : parse.GetValue(divisionOption)?.Trim(),
                replyClass == Need.No || parse.GetValue(classOption) is not { } c ? null
                    : ReplyClasses.Parse(c) ?? throw new UserInputException($"--class: 无法识别 \"{c}\" (expected A, B, C or D)"),
                satisfaction ? Satisfactions.Parse(parse.GetValue(satisfactionOption)) ?? throw new UserInputException($"--satisfaction: 无法识别 \"{parse.GetValue(satisfactionOption)}\" (expected 满意, 基本满意 or 不满意)") : null,
                to ? CliDate.Parse(parse.GetValue(toOption)!, "--to") : null,
                reason != Need.No || note ? parse.GetValue(reasonOption) : null);
            await context.RequireLedgerAsync().ConfigureAwait(false);
            var recordedBy = parse.GetValue(by) is { Length: > 0 } who ? who.Trim() : Environment.UserName;
            var outcome = await context.Get<FactRecorder>().RecordAsync(key, fact, recordedBy, "command", cancel).ConfigureAwait(false);
            switch (outcome)
            {
                case RecordOutcome.NotFound notFound:
                    throw new UserInputException(notFound.Reason);
                case RecordOutcome.Refused refused:
                    throw new UserInputException($"{key} {kind.ChineseName()}: {refused.Reason}");
                case RecordOutcome.Recorded recorded:
                    var status = recorded.Item.Item.StatusOn(context.Today);
                    await console.Out.WriteLineAsync(recorded.Changed
                        ? $"已记录 (recorded) {kind.ChineseName()}: {key} {CliDate.Iso(fact.On)}; 状态 {status.ChineseName()} ({status.Code()})"
                        : $"已有记录, 未改变 (already on record): {key} {kind.ChineseName()} {CliDate.Iso(fact.On)}").ConfigureAwait(false);
                    break;
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
