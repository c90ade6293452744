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
        command.Subcommands.Add(Fact(console, FactKind.Return, "申请退回, 需 --reason; 待交办单位决定 (asks the assigning office to take the item back; decided by return-decision)",
            reason: Need.Required, overridable: true));
        command.Subcommands.Add(Fact(console, FactKind.ReturnDecision, "退回决定: --approved 同意 或 --refused 不同意 (the assigning office's decision on a return request)", decision: true));
        command.Subcommands.Add(Fact(console, FactKind.Extension, "延期, 需 --to 和 --reason, 批准日期 --approved-on (a new due date approved by the assigning office)",
            reason: Need.Required, to: true, on: false, approval: true, overridable: true));
        command.Subcommands.Add(Fact(console, FactKind.Evaluation, "测评, 需 --satisfaction (the deputy's or member's evaluation)", satisfaction: true));
        command.Subcommands.Add(Fact(console, FactKind.Publication, "答复已公开 (the reply was published)"));
        command.Subcommands.Add(UndoCommand.Create(console));
        return command;
    }

    private enum Need
    {
        No,
        Optional,
        Required,
    }

    private static Command Fact(Console console, FactKind kind, string description,
        Need division = Need.No, Need replyClass = Need.No, Need reason = Need.No, bool to = false, bool satisfaction = false, bool on = true, bool note = false,
        bool approval = false, bool overridable = false, bool decision = false)
    {
        var item = new ItemKeyOptions();
        var divisionOption = new Option<string?>("--division") { Description = "处室", Required = division == Need.Required };
        var onOption = new Option<string?>("--on") { Description = "日期 (default today)", HelpName = "DATE" };
        var classOption = new Option<string?>("--class") { Description = "答复类别 A/B/C/D" };
        var reasonOption = new Option<string?>(note ? "--note" : "--reason") { Description = note ? "说明 (a note)" : "原因 (the reason)", Required = reason == Need.Required };
        var toOption = new Option<string>("--to") { Description = "新的办理期限 (the new due date)", Required = true, HelpName = "DATE" };
        var satisfactionOption = new Option<string>("--satisfaction") { Description = "满意/基本满意/不满意", Required = true };
        var approvedOn = new Option<string?>("--approved-on") { Description = "交办单位批准日期 (the day the assigning office approved it; default today)", HelpName = "DATE" };
        var approvedBy = new Option<string?>(approval ? "--approved-by" : "--decided-by") { Description = "批准或决定的单位 (the office that approved or decided)" };
        var overrideOption = new Option<string?>("--override") { Description = "越过期限或上限记录, 写明理由 (record it although late or past the cap, with the reason)", HelpName = "REASON" };
        var approved = new Option<bool>("--approved") { Description = "同意退回 (approved)" };
        var refused = new Option<bool>("--refused") { Description = "不同意退回 (refused)" };
        var by = new Option<string?>("--by") { Description = "记录人 (who records it; default the system user)" };
        var db = CommonOptions.Db();
        var command = new Command(kind.Code(), description);
        item.AddTo(command);
        command.Options.Add(by);
        command.Options.Add(db);
        if (division != Need.No) command.Options.Add(divisionOption);
        if (on) command.Options.Add(onOption);
        if (replyClass != Need.No) command.Options.Add(classOption);
        if (reason != Need.No || note) command.Options.Add(reasonOption);
        if (to) command.Options.Add(toOption);
        if (satisfaction) command.Options.Add(satisfactionOption);
        if (approval) command.Options.Add(approvedOn);
        if (approval || decision) command.Options.Add(approvedBy);
        if (overridable) command.Options.Add(overrideOption);
        if (decision)
        {
            command.Options.Add(approved);
            command.Options.Add(refused);
        }
        command.SetAction(async (parse, cancel) =>
        {
            await using var context = CommandContext.Create(console, parse.GetValue(db));
            var key = item.Read(parse);
            if (decision && parse.GetValue(approved) == parse.GetValue(refused))
                throw new UserInputException("record return-decision: 请给出 --approved 或 --refused 之一 (give exactly one of --approved or --refused)");
            var day = approval
                ? parse.GetValue(approvedOn) is { } approvedText ? CliDate.Parse(approvedText, "--approved-on") : context.Today
                : on && parse.GetValue(onOption) is { } text ? CliDate.Parse(text, "--on") : context.Today;
            var fact = new LedgerFact(
                kind,
                day,
                division == Need.No ? null : parse.GetValue(divisionOption)?.Trim(),
                replyClass == Need.No || parse.GetValue(classOption) is not { } c ? null
                    : ReplyClasses.Parse(c) ?? throw new UserInputException($"--class: 无法识别 \"{c}\" (expected A, B, C or D)"),
                satisfaction ? Satisfactions.Parse(parse.GetValue(satisfactionOption)) ?? throw new UserInputException($"--satisfaction: 无法识别 \"{parse.GetValue(satisfactionOption)}\" (expected 满意, 基本满意 or 不满意)") : null,
                to ? CliDate.Parse(parse.GetValue(toOption)!, "--to") : null,
                reason != Need.No || note ? parse.GetValue(reasonOption) : null,
                decision ? (parse.GetValue(approved) ? ReturnDecision.Approved : ReturnDecision.Refused) : null,
                approval || decision ? parse.GetValue(approvedBy) : null,
                overridable ? parse.GetValue(overrideOption) : null);
            await context.RequireLedgerAsync().ConfigureAwait(false);
            var recordedBy = ItemKeyOptions.Recorder(parse.GetValue(by));
            var outcome = await context.Get<FactRecorder>().RecordAsync(key, fact, recordedBy, "record", cancel).ConfigureAwait(false);
            switch (outcome)
            {
                case RecordOutcome.NotFound notFound:
                    throw new UserInputException(notFound.Reason);
                case RecordOutcome.Refused refused:
                    throw new UserInputException($"{key} {kind.ChineseName()}: {refused.Reason}");
                case RecordOutcome.Recorded recorded when kind == FactKind.Return && recorded.Changed:
                    await console.Out.WriteLineAsync($"申请已记录，待决定 (return requested; awaiting the assigning office's decision): {key} {CliDate.Iso(fact.On)}").ConfigureAwait(false);
                    break;
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
