using Proposals.Domain.Calendar;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using Proposals.Storage;

namespace Proposals.Worker.Reminders;

/// <summary>
/// The rows of one claimed email checked against the ledger as it stands today: what still goes in
/// the email (a line per row), and what became of the rest (cancelled, superseded by the stage owed
/// today, which then joins the email, or waiting for its day).
/// </summary>
internal sealed class EmailLines(ReminderStore reminders, ReminderPolicy policy, Hosting.LedgerOptions ledger)
{
    /// <summary>One row still owed, as the email says it.</summary>
    public sealed record Line(ReminderRecord Row, Item Item, OwedReminder Reminder, string What);

    /// <summary>
    /// Checks every row of <paramref name="email"/>: <paramref name="lines"/> gets those still owed (as it
    /// goes, so a caller whose check broke half-way knows which rows it holds), <paramref name="report"/>
    /// hears of the rows that leave the email.
    /// </summary>
    public async Task CheckAsync(
        ClaimedEmail email, IReadOnlyDictionary<long, Item> itemsById, DateOnly today, WorkingCalendar calendar, List<Line> lines, Func<SendReport, Task> report)
    {
        foreach (var claimed in email.Rows)
        {
            var row = claimed.Record;
            var what = PlanText.Reminder(row, itemsById);
            if (!itemsById.TryGetValue(row.ItemId, out var item))
            {
                await CancelAsync(row, email.Lease, "事项已不在台账中 (item no longer in the ledger)", what, report).ConfigureAwait(false);
                continue;
            }
            var check = SendCheck.Of(item, row.Division, row.Role, row.DueOn, row.Stage, row.PlannedOn, today, calendar, policy, row.Notice ?? 0);
            switch (check)
            {
                case SendCheck.Send send:
                    lines.Add(new Line(row, item, send.Reminder, what));
                    break;
                case SendCheck.NotOwed notOwed:
                    await CancelAsync(row, email.Lease, notOwed.Reason, what, report).ConfigureAwait(false);
                    break;
                case SendCheck.Newer newer:
                    // The stage owed today goes in this email in the old one's place, held by the same lease.
                    var decided = DecidedReminder.Of(row.ItemId, newer.Reminder);
                    await reminders.SupersedeAsync(row.Id, email.Lease, decided, CancellationToken.None).ConfigureAwait(false);
                    await report(new SendReport(row.Id, SendResult.Superseded, $"今天应发 {newer.Reminder.StageName} (today's stage is {newer.Reminder.Stage.Code}), 已代为记录", what)).ConfigureAwait(false);
                    if (await reminders.HoldAsync(decided, email.Lease, CancellationToken.None).ConfigureAwait(false) is { } held)
                        lines.Add(new Line(held, item, newer.Reminder, PlanText.Reminder(held, itemsById)));
                    break;
                case SendCheck.NotYet notYet:
                    await reminders.ReleaseAsync([row.Id], email.Lease, $"计划于 {notYet.PlannedOn:yyyy-MM-dd} 发送 (planned for that day)", ledger.StartOf(notYet.PlannedOn), CancellationToken.None).ConfigureAwait(false);
                    await report(new SendReport(row.Id, SendResult.NotYet, $"planned for {notYet.PlannedOn:yyyy-MM-dd}", what)).ConfigureAwait(false);
                    break;
                default:
                    throw new InvalidOperationException($"unknown send check {check}");
            }
        }
    }

    private async Task CancelAsync(ReminderRecord row, Lease lease, string reason, string what, Func<SendReport, Task> report)
    {
        await reminders.MarkCancelledAsync(row.Id, lease, reason, CancellationToken.None).ConfigureAwait(false);
        await report(new SendReport(row.Id, SendResult.Cancelled, reason, what)).ConfigureAwait(false);
    }
}
