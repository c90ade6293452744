using Microsoft.Extensions.Logging;
using Proposals.Domain.Calendar;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using Proposals.Mail;
using Proposals.Storage;
using Proposals.Worker.Hosting;

namespace Proposals.Worker.Reminders;

/// <summary>
/// Sends what the reminder record owes: claims due emails in batches under a lease (with
/// Reminders:Grouping division, every due row of a division at once, at most one such email per
/// division and working day; with item, one row each), checks each row against the ledger as it
/// stands today, writes and sends the email through one mail session and marks all its rows by what
/// the server said. The record is the only queue: the worker drains it in working hours,
/// <c>proposals sweep</c> right after deciding, and any number of workers may drain at once (each
/// email goes to one of them).
/// </summary>
/// <remarks>
/// What counts against an email's rows: its own refusal (5xx, failed at once), a temporary refusal or a
/// connection lost while it was being sent (tried again later, failed after Reminders:MaxAttempts),
/// and anything that throws while it is prepared. What does not: the server unreachable or no longer
/// answering a command (Mail:Smtp:TimeoutSeconds), TLS or the login refused, our sender address refused. Then the drain stops, gives the batch back untried,
/// and reports why; nothing is failed for it. A message whose fate is unknown (sent whole, but the
/// server's reply never came) is marked uncertain, never sent again by itself; the drain then stops
/// using that server for the round, since it may be holding every message so, and leaves the rest owed.
/// </remarks>
internal sealed class ReminderDrain(
    ReminderStore reminders, ItemStore items, DivisionStore divisions, EmailLines check, ReminderEmails writer, IMailTransport transport,
    ReminderOptions options, TimeProvider clock, SchemaWatch schema, ILogger<ReminderDrain> logger)
{
    /// <summary>
    /// Sends every email due now, as things stand on <paramref name="today"/>; <paramref name="onSent"/>
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
                var batch = await ClaimAsync(today, cancellationToken).ConfigureAwait(false);
                if (batch.Count == 0) break;
                addresses ??= await divisions.AllAsync(cancellationToken).ConfigureAwait(false);
                var itemsById = await items.FindByIdsAsync(batch.SelectMany(e => e.Rows).Select(r => r.Record.ItemId).Distinct().ToList(), cancellationToken).ConfigureAwait(false);
                session ??= await transport.OpenAsync(cancellationToken).ConfigureAwait(false);
                var lease = batch[0].Lease;
                var renewed = clock.GetUtcNow();
                LogReclaimed(batch.SelectMany(e => e.Rows));
                for (var i = 0; i < batch.Count; i++)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        await GiveBackAsync(Rest(batch, i), lease, "已停止 (stopped)").ConfigureAwait(false);
                        return outcome;
                    }
                    renewed = await RenewWhenHalfGoneAsync(lease, renewed).ConfigureAwait(false);
                    await EnsureSchemaAsync(Rest(batch, i), lease).ConfigureAwait(false);
                    var sent = await SendAsync(batch[i], itemsById, addresses, session, today, calendar, alone: false, cancellationToken).ConfigureAwait(false);
                    foreach (var report in sent.Reports.Where(r => r.Result != SendResult.Unavailable))
                    {
                        outcome.Add(report);
                        onSent?.Invoke(report);
                    }
                    if (sent.Emailed) outcome.Emailed();
                    if (sent.Unavailable is { } reason)
                    {
                        var givenBack = await GiveBackAsync([.. sent.StillHeld, .. Rest(batch, i + 1).Select(r => r.Record.Id)], lease, reason).ConfigureAwait(false);
                        outcome.Stopped(reason, givenBack, [.. sent.Reports.Where(r => r.Result == SendResult.Unavailable).Select(r => r.What), .. Names(Rest(batch, i + 1), itemsById)]);
                        ReminderLog.Unavailable(logger, givenBack, reason);
                        return outcome;
                    }
                    if (sent.Reports.Any(r => r.Result == SendResult.Uncertain))
                    {
                        var why = $"{sent.Reports.First(r => r.Result == SendResult.Uncertain).Detail}; 本轮不再使用该服务器 (this round stops using the server)";
                        var givenBack = await GiveBackAsync(Rest(batch, i + 1), lease, why).ConfigureAwait(false);
                        outcome.Stopped(why, givenBack, Names(Rest(batch, i + 1), itemsById));
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
    /// Sends reminder <paramref name="id"/> now, alone, if it is owed (a coordinator's resend made it so):
    /// claimed by itself, checked and sent as a drain would, but not as the division's morning email.
    /// A row another sender holds is left to it. Returns what became of it.
    /// </summary>
    public async Task<SendReport> SendNowAsync(long id, DateOnly today, WorkingCalendar calendar, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var claimed = await reminders.ClaimOneAsync(id, options.Lease, cancellationToken).ConfigureAwait(false);
        if (claimed is null) return new SendReport(id, SendResult.Cancelled, "不是待发送状态, 或已由其他进程发送 (not owed, or another sender has it)");
        var email = new ClaimedEmail(claimed.Record.Division, [claimed]);
        LogReclaimed(email.Rows);
        await EnsureSchemaAsync(email.Rows, claimed.Lease).ConfigureAwait(false);
        var addresses = await divisions.AllAsync(cancellationToken).ConfigureAwait(false);
        var itemsById = await items.FindByIdsAsync([claimed.Record.ItemId], cancellationToken).ConfigureAwait(false);
        await using var session = await transport.OpenAsync(cancellationToken).ConfigureAwait(false);
        var sent = await SendAsync(email, itemsById, addresses, session, today, calendar, alone: true, cancellationToken).ConfigureAwait(false);
        if (sent.Unavailable is { } reason) await GiveBackAsync(sent.StillHeld, claimed.Lease, reason).ConfigureAwait(false);
        return sent.Reports.Count > 0 ? sent.Reports[^1] : new SendReport(id, SendResult.Cancelled, "没有可发送的内容 (nothing to send)");
    }

    private async Task<IReadOnlyList<ClaimedEmail>> ClaimAsync(DateOnly today, CancellationToken cancellationToken)
    {
        switch (options.Mode)
        {
            case ReminderGrouping.Division:
                // A division's morning email waits for the day's sweep to have decided everything: sent before
                // it (a retry at 08:30, a drain while a large sweep still records), it would hold part of the day.
                if (!await reminders.SweptAsync(today, cancellationToken).ConfigureAwait(false)) return [];
                return await reminders.ClaimEmailsAsync(options.Lease, options.ClaimBatch, today, cancellationToken).ConfigureAwait(false);
            case ReminderGrouping.Item:
                var rows = await reminders.ClaimAsync(options.Lease, options.ClaimBatch, cancellationToken).ConfigureAwait(false);
                return rows.Select(r => new ClaimedEmail(r.Record.Division, [r])).ToList();
            default:
                throw new InvalidOperationException($"Reminders:Grouping {options.Mode} is not known");
        }
    }

    /// <summary>What became of one email: a report per row, whether it went, and when the way out was closed, why and which rows are still held.</summary>
    private sealed record EmailResult(IReadOnlyList<SendReport> Reports, bool Emailed, string? Unavailable, IReadOnlyList<long> StillHeld);

    private async Task<EmailResult> SendAsync(
        ClaimedEmail email, IReadOnlyDictionary<long, Item> itemsById, IReadOnlyDictionary<string, Division> addresses,
        IMailSession session, DateOnly today, WorkingCalendar calendar, bool alone, CancellationToken cancellationToken)
    {
        var lease = email.Lease;
        var reports = new List<SendReport>();
        var lines = new List<EmailLines.Line>();
        ReminderEmails.Written? written;
        SendOutcome outcome;
        try
        {
            await check.CheckAsync(email, itemsById, today, calendar, lines, r => { reports.Add(r); return Task.CompletedTask; }).ConfigureAwait(false);
            if (lines.Count == 0) return new EmailResult(reports, false, null, []);
            written = await writer.WriteAsync(email.Division, lines, addresses, today, alone, cancellationToken).ConfigureAwait(false);
            if (written is null)
            {
                var why = $"处室 \"{email.Division}\" 没有邮箱, 请导入处室名单 (the division has no address in the ledger)";
                await reminders.MarkFailedAsync(Ids(lines), lease, why, null, null, CancellationToken.None).ConfigureAwait(false);
                ReminderLog.Refused(logger, Text(Ids(lines)), email.Division, why);
                return new EmailResult([.. reports, .. Each(lines, SendResult.Failed, why, null)], false, null, []);
            }
            var message = written.Message;
            outcome = await WhileRenewingAsync(lease, () => session.SendAsync(message, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever broke while the email was prepared (a template edited into broken Liquid, a bad
            // address, the database) counts against the rows still held: tried again later, failed in the end, visible.
            var left = reports.Select(r => r.Id).Concat(lines.Select(l => l.Row.Id)).ToHashSet();
            var still = Carried(lines).Concat(email.Rows.Where(r => !left.Contains(r.Record.Id)).Select(r => (r.Record, PlanText.Reminder(r.Record, itemsById)))).ToList();
            return still.Count == 0
                ? new EmailResult(reports, false, null, [])
                : new EmailResult([.. reports, .. await RetryAsync(still, email.Division, lease, $"{e.GetType().Name}: {e.Message}", null).ConfigureAwait(false)], false, null, []);
        }
        return new EmailResult([.. reports, .. await MarkAsync(email.Division, lines, lease, written, outcome).ConfigureAwait(false)],
            outcome is SendOutcome.Sent or SendOutcome.Uncertain, (outcome as SendOutcome.Unavailable)?.Reason, outcome is SendOutcome.Unavailable ? Ids(lines) : []);
    }

    // Marks every row the email carried by what the server said. Outside the send's try: an error here,
    // once the server has taken the message, must not make the rows owed and the email go again; it
    // leaves them held, and a sender that takes them over when the lease lapses says they may arrive twice.
    // CancellationToken.None: a shutdown must not skip recording what the server accepted.
    private async Task<IEnumerable<SendReport>> MarkAsync(string division, List<EmailLines.Line> lines, Lease lease, ReminderEmails.Written written, SendOutcome outcome)
    {
        var ids = Ids(lines);
        var message = written.Message;
        var recipients = written.Recipients;
        switch (outcome)
        {
            case SendOutcome.Sent accepted:
                var marked = await reminders.MarkSentAsync(ids, lease, message.MessageId ?? "", recipients.To!, recipients.CcText, written.Morning, CancellationToken.None).ConfigureAwait(false);
                if (marked < ids.Count) ReminderLog.SentAfterLapse(logger, Text(ids), message.MessageId);
                var note = accepted.RejectedCopies.Count == 0 ? accepted.ServerReply : $"{accepted.ServerReply}; 抄送被拒 (copies refused): {string.Join("; ", accepted.RejectedCopies)}";
                return Each(lines, SendResult.Sent, note, recipients);
            case SendOutcome.Permanent permanent:
                await reminders.MarkFailedAsync(ids, lease, permanent.Reason, recipients.To, recipients.CcText, CancellationToken.None).ConfigureAwait(false);
                ReminderLog.Refused(logger, Text(ids), division, permanent.Reason);
                return Each(lines, SendResult.Failed, permanent.Reason, recipients);
            case SendOutcome.Transient transient:
                return await RetryAsync(Carried(lines), division, lease, transient.Reason, recipients).ConfigureAwait(false);
            case SendOutcome.Uncertain uncertain:
                await reminders.MarkUncertainAsync(ids, lease, message.MessageId ?? "", recipients.To!, recipients.CcText, uncertain.Reason, written.Morning, CancellationToken.None).ConfigureAwait(false);
                ReminderLog.Uncertain(logger, Text(ids), division, uncertain.Reason);
                return Each(lines, SendResult.Uncertain, uncertain.Reason, recipients);
            case SendOutcome.Unavailable unavailable:
                return Each(lines, SendResult.Unavailable, unavailable.Reason, recipients);
            default:
                throw new InvalidOperationException($"unknown send outcome {outcome}");
        }
    }

    private static List<long> Ids(IEnumerable<EmailLines.Line> lines) => lines.Select(l => l.Row.Id).ToList();

    private async Task<IEnumerable<SendReport>> RetryAsync(IReadOnlyList<(ReminderRecord Row, string What)> lines, string division, Lease lease, string reason, Recipients? recipients)
    {
        var ids = lines.Select(l => l.Row.Id).ToList();
        var attempts = lines.Max(l => l.Row.Attempts) + 1;
        var next = clock.GetUtcNow() + RetrySchedule.After(attempts);
        var state = await reminders.RetryLaterAsync(ids, lease, reason, next, options.MaxAttempts, CancellationToken.None).ConfigureAwait(false);
        if (state == ReminderState.Failed)
        {
            var why = $"{options.MaxAttempts} 次尝试均未成功 (gave up after {options.MaxAttempts} attempts): {reason}";
            ReminderLog.Refused(logger, Text(ids), division, why);
            return Each(lines, SendResult.Failed, why, recipients);
        }
        ReminderLog.StillOwed(logger, Text(ids), division, reason);
        return Each(lines, SendResult.StillOwed, reason, recipients);
    }

    private static List<SendReport> Each(IEnumerable<EmailLines.Line> lines, SendResult result, string detail, Recipients? recipients) =>
        Each(Carried(lines), result, detail, recipients);

    private static List<SendReport> Each(IEnumerable<(ReminderRecord Row, string What)> lines, SendResult result, string detail, Recipients? recipients) =>
        lines.Select(l => new SendReport(l.Row.Id, result, detail, recipients is null ? l.What : $"{l.What}  {recipients}")).ToList();

    private static List<(ReminderRecord Row, string What)> Carried(IEnumerable<EmailLines.Line> lines) => lines.Select(l => (l.Row, l.What)).ToList();

    private static string Text(IEnumerable<long> ids) => string.Join(", ", ids);

    private static List<ClaimedReminder> Rest(IReadOnlyList<ClaimedEmail> batch, int from) => batch.Skip(from).SelectMany(e => e.Rows).ToList();

    private async Task<int> GiveBackAsync(IReadOnlyList<ClaimedReminder> rows, Lease lease, string reason) =>
        await GiveBackAsync(rows.Select(r => r.Record.Id).ToList(), lease, reason).ConfigureAwait(false);

    private async Task<int> GiveBackAsync(IReadOnlyList<long> ids, Lease lease, string reason) =>
        await reminders.ReleaseAsync(ids, lease, reason, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);

    // The schema read before each send: a newer program's `migrate` while this one runs stops it here,
    // with the batch given back untouched for the newer program to send.
    private async Task EnsureSchemaAsync(IReadOnlyList<ClaimedReminder> rows, Lease lease)
    {
        try
        {
            await schema.EnsureUnchangedAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (SchemaChangedException e)
        {
            ReminderLog.SchemaChanged(logger, e.Message);
            try { await GiveBackAsync(rows, lease, e.Message).ConfigureAwait(false); }
            catch (System.Data.Common.DbException) { /* a schema this program does not know: the lease lapses instead */ }
            throw;
        }
    }

    // A sender that died left its batch in sending: one line per dead sender, not one per reminder,
    // since at most the email it was sending can have gone out.
    private void LogReclaimed(IEnumerable<ClaimedReminder> rows)
    {
        foreach (var sender in rows.Where(b => b.Reclaimed).GroupBy(b => b.PreviousSender))
        {
            var ids = sender.Select(b => b.Record.Id).Order().ToList();
            ReminderLog.Reclaimed(logger, ids.Count, sender.Key, string.Join(", ", ids));
        }
    }

    private static List<string> Names(IEnumerable<ClaimedReminder> rows, IReadOnlyDictionary<long, Item> itemsById) =>
        rows.Select(r => PlanText.Reminder(r.Record, itemsById)).ToList();

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
