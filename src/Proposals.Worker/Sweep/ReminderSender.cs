using Microsoft.Extensions.Logging;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using Proposals.Mail;
using Proposals.Storage;

namespace Proposals.Worker.Sweep;

/// <summary>
/// The sweep's second half: sends one recorded reminder. Claim, check it is still owed, compose,
/// send, mark. Whatever retries or crashes, a reminder is sent at most once while the record
/// works; the one window for a duplicate is between the server's acceptance and the mark, and a
/// send that re-enters that window is logged.
/// </summary>
internal sealed class ReminderSender(
    ReminderStore reminders,
    ItemStore items,
    DivisionStore divisions,
    ReminderComposer composer,
    MailOptions mail,
    ReminderOptions options,
    ILogger logger)
{
    // Addresses are read once per sender: one sender serves one batch or one job.
    private IReadOnlyDictionary<string, Division>? _addresses;

    /// <summary>Who is sending, in the record: host and process, so a lapsed claim can be traced.</summary>
    public static string SenderName { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Sends reminder <paramref name="id"/> through <paramref name="session"/>, as things stand on <paramref name="today"/>.</summary>
    public async Task<SendReport> SendAsync(long id, IMailSession session, DateOnly today, CancellationToken cancellationToken = default)
    {
        // Each claim has a token of its own: several Hangfire workers share a process, and a late
        // sender must not mark a row that another sender has claimed since.
        var sender = $"{SenderName}:{Guid.NewGuid():N}";
        var claim = await reminders.ClaimAsync(id, sender, options.ClaimLapse, cancellationToken).ConfigureAwait(false);
        if (claim is null) return new SendReport(id, SendResult.NotMine, "已由其他进程处理或已完成 (claimed elsewhere or finished)");
        var row = claim.Record;
        if (claim.Reclaimed)
        {
            ReminderLog.Reclaimed(logger, row.Id, row.Stage, row.Division, claim.PreviousSender);
        }
        try
        {
            return await SendClaimedAsync(row, sender, session, today, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Whatever broke between the claim and the mark (a template edited into broken Liquid, the
            // database, a shutdown), the reminder stays owed: it is never left claimed by a dead send.
            await reminders.ReleaseAsync(id, sender, $"{e.GetType().Name}: {e.Message}", CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    // Marks use CancellationToken.None: once the server has accepted a message, a shutdown must not
    // skip recording it, or the next sweep would send it again.
    private async Task<SendReport> SendClaimedAsync(ReminderRecord row, string sender, IMailSession session, DateOnly today, CancellationToken cancellationToken)
    {
        var id = row.Id;
        var role = ReminderRoleCodes.Parse(row.Role);
        var stored = await items.FindByIdAsync(row.ItemId, cancellationToken).ConfigureAwait(false);
        var what = stored is null ? $"#{row.ItemId}  {row.Division}  {row.Stage}" : PlanText.Reminder(stored.Item.Key, row.Division, row.Stage);
        var stale = StaleReason(stored?.Item, row, role, today);
        if (stale is not null)
        {
            await reminders.MarkCancelledAsync(id, sender, stale, CancellationToken.None).ConfigureAwait(false);
            return new SendReport(id, SendResult.Cancelled, stale, what);
        }
        var item = stored!.Item;
        var addresses = _addresses ??= await divisions.AllAsync(cancellationToken).ConfigureAwait(false);
        var dueOn = ReminderPlan.DueOnFor(item, role);
        var (copyHead, copyCoordinator) = ReminderPlan.Copies(item, role, row.Stage, today);
        var recipients = Recipients.For(new OwedReminderFacts(row.Division, copyHead, copyCoordinator), addresses, mail.Coordinator);
        what = $"{what}  {recipients}";
        if (recipients.To is null)
        {
            var why = $"处室 \"{row.Division}\" 没有邮箱 (division has no address in the ledger)";
            await reminders.MarkFailedAsync(id, sender, why, CancellationToken.None).ConfigureAwait(false);
            return new SendReport(id, SendResult.Failed, why, what);
        }
        var message = composer.Compose(new ReminderMessage(
            item.Key.Kind, item.Key.Session, item.Key.Number, item.Title, item.Proposer, item.LeadDivision, item.CoDivisions,
            item.AssignedOn, dueOn, role == ReminderRole.Lead && item.Extension is not null ? item.DueOn : null,
            row.Division, role, row.Stage,
            dueOn.DayNumber - today.DayNumber, recipients.To, recipients.Cc,
            new ReminderContact(options.ContactName, mail.Coordinator, options.ContactPhone)));
        var outcome = await session.SendAsync(message, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case SendOutcome.Sent sent:
                if (!await reminders.MarkSentAsync(id, sender, message.MessageId ?? "", recipients.ToString(), CancellationToken.None).ConfigureAwait(false))
                {
                    ReminderLog.SentAfterLapse(logger, id, message.MessageId);
                }
                var note = sent.RejectedCopies.Count == 0 ? sent.ServerReply : $"{sent.ServerReply}; 抄送被拒 (copies refused): {string.Join("; ", sent.RejectedCopies)}";
                return new SendReport(id, SendResult.Sent, note, what);
            case SendOutcome.Permanent permanent:
                await reminders.MarkFailedAsync(id, sender, permanent.Reason, CancellationToken.None).ConfigureAwait(false);
                ReminderLog.Refused(logger, id, row.Division, permanent.Reason);
                return new SendReport(id, SendResult.Failed, permanent.Reason, what);
            case SendOutcome.Transient transient:
                await reminders.ReleaseAsync(id, sender, transient.Reason, CancellationToken.None).ConfigureAwait(false);
                ReminderLog.StillOwed(logger, id, row.Division, transient.Reason);
                return new SendReport(id, SendResult.StillOwed, transient.Reason, what);
            default:
                throw new InvalidOperationException($"unknown send outcome {outcome}");
        }
    }

    // Between the sweep and the send the ledger may have changed: an import recorded the reply,
    // the return, an extension, or gave the item to another division. Such a reminder is no longer owed.
    private static string? StaleReason(Item? item, ReminderRecord row, ReminderRole role, DateOnly today)
    {
        if (item is null) return "事项已不在台账中 (item no longer in the ledger)";
        if (item.IsReturned) return "事项已退回 (item returned)";
        if (item.IsRepliedBy(today)) return "事项已答复 (item answered)";
        if (!ReminderPlan.Handles(item, role, row.Division)) return $"处室 {row.Division} 已不再承办此事项 (the division no longer handles the item)";
        var due = ReminderPlan.DueOnFor(item, role).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return due == row.DueOn ? null : $"办理期限已改为 {due} (due date changed to {due})";
    }
}

/// <summary>What became of one reminder.</summary>
/// <param name="Id">The reminder's row id.</param>
/// <param name="Result">Sent, still owed, failed, cancelled, or claimed by another sender.</param>
/// <param name="Detail">The server's reply or the reason.</param>
/// <param name="What">The line the coordinator reads: item number, division, stage, recipients.</param>
internal sealed record SendReport(long Id, SendResult Result, string Detail, string What = "");

/// <summary>The end of one send attempt.</summary>
internal enum SendResult
{
    Sent,
    StillOwed,
    Failed,
    Cancelled,
    NotMine,
}
