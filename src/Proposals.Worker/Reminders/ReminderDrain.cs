using Microsoft.Extensions.Logging;
using Proposals.Domain.Calendar;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using Proposals.Mail;
using Proposals.Storage;
using Proposals.Worker.Answers;
using Proposals.Worker.Hosting;

namespace Proposals.Worker.Reminders;

/// <summary>
/// Sends what the reminder record owes: claims due rows in batches under a lease, checks each
/// against the ledger as it stands today, sends it through one mail session and marks it. The record
/// is the only queue: the worker drains it in working hours, <c>proposals sweep</c> right after
/// deciding, and any number of workers may drain at once (each row goes to one of them).
/// </summary>
/// <remarks>
/// What counts against a reminder: its own refusal (5xx, failed at once), a temporary refusal or a
/// connection lost while it was being sent (tried again later, failed after Reminders:MaxAttempts),
/// and anything that throws while it is prepared. What does not: the server unreachable or no longer
/// answering a command (Mail:Smtp:TimeoutSeconds), TLS or the login refused, our sender address refused. Then the drain stops, gives the batch back untried,
/// and reports why; nothing is failed for it. A message whose fate is unknown (sent whole, but the
/// server's reply never came) is marked uncertain, never sent again by itself; the drain then stops
/// using that server for the round, since it may be holding every message so, and leaves the rest owed.
/// </remarks>
internal sealed class ReminderDrain(
    ReminderStore reminders, ItemStore items, DivisionStore divisions, ReminderComposer composer, IMailTransport transport,
    ReminderPolicy policy, ReminderOptions options, MailOptions mail, LedgerOptions ledger, AnswerLinks links, TimeProvider clock,
    SchemaWatch schema, ILogger<ReminderDrain> logger)
{
    /// <summary>
    /// Sends every reminder due now, as things stand on <paramref name="today"/>; <paramref name="onSent"/>
    /// hears of every reminder's end. Returns when the queue holds nothing due, or the way out is closed.
    /// </summary>
    public async Task<DrainOutcome> DrainAsync(DateOnly today, WorkingCalendar calendar, Action<SendReport>? onSent = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var outcome = new DrainOutcome();
        IReadOnlyDictionary<string, Division>? addresses = null;
        IMailSession? session = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var batch = await reminders.ClaimAsync(options.Lease, options.ClaimBatch, cancellationToken).ConfigureAwait(false);
                if (batch.Count == 0) break;
                addresses ??= await divisions.AllAsync(cancellationToken).ConfigureAwait(false);
                var itemsById = await items.FindByIdsAsync(batch.Select(b => b.Record.ItemId).ToList(), cancellationToken).ConfigureAwait(false);
                session ??= await transport.OpenAsync(cancellationToken).ConfigureAwait(false);
                var lease = batch[0].Lease;
                var renewed = clock.GetUtcNow();
                LogReclaimed(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        await GiveBackAsync(batch, i, lease, "已停止 (stopped)").ConfigureAwait(false);
                        return outcome;
                    }
                    renewed = await RenewWhenHalfGoneAsync(lease, renewed).ConfigureAwait(false);
                    await EnsureSchemaAsync(batch, i, lease).ConfigureAwait(false);
                    var report = await SendOneAsync(batch[i], itemsById, addresses, session, today, calendar, cancellationToken).ConfigureAwait(false);
                    if (report.Result == SendResult.Unavailable)
                    {
                        var givenBack = await GiveBackAsync(batch, i, lease, report.Detail).ConfigureAwait(false);
                        outcome.Stopped(report.Detail, givenBack, Names(batch, i, itemsById));
                        ReminderLog.Unavailable(logger, givenBack, report.Detail);
                        return outcome;
                    }
                    outcome.Add(report);
                    onSent?.Invoke(report);
                    if (report.Result == SendResult.Uncertain)
                    {
                        var why = $"{report.Detail}; 本轮不再使用该服务器 (this round stops using the server)";
                        var givenBack = await GiveBackAsync(batch, i + 1, lease, why).ConfigureAwait(false);
                        outcome.Stopped(why, givenBack, Names(batch, i + 1, itemsById));
                        ReminderLog.Unavailable(logger, givenBack, why);
                        return outcome;
                    }
                }
            }
            return outcome;
        }
        finally
        {
            if (session is not null) await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends reminder <paramref name="id"/> now, if it is owed (a coordinator's resend made it so):
    /// claimed alone, checked and sent as a drain would. A row another sender holds is left to it.
    /// </summary>
    public async Task<SendReport> SendNowAsync(long id, DateOnly today, WorkingCalendar calendar, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var claimed = await reminders.ClaimOneAsync(id, options.Lease, cancellationToken).ConfigureAwait(false);
        if (claimed is null) return new SendReport(id, SendResult.Cancelled, "不是待发送状态, 或已由其他进程发送 (not owed, or another sender has it)");
        LogReclaimed([claimed]);
        await EnsureSchemaAsync([claimed], 0, claimed.Lease).ConfigureAwait(false);
        var addresses = await divisions.AllAsync(cancellationToken).ConfigureAwait(false);
        var itemsById = await items.FindByIdsAsync([claimed.Record.ItemId], cancellationToken).ConfigureAwait(false);
        await using var session = await transport.OpenAsync(cancellationToken).ConfigureAwait(false);
        var report = await SendOneAsync(claimed, itemsById, addresses, session, today, calendar, cancellationToken).ConfigureAwait(false);
        if (report.Result == SendResult.Unavailable) await GiveBackAsync([claimed], 0, claimed.Lease, report.Detail).ConfigureAwait(false);
        return report;
    }

    private async Task<SendReport> SendOneAsync(
        ClaimedReminder claimed, IReadOnlyDictionary<long, Item> itemsById, IReadOnlyDictionary<string, Division> addresses,
        IMailSession session, DateOnly today, WorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var row = claimed.Record;
        var lease = claimed.Lease;
        var what = Name(claimed, itemsById);
        itemsById.TryGetValue(row.ItemId, out var item);
        try
        {
            if (item is null) return await CancelAsync(row, lease, "事项已不在台账中 (item no longer in the ledger)", what).ConfigureAwait(false);
            var check = SendCheck.Of(item, row.Division, row.Role, row.DueOn, row.Stage, row.PlannedOn, today, calendar, policy);
            switch (check)
            {
                case SendCheck.NotOwed notOwed:
                    return await CancelAsync(row, lease, notOwed.Reason, what).ConfigureAwait(false);
                case SendCheck.Newer newer:
                    await reminders.SupersedeAsync(row.Id, lease, DecidedReminder.Of(row.ItemId, newer.Reminder), CancellationToken.None).ConfigureAwait(false);
                    return new SendReport(row.Id, SendResult.Superseded, $"今天应发 {newer.Reminder.Stage.Stage.ChineseName} (today's stage is {newer.Reminder.Stage.Code}), 已代为记录", what);
                case SendCheck.NotYet notYet:
                    var day = ledger.StartOf(notYet.PlannedOn);
                    await reminders.ReleaseAsync([row.Id], lease, $"计划于 {notYet.PlannedOn:yyyy-MM-dd} 发送 (planned for that day)", day, CancellationToken.None).ConfigureAwait(false);
                    return new SendReport(row.Id, SendResult.NotYet, $"planned for {notYet.PlannedOn:yyyy-MM-dd}", what);
            }
            var owed = ((SendCheck.Send)check).Reminder;
            var recipients = Recipients.For(row.Division, owed.Copies, addresses, mail.Coordinator, mail.Leader);
            what = $"{what}  {recipients}";
            if (recipients.To is null)
            {
                var why = $"处室 \"{row.Division}\" 没有邮箱, 请导入处室名单 (the division has no address in the ledger)";
                await reminders.MarkFailedAsync(row.Id, lease, why, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                ReminderLog.Refused(logger, row.Id, row.Division, why);
                return new SendReport(row.Id, SendResult.Failed, why, what);
            }
            var message = composer.Compose(new ReminderMessage(item, owed, today, recipients.To, recipients.Cc,
                new ReminderContact(options.ContactName, mail.Coordinator, options.ContactPhone))
            {
                Links = await links.ForAsync(row.ItemId, owed, cancellationToken).ConfigureAwait(false),
            });
            var sent = await WhileRenewingAsync(lease, () => session.SendAsync(message, cancellationToken)).ConfigureAwait(false);
            // Marks use CancellationToken.None: once the server has accepted a message, a shutdown must
            // not skip recording it, or it would be sent again.
            return sent switch
            {
                SendOutcome.Sent accepted => await SentAsync(row, lease, message, recipients, accepted, what).ConfigureAwait(false),
                SendOutcome.Permanent permanent => await FailAsync(row, lease, permanent.Reason, what, recipients).ConfigureAwait(false),
                SendOutcome.Transient transient => await RetryAsync(row, lease, transient.Reason, what).ConfigureAwait(false),
                SendOutcome.Uncertain uncertain => await UncertainAsync(row, lease, message, recipients, uncertain.Reason, what).ConfigureAwait(false),
                SendOutcome.Unavailable unavailable => new SendReport(row.Id, SendResult.Unavailable, unavailable.Reason, what),
                _ => throw new InvalidOperationException($"unknown send outcome {sent}"),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever broke while the reminder was prepared (a template edited into broken Liquid, a bad
            // address, the database) counts against it: it is tried again later, and ends failed, visible.
            return await RetryAsync(row, lease, $"{e.GetType().Name}: {e.Message}", what).ConfigureAwait(false);
        }
    }

    private async Task<SendReport> SentAsync(ReminderRecord row, Lease lease, MimeKit.MimeMessage message, Recipients recipients, SendOutcome.Sent sent, string what)
    {
        if (!await reminders.MarkSentAsync(row.Id, lease, message.MessageId ?? "", recipients.To!, recipients.CcText, CancellationToken.None).ConfigureAwait(false))
        {
            ReminderLog.SentAfterLapse(logger, row.Id, message.MessageId);
        }
        var note = sent.RejectedCopies.Count == 0 ? sent.ServerReply : $"{sent.ServerReply}; 抄送被拒 (copies refused): {string.Join("; ", sent.RejectedCopies)}";
        return new SendReport(row.Id, SendResult.Sent, note, what);
    }

    private async Task<SendReport> UncertainAsync(ReminderRecord row, Lease lease, MimeKit.MimeMessage message, Recipients recipients, string reason, string what)
    {
        await reminders.MarkUncertainAsync(row.Id, lease, message.MessageId ?? "", recipients.To!, recipients.CcText, reason, CancellationToken.None).ConfigureAwait(false);
        ReminderLog.Uncertain(logger, row.Id, row.Division, reason);
        return new SendReport(row.Id, SendResult.Uncertain, reason, what);
    }

    private async Task<SendReport> FailAsync(ReminderRecord row, Lease lease, string reason, string what, Recipients recipients)
    {
        await reminders.MarkFailedAsync(row.Id, lease, reason, recipients.To, recipients.CcText, CancellationToken.None).ConfigureAwait(false);
        ReminderLog.Refused(logger, row.Id, row.Division, reason);
        return new SendReport(row.Id, SendResult.Failed, reason, what);
    }

    private async Task<SendReport> RetryAsync(ReminderRecord row, Lease lease, string reason, string what)
    {
        var next = clock.GetUtcNow() + RetrySchedule.After(row.Attempts + 1);
        var state = await reminders.RetryLaterAsync(row.Id, lease, reason, next, options.MaxAttempts, CancellationToken.None).ConfigureAwait(false);
        if (state == ReminderState.Failed)
        {
            var why = $"{options.MaxAttempts} 次尝试均未成功 (gave up after {options.MaxAttempts} attempts): {reason}";
            ReminderLog.Refused(logger, row.Id, row.Division, why);
            return new SendReport(row.Id, SendResult.Failed, why, what);
        }
        ReminderLog.StillOwed(logger, row.Id, row.Division, reason);
        return new SendReport(row.Id, SendResult.StillOwed, reason, what);
    }

    private async Task<SendReport> CancelAsync(ReminderRecord row, Lease lease, string reason, string what)
    {
        await reminders.MarkCancelledAsync(row.Id, lease, reason, CancellationToken.None).ConfigureAwait(false);
        return new SendReport(row.Id, SendResult.Cancelled, reason, what);
    }

    private async Task<int> GiveBackAsync(IReadOnlyList<ClaimedReminder> batch, int from, Lease lease, string reason) =>
        await reminders.ReleaseAsync(batch.Skip(from).Select(b => b.Record.Id).ToList(), lease, reason, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);

    // The schema read before each send: a newer program's `migrate` while this one runs stops it here,
    // with the batch given back untouched for the newer program to send.
    private async Task EnsureSchemaAsync(IReadOnlyList<ClaimedReminder> batch, int from, Lease lease)
    {
        try
        {
            await schema.EnsureUnchangedAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (SchemaChangedException e)
        {
            ReminderLog.SchemaChanged(logger, e.Message);
            try { await GiveBackAsync(batch, from, lease, e.Message).ConfigureAwait(false); }
            catch (System.Data.Common.DbException) { /* a schema this program does not know: the lease lapses instead */ }
            throw;
        }
    }

    // A sender that died left its batch in sending: one line per dead sender, not one per reminder,
    // since at most the one it was sending can have gone out.
    private void LogReclaimed(IReadOnlyList<ClaimedReminder> batch)
    {
        foreach (var sender in batch.Where(b => b.Reclaimed).GroupBy(b => b.PreviousSender))
        {
            var ids = sender.Select(b => b.Record.Id).Order().ToList();
            ReminderLog.Reclaimed(logger, ids.Count, sender.Key, string.Join(", ", ids));
        }
    }

    private static string Name(ClaimedReminder claimed, IReadOnlyDictionary<long, Item> itemsById)
    {
        var row = claimed.Record;
        return itemsById.TryGetValue(row.ItemId, out var item) ? PlanText.Reminder(item.Key, row.Division, row.Stage) : $"#{row.ItemId}  {row.Division}  {row.Stage}";
    }

    private static IReadOnlyList<string> Names(IReadOnlyList<ClaimedReminder> batch, int from, IReadOnlyDictionary<long, Item> itemsById) =>
        batch.Skip(from).Select(b => Name(b, itemsById)).ToList();

    // A slow server must not let the lease lapse under a batch still being sent.
    // One message may wait for the server's reply to its data up to Mail:Smtp:DataTimeoutSeconds (600 s), far
    // longer than a lease: the lease is renewed every half lease while the send is under way, or another sender
    // would take the batch as abandoned and send the message again while its first copy is still arriving.
    private async Task<T> WhileRenewingAsync<T>(Lease lease, Func<Task<T>> send)
    {
        using var done = new CancellationTokenSource();
        var renewing = RenewUntilAsync(lease, done.Token);
        try
        {
            return await send().ConfigureAwait(false);
        }
        finally
        {
            await done.CancelAsync().ConfigureAwait(false);
            try
            {
                await renewing.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The send ended: so does the renewal.
            }
        }
    }

    private async Task RenewUntilAsync(Lease lease, CancellationToken done)
    {
        while (true)
        {
            await Task.Delay(options.Lease / 2, clock, done).ConfigureAwait(false);
            await reminders.RenewAsync(lease, clock.GetUtcNow() + options.Lease, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<DateTimeOffset> RenewWhenHalfGoneAsync(Lease lease, DateTimeOffset renewed)
    {
        var now = clock.GetUtcNow();
        if (now - renewed < options.Lease / 2) return renewed;
        await reminders.RenewAsync(lease, now + options.Lease, CancellationToken.None).ConfigureAwait(false);
        return now;
    }
}
