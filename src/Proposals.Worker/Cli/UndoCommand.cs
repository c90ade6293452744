using System.CommandLine;
using Proposals.Domain.Ledger;
using Proposals.Worker.Recording;

namespace Proposals.Worker.Cli;

/// <summary>
/// <c>proposals record undo --kind K --session S --number N --fact F [--division D] --reason TEXT</c>: takes
/// back the latest fact of that kind not already undone. The fact stays in the history, marked undone
/// with who, when and why; a fact another rests on (the reply under its evaluation) is refused until
/// that one is undone first.
/// </summary>
internal static class UndoCommand
{
    public static Command Create(Console console)
    {
        var item = new ItemKeyOptions();
        var fact = new Option<string>("--fact")
        {
            Description = "撤销哪一项: reply, ack, co-input, extension, return, return-decision, evaluation, publication", Required = true,
        };
        fact.AcceptOnlyFromAmong("reply", "ack", "co-input", "extension", "return", "return-decision", "evaluation", "publication");
        var division = new Option<string?>("--division") { Description = "处室 (the co-division, for ack and co-input)" };
        var reason = new Option<string>("--reason") { Description = "撤销原因 (why it is taken back)", Required = true };
        var by = new Option<string?>("--by") { Description = "记录人 (who undoes it; default the system user)" };
        var db = CommonOptions.Db();
        var command = new Command("undo", "撤销一项已记录的事实, 留痕 (take a recorded fact back; it stays in the history, marked undone)")
        {
            fact, division, reason, by, db,
        };
        item.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            await using var context = CommandContext.Create(console, parse.GetValue(db));
            var key = item.Read(parse);
            var kind = FactKinds.Parse(parse.GetValue(fact))!.Value;
            await context.RequireLedgerAsync().ConfigureAwait(false);
            var outcome = await context.Get<FactRecorder>().UndoAsync(
                key, kind, parse.GetValue(division)?.Trim(), ItemKeyOptions.Recorder(parse.GetValue(by)), parse.GetValue(reason)!, cancel).ConfigureAwait(false);
            switch (outcome)
            {
                case RecordOutcome.NotFound notFound:
                    throw new UserInputException(notFound.Reason);
                case RecordOutcome.Refused refused:
                    throw new UserInputException($"{key} 撤销{kind.ChineseName()} (undo {kind.Code()}): {refused.Reason}");
                case RecordOutcome.Recorded recorded:
                    var status = recorded.Item.Item.StatusOn(context.Today);
                    await console.Out.WriteLineAsync($"已撤销 (undone) {kind.ChineseName()}: {key}; 状态 {status.ChineseName()} ({status.Code()})").ConfigureAwait(false);
                    break;
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
